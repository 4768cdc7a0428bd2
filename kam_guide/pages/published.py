"""What docs/ may publish: a short list of file types, and SVG images that cannot run anything.

Why: MkDocs copies every file of docs/ that is not a page to the site as it is, and the site's
own address is where readers' saved data lives (answers, the team table's assessments). A file
that a browser runs when it is opened (HTML, XHTML, XML with an XHTML script, `.xht`, `.shtml`,
an SVG with a script…) would run with the rights of the site, outside the Content-Security-Policy,
which is a `<meta>` of our pages only. A list of refused extensions always misses one, so this
module names the few types the site needs and refuses every other file.

Of the types allowed, only SVG can carry active content: kam_guide/pages/svgcheck.py reads it.

Not checked, on purpose: PDF files open in the browser's PDF viewer, which runs a PDF's scripts in
its own sandbox, never on the site's pages; CSV and text files are served as text; PNG, JPEG, GIF,
WebP and AVIF are decoded as pictures, never run.
"""

from __future__ import annotations

from pathlib import Path

from kam_guide.source.yamlsource import Problem

# What the site needs, and nothing a browser runs. Not `.ico`: the favicon is the theme's (overrides/assets/).
PUBLISHED_TYPES = (
    ".md",  # pages (MkDocs renders them; the content check reads them)
    *(".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif"),  # pictures, decoded, never run
    ".svg",  # drawings: checked by svgcheck.py, as an SVG opened on its own is a document that can run scripts
    ".pdf",  # documents to download
    ".csv",  # tables to download, e.g. a team table to import
    ".txt",  # plain text, e.g. robots.txt
)
_ALLOWED = (
    f"docs/ publishes pages, images, PDF, CSV and text files only ({', '.join(PUBLISHED_TYPES)}): "
    "remove this file, or put it on another site and link to it"
)


def published_file_problems(path: Path, shown: str) -> list[Problem]:
    """Problems of one file of docs/ (`shown` is its name in messages); pages are read elsewhere."""
    suffix = path.suffix.lower()
    if suffix not in PUBLISHED_TYPES:
        kind = f"`{suffix}` files are" if suffix else "a file without an extension is"
        return [Problem(shown, 1, 1, f"{kind} not published: {_ALLOWED}")]
    if suffix == ".md" and path.suffix != ".md":
        return [
            Problem(shown, 1, 1, f"MkDocs reads a page only from a name ending in `.md`: rename it to {path.stem}.md")
        ]
    if suffix == ".svg":
        # The XML reader is loaded only for a site with drawings: it costs a build 6 ms of imports.
        from .svgcheck import svg_problems

        return svg_problems(path, shown)
    return []
