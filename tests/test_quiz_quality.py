"""Good quiz writing: the rules the build log reports, held for every full-length quiz of the site."""

from __future__ import annotations

import pytest

from kam_guide.quiz.quality import writing_notes
from quizfiles import REAL_QUIZZES, load_fixture, load_quiz

pytestmark = pytest.mark.content

# Below this many questions, a quiz cannot always spread its answers evenly.
FULL_LENGTH = 12


# Short quizzes are left to the build log's notes: only full-length ones are held to the rules here.
FULL_LENGTH_QUIZZES = [path for path in REAL_QUIZZES if len(load_quiz(path).questions) >= FULL_LENGTH]


@pytest.mark.parametrize("path", FULL_LENGTH_QUIZZES, ids=lambda p: p.name)
def test_full_length_quizzes_follow_the_writing_rules(path) -> None:  # type: ignore[no-untyped-def]
    assert writing_notes(load_quiz(path)) == [], f"{path.name}: fix what the build log says"


def test_writing_rules_notice_a_predictable_quiz() -> None:
    from dataclasses import replace

    mini = load_fixture("mini")
    # Every best answer moved to the first position, and a dimension left with one question.
    two_options = [q for q in mini.questions if len(q.options) == 2]
    lopsided = tuple(replace(q, options=tuple(sorted(q.options, key=lambda o: -o.points))) for q in two_options)
    notes = writing_notes(replace(mini, questions=lopsided * 6))
    assert any("the best answer is option A in 12 of 12 questions" in note for note in notes)
    assert writing_notes(mini) and any("dimension `beta` rests on 1 question(s)" in n for n in writing_notes(mini))
