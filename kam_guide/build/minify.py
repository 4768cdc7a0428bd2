"""The site's own scripts and stylesheets, minified: scripts by calmjs.parse (an ES5 parser whose
printer drops comments and spaces and shortens local names), stylesheets by rcssmin. No MkDocs imports.

Scripts are therefore written in ES5 syntax (`var`, `function`), which every supported browser runs.
A syntax error names the file and what to do, and stops the build (`MinifyError`).
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

log = logging.getLogger("mkdocs.hooks.assets")


class MinifyError(Exception):
    """A script the minifier cannot read."""


# Minified text by source digest: kept in memory (`mkdocs serve` keeps the module) and on disk, in the
# system's temporary folder, so a new `mkdocs build` does not parse unchanged scripts again (0.4 s).
_minified: dict[str, str] = {}
CACHE = Path(tempfile.gettempdir()) / "kam-guide-minified"
MINIFIER_VERSIONS = f"calmjs.parse {version('calmjs.parse')}, rcssmin {version('rcssmin')}"


def minify_script(source: str) -> str:
    # Loaded on the first script not in the cache: most builds find every script there, and the
    # parser's import costs each build process 7 ms.
    from calmjs.parse import es5
    from calmjs.parse.exceptions import ECMASyntaxError
    from calmjs.parse.unparsers.es5 import minify_print

    try:
        return minify_print(es5(source), obfuscate=True, obfuscate_globals=False)
    except ECMASyntaxError as error:
        raise MinifyError(str(error)) from None


MINIFIERS: dict[str, Callable[[str], str]] = {".js": minify_script, ".css": rcssmin.cssmin}


def minified(source: Path) -> str | None:
    """The minified text of a script or stylesheet (cached by its content), or None for another file."""
    minify = MINIFIERS.get(source.suffix)
    if minify is None:
        return None
    return _cached(source.read_text(encoding="utf-8"), source, minify)


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
    except MinifyError as error:
        raise MinifyError(f"{source}: cannot minify this script ({error}); write it in ES5 syntax") from None
    try:
        CACHE.mkdir(exist_ok=True)
        partial = CACHE / f"{digest}.{os.getpid()}"
        partial.write_text(_minified[digest], encoding="utf-8")
        partial.replace(stored)  # atomic: parallel builds never read half a file
    except OSError:
        log.debug("cannot cache minified %s in %s", source, CACHE)
    return _minified[digest]
