"""What the hooks decided about each page of the build in progress, kept apart from what editors write.

`page.meta` is the editor's front matter: a value a hook stored there could be written by an
editor instead (`page_assets: …` loaded any file of docs/ as a script). Each page's entry is
keyed by its File object: MkDocs and mkdocs-static-i18n make new ones for every build and
every language, so an entry lives exactly as long as the build that made it, and no text in
docs/ can create or change one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from weakref import WeakKeyDictionary

from mkdocs.structure.files import File
from mkdocs.structure.pages import Page


@dataclass(frozen=True)
class PageAsset:
    """A script (and maybe a stylesheet) of overrides/assets/<name>/ that the page loads."""

    name: str
    script: str  # site path, e.g. assets/quiz/quiz.js
    stylesheet: str | None
    version: str  # hash of the files, in the URL: a browser never mixes an old script with a new page


@dataclass
class PageState:
    placed: dict[str, list[str]] = field(default_factory=dict)  # marker kind → ids placed on the page
    assets: list[PageAsset] = field(default_factory=list)  # in the order asked


_pages: WeakKeyDictionary[File, PageState] = WeakKeyDictionary()


def state_of(page: Page) -> PageState:
    if page.file not in _pages:
        _pages[page.file] = PageState()
    return _pages[page.file]
