"""Scores, bands, the exact spread of totals, and the version fingerprints."""

from __future__ import annotations

import itertools
import math
import random
from dataclasses import replace

import pytest

from kam_guide.quiz.model import Audienced, Band, Option, Question, Quiz
from kam_guide.quiz.scoring import band_shares, fingerprint, question_key, score, total_counts
from kam_guide.quiz.validate import validate
from kam_guide.source.fields import LocalizedText
from kam_guide.source.yamlsource import load
from quizfiles import FIXTURE_LANGUAGES, FIXTURES, REAL_QUIZZES, load_fixture, load_quiz

pytestmark = pytest.mark.content

MINI = load_fixture("mini")


def test_score_of_a_known_answer_set() -> None:
    result = score(MINI, {"first": 1, "second": 2, "third": 0})
    assert result.total == 3 + 1 + 1
    assert result.answered == 3
    assert result.band is not None and result.band.title["en"] == "Middle"
    assert result.dimensions["alpha"].score == 4 and result.dimensions["alpha"].max == 5
    assert result.dimensions["beta"].score == 1 and result.dimensions["beta"].max == 4


def test_incomplete_answers_have_no_band() -> None:
    result = score(MINI, {"first": 1})
    assert (result.total, result.answered, result.band) == (3, 1, None)


def test_extremes_land_in_the_first_and_last_band() -> None:
    assert score(MINI, {"first": 0, "second": 0, "third": 0}).band == MINI.bands[0]
    assert score(MINI, {"first": 1, "second": 1, "third": 1}).band == MINI.bands[-1]


def test_weak_dimension_threshold() -> None:
    result = score(MINI, {"first": 1, "second": 2, "third": 0})
    assert not result.dimensions["alpha"].is_weak(70)  # 4/5 = 80 %
    assert result.dimensions["beta"].is_weak(70)  # 1/4 = 25 %


def test_total_counts_match_enumeration() -> None:
    expected: dict[int, int] = {}
    for choice in itertools.product(*(q.options for q in MINI.questions)):
        total = sum(option.points for option in choice)
        expected[total] = expected.get(total, 0) + 1
    assert total_counts(MINI) == expected


def synthetic_quiz(points_per_question: list[list[int]]) -> Quiz:
    """A quiz built in memory: one question per list of option points, one band over every total."""
    text = LocalizedText({"fr": "x", "en": "x"})
    questions = tuple(
        Question(
            f"q{n}",
            None,
            text,
            tuple(Option(LocalizedText({"fr": f"Option {i}", "en": f"Option {i}"}), p) for i, p in enumerate(points)),
        )
        for n, points in enumerate(points_per_question)
    )
    lowest = sum(min(points) for points in points_per_question)
    highest = sum(max(points) for points in points_per_question)
    return Quiz(
        "synthetic",
        "synthetic.yml",
        ("fr", "en"),
        text,
        None,
        (),
        questions,
        (Band(lowest, highest, text, Audienced.for_all(text)),),
        70,
        {},
    )


def test_total_counts_of_random_quizzes_match_enumeration() -> None:
    rng = random.Random(3)
    for _ in range(20):
        quiz = synthetic_quiz([[rng.randrange(0, 8) for _ in range(rng.randrange(2, 5))] for _ in range(5)])
        expected: dict[int, int] = {}
        for choice in itertools.product(*(q.options for q in quiz.questions)):
            total = sum(option.points for option in choice)
            expected[total] = expected.get(total, 0) + 1
        assert total_counts(quiz) == expected


def test_counting_does_not_enumerate_combinations() -> None:
    # 30 questions with power-of-two points: 7^30 ≈ 2.3e25 combinations, counted exactly.
    quiz = synthetic_quiz([[0, 1, 2, 4, 8, 16, 32, 64]] * 30)
    counts = total_counts(quiz)
    assert sum(counts.values()) == 8**30
    assert max(counts) == 30 * 64
    assert counts[0] == 1 and counts[30 * 64] == 1


def test_band_shares_add_up_to_every_combination() -> None:
    shares = band_shares(MINI)
    assert sum(share.combinations for share in shares) == 2 * 3 * 2
    assert sum(share.share for share in shares) == pytest.approx(1)


