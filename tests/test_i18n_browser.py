"""In a real browser: the language switcher keeps the page, search answers in the page's language."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, SLUGS, BuiltSite
from searchbox import wait_for_the_answer, watch_the_search_worker

pytestmark = [pytest.mark.browser, pytest.mark.content]

SOME_PAGE = next(slug for slug in SLUGS if slug != "index")


@pytest.mark.parametrize(("language", "other"), [(a, b) for a in LANGUAGES for b in LANGUAGES if a != b])
def test_language_switcher_lands_on_the_same_page(site: BuiltSite, page, language: str, other: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url(SOME_PAGE, language))
    page.locator(".md-header__option .md-select > button").hover()
    page.locator(f"a.md-select__link[hreflang='{other}']").click()
    page.wait_for_url(site.page_url(SOME_PAGE, other))
    assert page.locator("html").get_attribute("lang") == other


def search_result_links(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    watch_the_search_worker(page)
    page.keyboard.press("/")  # Material's shortcut opens the search dialog
    # Typing while the index loads is lost: wait until Material shows its
    # "type to start searching" prompt, then type key by key as a reader would.
    page.wait_for_function(
        """() => {
            const prompt = JSON.parse(document.getElementById("__config").textContent)
                .translations["search.result.placeholder"];
            return document.querySelector(".md-search-result__meta").textContent.trim() === prompt;
        }"""
    )
    box = page.locator("input.md-search__input")
    box.press_sequentially(query)
    box.press("End")  # a key up, for a last letter Playwright inserts without key events (« é »)
    # Results are redrawn as each key's query comes back from the search worker: read them once the
    # worker has answered the whole query.
    wait_for_the_answer(page, query)
    links = page.locator(".md-search-result__item a.md-search-result__link")
    return links.evaluate_all("links => links.map(a => a.href)")


def a_word_of(site: BuiltSite, language: str) -> str:
    """A word every language's home page title holds (e.g. an acronym), else its longest word."""
    title = site.soup("index", language).find("h1").get_text(" ", strip=True)
    words = sorted((word.strip("—–-:,.?!«»\"'") for word in title.split()), key=len, reverse=True)
    return words[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_lists_pages_of_the_page_language_only(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url("index", language))
    links = search_result_links(page, a_word_of(site, language))
    assert links, "the search found nothing"
    root = site.url if language == LANGUAGES[0] else f"{site.url}{language}/"
    others = [f"{site.url}{other}/" for other in LANGUAGES[1:] if other != language]
    assert all(link.startswith(root) for link in links)
    assert not any(link.startswith(prefix) for link in links for prefix in others)
