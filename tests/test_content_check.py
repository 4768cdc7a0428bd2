"""The content check: what an editor gets wrong in a page or the nav stops the build with the file, line and fix.

Unit tests drive kam_guide.pages with the site's own Markdown; the end-to-end ones break a
copy of the project as an editor would and read what `mkdocs build --strict` says.
"""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

import pytest
import yaml

from kam_guide.pages.checks import MarkerKind, PageSet, check_pages
from kam_guide.pages.frontmatter import ThemeChoices
from kam_guide.pages.markers import (
    _candidates,
    _converted_depths,
    _placed_by_text,
    _places,
    _sightings,
    find_markers,
    structure_converter,
)
from kam_guide.pages.navcheck import NavConfig, check_nav
from kam_guide.pages.page_source import read_page
from sitecontent import DEFAULT_LANGUAGE, LANGUAGES, SLUGS, placements, site_config
from siteproject import (
    BrokenCopy,
    assert_fails_cleanly,
    assert_reported,
    build,
    copy_project,
    line_of,
    output_of,
    replace_in,
)

CONFIG = site_config()
# The marker finder's own converter, as the build makes it from mkdocs.yml.
convert = structure_converter(CONFIG.markdown_extensions, CONFIG.mdx_configs)
KINDS = [
    MarkerKind("quiz", frozenset({"known"}), "in quizdata/"),
    MarkerKind("simulator", frozenset({"pay"}), "in quizdata/simulators/"),
]
THEME = ThemeChoices(templates=("main.html",), statuses=(), icon_exists=lambda name: name == "material/account")
DESCRIPTION = "d" * 140
OTHER = LANGUAGES[-1]


def page(body: str, path: str = "docs/p.md", description: str = DESCRIPTION) -> str:
    return f'---\ndescription: "{description}"\n---\n\n# Title\n\n{body}\n'


def problems(pages: dict[str, str]) -> list[str]:
    """Check pages given as {file name: text}; a page without its other language gets a copy of itself."""
    versions: dict[str, dict[str, object]] = {}
    for name, text in pages.items():
        slug, _, rest = name.removesuffix(".md").partition(".")
        language = rest or DEFAULT_LANGUAGE
        versions.setdefault(slug, {})[language] = read_page(f"docs/{name}", text)
    for slug, found in versions.items():
        for language in LANGUAGES:
            if language not in found:
                source = next(iter(found.values()))
                suffix = "" if language == DEFAULT_LANGUAGE else f".{language}"
                found[language] = read_page(f"docs/{slug}{suffix}.md", source.text)  # type: ignore[attr-defined]
    page_set = PageSet(DEFAULT_LANGUAGE, LANGUAGES, versions, [])  # type: ignore[arg-type]
    return [str(problem) for problem in check_pages(page_set, KINDS, convert, THEME)]


# ── markers, found the way Markdown sees them ───────────────────────────────


def test_a_well_placed_marker_is_placed() -> None:
    sightings = find_markers("Text.\n\n<!-- quiz: known -->\n\nMore.", ["quiz"], convert)
    assert [(s.line, s.id, s.placed) for s in sightings] == [(3, "known", True)]
    assert problems({"p.md": page("<!-- quiz: known -->")}) == []


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("Voir : <!-- quiz: known -->", 7, "must stand alone on its line"),
        ("!!! note\n\n    <!-- quiz: known -->", 9, "is indented: a quiz cannot go inside a list"),
        ("- item\n\n    <!-- quiz: known -->", 9, "is indented"),
        ("<!-- QUIZ: known -->", 7, "looks like a quiz marker but is not one: write exactly `<!-- quiz: known -->`"),
        ("<!-- quizz: known -->", 7, "looks like a quiz marker"),
        ("<!-- simulateur: pay -->", 7, "looks like a simulator marker"),
        ("<!-- quiz -->", 7, "write exactly `<!-- quiz: <id> -->`"),
        ("<!-- quiz: unknown -->", 7, "unknown quiz `unknown` (in quizdata/: known)"),
        ("<!-- quiz: known -->\n\n<!-- quiz: known -->", 9, "is already placed on line 7"),
        ("> <!-- quiz: known -->", 7, "must stand alone on its line"),
        ("<!-- quiz:\nknown -->", 7, "must fit on one line"),
    ],
    ids=[
        "inline",
        "admonition",
        "list",
        "upper-case",
        "misspelt",
        "misspelt-simulator",
        "no-id",
        "unknown",
        "twice",
        "quote",
        "two-lines",
    ],
)
def test_a_misplaced_or_misspelt_marker_is_an_error(body: str, line: int, message: str) -> None:
    found = problems({"p.md": page(body)})
    assert any(p.startswith(f"docs/p.md:{line}:") and message in p for p in found), found


