"""MkDocs hook: validate every quiz before the build, render quizzes into the pages that ask.

A page places a quiz with a line of its own: `<!-- quiz: kam-self-assessment -->`.
Event glue only; the work is in kam_guide/quiz/ (see DESIGN.md, "Data flow of a quiz").
"""

from __future__ import annotations

import logging
import posixpath
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kam_guide.build.assets import require_assets
from kam_guide.build.failure import fail
from kam_guide.build.languages import build_language, page_language, site_languages
from kam_guide.build.placement import MARKER_FOLDERS, replace_markers
from kam_guide.build.state import state_of
from kam_guide.pages.source import read_page
from kam_guide.quiz.catalog import QuizCatalog
from kam_guide.quiz.model import Quiz
from kam_guide.quiz.quality import writing_notes
from kam_guide.quiz.render import QuizRenderer, markdown_fields, parts_in
from kam_guide.quiz.scoring import band_shares
from kam_guide.source.fields import Localized, LocalizedText, SourceSpot
from kam_guide.source.markdowncost import costly_markup, costly_markup_advice
from kam_guide.source.markup import active_content, as_written, is_web_or_mail, links_in
from kam_guide.source.yamlsource import Problem, SourceError

log = logging.getLogger("mkdocs.hooks.quiz")

QUIZ_FOLDER = MARKER_FOLDERS["quiz"]

# Module state survives the per-language rebuilds and `mkdocs serve` reloads:
# the catalog re-reads a file only when it changed.
_catalog = QuizCatalog()
_quizzes: dict[str, Quiz] = {}
_interface: dict[str, Localized] = {}


@dataclass(frozen=True)
class _AnchorLink:
    """A link from a quiz text to a heading, checked once every page is rendered."""

    target: File
    anchor: str
    written: str
    spot: SourceSpot


_anchor_links: list[_AnchorLink] = []


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
        fail("Quiz data", error.problems, log)
    _anchor_links.clear()
    for quiz in fresh:
        _log_band_shares(quiz)
        for note in writing_notes(quiz):
            log.info(f"{quiz.source}: {note}")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    renderer = _renderer(config)
    language = page_language(page, config)
    markdown, placed = replace_markers(
        markdown,
        config,
        "quiz",
        _quizzes,
        # Only the quiz's Markdown fields go through the page's Markdown; on_post_page
        # puts the form around them.
        lambda quiz_id: renderer.markdown_parts(_quizzes[quiz_id], language),
    )
    if placed:
        state_of(page).placed["quiz"] = placed
        require_assets(page, config, "quiz")
        require_assets(page, config, "team")  # the team table of every quiz (components/quiz-team.html)
        problems = [problem for quiz_id in placed for problem in _check_texts(_quizzes[quiz_id], page, files, config)]
        if problems:
            fail("Quiz texts", problems, log)
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The quiz's texts as the site's Markdown converted them (attr_list, link targets):
    # nothing active may come out. Before the page is written; a failed build leaves no site.
    if not state_of(page).placed.get("quiz"):
        return html
    language = page_language(page, config)
    problems = []
    root = Path(config.config_file_path).parent
    for quiz_id, parts in parts_in(html).items():
        fields = dict(markdown_fields(_quizzes[quiz_id]))
        for name, converted in parts.items():
            texts = fields[name]
            problems += [
                _where_written(_spot(texts, language), as_written(finding), texts[language], root).problem(
                    f"this text produces {finding}, which could run code in readers' browsers: quiz texts "
                    "may use Markdown emphasis, lists, and links to pages or web addresses only"
                )
                for finding in dict.fromkeys(active_content(converted))
            ]
    if problems:
        fail("Quiz texts", problems, log)
    return html


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # Every page is rendered, none is written: the anchors pages hold are known. MkDocs
    # would report a broken anchor against the page showing the quiz; say where it was
    # written instead. Anchors that links use are the same in every language.
    problems = []
    explicit: dict[str, dict[str, list[int]]] = {}  # target → its `{ #id }` anchors, read once
    for link in _anchor_links:
        anchors = link.target.page.present_anchor_ids if link.target.page else None
        target = f"docs/{link.target.src_uri}"
        if target not in explicit:
            explicit[target] = read_page(target, link.target.content_string).anchors
        if anchors is not None and link.anchor not in anchors:
            problems.append(
                link.spot.problem(
                    f"the link `{link.written}` goes to no heading `#{link.anchor}` in {target}: "
                    "fix the link, or give the heading that anchor, `{ #" + link.anchor + " }`, in every language"
                )
            )
        elif link.anchor not in explicit[target]:
            # An id made from the heading's words differs between languages; `{ #id }` is the same in all.
            problems.append(
                link.spot.problem(
                    f"the link `{link.written}` goes to a heading of {target} without a `{{ #… }}` anchor: its id "
                    "is made from the heading's words, which differ in each language; give that heading "
                    "`{ #" + link.anchor + " }` in every language"
                )
            )
    _anchor_links.clear()
    if problems:
        fail("Links in quiz texts", problems, log)
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # In the finished page, after the search index and the table of contents were made:
    # they index the quiz's texts (intro, advice, results) but not its questions and grid.
    if not state_of(page).placed.get("quiz"):
        return output
    return _renderer(config).assemble(output, _quizzes, page_language(page, config), _interface)


