"""Ask for a page-specific script and stylesheet: overrides/main.html loads them on that page only.

An asset named `quiz` is overrides/assets/quiz/quiz.js and quiz.css. Its URL carries
a hash of the files, so a browser never mixes an old script with a new page.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_versions: dict[tuple[Path, int, int], str] = {}


def require_assets(page: Page, config: MkDocsConfig, name: str) -> None:
    folder = Path(config.theme.custom_dir or "overrides") / "assets" / name
    requested = page.meta.setdefault("page_assets", [])
    if any(asset["name"] == name for asset in requested):
        return
    requested.append({"name": name, "version": _version(folder / f"{name}.js", folder / f"{name}.css")})


def _version(script: Path, stylesheet: Path) -> str:
    key = (script, script.stat().st_mtime_ns, stylesheet.stat().st_mtime_ns)
    if key not in _versions:
        digest = hashlib.sha256(script.read_bytes() + stylesheet.read_bytes()).hexdigest()[:10]
        _versions[key] = digest
    return _versions[key]
