"""What the quiz and the pay simulator share; no MkDocs imports.

Reading editors' YAML with a position for every value, field checks that say what
to fix, and the Jinja environment of the partials.
"""
