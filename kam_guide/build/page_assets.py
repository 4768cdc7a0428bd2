"""Ask for a page-specific script and stylesheet: overrides/main.html loads them on that page only.

An asset named `quiz` is overrides/assets/quiz/quiz.js and, if it exists, quiz.css. Its
URL carries a hash of every file of its folder (the team table's tools, which team.js loads on
first use, carry the same), so a browser never mixes an old script with a new page.
Assets load in the order they are asked for (the team table's script after the quiz's).
The request is kept in the page's build state (build/state.py); hooks/assets.py hands it to
the template.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from kam_guide.build.state import PageAsset, page_state

_versions: dict[tuple[Path | int, ...], str] = {}


def require_assets(page: Page, config: MkDocsConfig, name: str) -> None:
    requested = page_state(page, config).assets
    if any(asset.name == name for asset in requested):
        return
    folder = Path(config.theme.custom_dir or "overrides") / "assets" / name
    stylesheet = folder / f"{name}.css"
    requested.append(
        PageAsset(
            name=name,
            script=f"assets/{name}/{name}.js",
            stylesheet=f"assets/{name}/{name}.css" if stylesheet.is_file() else None,
            version=_version(folder),
        )
    )


def _version(folder: Path) -> str:
    files = sorted(path for path in folder.iterdir() if path.is_file())
    key: tuple[Path | int, ...] = (folder, *(path.stat().st_mtime_ns for path in files))
    if key not in _versions:
        digest = hashlib.sha256()
        for path in files:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        _versions[key] = digest.hexdigest()[:10]
    return _versions[key]
