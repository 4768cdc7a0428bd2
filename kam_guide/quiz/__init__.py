"""Quiz model, loading, validation, scoring and rendering: plain Python, no MkDocs imports.

`hooks/quiz.py` wires these into MkDocs events; tests use them directly.
"""
