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
from sourcekit.yamlsource import Problem, SourceError, load

SIMULATOR_FOLDER = "quizdata/simulators"

# Survives the per-language rebuilds and `mkdocs serve` reloads.
_cache: dict[tuple[Path, int, tuple[str, ...]], PaySimulator] = {}
_simulators: dict[str, PaySimulator] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    global _simulators
    root = Path(config.config_file_path).parent
    languages = tuple(site_languages(config))
    simulators: dict[str, PaySimulator] = {}
    problems: list[Problem] = []
    for path in sorted((root / SIMULATOR_FOLDER).glob("*.yml")):
        key = (path, path.stat().st_mtime_ns, languages)
        try:
            if key not in _cache:
                text = path.read_text(encoding="utf-8")
                _cache[key] = validate(load(text, str(path.relative_to(root))), languages)
        except SourceError as error:
            problems.extend(error.problems)
            continue
        simulators[_cache[key].id] = _cache[key]
    if problems:
        details = "\n".join(str(problem) for problem in problems)
        raise PluginError(f"Simulator data has {len(problems)} problem(s):\n{details}")
    _simulators = simulators


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