@pytest.mark.parametrize(
    "body",
    [
        "~~~markdown\n<!-- quiz: unknown -->\n~~~",
        "````markdown\n```\n<!-- quiz: unknown -->\n```\n````",
        "Write `<!-- quiz: unknown -->` on a line of its own.",
        "    <!-- quiz: unknown -->",  # an indented code block
        "<!-- a note: not a marker -->",
        "<!-- todo -->",
    ],
    ids=["tilde-fence", "nested-fence", "code-span", "indented-code", "note", "word"],
)
def test_markers_in_code_examples_and_other_comments_are_left_alone(body: str) -> None:
    assert problems({"p.md": page(body)}) == []


def test_inline_code_with_three_backticks_does_not_hide_later_markers() -> None:
    body = "Use ```<!-- quiz: known -->``` in examples.\n\n<!-- quiz: unknown -->"
    found = problems({"p.md": page(body)})
    assert any("docs/p.md:9:" in p and "unknown quiz `unknown`" in p for p in found), found


# Lines a page may have around a marker: code fences, raw HTML, lists, quotes, admonitions, tables,
# definitions, footnotes, code spans, headings, and markers well or badly written.
PAGE_LINES = [
    *[""] * 8,
    *["<!-- quiz: known -->", "<!-- simulator: pay -->", "<!--quiz: known-->"] * 4,
    "Some text.",
    "  <!-- quiz: known -->",
    "<!-- quiz: known --> and text",
    "<!-- QUIZ: known -->",
    "<!-- quiz: known --><!-- a note -->",
    "```",
    "~~~",
    "````markdown",
    "> ```",
    "    code",
    "\tcode",
    "- item",
    "    - nested item",
    "1. step",
    "> quote",
    "!!! note",
    "??? note",
    "    indented text",
    "<div>",
    "</div>",
    '<div markdown="1">',
    "   <p>raw</p>",
    "<span>inline</span>",
    "<!-- a note -->",
    "<!-- a note",
    "that ends here -->",
    "| a | b |",
    "| --- | --- |",
    "Term",
    ": definition",
    "[^1]: a footnote",
    "*[KAM]: key account management",
    "Use `<!-- quiz: known -->` like this.",
    "``` inline",
    "Title",
    "=====",
    "## Heading",
    "## Heading { #anchor }",
    "* * *",
    "1) step",
    "+ item",
    "[link]: https://example.com",
    "Text with <b>bold</b> and <!-- a note --> in it.",
    "Text with <span>an element left open",
    "    <div>",
    "\\<div>",
    "<https://example.com>",
    "<!-- quiz: known --><br>",
    "<!-- quiz: known -->\t",
    "Text\u00a0:",
    "\u00a0",
]


def test_markers_placed_by_the_text_alone_are_placed_as_markdown_places_them() -> None:
    # The shortcut of find_markers (no conversion when the text alone shows every marker placed) against the
    # conversion it skips, on random pages; both give the same sightings, or the shortcut is wrong.
    rng = random.Random(20261203)
    shortcuts = 0
    for _ in range(5000):
        lines = [rng.choice(PAGE_LINES) for _ in range(rng.randint(2, 14))]
        text = "".join(line + rng.choice(["\n", "\n\n", "\n\n\n"]) for line in lines).rstrip()
        candidates = _candidates(text, ["quiz", "simulator"])
        places = _places(text, candidates)
        if not candidates or not _placed_by_text(text, candidates, places):
            continue
        shortcuts += 1
        converted = _sightings(text, candidates, places, _converted_depths(text, candidates, convert))
        assert find_markers(text, ["quiz", "simulator"], convert) == list(converted), text
    assert shortcuts > 300, shortcuts  # enough pages took the shortcut for the comparison to mean something


