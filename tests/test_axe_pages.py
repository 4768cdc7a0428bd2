"""axe-core finds no violation on any built page, in both languages and both colour schemes."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import LANGUAGES, SLUGS, BuiltSite

pytestmark = pytest.mark.browser

AXE = Axe()


# One 404 page serves both languages.
PAGES = [(slug, language) for slug in SLUGS for language in LANGUAGES] + [("404", "fr")]


@pytest.mark.parametrize(("slug", "language"), PAGES)
def test_page_has_no_axe_violation(site: BuiltSite, page, slug: str, language: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url(slug, language))
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("slug", ["index", "self-assessment", "salary"])
def test_dark_scheme_has_no_axe_violation(site: BuiltSite, browser, slug: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(color_scheme="dark")
    page = context.new_page()
    page.goto(site.page_url(slug, "en"))
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    results = AXE.run(page)
    context.close()
    assert results.violations_count == 0, results.generate_report()
