"""Find placement markers (`<!-- quiz: id -->`) the way the page's Markdown sees them.

A marker is an HTML comment. Whether Markdown takes a given comment as HTML, as text in
a code span or code block, as part of a paragraph, or inside a list or admonition,
depends on fences, indentation and code spans that only the Markdown parser decides.
So each candidate comment is replaced by a token comment (`<!--marker-7-->`) and the
page is converted with the site's own Markdown: a token that comes out as a comment at
the top level of the document stands on its own; one that comes out as text was code;
one inside an element was in a paragraph, a list or an admonition.

Most pages need no such pass: a marker spelt right, alone on its line between blank lines,
with nothing above it that could hold it (a code fence, a raw HTML block) can only be a block
of its own at the top level. When every candidate of a page is of that kind, the text alone
decides (`_placed_by_text`), and MkDocs' own conversion is the page's only one; a random test
holds this shortcut to the conversion it skips.
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import markdown

from kam_guide.source.markup import VOID_ELEMENTS

# `quiz: id`, `QUIZ: id`, `quizz : id`, `quiz` … (a name, then a colon or nothing else).
CANDIDATE = re.compile(r"^\s*(?P<name>[A-Za-z][\w-]*)\s*(?:(?P<colon>[:=])\s*(?P<id>.*?)\s*)?$", re.DOTALL)
TOKEN = "marker-{}"
# What may open something that holds the lines after it, blank ones included: a code fence (at any
# indent, as in a list or a quote), or an HTML tag anywhere (an element left open holds what follows).
# Comments hold nothing: one that does not close has no marker after it (see `comments`).
CONTAINER_OPENING = re.compile(r"^[ \t>]*(?:```|~~~)|<(?!!--)", re.MULTILINE)
# A definition (`: …`) below: Markdown makes the block above it its term, looking past blank lines,
# footnotes and abbreviations; any definition below leaves the question to the conversion.
DEFINITION = re.compile(r"^ {0,3}:", re.MULTILINE)


@dataclass(frozen=True)
class Sighting:
    """A comment that is, or looks like, a marker of one of the known kinds."""

    line: int  # 1-based, in the text scanned
    column: int
    written: str  # the comment as typed
    kind: str  # the marker kind it is or resembles, e.g. "quiz"
    id: str  # "" when none is given
    spelt_right: bool  # the kind's name exactly, then a colon: `quiz:`
    one_line: bool
    indented: bool  # spaces or tabs before it on its line
    alone_on_line: bool  # nothing but spaces before and after it on its line
    standalone: bool  # Markdown takes it as a block of its own at the top level
    in_code: bool  # Markdown shows it as text (a code example): not a marker at all

    @property
    def placed(self) -> bool:
        """Spelt and placed as a marker must be: the page shows what it names, here."""
        return (
            self.spelt_right
            and bool(self.id)
            and self.one_line
            and not self.indented
            and self.alone_on_line
            and self.standalone
            and not self.in_code
        )


def find_markers(text: str, kinds: Collection[str], convert: Callable[[str], str]) -> list[Sighting]:
    """Every comment in `text` that is or resembles a marker of `kinds`, code examples included."""
    # MkDocs hands hooks the text without its final newline; the file read has it.
    return list(_find_markers(text.rstrip(), tuple(kinds), convert))


@dataclass(frozen=True)
class Comment:
    start: int
    end: int
    body: str


def comments(text: str) -> Iterator[Comment]:
    """Every `<!-- … -->` of `text`, in order. String search, not `<!--(.*?)-->`: from each of a
    million `<!--` never closed, the pattern would read to the end of the text."""
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            return  # no later comment closes either
        yield Comment(start, end + 3, text[start + 4 : end])
        start = text.find("<!--", end + 3)


# The content check and the hooks that place markers look at the same page text: the
# Markdown pass is made once per text (a build has a few pages with markers).
@functools.lru_cache(maxsize=64)
def _find_markers(text: str, kinds: tuple[str, ...], convert: Callable[[str], str]) -> tuple[Sighting, ...]:
    candidates = _candidates(text, kinds)
    places = _places(text, candidates)
    if _placed_by_text(text, candidates, places):
        return _sightings(text, candidates, places, [0] * len(candidates))
    return _sightings(text, candidates, places, _converted_depths(text, candidates, convert))


def _candidates(text: str, kinds: Collection[str]) -> list[tuple[Comment, str]]:
    """The comments of `text` that are or resemble a marker, each with the kind it resembles."""
    candidates = []
    for comment in comments(text):
        kind = _resembled_kind(comment.body, kinds)
        if kind is not None:
            candidates.append((comment, kind))
    return candidates


def _converted_depths(
    text: str, candidates: Sequence[tuple[Comment, str]], convert: Callable[[str], str]
) -> list[int | None]:
    """Each candidate's depth as the page's Markdown places it, None when it comes out as text (the
    module's doc says how)."""
    # Replace each candidate by a token of the same shape, then let Markdown decide what it is.
    pieces, last = [], 0
    for index, (comment, _kind) in enumerate(candidates):
        pieces += [text[last : comment.start], f"<!--{TOKEN.format(index)}-->"]
        last = comment.end
    pieces.append(text[last:])
    seen = _TokenFinder.run(convert("".join(pieces)))
    return [seen.get(TOKEN.format(index)) for index in range(len(candidates))]


@dataclass(frozen=True)
class _Place:
    """Where a candidate sits on its line. `before` and `after` are the text beside it on its line, or
    None when another candidate is there (so they are not blank), and not copied again for each."""

    line: int  # 1-based
    column: int
    before: str | None
    after: str | None


def _places(text: str, candidates: Sequence[tuple[Comment, str]]) -> list[_Place]:
    """The place of each candidate, in one pass over the text: a page of many comments on one line
    costs no more than the line."""
    places = []
    line, counted, line_start, line_end, previous_end = 1, 0, 0, -1, -1
    for index, (comment, _kind) in enumerate(candidates):
        newlines = text.count("\n", counted, comment.start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", counted, comment.start) + 1
        counted = comment.start
        if line_end < comment.end:  # the line it ends on ends at the first line break after it
            found = text.find("\n", comment.end)
            line_end = len(text) if found < 0 else found
        next_start = candidates[index + 1][0].start if index + 1 < len(candidates) else len(text)
        places.append(
            _Place(
                line=line,
                column=comment.start - line_start + 1,
                before=text[line_start : comment.start] if previous_end < line_start else None,
                after=text[comment.end : line_end] if next_start >= line_end else None,
            )
        )
        previous_end = comment.end
    return places


def _placed_by_text(text: str, candidates: Sequence[tuple[Comment, str]], places: Sequence[_Place]) -> bool:
    """Whether the text alone shows every candidate is a marker placed as it must be (see the module's doc).

    Each is `<!-- kind: id -->` alone on an unindented line, a blank line (or the text's edge) before and
    after it, no fence or HTML tag above it, and no definition (`: …`) below: no list, quote, admonition,
    table or paragraph goes on past a blank line into a line that starts at the margin.
    """
    if not candidates:
        return True
    opening = CONTAINER_OPENING.search(text)
    first_opening = opening.start() if opening else len(text)
    last_definition = max((found.start() for found in DEFINITION.finditer(text)), default=-1)
    for (comment, kind), place in zip(candidates, places, strict=True):
        candidate = CANDIDATE.match(comment.body)
        assert candidate is not None
        if candidate["name"] != kind or candidate["colon"] != ":" or not (candidate["id"] or "").strip():
            return False
        if place.before != "" or place.after is None or place.after.strip(" \t") or "\n" in comment.body:
            return False
        line_end = comment.end + len(place.after)
        previous_line = text[text.rfind("\n", 0, max(comment.start - 1, 0)) + 1 : max(comment.start - 1, 0)]
        next_end = text.find("\n", line_end + 1)
        next_line = text[line_end + 1 : len(text) if next_end < 0 else next_end]
        if previous_line.strip(" \t") or next_line.strip(" \t"):  # as Markdown: only spaces and tabs are blank
            return False
        if first_opening < comment.start or last_definition > line_end:
            return False
    return True


def _sightings(
    text: str, candidates: Sequence[tuple[Comment, str]], places: Sequence[_Place], depths: Sequence[int | None]
) -> tuple[Sighting, ...]:
    """What each candidate is; its `depth` in the converted page's tree, None when it came out as text."""
    sightings = []
    for (comment, kind), place, depth in zip(candidates, places, depths, strict=True):
        candidate = CANDIDATE.match(comment.body)
        assert candidate is not None
        written = text[comment.start : comment.end]
        blank_before = place.before is not None and place.before.strip() == ""
        sightings.append(
            Sighting(
                line=place.line,
                column=place.column,
                written=written,
                kind=kind,
                id=(candidate["id"] or "").strip(),
                spelt_right=candidate["name"] == kind and candidate["colon"] == ":",
                one_line="\n" not in written,
                indented=blank_before and place.before != "",
                alone_on_line=blank_before and place.after is not None and place.after.strip() == "",
                standalone=depth == 0,
                in_code=depth is None,
            )
        )
    return tuple(sightings)


def _resembled_kind(body: str, kinds: Collection[str]) -> str | None:
    candidate = CANDIDATE.match(body)
    if candidate is None:
        return None
    name = candidate["name"].lower()
    if candidate["colon"] is None and name not in kinds:
        return None  # a note such as `<!-- todo -->`: no colon, not a kind's name
    if name in kinds:
        return name
    close = difflib.get_close_matches(name, list(kinds), n=1, cutoff=0.75)
    return close[0] if close else None


class _TokenFinder(HTMLParser):
    """The depth in the element tree of each token comment that is a real comment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self.found: dict[str, int] = {}

    @classmethod
    def run(cls, html: str) -> dict[str, int]:
        finder = cls()
        finder.feed(html)
        finder.close()
        return finder.found

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID_ELEMENTS:
            self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag not in VOID_ELEMENTS:
            self.depth = max(0, self.depth - 1)

    def handle_comment(self, data: str) -> None:
        name = data.strip()
        if name.startswith("marker-"):
            self.found.setdefault(name, self.depth)


# What decides where a comment lands in the converted page: block structure (code, lists, admonitions, raw
# HTML blocks), inline code and inline HTML, footnotes. Links, emphasis, abbreviations, typographic quotes,
# heading ids and attribute lists cannot move a comment in or out of code or a block: left out, the
# conversion of a page with markers costs a third as much.
STRUCTURE_INLINE = frozenset({"backtick", "escape", "html", "entity"})
COSMETIC_TREE = ("toc", "abbr", "smarty", "prettify", "attr_list")


def structure_converter(extensions: Sequence[Any], configs: Mapping[str, Any]) -> Callable[[str], str]:
    """The site's Markdown, reduced to what tells a marker's place (see STRUCTURE_INLINE)."""
    converter = markdown.Markdown(extensions=list(extensions), extension_configs=dict(configs))
    # Python-Markdown's Registry lists its names only in `_priority` (sorted by priority).
    for item in list(converter.inlinePatterns._priority):  # type: ignore[attr-defined]
        if item.name not in STRUCTURE_INLINE:
            converter.inlinePatterns.deregister(item.name)
    for name in COSMETIC_TREE:
        converter.treeprocessors.deregister(name, strict=False)

    def convert(text: str) -> str:
        return converter.reset().convert(text)

    return convert
