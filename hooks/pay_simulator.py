"""MkDocs hook: the pay simulator, placed in a page with `<!-- simulator: pay -->`.

Event glue only; data, formula and rendering are in paysim/. Data files live in
quizdata/simulators/<id>.yml and are validated once per change, before any page.
The marker becomes a placeholder comment in the Markdown, and the form is put in its
place in the finished page: the form never goes through Markdown, the search index or
the check of what editors wrote (hooks/security.py).
"""

from __future__ import annotations

import logging
import re
import secrets
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kam_guide.build.failure import fail
from kam_guide.build.languages import is_default_language_build, page_language, site_languages
from kam_guide.build.page_assets import require_assets
from kam_guide.build.placement import replace_markers
from kam_guide.build.state import build_state
from kam_guide.layout import SIMULATOR_FOLDER
from kam_guide.paysim.example import example_problems
from kam_guide.paysim.model import PaySimulator, validate
from kam_guide.paysim.render import SimulatorRenderer
from kam_guide.source.folder import ValidatedFiles
from kam_guide.source.yamlsource import Problem, SourceError

log = logging.getLogger("mkdocs.hooks.pay_simulator")

# With a key drawn when the hooks are loaded: a comment typed in a page never passes for a placeholder.
PLACEHOLDER_KEY = secrets.token_hex(12)
PLACEHOLDER = f"<!--simulator-placed {PLACEHOLDER_KEY} {{}}-->"
PLACEHOLDER_IN_HTML = re.compile(rf"<!--simulator-placed {PLACEHOLDER_KEY} (?P<id>[a-z0-9-]+)-->")

# A cache, not state: each file is validated again only when it changed (every language of a
# build and every rebuild of `mkdocs serve` share it).
_files = ValidatedFiles(validate)


# ─── Hooks ──────────────────────────────────────────────────────────────────


def on_pre_build(*, config: MkDocsConfig) -> None:
    root = Path(config.config_file_path).parent
    try:
        simulators, _ = _files.load_folder(root / SIMULATOR_FOLDER, site_languages(config), root)
    except SourceError as error:
        fail("Simulator data", error.problems, log)
    build_state(config).simulators = {simulator.id: simulator for simulator in simulators}


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = build_state(config)
    markdown, placed = replace_markers(markdown, config, "simulator", state.simulators, PLACEHOLDER.format)
    if placed:
        state.page(page).placed["simulator"] = placed
        require_assets(page, config, "simulator")
        if is_default_language_build(config):  # every language version is checked then, once
            languages = site_languages(config)
            problems = [
                problem
                for simulator_id in placed
                for problem in _worked_examples(state.simulators[simulator_id], page, config, languages)
            ]
            if problems:
                fail("The worked example", problems, log)
    return markdown


def on_post_page(output: str, /, *, page: Page, config: MkDocsConfig) -> str:
    state = build_state(config)
    if not state.page(page).placed.get("simulator"):
        return output
    renderer = SimulatorRenderer(Path(config.theme.custom_dir or "overrides") / "components")
    language = page_language(page, config)
    return PLACEHOLDER_IN_HTML.sub(lambda match: renderer.render(state.simulators[match["id"]], language), output)


# ─── Helpers ────────────────────────────────────────────────────────────────


def _worked_examples(simulator: PaySimulator, page: Page, config: MkDocsConfig, languages: list[str]) -> list[Problem]:
    """Every language version of the page states the simulator's starting figures as its worked example.

    The two must not drift apart. Checked in the first build, before any page is written, on the page
    texts the content check read (kept in the build's state).
    """
    versions = build_state(config).read_pages().pages.get(page.file.src_uri.removesuffix(".md"), {})
    problems = []
    for language in languages:
        source = versions.get(language)
        if source is not None and source.readable:
            problems += example_problems(simulator, source.text, source.path, language)
    return problems
