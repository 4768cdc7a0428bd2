"""What the tests check, read from the content itself: languages, pages, quizzes, where they are placed.

Editors add pages, quizzes and languages without touching Python: nothing here is a copy
of today's content, everything is derived from mkdocs.yml, docs/ and quizdata/.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
QUIZDATA = ROOT / "quizdata"
MARKER = re.compile(r"^<!-- (?P<kind>quiz|simulator): (?P<id>[a-z0-9-]+) -->$", re.M)


@functools.cache
def site_config() -> MkDocsConfig:
    return load_config(str(ROOT / "mkdocs.yml"))


def _languages() -> tuple[str, ...]:
    i18n = site_config().plugins["i18n"].config
    default = next(language.locale for language in i18n.languages if language.default)
    others = [language.locale for language in i18n.languages if language.build and language.locale != default]
    return (default, *others)


LANGUAGES = _languages()
DEFAULT_LANGUAGE = LANGUAGES[0]
# Every page of the default language, e.g. "kam-role" for docs/kam-role.md.
SLUGS = tuple(
    sorted(
        path.relative_to(DOCS).with_suffix("").as_posix()
        for path in DOCS.rglob("*.md")
        if not any(path.name.endswith(f".{language}.md") for language in LANGUAGES[1:])
    )
)


@dataclass(frozen=True)
class Placement:
    """A quiz or simulator shown on a page."""

    kind: str
    id: str
    slug: str


def placements(kind: str) -> list[Placement]:
    """Where each quiz or simulator is placed, from the default-language pages' markers."""
    found = []
    for slug in SLUGS:
        text = (DOCS / f"{slug}.md").read_text(encoding="utf-8")
        found += [Placement(kind, m["id"], slug) for m in MARKER.finditer(text) if m["kind"] == kind]
    return found


def nav_titles(language: str) -> list[str]:
    """The nav's titles as the given language shows them."""
    config = site_config()
    titles = [str(next(iter(item))) for item in config.nav or [] if isinstance(item, dict)]
    if language == DEFAULT_LANGUAGE:
        return titles
    i18n = site_config().plugins["i18n"].config
    translations = next(lang.nav_translations for lang in i18n.languages if lang.locale == language) or {}
    return [translations.get(title, title) for title in titles]
