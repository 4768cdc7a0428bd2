"""Each rule of the quiz format has a bad fixture; the message names the line and what to fix."""

from __future__ import annotations

import re

import pytest

from kam_guide.quiz.validate import validate
from kam_guide.source.yamlsource import SourceError, load
from quizfiles import FIXTURE_LANGUAGES, FIXTURES, LANGUAGES, REAL_QUIZZES, load_fixture, load_quiz

# fixture name → (line, column, words the message must contain, where)
BAD_FIXTURES = {
    "syntax-error": (5, 1, "the bracket opened on line 4 is not closed", ""),
    "tab-indent": (36, 1, "a tab character: YAML indents with spaces only; replace the tab by spaces", ""),
    "colon-in-text": (6, 24, "contains `: `, which YAML reads as a new key: put the whole text in quotes", ""),
    "apostrophe-in-single-quotes": (
        6,
        30,
        "the apostrophe in `l'équipe` ends the text opened with `'`: put the whole text in double quotes",
        "",
    ),
    "bad-indentation": (
        36,
        4,
        "`dimension:` is not indented like the keys around it: align it with `id:` on line 35",
        "",
    ),
    "over-indentation": (7, 4, "`en:` is not indented like the keys around it: align it with `fr:` on line 6", ""),
    "unclosed-quote": (7, 1, "the quote opened on line 7 is not closed on that line", ""),
    "control-character": (37, 57, "an invisible character U+0007", ""),
    "alias": (14, 12, "`*same` repeats a value marked `&same` (a YAML alias)", ""),
    "deep-nesting": (15, 55, "nested more than 20 levels deep", ""),
    "empty": (1, 1, "the file is empty: a quiz needs at least id, title, questions, bands", ""),
    "not-mapping": (2, 1, "a quiz must be a mapping of keys", ""),
    "unknown-key": (
        37,
        5,
        "unknown key `colour` in this question; allowed keys: id, text, options, dimension",
        "questions[3].colour",
    ),
    "unknown-interface-key": (9, 3, "unknown key `profile_headline` in this `interface:` section", "interface"),
    "duplicate-key": (5, 1, "duplicate key `title`: it is already set on line 4", "title"),
    "missing-field": (52, 5, "missing required key `text` in this band", "bands[3]"),
    "points-boolean": (
        42,
        17,
        "must be a whole number from 0 to 100; YAML reads this value as yes/no",
        "questions[3].options[2].points",
    ),
    "points-string": (24, 17, "must be a whole number from 0 to 100 (got '3')", "questions[1].options[2].points"),
    "points-negative": (24, 17, "must be a whole number from 0 to 100 (got -3)", "questions[1].options[2].points"),
    "points-too-large": (24, 17, "must be a whole number from 0 to 100 (got 1000", "questions[1].options[2].points"),
    "too-many-options": (21, 7, "`options` has 27 items; at most 26 are allowed", "questions[1].options"),
    "text-boolean": (29, 31, 'YAML reads `No` as yes/no (true/false), not as text: put it in quotes, `en: "No"`', ""),
    "text-number": (31, 32, 'YAML reads `2` as a number, not as text: put it in quotes, `en: "2"`', ""),
    "weak-below-range": (8, 21, "must be a whole number from 1 to 100 (got 150)", "weak_below_percent"),
    "duplicate-question-id": (35, 9, "duplicate question id `first` (already used by question 1)", "questions[3].id"),
    "duplicate-dimension-id": (
        13,
        9,
        "duplicate dimension id `alpha` (already used by dimension 1)",
        "dimensions[2].id",
    ),
    "id-mismatch": (3, 5, "the id `another-name` must equal the file name `id-mismatch`", "id"),
    "unknown-dimension": (36, 16, "unknown dimension `gamma`: use one of: alpha, beta", "questions[3].dimension"),
    "one-option": (39, 7, "`options` has 1 item(s); it needs at least 2", "questions[3].options"),
    "missing-language": (27, 11, "`text` has no `en` text", "questions[2].text"),
    "extra-language": (27, 63, "language `de` is not built by this site (languages: fr, en)", "questions[2].text.de"),
    "empty-text": (50, 30, "the `en` text is empty", "bands[2].title.en"),
    "band-gap": (52, 10, "gap: total 8 falls in no band; start this band at 8", "bands[3].min"),
    "band-overlap": (48, 10, "overlap: total 4 falls in two bands; start this band at 5", "bands[2].min"),
    "band-backwards": (48, 10, "this band runs backwards (min 5 > max 3)", "bands[2].min"),
    "band-order": (
        52,
        10,
        "bands are listed from the lowest total to the highest: move this band (2–4) before the band 5–7 (bands[1])",
        "bands[3].min",
    ),
    "band-below-lowest": (
        44,
        10,
        "the first band starts at 0, below any reachable total; totals a reader can score run from 2 to 9",
        "bands[1].min",
    ),
    "band-above-highest": (53, 10, "the last band ends at 12, above any reachable total", "bands[3].max"),
    "band-short": (53, 10, "total 9 falls in no band", "bands[3].max"),
    "bad-identifier": (25, 9, "must be lowercase letters, digits and single hyphens", "questions[2].id"),
    "unused-dimension": (13, 5, "no question uses dimension `beta`", "dimensions[2]"),
    "missing-dimension": (35, 5, "question `third` needs a `dimension:` (one of: alpha, beta)", "questions[3]"),
    # Escapes bring in what YAML refuses written raw; the value read is checked, the character named.
    "escaped-bidi": (27, 16, "an invisible character U+202E (right-to-left override)", "questions[2].text.fr"),
    "escaped-nul": (47, 16, "an invisible character U+0000", "bands[1].text.fr"),
    "zero-width": (29, 20, "an invisible character U+200B (zero width space)", "questions[2].options[1].text.fr"),
    "zero-points-dimension": (13, 5, "dimension `beta` is worth 0 points, so it cannot be scored", "dimensions[2]"),
    # Coaching: texts per audience, team advice, questions to discuss, gaps.
    "audience-mixed": (
        13,
        7,
        "`advice` mixes languages (fr, en) and audiences (manager): write either one text for every reader",
        "dimensions[1].advice",
    ),
    "audience-missing": (52, 7, "`text` has no `self` text (to a KAM who rated themselves)", "bands[2].text"),
    "audience-unknown": (15, 7, "unknown audience `team` in `advice`; audiences: manager, self", "advice.team"),
    "audience-missing-language": (14, 13, "`self` has no `en` text", "dimensions[1].advice.self"),
    "team-advice-missing-language": (13, 18, "`team_advice` has no `en` text", "dimensions[1].team_advice"),
    "discuss-no-question-mark": (28, 51, "the `en` text of `discuss` is a question", "questions[2].discuss.en"),
    "gaps-range": (5, 25, "`question_points` must be a whole number from 1 to 100 (got 0)", "gaps.question_points"),
    "gaps-unknown-key": (
        6,
        3,
        "unknown key `points` in this `gaps:` section; allowed keys: question_points, dimension_percent",
        "gaps.points",
    ),
    "gaps-not-mapping": (
        5,
        7,
        "`gaps` must be a mapping such as `{question_points: 4, dimension_percent: 20}`",
        "gaps",
    ),
}


