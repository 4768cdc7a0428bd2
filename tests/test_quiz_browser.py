"""The self-assessment in Chromium: scoring against the Python model, memory, sharing, keyboard, no-JS, axe."""

from __future__ import annotations

import random
import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from conftest import LANGUAGES, BuiltSite
from quizfiles import QUIZDATA, load_quiz
from quizkit.scoring import fingerprint, score

pytestmark = pytest.mark.browser

QUIZ = load_quiz(QUIZDATA / "kam-self-assessment.yml")
FORM = "form[data-quiz='kam-self-assessment']"
OTHER = {"fr": "en", "en": "fr"}


# ── helpers ─────────────────────────────────────────────────────────────────


def open_quiz(page, site: BuiltSite, language: str, fragment: str = "") -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url("self-assessment", language) + fragment)
    page.wait_for_selector(f"{FORM}[data-quiz-ready]", state="attached")


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


def random_answers(rng: random.Random) -> dict[str, int]:
    return {q.id: rng.randrange(len(q.options)) for q in QUIZ.questions}


def shown(page) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """What the page shows: score, visible bands, progress, per-mission score and state."""
    return page.evaluate(
        """() => {
            const form = document.querySelector("form[data-quiz]");
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
        }"""
    )


def expected(answers: dict[str, int]) -> dict[str, object]:
    result = score(QUIZ, answers)
    complete = result.band is not None
    return {
        "answered": result.answered,
        "total": result.total if complete else None,
        "bands": [QUIZ.bands.index(result.band)] if result.band else [],
        "dimensions": {
            dimension_id: {
                "score": value.score,
                "weak": value.is_weak(QUIZ.weak_below_percent),
                "advice": value.is_weak(QUIZ.weak_below_percent),
            }
            for dimension_id, value in result.dimensions.items()
        }
        if complete
        else {},
    }


# ── scoring ─────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("language", LANGUAGES)
def test_random_answer_sets_score_as_the_python_model(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, language)
    rng = random.Random(f"kam-{language}")
    for _ in range(60):  # 120 sets over both languages
        answers = random_answers(rng)
        answer_quickly(page, answers)
        assert shown(page) == expected(answers)


@pytest.mark.parametrize("language", LANGUAGES)
def test_extreme_answer_sets_reach_the_first_and_last_band(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, language)
    for pick in (min, max):
        answers = {q.id: pick(range(len(q.options)), key=lambda i, q=q: q.options[i].points) for q in QUIZ.questions}
        answer(page, answers)
        assert shown(page) == expected(answers)
    assert shown(page)["total"] == 75


def test_progress_counts_answers_and_result_waits_for_the_last(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "fr")
    assert shown(page)["answered"] == 0
    assert page.locator("[data-quiz-incomplete]").is_visible()
    seven = {q.id: 1 for q in QUIZ.questions[:7]}
    answer(page, seven)
    assert page.locator(".quiz__progress").inner_text() == "7 / 15 questions répondues"
    assert shown(page) == expected(seven)  # no total, no band, no profile yet
    assert not page.locator("[data-quiz-profile]").is_visible()


def test_changing_an_answer_updates_everything(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "en")
    answers = {q.id: 0 for q in QUIZ.questions}
    answer(page, answers)
    assert shown(page) == expected(answers)
    answers["team-authority"] = 1
    answer(page, {"team-authority": 1})
    assert shown(page) == expected(answers)


def test_result_is_announced_in_a_live_region(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "en")
    answer(page, {q.id: 2 for q in QUIZ.questions})
    region = page.locator("[data-quiz-announcement]")
    assert region.get_attribute("aria-live") == "polite"
    total = score(QUIZ, {q.id: 2 for q in QUIZ.questions}).total
    band = QUIZ.band_for(total)
    assert region.inner_text() == f"Score: {total} / 75 points — {band.title['en']}"


# ── memory ──────────────────────────────────────────────────────────────────