@pytest.mark.parametrize("separator", ["\n\n", " "], ids=["a-line-each", "one-line"])
def test_a_page_of_many_markers_is_read_once(separator: str) -> None:
    # Each marker's line, its neighbours, what is above and below it: looked up from each of 20,000
    # markers over the whole page, the page would be read 20,000 times.
    text = separator.join(["<!-- quiz: known -->"] * 20_000)
    sightings = find_markers(text, ["quiz"], convert)
    assert len(sightings) == 20_000 and sightings[-1].line == (20_000 * 2 - 1 if separator == "\n\n" else 1)
    assert all(sighting.placed for sighting in sightings) == (separator == "\n\n")


def test_the_same_markers_in_every_language() -> None:
    found = problems({"p.md": page("<!-- quiz: known -->"), f"p.{OTHER}.md": page("No quiz here.")})
    assert any(
        p.startswith(f"docs/p.{OTHER}.md:1:") and "no `<!-- quiz: known -->`, which docs/p.md:7 has" in p for p in found
    )


# ── descriptions, titles, anchors ───────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (page("Body.", description="d" * 67), 2, "the description has 67 characters; write 120 to 160: say more"),
        (page("Body.", description="d" * 161), 2, "the description has 161 characters; write 120 to 160: shorten it"),
        ("# Title\n\nBody.\n", 1, "the page has no description"),
        ('---\ntitle: "x"\n---\n\n# Title\n', 1, 'add `description: "…"` to its front matter'),
        ('---\ndescription: "unclosed\n---\n\n# Title\n', 2, "front matter: the quote opened on line 2 is not closed"),
        (f'---\ndescription: "{DESCRIPTION}"\n---\n\nNo title.\n', 5, "the page has no title"),
        (page("# Second"), 7, "a second `# ` title (the first is on line 5)"),
        (page("## A { #x }\n\n## B { #x }"), 9, "the anchor `#x` is already set on line 7"),
        (f'---\ndescription: "{DESCRIPTION}"\n\n# Title\n', 1, "the front matter opened here is never closed"),
        # Markdown would build an empty id, or a stray attribute named after the second word, silently.
        (page("## Fidélité { # fidelite }"), 7, "no space after `#`: write `{ #fidelite }`"),
        (page("## Fidélité { #fidelite client }"), 7, "an anchor is one word, e.g. `{ #fidelite-client }`"),
        (page("## Fidélité {client}"), 7, "`client` is not an anchor (`#id`), a class (`.name`) or `key=value`"),
    ],
    ids=[
        "short",
        "long",
        "missing",
        "front-matter-without",
        "front-matter-yaml",
        "no-title",
        "two-titles",
        "same-anchor",
        "front-matter-unclosed",
        "anchor-space",
        "anchor-two-words",
        "anchor-bare-word",
    ],
)
def test_page_problems_name_the_line_and_fix(text: str, line: int, message: str) -> None:
    found = problems({"p.md": text})
    assert any(p.startswith(f"docs/p.md:{line}:") and message in p for p in found), found


def test_anchors_must_be_the_same_in_every_language() -> None:
    found = problems({"p.md": page("## Un { #one }\n\n## Deux { #two }"), f"p.{OTHER}.md": page("## One { #one }")})
    assert any(
        p.startswith(f"docs/p.{OTHER}.md:1:") and "no anchor `#two`, which docs/p.md:9 has" in p for p in found
    ), found


@pytest.mark.content
def test_real_pages_pass_the_check() -> None:
    from kam_guide.pages.pageset import read_page_set

    page_set, found = read_page_set(Path(CONFIG.docs_dir), LANGUAGES)
    assert found == []
    assert set(page_set.pages) == set(SLUGS)


