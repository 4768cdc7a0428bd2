"""What is meant to print on one sheet does, on A4, in every language (a real PDF from Chromium)."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGES, SLUGS, BuiltSite

pytestmark = [pytest.mark.browser, pytest.mark.content]


def pdf_pages(page) -> int:  # type: ignore[no-untyped-def]
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def canvas_pages(site: BuiltSite) -> list[str]:
    """Pages holding a printable canvas: a section anchored `#canvas`."""
    return [slug for slug in SLUGS if site.soup(slug, LANGUAGES[0]).find(id="canvas") is not None]


@pytest.mark.parametrize("language", LANGUAGES)
def test_canvas_prints_on_one_a4_sheet(site: BuiltSite, page, language: str) -> None:  # type: ignore[no-untyped-def]
    slugs = canvas_pages(site)
    for slug in slugs:
        page.goto(site.page_url(slug, language))
        assert pdf_pages(page) == 1, f"{slug} ({language}) no longer fits one A4 sheet"
        page.emulate_media(media="print")
        assert page.locator("#how-to-use").is_hidden()  # the instructions stay on screen
        assert page.locator("article table").first.is_visible()
        # End the emulation rather than emulate "screen": page.pdf() honours an emulated
        # "screen" and would print the next page's screen layout.
        page.emulate_media(media="null")
