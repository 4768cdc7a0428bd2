"""The site holds together: the home page leads to every page, the glossary gives every term an anchor."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, SLUGS, BuiltSite

pytestmark = pytest.mark.content


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_home_page_leads_to_every_page(site: BuiltSite, language: str) -> None:
    article = site.soup("index", language).find("article")
    linked = {link["href"].split("#")[0].removesuffix(".html") for link in article.find_all("a", href=True)}
    missing = sorted(set(SLUGS) - linked - {"index"})
    assert missing == [], "link these pages from the home page's reader paths (docs/index*.md)"


GLOSSARY = "glossary"


@pytest.mark.skipif(GLOSSARY not in SLUGS, reason="the site has no glossary page")
@pytest.mark.parametrize("language", LANGUAGES)
def test_every_glossary_term_has_its_own_anchor(site: BuiltSite, language: str) -> None:
    terms = site.soup(GLOSSARY, language).find("article").find_all("dt")
    assert terms, "the glossary lists its terms as a definition list (term, then `:   definition`)"
    without = [term.get_text(" ", strip=True) for term in terms if not term.get("id")]
    assert without == [], "give each term an anchor: `Term { #english-term }`"
    ids = [term["id"] for term in terms]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("language", LANGUAGES)
def test_links_to_the_glossary_point_at_a_term(site: BuiltSite, language: str) -> None:
    if GLOSSARY not in SLUGS:
        pytest.skip(f"the site has no {GLOSSARY} page: nothing links to its terms")
    anchors = {term["id"] for term in site.soup(GLOSSARY, language).find_all(id=True)}
    for slug in SLUGS:
        for link in site.soup(slug, language).select(f"article a[href^='{GLOSSARY}.html#']"):
            assert link["href"].split("#", 1)[1] in anchors, f"{slug}: {link['href']}"
