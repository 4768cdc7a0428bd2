"""One Markdown page as its editor wrote it: front matter, headings and explicit anchors, with lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from kam_guide.source.characters import advice, invisible_characters
from kam_guide.source.markdowncost import costly_markup, costly_markup_advice
from kam_guide.source.yamlsource import Problem, SourceError, load

MAX_REPORTED = 20  # invisible characters reported per page: enough to find them, not a flood

# MkDocs' own rule for YAML front matter (mkdocs/utils/meta.py).
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# An opening code fence, as pymdownx.superfences reads one: 3+ backticks or tildes, then at most a language
# or options, nothing else (so "```code``` inline" opens nothing).
FENCE_OPEN = re.compile(r"^(?P<indent>[ \t>]*)(?P<fence>`{3,}|~{3,})(?P<info>[^`]*)$")
HEADING = re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*)$")  # closing `#`s stripped by the caller
NOTABLE_STARTS = ("`", "~", "#")  # after spaces, tabs and `>`: how a fence or a heading starts ("" is not in it)
# A key of attr_list's: `key=value`, quoted or not; `#id` and `.class` are found by splitting. Patterns run
# on editors' lines stay linear: each starts only where a token can start (no `[^}]*?` searched from
# every `{` of a long line of braces, which made a line of 150,000 `{` take 85 s).
ATTR_KEY_VALUE = re.compile(r"""(?<![\w-])[\w-]+=(?:"[^"]*"|'[^']*'|[^\s"'}]+)""")
ATTR_NAME = re.compile(r"^(?:[#.][^\s#.=}]+)+$")  # `#id`, `.class`, or both run together
ANCHOR_IN_ATTR_LIST = re.compile(r"#(?P<id>[^\s}]+)")


@dataclass
class PageSource:
    """A page's text split as MkDocs splits it, with what the checks need and where it is."""

    path: str  # as shown to editors, e.g. docs/kam-role.en.md
    text: str
    meta: dict[str, Any] = field(default_factory=dict)
    meta_lines: dict[str, int] = field(default_factory=dict)  # front matter key → line
    body_start: int = 1  # line of the file where the Markdown body starts
    has_front_matter: bool = False
    anchors: dict[str, list[int]] = field(default_factory=dict)  # explicit id → lines
    h1_lines: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True  # False when the file is not UTF-8: its other checks wait until it is

    @property
    def body(self) -> str:
        return "\n".join(self.text.split("\n")[self.body_start - 1 :])


def read_page(path: str, text: str) -> PageSource:
    text = text.replace("\r\n", "\n").replace("\r", "\n").removeprefix("\ufeff")
    page = PageSource(path, text)
    _read_front_matter(page)  # its values are checked for invisible characters as YAML
    _refuse_invisible(page)
    _refuse_costly_markdown(page)
    _scan_body(page)
    return page


def _refuse_costly_markdown(page: PageSource) -> None:
    offset = costly_markup(page.text)
    if offset is not None:
        page.problems.append(_problem_at(page, offset, costly_markup_advice()))


def _refuse_invisible(page: PageSource) -> None:
    body_offset = sum(len(line) + 1 for line in page.text.split("\n")[: page.body_start - 1])
    for offset, character in invisible_characters(page.text[body_offset:])[:MAX_REPORTED]:
        page.problems.append(_problem_at(page, body_offset + offset, advice(character)))


def _problem_at(page: PageSource, offset: int, message: str) -> Problem:
    """A problem at a character of the page's text, by its line and column."""
    line_start = page.text.rfind("\n", 0, offset) + 1
    return Problem(page.path, page.text.count("\n", 0, offset) + 1, offset - line_start + 1, message)


