"""MkDocs hook: ship the site's own scripts and stylesheets minified.

The sources in overrides/assets/ keep their comments and long names for whoever changes
them; readers download them minified: scripts by calmjs.parse (an ES5 parser whose printer
drops comments and spaces and shortens local names), stylesheets by rcssmin. Scripts are
therefore written in ES5 syntax (`var`, `function`), which every supported browser runs.
Page assets are also loaded only where used: see hooks/pageassets.py.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from pathlib import Path

import rcssmin
from calmjs.parse import es5
from calmjs.parse.exceptions import ECMASyntaxError
from calmjs.parse.unparsers.es5 import minify_print
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.assets")

# Minified text by source digest: `mkdocs serve` keeps the module, so unchanged sources cost nothing.
_minified: dict[str, str] = {}


def minify_script(source: str) -> str:
    return minify_print(es5(source), obfuscate=True, obfuscate_globals=False)


MINIFIERS: dict[str, Callable[[str], str]] = {".js": minify_script, ".css": rcssmin.cssmin}


def on_post_build(config: MkDocsConfig) -> None:
    sources = Path(config.theme.custom_dir or "overrides") / "assets"
    built = Path(config.site_dir) / "assets"
    for source in sorted(sources.rglob("*")):
        minify = MINIFIERS.get(source.suffix)
        target = built / source.relative_to(sources)
        if minify is None or not target.is_file():
            continue  # a language built into a sub-folder uses the root's assets
        text = source.read_text(encoding="utf-8")
        digest = hashlib.sha256(f"{source.suffix}\0{text}".encode()).hexdigest()
        if digest not in _minified:
            try:
                _minified[digest] = minify(text)
            except ECMASyntaxError as error:
                raise PluginError(f"{source}: cannot minify this script ({error}); write it in ES5 syntax") from None
        target.write_text(_minified[digest], encoding="utf-8")
