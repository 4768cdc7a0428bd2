"""The interface texts of a quiz: buttons, labels, notices (quizdata/_interface.yml).

`_interface.yml` gives every key in every language, in words true of any quiz. A quiz
may reword any of them for itself under `interface:` (e.g. its profile heading names its
dimensions: "Your profile across the four missions").
"""

from __future__ import annotations

INTERFACE_FILE = "_interface.yml"

# Every key the partial (overrides/partials/quiz.html) uses.
INTERFACE_KEYS = (
    "privacy",
    "question_number",
    "progress",
    "result_heading",
    "incomplete",
    "score_before",
    "points",
    "band_range",
    "profile_heading",
    "profile_paper",
    "profile_threshold",
    "dimension_questions",
    "dimension_max",
    "weak",
    "strong",
    "grid_heading",
    "grid_help",
    "grid_question",
    "grid_dimension",
    "share",
    "share_copied",
    "share_manual",
    "reset",
    "restored_from_link",
    "bad_link",
    "stale_answers",
)
