"""The content check: what MkDocs would accept in silence, or report in misleading words.

Every problem names the file, the line where there is one, and what to do.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from kam_guide.source.yamlsource import Problem

from .frontmatter import ThemeChoices, front_matter_problems
from .markers import Sighting, find_markers
from .page_source import PageSource

DESCRIPTION_RANGE = (120, 160)
LANGUAGE_NAMES = {"fr": "French", "en": "English", "de": "German", "es": "Spanish", "it": "Italian", "nl": "Dutch"}


@dataclass(frozen=True)
class MarkerKind:
    """A kind of placement marker: `<!-- quiz: id -->` and the ids that exist."""

    name: str  # "quiz"
    known: frozenset[str]
    where_defined: str  # "quizzes in quizdata/"


@dataclass(frozen=True)
class PageSet:
    """Every page of docs/, by slug and language."""

    default: str
    languages: tuple[str, ...]  # default first
    pages: Mapping[str, Mapping[str, PageSource]]  # slug → language → page
    strays: Sequence[tuple[str, str]]  # (path, language code) files whose suffix is no built language

    def file_name(self, slug: str, language: str) -> str:
        suffix = "" if language == self.default else f".{language}"
        return f"docs/{slug}{suffix}.md"


def language_of(relative: str, languages: Sequence[str], default: str) -> tuple[str, str | None]:
    """`kam-role.en.md` → ("kam-role", "en"); an unknown `xx` suffix → (slug, None)."""
    stem = PurePosixPath(relative).with_suffix("").as_posix()
    head, _, suffix = stem.rpartition(".")
    if head and suffix in languages and suffix != default:
        return head, suffix
    if head and len(suffix) == 2 and suffix.isalpha() and suffix.islower():
        return head, None
    return stem, default


def check_pages(
    page_set: PageSet, kinds: Sequence[MarkerKind], convert: Callable[[str], str], theme: ThemeChoices
) -> list[Problem]:
    problems: list[Problem] = []
    for path, code in page_set.strays:
        problems.append(
            Problem(
                path,
                1,
                1,
                f"`.{code}.md` names a language this site does not build ({', '.join(page_set.languages)}): "
                "rename the file, or add the language to mkdocs.yml (CONTRIBUTING.md, “Adding a language”)",
            )
        )
    for slug, versions in sorted(page_set.pages.items()):
        if "/" in slug:
            problems += _in_subfolder(slug, versions)
            continue
        problems += _translations(page_set, slug, versions)
        for page in versions.values():
            problems += page.problems
            if page.readable:
                problems += _description(page)
                problems += front_matter_problems(page, theme)
                problems += _title(page)
        if all(page.readable for page in versions.values()):
            problems += _anchors(versions, page_set)
            problems += _markers(versions, page_set, kinds, convert)
    return problems


def _in_subfolder(slug: str, versions: Mapping[str, PageSource]) -> list[Problem]:
    """Pages are published as flat `slug.html` addresses: Material's language selector looks for each
    language's sitemap.xml next to them, which a page in a folder would request in vain on every view."""
    name = slug.rsplit("/", 1)[1]
    return [
        Problem(
            page.path,
            1,
            1,
            f"pages sit at the top of docs/, not in a folder (the language selector only works for addresses "
            f"such as /{name}.html): move this file to docs/{page.path.rsplit('/', 1)[1]}, and give it a name "
            "no other page has",
        )
        for page in versions.values()
    ]


def _translations(page_set: PageSet, slug: str, versions: Mapping[str, PageSource]) -> list[Problem]:
    problems = []
    present = next(iter(versions.values()))
    for language in page_set.languages:
        if language not in versions:
            missing = page_set.file_name(slug, language)
            problems.append(
                Problem(
                    present.path,
                    1,
                    1,
                    f"this page has no {LANGUAGE_NAMES.get(language, language)} version: write {missing} "
                    "(same slug, same anchors), or remove this page from every language",
                )
            )
    return problems


def _description(page: PageSource) -> list[Problem]:
    low, high = DESCRIPTION_RANGE
    if "description" not in page.meta:
        where = (
            'add `description: "…"` to its front matter'
            if page.has_front_matter
            else ('start the file with front matter: a line `---`, `description: "…"`, a line `---`')
        )
        return [
            Problem(
                page.path,
                1,
                1,
                f"the page has no description (search engines and link previews show it): {where}, "
                f"{low} to {high} characters in the page's language",
            )
        ]
    description = page.meta["description"]
    line = page.meta_lines.get("description", 1)
    if not isinstance(description, str):
        return [Problem(page.path, line, 1, "the description must be text: put it in quotes")]
    length = len(" ".join(description.split()))
    if not low <= length <= high:
        advice = "shorten it (search engines cut it)" if length > high else "say more (it is the page's summary)"
        return [
            Problem(
                page.path,
                line,
                1,
                f"the description has {length} characters; write {low} to {high}: {advice}",
            )
        ]
    return []


