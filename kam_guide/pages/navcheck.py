"""The site's navigation (mkdocs.yml `nav:`) against the pages and their titles in every language.

Titles are written once, in the default language, in `nav:`; each other language gives
them under `plugins → i18n → languages → <code> → nav_translations`. MkDocs shows the
default title in silence when a translation is missing, and reports a missing page
with the file name of the nav, not the file that is missing: both are said here first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from kam_guide.source.yamlsource import Path, Problem

from .checks import LANGUAGE_NAMES
from .frontmatter import MARKUP


@dataclass(frozen=True)
class NavConfig:
    nav: list[Any] | None  # mkdocs.yml's `nav:` as loaded
    default: str
    translations: Mapping[str, Mapping[str, str]]  # language → {default title: translated title}
    translation_paths: Mapping[str, Path]  # language → path of its nav_translations in mkdocs.yml
    lines: Mapping[Path, int]  # mkdocs.yml line of every key and value
    config_file: str  # "mkdocs.yml"


def _markup_in_title(title: Any, config_file: str, line: int) -> list[Problem]:
    """Material prints menu titles as written, in every page's menu: they are plain text."""
    markup = MARKUP.search(title) if isinstance(title, str) else None
    if markup is None:
        return []
    return [
        Problem(
            config_file,
            line,
            1,
            f"the nav title `{title}` holds markup (`{markup.group()}`…), which every page's menu would print as "
            "written: write the words only, `&` rather than `&amp;`, no `<tags>`",
        )
    ]


def check_nav(config: NavConfig, default_pages: set[str], other_pages: Mapping[str, str]) -> list[Problem]:
    """`default_pages`: docs-relative paths of default-language pages; `other_pages`: other file → its page."""
    if config.nav is None:
        return []
    problems: list[Problem] = []
    listed: dict[str, int] = {}  # page → line of its first entry
    titles: set[str] = set()
    for path, title, target in _entries(config.nav, ("nav",)):
        line = config.lines.get(path, 1)
        if title is not None:
            titles.add(title)
            problems += _markup_in_title(title, config.config_file, line)
            for language, translated in config.translations.items():
                if title in translated:
                    translation_line = config.lines.get((*config.translation_paths.get(language, ()), title), line)
                    problems += _markup_in_title(translated[title], config.config_file, translation_line)
                if title not in translated:
                    where = f"plugins → i18n → languages → {language} → nav_translations"
                    problems.append(
                        Problem(
                            config.config_file,
                            line,
                            1,
                            f"the nav title `{title}` has no {LANGUAGE_NAMES.get(language, language)} translation: "
                            f"add `{title}: …` under {where}",
                        )
                    )
        if target is None or "://" in target:
            continue
        if target in listed:
            # Material would mark both entries as the current page, with the same element ids twice.
            problems.append(
                Problem(
                    config.config_file,
                    line,
                    1,
                    f"the nav lists `{target}` a second time (first on line {listed[target]}): keep one entry; "
                    "link the page from other pages instead",
                )
            )
            continue
        listed[target] = line
        if target in other_pages:
            problems.append(
                Problem(
                    config.config_file,
                    line,
                    1,
                    f"the nav lists `{target}`: list the default-language file `{other_pages[target]}` instead; "
                    "each language finds its own version from it",
                )
            )
        elif target not in default_pages:
            problems.append(
                Problem(
                    config.config_file,
                    line,
                    1,
                    f"the nav lists `{target}`, but docs/{target} does not exist: fix the name or write the page",
                )
            )
    for page in sorted(default_pages - set(listed)):
        problems.append(
            Problem(
                f"docs/{page}",
                1,
                1,
                f"this page is not in the nav: add `- Title: {page}` to `nav:` in {config.config_file} "
                "(and its title to nav_translations for each other language)",
            )
        )
    for language, translated in config.translations.items():
        for title in sorted(set(translated) - titles):
            path = config.translation_paths[language] + (title,)
            problems.append(
                Problem(
                    config.config_file,
                    config.lines.get(path, 1),
                    1,
                    f"nav_translations ({language}) translates `{title}`, which is no title in `nav:`: "
                    "fix its spelling or remove it",
                )
            )
    return problems


def _entries(items: Sequence[Any], path: Path) -> Iterator[tuple[Path, str | None, str | None]]:
    """(path in mkdocs.yml, title or None, page or None) for every nav entry, sections included."""
    for index, item in enumerate(items):
        here = path + (index,)
        if isinstance(item, str):
            yield here, None, item
        elif isinstance(item, dict) and len(item) == 1:
            title, value = next(iter(item.items()))
            if isinstance(value, list):
                yield here + (title,), str(title), None
                yield from _entries(value, here + (title,))
            else:
                yield here + (title,), str(title), str(value)


def check_not_found_texts(
    texts: Any, languages: Sequence[str], lines: Mapping[Path, int], config_file: str
) -> list[Problem]:
    """The 404 page speaks every language: `extra.not_found.<language>` has a title, a text and a home link."""
    path: Path = ("extra", "not_found")
    if not isinstance(texts, dict):
        return [
            Problem(
                config_file,
                lines.get(path, 1),
                1,
                "extra.not_found must give the 404 page's texts per language: `fr: {title: …, text: …, home: …}`",
            )
        ]
    problems = []
    for language in languages:
        entry = texts.get(language)
        if not isinstance(entry, dict) or not all(isinstance(entry.get(key), str) for key in ("title", "text", "home")):
            problems.append(
                Problem(
                    config_file,
                    lines.get(path + (language,), lines.get(path, 1)),
                    1,
                    f"the 404 page has no complete {LANGUAGE_NAMES.get(language, language)} texts: give "
                    f"`{language}:` a `title`, a `text` and a `home` (the link to that language's home page) "
                    "under extra.not_found",
                )
            )
    return problems
