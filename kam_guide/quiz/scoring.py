"""Scores, bands, how all answer combinations spread over the bands, and version fingerprints.

The browser computes the same figures with the same whole-number rules (`kamGuide.quizRules` in
overrides/assets/quiz/quiz.js): a share is compared or rounded by multiplying, never as a float,
so the page and this model agree on every case; tests compare the two.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import repeat
from operator import add, mul

from .model import Band, Question, Quiz


@dataclass(frozen=True)
class DimensionScore:
    score: int
    max: int

    def is_weak(self, weak_below_percent: int) -> bool:
        return is_weak(self.score, self.max, weak_below_percent)


def is_weak(score: int, maximum: int, weak_below_percent: int) -> bool:
    """score / maximum < weak_below_percent %, in whole numbers (`quizRules.isWeak`)."""
    return score * 100 < maximum * weak_below_percent


def shown_share(part: int, whole: int, unit: int = 100) -> int:
    """part / whole as the page shows it, in steps of 1/unit (100: a whole percent), halves up.

    floor((2·unit·part + whole) / (2·whole)) in whole numbers (`quizRules.shown`); 0 of 0 is 0.
    The page formats the result with Intl, which writes a whole percent or tenth as it is.
    """
    return (2 * unit * part + whole) // (2 * whole) if whole else 0


def lower_share(part: int, whole: int, other_part: int, other_whole: int) -> bool:
    """part / whole < other_part / other_whole, cross-multiplied (`quizRules.below`); 0 of 0 is 0."""
    return part * (other_whole or 1) < other_part * (whole or 1)


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
    instead of enumerating every combination. Totals are bounded by the points' range
    (MAX_QUESTIONS × MAX_POINTS), so the cost is questions × distinct totals × distinct
    points per question, whatever the number of combinations (which may be 26^100).
    """
    counts = [1]  # counts[t] = combinations whose total is t
    for question in quiz.questions:
        width = len(counts) + question.highest_points
        step = [0] * width
        for points, options in Counter(option.points for option in question.options).items():
            shifted = map(mul, counts, repeat(options))
            step[points : points + len(counts)] = map(add, step[points : points + len(counts)], shifted)
        counts = step
    return {total: ways for total, ways in enumerate(counts) if ways}


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


def question_key(question: Question, language: str) -> str:
    """A short hash of what an answer to this question designates: its options, in order.

    An answer is stored as an option's index; if the options are reordered, reworded,
    added or re-pointed, the same index may mean another answer, so the key changes.
    Rewording the question itself keeps it.
    """
    options = [[option.points, _normalized(option.text[language])] for option in question.options]
    return _digest([question.id, question.dimension, options])[:8]


def fingerprint(quiz: Quiz) -> str:
    """A short hash of what stored answers and share links depend on: every question's key, bands.

    Saved results of another fingerprint are kept but marked as made with an earlier
    version; share links of another fingerprint are refused.
    """
    language = quiz.languages[0]
    structure = {
        "id": quiz.id,
        "questions": [question_key(q, language) for q in quiz.questions],
        "bands": [[b.min, b.max] for b in quiz.bands],
    }
    return _digest(structure)[:12]


def _normalized(text: str) -> str:
    """Case, spacing and Unicode forms do not make another answer."""
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def _digest(value: object) -> str:
    canonical = json.dumps(value, separators=(",", ":"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()
