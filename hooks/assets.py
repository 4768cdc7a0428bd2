"""MkDocs hook: ship the site's own scripts and stylesheets minified.

The sources in overrides/assets/ keep their comments for whoever changes them;
readers download them without (rjsmin and rcssmin, which only drop comments and
spaces). Page assets are also loaded only where used: see hooks/pageassets.py.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.config.defaults import MkDocsConfig

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def on_post_build(config: MkDocsConfig) -> None:
    sources = Path(config.theme.custom_dir or "overrides") / "assets"
    built = Path(config.site_dir) / "assets"
    for source in sources.rglob("*"):
        minify = MINIFIERS.get(source.suffix)
        target = built / source.relative_to(sources)
        if minify is not None and target.is_file():
            # From the source, not the copy: a second language build must not minify twice.
            target.write_text(minify(source.read_text(encoding="utf-8")), encoding="utf-8")
