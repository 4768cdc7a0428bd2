"""The coaching rules in Python (kam_guide.quiz.team): who counts, latest and previous, gaps between ratings.

Every expected figure is worked out by hand from tests/fixtures/quizzes/valid/coach.yml:
questions `first` (alpha; options worth 1, 3), `second` (alpha; 0, 2, 1), `third` (beta; 1, 4);
maxima alpha 5, beta 4; weak below 70 %: alpha at 3 points or fewer, beta at 2 or fewer;
gaps: 2 points on a question, 25 % of a dimension's maximum.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from kam_guide.quiz.model import Gaps
from kam_guide.quiz.scoring import fingerprint, score
from kam_guide.quiz.team import (
    AGREE,
    MANAGER_HIGHER,
    SELF_HIGHER,
    Change,
    Gap,
    SavedAssessment,
    changes,
    comparison,
    person_key,
    team_summary,
    team_weakest_shown,
    weak_people,
)
from quizfiles import load_fixture

COACH = load_fixture("coach")
VERSION = fingerprint(COACH)
OLD = "0123456789ab"


def entry(
    name: str, date: str, rater: str, choices: tuple[int, int, int], *, id: str = "", version: str = VERSION
) -> SavedAssessment:
    """An assessment with these option indexes for first, second, third, and the scores they give."""
    answers = dict(zip(("first", "second", "third"), choices, strict=True))
    result = score(COACH, answers)
    scores = {key: value.score for key, value in result.dimensions.items()}
    return SavedAssessment(
        id or f"{name}|{date}|{rater}|{choices}", name, date, version, result.total, scores, rater, answers
    )


# Choices → (total, alpha, beta):
HIGH = (1, 1, 1)  # 9, 5, 4
LOW = (0, 0, 0)  # 2, 1, 1
MIXED = (0, 2, 0)  # 3, 2, 1
ALPHA_4 = (1, 2, 1)  # 8, 4, 4


def test_the_fixture_is_what_the_expectations_assume() -> None:
    assert (COACH.dimension_max("alpha"), COACH.dimension_max("beta"), COACH.weak_below_percent) == (5, 4, 70)
    assert COACH.gaps == Gaps(question_points=2, dimension_percent=25)
    for choices, figures in ((HIGH, (9, 5, 4)), (LOW, (2, 1, 1)), (MIXED, (3, 2, 1)), (ALPHA_4, (8, 4, 4))):
        saved = entry("x", "2026-01-01", "manager", choices)
        assert (saved.total, saved.scores["alpha"], saved.scores["beta"]) == figures


# ── who counts ───────────────────────────────────────────────────────────────


def test_self_ratings_are_not_in_the_managers_average_and_have_their_own() -> None:
    saved = [
        entry("Anne", "2026-03-01", "manager", HIGH),
        entry("Anne", "2026-04-01", "self", LOW),
        entry("Bob", "2026-03-02", "manager", LOW),
    ]
    managers = team_summary(COACH, saved)
    assert managers is not None and managers == team_summary(COACH, saved, rater="manager")
    assert (managers.people, managers.total_sum) == (2, 11)
    assert managers.shares == {"alpha": (6, 10), "beta": (5, 8)}
    own = team_summary(COACH, saved, rater="self")
    assert own is not None and (own.people, own.total_sum) == (1, 2)
    assert own.shares == {"alpha": (1, 5), "beta": (1, 4)}
    assert team_summary(COACH, [entry("Anne", "2026-04-01", "self", LOW)]) is None


def test_entries_saved_before_raters_existed_are_a_managers() -> None:
    legacy = SavedAssessment("a", "Anne", "2026-01-01", VERSION, 9, {"alpha": 5, "beta": 4})
    assert legacy.rater == "manager" and legacy.answers == {}
    summary = team_summary(COACH, [legacy])
    assert summary is not None and summary.people == 1
    with pytest.raises(ValueError, match="rater 'boss'"):
        SavedAssessment("a", "Anne", "2026-01-01", VERSION, 9, {}, "boss")


def test_other_versions_count_nowhere() -> None:
    saved = [
        entry("Anne", "2026-01-01", "manager", HIGH),
        entry("Anne", "2026-02-01", "self", HIGH),
        # Later, but of another version: ignored by every rule.
        entry("Anne", "2026-06-01", "manager", LOW, version=OLD),
        entry("Anne", "2026-06-01", "self", LOW, version=OLD),
        entry("Bob", "2026-06-01", "manager", LOW, version=OLD),
    ]
    summary = team_summary(COACH, saved)
    assert summary is not None and (summary.people, summary.total_sum) == (1, 9)
    assert changes(COACH, saved, "anne", "manager") is None and changes(COACH, saved, "anne", "self") is None
    assert weak_people(COACH, saved, "alpha") == ()
    found = comparison(COACH, saved, "anne")
    assert found is not None and (found.self_date, found.manager_date) == ("2026-02-01", "2026-01-01")
    assert all(gap.direction == AGREE for gap in found.dimensions + found.questions)
    assert comparison(COACH, saved, "bob") is None


def test_a_person_is_a_name_case_and_spaces_aside_and_each_unnamed_entry_is_its_own() -> None:
    assert person_key(entry(" Chloé ", "2026-01-01", "manager", LOW)) == "chloé"
    assert person_key(entry("  ", "2026-01-01", "manager", LOW, id="e7")) == "e7"
    saved = [
        entry("", "2026-01-01", "manager", LOW, id="e1"),
        entry("", "2026-01-01", "manager", LOW, id="e2"),
        entry("Anne", "2026-01-01", "manager", LOW),
        entry(" ANNE", "2026-02-01", "manager", HIGH),
    ]
    summary = team_summary(COACH, saved)
    assert summary is not None and (summary.people, summary.total_sum) == (3, 2 + 2 + 9)
    assert weak_people(COACH, saved, "alpha") == ("", "")  # Anne's latest is strong
    assert changes(COACH, saved, "e1", "manager") is None  # one assessment each
    change = changes(COACH, saved, "anne", "manager")
    assert change is not None and change.total == 7


# ── latest and previous ──────────────────────────────────────────────────────


def test_latest_is_the_last_by_date_and_storage_order_breaks_ties() -> None:
    same_day = [entry("Anne", "2026-03-01", "manager", LOW), entry("anne ", "2026-03-01", "manager", HIGH)]
    assert changes(COACH, same_day, "anne", "manager") == Change("2026-03-01", "2026-03-01", 7, {"alpha": 4, "beta": 3})
    summary = team_summary(COACH, same_day)
    assert summary is not None and summary.total_sum == 9
    reversed_storage = same_day[::-1]
    assert changes(COACH, reversed_storage, "anne", "manager") == Change(
        "2026-03-01", "2026-03-01", -7, {"alpha": -4, "beta": -3}
    )
    summary = team_summary(COACH, reversed_storage)
    assert summary is not None and summary.total_sum == 2
    # A later date stored first still comes last; only the last two count.
    saved = [
        entry("Anne", "2026-09-01", "manager", MIXED),
        entry("Anne", "2026-01-01", "manager", LOW),
        entry("Anne", "2026-05-01", "manager", HIGH),
    ]
    assert changes(COACH, saved, "anne", "manager") == Change("2026-05-01", "2026-09-01", -6, {"alpha": -3, "beta": -3})


def test_changes_need_two_assessments_by_the_same_rater() -> None:
    saved = [entry("Anne", "2026-01-01", "manager", LOW), entry("Anne", "2026-02-01", "self", HIGH)]
    assert changes(COACH, saved, "anne", "manager") is None
    assert changes(COACH, saved, "anne", "self") is None
    assert changes(COACH, saved, "nobody", "manager") is None
    saved.append(entry("Anne", "2026-03-01", "self", MIXED))
    assert changes(COACH, saved, "anne", "self") == Change("2026-02-01", "2026-03-01", -6, {"alpha": -3, "beta": -3})
    assert changes(COACH, saved, "anne", "manager") is None


# ── weak people and the team's weakest dimension ─────────────────────────────


def test_weak_people_by_their_latest_manager_assessment_in_order_of_first_storage() -> None:
    saved = [
        entry("Chloé", "2026-01-01", "self", HIGH),  # Chloé is stored first, by her own rating
        entry("Bob", "2026-01-01", "manager", LOW),
        entry("Dora", "2026-01-01", "manager", LOW),  # weak, then strong: not listed
        entry(" chloé ", "2026-02-01", "manager", MIXED),
        entry("Eve", "2026-01-01", "self", LOW),  # weak by her own rating only: not listed
        entry("Dora", "2026-02-01", "manager", ALPHA_4),
        entry("bob ", "2026-03-01", "manager", MIXED),
        entry("Fred", "2026-01-01", "manager", LOW, version=OLD),
    ]
    assert weak_people(COACH, saved, "alpha") == ("chloé", "bob")  # alpha 2 and 2 of 5; Dora 4
    assert weak_people(COACH, saved, "beta") == ("chloé", "bob")  # beta 1, 1; Dora 4


def test_weak_at_the_threshold_is_not_weak() -> None:
    # 4 of 5 is 80 %: weak below 81 %, not below 80 %.
    saved = [entry("Anne", "2026-01-01", "manager", ALPHA_4)]
    assert weak_people(replace(COACH, weak_below_percent=80), saved, "alpha") == ()
    assert weak_people(replace(COACH, weak_below_percent=81), saved, "alpha") == ("Anne",)


def test_the_weakest_dimension_is_shown_only_when_the_team_is_weak_on_it() -> None:
    saved = [entry("Anne", "2026-01-01", "manager", ALPHA_4), entry("Anne", "2026-01-01", "self", LOW)]
    summary = team_summary(COACH, saved)
    assert summary is not None and summary.weakest == "alpha"  # 4/5 against 4/4
    assert team_weakest_shown(summary, replace(COACH, weak_below_percent=80)) is None  # 400 < 400 is false
    assert team_weakest_shown(summary, replace(COACH, weak_below_percent=81)) == "alpha"
    # Two people: alpha 5 + 2 of 10, beta 4 + 1 of 8 (62.5 %, the weakest).
    saved = [entry("Anne", "2026-01-01", "manager", HIGH), entry("Bob", "2026-01-01", "manager", MIXED)]
    summary = team_summary(COACH, saved)
    assert summary is not None and summary.weakest == "beta"
    assert team_weakest_shown(summary, replace(COACH, weak_below_percent=62)) is None  # 500 < 496 is false
    assert team_weakest_shown(summary, replace(COACH, weak_below_percent=63)) == "beta"  # 500 < 504
    assert team_weakest_shown(None, COACH) is None


# ── a KAM's own view beside their manager's ──────────────────────────────────


def test_comparison_needs_both_a_self_and_a_manager_assessment() -> None:
    assert comparison(COACH, [entry("Anne", "2026-01-01", "self", LOW)], "anne") is None
    assert comparison(COACH, [entry("Anne", "2026-01-01", "manager", LOW)], "anne") is None
    assert comparison(COACH, [], "anne") is None


def test_comparison_of_the_latest_of_each_with_the_direction_of_each_gap() -> None:
    saved = [
        entry("Anne", "2026-05-01", "self", HIGH),  # first 3, second 2, third 4; alpha 5, beta 4
        entry("Anne", "2026-01-01", "self", LOW),  # earlier: not compared
        entry("anne", "2026-04-01", "manager", MIXED),  # first 1, second 1, third 1; alpha 2, beta 1
        entry("Bob", "2026-06-01", "manager", HIGH),
    ]
    found = comparison(COACH, saved, "anne")
    assert found is not None and (found.self_date, found.manager_date) == ("2026-05-01", "2026-04-01")
    assert found.dimensions == (
        Gap("alpha", 5, 2, SELF_HIGHER),  # 300 ≥ 5 × 25
        Gap("beta", 4, 1, SELF_HIGHER),  # 300 ≥ 4 × 25
    )
    assert found.questions == (
        Gap("first", 3, 1, SELF_HIGHER),  # a gap of exactly 2 points disagrees
        Gap("second", 2, 1, AGREE),  # one point below agrees
        Gap("third", 4, 1, SELF_HIGHER),
    )
    saved = [entry("Bob", "2026-01-01", "self", LOW), entry("Bob", "2026-01-01", "manager", (1, 1, 0))]
    found = comparison(COACH, saved, "bob")
    assert found is not None
    assert found.dimensions == (Gap("alpha", 1, 5, MANAGER_HIGHER), Gap("beta", 1, 1, AGREE))
    assert found.questions == (
        Gap("first", 1, 3, MANAGER_HIGHER),
        Gap("second", 0, 2, MANAGER_HIGHER),
        Gap("third", 1, 1, AGREE),
    )


def test_a_dimension_disagrees_from_exactly_its_share_of_the_maximum_in_whole_numbers() -> None:
    # alpha's maximum is 5: at 40 %, a gap of 2 points is 200 ≥ 200 (disagree), 1 point 100 < 200 (agree);
    # at 41 %, 2 points is 200 < 205 (agree), though 2/5 rounds to 41 % no more than 40 % does.
    manager = entry("Anne", "2026-01-01", "manager", HIGH)  # alpha 5
    two_below = entry("Anne", "2026-01-01", "self", (0, 1, 1))  # alpha 1 + 2 = 3
    one_below = entry("Anne", "2026-01-01", "self", (1, 2, 1))  # alpha 3 + 1 = 4

    def alpha(percent: int, mine: SavedAssessment) -> str:
        found = comparison(replace(COACH, gaps=Gaps(2, percent)), [mine, manager], "anne")
        assert found is not None
        return found.dimensions[0].direction

    assert alpha(40, two_below) == MANAGER_HIGHER
    assert alpha(40, one_below) == AGREE
    assert alpha(41, two_below) == AGREE


def test_a_question_disagrees_from_exactly_its_points() -> None:
    saved = [entry("Anne", "2026-01-01", "self", HIGH), entry("Anne", "2026-01-01", "manager", LOW)]
    # first: 3 against 1, a gap of 2.
    for points, direction in ((1, SELF_HIGHER), (2, SELF_HIGHER), (3, AGREE)):
        found = comparison(replace(COACH, gaps=Gaps(points, 25)), saved, "anne")
        assert found is not None and found.questions[0] == Gap("first", 3, 1, direction)


def test_a_question_either_entry_left_unanswered_is_not_compared() -> None:
    mine = entry("Anne", "2026-01-01", "self", HIGH)
    partial = replace(entry("Anne", "2026-01-01", "manager", LOW), answers={"first": 0, "third": 9})
    found = comparison(COACH, [mine, partial], "anne")
    assert found is not None and [gap.id for gap in found.questions] == ["first"]
