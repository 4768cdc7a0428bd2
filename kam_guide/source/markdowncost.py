"""Markdown an editor writes must convert in time proportional to its length.

Python-Markdown reads some constructs by scanning ahead from where they open to where they
close, or to the end of the paragraph when they never do: from each `[` to its `]`, from
each `(` of a link to its `)`, from each `<` to a `>` (its raw-HTML reader), from each run
of backticks to the next run of the same length. A paragraph of 20,000 unclosed `[`, `<a`
or `[a](` takes minutes. Before Markdown runs, the content check adds up those scans in one
pass and refuses a text that would cost far more than any real page does.
"""

from __future__ import annotations

import re

# Characters Markdown may scan ahead in one text, beyond twice its length (what closed constructs cost).
# The site's longest page scans under 2,000; 200,000 take a fraction of a second.
MAX_LOOKAHEAD = 200_000
# Marks per paragraph (brackets, `<`, `&`, backtick and emphasis runs, line ends): each may become an
# element, and Python-Markdown's cost grows with the square of a paragraph's elements (33,000 links
# `[a](b)` take 17 s, 50,000 `*a` a minute). The site's busiest paragraph has 50.
MAX_MARKS = 2_000
TOKEN = re.compile(r"\n[ \t]*\n|[\[\]()<>&\n]|`+|[*_]+")
CLOSER_OF = {"]": "[", ")": "("}


def costly_markup(text: str) -> int | None:
    """Offset of the first construct left open where reading `text` becomes too costly, or None."""
    return _scan(text, MAX_LOOKAHEAD + 2 * len(text))[1]


def lookahead(text: str) -> int:
    """How many characters Markdown would scan ahead in `text`: what the limit is measured against."""
    return _scan(text, None)[0]


def _scan(text: str, limit: int | None) -> tuple[int, int | None]:
    scanned = 0
    opened: dict[str, list[int]] = {"[": [], "(": [], "<": []}
    backticks: dict[int, int] = {}  # run length → offset of the open run
    first: int | None = None  # the first construct opened in this paragraph: where a problem is reported
    marks = 0
    paragraph = 0  # where the paragraph starts: reported when it opens nothing
    for match in TOKEN.finditer(text):
        mark, here = match.group(), match.start()
        if first is None and mark[0] in "[(<`*_&":
            first = here
        marks += 1
        if limit is not None and marks > MAX_MARKS:
            return scanned, first if first is not None else paragraph
        if mark in opened:
            opened[mark].append(here)
        elif mark == ">":  # every `<` still open reads up to the first `>`
            scanned += sum(here - start for start in opened["<"])
            opened["<"].clear()
        elif mark in CLOSER_OF:
            starts = opened[CLOSER_OF[mark]]
            if starts:
                scanned += here - starts.pop()
        elif mark[0] == "`":
            if len(mark) in backticks:
                scanned += here - backticks.pop(len(mark))
            else:
                backticks[len(mark)] = here
        elif len(mark) > 1 and mark[0] == "\n":  # a blank line ends the paragraph: what is open was read to here
            scanned += _read_to(here, opened, backticks)
        if limit is not None and scanned > limit:
            return scanned, first if first is not None else paragraph
        if len(mark) > 1 and mark[0] == "\n":
            first, marks, paragraph = None, 0, match.end()
    scanned += _read_to(len(text), opened, backticks)
    over = limit is not None and scanned > limit
    return scanned, (first if first is not None else paragraph) if over else None


def _read_to(end: int, opened: dict[str, list[int]], backticks: dict[int, int]) -> int:
    scanned = sum(end - start for starts in opened.values() for start in starts)
    scanned += sum(end - start for start in backticks.values())
    for starts in opened.values():
        starts.clear()
    backticks.clear()
    return scanned


def costly_markup_advice() -> str:
    return (
        "Markdown would take minutes to convert this paragraph: it reads ahead from each `[`, `(`, `<` and run "
        f"of backticks to where it closes, and this one leaves too many open, or holds more than {MAX_MARKS:,} "
        "links, tags, emphasis marks and line ends: close what you open (`]`, `)`, `>`, as many "
        "backticks), write `\\[`, `\\(`, `&lt;` or `\\*` for a character shown as text, or split the paragraph"
    )
