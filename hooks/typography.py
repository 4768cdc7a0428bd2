"""MkDocs hook: the page language's typography in every text of the finished page.

Runs last on each page (after the quiz and the simulator are put in place), so menus,
tables of contents, page text and texts from YAML all get it; see pagekit/typography.py.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from pagekit.typography import apply
from pagelang import page_language


@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return apply(output, page_language(page, config))
