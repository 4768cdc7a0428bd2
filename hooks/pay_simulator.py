"""MkDocs hook: the pay simulator, placed in a page with `<!-- simulator: pay -->`.

Event glue only; data, formula and rendering are in paysim/. Data files live in
quizdata/simulators/<id>.yml and are validated once per change, before any page.
"""

from __future__ import annotations

from pathlib import Path

from markers import replace_markers
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from pageassets import require_assets

from pagelang import page_language, site_languages
from paysim.model import PaySimulator, validate
from paysim.render import SimulatorRenderer
from sourcekit.folder import ValidatedFiles
from sourcekit.yamlsource import SourceError

SIMULATOR_FOLDER = "quizdata/simulators"

_files = ValidatedFiles(validate)  # cached per file change: survives language rebuilds and serve
_simulators: dict[str, PaySimulator] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    global _simulators
    root = Path(config.config_file_path).parent
    try:
        simulators, _ = _files.load_folder(root / SIMULATOR_FOLDER, site_languages(config), root)
    except SourceError as error:
        raise PluginError(f"Simulator data has {len(error.problems)} problem(s):\n{error}") from None
    _simulators = {simulator.id: simulator for simulator in simulators}


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    renderer = SimulatorRenderer(Path(config.theme.custom_dir or "overrides") / "partials")
    language = page_language(page, config)
    markdown, placed = replace_markers(
        markdown,
        page,
        "simulator",
        _simulators,
        lambda simulator_id: renderer.render(_simulators[simulator_id], language),
        where_defined=f"simulators in {SIMULATOR_FOLDER}/",
    )
    if placed:
        require_assets(page, config, "simulator")
    return markdown
