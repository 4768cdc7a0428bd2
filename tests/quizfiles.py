"""Paths and loaders shared by the quiz tests."""

from __future__ import annotations

from pathlib import Path

from quizkit.model import Quiz
from quizkit.validate import validate
from sourcekit.yamlsource import load

ROOT = Path(__file__).resolve().parent.parent
QUIZDATA = ROOT / "quizdata"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "quizzes"
LANGUAGES = ("fr", "en")
REAL_QUIZZES = sorted(path for path in QUIZDATA.glob("*.yml") if not path.name.startswith("_"))


def load_quiz(path: Path) -> Quiz:
    return validate(load(path.read_text(encoding="utf-8"), path.name), LANGUAGES)
