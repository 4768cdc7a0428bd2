"""The self-assessment in Chromium: scoring against the Python model, memory, sharing, keyboard, no-JS, axe."""

from __future__ import annotations

import json
import random
import re

import pytest
from playwright.sync_api import expect

from accessibility import axe_results
from conftest import LANGUAGES, BuiltSite
from kam_guide.quiz.scoring import fingerprint, score
from quizfiles import placed_quizzes

pytestmark = [pytest.mark.browser, pytest.mark.content]

# The first quiz a page shows; test_random_answer_sets… runs on every one.
PLACED = placed_quizzes()
QUIZ_PAGE, QUIZ = PLACED[0]
FORM = f"form[data-quiz='{QUIZ.id}']"
STORAGE_KEY = f"kam-guide.quiz.{QUIZ.id}"


# ── helpers ─────────────────────────────────────────────────────────────────


def open_quiz(
    page, site: BuiltSite, language: str, fragment: str = "", slug: str = QUIZ_PAGE, form: str = FORM
) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url(slug, language) + fragment)
    page.wait_for_selector(f"{form}[data-quiz-ready]", state="attached")


def answer(page, answers: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """Click the chosen options as a reader would (through their labels)."""
    for question_id, index in answers.items():
        page.locator(f"fieldset[data-question='{question_id}'] label.quiz__option").nth(index).click()


def answer_quickly(page, answers: dict[str, int]) -> None:  # type: ignore[no-untyped-def]
    """The same through input.click() in one round trip, for the many random sets."""
    page.evaluate(
        """answers => {
            for (const [id, index] of Object.entries(answers)) {
                document.querySelectorAll(`fieldset[data-question="${id}"] input`)[index].click();
            }
        }""",
        answers,
    )


def random_answers(rng: random.Random, quiz=QUIZ) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {q.id: rng.randrange(len(q.options)) for q in quiz.questions}


def shown(page, quiz=QUIZ) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What the page shows: score, visible bands, progress, per-dimension score and state."""
    return page.evaluate(
        """id => {
            const form = document.querySelector(`form[data-quiz="${id}"]`);
            const visible = el => el.offsetParent !== null;
            return {
                answered: Number(form.querySelector("[data-quiz-answered]").textContent),
                total: visible(form.querySelector("[data-quiz-total]"))
                    ? Number(form.querySelector("[data-quiz-score]").textContent) : null,
                bands: [...form.querySelectorAll("[data-quiz-band]")].filter(visible)
                    .map(el => Number(el.dataset.quizBand)),
                dimensions: Object.fromEntries([...form.querySelectorAll("[data-quiz-dimension]")]
                    .filter(visible).map(el => [el.dataset.quizDimension, {
                        score: Number(el.querySelector("[data-quiz-dimension-score]").textContent),
                        weak: visible(el.querySelector("[data-quiz-weak]")),
                        advice: visible(el.querySelector("[data-quiz-advice]")),
                    }])),
            };
        }""",
        quiz.id,
    )


def expected(answers: dict[str, int], quiz=QUIZ) -> dict[str, object]:  # type: ignore[no-untyped-def]
    result = score(quiz, answers)
    complete = result.band is not None
    return {
        "answered": result.answered,
        "total": result.total if complete else None,
        "bands": [quiz.bands.index(result.band)] if result.band else [],
        "dimensions": {
            dimension_id: {
                "score": value.score,
                "weak": value.is_weak(quiz.weak_below_percent),
                "advice": value.is_weak(quiz.weak_below_percent),
            }
            for dimension_id, value in result.dimensions.items()
        }
        if complete
        else {},
    }


# ── scoring ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("slug", "quiz"), PLACED, ids=[f"{slug}:{quiz.id}" for slug, quiz in PLACED])
def test_random_answer_sets_score_as_the_python_model(site: BuiltSite, page, slug: str, quiz, language: str) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, language, slug=slug, form=f"form[data-quiz='{quiz.id}']")
    rng = random.Random(f"{quiz.id}-{language}")
    for _ in range(60):  # 60 sets per quiz and language
        answers = random_answers(rng, quiz)
        answer_quickly(page, answers)
        assert shown(page, quiz) == expected(answers, quiz)


@pytest.mark.parametrize("language", LANGUAGES)
def test_extreme_answer_sets_reach_the_first_and_last_band(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, language)
    for pick in (min, max):
        answers = {q.id: pick(range(len(q.options)), key=lambda i, q=q: q.options[i].points) for q in QUIZ.questions}
        answer(page, answers)
        assert shown(page) == expected(answers)
    assert shown(page)["total"] == QUIZ.highest_total


def test_progress_counts_answers_and_result_waits_for_the_last(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "fr")
    assert shown(page)["answered"] == 0
    assert page.locator("[data-quiz-incomplete]").is_visible()
    some = {q.id: 1 for q in QUIZ.questions[: len(QUIZ.questions) // 2]}
    answer(page, some)
    progress = page.locator(".quiz__progress").inner_text()
    assert progress.startswith(f"{len(some)} / {len(QUIZ.questions)} ")
    assert shown(page) == expected(some)  # no total, no band, no profile yet
    assert not page.locator("[data-quiz-profile]").is_visible()


def test_changing_an_answer_updates_everything(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "en")
    answers = {q.id: 0 for q in QUIZ.questions}
    answer(page, answers)
    assert shown(page) == expected(answers)
    last = QUIZ.questions[-1].id
    answers[last] = 1
    answer(page, {last: 1})
    assert shown(page) == expected(answers)


def test_result_is_announced_in_a_live_region(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "en")
    answers = {q.id: len(q.options) - 1 for q in QUIZ.questions}
    answer(page, answers)
    region = page.locator("[data-quiz-announcement]")
    assert region.get_attribute("aria-live") == "polite"
    total = score(QUIZ, answers).total
    band = QUIZ.band_for(total)
    assert region.inner_text().startswith(f"Score: {total} / {QUIZ.highest_total} ")
    assert region.inner_text().endswith(band.title["en"])


# ── memory ──────────────────────────────────────────────────────────────────


def test_answers_survive_reload_and_language_switch(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    first, other = LANGUAGES[0], LANGUAGES[-1]
    open_quiz(page, site, first)
    answers = random_answers(random.Random(1))
    answer(page, answers)
    page.reload()
    page.wait_for_selector(f"{FORM}[data-quiz-ready]", state="attached")
    assert shown(page) == expected(answers)
    page.locator(".md-header__option .md-select > button").hover()
    page.locator(f"a.md-select__link[hreflang='{other}']").click()
    page.wait_for_url(site.page_url(QUIZ_PAGE, other))
    page.wait_for_selector(f"{FORM}[data-quiz-ready]", state="attached")
    assert shown(page) == expected(answers)


def test_start_again_empties_answers_and_storage(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "en")
    answer(page, {q.id: 1 for q in QUIZ.questions})
    page.locator(f"{FORM} [data-quiz-reset]").click()
    assert shown(page) == expected({})
    assert page.locator(f"{FORM} input[data-points]:checked").count() == 0
    assert page.evaluate(f"localStorage.getItem('{STORAGE_KEY}')") is None
    page.reload()
    assert shown(page) == expected({})


def keys_of(quiz) -> dict[str, str]:  # type: ignore[no-untyped-def]
    from kam_guide.quiz.scoring import question_key

    return {q.id: question_key(q, LANGUAGES[0]) for q in quiz.questions}


def test_answers_of_another_version_are_kept_where_their_question_is_unchanged(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    first, second = QUIZ.questions[0], QUIZ.questions[1]
    keys = keys_of(QUIZ)
    keys[second.id] = "00000000"  # this question's options changed since the answers were stored
    stored = {"version": "0123456789ab", "answers": {first.id: 1, second.id: 1}, "keys": keys}
    site.preset_storage(page, {STORAGE_KEY: json.dumps(stored)})
    open_quiz(page, site, LANGUAGES[0])
    assert shown(page) == expected({first.id: 1})
    assert page.locator("[data-quiz-notice='stale']").is_visible()


# A property every JavaScript object has and that is none of this quiz's question ids.
PROPERTY_NAME = next(name for name in ("constructor", "__proto__") if name not in {q.id for q in QUIZ.questions})


@pytest.mark.parametrize(
    "stored",
    [
        {"version": "0123456789ab", "answers": {"__first__": 2}},  # another version, no keys: nothing kept
        {"version": "{version}", "answers": {"__first__": 99}},  # an option that does not exist
        {"version": "{version}", "answers": {"__property__": 1, "toString": 0}},  # names of object properties
        {"version": "{version}", "answers": "garbage"},
        "not even an object",
    ],
)
def test_stored_answers_that_cannot_apply_are_dropped_with_a_notice(site: BuiltSite, page, stored) -> None:  # type: ignore[no-untyped-def]
    text = (
        json.dumps(stored)
        .replace("{version}", fingerprint(QUIZ))
        .replace("__first__", QUIZ.questions[0].id)
        .replace("__property__", PROPERTY_NAME)
    )
    site.preset_storage(page, {STORAGE_KEY: text})
    open_quiz(page, site, LANGUAGES[0])
    assert shown(page) == expected({})
    assert "NaN" not in page.locator(FORM).inner_text()


# ── share links ─────────────────────────────────────────────────────────────


def test_share_link_round_trip(site: BuiltSite, page_with) -> None:  # type: ignore[no-untyped-def]
    page = page_with(permissions=["clipboard-read", "clipboard-write"])
    open_quiz(page, site, "en")
    answers = random_answers(random.Random(2))
    answer(page, answers)
    page.locator(f"{FORM} [data-quiz-share]").click()
    expect(page.locator("[data-quiz-notice='copied']")).to_be_visible()  # after the clipboard promise
    link = page.evaluate("navigator.clipboard.readText()")
    digits = "".join("0123456789abcdefghijklmnopqrstuvwxyz"[answers[q.id]] for q in QUIZ.questions)
    today = page.evaluate(f"kamGuide.quiz(document.querySelector(`{FORM}`)).today()").replace("-", "")
    # then who answered (a manager, by default) and the day: the team table dates the record with it
    assert link == f"{site.page_url(QUIZ_PAGE, 'en')}#quiz-{QUIZ.id}={fingerprint(QUIZ)}.{digits}.m.{today}"

    reader = page_with()  # another reader: nothing stored
    reader.goto(link.replace("/en/", "/"))  # the fragment works in either language
    reader.wait_for_selector(f"{FORM}[data-quiz-ready]", state="attached")
    assert shown(reader) == expected(answers)
    assert reader.locator("[data-quiz-notice='restored']").is_visible()
    assert reader.evaluate("location.hash") == ""  # the address no longer carries the answers


def malformed_links() -> list[str]:
    n = len(QUIZ.questions)
    version = fingerprint(QUIZ)
    valid = "0" * n
    return [
        "",  # empty
        f"0123456789ab.{valid}",  # another version
        f"{version}.{valid[: n // 2]}",  # truncated
        f"{version}.{valid}0",  # too long
        f"{version}.{valid[:-1]}z",  # an option that does not exist
        version,  # no answers at all
        "%E2%82%AC%%",  # not even text
    ]


@pytest.mark.parametrize("value", malformed_links())
def test_malformed_share_links_are_ignored_with_a_notice(site: BuiltSite, page, value: str) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, LANGUAGES[0], f"#quiz-{QUIZ.id}={value}")
    assert page.locator("[data-quiz-notice='bad-link']").is_visible()
    assert shown(page) == expected({})


def test_share_link_does_not_override_other_fragments(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    heading = site.soup(QUIZ_PAGE, LANGUAGES[0]).select_one("article h2[id]")
    open_quiz(page, site, LANGUAGES[0], f"#{heading['id']}")
    assert page.locator("[data-quiz-notice]:visible").count() == 0
    assert page.evaluate("location.hash") == f"#{heading['id']}"


def test_share_without_clipboard_offers_the_link_to_copy(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, LANGUAGES[0])
    page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    answer(page, {QUIZ.questions[0].id: 0})
    page.locator(f"{FORM} [data-quiz-share]").click()
    field = page.locator(f"{FORM} [data-quiz-share-url]")
    expect(field).to_be_visible()
    assert field.evaluate("f => f.labels.length") == 1  # labelled for screen readers
    rest = "-" * (len(QUIZ.questions) - 1)
    assert re.search(rf"#quiz-{QUIZ.id}={fingerprint(QUIZ)}\.0{rest}\.m\.\d{{8}}$", field.input_value())


# ── keyboard, no JavaScript, accessibility ─────────────────────────────────


def test_keyboard_only_completion(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "en")
    page.locator(f"{FORM} input[data-points]").first.focus()
    for _ in QUIZ.questions:
        page.keyboard.press("ArrowDown")  # selects the next option of this question: B
        page.keyboard.press("Tab")  # on to the next question
    answers = {q.id: 1 for q in QUIZ.questions}
    assert shown(page) == expected(answers)
    # Past the result's links, Tab reaches "Start again"; Enter empties the form.
    for _ in range(80):
        if page.evaluate("document.activeElement.hasAttribute('data-quiz-reset')"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert shown(page) == expected({})
    assert page.evaluate("document.activeElement.name") == f"{QUIZ.id}--{QUIZ.questions[0].id}"


@pytest.mark.parametrize("width", [390, 1280])
def test_focused_options_are_not_hidden_behind_the_progress_bar(site: BuiltSite, page_with, width: int) -> None:  # type: ignore[no-untyped-def]
    """The progress bar sticks to the bottom of the window; Tab must never leave focus under it (WCAG 2.4.11)."""
    page = page_with(viewport={"width": width, "height": 720})
    open_quiz(page, site, LANGUAGES[0])
    page.locator(f"{FORM} input[data-points]").first.focus()
    hidden = []
    for question in QUIZ.questions:
        covered = page.evaluate(
            """() => {
                const option = document.activeElement.closest("label").getBoundingClientRect();
                const bar = document.querySelector(".quiz__status").getBoundingClientRect();
                return option.bottom > bar.top;
            }"""
        )
        if covered:
            hidden.append(question.id)
        page.keyboard.press("Tab")  # on to the next question
    assert hidden == [], f"focused options under the progress bar: {hidden}"


def test_focus_is_visible_on_options(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, LANGUAGES[0])
    page.keyboard.press("Tab")
    radio = page.locator(f"{FORM} input[data-points]").first
    radio.focus()
    page.keyboard.press("ArrowDown")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_page_is_a_paper_questionnaire(site: BuiltSite, page_with, language: str) -> None:  # type: ignore[no-untyped-def]
    page = page_with(java_script_enabled=False)
    page.goto(site.page_url(QUIZ_PAGE, language))
    assert page.locator(f"{FORM} fieldset[data-question]").count() == len(QUIZ.questions)
    assert page.locator(f"{FORM} [data-quiz-paper] table tbody tr").count() == len(QUIZ.questions)
    assert page.locator(f"{FORM} [data-quiz-band]:visible").count() == len(QUIZ.bands)
    assert page.locator(f"{FORM} [data-quiz-dimension] [data-quiz-advice]:visible").count() == len(QUIZ.dimensions)
    assert page.locator(f"{FORM} [data-quiz-live]:visible").count() == 0
    first_row = page.locator(f"{FORM} [data-quiz-paper] table tbody tr").first.inner_text().split("\t")
    assert first_row[1 : 1 + len(QUIZ.questions[0].options)] == [str(o.points) for o in QUIZ.questions[0].options]


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_before_and_after_answering(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, language)
    before = axe_results(page)
    assert before.violations_count == 0, before.generate_report()
    answer(page, random_answers(random.Random(5)))
    after = axe_results(page)
    assert after.violations_count == 0, after.generate_report()


def test_reduced_motion_turns_transitions_off(site: BuiltSite, page_with) -> None:  # type: ignore[no-untyped-def]
    page = page_with(reduced_motion="reduce")
    open_quiz(page, site, LANGUAGES[0])
    duration = page.evaluate("getComputedStyle(document.querySelector('[data-quiz-progress-bar]')).transitionDuration")
    assert duration == "0s"
    page = page_with(reduced_motion="no-preference")
    open_quiz(page, site, LANGUAGES[0])
    duration = page.evaluate("getComputedStyle(document.querySelector('[data-quiz-progress-bar]')).transitionDuration")
    assert duration != "0s"


def test_print_shows_questions_answers_and_result_without_controls(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "en")
    answers = random_answers(random.Random(9))
    answer(page, answers)
    page.emulate_media(media="print")
    assert page.locator(f"{FORM} fieldset[data-question]:visible").count() == len(QUIZ.questions)
    assert page.locator(f"{FORM} input[data-points]:checked").count() == len(QUIZ.questions)
    band = QUIZ.bands.index(score(QUIZ, answers).band)
    assert page.locator(f"{FORM} [data-quiz-band='{band}']").is_visible()
    assert page.locator(f"{FORM} [data-quiz-profile]").is_visible()
    assert page.locator(f"{FORM} .quiz__actions").is_hidden()
    assert page.locator(f"{FORM} .quiz__status").is_hidden()
    assert page.locator(".md-header").is_hidden()  # Material's own print styles
