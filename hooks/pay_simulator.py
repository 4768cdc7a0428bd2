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
from pathlib import Path

from buildlog import fail
from markers import MARKER_FOLDERS, replace_markers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from pageassets import require_assets

from pagelang import page_language, site_languages
from paysim.example import example_problems
from paysim.model import PaySimulator, validate
from paysim.render import SimulatorRenderer
from sourcekit.folder import ValidatedFiles
from sourcekit.yamlsource import SourceError

log = logging.getLogger("mkdocs.hooks.pay_simulator")

SIMULATOR_FOLDER = MARKER_FOLDERS["simulator"]

PLACEHOLDER = "<!--simulator-placed {}-->"
PLACEHOLDER_IN_HTML = re.compile(r"<!--simulator-placed (?P<id>[a-z0-9-]+)-->")

_files = ValidatedFiles(validate)  # cached per file change: survives language rebuilds and serve
_simulators: dict[str, PaySimulator] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    global _simulators
    root = Path(config.config_file_path).parent
    try:
        simulators, _ = _files.load_folder(root / SIMULATOR_FOLDER, site_languages(config), root)
    except SourceError as error:
        fail("Simulator data", error.problems, log)
    _simulators = {simulator.id: simulator for simulator in simulators}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = page_language(page, config)
    original = markdown
    markdown, placed = replace_markers(markdown, config, "simulator", _simulators, PLACEHOLDER.format)
    if placed:
        page.meta["simulator_ids"] = placed
        require_assets(page, config, "simulator")
        # The page writes out the simulator's starting figures as its worked example:
        # the two must not drift apart.
        problems = [
            problem
            for simulator_id in placed
            for problem in example_problems(_simulators[simulator_id], original, f"docs/{page.file.src_uri}", language)
        ]
        if problems:
            fail("The worked example", problems, log)
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not page.meta.get("simulator_ids"):
        return output
    renderer = SimulatorRenderer(Path(config.theme.custom_dir or "overrides") / "partials")
    language = page_language(page, config)
    return PLACEHOLDER_IN_HTML.sub(lambda match: renderer.render(_simulators[match["id"]], language), output)
