"""One term per concept: every page and YAML text keeps to the style sheet in CONTRIBUTING.md.

The table is read from the editor guide, so editors settle terms there, not in Python.
Text marked as another language (`{ lang=fr }`) and code are left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import LANGUAGES, ROOT, SLUGS, BuiltSite
from pagetext import own_texts
from sitecontent import QUIZDATA, nav_titles

pytestmark = pytest.mark.content

GUIDE = ROOT / "CONTRIBUTING.md"
HEADING = "## Style sheet: one term per concept"
# A comma outside brackets separates two terms of a cell: `steering (except: steering committee)` is one term.
CELL_ITEMS = re.compile(r",(?![^()]*\))")
EXCEPTIONS = re.compile(r"^(?P<term>[^()]*?)\s*\(\s*except\s*:(?P<allowed>[^()]*)\)$")


@dataclass(frozen=True)
class Rule:
    """A term ruled out in one language, the term to write instead, and the phrases that may still hold it."""

    term: str
    use: str
    allowed: tuple[str, ...] = ()


def parse_term(item: str, use: str) -> Rule:
    """`steering (except: steering committee; steering group)` → the term and the phrases it may appear in."""
    match = EXCEPTIONS.match(item)
    if match is None:
        assert "(" not in item and ")" not in item, f"CONTRIBUTING.md: write `term (except: a; b)`, not {item!r}"
        return Rule(item, use)
    allowed = tuple(phrase.strip() for phrase in match["allowed"].split(";") if phrase.strip())
    assert allowed, f"CONTRIBUTING.md: `(except: …)` names no phrase: {item!r}"
    return Rule(match["term"].strip(), use, allowed)


def style_sheet() -> dict[str, list[Rule]]:
    """{language: [rule]} from the guide's table."""
    text = GUIDE.read_text(encoding="utf-8")
    assert HEADING in text, f"CONTRIBUTING.md has no section {HEADING!r}"
    rows = [line for line in text.split(HEADING, 1)[1].split("\n## ", 1)[0].splitlines() if line.startswith("|")]
    header = [cell.strip().lower() for cell in rows[0].strip("|").split("|")]
    avoided: dict[str, list[Rule]] = {}
    names = {"fr": "french", "en": "english"}
    for row in rows[2:]:
        cells = dict(zip(header, (cell.strip() for cell in row.strip("|").split("|")), strict=True))
        for language, name in names.items():
            use = CELL_ITEMS.split(cells[name])[0].strip()
            for item in CELL_ITEMS.split(cells[f"not in {name}"]):
                if item.strip() not in ("", "—"):
                    avoided.setdefault(language, []).append(parse_term(item.strip(), use))
    return avoided


AVOIDED = style_sheet()


def _words(term: str) -> str:
    return r"\s+".join(re.escape(word) for word in term.replace("’", "'").split())


def pattern(term: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + _words(term) + r"(?![\w-])", re.IGNORECASE)


def allowed_pattern(phrase: str) -> re.Pattern[str]:
    """An exception also covers its plural or possessive: `steering committee` allows `steering committees`."""
    return re.compile(r"(?<![\w-])" + _words(phrase), re.IGNORECASE)


def findings(text: str, rules: list[Rule]) -> list[str]:
    """Each avoided term found in the text, outside the phrases its rule allows, with what to write instead."""
    found = []
    for rule in rules:
        spans = [match.span() for phrase in rule.allowed for match in allowed_pattern(phrase).finditer(text)]
        for match in pattern(rule.term).finditer(text):
            if any(start <= match.start() and match.end() <= end for start, end in spans):
                continue
            context = text[max(0, match.start() - 30) : match.end() + 30]
            found.append(f"“{match.group(0)}” (write “{rule.use}”): …{context}…")
    return found


def normalise(text: str) -> str:
    return text.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


def own_text(soup: BeautifulSoup, language: str) -> str:
    """The article's text in its own language, and the page's description, as one string with plain spaces and
    apostrophes."""
    text = " ".join(own_texts(soup.find("article") or soup, language))
    description = soup.find("meta", attrs={"name": "description"})
    if description is not None:
        text += " " + str(description.get("content", ""))
    return normalise(text)


