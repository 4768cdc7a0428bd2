"""Checks of the pages in docs/, in editors' terms: no MkDocs imports.

`hooks/content_check.py` runs them before every build; they read the Markdown files
themselves, so each problem names the file and line an editor typed.
"""