def test_answers_survive_reload_and_language_switch(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "fr")
    answers = random_answers(random.Random(1))
    answer(page, answers)
    page.reload()
    page.wait_for_selector(f"{FORM}[data-quiz-ready]", state="attached")
    assert shown(page) == expected(answers)
    page.locator(".md-header__option .md-select > button").hover()
    page.locator("a.md-select__link[hreflang='en']").click()
    page.wait_for_url(site.page_url("self-assessment", "en"))
    page.wait_for_selector(f"{FORM}[data-quiz-ready]", state="attached")
    assert shown(page) == expected(answers)


def test_start_again_empties_answers_and_storage(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "en")
    answer(page, {q.id: 1 for q in QUIZ.questions})
    page.get_by_role("button", name="Start again").click()
    assert shown(page) == expected({})
    assert page.locator(f"{FORM} input:checked").count() == 0
    assert page.evaluate("localStorage.getItem('kam-guide.quiz.kam-self-assessment')") is None
    page.reload()
    assert shown(page) == expected({})


def test_answers_stored_for_another_quiz_version_are_dropped(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "fr")
    page.evaluate(
        """() => localStorage.setItem("kam-guide.quiz.kam-self-assessment",
            JSON.stringify({version: "0123456789ab", answers: {"stakeholder-influence": 2}}))"""
    )
    page.reload()
    page.wait_for_selector(f"{FORM}[data-quiz-ready]", state="attached")
    assert shown(page) == expected({})
    assert page.locator("[data-quiz-notice='stale']").is_visible()
    assert page.evaluate("localStorage.getItem('kam-guide.quiz.kam-self-assessment')") is None


# ── share links ─────────────────────────────────────────────────────────────


def test_share_link_round_trip(site: BuiltSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    open_quiz(page, site, "en")
    answers = random_answers(random.Random(2))
    answer(page, answers)
    page.get_by_role("button", name="Copy a link to these answers").click()
    expect(page.locator("[data-quiz-notice='copied']")).to_be_visible()  # after the clipboard promise
    link = page.evaluate("navigator.clipboard.readText()")
    assert re.fullmatch(
        rf"{re.escape(site.page_url('self-assessment', 'en'))}#quiz-kam-self-assessment=[0-9a-f]{{12}}\.[0-2]{{15}}",
        link,
    )
    context.close()

    fresh = browser.new_context()  # another reader: nothing stored
    reader = fresh.new_page()
    reader.goto(link.replace("/en/", "/"))  # the fragment works in either language
    reader.wait_for_selector(f"{FORM}[data-quiz-ready]", state="attached")
    assert shown(reader) == expected(answers)
    assert reader.locator("[data-quiz-notice='restored']").is_visible()
    assert reader.evaluate("location.hash") == ""  # the address no longer carries the answers
    fresh.close()


@pytest.mark.parametrize(
    "fragment",
    [
        "#quiz-kam-self-assessment=",  # empty
        "#quiz-kam-self-assessment=0123456789ab.012012012012012",  # another version
        "#quiz-kam-self-assessment={version}.01201",  # truncated
        "#quiz-kam-self-assessment={version}.0120120120120129",  # too long
        "#quiz-kam-self-assessment={version}.01201201201201z",  # an option that does not exist
        "#quiz-kam-self-assessment={version}",  # no answers at all
        "#quiz-kam-self-assessment=%E2%82%AC%%",  # not even text
    ],
)
def test_malformed_share_links_are_ignored_with_a_notice(site: BuiltSite, page, fragment: str) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "fr", fragment.format(version=fingerprint(QUIZ)))
    assert page.locator("[data-quiz-notice='bad-link']").is_visible()
    assert shown(page) == expected({})


def test_share_link_does_not_override_other_fragments(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "fr", "#origin")
    assert page.locator("[data-quiz-notice]:visible").count() == 0
    assert page.evaluate("location.hash") == "#origin"


