"""In a real browser: the language switcher keeps the page, search answers in the page's language."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, BuiltSite

pytestmark = pytest.mark.browser

OTHER = {"fr": "en", "en": "fr"}


@pytest.mark.parametrize("language", LANGUAGES)
def test_language_switcher_lands_on_the_same_page(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url("account-plan", language))
    page.locator(".md-header__option .md-select > button").hover()
    page.locator(f"a.md-select__link[hreflang='{OTHER[language]}']").click()
    page.wait_for_url(site.page_url("account-plan", OTHER[language]))
    assert page.locator("html").get_attribute("lang") == OTHER[language]


def search_result_links(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
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
    page.locator("input.md-search__input").press_sequentially(query)
    results = page.locator(".md-search-result__item a.md-search-result__link")
    results.first.wait_for()
    return [results.nth(i).evaluate("a => a.href") for i in range(results.count())]


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_lists_pages_of_the_page_language_only(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url("index", language))
    links = search_result_links(page, "KAM")
    assert links, "the search found nothing"
    english = [link for link in links if link.startswith(site.url + "en/")]
    if language == "en":
        assert english == links
    else:
        assert english == []