def problems_of(name: str) -> list[str]:
    path = FIXTURES / "bad" / f"{name}.yml"
    with pytest.raises(SourceError) as raised:
        validate(load(path.read_text(encoding="utf-8"), f"bad/{name}.yml"), FIXTURE_LANGUAGES)
    return [str(problem) for problem in raised.value.problems]


def test_every_bad_fixture_is_listed() -> None:
    on_disk = {path.stem for path in (FIXTURES / "bad").glob("*.yml")}
    assert on_disk == set(BAD_FIXTURES)


def test_bands_out_of_order_get_one_message_not_false_gaps() -> None:
    assert len(problems_of("band-order")) == 1


@pytest.mark.parametrize("name", sorted(BAD_FIXTURES))
def test_bad_fixture_reports_file_line_and_fix(name: str) -> None:
    line, column, words, where = BAD_FIXTURES[name]
    first = problems_of(name)[0]
    assert first.startswith(f"bad/{name}.yml:{line}:{column}: "), first
    assert words in first
    assert first.endswith(f"({where})") or where in first


def test_all_problems_of_a_file_are_reported_at_once() -> None:
    problems = problems_of("unknown-dimension")
    assert len(problems) == 2  # the unknown name, and the dimension left without question
    assert "no question uses dimension `beta`" in problems[1]


def test_a_quiz_where_every_option_is_worth_nothing_is_refused() -> None:
    text = (FIXTURES / "valid" / "mini.yml").read_text(encoding="utf-8")
    text = re.sub(r"points: \d+", "points: 0", text).replace("min: 2", "min: 0")
    with pytest.raises(SourceError) as raised:
        validate(load(text, "mini.yml"), FIXTURE_LANGUAGES)
    assert any("every option is worth 0 points" in str(problem) for problem in raised.value.problems)


