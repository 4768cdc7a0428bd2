"""What the quiz (quizkit) and the pay simulator (paysim) share; no MkDocs imports.

Reading editors' YAML with a position for every value, field checks that say what
to fix, and the Jinja environment of the partials.
"""
