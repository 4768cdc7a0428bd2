"""Read every page of docs/ and group the language versions of each page."""

from __future__ import annotations

import codecs
from pathlib import Path

from kam_guide.source.textfile import not_utf8
from kam_guide.source.yamlsource import Problem

from .checks import PageSet, language_of
from .page_source import PageSource, read_page
from .published import published_file_problems


def read_page_set(docs_dir: Path, languages: tuple[str, ...]) -> tuple[PageSet, list[Problem]]:
    default = languages[0]
    pages: dict[str, dict[str, PageSource]] = {}
    strays: list[tuple[str, str]] = []
    problems: list[Problem] = []
    docs_root = docs_dir.resolve()
    for path in sorted(docs_dir.rglob("*")):
        relative = path.relative_to(docs_dir).as_posix()
        shown = f"docs/{relative}"
        if any(part.startswith(".") for part in path.relative_to(docs_dir).parts) or not path.is_file():
            continue
        if not path.resolve().is_relative_to(docs_root):
            # MkDocs would publish what the link points to: a file from anywhere on the machine.
            problems.append(
                Problem(shown, 1, 1, "this is a link to a file outside docs/: copy the file into docs/ instead")
            )
            continue
        # Every other file is published as it is: only the types the site needs, SVG without scripts.
        problems += published_file_problems(path, shown)
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
