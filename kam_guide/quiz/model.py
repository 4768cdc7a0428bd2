"""The validated, immutable form of a quiz file (see DESIGN.md, "Quiz YAML")."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from kam_guide.source.fields import Localized

# Bounds the browser computes exactly and a reader can still take in; the schema says the same.
MAX_QUESTIONS = 100
MAX_OPTIONS = 26  # lettered A to Z
MAX_POINTS = 100
MAX_DIMENSIONS = 12
MAX_BANDS = 12

# Who a text speaks to, and who made an assessment: a manager about the KAM they rated, or a KAM about themselves.
AUDIENCES = ("manager", "self")


@dataclass(frozen=True)
class Audienced(Mapping[str, Localized]):
    """A Markdown text per audience (`manager`, `self`), each in every language.

    A text written once for every reader (`{fr, en}` in YAML) is the same Localized under both:
    `shared` says so, and the page converts it once.
    """

    manager: Localized
    self: Localized

    @classmethod
    def for_all(cls, text: Localized) -> Audienced:
        return cls(text, text)

    @property
    def shared(self) -> bool:
        return self.manager is self.self

    def __getitem__(self, audience: str) -> Localized:
        if audience == "manager":
            return self.manager
        if audience == "self":
            return self.self
        raise KeyError(audience)

    def __iter__(self) -> Iterator[str]:
        return iter(AUDIENCES)

    def __len__(self) -> int:
        return len(AUDIENCES)


@dataclass(frozen=True)
class Gaps:
    """When a KAM's self-rating and their manager's rating disagree (see DESIGN.md, "Quiz YAML")."""

    question_points: int = 4  # a question's when |self − manager| ≥ this many points
    dimension_percent: int = 20  # a dimension's when |self − manager| × 100 ≥ its maximum × this


@dataclass(frozen=True)
class Option:
    text: Localized
    points: int


@dataclass(frozen=True)
class Question:
    id: str
    dimension: str | None
    text: Localized
    options: tuple[Option, ...]
    discuss: Localized | None = None  # plain text: what a manager may ask when the two ratings disagree

    @property
    def lowest_points(self) -> int:
        return min(option.points for option in self.options)

    @property
    def highest_points(self) -> int:
        return max(option.points for option in self.options)


@dataclass(frozen=True)
class Dimension:
    id: str
    title: Localized
    summary: Localized | None
    advice: Audienced
    team_advice: Localized | None = None  # to a manager about several KAMs weak on this dimension


@dataclass(frozen=True)
class Band:
    min: int
    max: int
    title: Localized
    text: Audienced

    def contains(self, total: int) -> bool:
        return self.min <= total <= self.max


@dataclass(frozen=True)
class Quiz:
    id: str
    source: str  # path of the YAML file, for messages
    languages: tuple[str, ...]  # the site's languages, default first
    title: Localized
    intro: Localized | None
    dimensions: tuple[Dimension, ...]
    questions: tuple[Question, ...]
    bands: tuple[Band, ...]
    weak_below_percent: int
    interface: Mapping[str, Localized]  # this quiz's own wording of interface texts (_interface.yml keys)
    gaps: Gaps = field(default_factory=Gaps)

    @property
    def lowest_total(self) -> int:
        return sum(question.lowest_points for question in self.questions)

    @property
    def highest_total(self) -> int:
        return sum(question.highest_points for question in self.questions)

    def questions_of(self, dimension_id: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.dimension == dimension_id)

    def dimension_max(self, dimension_id: str) -> int:
        return sum(q.highest_points for q in self.questions_of(dimension_id))

    def band_for(self, total: int) -> Band | None:
        return next((band for band in self.bands if band.contains(total)), None)
