"""The team table's figures, by the rules overrides/assets/team/team.js applies in the browser.

Tests compare the two. Only assessments made with the quiz's current version count, and
only each person's latest one: a person assessed twice weighs as much as one assessed once.
Figures are kept as whole-number sums, as the browser keeps them (`quizRules.team` in
quiz.js): a dimension's average is the fraction sum of scores / (people × maximum), compared
and rounded by multiplying, never as a float.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from .model import Quiz
from .scoring import fingerprint, is_weak, lower_share, shown_share


@dataclass(frozen=True)
class SavedAssessment:
    id: str
    name: str
    date: str  # ISO, 2026-11-30
    version: str
    total: int
    scores: Mapping[str, int]  # dimension id → points


@dataclass(frozen=True)
class TeamSummary:
    people: int  # assessments counted: each person's latest of the current version
    total_sum: int  # their totals added up
    shares: Mapping[str, tuple[int, int]]  # dimension id → (their scores added up, people × the maximum)
    weakest: str | None  # the lowest share, the first in the quiz's order on a tie

    @property
    def total(self) -> Fraction:
        """The mean total."""
        return Fraction(self.total_sum, self.people)

    @property
    def ratios(self) -> dict[str, Fraction]:
        """Each dimension's mean share of its maximum, 0 to 1."""
        return {key: Fraction(part, whole or 1) for key, (part, whole) in self.shares.items()}

    def shown_percent(self, dimension_id: str) -> int:
        """The share as the page shows it: a whole percent, halves rounded up."""
        return shown_share(*self.shares[dimension_id])

    def is_weak(self, dimension_id: str, weak_below_percent: int) -> bool:
        return is_weak(*self.shares[dimension_id], weak_below_percent)

    @property
    def shown_total(self) -> float:
        """The mean total as the page shows it: to one decimal, halves rounded up."""
        return shown_share(self.total_sum, self.people, 10) / 10


def team_summary(quiz: Quiz, saved: Sequence[SavedAssessment]) -> TeamSummary | None:
    version = fingerprint(quiz)
    latest: dict[str, SavedAssessment] = {}
    for entry in saved:
        who = entry.name.strip().lower() or entry.id
        if entry.version == version and not (who in latest and latest[who].date > entry.date):
            latest[who] = entry
    chosen = list(latest.values())
    if not chosen:
        return None
    shares: dict[str, tuple[int, int]] = {}
    weakest: str | None = None
    for dimension in quiz.dimensions:
        share = (sum(entry.scores[dimension.id] for entry in chosen), len(chosen) * quiz.dimension_max(dimension.id))
        shares[dimension.id] = share
        if weakest is None or lower_share(*share, *shares[weakest]):
            weakest = dimension.id
    return TeamSummary(len(chosen), sum(entry.total for entry in chosen), shares, weakest)
