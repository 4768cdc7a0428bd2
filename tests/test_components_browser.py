"""The scripts as components: an instance whose markup lacks a part, or that fails, is alone to suffer.

The built page is served edited (a second quiz or simulator beside the first, a part of the first
removed): the broken instance is named in the console (DESIGN.md, "Browser scripts") and left as
the server wrote it, and the other one starts and works.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator

import pytest
from bs4 import BeautifulSoup, Tag

from conftest import BuiltSite
from quizfiles import placed_quizzes
from sitecontent import placements

pytestmark = [pytest.mark.browser, pytest.mark.content]

QUIZ_PAGE, QUIZ = placed_quizzes()[0]
FIRST = f"form[data-quiz='{QUIZ.id}']"
SECOND = "form[data-quiz='second']"
SIMULATOR = placements("simulator")[0]


def with_second_quiz(soup: BeautifulSoup) -> Tag:
    """Adds a copy of the quiz (id `second`) after it; returns the first, to break."""
    first = soup.select_one(FIRST)
    assert first is not None
    second = copy.copy(first)
    second["data-quiz"] = "second"
    first.insert_after(second)
    return first


def remove(root: Tag, selector: str) -> None:
    part = root.select_one(selector)
    assert part is not None, selector
    part.decompose()


class EditedPage:
    """A built page served with `edit` applied to its HTML, in a context of its own (running `init_script`
    before the page's scripts); `errors` are its console's."""

    def __init__(
        self, browser: object, site: BuiltSite, slug: str, edit: Callable[[BeautifulSoup], object], init_script: str
    ) -> None:
        soup = BeautifulSoup(site.page_path(slug, "en").read_text(encoding="utf-8"), "html.parser")
        edit(soup)
        self.context = browser.new_context()  # type: ignore[attr-defined]
        if init_script:
            self.context.add_init_script(init_script)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        url = site.page_url(slug, "en")
        self.page.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=str(soup)))
        self.page.goto(url)


@pytest.fixture
def edited(browser, site: BuiltSite) -> Iterator[Callable[..., EditedPage]]:  # type: ignore[no-untyped-def]
    opened: list[EditedPage] = []

    def open_edited(slug: str, edit: Callable[[BeautifulSoup], object], init_script: str = "") -> EditedPage:
        opened.append(EditedPage(browser, site, slug, edit, init_script))
        return opened[-1]

    yield open_edited
    for page in opened:
        page.context.close()


def answers_one_question(page, form: str) -> None:  # type: ignore[no-untyped-def]
    page.locator(f"{form} fieldset[data-question] input[type=radio]").first.check()
    assert page.locator(f"{form} [data-quiz-answered]").inner_text() == "1"


def test_a_quiz_lacking_a_part_is_named_and_stays_on_paper_while_the_other_starts(edited) -> None:  # type: ignore[no-untyped-def]
    opened = edited(QUIZ_PAGE, lambda soup: remove(with_second_quiz(soup), "[data-quiz-reset]"))
    page = opened.page
    page.wait_for_selector(f"{SECOND}[data-quiz-ready] [data-quiz-team][data-team-ready]", state="attached")
    assert opened.errors == [
        f'kamGuide.quiz: form[data-quiz="{QUIZ.id}"] has no [data-quiz-reset]',
        f'kamGuide.team: form[data-quiz="{QUIZ.id}"] has no quiz started by quiz.js (kamGuide.quiz)',
    ]
    assert page.locator(f"{FIRST}[data-quiz-ready]").count() == 0
    assert page.locator(f"{FIRST} section[data-quiz-paper]").is_visible()  # the scoring grid, for paper
    assert page.locator(f"{FIRST} [data-team-nojs]").is_visible()
    answers_one_question(page, SECOND)


def test_a_team_table_lacking_a_part_is_named_and_its_quiz_still_works(edited) -> None:  # type: ignore[no-untyped-def]
    opened = edited(QUIZ_PAGE, lambda soup: remove(with_second_quiz(soup), "[data-team-export]"))
    page = opened.page
    page.wait_for_selector(f"{SECOND} [data-quiz-team][data-team-ready]", state="attached")
    assert opened.errors == [f'kamGuide.team: form[data-quiz="{QUIZ.id}"] has no [data-team-export]']
    assert page.locator(f"{FIRST}[data-quiz-ready]").count() == 1
    assert page.locator(f"{FIRST} [data-quiz-team][data-team-ready]").count() == 0
    assert page.locator(f"{FIRST} [data-team-nojs]").is_visible()
    answers_one_question(page, FIRST)
    answers_one_question(page, SECOND)


# Makes wiring the first quiz's reset button throw: an exception inside that instance only.
THROW_IN_FIRST = (
    """
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (...args) {
        if (this instanceof Element && this.matches(SELECTOR)) throw new Error("wiring failed");
        return add.apply(this, args);
    };
"""
).replace("SELECTOR", json.dumps(f"{FIRST} [data-quiz-reset]"))


def test_an_instance_that_throws_does_not_stop_the_next(edited) -> None:  # type: ignore[no-untyped-def]
    opened = edited(QUIZ_PAGE, with_second_quiz, init_script=THROW_IN_FIRST)
    page = opened.page
    page.wait_for_selector(f"{SECOND}[data-quiz-ready] [data-quiz-team][data-team-ready]", state="attached")
    assert len(opened.errors) == 2, opened.errors
    assert opened.errors[0].startswith(f'kamGuide.quiz: form[data-quiz="{QUIZ.id}"] failed to start:')
    assert "wiring failed" in opened.errors[0]
    assert page.locator(f"{FIRST}[data-quiz-ready]").count() == 0  # never marked ready half-wired
    answers_one_question(page, SECOND)


def with_second_simulator(soup: BeautifulSoup) -> None:
    first = soup.select_one(f"[data-simulator='{SIMULATOR.id}']")
    assert first is not None
    second = copy.copy(first)
    second["data-simulator"] = "second"
    first.insert_after(second)
    remove(first, "[data-sim-reset]")


def test_a_simulator_lacking_a_part_is_named_and_keeps_its_worked_example(edited) -> None:  # type: ignore[no-untyped-def]
    opened = edited(SIMULATOR.slug, with_second_simulator)
    page = opened.page
    page.wait_for_selector("[data-simulator='second'][data-sim-ready]", state="attached")
    assert opened.errors == [
        f'kamGuide.simulator: [data-simulator="{SIMULATOR.id}"] has no [data-sim-form] [data-sim-reset]'
    ]
    first = f"[data-simulator='{SIMULATOR.id}']"
    assert page.locator(f"{first}[data-sim-ready]").count() == 0
    assert page.locator(f"{first} [data-sim-fallback]").is_visible()
    total = page.locator("[data-simulator='second'] [data-sim-out='total']")
    before = total.inner_text()
    page.locator("[data-simulator='second'] [data-sim-input='base']").fill("90000")
    assert total.inner_text() != before


# ── the team table's tools, loaded on first use ─────────────────────────────


def save_and_open_person(page, form: str) -> None:  # type: ignore[no-untyped-def]
    """Saves one assessment (every first option) of "Anne", then clicks her name in the team table."""
    page.locator(f"{form} [data-quiz-subject]").fill("Anne")
    page.evaluate(
        """form => document.querySelectorAll(form + " fieldset[data-question]").forEach(fieldset => {
            fieldset.querySelector("input[type=radio]").click();
        })""",
        form,
    )
    page.locator(f"{form} [data-quiz-save]").click()
    page.locator(f"{form} [data-team-rows] [data-team-open]").first.click()


def test_the_tools_load_on_first_use_and_again_after_a_failure(edited) -> None:  # type: ignore[no-untyped-def]
    opened = edited(QUIZ_PAGE, lambda soup: None)
    page = opened.page
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.route("**/team-tools.js*", lambda route: route.abort())
    page.reload()
    page.wait_for_selector(f"{FIRST} [data-quiz-team][data-team-ready]", state="attached")
    assert not [url for url in requested if "team-tools" in url], "the page loads the tools before a reader uses one"
    save_and_open_person(page, FIRST)
    failed = page.locator(f"{FIRST} [data-quiz-notice='tools-failed']")
    failed.wait_for()
    assert page.locator(f"{FIRST} [data-person-view]").is_hidden()
    assert any(
        error.startswith(f'kamGuide.team: form[data-quiz="{QUIZ.id}"] cannot load ') and "team-tools." in error
        for error in opened.errors
    ), opened.errors
    assert page.locator("link[href*='team-tools'], script[src*='team-tools']").count() == 0, "a failed load is removed"
    page.unroute("**/team-tools.js*")
    page.locator(f"{FIRST} [data-team-rows] [data-team-open]").first.click()  # tried again
    person = page.locator(f"{FIRST} [data-person-view]")
    person.wait_for()
    assert failed.is_hidden()
    # Its stylesheet applies: the person view's frame comes from team-tools.css, not quiz.css.
    assert person.evaluate("element => getComputedStyle(element).borderTopStyle") == "solid"
    versions = {url.split("?", 1)[1] for url in requested if "/assets/team/" in url}
    assert len(versions) == 1, f"team.js and its tools are not of one version: {versions}"


def test_tools_lacking_a_part_are_named_on_first_use_and_the_table_works(edited) -> None:  # type: ignore[no-untyped-def]
    opened = edited(QUIZ_PAGE, lambda soup: remove(soup.select_one(FIRST), "[data-person-printed]"))
    page = opened.page
    page.wait_for_selector(f"{FIRST} [data-quiz-team][data-team-ready]", state="attached")
    assert opened.errors == []  # the table's own parts are all there
    save_and_open_person(page, FIRST)
    page.locator(f"{FIRST} [data-quiz-notice='tools-failed']").wait_for()
    assert opened.errors == [f'kamGuide.team: form[data-quiz="{QUIZ.id}"] has no [data-person-printed][data-quiz-fill]']
    assert page.locator(f"{FIRST} [data-team-rows] [data-team-entry][data-name='Anne']").count() == 1
    assert page.locator(f"{FIRST} [data-person-view]").is_hidden()
