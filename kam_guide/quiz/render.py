"""Render a quiz into a page, in one language, in two steps around the page's Markdown.

1. `markdown_parts` puts only the quiz's Markdown fields (intro, advice, band texts)
   into the page's Markdown, between comment sentinels, so MkDocs converts them and
   checks their links like any other. `markdown_source` escapes `<` and `&` in them:
   HTML typed in YAML shows as typed. A text written once for both audiences goes in
   once, under its first name, and `assemble` gives it its other names.
2. `assemble` finds the converted fields in the finished page and renders the Jinja
   partial (autoescaped) around them. The bulk of the form never goes through
   Markdown, the search index or the page's table of contents.
"""

from __future__ import annotations

import re
import secrets
import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from kam_guide.source.components import components_environment
from kam_guide.source.fields import Localized

from .model import AUDIENCES, Audienced, Gaps, Quiz
from .scoring import fingerprint, question_key

TEMPLATE = "quiz.html"
LETTERS = string.ascii_uppercase
# The sentinels carry a key drawn when the build starts: a page may hold any comment, but
# none an editor types can pass for one of ours (a typed `<!--quiz-start x-->` is left alone).
SENTINEL_KEY = secrets.token_hex(12)
# One quiz in the page's HTML after Markdown: its converted parts between sentinels.
QUIZ_IN_HTML = re.compile(
    rf"<!--quiz-start {SENTINEL_KEY} (?P<id>[a-z0-9-]+)-->(?P<body>.*?)<!--quiz-end {SENTINEL_KEY} (?P=id)-->", re.S
)
PART_IN_HTML = re.compile(
    rf"<!--quiz-part {SENTINEL_KEY} (?P<name>[a-z0-9:-]+)-->(?P<html>.*?)<!--/quiz-part {SENTINEL_KEY}-->", re.S
)


class QuizRenderer:
    def __init__(self, templates_dir: Path) -> None:
        self.environment = components_environment(templates_dir)

    def markdown_parts(self, quiz: Quiz, language: str) -> str:
        """The quiz's Markdown fields, in sentinels, to stand in the page's Markdown."""
        blocks = [f"<!--quiz-start {SENTINEL_KEY} {quiz.id}-->"]
        for field in markdown_fields(quiz):
            blocks += [
                f"<!--quiz-part {SENTINEL_KEY} {field.name}-->",
                markdown_source(field.texts[language]),
                f"<!--/quiz-part {SENTINEL_KEY}-->",
            ]
        blocks.append(f"<!--quiz-end {SENTINEL_KEY} {quiz.id}-->")
        return "\n\n".join(blocks)

    def assemble(
        self, html: str, quizzes: Mapping[str, Quiz], language: str, interface: Mapping[str, Localized]
    ) -> str:
        """Replace each quiz's converted parts in the page's HTML by the whole form."""

        def form(match: re.Match[str]) -> str:
            quiz = quizzes[match["id"]]
            parts = {part["name"]: Markup(part["html"].strip()) for part in PART_IN_HTML.finditer(match["body"])}
            for field in markdown_fields(quiz):
                for alias in field.names[1:]:
                    parts[alias] = parts[field.name]
            return self.render(quiz, language, interface, parts)

        return QUIZ_IN_HTML.sub(form, html)

    def render(self, quiz: Quiz, language: str, interface: Mapping[str, Localized], parts: Mapping[str, Markup]) -> str:
        template = self.environment.get_template(TEMPLATE)
        texts = {**interface, **quiz.interface}
        return template.render(
            quiz=_QuizView(quiz, language),
            parts=parts,
            version=fingerprint(quiz),
            interface={key: localized[language] for key, localized in texts.items()},
            audiences=AUDIENCES,
            letters=LETTERS,
            option_columns=max(len(question.options) for question in quiz.questions),
            dimension_titles={d.id: d.title[language] for d in quiz.dimensions},
        )


