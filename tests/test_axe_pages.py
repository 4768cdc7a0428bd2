"""axe-core finds no violation on any built page, in both languages and both colour schemes."""

from __future__ import annotations

import pytest

from accessibility import axe_results
from conftest import LANGUAGES, SLUGS, BuiltSite
from sitecontent import placements

pytestmark = [pytest.mark.browser, pytest.mark.content]

# One 404 page serves both languages.
PAGES = [(slug, language) for slug in SLUGS for language in LANGUAGES] + [("404", "fr")]
# The dark scheme where the site adds colours of its own: home, and each page with a quiz or simulator.
DARK_PAGES = list(dict.fromkeys(["index"] + [p.slug for kind in ("quiz", "simulator") for p in placements(kind)]))


@pytest.mark.parametrize(("slug", "language"), PAGES)
def test_page_has_no_axe_violation(site: BuiltSite, page, slug: str, language: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site.page_url(slug, language))
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()


@pytest.mark.parametrize("slug", DARK_PAGES)
def test_dark_scheme_has_no_axe_violation(site: BuiltSite, page_with, slug: str) -> None:  # type: ignore[no-untyped-def]
    page = page_with(color_scheme="dark")
    page.goto(site.page_url(slug, "en"))
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    results = axe_results(page)
    assert results.violations_count == 0, results.generate_report()