# ── end to end: the build stops, says where and what to do ─────────────────
#
# Mistakes the same check finds go into one copy, built once: the build must report every one of
# them in that run (an editor fixes them all at once), each at its file and line.


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def pages_without_a_marker() -> list[str]:
    placed = {placement.slug for kind in ("quiz", "simulator") for placement in placements(kind)}
    return [slug for slug in SLUGS if slug not in placed and slug != "index"]


def a_page_without_a_marker() -> str:
    return pages_without_a_marker()[0]


def _not_utf8(path: Path, bom: bytes) -> str:
    """Save the page as Windows-1252 (after a BOM or not); where its first accent is."""
    data = path.read_text(encoding="utf-8").encode("cp1252", errors="replace")
    first = next(index for index, byte in enumerate(data) if byte > 127)  # ASCII before it: bytes are characters
    line, column = data[:first].count(b"\n") + 1, first - data.rfind(b"\n", 0, first)
    path.write_bytes(bom + data)  # a BOM, then text in another encoding: positions still count from the text
    return f"docs/{path.name}:{line}:{column}: the file is not UTF-8 text"


@pytest.fixture(scope="module")
def pages_and_nav_broken(tmp_path_factory: pytest.TempPathFactory) -> BrokenCopy:
    """One copy with a mistake of each kind the content check finds before MkDocs reads a page."""
    project = copy_project(tmp_path_factory.mktemp("pages-and-nav"))
    docs, config = project / "docs", project / "mkdocs.yml"
    free = iter(pages_without_a_marker())
    expected: dict[str, tuple[str, ...]] = {}

    slug = next(free)  # a translation deleted
    (docs / f"{slug}.{OTHER}.md").unlink()
    expected["missing-translation"] = (f"docs/{slug}.md:1:1: this page has no", f"write docs/{slug}.{OTHER}.md")

    source = next(free)  # two new pages: one with a nav title and no translation of it, one not in the nav
    for name in ("untitled-test-page", "draft"):
        shutil.copy(docs / f"{source}.md", docs / f"{name}.md")
        shutil.copy(docs / f"{source}.{OTHER}.md", docs / f"{name}.{OTHER}.md")
    entry = "  - Titre sans traduction: untitled-test-page.md\n"
    # Twice listed, Material marks both entries as the current page: the same element ids twice.
    twice = next(free)
    config.write_text(config.read_text(encoding="utf-8") + entry + f"  - Encore: {twice}.md\n", encoding="utf-8")
    expected["nav-title-without-translation"] = (
        f"mkdocs.yml:{line_of(config, entry.strip())}:1: the nav title `Titre sans traduction` has no",
        "nav_translations",
    )
    expected["page-missing-from-the-nav"] = ("docs/draft.md:1:1: this page is not in the nav",)
    expected["page-listed-twice"] = (
        f"mkdocs.yml:{line_of(config, f'- Encore: {twice}.md')}:1: the nav lists `{twice}.md` a second time "
        f"(first on line {line_of(config, f': {twice}.md')}): keep one entry",
    )

    expected["not-utf8"] = (_not_utf8(docs / f"{next(free)}.md", b""),)
    expected["not-utf8-after-a-bom"] = (_not_utf8(docs / f"{next(free)}.md", b"\xef\xbb\xbf"),)

    slug = next(free)
    short = "Far too short to summarise a page: an editor's first draft."
    path = docs / f"{slug}.{OTHER}.md"
    path.write_text(f'---\ndescription: "{short}"\n---\n' + path.read_text(encoding="utf-8").split("\n---\n", 1)[1])
    expected["short-description"] = (f"docs/{slug}.{OTHER}.md:2:1: the description has {len(short)} characters",)

    placement = placements("quiz")[0]
    path = docs / f"{placement.slug}.md"
    replace_in(path, f"<!-- quiz: {placement.id} -->", f"<!-- QUIZ: {placement.id} -->")
    expected["misspelt-marker"] = (
        f"docs/{placement.slug}.md:{line_of(path, '<!-- QUIZ:')}:1: `<!-- QUIZ: {placement.id} -->` looks like a quiz",
    )
    output = assert_fails_cleanly(build(project), project)
    return BrokenCopy(project, output, expected)