def _title(page: PageSource) -> list[Problem]:
    if not page.h1_lines:
        return [Problem(page.path, page.body_start, 1, "the page has no title: start it with a `# Title` line")]
    if len(page.h1_lines) > 1:
        return [
            Problem(
                page.path,
                page.h1_lines[1],
                1,
                f"a second `# ` title (the first is on line {page.h1_lines[0]}): make this one a `## ` heading",
            )
        ]
    return []


def _anchors(versions: Mapping[str, PageSource], page_set: PageSet) -> list[Problem]:
    problems = []
    for page in versions.values():
        for anchor, lines in page.anchors.items():
            if len(lines) > 1:
                problems.append(
                    Problem(
                        page.path,
                        lines[1],
                        1,
                        f"the anchor `#{anchor}` is already set on line {lines[0]}: anchors must be unique on a page",
                    )
                )
    reference = versions.get(page_set.default)
    if reference is None:
        return problems
    for page in versions.values():
        if page is reference:
            continue
        for first, second in ((reference, page), (page, reference)):
            for anchor in sorted(set(first.anchors) - set(second.anchors)):
                problems.append(
                    Problem(
                        second.path,
                        1,
                        1,
                        f"no anchor `#{anchor}`, which {first.path}:{first.anchors[anchor][0]} has: add "
                        f"`{{ #{anchor} }}` to the matching heading (both versions must have the same anchors, "
                        "so a link works in every language)",
                    )
                )
    return problems


def _markers(
    versions: Mapping[str, PageSource],
    page_set: PageSet,
    kinds: Sequence[MarkerKind],
    convert: Callable[[str], str],
) -> list[Problem]:
    problems: list[Problem] = []
    by_kind = {kind.name: kind for kind in kinds}
    placed_by_page: dict[str, dict[tuple[str, str], int]] = {}
    for page in versions.values():
        placed: dict[tuple[str, str], int] = {}
        for sighting in find_markers(page.body, list(by_kind), convert):
            line = sighting.line + page.body_start - 1
            problem = _marker_problem(sighting, by_kind[sighting.kind], placed)
            if problem:
                problems.append(Problem(page.path, line, sighting.column, problem))
            elif sighting.placed:
                placed[(sighting.kind, sighting.id)] = line
        placed_by_page[page.path] = placed
    # The same markers in every language version, or a reader misses a quiz in one language.
    for page in versions.values():
        for other in versions.values():
            for kind, marker_id in sorted(set(placed_by_page[other.path]) - set(placed_by_page[page.path])):
                line = placed_by_page[other.path][(kind, marker_id)]
                problems.append(
                    Problem(
                        page.path,
                        1,
                        1,
                        f"no `<!-- {kind}: {marker_id} -->`, which {other.path}:{line} has: "
                        "put the same markers in every language version of a page",
                    )
                )
    return problems


def _marker_problem(sighting: Sighting, kind: MarkerKind, placed: dict[tuple[str, str], int]) -> str:
    """What is wrong with a marker, in the editor's words; "" when nothing is."""
    exact = f"<!-- {kind.name}: {sighting.id or '<id>'} -->"
    if sighting.in_code:
        return ""  # an example in code: shown as text, as the editor meant
    if not sighting.spelt_right:
        return f"`{sighting.written}` looks like a {kind.name} marker but is not one: write exactly `{exact}`"
    if not sighting.id:
        return f"the {kind.name} marker names no {kind.name}: write `{exact}` with the YAML file name as id"
    if not sighting.one_line:
        return f"a {kind.name} marker must fit on one line: write `{exact}`"
    if sighting.indented:
        return (
            f"the {kind.name} marker is indented: a {kind.name} cannot go inside a list, quote or admonition; "
            f"start the line with `<!--`"
        )
    if not sighting.alone_on_line:
        return f"the {kind.name} marker must stand alone on its line: move `{exact}` to a line of its own"
    if not sighting.standalone:
        return (
            f"the {kind.name} marker is read as part of the text above or below it: "
            "leave a blank line before and after it"
        )
    if sighting.id not in kind.known:
        choices = ", ".join(sorted(kind.known)) or "none"
        return f"unknown {kind.name} `{sighting.id}` ({kind.where_defined}: {choices}); the id is the YAML file name"
    if (kind.name, sighting.id) in placed:
        return (
            f"{kind.name} `{sighting.id}` is already placed on line {placed[(kind.name, sighting.id)]}: "
            f"a {kind.name} appears once per page"
        )
    return ""