def _read_front_matter(page: PageSource) -> None:
    match = FRONT_MATTER.match(page.text)
    if not match:
        if re.match(r"-{3}[ \t]*\n", page.text):
            page.problems.append(
                Problem(page.path, 1, 1, "the front matter opened here is never closed: end it with a line `---`")
            )
        return
    page.has_front_matter = True
    try:
        # An empty first line stands for the `---` line, so lines are the file's.
        document = load("\n" + match.group(1), page.path)
    except SourceError as error:
        page.problems += [
            Problem(p.file, p.line, p.column, f"front matter: {p.message}", p.where) for p in error.problems
        ]
        return
    if isinstance(document.value, dict):
        page.meta = document.value
        page.meta_lines = {str(key[0]): pos.line for key, pos in document.key_positions.items() if len(key) == 1}
    elif document.value is not None:
        page.problems.append(Problem(page.path, 2, 1, "front matter must be `key: value` lines such as `description:`"))
    # MkDocs also drops the blank lines after the front matter.
    rest = page.text[match.end() :]
    skipped = len(rest) - len(rest.lstrip("\n"))
    page.body_start = page.text[: match.end()].count("\n") + skipped + 1


def _scan_body(page: PageSource) -> None:
    """Headings and explicit anchors outside code fences, with their file lines."""
    fence: tuple[str, str] | None = None  # (indent, fence) of the open code block
    lines = page.text.split("\n")
    for number in range(page.body_start, len(lines) + 1):
        line = lines[number - 1]
        if fence is not None:
            if line.strip() == fence[1] and line.startswith(fence[0].rstrip(">")):
                fence = None
            continue
        if line.lstrip(" \t>")[:1] not in NOTABLE_STARTS and not line.rstrip(" \t").endswith("}"):
            continue  # most lines: no fence, heading or attribute list can be on them
        opened = FENCE_OPEN.match(line)
        if opened and (opened["fence"][0] == "~" or "`" not in opened["info"]):
            fence = (opened["indent"], opened["fence"])
            continue
        heading = HEADING.match(line)
        if heading and len(heading["hashes"]) == 1:
            page.h1_lines.append(number)
        if heading:
            _check_attribute_list(page, number, line)
        attributes = trailing_attribute_list(line)
        anchor = ANCHOR_IN_ATTR_LIST.search(attributes[1]) if attributes else None
        if anchor:
            page.anchors.setdefault(anchor["id"], []).append(number)


def trailing_attribute_list(line: str, *, after_blank: bool = False) -> tuple[int, str] | None:
    """`## Title { #id }` → (offset of `{`, ` #id `): the `{…}` that ends a line, as attr_list reads it.

    With `after_blank`, only a `{` that follows a space or tab (attr_list wants one on a heading).
    String methods, not a pattern, so a line of a million braces costs one pass.
    """
    stripped = line.rstrip(" \t")
    if not stripped.endswith("}"):
        return None
    end = len(stripped) - 1
    start = stripped.rfind("}", 0, end) + 1  # the list holds no `}`: it starts after the last one
    brace = stripped.find("{", start, end)
    while after_blank and brace > 0 and stripped[brace - 1] not in " \t":
        brace = stripped.find("{", brace + 1, end)
    if brace < 0 or (after_blank and brace == 0):
        return None
    body = stripped[brace + 1 : end]
    return brace, body.removeprefix(":")


def _check_attribute_list(page: PageSource, number: int, line: str) -> None:
    """`{ # id }` or `{ #two words }` on a heading: Markdown builds an empty id or a stray attribute, silently."""
    attributes = trailing_attribute_list(line, after_blank=True)
    if not attributes:
        return
    column, body = attributes[0] + 1, attributes[1]
    stray = [word for word in ATTR_KEY_VALUE.sub(" ", body).split() if not ATTR_NAME.match(word)]
    if not stray:
        return
    if stray[0] == "#":
        word = body.split("#", 1)[1].split()
        fix = f"no space after `#`: write `{{ #{word[0] if word else 'anchor'} }}`"
    else:
        one_word = "-".join(word.strip("#") for word in body.split())
        fix = (
            f"`{stray[0]}` is not an anchor (`#id`), a class (`.name`) or `key=value`: "
            f"an anchor is one word, e.g. `{{ #{one_word} }}`"
        )
    page.problems.append(Problem(page.path, number, column, f"the heading's `{{{body}}}`: {fix}"))
