"""The validated, immutable form of a quiz file (see DESIGN.md, "Quiz YAML")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from kam_guide.source.fields import Localized

# Bounds the browser computes exactly and a reader can still take in; the schema says the same.
MAX_QUESTIONS = 100
MAX_OPTIONS = 26  # lettered A to Z
MAX_POINTS = 100
MAX_DIMENSIONS = 12
MAX_BANDS = 12


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
    advice: Localized


@dataclass(frozen=True)
class Band:
    min: int
    max: int
    title: Localized
    text: Localized

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
