"""The validated, immutable form of a quiz file (see DESIGN.md, "Quiz YAML")."""

from __future__ import annotations

from dataclasses import dataclass

from sourcekit.fields import Localized


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
    title: Localized
    intro: Localized | None
    dimensions: tuple[Dimension, ...]
    questions: tuple[Question, ...]
    bands: tuple[Band, ...]
    weak_below_percent: int

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
