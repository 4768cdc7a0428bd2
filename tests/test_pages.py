"""Every page exists in both languages, with the right language, title and alternates."""

from pathlib import Path

import pytest
from mkdocs.config import load_config

from conftest import DEFAULT_LANGUAGE, LANGUAGES, ROOT, SLUGS, BuiltSite
from kam_guide.build.minify import MinifyError, minified
from sitecontent import nav_titles, site_config

pytestmark = pytest.mark.content


def site_descriptions() -> set[str]:
    """The site-wide descriptions, which a page without its own would fall back to."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    i18n = config.plugins["i18n"].config
    texts = {config.site_description} | {lang.site_description for lang in i18n.languages}
    return {" ".join(text.split()) for text in texts if text}


SITE_DESCRIPTIONS = site_descriptions()


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_page_declares_its_language(site: BuiltSite, slug: str, language: str) -> None:
    soup = site.soup(slug, language)
    assert soup.html["lang"] == language


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_page_has_title_description_and_heading(site: BuiltSite, slug: str, language: str) -> None:
    soup = site.soup(slug, language)
    assert soup.title is not None and soup.title.get_text(strip=True)
    description = soup.find("meta", attrs={"name": "description"})
    assert description is not None and len(description["content"]) >= 60
    # Its own, from the page's front matter: not the site-wide fallback of either language.
    assert " ".join(description["content"].split()) not in SITE_DESCRIPTIONS
    assert soup.find("h1") is not None


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_page_links_every_translation_absolutely(site: BuiltSite, slug: str, language: str) -> None:
    soup = site.soup(slug, language)
    alternates = {
        link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate") if link.get("hreflang")
    }
    expected = {other: site.page_url(slug, other) for other in LANGUAGES}
    expected["x-default"] = site.page_url(slug, DEFAULT_LANGUAGE)
    assert alternates == expected


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_canonical_link_is_the_page_itself(site: BuiltSite, slug: str, language: str) -> None:
    canonical = site.soup(slug, language).find("link", rel="canonical")
    assert canonical is not None and canonical["href"] == site.page_url(slug, language)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_language_switcher_links_the_same_page(site: BuiltSite, slug: str, language: str) -> None:
    soup = site.soup(slug, language)
    links = {a["hreflang"]: a["href"] for a in soup.select("a.md-select__link[hreflang]")}
    assert links == {other: site.page_url(slug, other) for other in LANGUAGES}


@pytest.mark.parametrize("language", LANGUAGES)
def test_nav_titles_are_in_the_page_language(site: BuiltSite, language: str) -> None:
    soup = site.soup("index", language)
    shown = [a.get_text(" ", strip=True) for a in soup.select("nav.md-nav--primary > ul > li > a.md-nav__link")]
    assert shown == nav_titles(language)


def test_404_page_speaks_every_language(site: BuiltSite) -> None:
    soup = site.soup("404", DEFAULT_LANGUAGE)
    assert soup.html["lang"] == DEFAULT_LANGUAGE
    texts = site_config().extra["not_found"]
    article = soup.find("article")
    for language in LANGUAGES:
        block = article.find(attrs={"lang": language})
        assert block is not None, f"the 404 page has nothing in {language}: add it to extra.not_found in mkdocs.yml"
        assert texts[language]["title"] in block.get_text()
        home = site.url if language == DEFAULT_LANGUAGE else f"{site.url}{language}/index.html"
        assert home in {a["href"] for a in block.find_all("a")}


@pytest.mark.parametrize("slug", SLUGS)
def test_scripts_do_not_block_the_first_paint(site: BuiltSite, slug: str) -> None:
    scripts = site.soup(slug, LANGUAGES[-1]).find_all("script", src=True)
    assert scripts and all(script.has_attr("defer") for script in scripts)


def test_the_site_ships_its_own_scripts_and_stylesheets_minified(site: BuiltSite) -> None:
    # hooks/assets.py minifies them once every language is built (mkdocs-static-i18n copies the theme's files
    # again for each language): every one published must be its source minified, never the source itself.
    sources = ROOT / "overrides" / "assets"
    shipped = [path for path in sorted(sources.rglob("*")) if minified(path) is not None]
    assert shipped, "overrides/assets/ holds no script or stylesheet: this test checks nothing"
    for source in shipped:
        published = site.path / "assets" / source.relative_to(sources)
        assert published.read_text(encoding="utf-8") == minified(source), (
            f"{published} is not {source} minified: see hooks/assets.py"
        )


@pytest.mark.code_only
def test_a_script_the_minifier_cannot_read_is_named_with_the_fix(tmp_path: Path) -> None:
    script = tmp_path / "broken.js"
    script.write_text("var answer = ;\n", encoding="utf-8")
    with pytest.raises(MinifyError, match=r"broken\.js: cannot minify this script .*write it in ES5 syntax"):
        minified(script)


EDIT_URI = site_config().edit_uri or ""
REPOSITORY = EDIT_URI.split("/edit/")[0]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", SLUGS)
def test_page_links_its_own_source_for_editing(site: BuiltSite, slug: str, language: str) -> None:
    edit = site.soup(slug, language).select_one("a[rel=edit]")
    suffix = "" if language == DEFAULT_LANGUAGE else f".{language}"
    assert edit is not None and edit["href"] == f"{EDIT_URI}{slug}{suffix}.md"


def test_readers_are_told_where_to_report_problems(site: BuiltSite) -> None:
    # Links to an issue tracker go to the repository the edit links open (mkdocs.yml edit_uri).
    trackers = {
        link["href"]
        for slug in SLUGS
        for language in LANGUAGES
        for link in site.soup(slug, language).select("article a[href*='/issues']")
    }
    assert trackers, "no page tells readers where to report a problem (a link to the repository's issues)"
    assert trackers == {f"{REPOSITORY}/issues"}, "issue links and mkdocs.yml's edit_uri name different repositories"
