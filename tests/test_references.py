"""The references: every work the site credits has a full entry on one page, and every entry is cited.

Entries are the `ref-…` anchors of the built pages (a definition-list term `Author (year) { #ref-… }`);
citations are links to them. The build already refuses a link to an anchor that does not exist, and
the content check anchors that differ between languages; what is left is an entry nobody cites, or
one that gives no full reference and use.
"""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, SLUGS, BuiltSite

pytestmark = pytest.mark.content


def _entries(site: BuiltSite, language: str) -> dict[str, tuple[str, str]]:
    """{anchor: (page, text of the entry)} for every `ref-…` anchor of the site in one language."""
    found = {}
    for slug in SLUGS:
        for term in site.soup(slug, language).select("dt[id^='ref-']"):
            definition = term.find_next_sibling("dd")
            found[term["id"]] = (slug, term.get_text(" ") + " " + (definition.get_text(" ") if definition else ""))
    return found


def _cited(site: BuiltSite, language: str) -> set[str]:
    cited = set()
    for slug in SLUGS:
        for link in site.soup(slug, language).select("article a[href*='#ref-']"):
            target, anchor = link["href"].split("#", 1)
            if target:  # a citation from another page; the References list's own links do not count
                cited.add(anchor)
    return cited


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_site_has_references(site: BuiltSite, language: str) -> None:
    assert _entries(site, language), "no `{ #ref-… }` entry in any page: About lists the works the site credits"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_reference_is_cited(site: BuiltSite, language: str) -> None:
    entries, cited = _entries(site, language), _cited(site, language)
    unused = sorted(anchor for anchor in entries if anchor not in cited)
    assert not unused, (
        f"{language}: reference entries no page links to: {unused}; cite them where the site uses the work "
        "(`[Author, year](about.md#ref-…)`), or remove them"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_says_what_the_work_is_and_what_the_site_takes_from_it(site: BuiltSite, language: str) -> None:
    short = [
        f"{anchor} ({page})" for anchor, (page, text) in _entries(site, language).items() if len(text.split()) < 25
    ]
    assert not short, f"{language}: entries with no full reference and use: {short}"
