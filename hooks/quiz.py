"""MkDocs hook: validate every quiz before the build, render quizzes into the pages that ask.

A page places a quiz with a line of its own: `<!-- quiz: kam-self-assessment -->`.
Event glue only; the work is in quizkit/ (see DESIGN.md, "Data flow of a quiz").
"""

from __future__ import annotations

import logging
from pathlib import Path

from markers import replace_markers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from pageassets import require_assets

from pagelang import page_language, site_languages
from quizkit.catalog import QuizCatalog
from quizkit.model import Quiz
from quizkit.render import INTERFACE_KEYS, QuizRenderer
from quizkit.scoring import band_shares
from sourcekit.fields import Localized
from sourcekit.yamlsource import SourceError

log = logging.getLogger("mkdocs.hooks.quiz")

QUIZ_FOLDER = "quizdata"

# Module state survives the per-language rebuilds and `mkdocs serve` reloads:
# the catalog re-reads a file only when it changed.
_catalog = QuizCatalog(INTERFACE_KEYS)
_quizzes: dict[str, Quiz] = {}
_interface: dict[str, Localized] = {}


# ─── Hooks ──────────────────────────────────────────────────────────────────


def on_pre_build(config: MkDocsConfig) -> None:
    global _quizzes, _interface
    root = Path(config.config_file_path).parent
    folder = root / QUIZ_FOLDER
    languages = site_languages(config)
    try:
        _quizzes, fresh = _catalog.load_all(folder, languages, root)
        _interface = _catalog.load_interface(folder, languages, root)
    except SourceError as error:
        raise PluginError(f"Quiz data has {len(error.problems)} problem(s):\n{error}") from None
    for quiz in fresh:
        _log_band_shares(quiz)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    renderer = _renderer(config)
    language = page_language(page, config)
    markdown, placed = replace_markers(
        markdown,
        page,
        "quiz",
        _quizzes,
        # Only the quiz's Markdown fields go through the page's Markdown; on_post_page
        # puts the form around them.
        lambda quiz_id: renderer.markdown_parts(_quizzes[quiz_id], language),
        where_defined=f"quizzes in {QUIZ_FOLDER}/",
    )
    if placed:
        page.meta["quiz_ids"] = placed
        require_assets(page, config, "quiz")
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # In the finished page, after the search index and the table of contents were made:
    # they index the quiz's texts (intro, advice, results) but not its questions and grid.
    if not page.meta.get("quiz_ids"):
        return output
    return _renderer(config).assemble(output, _quizzes, page_language(page, config), _interface)


# ─── Helper functions ───────────────────────────────────────────────────────


def _renderer(config: MkDocsConfig) -> QuizRenderer:
    return QuizRenderer(Path(config.theme.custom_dir or "overrides") / "partials")


def _log_band_shares(quiz: Quiz) -> None:
    """Tell editors how all possible answer sets spread over the bands."""
    shares = band_shares(quiz)
    everything = sum(share.combinations for share in shares)
    parts = []
    for share in shares:
        percent = share.share * 100
        note = " (hardly anyone can land here)" if share.combinations and percent < 1 else ""
        note = " (nobody can land here)" if share.combinations == 0 else note
        parts.append(f"{share.band.min}–{share.band.max}: {percent:.1f}%{note}")
    log.info(f"{quiz.source}: the {everything:,} possible answer sets spread over the bands as {'; '.join(parts)}")
