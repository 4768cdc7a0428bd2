"""Ask for a page-specific script and stylesheet: overrides/main.html loads them on that page only.

An asset named `quiz` is overrides/assets/quiz/quiz.js and, if it exists, quiz.css. Its
URL carries a hash of the files, so a browser never mixes an old script with a new page.
Assets load in the order they are asked for (the team table's script after the quiz's).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_versions: dict[tuple[Path | int, ...], str] = {}


def require_assets(page: Page, config: MkDocsConfig, name: str) -> None:
    folder = Path(config.theme.custom_dir or "overrides") / "assets" / name
    requested = page.meta.setdefault("page_assets", [])
    if any(asset["name"] == name for asset in requested):
        return
    stylesheet = folder / f"{name}.css"
    requested.append(
        {
            "name": name,
            "version": _version(folder / f"{name}.js", stylesheet),
            "stylesheet": stylesheet.is_file(),
        }
    )


def _version(script: Path, stylesheet: Path) -> str:
    files = [path for path in (script, stylesheet) if path.is_file()]
    key: tuple[Path | int, ...] = (script, *(path.stat().st_mtime_ns for path in files))
    if key not in _versions:
        _versions[key] = hashlib.sha256(b"".join(path.read_bytes() for path in files)).hexdigest()[:10]
    return _versions[key]
