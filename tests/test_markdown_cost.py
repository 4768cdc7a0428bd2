"""Markdown written by editors converts in time proportional to its length, or the build says why not.

Python-Markdown scans ahead from what a text opens (`[`, `(`, `<`, backticks) to where it closes,
and its cost grows with the square of a paragraph's elements; the content check measures both
before Markdown runs. Every pattern the hooks apply to editors' text is linear too.
"""

from __future__ import annotations

import importlib
import pkgutil
import random
import re
import subprocess
import time
from pathlib import Path

import pytest

from hookloader import load_hook
from kam_guide.source.markdowncost import MAX_LOOKAHEAD, MAX_MARKS, _scan, _within_bounds, costly_markup, lookahead
from sitecontent import DEFAULT_LANGUAGE, LANGUAGES, ROOT, SLUGS
from siteproject import assert_fails_cleanly, build, copy_project, line_of, output_of

MEGABYTE = 1_000_000
# Two pages of the site, whichever they are (not the home page, which the others link from).
FIRST_PAGE, SECOND_PAGE = [slug for slug in SLUGS if slug != "index"][:2]
# What makes Markdown or a careless pattern read the same text again and again.
ADVERSARIAL = ["{", "[", "<", "*", "_", "`", "(", "]", "![", "[a](", "<a", "*a", "&amp;", "<b>a</b>", "a  \n", "{:"]
REFUSED = ["[", "<", "(", "![", "[a](", "<a", "*a", "&amp;", "<b>a</b>", "a  \n"]


@pytest.mark.code_only
@pytest.mark.parametrize("text", ADVERSARIAL)
def test_the_measure_itself_is_linear_on_a_megabyte(text: str) -> None:
    started = time.perf_counter()
    costly_markup(text * (MEGABYTE // len(text)))
    assert time.perf_counter() - started < 2, "the cost check must not cost what it guards against"


@pytest.mark.code_only
@pytest.mark.parametrize("text", REFUSED)
def test_a_megabyte_of_what_markdown_reads_again_and_again_is_refused(text: str) -> None:
    page = "Intro.\n\n" + text * (MEGABYTE // len(text))
    offset = costly_markup(page)
    assert offset is not None and page[:offset].count("\n") == 2, "reported on the paragraph's first line"


def test_every_page_of_the_site_is_far_below_the_limits() -> None:
    for page in sorted((ROOT / "docs").glob("*.md")):
        text = page.read_text(encoding="utf-8")
        assert lookahead(text) * 20 < MAX_LOOKAHEAD, (
            f"{page.name}: raise MAX_LOOKAHEAD in kam_guide/source/markdowncost.py"
        )
        assert costly_markup(text) is None, (
            f"{page.name}: raise MAX_MARKS ({MAX_MARKS}) in kam_guide/source/markdowncost.py"
        )


@pytest.mark.code_only
def test_closed_constructs_cost_their_length_only() -> None:
    links = "See [the plan](account-plan.md) and `code` and <abbr>KAM</abbr>. " * 20
    assert lookahead(links) < len(links)
    assert costly_markup("\n\n".join([links] * 2000)) is None  # a long page of closed links passes


@pytest.mark.code_only
def test_the_quick_answer_never_passes_what_the_walk_refuses() -> None:
    # costly_markup first counts characters (an upper bound of what Markdown reads ahead); only a text
    # over that bound is walked construct by construct. Random texts dense in constructs, near both
    # limits: whenever the count says "cheap", the walk must agree, or a costly text would pass.
    rng = random.Random(19)
    pieces = ["[", "]", "(", ")", "<", ">", "`", "``", "*", "_", "&", "a", " ", "\n", "\n\n", "word " * 8]
    agreed = walked = 0
    for _ in range(400):
        size = rng.choice([50, 500, 5_000, 40_000])
        text = "".join(rng.choice(pieces) for _ in range(size // 3))
        limit = MAX_LOOKAHEAD // rng.choice([1, 10, 100]) + 2 * len(text)
        if _within_bounds(text, limit):
            agreed += 1
            assert lookahead(text) <= limit and _scan(text, limit)[1] is None, text[:200]
        else:
            walked += 1
    assert agreed and walked, "the random texts must exercise both answers"


def _hook_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern at the top of a hook or a module of kam_guide (patterns inside functions are kept out)."""
    modules = [
        importlib.import_module(info.name)
        for info in pkgutil.walk_packages([str(ROOT / "kam_guide")], prefix="kam_guide.")
    ]
    modules += [load_hook(path) for path in sorted((ROOT / "hooks").glob("*.py"))]
    found = []
    for module in modules:
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.pattern and isinstance(value.pattern, str):
                found.append((f"{module.__name__}.{name}", value))
    return found


@pytest.mark.code_only
@pytest.mark.parametrize(("name", "pattern"), _hook_patterns(), ids=lambda item: item if isinstance(item, str) else "")
def test_every_pattern_of_the_hooks_is_linear_on_hostile_lines(name: str, pattern: re.Pattern[str]) -> None:
    for text in ["{", "[", "<", "*", "_", "`", "#", " #", "<!--", "&#", "a=", "{#", "](", "\\", "/*", "url(", "\\1"]:
        line = text * (100_000 // len(text))
        started = time.perf_counter()
        for _ in pattern.finditer(line):
            pass
        assert time.perf_counter() - started < 1, f"{name} is slow on a line of {text!r}: make it linear"


def _with_body(project: Path, slug: str, body: str) -> None:
    """Put `body` after the title of every language version of a page of the copy."""
    for language in LANGUAGES:
        path = project / "docs" / (f"{slug}.md" if language == DEFAULT_LANGUAGE else f"{slug}.{language}.md")
        text = path.read_text(encoding="utf-8")
        title_end = text.index("\n", text.index("\n# ") + 1)
        path.write_text(text[:title_end] + "\n\n" + body + "\n" + text[title_end:], encoding="utf-8")


def test_megabyte_lines_markdown_reads_once_are_built(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    _with_body(project, FIRST_PAGE, "\n\n".join(text * (MEGABYTE // 4) for text in ("{", "*", "_", "`")))
    try:
        result = build(project)  # a few seconds; the subprocess timeout turns a hang into a failure
    except subprocess.TimeoutExpired:
        pytest.fail("the build hung on megabyte lines")
    assert result.returncode == 0, output_of(result)


def test_megabyte_lines_markdown_reads_again_and_again_stop_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    _with_body(project, FIRST_PAGE, "[" * MEGABYTE)
    _with_body(project, SECOND_PAGE, "<a" * (MEGABYTE // 2))
    output = assert_fails_cleanly(build(project), project)
    for slug, start in ((FIRST_PAGE, "[[[["), (SECOND_PAGE, "<a<a")):
        for path in (project / "docs").glob(f"{slug}.*md"):
            where = f"docs/{path.name}:{line_of(path, start)}:1: Markdown would take minutes"
            assert where in output, output