def test_valid_fixture_loads_with_totals_from_its_options() -> None:
    quiz = load_fixture("mini")
    assert (quiz.lowest_total, quiz.highest_total) == (2, 9)
    assert [q.id for q in quiz.questions] == ["first", "second", "third"]
    assert quiz.dimension_max("alpha") == 5
    assert quiz.weak_below_percent == 70


def test_a_text_for_every_reader_is_one_text_under_both_audiences() -> None:
    quiz = load_fixture("mini")
    advice = quiz.dimensions[0].advice
    assert advice.shared and advice.manager is advice.self and advice.manager["en"] == "**Alpha** advice."
    assert dict(advice) == {"manager": advice.manager, "self": advice.self}
    assert quiz.dimensions[0].team_advice is None and quiz.questions[0].discuss is None
    assert (quiz.gaps.question_points, quiz.gaps.dimension_percent) == (4, 20)  # the defaults


def test_coaching_fields_load() -> None:
    quiz = load_fixture("coach")
    alpha, beta = quiz.dimensions
    assert not alpha.advice.shared
    assert (
        alpha.advice.manager["en"] == "Help them with **alpha**." and alpha.advice.self["fr"] == "Travaillez **alpha**."
    )
    assert alpha.team_advice is not None and alpha.team_advice["en"] == "Train the team on alpha."
    assert beta.advice.shared and beta.team_advice is None
    assert quiz.bands[0].text["self"]["en"] == "Your total is low." and quiz.bands[1].text.shared
    first, second, _ = quiz.questions
    assert first.discuss is not None and first.discuss["en"] == "What made you choose this answer?"
    assert second.discuss is None
    assert (quiz.gaps.question_points, quiz.gaps.dimension_percent) == (2, 25)


def test_one_key_of_gaps_leaves_the_other_at_its_default() -> None:
    text = (
        (FIXTURES / "valid" / "mini.yml")
        .read_text(encoding="utf-8")
        .replace("dimensions:", "gaps: {dimension_percent: 30}\ndimensions:")
    )
    gaps = validate(load(text, "mini.yml"), FIXTURE_LANGUAGES).gaps
    assert (gaps.question_points, gaps.dimension_percent) == (4, 30)


def test_every_problem_of_the_audience_texts_is_reported_at_once() -> None:
    text = (FIXTURES / "bad" / "audience-missing-language.yml").read_text(encoding="utf-8")
    text = text.replace('text: {fr: "Texte moyen.", en: "Middle text."}', 'text: {manager: {fr: "Moyen."}}')
    with pytest.raises(SourceError) as raised:
        validate(load(text, "audience-missing-language.yml"), FIXTURE_LANGUAGES)
    messages = [str(problem) for problem in raised.value.problems]
    assert len(messages) == 3, messages
    assert "`self` has no `en` text" in messages[0]
    assert "`manager` has no `en` text" in messages[1] and "(bands[2].text.manager)" in messages[1]
    assert "`text` has no `self` text" in messages[2]


@pytest.mark.parametrize("path", REAL_QUIZZES, ids=lambda path: path.name)
def test_real_quiz_validates(path) -> None:  # type: ignore[no-untyped-def]
    quiz = load_quiz(path)
    assert quiz.id == path.stem
    assert quiz.languages == LANGUAGES


def test_files_are_read_once_per_change_and_must_be_utf8(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from kam_guide.source.folder import ValidatedFiles

    calls: list[str] = []
    files = ValidatedFiles(lambda document, languages: calls.append(document.file) or document.file)
    (tmp_path / "a.yml").write_text("id: a\n", encoding="utf-8")
    assert files.load_folder(tmp_path, LANGUAGES, tmp_path) == (["a.yml"], ["a.yml"])
    assert files.load_folder(tmp_path, LANGUAGES, tmp_path) == (["a.yml"], [])  # cached: nothing fresh
    assert calls == ["a.yml"]
    (tmp_path / "b.yml").write_bytes("id: caf\xe9\n".encode("latin-1"))
    with pytest.raises(SourceError) as raised:
        files.load_folder(tmp_path, LANGUAGES, tmp_path)
    assert str(raised.value).startswith("b.yml:1:8: the file is not UTF-8 text")  # at the é
    (tmp_path / "b.yml").write_bytes(b"\xef\xbb\xbf" + "id: caf\xe9\n".encode("latin-1"))  # after a BOM
    with pytest.raises(SourceError) as raised:
        files.load_folder(tmp_path, LANGUAGES, tmp_path)
    assert str(raised.value).startswith("b.yml:1:8: the file is not UTF-8 text")  # the BOM is no column
