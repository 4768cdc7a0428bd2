"""Paths and loaders shared by the quiz tests: every quiz is read from quizdata/, none is named here."""

from __future__ import annotations

from pathlib import Path

from kam_guide.quiz.model import Quiz
from kam_guide.quiz.validate import validate
from kam_guide.source.yamlsource import load
from sitecontent import LANGUAGES, QUIZDATA, ROOT, placements

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quizzes"
REAL_QUIZZES = sorted(path for path in QUIZDATA.glob("*.yml") if not path.name.startswith("_"))

# The fixtures' own languages, whatever languages the site builds.
FIXTURE_LANGUAGES = ("fr", "en")

__all__ = [
    "FIXTURES",
    "FIXTURE_LANGUAGES",
    "LANGUAGES",
    "QUIZDATA",
    "REAL_QUIZZES",
    "ROOT",
    "load_fixture",
    "load_quiz",
    "placed_quizzes",
]


def load_quiz(path: Path) -> Quiz:
    return validate(load(path.read_text(encoding="utf-8"), path.name), LANGUAGES)


def load_fixture(name: str) -> Quiz:
    """A quiz of tests/fixtures/quizzes/valid, in the fixtures' languages."""
    path = FIXTURES / "valid" / f"{name}.yml"
    return validate(load(path.read_text(encoding="utf-8"), path.name), FIXTURE_LANGUAGES)


def placed_quizzes() -> list[tuple[str, Quiz]]:
    """(page slug, quiz) for every quiz a page shows."""
    return [(placement.slug, load_quiz(QUIZDATA / f"{placement.id}.yml")) for placement in placements("quiz")]
