"""Front matter keys that MkDocs, Material or this site read: each checked for type and content.

A value of the wrong type crashed the build with a traceback (`hide: 5`, `search: 5`), named a
template or icon that does not exist, or printed markup into every page's `<head>` and menu
(Material prints `title`, `description`, `author`, `status`, `subtitle` as written). Text
values are plain text: markup is refused here with the fix, and every value is escaped again
before templates see it (hooks/security.py), since unknown keys may reach them too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kam_guide.source.yamlsource import Problem

from .page_source import PageSource

# Material's `hide:` values (its partials test `"toc" in page.meta.hide`, and so on).
HIDE_VALUES = ("navigation", "toc", "footer", "path", "tags", "feedback")
PLAIN_TEXT_KEYS = ("title", "author", "subtitle")
MAX_TEXT = 300
# Markup an editor may type by mistake: a tag, a comment, or a character reference.
MARKUP = re.compile(r"<[A-Za-z/!?]|&(?:#[0-9]+|#[xX][0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);")
ICON = re.compile(r"^[a-z0-9-]+(?:/[a-z0-9-]+)+$")


@dataclass(frozen=True)
class ThemeChoices:
    """What the theme offers for the keys that name one of its things."""

    templates: tuple[str, ...]  # page templates `template:` may name
    statuses: tuple[str, ...]  # keys of `extra.status` in mkdocs.yml
    icon_exists: Callable[[str], bool]  # `material/account` → is there such an icon


def front_matter_problems(page: PageSource, theme: ThemeChoices) -> list[Problem]:
    checks: Mapping[str, Callable[[Any, ThemeChoices], str]] = {
        **{key: _plain_text for key in PLAIN_TEXT_KEYS},
        "description": _markup_free,  # its type and length: kam_guide.pages.checks
        "hide": _hide,
        "search": _search,
        "status": _status,
        "icon": _icon,
        "template": _template,
        "tags": _tags,
    }
    problems = []
    for key, check in checks.items():
        if key in page.meta:
            message = check(page.meta[key], theme)
            if message:
                problems.append(Problem(page.path, page.meta_lines.get(key, 1), 1, f"`{key}:` {message}"))
    return problems


def _plain_text(value: Any, _theme: ThemeChoices) -> str:
    if not isinstance(value, str) or not value.strip():
        return 'must be text: write it in quotes, e.g. `title: "The account plan"`'
    if len(value) > MAX_TEXT:
        return f"has {len(value)} characters; keep it under {MAX_TEXT}"
    markup = MARKUP.search(value)
    if markup:
        return (
            f"is plain text, shown as written in the page's head and menus, but holds markup "
            f"(`{markup.group()}`…): write the words only, e.g. `&` rather than `&amp;`, and no `<tags>`"
        )
    return ""


def _markup_free(value: Any, theme: ThemeChoices) -> str:
    return _plain_text(value, theme) if isinstance(value, str) else ""


def _hide(value: Any, _theme: ThemeChoices) -> str:
    allowed = ", ".join(HIDE_VALUES)
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        return f"must be a list of what to hide, e.g. `hide: [toc]` (among {allowed})"
    unknown = [item for item in value if item not in HIDE_VALUES]
    if unknown:
        return f"cannot hide `{unknown[0]}`: choose among {allowed}"
    return ""


def _search(value: Any, _theme: ThemeChoices) -> str:
    example = "e.g. `search: {exclude: true}` or `search: {boost: 2}`"
    if not isinstance(value, dict):
        return f"must be a mapping, {example}"
    for key, setting in value.items():
        if key == "exclude" and not isinstance(setting, bool):
            return "`exclude` must be `true` or `false`"
        if key == "boost" and (
            isinstance(setting, bool) or not isinstance(setting, int | float) or not 0 < setting <= 10
        ):
            return "`boost` must be a number above 0 and at most 10"
        if key not in ("exclude", "boost"):
            return f"knows `exclude` and `boost`, not `{key}`: {example}"
    return ""


def _status(value: Any, theme: ThemeChoices) -> str:
    if not theme.statuses:
        return "names a page status, but the site defines none (extra → status in mkdocs.yml): remove it"
    if value not in theme.statuses:
        return f"must be one of the statuses mkdocs.yml defines: {', '.join(theme.statuses)}"
    return ""


def _icon(value: Any, theme: ThemeChoices) -> str:
    if not isinstance(value, str) or not ICON.match(value) or not theme.icon_exists(value):
        return "must name one of the theme's icons, e.g. `icon: material/account-tie`"
    return ""


def _template(value: Any, theme: ThemeChoices) -> str:
    if value not in theme.templates:
        return f"must be one of the site's page templates: {', '.join(theme.templates)} (or leave it out)"
    return ""


def _tags(value: Any, theme: ThemeChoices) -> str:
    if not isinstance(value, list) or not value:
        return "must be a list of words, e.g. `tags: [negotiation, pricing]`"
    for tag in value:
        if _plain_text(tag, theme):
            return f"each tag is a plain word or phrase, without markup, in quotes if it is a number (got {tag!r})"
    return ""
