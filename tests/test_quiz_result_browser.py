"""The result never contradicts the profile, and speaks to the reader who is rating (the built site, Chromium).

For every quiz a page shows, answer sets are built from the quiz model for every band, with no weak
mission, with exactly one and with as many as the band allows (an exact search over each dimension's
reachable scores: `profiles`). A combination that no answer set reaches is listed by
`test_combinations_that_cannot_exist_are_only_those_the_totals_rule_out`, which says why.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest

from conftest import LANGUAGES, BuiltSite
from kam_guide.quiz.model import Quiz
from kam_guide.quiz.scoring import is_weak, score
from quizfiles import placed_quizzes

pytestmark = [pytest.mark.browser, pytest.mark.content]

PLACED = [(slug, quiz) for slug, quiz in placed_quizzes() if quiz.dimensions]

# How each language writes the number of a quiz's dimensions (at most 12) in words.
NUMBER_WORDS = {
    "fr": ["zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"],
    "en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"],
}


def reachable(quiz: Quiz, dimension_id: str) -> dict[int, dict[str, int]]:
    """Each score a dimension can reach, with one choice of its questions' options that gives it."""
    found: dict[int, dict[str, int]] = {0: {}}
    for question in quiz.questions_of(dimension_id):
        found = {
            points + option.points: {**choices, question.id: index}
            for points, choices in found.items()
            for index, option in enumerate(question.options)
        }  # one witness per score: a later one replaces an earlier
    return found


def profiles(quiz: Quiz) -> dict[tuple[int, str], dict[str, int] | None]:
    """For every band (index) and "none" / "one" / "several" weak dimensions, an answer set, or None if none exists.

    "several" is the most weak dimensions the band allows, when that is two or more.
    """
    per_dimension = [
        [
            (points, choices, is_weak(points, quiz.dimension_max(d.id), quiz.weak_below_percent))
            for points, choices in sorted(reachable(quiz, d.id).items())
        ]
        for d in quiz.dimensions
    ]
    best: dict[tuple[int, str], tuple[int, dict[str, int]] | None] = {
        (band, kind): None for band in range(len(quiz.bands)) for kind in ("none", "one", "several")
    }
    for combination in itertools.product(*per_dimension):
        total = sum(points for points, _, _ in combination)
        band = quiz.band_for(total)
        assert band is not None
        weak = sum(flag for _, _, flag in combination)
        kind = "none" if weak == 0 else "one" if weak == 1 else "several"
        key = (quiz.bands.index(band), kind)
        if best[key] is None or weak > best[key][0]:  # type: ignore[index]
            answers = {k: v for _, choices, _ in combination for k, v in choices.items()}
            best[key] = (weak, answers)
    return {key: None if found is None else found[1] for key, found in best.items()}


def cases() -> Iterator[tuple[str, Quiz, int, str, dict[str, int]]]:
    for slug, quiz in PLACED:
        for (band, kind), answers in profiles(quiz).items():
            if answers is not None:
                yield slug, quiz, band, kind, answers


STATE = """id => {
    const form = document.querySelector(`form[data-quiz="${id}"]`);
    const visible = el => !!el && el.checkVisibility();
    const line = form.querySelector("[data-quiz-weak-line]");
    return {
        weakLine: visible(line),
        weakList: form.querySelector("[data-quiz-weak-list]").textContent,
        bands: [...form.querySelectorAll("[data-quiz-band]")].filter(visible).map(el => ({
            index: Number(el.dataset.quizBand),
            title: el.querySelector("[data-quiz-band-title]").textContent,
        })),
        titles: Object.fromEntries([...form.querySelectorAll("[data-quiz-dimension]")].map(el =>
            [el.dataset.quizDimension, el.querySelector(".quiz__dimension-title").textContent.trim()])),
        weak: [...form.querySelectorAll("[data-quiz-dimension]")]
            .filter(el => visible(el.querySelector("[data-quiz-weak]"))).map(el => el.dataset.quizDimension),
        audiences: [...form.querySelectorAll("[data-quiz-band] [data-audience], [data-quiz-profile] [data-audience]")]
            .filter(visible).map(el => el.dataset.audience),
    };
}"""


