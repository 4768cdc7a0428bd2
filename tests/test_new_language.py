"""Adding a language is configuration and text only: a throwaway copy of the site gets a third one.

The copy follows CONTRIBUTING.md, "Adding a language": a block under plugins → i18n →
languages with nav_translations, the 404 page's texts, every page as page.<code>.md, and
a text in that language for every entry of the quiz, interface and simulator files. Then
every page, language switcher, hreflang, sitemap and search index must hold for three.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest
import yaml
from bs4 import BeautifulSoup

from sitecontent import LANGUAGES, SLUGS, nav_titles
from siteproject import build, copy_project, output_of

pytestmark = pytest.mark.content

NEW = "de"
LAST = LANGUAGES[-1]  # whose texts the new language copies: a test needs files, not a translation
SITE_URL = "https://example.test/"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def with_new_language(value: Any) -> Any:
    """Every localized text ({fr: …, en: …}) gets a text for the new language."""
    if isinstance(value, dict):
        value = {key: with_new_language(item) for key, item in value.items()}
        if set(value) == set(LANGUAGES):
            value[NEW] = value[LAST]
        return value
    if isinstance(value, list):
        return [with_new_language(item) for item in value]
    return value


def add_language(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    translations = "".join(f"            {title}: {title} ({NEW})\n" for title in nav_titles(LANGUAGES[0]))
    block = (
        f"        - locale: {NEW}\n"
        "          name: Deutsch\n"
        "          build: true\n"
        "          site_name: Schlüsselkunden\n"
        "          nav_translations:\n" + translations
    )
    hooks = text.index("\n# ─── Hooks")
    text = text[:hooks].rstrip("\n") + "\n" + block + text[hooks:]
    not_found = "  not_found:\n"
    text = text.replace(
        not_found,
        not_found
        + f"    {NEW}:\n      title: Seite nicht gefunden\n      text: Nichts hier.\n      home: Zur Startseite\n",
        1,
    )
    config.write_text(text, encoding="utf-8")
    for page in (project / "docs").glob(f"*.{LAST}.md"):
        text = page.read_text(encoding="utf-8")
        for old, new in amounts_in_new_language():
            text = text.replace(old, new)
        page.with_name(page.name.replace(f".{LAST}.md", f".{NEW}.md")).write_text(text, encoding="utf-8")
    for data in [*(project / "quizdata").glob("*.yml"), *(project / "quizdata" / "simulators").glob("*.yml")]:
        loaded = yaml.safe_load(data.read_text(encoding="utf-8"))
        data.write_text(
            yaml.safe_dump(with_new_language(loaded), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )


def amounts_in_new_language() -> list[tuple[str, str]]:
    """A translator writes the worked example's amounts the new language's way (40.000 € in German)."""
    from kam_guide.paysim.formula import pay
    from kam_guide.paysim.render import format_money
    from sitecontent import placements
    from test_paysim import real_simulator

    pairs = []
    for placement in placements("simulator"):
        simulator = real_simulator(placement.id)
        for value in (simulator.plan.base, pay(simulator.plan, simulator.attainment_percent).total):
            pairs.append((format_money(value, simulator.currency, LAST), format_money(value, simulator.currency, NEW)))
    return pairs


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("three-languages"))
    add_language(project)
    result = build(project, site_url=SITE_URL)
    assert result.returncode == 0, output_of(result)
    return project / "site"


ALL = (*LANGUAGES, NEW)


def url(slug: str, language: str) -> str:
    return f"{SITE_URL}{'' if language == LANGUAGES[0] else language + '/'}{slug}.html"


def soup(site: Path, slug: str, language: str) -> BeautifulSoup:
    path = site / ("" if language == LANGUAGES[0] else language) / f"{slug}.html"
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.mark.parametrize("language", ALL)
def test_every_page_exists_with_switcher_and_alternates(three_languages: Path, language: str) -> None:
    for slug in SLUGS:
        page = soup(three_languages, slug, language)
        assert page.html["lang"] == language
        switcher = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link[hreflang]")}
        assert switcher == {other: url(slug, other) for other in ALL}
        alternates = {
            link["hreflang"]: link["href"] for link in page.find_all("link", rel="alternate") if link.get("hreflang")
        }
        assert alternates == {**{other: url(slug, other) for other in ALL}, "x-default": url(slug, LANGUAGES[0])}


@pytest.mark.parametrize("language", ALL)
def test_each_language_has_its_sitemap_and_search_index(three_languages: Path, language: str) -> None:
    folder = three_languages / ("" if language == LANGUAGES[0] else language)
    locations = [loc.text for loc in ElementTree.parse(folder / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    # The root sitemap lists the whole site; each other language's lists only its own pages.
    listed = ALL if language == LANGUAGES[0] else (language,)
    assert sorted(locations) == sorted(url(slug, other) for slug in SLUGS for other in listed)
    index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == [language]
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert pages == {f"{slug}.html" for slug in SLUGS} | ({""} if "" in pages else set())


def test_the_404_page_speaks_the_new_language(three_languages: Path) -> None:
    page = soup(three_languages, "404", LANGUAGES[0])
    block = page.find("article").find(attrs={"lang": NEW})
    assert block is not None and f"{SITE_URL}{NEW}/index.html" in {a["href"] for a in block.find_all("a")}


def test_quizzes_render_in_the_new_language(three_languages: Path) -> None:
    from sitecontent import placements

    for placement in placements("quiz"):
        form = soup(three_languages, placement.slug, NEW).select_one(f"form[data-quiz='{placement.id}']")
        assert form is not None and form.select("fieldset[data-question]")
