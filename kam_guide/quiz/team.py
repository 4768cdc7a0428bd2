"""The team table's figures and the coaching comparisons, by the rules overrides/assets/team/team.js applies.

Tests compare the two. Figures are kept in whole numbers, as the browser keeps them (`quizRules.team`
in quiz.js): a dimension's average is the fraction sum of scores / (people × maximum), compared and
rounded by multiplying, never as a float. The rules, each as the functions below apply it:

- A person is a saved name, case and surrounding spaces aside (`name.strip().lower()`); an entry
  without a name is a person of its own, keyed by its id (`person_key`).
- Only entries made with the quiz's current version (`fingerprint(quiz)`) count in anything below.
- A person's assessments by one rater (`"manager"` or `"self"`) are in date order (ISO dates compare
  as strings), entries of the same date in storage order; the last is the latest, the one before it
  the previous (`history`).
- The team's average takes each person's latest assessment by one rater (`team_summary`); the weakest
  dimension is named only when the team's share of it is weak (`team_weakest_shown`).
- Ratings disagree on a question when the points differ by at least `gaps.question_points`, on a
  dimension when the points differ by at least `gaps.dimension_percent` % of its maximum, compared as
  `|self − manager| × 100 ≥ maximum × percent` (`comparison`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from .model import AUDIENCES, Quiz
from .scoring import fingerprint, is_weak, lower_share, shown_share

# Who made an assessment: a manager rating a KAM, or a KAM rating themselves (the audiences' names).
RATERS = AUDIENCES

AGREE = "agree"
SELF_HIGHER = "self-higher"
MANAGER_HIGHER = "manager-higher"

# What JavaScript's String.prototype.trim removes (WhiteSpace and LineTerminator), which the browser applies
# to names: str.strip() would also remove U+001C–U+001F and U+0085, and keep U+FEFF.
JS_SPACES = (
    "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000\ufeff"
)


@dataclass(frozen=True)
class SavedAssessment:
    id: str
    name: str
    date: str  # ISO, 2026-11-30
    version: str
    total: int
    scores: Mapping[str, int]  # dimension id → points
    # Entries saved before raters existed were a manager's: the questionnaire rated one KAM at a time.
    rater: str = "manager"  # "manager" or "self"
    answers: Mapping[str, int] = field(default_factory=dict)  # question id → index of the chosen option

    def __post_init__(self) -> None:
        if self.rater not in RATERS:
            raise ValueError(f"rater {self.rater!r}: one of {', '.join(RATERS)}")


def person_key(entry: SavedAssessment) -> str:
    """Who an entry is about: its name, case and surrounding spaces (as JavaScript trims them) aside; its id when
    it has no name."""
    return entry.name.strip(JS_SPACES).lower() or entry.id


def history(quiz: Quiz, saved: Sequence[SavedAssessment], rater: str) -> dict[str, list[SavedAssessment]]:
    """Each person's assessments of the current version by `rater`, oldest first (same date: storage order).

    People are in the order their first such entry is stored.
    """
    version = fingerprint(quiz)
    people: dict[str, list[SavedAssessment]] = {}
    for entry in saved:
        if entry.version == version and entry.rater == rater:
            people.setdefault(person_key(entry), []).append(entry)
    return {who: sorted(entries, key=lambda entry: entry.date) for who, entries in people.items()}  # stable


# ── the team's average ───────────────────────────────────────────────────────


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


def team_summary(quiz: Quiz, saved: Sequence[SavedAssessment], rater: str = "manager") -> TeamSummary | None:
    """The average of each person's latest assessment by `rater` (the managers' view, or the KAMs' own beside it);
    None when no entry counts."""
    chosen = [entries[-1] for entries in history(quiz, saved, rater).values()]
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


def team_weakest_shown(summary: TeamSummary | None, quiz: Quiz) -> str | None:
    """The weakest dimension of the managers' summary, only when the team's share of it is weak
    (`sum × 100 < people × maximum × weak_below_percent`); else None."""
    if summary is None or summary.weakest is None:
        return None
    return summary.weakest if summary.is_weak(summary.weakest, quiz.weak_below_percent) else None


def weak_people(quiz: Quiz, saved: Sequence[SavedAssessment], dimension_id: str) -> tuple[str, ...]:
    """The names (trimmed, as the latest manager assessment has it; "" for unnamed) of the people whose latest
    manager assessment is weak on the dimension, in the order each person's first entry is stored (any rater,
    any version)."""
    latest = {who: entries[-1] for who, entries in history(quiz, saved, "manager").items()}
    maximum = quiz.dimension_max(dimension_id)
    order = dict.fromkeys(person_key(entry) for entry in saved)
    return tuple(
        latest[who].name.strip(JS_SPACES)
        for who in order
        if who in latest and is_weak(latest[who].scores[dimension_id], maximum, quiz.weak_below_percent)
    )


# ── one person: progress, and their own view beside their manager's ──────────


@dataclass(frozen=True)
class Change:
    """A person's latest assessment by one rater minus the previous one."""

    previous_date: str
    latest_date: str
    total: int  # points, negative when it went down
    dimensions: Mapping[str, int]  # dimension id → points, in the quiz's order