# ─── Helper functions ───────────────────────────────────────────────────────


def _renderer(config: MkDocsConfig) -> QuizRenderer:
    return QuizRenderer(Path(config.theme.custom_dir or "overrides") / "components")


def _check_texts(quiz: Quiz, page: Page, files: Files, config: MkDocsConfig) -> list[Problem]:
    """Links of the quiz's Markdown texts, in every language, resolved from the page that shows it.

    Done in the default language's build, the first, before any page is written; anchors wait
    for on_env, when every page is rendered.
    """
    if build_language(config) != site_languages(config)[0]:
        return []  # the default language's build checked every language already
    root = Path(config.config_file_path).parent
    problems = []
    for _name, texts in markdown_fields(quiz):
        for language in quiz.languages:
            costly = costly_markup(texts[language])
            if costly is not None:  # checked before the page's Markdown converts it
                problems.append(_spot(texts, language).problem(costly_markup_advice()))
                continue
            problems += _check_links(texts[language], _spot(texts, language), page, files, root)
    return problems


def _check_links(text: str, text_spot: SourceSpot, page: Page, files: Files, root: Path) -> list[Problem]:
    """Links of one quiz text, resolved from the page that shows it, reported at their YAML line."""
    problems = []
    for written in links_in(text):
        if is_web_or_mail(written):
            continue  # a web address, or a scheme active_content has refused
        spot = _where_written(text_spot, written, text, root)
        path, _, anchor = written.partition("#")
        if not path:
            target: File | None = page.file
        else:
            source_dir = posixpath.dirname(page.file.src_uri)
            target = files.get_file_from_path(posixpath.normpath(posixpath.join(source_dir, path)))
        if target is None:
            problems.append(
                spot.problem(
                    f"the link `{written}` goes to no page: docs/{path} does not exist "
                    "(links name the default-language file, e.g. `kam-role.md#watcher`)"
                )
            )
        elif anchor:
            _anchor_links.append(_AnchorLink(target, anchor, written, spot))
    return problems


def _spot(texts: Localized, language: str) -> SourceSpot:
    if isinstance(texts, LocalizedText) and language in texts.spots:
        return texts.spots[language]
    return SourceSpot("quizdata", 1, 1, "")


def _where_written(spot: SourceSpot, needle: str, text: str, root: Path) -> SourceSpot:
    """The line and column of `needle` (any case) among the YAML lines of a text that starts at `spot`
    and may run over several lines after its key; the text's own start if it cannot be found."""
    try:
        lines = (root / spot.file).read_text(encoding="utf-8").splitlines()
    except OSError:
        return spot
    last = min(len(lines), spot.line + text.count("\n") + 1)
    for number in range(spot.line, last + 1):
        column = lines[number - 1].lower().find(needle.lower())
        if column >= 0:
            return SourceSpot(spot.file, number, column + 1, spot.where)
    return spot


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