# Link targets, addresses and code spans in YAML Markdown are not text (`kam-role.md#watcher` is an anchor).
NOT_TEXT = re.compile(r"\]\([^)]*\)|<[a-z]+:[^>]*>|`[^`]*`")


def localized_texts(node: Any, language: str, where: str = "") -> Iterator[tuple[str, str]]:
    """(place, text) for every text of the given language in a YAML tree: values under a language key."""
    if isinstance(node, dict):
        for key, value in node.items():
            place = f"{where}.{key}" if where else str(key)
            if key == language and isinstance(value, str):
                yield place, value
            else:
                yield from localized_texts(value, language, place)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from localized_texts(item, language, f"{where}[{index + 1}]")


YAML_FILES = sorted(QUIZDATA.rglob("*.yml"))


def test_the_style_sheet_is_readable() -> None:
    assert AVOIDED.get("fr") and AVOIDED.get("en")


def test_yaml_files_are_found() -> None:
    assert YAML_FILES, f"no YAML file under {QUIZDATA}"


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language in AVOIDED])
@pytest.mark.parametrize("slug", SLUGS)
def test_pages_use_the_style_sheet_terms(site: BuiltSite, slug: str, language: str) -> None:
    found = findings(own_text(site.soup(slug, language), language), AVOIDED[language])
    assert found == [], "see the style sheet in CONTRIBUTING.md"


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language in AVOIDED])
@pytest.mark.parametrize("path", YAML_FILES, ids=[path.relative_to(QUIZDATA).as_posix() for path in YAML_FILES])
def test_yaml_texts_use_the_style_sheet_terms(path: Path, language: str) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    found = [
        f"{place}: {finding}"
        for place, text in localized_texts(data, language)
        for finding in findings(normalise(NOT_TEXT.sub(" ", text)), AVOIDED[language])
    ]
    assert found == [], "see the style sheet in CONTRIBUTING.md"


@pytest.mark.parametrize("language", [language for language in LANGUAGES if language in AVOIDED])
def test_nav_titles_use_the_style_sheet_terms(language: str) -> None:
    found = [finding for title in nav_titles(language) for finding in findings(normalise(title), AVOIDED[language])]
    assert found == [], "see the style sheet in CONTRIBUTING.md"


def test_the_check_finds_an_avoided_term_and_skips_marked_text() -> None:
    soup = BeautifulSoup(
        '<article><p>Our client said <span lang="fr">le client</span> <code>client</code></p></article>', "html.parser"
    )
    text = own_text(soup, "en")
    assert len(pattern("client").findall(text)) == 1
    assert pattern("partie variable").search("la Partie  variable du salaire")


def test_a_term_is_allowed_only_inside_its_exceptions() -> None:
    rule = parse_term("steering (except: steering committee; steering group)", "running")
    assert rule == Rule("steering", "running", ("steering committee", "steering group"))
    assert findings("The steering committees met. Steering Group minutes.", [rule]) == []
    assert len(findings("Steering the account, then the steering committee.", [rule])) == 1
    assert len(findings("Visits at the customer, at the customer's site.", [parse_term("at the customer", "")])) == 2
    rule = parse_term("at the customer (except: at the customer's)", "with the customer")
    assert len(findings("Visits at the customer, at the customer's site.", [rule])) == 1


def test_yaml_texts_are_read_in_each_language_and_link_targets_skipped() -> None:
    link = "[x](kam-role.md#watcher)"
    data = {"title": {"fr": "Le veilleur", "en": "The analyst"}, "bands": [{"text": {"en": link}}]}
    assert list(localized_texts(data, "en")) == [("title.en", "The analyst"), ("bands[1].text.en", link)]
    # Texts per audience (`manager`, `self`) sit one level deeper: they are read all the same.
    data = {"advice": {"manager": {"en": "To the manager."}, "self": {"fr": "Au KAM.", "en": "To the KAM."}}}
    assert list(localized_texts(data, "en")) == [
        ("advice.manager.en", "To the manager."),
        ("advice.self.en", "To the KAM."),
    ]
    assert findings(NOT_TEXT.sub(" ", "[the analyst](kam-role.md#watcher)"), [Rule("watcher", "the analyst")]) == []