def changes(quiz: Quiz, saved: Sequence[SavedAssessment], person: str, rater: str) -> Change | None:
    """Latest minus previous assessment of `person` (a `person_key`) by `rater`; None with fewer than two."""
    entries = history(quiz, saved, rater).get(person, [])
    if len(entries) < 2:
        return None
    previous, latest = entries[-2], entries[-1]
    return Change(
        previous_date=previous.date,
        latest_date=latest.date,
        total=latest.total - previous.total,
        dimensions={d.id: latest.scores[d.id] - previous.scores[d.id] for d in quiz.dimensions},
    )


@dataclass(frozen=True)
class Gap:
    """One dimension or question: the KAM's own points, their manager's, and which is higher when they disagree."""

    id: str
    self_points: int
    manager_points: int
    direction: str  # AGREE, SELF_HIGHER or MANAGER_HIGHER


@dataclass(frozen=True)
class Comparison:
    """A person's latest self-assessment beside their manager's latest assessment of them."""

    self_date: str
    manager_date: str
    dimensions: tuple[Gap, ...]  # in the quiz's order
    questions: tuple[Gap, ...]  # in the quiz's order; those both entries answered


def comparison(quiz: Quiz, saved: Sequence[SavedAssessment], person: str) -> Comparison | None:
    """`person`'s (a `person_key`) latest self-assessment beside their manager's latest; None unless both exist.

    A dimension agrees when `|self − manager| × 100 < maximum × gaps.dimension_percent`, a question when
    `|self − manager| < gaps.question_points` (points of the chosen options); else the higher side is named.
    """
    own = history(quiz, saved, "self").get(person)
    rated = history(quiz, saved, "manager").get(person)
    if not own or not rated:
        return None
    mine, theirs = own[-1], rated[-1]
    percent = quiz.gaps.dimension_percent
    dimensions = tuple(
        _gap(d.id, mine.scores[d.id], theirs.scores[d.id], 100, quiz.dimension_max(d.id) * percent)
        for d in quiz.dimensions
    )
    questions = []
    for question in quiz.questions:
        chosen = [entry.answers.get(question.id) for entry in (mine, theirs)]
        if all(index is not None and 0 <= index < len(question.options) for index in chosen):
            points = [question.options[index].points for index in chosen if index is not None]
            questions.append(_gap(question.id, points[0], points[1], 1, quiz.gaps.question_points))
    return Comparison(mine.date, theirs.date, dimensions, tuple(questions))


def _gap(item_id: str, self_points: int, manager_points: int, scale: int, threshold: int) -> Gap:
    """Disagreement when |self − manager| × scale ≥ threshold."""
    if abs(self_points - manager_points) * scale < threshold:
        direction = AGREE
    else:
        direction = SELF_HIGHER if self_points > manager_points else MANAGER_HIGHER
    return Gap(item_id, self_points, manager_points, direction)