def set_answers(page, answers: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    page.evaluate(
        """answers => {
            for (const [id, index] of Object.entries(answers))
                document.querySelectorAll(`fieldset[data-question="${id}"] input`)[index].click();
        }""",
        answers,
    )


@pytest.mark.parametrize(("slug", "quiz"), PLACED, ids=[quiz.id for _, quiz in PLACED])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_result_names_every_weak_mission_in_every_band(
    site: BuiltSite, page, slug: str, quiz: Quiz, language: str
) -> None:  # type: ignore[no-untyped-def]
    """When a mission is weak, `[data-quiz-weak-line]` is visible and names exactly the weak missions (by the
    profile's own titles: the test copies no wording); when none is, it is hidden.

    A band title must not speak of the missions as a whole while one of them is weak: the visible title may not
    hold the number of the quiz's dimensions, in digits or in words ("across all four missions" was shown at
    69/75 with the networker weak, issue 17). A title that counts the missions is a claim about every one of
    them; the band's text may still mention them (the lowest band's "the four missions … largely untouched"
    is true with weak missions), so only the title is held to it. This can fail (put the count back in a title
    whose band holds a weak profile) without the test knowing any title."""
    count = len(quiz.dimensions)
    claim = re.compile(rf"\b({count}|{NUMBER_WORDS[language][count]})\b", re.IGNORECASE)
    page.goto(site.page_url(slug, language))
    page.wait_for_selector(f"form[data-quiz='{quiz.id}'][data-quiz-ready]", state="attached")
    checked = 0
    for (band, kind), answers in profiles(quiz).items():
        if answers is None:
            continue
        result = score(quiz, answers)
        weak = [d.id for d in quiz.dimensions if result.dimensions[d.id].is_weak(quiz.weak_below_percent)]
        assert (kind == "none") == (not weak) and quiz.bands.index(result.band) == band  # type: ignore[arg-type]
        set_answers(page, answers)
        state = page.evaluate(STATE, quiz.id)
        where = f"band {band}, {kind} weak ({', '.join(weak)})"
        assert [b["index"] for b in state["bands"]] == [band], where
        assert state["weak"] == weak, where
        titles = state["titles"]
        assert all(a not in b for a, b in itertools.permutations(titles.values(), 2)), "a title holds another"
        assert state["weakLine"] == bool(weak), where
        if weak:
            named = [id_ for id_, title in titles.items() if title in state["weakList"]]
            assert named == weak, f"{where}: the weak line says {state['weakList']!r}"
            assert not claim.search(state["bands"][0]["title"]), f"{where}: {state['bands'][0]['title']!r}"
        checked += 1
    assert checked >= len(quiz.bands)


@pytest.mark.parametrize(("slug", "quiz"), PLACED, ids=[quiz.id for _, quiz in PLACED])
def test_combinations_that_cannot_exist_are_only_those_the_totals_rule_out(slug: str, quiz: Quiz) -> None:
    """Which (band, weak missions) combinations no answer set reaches, and why: with every mission solid (each at
    the threshold or above) the total is at least `solid_floor`; with exactly one weak mission it lies between
    `one_floor` (that mission at its lowest, the others just solid) and `one_ceiling` (that mission just below the
    threshold, the others at their maximum). On today's quiz the lowest band can hold neither: a reader there has
    two weak missions or more. "several" is only looked for, not required."""
    weak_of = {
        d.id: [p for p in reachable(quiz, d.id) if is_weak(p, quiz.dimension_max(d.id), quiz.weak_below_percent)]
        for d in quiz.dimensions
    }
    solid_of = {d.id: min(set(reachable(quiz, d.id)) - set(weak_of[d.id])) for d in quiz.dimensions}
    solid_floor = sum(solid_of.values())
    weak = [d.id for d in quiz.dimensions if weak_of[d.id]]
    one_floor = min(solid_floor - solid_of[d] + min(weak_of[d]) for d in weak)
    one_ceiling = max(quiz.highest_total - quiz.dimension_max(d) + max(weak_of[d]) for d in weak)
    found = profiles(quiz)
    for index, band in enumerate(quiz.bands):
        assert (found[(index, "none")] is None) == (band.max < solid_floor), (index, "none", solid_floor)
        one = band.max < one_floor or band.min > one_ceiling
        assert (found[(index, "one")] is None) == one, (index, "one", one_floor, one_ceiling)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("rater", ["self", "manager"])
def test_the_result_and_profile_speak_to_the_reader_who_rates(site: BuiltSite, page, language: str, rater: str) -> None:  # type: ignore[no-untyped-def]
    """Choosing who rates shows only that audience's texts in the result and the profile (and switching back)."""
    slug, quiz = PLACED[0]
    page.goto(site.page_url(slug, language))
    page.wait_for_selector(f"form[data-quiz='{quiz.id}'][data-quiz-ready]", state="attached")
    found = profiles(quiz)
    other = "manager" if rater == "self" else "self"
    for answers in (found[(len(quiz.bands) - 1, "one")], found[(0, "several")]):
        assert answers is not None
        set_answers(page, answers)
        for chosen in (rater, other, rater):
            page.locator(f"form[data-quiz='{quiz.id}'] input[data-quiz-rater][value={chosen}]").check()
            state = page.evaluate(STATE, quiz.id)
            # the band's text and each weak mission's advice, for this reader only
            assert state["audiences"] and set(state["audiences"]) == {chosen}, (chosen, state["audiences"])
            assert len(state["audiences"]) == 1 + len(state["weak"]), state