def markdown_source(text: str) -> Markup:
    """Escape what HTML would interpret, keep Markdown syntax for the page's Markdown."""
    return Markup(text.replace("&", "&amp;").replace("<", "&lt;"))


@dataclass(frozen=True)
class MarkdownField:
    """One Markdown text of a quiz and every name the partials look it up by in `parts`."""

    names: tuple[str, ...]
    texts: Localized

    @property
    def name(self) -> str:
        """The name it is converted under (in the page's sentinels, in `parts_in`)."""
        return self.names[0]


def markdown_fields(quiz: Quiz) -> list[MarkdownField]:
    """Every Markdown text of the quiz once, with its names in `parts`.

    `intro`; `advice:manager:<dimension id>` and `advice:self:<dimension id>`; `team-advice:<dimension id>`
    (only when the dimension has one); `band:manager:<band index from 0>` and `band:self:<band index>`.
    A text shared by both audiences is one field with both names, converted once.
    """
    fields = [MarkdownField(("intro",), quiz.intro)] if quiz.intro else []
    for dimension in quiz.dimensions:
        fields += _audience_fields(f"advice:{{}}:{dimension.id}", dimension.advice)
        if dimension.team_advice is not None:
            fields.append(MarkdownField((f"team-advice:{dimension.id}",), dimension.team_advice))
    for index, band in enumerate(quiz.bands):
        fields += _audience_fields(f"band:{{}}:{index}", band.text)
    return fields


def _audience_fields(name: str, texts: Audienced) -> list[MarkdownField]:
    names = [name.format(audience) for audience in AUDIENCES]
    if texts.shared:
        return [MarkdownField(tuple(names), texts.manager)]
    return [MarkdownField((names[index],), texts[audience]) for index, audience in enumerate(AUDIENCES)]


def parts_in(html: str) -> dict[str, dict[str, str]]:
    """The converted Markdown fields of every quiz in a page's HTML: {quiz id: {field name: html}}."""
    return {
        match["id"]: {part["name"]: part["html"] for part in PART_IN_HTML.finditer(match["body"])}
        for match in QUIZ_IN_HTML.finditer(html)
    }


# ── what the template sees: the quiz with every text in one language ─────────


@dataclass(frozen=True)
class _OptionView:
    text: str
    points: int


@dataclass(frozen=True)
class _QuestionView:
    id: str
    key: str
    dimension: str | None
    text: str
    options: list[_OptionView]
    discuss: str  # what a manager may ask when the two ratings disagree; "" when the quiz says nothing


@dataclass(frozen=True)
class _DimensionView:
    id: str
    title: str
    summary: str | None
    max: int
    question_numbers: list[int]
    has_team_advice: bool  # whether parts holds `team-advice:<id>` (else the manager advice serves)


@dataclass(frozen=True)
class _BandView:
    min: int
    max: int
    title: str


class _QuizView:
    def __init__(self, quiz: Quiz, language: str) -> None:
        self.id = quiz.id
        self.title = quiz.title[language]
        self.has_intro = quiz.intro is not None
        self.weak_below_percent = quiz.weak_below_percent
        self.highest_total = quiz.highest_total
        self.gaps: Gaps = quiz.gaps  # question_points, dimension_percent
        self.questions = [
            _QuestionView(
                q.id,
                question_key(q, quiz.languages[0]),
                q.dimension,
                q.text[language],
                [_OptionView(o.text[language], o.points) for o in q.options],
                q.discuss[language] if q.discuss else "",
            )
            for q in quiz.questions
        ]
        self.dimensions = [
            _DimensionView(
                id=d.id,
                title=d.title[language],
                summary=d.summary[language] if d.summary else None,
                max=quiz.dimension_max(d.id),
                question_numbers=[n for n, q in enumerate(quiz.questions, start=1) if q.dimension == d.id],
                has_team_advice=d.team_advice is not None,
            )
            for d in quiz.dimensions
        ]
        self.bands = [_BandView(b.min, b.max, b.title[language]) for b in quiz.bands]
