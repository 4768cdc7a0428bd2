"""Rules of good quiz writing, reported to editors in the build log (not errors: a short quiz cannot always meet them).

- Readers learn where the best answer usually sits: in a quiz whose questions all have
  the same number of options, the best and the second-best answers should fall in each
  position about equally often (the expected count, give or take one).
- A dimension's profile should rest on enough answers: at least three questions each.
"""

from __future__ import annotations

import math
import string

from .model import Option, Quiz

MIN_QUESTIONS_PER_DIMENSION = 3


def writing_notes(quiz: Quiz) -> list[str]:
    return _position_notes(quiz) + _dimension_notes(quiz)


def _position_notes(quiz: Quiz) -> list[str]:
    sizes = {len(question.options) for question in quiz.questions}
    if len(sizes) != 1:
        return []
    (size,) = sizes
    count = len(quiz.questions)
    low, high = max(0, math.floor(count / size) - 1), math.ceil(count / size) + 1
    notes = []
    for rank, name in ((0, "best"), (1, "second-best")):
        positions = [_position_of_rank(question.options, rank) for question in quiz.questions]
        for position in range(size):
            found = positions.count(position)
            if not low <= found <= high:
                notes.append(
                    f"the {name} answer is option {string.ascii_uppercase[position]} in {found} of {count} questions "
                    f"(expected {low} to {high}): readers learn where it sits; move some options"
                )
    return notes


def _position_of_rank(options: tuple[Option, ...], rank: int) -> int | None:
    """Index of the option with the rank-th highest points, or None when points tie there."""
    points = sorted({option.points for option in options}, reverse=True)
    if rank >= len(points):
        return None
    holders = [index for index, option in enumerate(options) if option.points == points[rank]]
    return holders[0] if len(holders) == 1 else None


def _dimension_notes(quiz: Quiz) -> list[str]:
    return [
        f"dimension `{dimension.id}` rests on {len(quiz.questions_of(dimension.id))} question(s): "
        f"its profile is decided by few answers; tie at least {MIN_QUESTIONS_PER_DIMENSION} questions to it"
        for dimension in quiz.dimensions
        if len(quiz.questions_of(dimension.id)) < MIN_QUESTIONS_PER_DIMENSION
    ]
