"""The team table's figures in Python (kam_guide.quiz.team): the rules the browser test compares against."""

from __future__ import annotations

from fractions import Fraction
from itertools import product

from kam_guide.quiz.scoring import fingerprint, lower_share, shown_share
from kam_guide.quiz.team import SavedAssessment, team_summary
from quizfiles import load_fixture

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
    assert summary.total == Fraction(9 + 5, 2)
    assert summary.ratios["alpha"] == Fraction(5 + 4, 2 * 5)  # maxima: alpha 5, beta 4
    assert summary.shares == {"alpha": (9, 10), "beta": (5, 8)}  # sums, people × maximum
    assert summary.weakest == "beta"
    # 62.5 % shows as 63 %: halves round up, in whole numbers (Python's round gives 62).
    assert summary.shown_percent("beta") == (200 * 5 + 8) // (2 * 8) == 63
    assert summary.is_weak("beta", 63) and not summary.is_weak("beta", 62)
    assert summary.shown_total == 7.0


def test_unnamed_assessments_each_count_and_ties_go_to_the_first_dimension() -> None:
    summary = team_summary(MINI, [saved("", "2026-01-01", 7, 5, 2), saved("", "2026-01-01", 3, 0, 2)])
    assert summary is not None and summary.total == 5
    assert summary.ratios["alpha"] == summary.ratios["beta"] == Fraction(1, 2)
    assert summary.weakest == "alpha"


def test_weakest_is_the_exact_lowest_share_not_a_rounded_one() -> None:
    """Rounded to six decimals, 1/3 and 333,333/1,000,000 tie; exactly, the second is lower."""
    assert lower_share(333_333, 1_000_000, 1, 3) and not lower_share(1, 3, 333_333, 1_000_000)


def test_lower_share_is_the_order_of_fractions() -> None:
    for a, b, c, d in product(range(6), repeat=4):
        if a <= b and c <= d:  # a score never exceeds its maximum; 0 of 0 counts as 0
            assert lower_share(a, b, c, d) == (Fraction(a, b or 1) < Fraction(c, d or 1))


def test_a_shown_share_rounds_halves_up_in_whole_numbers() -> None:
    assert [shown_share(1, 8), shown_share(29, 200), shown_share(3, 2, 10), shown_share(0, 0)] == [13, 15, 15, 0]
    for whole in range(1, 300):
        for part in range(whole + 1):
            exact = Fraction(100 * part, whole)
            assert shown_share(part, whole) == int(exact + Fraction(1, 2)) == round(exact + Fraction(1, 10**9))
