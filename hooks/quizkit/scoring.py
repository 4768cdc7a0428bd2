"""Scores, bands and how all answer combinations spread over the bands.

The browser script computes the same totals; tests compare the two.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass

from .model import Band, Quiz


@dataclass(frozen=True)
class DimensionScore:
    score: int
    max: int

    def is_weak(self, weak_below_percent: int) -> bool:
        return self.score * 100 < self.max * weak_below_percent


@dataclass(frozen=True)
class Result:
    answered: int
    total: int
    band: Band | None  # None until every question is answered
    dimensions: Mapping[str, DimensionScore]


def score(quiz: Quiz, answers: Mapping[str, int]) -> Result:
    """Score answers given as {question id: index of the chosen option}."""
    chosen = {q.id: q.options[answers[q.id]].points for q in quiz.questions if q.id in answers}
    total = sum(chosen.values())
    complete = len(chosen) == len(quiz.questions)
    dimensions = {
        d.id: DimensionScore(
            score=sum(chosen.get(q.id, 0) for q in quiz.questions_of(d.id)),
            max=quiz.dimension_max(d.id),
        )
        for d in quiz.dimensions
    }
    return Result(
        answered=len(chosen),
        total=total,
        band=quiz.band_for(total) if complete else None,
        dimensions=dimensions,
    )


def total_counts(quiz: Quiz) -> dict[int, int]:
    """How many answer combinations give each total, exactly.

    Multiplies one polynomial per question (points → number of options giving them)
    instead of enumerating every combination (3^15 for the KAM quiz).
    """
    counts = {0: 1}
    for question in quiz.questions:
        step: dict[int, int] = {}
        for total, ways in counts.items():
            for option in question.options:
                step[total + option.points] = step.get(total + option.points, 0) + ways
        counts = step
    return counts


@dataclass(frozen=True)
class BandShare:
    band: Band
    combinations: int
    share: float  # of all combinations, from 0 to 1


def band_shares(quiz: Quiz) -> list[BandShare]:
    """For each band, the share of all answer combinations that land in it."""
    counts = total_counts(quiz)
    everything = sum(counts.values())
    shares = []
    for band in quiz.bands:
        inside = sum(ways for total, ways in counts.items() if band.contains(total))
        shares.append(BandShare(band, inside, inside / everything))
    return shares


def fingerprint(quiz: Quiz) -> str:
    """A short hash of what stored answers depend on (ids, options, points, bands).

    Rewording a question keeps it; adding an option or changing points changes it,
    so answers saved for an older structure are dropped rather than misapplied.
    """
    structure = {
        "id": quiz.id,
        "questions": [[q.id, q.dimension, [o.points for o in q.options]] for q in quiz.questions],
        "bands": [[b.min, b.max] for b in quiz.bands],
    }
    canonical = json.dumps(structure, separators=(",", ":"), sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()[:12]
