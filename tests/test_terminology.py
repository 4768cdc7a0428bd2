"""One term per concept: every page and YAML text keeps to the style sheet in CONTRIBUTING.md.

The table is read from the editor guide, so editors settle terms there, not in Python.
Text marked as another language (`{ lang=fr }`) and code are left out.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, SLUGS, BuiltSite
from pagetext import own_texts

GUIDE = ROOT / "CONTRIBUTING.md"
HEADING = "## Style sheet: one term per concept"


def style_sheet() -> dict[str, list[tuple[str, str]]]:
    """{language: [(avoided term, term to use)]} from the guide's table."""
    text = GUIDE.read_text(encoding="utf-8")
    assert HEADING in text, f"CONTRIBUTING.md has no section {HEADING!r}"
    rows = [line for line in text.split(HEADING, 1)[1].split("\n## ", 1)[0].splitlines() if line.startswith("|")]
    header = [cell.strip().lower() for cell in rows[0].strip("|").split("|")]
    avoided: dict[str, list[tuple[str, str]]] = {}
    names = {"fr": "french", "en": "english"}
    for row in rows[2:]:
        cells = dict(zip(header, (cell.strip() for cell in row.strip("|").split("|")), strict=True))
        for language, name in names.items():
            use = cells[name].split(",")[0].strip()
            for term in cells[f"not in {name}"].split(","):
                if term.strip() not in ("", "—"):
                    avoided.setdefault(language, []).append((term.strip(), use))
    return avoided


AVOIDED = style_sheet()


def pattern(term: str) -> re.Pattern[str]:
    words = [re.escape(word) for word in term.replace("’", "'").split()]
    return re.compile(r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])", re.IGNORECASE)


def own_text(soup: BeautifulSoup, language: str) -> str:
    """The article's text in its own language, as one string with plain spaces and apostrophes."""
    text = " ".join(own_texts(soup.find("article") or soup, language))
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


def test_the_style_sheet_is_readable() -> None:
    assert AVOIDED.get("fr") and AVOIDED.get("en")


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language in AVOIDED])
@pytest.mark.parametrize("slug", SLUGS)
def test_pages_use_the_style_sheet_terms(site: BuiltSite, slug: str, language: str) -> None:
    text = own_text(site.soup(slug, language), language)
    found = [
        f"“{match.group(0)}” (write “{use}”): …{text[max(0, match.start() - 30) : match.end() + 30]}…"
        for term, use in AVOIDED[language]
        for match in pattern(term).finditer(text)
    ]
    assert found == [], "see the style sheet in CONTRIBUTING.md"


def test_the_check_finds_an_avoided_term_and_skips_marked_text() -> None:
    soup = BeautifulSoup(
        '<article><p>Our client said <span lang="fr">le client</span> <code>client</code></p></article>', "html.parser"
    )
    text = own_text(soup, "en")
    assert len(pattern("client").findall(text)) == 1
    assert pattern("partie variable").search("la Partie  variable du salaire")
