"""quizdata/quiz.schema.json (for editors' tools) agrees with the build's validator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from conftest import LANGUAGES as SITE_LANGUAGES
from kam_guide.source.characters import INVISIBLE_CLASS
from quizfiles import FIXTURES, QUIZDATA, REAL_QUIZZES
from test_quiz_validation import BAD_FIXTURES

pytestmark = pytest.mark.content

SCHEMA = json.loads((QUIZDATA / "quiz.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)

# Files a YAML parser refuses: the build explains them, a schema never sees them.
UNPARSABLE = {
    "syntax-error",
    "tab-indent",
    "colon-in-text",
    "apostrophe-in-single-quotes",
    "bad-indentation",
    "over-indentation",
    "unclosed-quote",
    "control-character",
}
# What a JSON Schema cannot see: YAML syntax, duplicate keys and aliases (gone once parsed),
# and rules that compare values (unique ids, file name, references, band ranges).
BUILD_ONLY = UNPARSABLE | {
    "duplicate-key",
    "zero-points-dimension",
    "alias",
    "duplicate-question-id",
    "duplicate-dimension-id",
    "id-mismatch",
    "unknown-dimension",
    "unused-dimension",
    "band-gap",
    "band-overlap",
    "band-backwards",
    "band-order",
    "band-below-lowest",
    "band-above-highest",
    "band-short",
}


def schema_errors(path: Path) -> list[str]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [error.message for error in VALIDATOR.iter_errors(data)]


def test_schema_is_a_valid_json_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_schema_languages_are_the_site_languages() -> None:
    localized = SCHEMA["$defs"]["localized"]
    fix = "quizdata/quiz.schema.json ($defs → localized → required and properties) must list mkdocs.yml's languages"
    assert tuple(localized["required"]) == SITE_LANGUAGES, fix
    assert tuple(localized["properties"]) == SITE_LANGUAGES, fix


@pytest.mark.parametrize("path", [*REAL_QUIZZES, *sorted((FIXTURES / "valid").glob("*.yml"))], ids=lambda p: p.name)
def test_schema_accepts_what_the_build_accepts(path: Path) -> None:
    assert schema_errors(path) == []


@pytest.mark.parametrize("name", sorted(set(BAD_FIXTURES) - BUILD_ONLY))
def test_schema_rejects_what_the_build_rejects(name: str) -> None:
    assert schema_errors(FIXTURES / "bad" / f"{name}.yml") != []


@pytest.mark.parametrize("name", sorted(BUILD_ONLY - UNPARSABLE - {"duplicate-key"}))
def test_rules_beyond_the_schema_are_left_to_the_build(name: str) -> None:
    # If the schema grows to catch one of these, move it out of BUILD_ONLY.
    assert schema_errors(FIXTURES / "bad" / f"{name}.yml") == []


def test_schema_limits_are_the_validators() -> None:
    from kam_guide.quiz.model import AUDIENCES, MAX_BANDS, MAX_DIMENSIONS, MAX_OPTIONS, MAX_POINTS, MAX_QUESTIONS
    from kam_guide.quiz.texts import INTERFACE_KEYS
    from kam_guide.quiz.validate import GAPS_KEYS, MAX_TOTAL

    properties = SCHEMA["properties"]
    question = properties["questions"]["items"]["properties"]
    points = question["options"]["items"]["properties"]["points"]
    band = properties["bands"]["items"]["properties"]
    assert (points["minimum"], points["maximum"]) == (0, MAX_POINTS)
    assert question["options"]["maxItems"] == MAX_OPTIONS
    assert properties["questions"]["maxItems"] == MAX_QUESTIONS
    assert properties["dimensions"]["maxItems"] == MAX_DIMENSIONS
    assert properties["bands"]["maxItems"] == MAX_BANDS
    assert band["min"]["maximum"] == band["max"]["maximum"] == MAX_TOTAL
    assert properties["interface"]["propertyNames"]["enum"] == list(INTERFACE_KEYS)
    gaps = properties["gaps"]["properties"]
    assert (gaps["question_points"]["minimum"], gaps["question_points"]["maximum"]) == (1, MAX_POINTS)
    assert (gaps["dimension_percent"]["minimum"], gaps["dimension_percent"]["maximum"]) == (1, 100)
    assert set(gaps) == set(GAPS_KEYS["optional"]) and not GAPS_KEYS["required"]
    audience_form = SCHEMA["$defs"]["audienced"]["oneOf"][1]
    assert tuple(audience_form["required"]) == tuple(audience_form["properties"]) == AUDIENCES


def test_schema_and_build_refuse_the_same_invisible_characters() -> None:
    written = SCHEMA["$defs"]["text"]["not"]["pattern"]
    fix = (
        "quizdata/quiz.schema.json ($defs → text → not → pattern) must equal INVISIBLE_CLASS "
        "in kam_guide/source/characters.py"
    )
    assert written == INVISIBLE_CLASS, fix
