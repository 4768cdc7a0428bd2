"""Hostile or broken data never crashes, hangs or renders wrongly: it is refused with a message.

Every file an editor writes goes through the same loader and validators; a seeded
mutation fuzzer throws a few thousand broken variants of real and fixture files at
them: the only acceptable outcomes are a valid model or a SourceError (file:line: fix).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from kam_guide.paysim.model import validate as validate_simulator
from kam_guide.paysim.render import SimulatorRenderer
from kam_guide.quiz.render import QuizRenderer
from kam_guide.quiz.scoring import band_shares, fingerprint
from kam_guide.quiz.validate import validate, validate_interface
from kam_guide.source.yamlsource import SourceError, load
from quizfiles import FIXTURE_LANGUAGES, FIXTURES, QUIZDATA, REAL_QUIZZES, ROOT
from sitecontent import LANGUAGES

PARTIALS = ROOT / "overrides" / "components"
SIMULATOR_FIXTURE = Path(__file__).resolve().parent / "fixtures" / "simulators" / "valid" / "pay.yml"
# Pieces that break YAML, or data, in the ways editors and attackers do.
INSERTS = [
    "\t", ": ", "\x00", "\x07", "\ufeff", "&a ", "*a", "<<: *a", "{", "}", "[", "]", "- ", "#", '"', "'", "|",
    "!!python/object:os.system", "!ENV x", "\n", "  ", "%YAML 1.1\n", "---\n", "...\n", "? ", "@", "`",
    "99999999999999999999999", "-1", ".nan", ".inf", "-.inf", "1e308", "yes", "No", "null", "~", "0x1F", "2024-13-45",
    "constructor", "__proto__", "<script>alert(1)</script>", '{: onclick="x" }', "[x](javascript:x)",
]  # fmt: skip


def mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        if not lines:
            break
        index = rng.randrange(len(lines))
        choice = rng.randrange(7)
        line = lines[index]
        at = rng.randint(0, len(line))
        if choice == 0:
            lines[index] = line[:at] + rng.choice(INSERTS) + line[at:]
        elif choice == 1 and line:
            lines[index] = line[:at] + line[at + 1 :]
        elif choice == 2:
            lines.insert(index, line)
        elif choice == 3:
            other = rng.randrange(len(lines))
            lines[index], lines[other] = lines[other], lines[index]
        elif choice == 4:
            lines[index] = (" " * rng.randint(1, 3) + line) if rng.random() < 0.5 else line.lstrip()
        elif choice == 5:
            lines = lines[: rng.randrange(len(lines) + 1)]
        else:
            words = line.split(": ", 1)
            if len(words) == 2:
                lines[index] = f"{words[0]}: {rng.choice(INSERTS)}"
    return "\n".join(lines)


def check_quiz(text: str, name: str) -> None:
    quiz = validate(load(text, name), FIXTURE_LANGUAGES if "mini" in name else LANGUAGES)
    band_shares(quiz)
    fingerprint(quiz)
    renderer = QuizRenderer(PARTIALS)
    for language in quiz.languages:
        renderer.markdown_parts(quiz, language)


def check_simulator(text: str, name: str) -> None:
    simulator = validate_simulator(load(text, name), FIXTURE_LANGUAGES)
    for language in FIXTURE_LANGUAGES:
        SimulatorRenderer(PARTIALS).render(simulator, language)


def check_interface(text: str, name: str) -> None:
    validate_interface(load(text, name), LANGUAGES)


SOURCES: list[tuple[Path, Callable[[str, str], Any]]] = [
    (FIXTURES / "valid" / "mini.yml", check_quiz),
    *((path, check_quiz) for path in REAL_QUIZZES),
    (SIMULATOR_FIXTURE, check_simulator),
    (QUIZDATA / "_interface.yml", check_interface),
]


@pytest.mark.parametrize(("path", "check"), SOURCES, ids=[path.name for path, _ in SOURCES])
def test_mutated_files_are_accepted_or_refused_with_a_message(path: Path, check: Callable[[str, str], Any]) -> None:
    text = path.read_text(encoding="utf-8")
    rng = random.Random(path.name)
    refused = 0
    for _ in range(400):
        variant = mutate(text, rng)
        try:
            check(variant, path.name)
        except SourceError as error:
            refused += 1
            assert error.problems, variant
            for problem in error.problems:
                assert problem.line >= 1 and problem.column >= 1 and problem.message, variant
                assert "\n" not in problem.message
    assert refused > 100  # the mutations do break files; the test would mean little otherwise


@pytest.mark.parametrize(
    "text",
    [
        "a: &a [1]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
        "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n",  # nested aliases: exponential expansion
        "a: &a [*a]\n",  # a value that contains itself
        "a: " + "[" * 10_000 + "]" * 10_000 + "\n",  # nesting deeper than Python's recursion limit
        "a: " + "{b: " * 5_000 + "1" + "}" * 5_000 + "\n",
        "title: " + "x" * 1_100_000 + "\n",  # a file no editor writes by hand
    ],
    ids=["billion-laughs", "self-alias", "deep-lists", "deep-maps", "huge"],
)
def test_pathological_yaml_is_refused_at_once(text: str) -> None:
    with pytest.raises(SourceError) as raised:
        validate(load(text, "hostile.yml"), LANGUAGES)
    problem = raised.value.problems[0]
    assert problem.file == "hostile.yml"
    if "[" * 100 in text or "{b: " * 100 in text:
        assert "nested more than" in problem.message, problem  # not a syntax error: the file is too deep
