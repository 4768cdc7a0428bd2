"""Find `<!-- name: id -->` lines in a page's Markdown and replace them, outside code blocks.

Shared by the quiz and the pay simulator hooks. Unknown ids stop the build with the
page and line an editor needs (counted in the file, front matter included).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

FENCE = re.compile(r"^\s*(```|~~~)")


def replace_markers(
    markdown: str,
    page: Page,
    name: str,
    known: Collection[str],
    render: Callable[[str], str],
    where_defined: str,
) -> tuple[str, list[str]]:
    """Replace each `<!-- name: id -->` line by `render(id)`; return the text and the ids placed."""
    if f"{name}:" not in markdown:  # most pages: no marker, no line-by-line scan
        return markdown, []
    marker = re.compile(rf"^<!--\s*{re.escape(name)}:\s*(?P<id>\S+)\s*-->\s*$")
    lines = markdown.split("\n")
    placed: list[str] = []
    in_fence = False
    for index, line in enumerate(lines):
        if FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else marker.match(line)
        if match is None:
            continue
        if match["id"] not in known:
            number = index + 1 + _front_matter_lines(page, markdown)
            choices = ", ".join(sorted(known)) or "none"
            raise PluginError(
                f"docs/{page.file.src_uri}:{number}: unknown {name} `{match['id']}` "
                f"({where_defined}: {choices}); the id is the YAML file name without .yml"
            )
        lines[index] = "\n" + render(match["id"]) + "\n"
        placed.append(match["id"])
    return "\n".join(lines), placed


def _front_matter_lines(page: Page, markdown: str) -> int:
    """Lines MkDocs removed from the top of the file (front matter), for editors' line numbers."""
    # MkDocs hands over the text below the front matter, otherwise unchanged.
    return max(0, len(page.file.content_string.splitlines()) - len(markdown.splitlines()))
