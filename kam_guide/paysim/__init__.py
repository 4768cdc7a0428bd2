"""The pay simulator of the salary page: data, formula and rendering, with no MkDocs imports."""