def test_share_without_clipboard_offers_the_link_to_copy(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "fr")
    page.evaluate("Object.defineProperty(navigator, 'clipboard', {value: undefined})")
    answer(page, {"stakeholder-influence": 0})
    page.get_by_role("button", name="Copier un lien vers ces réponses").click()
    field = page.get_by_label("Copiez ce lien :")
    expect(field).to_be_visible()
    assert field.input_value().endswith("#quiz-kam-self-assessment=" + fingerprint(QUIZ) + ".0" + "-" * 14)


# ── keyboard, no JavaScript, accessibility ─────────────────────────────────


def test_keyboard_only_completion(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "en")
    page.locator(f"{FORM} input[type=radio]").first.focus()
    for _ in QUIZ.questions:
        page.keyboard.press("ArrowDown")  # selects the next option of this question: B
        page.keyboard.press("Tab")  # on to the next question
    answers = {q.id: 1 for q in QUIZ.questions}
    assert shown(page) == expected(answers)
    # Past the result's links, Tab reaches "Start again"; Enter empties the form.
    for _ in range(40):
        if page.evaluate("document.activeElement.hasAttribute('data-quiz-reset')"):
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert shown(page) == expected({})
    assert page.evaluate("document.activeElement.name") == "kam-self-assessment-stakeholder-influence"


def test_focus_is_visible_on_options(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "fr")
    page.keyboard.press("Tab")
    radio = page.locator(f"{FORM} input[type=radio]").first
    radio.focus()
    page.keyboard.press("ArrowDown")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


@pytest.mark.parametrize("language", LANGUAGES)
def test_without_javascript_the_page_is_a_paper_questionnaire(site: BuiltSite, browser, language: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site.page_url("self-assessment", language))
    assert page.locator("fieldset[data-question]").count() == 15
    assert page.locator("[data-quiz-paper] table tbody tr").count() == 15
    assert page.locator("[data-quiz-band]:visible").count() == 3
    assert page.locator("[data-quiz-dimension] [data-quiz-advice]:visible").count() == 4
    assert page.locator("[data-quiz-live]:visible").count() == 0
    first_row = page.locator("[data-quiz-paper] table tbody tr").first.inner_text().split("\t")
    assert first_row[:4] == ["1", "5", "3", "1"]
    context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_axe_finds_no_violation_before_and_after_answering(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    axe = Axe()
    open_quiz(page, site, language)
    before = axe.run(page)
    assert before.violations_count == 0, before.generate_report()
    answer(page, random_answers(random.Random(5)))
    after = axe.run(page)
    assert after.violations_count == 0, after.generate_report()


def test_reduced_motion_turns_transitions_off(site: BuiltSite, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    open_quiz(page, site, "fr")
    duration = page.evaluate("getComputedStyle(document.querySelector('[data-quiz-progress-bar]')).transitionDuration")
    assert duration == "0s"
    context.close()
    context = browser.new_context(reduced_motion="no-preference")
    page = context.new_page()
    open_quiz(page, site, "fr")
    duration = page.evaluate("getComputedStyle(document.querySelector('[data-quiz-progress-bar]')).transitionDuration")
    assert duration != "0s"
    context.close()


def test_print_shows_questions_answers_and_result_without_controls(site: BuiltSite, page) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site, "en")
    answers = random_answers(random.Random(9))
    answer(page, answers)
    page.emulate_media(media="print")
    assert page.locator("fieldset[data-question]:visible").count() == 15
    assert page.locator(f"{FORM} input:checked").count() == 15
    band = QUIZ.bands.index(score(QUIZ, answers).band)
    assert page.locator(f"[data-quiz-band='{band}']").is_visible()
    assert page.locator("[data-quiz-profile]").is_visible()
    assert page.locator(".quiz__actions").is_hidden()
    assert page.locator(".quiz__status").is_hidden()
    assert page.locator(".md-header").is_hidden()  # Material's own print styles
