"""Checks of a quiz's Markdown texts where a page shows them; no MkDocs imports.

A quiz text is written once in quizdata/ and shown in a page of docs/, so its links are
resolved from that page, and every problem is reported at the YAML line where it was
typed. Anchors can only be checked once every page is rendered: the texts' links to
headings are returned as `AnchorLink`s, for `anchor_problems` to check then. What the
site's Markdown made of the texts is checked for active content by `converted_problems`.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection
from dataclasses import dataclass
from pathlib import Path

from kam_guide.quiz.model import Quiz
from kam_guide.quiz.render import markdown_fields
from kam_guide.source.fields import Localized, LocalizedText, SourceSpot
from kam_guide.source.markdowncost import costly_markup, costly_markup_advice
from kam_guide.source.markup import active_content, as_written, is_web_or_mail, links_in
from kam_guide.source.yamlsource import Problem


@dataclass(frozen=True)
class AnchorLink:
    """A link from a quiz text to a heading of a page in docs/."""

    target: str  # the page's path in docs/, e.g. kam-role.md
    anchor: str
    written: str
    spot: SourceSpot


def quiz_text_problems(
    quiz: Quiz, page_uri: str, page_exists: Callable[[str], bool], root: Path
) -> tuple[list[Problem], list[AnchorLink]]:
    """Every Markdown text of the quiz, in every language: too costly to convert, or a link to no page."""
    problems: list[Problem] = []
    anchor_links: list[AnchorLink] = []
    lines = FileLines(root)  # the quiz file, read once for every link's line
    for field in markdown_fields(quiz):  # a text shared by both audiences is checked once
        texts = field.texts
        for language in quiz.languages:
            spot = text_spot(texts, language)
            costly = costly_markup(texts[language])
            if costly is not None:  # checked before the page's Markdown converts it
                problems.append(spot.problem(costly_markup_advice()))
                continue
            found, links = _text_links(texts[language], spot, page_uri, page_exists, lines)
            problems += found
            anchor_links += links
    return problems, anchor_links


def anchor_problems(
    links: Collection[AnchorLink],
    present_anchors: Callable[[str], Collection[str] | None],
    explicit_anchors: Callable[[str], Collection[str]],
) -> list[Problem]:
    """Links to a heading that does not exist, or whose id comes from its words (which differ per language)."""
    problems = []
    for link in links:
        present = present_anchors(link.target)
        target = f"docs/{link.target}"
        if present is not None and link.anchor not in present:
            problems.append(
                link.spot.problem(
                    f"the link `{link.written}` goes to no heading `#{link.anchor}` in {target}: "
                    "fix the link, or give the heading that anchor, `{ #" + link.anchor + " }`, in every language"
                )
            )
        elif link.anchor not in explicit_anchors(link.target):
            problems.append(
                link.spot.problem(
                    f"the link `{link.written}` goes to a heading of {target} without a `{{ #… }}` anchor: its id "
                    "is made from the heading's words, which differ in each language; give that heading "
                    "`{ #" + link.anchor + " }` in every language"
                )
            )
    return problems


def converted_problems(quiz: Quiz, converted_parts: dict[str, str], language: str, root: Path) -> list[Problem]:
    """Active content in the quiz's texts as the page's Markdown converted them (attr_list, link targets)."""
    fields = {field.name: field.texts for field in markdown_fields(quiz)}
    lines = FileLines(root)
    problems = []
    for name, converted in converted_parts.items():
        texts = fields[name]
        problems += [
            where_written(text_spot(texts, language), as_written(finding), texts[language], lines).problem(
                f"this text produces {finding}, which could run code in readers' browsers: quiz texts "
                "may use Markdown emphasis, lists, and links to pages or web addresses only"
            )
            for finding in dict.fromkeys(active_content(converted))
        ]
    return problems


def text_spot(texts: Localized, language: str) -> SourceSpot:
    if isinstance(texts, LocalizedText) and language in texts.spots:
        return texts.spots[language]
    return SourceSpot("quizdata", 1, 1, "")


class FileLines:
    """The lines of the project's files, each read once: a quiz's texts are many, in one YAML file."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._read: dict[str, list[str] | None] = {}

    def of(self, file: str) -> list[str] | None:
        """The lines of `file` (relative to the root), or None if it cannot be read."""
        if file not in self._read:
            try:
                self._read[file] = (self.root / file).read_text(encoding="utf-8").splitlines()
            except OSError:
                self._read[file] = None
        return self._read[file]


def where_written(spot: SourceSpot, needle: str, text: str, files: FileLines) -> SourceSpot:
    """The line and column of `needle` (any case) among the YAML lines of a text that starts at `spot`
    and may run over several lines after its key; the text's own start if it cannot be found."""
    lines = files.of(spot.file)
    if lines is None:
        return spot
    last = min(len(lines), spot.line + text.count("\n") + 1)
    for number in range(spot.line, last + 1):
        column = lines[number - 1].lower().find(needle.lower())
        if column >= 0:
            return SourceSpot(spot.file, number, column + 1, spot.where)
    return spot


def _text_links(
    text: str, spot: SourceSpot, page_uri: str, page_exists: Callable[[str], bool], files: FileLines
) -> tuple[list[Problem], list[AnchorLink]]:
    problems = []
    anchor_links = []
    for written in links_in(text):
        if is_web_or_mail(written):
            continue  # a web address, or a scheme active_content has refused
        link_spot = where_written(spot, written, text, files)
        path, _, anchor = written.partition("#")
        target = page_uri if not path else posixpath.normpath(posixpath.join(posixpath.dirname(page_uri), path))
        if path and not page_exists(target):
            problems.append(
                link_spot.problem(
                    f"the link `{written}` goes to no page: docs/{path} does not exist "
                    "(links name the default-language file, e.g. `kam-role.md#watcher`)"
                )
            )
        elif anchor:
            anchor_links.append(AnchorLink(target, anchor, written, link_spot))
    return problems, anchor_links
