"""Replace `<!-- kind: id -->` markers in a page's Markdown; shared by the quiz and simulator hooks.

Markers are found as the page's Markdown sees them (kam_guide.pages.markers); hooks/content_check.py
has already stopped the build on any marker that is misspelt, misplaced or unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from mkdocs.config.defaults import MkDocsConfig

from kam_guide.build.site_markdown import site_markdown
from kam_guide.layout import MARKER_FOLDERS
from kam_guide.pages.markers import find_markers


def replace_markers(
    markdown: str,
    config: MkDocsConfig,
    kind: str,
    known: Collection[str],
    render: Callable[[str], str],
) -> tuple[str, list[str]]:
    """Replace each `<!-- kind: id -->` line by `render(id)`; return the text and the ids placed."""
    if f"{kind}:" not in markdown:  # most pages: no marker, no Markdown pass
        return markdown, []
    lines = markdown.split("\n")
    placed: list[str] = []
    # All kinds, as the content check looked for them: the same question, answered once.
    for sighting in find_markers(markdown, list(MARKER_FOLDERS), site_markdown(config)):
        if sighting.kind == kind and sighting.placed and sighting.id in known and sighting.id not in placed:
            lines[sighting.line - 1] = "\n" + render(sighting.id) + "\n"
            placed.append(sighting.id)
    return "\n".join(lines), placed
