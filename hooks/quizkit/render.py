"""Render a quiz into a page, in one language, through the Jinja partial.

The partial is autoescaped: text from YAML shows as typed. Markdown fields go
through `markdown_source`, which only neutralises HTML (`<`, `&`) and leaves the
Markdown syntax to the page's Markdown processor.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from sourcekit.fields import Localized

from .model import Quiz
from .scoring import fingerprint

TEMPLATE = "quiz.html"
LETTERS = string.ascii_uppercase

# Keys of quizdata/_interface.yml used by the partial.
INTERFACE_KEYS = (
    "privacy",
    "question_number",
    "progress",
    "result_heading",
    "incomplete",
    "score_before",
    "points",
    "band_range",
    "profile_heading",
    "profile_paper",
    "dimension_questions",
    "dimension_max",
    "weak",
    "strong",
    "grid_heading",
    "grid_help",
    "grid_question",
    "grid_dimension",
    "share",
    "share_copied",
    "share_manual",
    "reset",
    "restored_from_link",
    "bad_link",
    "stale_answers",
)


class QuizRenderer:
    def __init__(self, templates_dir: Path) -> None:
        self.environment = Environment(
            loader=FileSystemLoader(templates_dir),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.environment.filters["markdown_source"] = markdown_source
        self.environment.filters["fill"] = fill

    def render(self, quiz: Quiz, language: str, interface: Mapping[str, Localized]) -> str:
        template = self.environment.get_template(TEMPLATE)
        return template.render(
            quiz=_QuizView(quiz, language),
            version=fingerprint(quiz),
            interface={key: texts[language] for key, texts in interface.items()},
            letters=LETTERS,
            option_columns=max(len(question.options) for question in quiz.questions),
            dimension_titles={d.id: d.title[language] for d in quiz.dimensions},
        )


def markdown_source(text: str) -> Markup:
    """Escape what HTML would interpret, keep Markdown syntax for the page's Markdown."""
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;"))


def fill(template: str, **numbers: int) -> str:
    """`"Question {n}"` with n=3 → `"Question 3"` (only the named placeholders)."""
    for name, value in numbers.items():
        template = template.replace("{" + name + "}", str(value))
    return template


# ── what the template sees: the quiz with every text in one language ─────────


@dataclass(frozen=True)
class _OptionView:
    text: str
    points: int


@dataclass(frozen=True)
class _QuestionView:
    id: str
    dimension: str | None
    text: str
    options: list[_OptionView]


@dataclass(frozen=True)
class _DimensionView:
    id: str
    title: str
    summary: str | None
    advice: str
    max: int
    question_numbers: list[int]


@dataclass(frozen=True)
class _BandView:
    min: int
    max: int
    title: str
    text: str


class _QuizView:
    def __init__(self, quiz: Quiz, language: str) -> None:
        self.id = quiz.id
        self.title = quiz.title[language]
        self.intro = quiz.intro[language] if quiz.intro else None
        self.weak_below_percent = quiz.weak_below_percent
        self.highest_total = quiz.highest_total
        self.questions = [
            _QuestionView(
                q.id, q.dimension, q.text[language], [_OptionView(o.text[language], o.points) for o in q.options]
            )
            for q in quiz.questions
        ]
        self.dimensions = [
            _DimensionView(
                id=d.id,
                title=d.title[language],
                summary=d.summary[language] if d.summary else None,
                advice=d.advice[language],
                max=quiz.dimension_max(d.id),
                question_numbers=[n for n, q in enumerate(quiz.questions, start=1) if q.dimension == d.id],
            )
            for d in quiz.dimensions
        ]
        self.bands = [_BandView(b.min, b.max, b.title[language], b.text[language]) for b in quiz.bands]
