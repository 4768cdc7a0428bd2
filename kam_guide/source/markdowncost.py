"""Markdown an editor writes must convert in time proportional to its length.

Python-Markdown reads some constructs by scanning ahead from where they open to where they
close, or to the end of the paragraph when they never do: from each `[` to its `]`, from
each `(` of a link to its `)`, from each `<` to a `>` (its raw-HTML reader), from each run
of backticks to the next run of the same length. A paragraph of 20,000 unclosed `[`, `<a`
or `[a](` takes minutes. Before Markdown runs, the content check adds up those scans in one
pass and refuses a text that would cost far more than any real page does.
"""

from __future__ import annotations

import itertools
import re

# Characters Markdown may scan ahead in one text, beyond twice its length (what closed constructs cost).
# The site's longest page scans under 2,000; 200,000 take a fraction of a second.
MAX_LOOKAHEAD = 200_000
# Marks per paragraph (brackets, `<`, `&`, backtick and emphasis runs, line ends): each may become an
# element, and Python-Markdown's cost grows with the square of a paragraph's elements (33,000 links
# `[a](b)` take 17 s, 50,000 `*a` a minute). The site's busiest paragraph has 50.
MAX_MARKS = 2_000
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
MARK = re.compile(r"[\[\]()<>&\n]|`+|[*_]+")  # what may become an element (a blank line counts as one too)
SCAN = re.compile(r"[\[\]()<>]|`+")  # what Markdown reads ahead from, or closes
FIRST_CONSTRUCT = re.compile(r"[\[(<`*_&]")
CLOSER_OF = {"]": "[", ")": "("}


def costly_markup(text: str) -> int | None:
    """Offset of the first construct left open where reading `text` becomes too costly, or None."""
    limit = MAX_LOOKAHEAD + 2 * len(text)
    if _within_bounds(text, limit):
        return None  # most texts: far from either limit, told by counting characters
    return _scan(text, limit)[1]


def _within_bounds(text: str, limit: int) -> bool:
    """Whether `text` is surely cheap: each construct that reads ahead reads at most to the end of its
    paragraph, so openers × length, paragraph by paragraph, bounds what `_scan` would count; and a
    paragraph shorter than MAX_MARKS characters cannot hold too many marks. Counting characters is a
    fraction of walking the constructs; a text over either bound is walked."""
    bound = 0
    for paragraph in PARAGRAPH_BREAK.split(text):
        if len(paragraph) >= MAX_MARKS and len(MARK.findall(paragraph)) >= MAX_MARKS:
            return False
        openers = paragraph.count("[") + paragraph.count("(") + paragraph.count("<") + paragraph.count("`")
        bound += openers * len(paragraph)
        if bound > limit:
            return False
    return True


def lookahead(text: str) -> int:
    """How many characters Markdown would scan ahead in `text`: what the limit is measured against."""
    return _scan(text, None)[0]


def _scan(text: str, limit: int | None) -> tuple[int, int | None]:
    """Characters scanned ahead, and where reading becomes too costly (None if it does not, or no limit).

    Paragraph by paragraph: marks are counted by the regex engine, and only the constructs that scan
    ahead (`[`, `(`, `<`, their closers, backtick runs) are walked in Python; every page is checked
    before every build, and most of its marks are line ends and emphasis.
    """
    scanned = 0
    opened: dict[str, list[int]] = {"[": [], "(": [], "<": []}
    backticks: dict[int, int] = {}  # run length → offset of the open run
    paragraph = 0  # where the paragraph starts
    for blank in [*PARAGRAPH_BREAK.finditer(text), None]:
        end = blank.start() if blank else len(text)
        # Where the paragraph holds one mark too many (its blank line counts as one): reading stops there.
        too_many = _mark_over_the_limit(text, paragraph, end, blank is not None) if limit is not None else None
        for match in SCAN.finditer(text, paragraph, end if too_many is None else too_many):
            mark, here = match.group(), match.start()
            if mark in opened:
                opened[mark].append(here)
            elif mark == ">":  # every `<` still open reads up to the first `>`
                scanned += sum(here - start for start in opened["<"])
                opened["<"].clear()
            elif mark in CLOSER_OF:
                starts = opened[CLOSER_OF[mark]]
                if starts:
                    scanned += here - starts.pop()
            elif len(mark) in backticks:
                scanned += here - backticks.pop(len(mark))
            else:
                backticks[len(mark)] = here
            if limit is not None and scanned > limit:
                return scanned, _first_construct(text, paragraph, here)
        if too_many is not None:
            return scanned, _first_construct(text, paragraph, too_many)
        if blank is None:
            break
        scanned += _read_to(end, opened, backticks)  # a blank line ends the paragraph: what is open was read to here
        if limit is not None and scanned > limit:
            return scanned, _first_construct(text, paragraph, end)
        paragraph = blank.end()
    scanned += _read_to(len(text), opened, backticks)
    over = limit is not None and scanned > limit
    return scanned, _first_construct(text, paragraph, len(text)) if over else None


def _mark_over_the_limit(text: str, start: int, end: int, ends_with_blank: bool) -> int | None:
    """Offset of the paragraph's mark number MAX_MARKS + 1 (its blank line, at `end`, counts), or None."""
    if end - start < MAX_MARKS:
        return None  # a mark is at least one character: most paragraphs are not counted at all
    over = next(itertools.islice(MARK.finditer(text, start, end), MAX_MARKS, None), None)
    if over is not None:
        return over.start()
    if ends_with_blank and len(MARK.findall(text, start, end)) == MAX_MARKS:
        return end
    return None


def _first_construct(text: str, paragraph: int, here: int) -> int:
    """The first construct opened in the paragraph up to `here` (where a problem is reported), else its start."""
    found = FIRST_CONSTRUCT.search(text, paragraph, here + 1)
    return found.start() if found else paragraph


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
