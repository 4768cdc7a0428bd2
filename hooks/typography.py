"""MkDocs hook: the page language's typography in every text of the finished page.

Runs last on each page (after the quiz and the simulator are put in place), so menus,
tables of contents, page text and texts from YAML all get it; see kam_guide/pages/typesetting.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from kam_guide.build.languages import page_language
from kam_guide.pages.typesetting import apply


@event_priority(-100)
def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    return apply(output, page_language(page, config))
