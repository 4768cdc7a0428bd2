"""The team table's figures in Python (quizkit.team): the rules the browser test compares against."""

from __future__ import annotations

import math

from quizfiles import load_fixture
from quizkit.scoring import fingerprint
from quizkit.team import SavedAssessment, team_summary

MINI = load_fixture("mini")
VERSION = fingerprint(MINI)


def saved(name: str, date: str, total: int, alpha: int, beta: int, version: str = VERSION) -> SavedAssessment:
    return SavedAssessment(f"{name}{date}{total}", name, date, version, total, {"alpha": alpha, "beta": beta})


def test_nobody_saved_means_no_summary() -> None:
    assert team_summary(MINI, []) is None
    assert team_summary(MINI, [saved("Old", "2020-01-01", 5, 4, 1, version="0123456789ab")]) is None


def test_each_person_counts_once_with_their_latest_assessment() -> None:
    summary = team_summary(
        MINI,
        [
            saved("Anne", "2026-01-01", 2, 1, 1),
            saved(" anne", "2026-05-01", 9, 5, 4),
            saved("Bob", "2026-02-01", 5, 4, 1),
        ],
    )
    assert summary is not None
    assert summary.total == (9 + 5) / 2
    assert summary.ratios["alpha"] == 5 / 5 / 2 + 4 / 5 / 2  # maxima: alpha 5, beta 4
    assert summary.weakest == "beta"
    # 62.5 % shows as 63 %: halves round up, as the browser's Intl does (Python's round gives 62).
    assert summary.shown_percent("beta") == math.floor((4 / 4 + 1 / 4) / 2 * 100 + 0.5) == 63


def test_unnamed_assessments_each_count_and_ties_go_to_the_first_dimension() -> None:
    summary = team_summary(MINI, [saved("", "2026-01-01", 7, 5, 2), saved("", "2026-01-01", 3, 0, 2)])
    assert summary is not None and summary.total == 5
    assert summary.ratios["alpha"] == summary.ratios["beta"] == 0.5
    assert summary.weakest == "alpha"