@pytest.mark.parametrize("path", REAL_QUIZZES, ids=lambda p: p.name)
def test_real_quiz_extremes_and_spread(path) -> None:  # type: ignore[no-untyped-def]
    quiz = load_quiz(path)
    best = {q.id: max(range(len(q.options)), key=lambda i, q=q: q.options[i].points) for q in quiz.questions}
    worst = {q.id: min(range(len(q.options)), key=lambda i, q=q: q.options[i].points) for q in quiz.questions}
    assert score(quiz, best).total == quiz.highest_total
    assert score(quiz, worst).total == quiz.lowest_total
    assert score(quiz, best).band == quiz.bands[-1]
    assert score(quiz, worst).band == quiz.bands[0]
    assert sum(share.combinations for share in band_shares(quiz)) == math.prod(len(q.options) for q in quiz.questions)


def test_fingerprint_ignores_question_wording_but_not_structure() -> None:
    reworded = replace(MINI, title=LocalizedText({"fr": "Autre", "en": "Other"}))
    assert fingerprint(reworded) == fingerprint(MINI)
    first = MINI.questions[0]
    asked_otherwise = replace(first, text=LocalizedText({"fr": "Autrement ?", "en": "Otherwise?"}))
    assert fingerprint(replace(MINI, questions=(asked_otherwise, *MINI.questions[1:]))) == fingerprint(MINI)
    repointed = replace(first, options=(first.options[0], replace(first.options[1], points=4)))
    assert fingerprint(replace(MINI, questions=(repointed, *MINI.questions[1:]))) != fingerprint(MINI)


def test_swapping_options_of_equal_points_changes_the_version() -> None:
    # Stored answers are option indexes: after a swap, index 0 names the other answer.
    question = synthetic_quiz([[3, 3, 1]]).questions[0]
    swapped = replace(question, options=(question.options[1], question.options[0], question.options[2]))
    assert question_key(swapped, "fr") != question_key(question, "fr")


def test_case_and_spacing_of_an_option_keep_the_version() -> None:
    question = synthetic_quiz([[3, 1]]).questions[0]
    respaced = replace(
        question,
        options=(
            replace(question.options[0], text=LocalizedText({"fr": "  OPTION   0 ", "en": "x"})),
            question.options[1],
        ),
    )
    assert question_key(respaced, "fr") == question_key(question, "fr")


def test_random_answer_sets_score_as_the_sum_of_their_points() -> None:
    rng = random.Random(7)
    for _ in range(50):
        answers = {q.id: rng.randrange(len(q.options)) for q in MINI.questions}
        expected = sum(q.options[answers[q.id]].points for q in MINI.questions)
        assert score(MINI, answers).total == expected


def test_coaching_fields_do_not_change_the_version() -> None:
    """Audience texts, team advice, questions to discuss and gaps change no stored answer's meaning."""
    mini = (FIXTURES / "valid" / "mini.yml").read_text(encoding="utf-8")
    coached = mini.replace("dimensions:", "gaps: {question_points: 1, dimension_percent: 50}\ndimensions:")
    coached = coached.replace(
        'advice: {fr: "Conseil bêta.", en: "Beta advice."}',
        'advice: {manager: {fr: "Au manager.", en: "To the manager."}, self: {fr: "Au KAM.", en: "To the KAM."}}\n'
        '    team_advice: {fr: "À l\'équipe.", en: "To the team."}',
    )
    coached = coached.replace(
        'text: {fr: "Texte haut.", en: "High text."}',
        'text: {manager: {fr: "Haut.", en: "High."}, self: {fr: "Haut !", en: "High!"}}',
    )
    coached = coached.replace(
        '    text: {fr: "Troisième question ?", en: "Third question?"}\n',
        '    text: {fr: "Troisième question ?", en: "Third question?"}\n    discuss: {fr: "Pourquoi ?", en: "Why?"}\n',
    )
    quiz = validate(load(coached, "mini.yml"), FIXTURE_LANGUAGES)
    assert quiz.gaps.question_points == 1 and quiz.questions[2].discuss is not None
    assert not quiz.bands[2].text.shared and quiz.dimensions[1].team_advice is not None
    assert fingerprint(quiz) == fingerprint(MINI)
