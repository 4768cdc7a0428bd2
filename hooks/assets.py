"""MkDocs hook: ship the site's own scripts and stylesheets minified.

The sources in overrides/assets/ keep their comments and long names for whoever changes
them; readers download them minified: scripts by calmjs.parse (an ES5 parser whose printer
drops comments and spaces and shortens local names: kam_guide/build/minified.py), stylesheets
by rcssmin. Scripts are therefore written in ES5 syntax (`var`, `function`), which every
supported browser runs.
Page assets are also loaded only where used: kam_guide/build/page_assets.py records what a page asks
for, and `on_page_context` hands it to overrides/main.html as `page_assets`.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

import rcssmin
from calmjs.parse.exceptions import ECMASyntaxError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kam_guide.build.minified import minify_script
from kam_guide.build.state import page_state

log = logging.getLogger("mkdocs.hooks.assets")

# Minified text by source digest: kept in memory (`mkdocs serve` keeps the module) and on disk, in the
# system's temporary folder, so a new `mkdocs build` does not parse unchanged scripts again (0.4 s).
_minified: dict[str, str] = {}
CACHE = Path(tempfile.gettempdir()) / "kam-guide-minified"
MINIFIER_VERSIONS = f"calmjs.parse {version('calmjs.parse')}, rcssmin {version('rcssmin')}"


MINIFIERS: dict[str, Callable[[str], str]] = {".js": minify_script, ".css": rcssmin.cssmin}


# ─── Hooks ──────────────────────────────────────────────────────────────────


def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    context["page_assets"] = list(page_state(page, config).assets)  # type: ignore[typeddict-unknown-key]
    return context


def on_post_build(*, config: MkDocsConfig) -> None:
    sources = Path(config.theme.custom_dir or "overrides") / "assets"
    built = Path(config.site_dir) / "assets"
    for source in sorted(sources.rglob("*")):
        minify = MINIFIERS.get(source.suffix)
        target = built / source.relative_to(sources)
        if minify is None or not target.is_file():
            continue  # a language built into a sub-folder uses the root's assets
        text = source.read_text(encoding="utf-8")
        target.write_text(_cached(text, source, minify), encoding="utf-8")


# ─── Helpers ────────────────────────────────────────────────────────────────


def _cached(text: str, source: Path, minify: Callable[[str], str]) -> str:
    digest = hashlib.sha256(f"{MINIFIER_VERSIONS}\0{source.suffix}\0{text}".encode()).hexdigest()
    if digest in _minified:
        return _minified[digest]
    stored = CACHE / digest
    try:
        _minified[digest] = stored.read_text(encoding="utf-8")
        return _minified[digest]
    except OSError:
        pass
    try:
        _minified[digest] = minify(text)
    except ECMASyntaxError as error:
        raise PluginError(f"{source}: cannot minify this script ({error}); write it in ES5 syntax") from None
    try:
        CACHE.mkdir(exist_ok=True)
        partial = CACHE / f"{digest}.{os.getpid()}"
        partial.write_text(_minified[digest], encoding="utf-8")
        partial.replace(stored)  # atomic: parallel builds never read half a file
    except OSError:
        log.debug("cannot cache minified %s in %s", source, CACHE)
    return _minified[digest]
