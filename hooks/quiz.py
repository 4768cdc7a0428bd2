"""MkDocs hook: validate every quiz before the build, render quizzes into the pages that ask.

A page places a quiz with a line of its own: `<!-- quiz: kam-self-assessment -->`.
Event glue only; the work is in kam_guide/quiz/ (see DESIGN.md, "Data flow of a quiz"),
and what one build decides is kept in its state (kam_guide/build/state.py).
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kam_guide.build.failure import fail
from kam_guide.build.languages import is_default_language_build, page_language, site_languages
from kam_guide.build.page_assets import require_assets
from kam_guide.build.placement import replace_markers
from kam_guide.build.state import build_state
from kam_guide.layout import QUIZ_FOLDER
from kam_guide.pages.checks import language_of
from kam_guide.quiz.catalog import QuizCatalog
from kam_guide.quiz.model import Quiz
from kam_guide.quiz.quality import writing_notes
from kam_guide.quiz.render import QuizRenderer, parts_in
from kam_guide.quiz.scoring import band_shares
from kam_guide.quiz.textchecks import anchor_problems, converted_problems, quiz_text_problems
from kam_guide.source.markup import active_content
from kam_guide.source.yamlsource import Problem, SourceError

log = logging.getLogger("mkdocs.hooks.quiz")

# A cache, not state: it re-reads a quiz file only when it changed, so it is kept for the
# whole process (every language of a build, every rebuild of `mkdocs serve`).
_catalog = QuizCatalog()


# ─── Hooks ──────────────────────────────────────────────────────────────────


def on_pre_build(*, config: MkDocsConfig) -> None:
    state = build_state(config)
    root = Path(config.config_file_path).parent
    languages = site_languages(config)
    problems: list[Problem] = []  # the quizzes' and the interface's, reported together
    fresh: list[Quiz] = []
    try:
        state.quizzes, fresh = _catalog.load_all(root / QUIZ_FOLDER, languages, root)
    except SourceError as error:
        problems += error.problems
    try:
        state.interface = _catalog.load_interface(root / QUIZ_FOLDER, languages, root)
    except SourceError as error:
        problems += error.problems
    if problems:
        fail("Quiz data", problems, log)
    state.quiz_anchor_links.clear()
    for quiz in fresh:
        _log_band_shares(quiz)
        for note in writing_notes(quiz):
            log.info(f"{quiz.source}: {note}")


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = build_state(config)
    language = page_language(page, config)
    markdown, placed = replace_markers(
        markdown,
        config,
        "quiz",
        state.quizzes,
        # Only the quiz's Markdown fields go through the page's Markdown; on_post_page
        # puts the form around them.
        lambda quiz_id: _renderer(config).markdown_parts(state.quizzes[quiz_id], language),
    )
    if not placed:
        return markdown
    state.page(page).placed["quiz"] = placed
    require_assets(page, config, "quiz")
    require_assets(page, config, "team")  # the team table of every quiz (components/quiz-team.html)
    # Links are checked in every language by the default language's build, the first, before any
    # page is written; anchors wait for on_env, when every page is rendered.
    if is_default_language_build(config):
        root = Path(config.config_file_path).parent
        problems = []
        # The same targets come back in every language and audience; mkdocs-static-i18n's lookup is not free.
        page_exists = functools.cache(lambda uri: files.get_file_from_path(uri) is not None)
        for quiz_id in placed:
            found, anchor_links = quiz_text_problems(state.quizzes[quiz_id], page.file.src_uri, page_exists, root)
            problems += found
            state.quiz_anchor_links += anchor_links
        if problems:
            fail("Quiz texts", problems, log)
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The quiz's texts as the site's Markdown converted them (attr_list, link targets):
    # nothing active may come out. Before the page is written; a failed build leaves no site.
    state = build_state(config)
    if not state.page(page).placed.get("quiz") or not active_content(html):
        return html  # a page with nothing active holds no quiz text with anything active
    # Something is: said here at the YAML line of the text it comes from, before hooks/security.py
    # says it of the page.
    language = page_language(page, config)
    root = Path(config.config_file_path).parent
    problems = [
        problem
        for quiz_id, parts in parts_in(html).items()
        for problem in converted_problems(state.quizzes[quiz_id], parts, language, root)
    ]
    if problems:
        fail("Quiz texts", problems, log)
    return html


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    # Every page is rendered, none is written: the anchors pages hold are known. MkDocs
    # would report a broken anchor against the page showing the quiz; say where it was
    # written instead. Anchors that links use are the same in every language.
    state = build_state(config)

    @functools.cache
    def present_anchors(uri: str) -> set[str] | None:
        file = files.get_file_from_path(uri)
        return file.page.present_anchor_ids if file is not None and file.page is not None else None

    @functools.cache
    def explicit_anchors(uri: str) -> list[str]:  # the `{ #id }` anchors written in the page
        page_set = state.read_pages()
        slug, language = language_of(uri, page_set.languages, page_set.default)
        page = page_set.pages.get(slug, {}).get(language or "")
        return list(page.anchors) if page is not None else []

    problems = anchor_problems(state.quiz_anchor_links, present_anchors, explicit_anchors)
    state.quiz_anchor_links.clear()
    if problems:
        fail("Links in quiz texts", problems, log)
    return env


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    # In the finished page, after the search index and the table of contents were made:
    # they index the quiz's texts (intro, advice, results) but not its questions and grid.
    state = build_state(config)
    if not state.page(page).placed.get("quiz"):
        return output
    return _renderer(config).assemble(output, state.quizzes, page_language(page, config), state.interface)


# ─── Helpers ────────────────────────────────────────────────────────────────


def _renderer(config: MkDocsConfig) -> QuizRenderer:
    return QuizRenderer(Path(config.theme.custom_dir or "overrides") / "components")


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
    count = f"{everything:,}" if everything < 10**12 else f"about {everything:.2e}"
    log.info(f"{quiz.source}: the {count} possible answer sets spread over the bands as {'; '.join(parts)}")
