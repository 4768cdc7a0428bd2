"""MkDocs hook: validate every quiz before the build, render quizzes into the pages that ask.

A page places a quiz with a line of its own: `<!-- quiz: kam-self-assessment -->`.
Event glue only; the work is in quizkit/ (see DESIGN.md, "Data flow of a quiz").
"""

from __future__ import annotations

import hashlib
import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from pagelang import page_language, site_languages
from quizkit.catalog import INTERFACE_FILE, QuizCatalog
from quizkit.model import Quiz
from quizkit.render import INTERFACE_KEYS, QuizRenderer
from quizkit.scoring import band_shares
from sourcekit.fields import Localized
from sourcekit.yamlsource import SourceError

log = logging.getLogger("mkdocs.hooks.quiz")

QUIZ_FOLDER = "quizdata"
ASSETS = ("assets/quiz/quiz.js", "assets/quiz/quiz.css")
MARKER = re.compile(r"^<!--\s*quiz:\s*(?P<id>\S+)\s*-->\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")

# Module state survives the per-language rebuilds and `mkdocs serve` reloads:
# the catalog re-reads a file only when it changed.
_catalog = QuizCatalog()
_quizzes: dict[str, Quiz] = {}
_interface: dict[str, Localized] = {}


# ─── Hooks ──────────────────────────────────────────────────────────────────


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # A version in the asset URLs, so a browser never mixes old and new quiz files.
    # Assigned, not appended: this runs once per language build.
    config.extra["quiz_assets_version"] = _assets_version(Path(config.theme.custom_dir or "overrides"))
    return config


def on_pre_build(config: MkDocsConfig) -> None:
    global _quizzes, _interface
    root = Path(config.config_file_path).parent
    folder = root / QUIZ_FOLDER
    languages = site_languages(config)
    try:
        _quizzes, fresh = _catalog.load_all(folder, languages, root)
        _interface = _catalog.load_interface(folder / INTERFACE_FILE, languages, INTERFACE_KEYS, root)
    except SourceError as error:
        raise PluginError(f"Quiz data has {len(error.problems)} problem(s):\n{error}") from None
    for quiz in fresh:
        _log_band_shares(quiz)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if "<!--" not in markdown:
        return markdown
    renderer = _renderer(config)
    language = page_language(page, config)
    lines = markdown.split("\n")
    front_matter_lines = _front_matter_lines(page, markdown)
    in_fence = False
    for number, line in enumerate(lines, start=1):
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else MARKER.match(line)
        if match is None:
            continue
        quiz = _quizzes.get(match["id"])
        if quiz is None:
            known = ", ".join(sorted(_quizzes)) or "none"
            raise PluginError(
                f"docs/{page.file.src_uri}:{number + front_matter_lines}: unknown quiz `{match['id']}` "
                f"(quizzes in {QUIZ_FOLDER}/: {known}); the id is the YAML file name without .yml"
            )
        lines[number - 1] = "\n" + renderer.render(quiz, language, _interface) + "\n"
        page.meta.setdefault("quiz_ids", []).append(quiz.id)  # read by overrides/main.html
    return "\n".join(lines)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # The quiz's headings structure the form; the page's table of contents lists
    # the article around it (the grid, for one, is hidden once the script runs).
    prefixes = tuple(f"quiz-{quiz_id}-" for quiz_id in page.meta.get("quiz_ids", ()))
    if prefixes:
        page.toc.items = _without_headings(page.toc.items, prefixes)
    return html


# ─── Helper functions ───────────────────────────────────────────────────────


def _front_matter_lines(page: Page, markdown: str) -> int:
    """Lines MkDocs removed from the top of the file (front matter), for editors' line numbers."""
    # MkDocs hands over the text below the front matter, otherwise unchanged.
    return max(0, len(page.file.content_string.splitlines()) - len(markdown.splitlines()))


def _without_headings(items: list[AnchorLink], id_prefixes: tuple[str, ...]) -> list[AnchorLink]:
    """The table of contents without the headings whose id starts with one of the prefixes."""
    kept = [item for item in items if not item.id.startswith(id_prefixes)]
    for item in kept:
        item.children = _without_headings(item.children, id_prefixes)
    return kept


_renderers: dict[Path, QuizRenderer] = {}


def _renderer(config: MkDocsConfig) -> QuizRenderer:
    templates = Path(config.theme.custom_dir or "overrides") / "partials"
    if templates not in _renderers:
        _renderers[templates] = QuizRenderer(templates)
    return _renderers[templates]


def _log_band_shares(quiz: Quiz) -> None:
    """Tell editors how all possible answer sets spread over the bands."""
    shares = band_shares(quiz)
    everything = sum(share.combinations for share in shares)
    parts = []
    for share in shares:
        percent = float(share.share) * 100
        note = " (hardly anyone can land here)" if share.combinations and percent < 1 else ""
        note = " (nobody can land here)" if share.combinations == 0 else note
        parts.append(f"{share.band.min}–{share.band.max}: {percent:.1f}%{note}")
    log.info(f"{quiz.source}: the {everything:,} possible answer sets spread over the bands as {'; '.join(parts)}")


def _assets_version(custom_dir: Path) -> str:
    digest = hashlib.sha256()
    for asset in ASSETS:
        path = custom_dir / asset
        if path.exists():
            digest.update(path.read_bytes())
    return digest.hexdigest()[:10]
