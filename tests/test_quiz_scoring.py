"""Scores, bands, the exact spread of totals, and the structure fingerprint."""

from __future__ import annotations

import itertools
import random
from dataclasses import replace

import pytest

from quizfiles import FIXTURES, REAL_QUIZZES, load_quiz
from quizkit.scoring import band_shares, fingerprint, score, total_counts

MINI = load_quiz(FIXTURES / "valid" / "mini.yml")


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


def test_band_shares_add_up_to_every_combination() -> None:
    shares = band_shares(MINI)
    assert sum(share.combinations for share in shares) == 2 * 3 * 2
    assert sum(share.share for share in shares) == pytest.approx(1)


@pytest.mark.parametrize("path", REAL_QUIZZES, ids=lambda p: p.name)
def test_real_quiz_known_answer_sets(path) -> None:  # type: ignore[no-untyped-def]
    quiz = load_quiz(path)
    best = {q.id: max(range(len(q.options)), key=lambda i: q.options[i].points) for q in quiz.questions}
    worst = {q.id: min(range(len(q.options)), key=lambda i: q.options[i].points) for q in quiz.questions}
    assert score(quiz, best).total == quiz.highest_total == 75
    assert score(quiz, worst).total == quiz.lowest_total == 15
    assert score(quiz, best).band == quiz.bands[-1]
    all_first = {q.id: 0 for q in quiz.questions}  # every "A" answer of the source
    assert score(quiz, all_first).total == 5 + 1 + 3 + 5 + 1 + 1 + 1 + 5 + 3 + 5 + 5 + 5 + 1 + 1 + 3
    assert sum(share.combinations for share in band_shares(quiz)) == 3**15


def test_fingerprint_ignores_wording_but_not_structure() -> None:
    reworded = replace(MINI, title={"fr": "Autre", "en": "Other"})
    assert fingerprint(reworded) == fingerprint(MINI)
    first = MINI.questions[0]
    repointed = replace(first, options=(first.options[0], replace(first.options[1], points=4)))
    changed = replace(MINI, questions=(repointed, *MINI.questions[1:]))
    assert fingerprint(changed) != fingerprint(MINI)


def test_random_answer_sets_score_as_the_sum_of_their_points() -> None:
    rng = random.Random(7)
    for _ in range(50):
        answers = {q.id: rng.randrange(len(q.options)) for q in MINI.questions}
        expected = sum(q.options[answers[q.id]].points for q in MINI.questions)
        assert score(MINI, answers).total == expected
