"""The team table's figures, by the rules overrides/assets/team/team.js applies in the browser.

Tests compare the two. Only assessments made with the quiz's current version count, and
only each person's latest one: a person assessed twice weighs as much as one assessed once.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .model import Quiz
from .scoring import fingerprint


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
    total: float  # mean total
    ratios: Mapping[str, float]  # dimension id → mean share of its maximum, 0 to 1
    weakest: str | None

    def shown_percent(self, dimension_id: str) -> int:
        """The share as the page shows it: a whole percent, halves rounded up (Intl's rule)."""
        return math.floor(self.ratios[dimension_id] * 100 + 0.5)

    @property
    def shown_total(self) -> float:
        return math.floor(self.total * 10 + 0.5) / 10


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
    # The same floating-point operations, in the same order, as the script.
    total = 0.0
    for entry in chosen:
        total += entry.total / len(chosen)
    ratios: dict[str, float] = {}
    weakest: str | None = None
    for dimension in quiz.dimensions:
        maximum = quiz.dimension_max(dimension.id)
        ratio = 0.0
        for entry in chosen:
            ratio += entry.scores[dimension.id] / maximum / len(chosen)
        ratios[dimension.id] = ratio
        if weakest is None or _rounded(ratio) < _rounded(ratios[weakest]):
            weakest = dimension.id
    return TeamSummary(total, ratios, weakest)


def _rounded(ratio: float) -> int:
    return math.floor(ratio * 1e6 + 0.5)