@pytest.mark.parametrize(
    "mistake",
    [
        "missing-translation",
        "nav-title-without-translation",
        "page-missing-from-the-nav",
        "page-listed-twice",
        "not-utf8",
        "not-utf8-after-a-bom",
        "short-description",
        "misspelt-marker",
    ],
)
def test_every_page_and_nav_mistake_is_reported_in_one_run(pages_and_nav_broken: BrokenCopy, mistake: str) -> None:
    assert_reported(pages_and_nav_broken, mistake)


def test_a_page_not_saved_as_utf8_gets_one_message_and_no_false_ones(pages_and_nav_broken: BrokenCopy) -> None:
    """Saved as Windows-1252: one message, where the first accent is; no false "no French version" after it."""
    for mistake in ("not-utf8", "not-utf8-after-a-bom"):
        page = pages_and_nav_broken.expected[mistake][0].split(":", 1)[0]
        about_it = [line for line in pages_and_nav_broken.output.splitlines() if page in line]
        assert len(about_it) == 1, about_it


def test_page_and_nav_mistakes_are_all_counted(pages_and_nav_broken: BrokenCopy) -> None:
    # Some mistakes bring a second message (a misspelt marker is also a marker the other language lacks).
    counted = re.search(r"The pages: (\d+) problems, listed above\.", pages_and_nav_broken.output)
    assert counted and int(counted[1]) >= len(pages_and_nav_broken.expected), pages_and_nav_broken.output


def test_an_image_serves_every_language(project: Path) -> None:
    """As CONTRIBUTING says: one file in docs/img/, linked from every language version of the page."""
    slug = a_page_without_a_marker()
    (project / "docs" / "img").mkdir()
    shutil.copy(project / "overrides" / "assets" / "favicon.svg", project / "docs" / "img" / "diagram.svg")
    for language in LANGUAGES:
        path = project / "docs" / (f"{slug}.md" if language == DEFAULT_LANGUAGE else f"{slug}.{language}.md")
        path.write_text(path.read_text(encoding="utf-8") + "\n![A diagram](img/diagram.svg)\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, output_of(result)
    for language in LANGUAGES:
        folder = project / "site" / ("" if language == DEFAULT_LANGUAGE else language)
        html = (folder / f"{slug}.html").read_text(encoding="utf-8")
        source = html.split('<img alt="A diagram" src="', 1)[1].split('"', 1)[0]
        assert (folder / source).resolve().is_file(), f"{language}: {source}"


@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["plain", "after-a-bom"])
def test_a_page_not_saved_as_utf8_is_named_at_its_first_bad_character(project: Path, bom: bytes) -> None:
    """Saved as Windows-1252: one message, where the first accent is; no false "no French version" after it."""
    slug = a_page_without_a_marker()
    path = project / "docs" / f"{slug}.md"
    data = path.read_text(encoding="utf-8").encode("cp1252", errors="replace")
    first = next(index for index, byte in enumerate(data) if byte > 127)  # ASCII before it: bytes are characters
    line, column = data[:first].count(b"\n") + 1, first - data.rfind(b"\n", 0, first)
    path.write_bytes(bom + data)  # a BOM, then text in another encoding: positions still count from the text
    output = assert_fails_cleanly(
        build(project), project, f"docs/{slug}.md:{line}:{column}: the file is not UTF-8 text"
    )
    assert "no French version" not in output and "does not exist" not in output, output


@pytest.fixture(scope="module")
def active_content_broken(tmp_path_factory: pytest.TempPathFactory) -> BrokenCopy:
    """One page with every kind of active content and outside image: all reported by one build, at their lines."""
    project = copy_project(tmp_path_factory.mktemp("active-content"))
    slug = a_page_without_a_marker()
    path = project / "docs" / f"{slug}.md"
    cases = {
        "handler": ('<p onclick="alert(1)">Click</p>', "onclick", "the page produces an event handler `onclick=`"),
        "meta": ('<meta http-equiv="refresh" content="0">', "<meta", "the page produces a `<meta>` element"),
        "link": ('<link rel="stylesheet" href="x.css">', "<link", "the page produces a `<link>` element"),
        "markdown-image": ("![Tableau](https://example.com/a.png)", "example.com/a.png", "the page loads `"),
        "html-image": ('<img alt="Tableau" src="//example.com/b.png">', "example.com/b.png", "the page loads `"),
    }
    path.write_text(
        path.read_text(encoding="utf-8") + "".join(f"\n{html}\n" for html, _, _ in cases.values()), encoding="utf-8"
    )
    expected = {
        name: (f"docs/{slug}.md:{line_of(path, written)}:1: {message}",)
        for name, (_, written, message) in cases.items()
    }
    output = assert_fails_cleanly(build(project), project)
    return BrokenCopy(project, output, expected)


