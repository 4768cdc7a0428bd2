"""Read every page of docs/ and group the language versions of each page."""

from __future__ import annotations

import codecs
from pathlib import Path

from sourcekit.textfile import not_utf8
from sourcekit.yamlsource import Problem

from .checks import PageSet, language_of
from .source import PageSource, read_page

# Files MkDocs would copy to the site as they are, and that could run code there.
ACTIVE_FILES = (".js", ".mjs", ".html", ".htm", ".xhtml", ".php", ".swf")


def read_page_set(docs_dir: Path, languages: tuple[str, ...]) -> tuple[PageSet, list[Problem]]:
    default = languages[0]
    pages: dict[str, dict[str, PageSource]] = {}
    strays: list[tuple[str, str]] = []
    problems: list[Problem] = []
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir).as_posix()
        shown = f"docs/{relative}"
        if any(part.startswith(".") for part in path.relative_to(docs_dir).parts) or not path.is_file():
            continue
        if path.suffix.lower() in ACTIVE_FILES:
            problems.append(
                Problem(shown, 1, 1, "docs/ holds pages and images, not scripts or HTML files: remove this file")
            )
            continue
        if path.suffix.lower() == ".svg":
            problems += _svg_problems(path, shown)
            continue
        if path.suffix != ".md":
            continue
        slug, language = language_of(relative, languages, default)
        if language is None:
            strays.append((shown, relative.rsplit(".", 2)[-2]))
            continue
        # Without its BOM, so that a decoding error's position counts from the text's first character.
        data = path.read_bytes().removeprefix(codecs.BOM_UTF8)
        try:
            page = read_page(shown, data.decode("utf-8"))
        except UnicodeDecodeError as error:
            # Known to exist, so no "no French version" or nav error follows; checked once it is UTF-8.
            page = PageSource(shown, "", readable=False, problems=[not_utf8(shown, data, error)])
        pages.setdefault(slug, {})[language] = page
    return PageSet(default, languages, pages, strays), problems


def _svg_problems(path: Path, shown: str) -> list[Problem]:
    """An SVG opened on its own runs its scripts: refuse scripts and event handlers in one."""
    text = path.read_text(encoding="utf-8", errors="replace").lower()
    if "<script" in text or "javascript:" in text or " on" in text and "=" in text and _has_handler(text):
        return [Problem(shown, 1, 1, "this SVG holds a script or an event handler (on…=): remove them")]
    return []


def _has_handler(text: str) -> bool:
    import re

    return re.search(r"\son[a-z]+\s*=", text) is not None
