"""Reading editors' YAML: positions for every value, and field checks that say what to fix.

Shared by the quiz (quizkit) and the pay simulator (paysim); no MkDocs imports.
"""