@pytest.mark.parametrize("mistake", ["handler", "meta", "link", "markdown-image", "html-image"])
def test_active_content_and_outside_images_in_a_page_stop_the_build(
    active_content_broken: BrokenCopy, mistake: str
) -> None:
    assert_reported(active_content_broken, mistake)
    if "image" in mistake:  # the CSP would block it in readers' browsers: the editor hears of it at build time
        assert "save the file under docs/img/ and link it from there" in active_content_broken.output


def test_worked_example_out_of_step_with_the_simulator_names_both(project: Path) -> None:
    placement = placements("simulator")[0]
    data_file = project / "quizdata" / "simulators" / f"{placement.id}.yml"
    data = yaml.safe_load(data_file.read_text(encoding="utf-8"))
    data["defaults"]["base"] = data["defaults"]["base"] + 5000
    data_file.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    output = assert_fails_cleanly(build(project), project, f"docs/{placement.slug}.md:1:1: the page does not show")
    assert f"quizdata/simulators/{placement.id}.yml, `defaults:`" in output
    assert "bring the page's worked example and the simulator's defaults back in step" in output


def test_a_failed_build_leaves_no_site_behind(project: Path) -> None:
    # An error found while building the last language, after the others were written.
    slug = a_page_without_a_marker()
    path = project / "docs" / f"{slug}.{OTHER}.md"
    path.write_text(path.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert "no-such-page.md" in output_of(result)
    assert not list((project / "site").rglob("*.html"))


# ── what Markdown lets through without a word ───────────────────────────────


@pytest.mark.parametrize(
    ("character", "name"),
    [("\u202e", "U+202E (right-to-left override)"), ("\u200b", "U+200B (zero width space)"), ("\x07", "U+0007")],
)
def test_an_invisible_character_in_a_page_is_named_at_its_line_and_column(character: str, name: str) -> None:
    found = problems({"p.md": page(f"Un texte\nave{character}c un piège.")})
    # Front matter (3 lines), a blank line, the title, a blank line: the body's second line is line 8.
    assert any(problem.startswith(f"docs/p.md:8:4: an invisible character {name}") for problem in found), found


def test_a_page_in_a_folder_is_told_where_to_go() -> None:
    found = problems({"guides/p.md": page("Texte.")})
    assert any(
        problem.startswith("docs/guides/p.md:1:1: pages sit at the top of docs/")
        and "move this file to docs/p.md" in problem
        for problem in found
    ), found


def test_markup_in_a_nav_title_or_its_translation_is_refused_at_its_line() -> None:
    config = NavConfig(
        nav=[{"Accueil <img src=x onerror=alert(1)>": "index.md"}, {"Plan": "plan.md"}],
        default="fr",
        translations={"en": {"Accueil <img src=x onerror=alert(1)>": "Home", "Plan": "Plan &amp; more"}},
        translation_paths={"en": ("plugins", 1, "nav_translations")},
        lines={
            ("nav", 0, "Accueil <img src=x onerror=alert(1)>"): 10,
            ("nav", 1, "Plan"): 11,
            ("plugins", 1, "nav_translations", "Plan"): 40,
        },
        config_file="mkdocs.yml",
    )
    found = [str(problem) for problem in check_nav(config, {"index.md", "plan.md"}, {})]
    assert any(problem.startswith("mkdocs.yml:10:1: the nav title `Accueil <img") for problem in found), found
    assert any(problem.startswith("mkdocs.yml:40:1: the nav title `Plan &amp; more` holds markup") for problem in found)
