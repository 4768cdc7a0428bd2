"""Front matter: every key the site or the theme reads is checked, and no value reaches a page unescaped.

Unit tests drive kam_guide.pages' schema on pages written here; one build of a copy puts every mistake in
at once, and one build of another copy shows what is accepted is printed escaped, with the
Content-Security-Policy first in <head>, and that nothing typed in a page passes for the hooks' own state.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from kam_guide.pages.frontmatter import ThemeChoices, front_matter_problems
from kam_guide.pages.page_source import read_page
from sitecontent import DEFAULT_LANGUAGE, LANGUAGES, placements
from siteproject import assert_fails_cleanly, build, copy_project, line_of, output_of

THEME = ThemeChoices(templates=("main.html",), statuses=(), icon_exists=lambda name: name == "material/account-tie")
DESCRIPTION = (
    "A description long enough for the content check, which wants between one hundred and twenty and "
    "one hundred and sixty."
)


def problems_of(front_matter: str) -> list[str]:
    page = read_page("docs/p.md", f"---\n{front_matter}\n---\n\n# Title\n")
    return [str(problem) for problem in page.problems + front_matter_problems(page, THEME)]


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ('title: "Le plan <img src=x onerror=alert(1)>"', "`title:` is plain text"),
        ('author: "<script>alert(1)</script>"', "`author:` is plain text"),
        ('subtitle: "R&amp;D"', "holds markup (`&amp;`"),
        ("title: 5", "`title:` must be text"),
        ("title: [a, b]", "`title:` must be text"),
        ("hide: 5", "`hide:` must be a list of what to hide"),
        ("hide: toc", "`hide:` must be a list of what to hide"),
        ("hide: [toc, sidebar]", "cannot hide `sidebar`: choose among navigation, toc"),
        ("search: 5", "`search:` must be a mapping"),
        ("search: {exclude: oui}", "`exclude` must be `true` or `false`"),
        ("search: {boost: 1000}", "`boost` must be a number above 0"),
        ("search: {weight: 2}", "knows `exclude` and `boost`, not `weight`"),
        ("status: new", "the site defines none"),
        ("icon: ../../../etc/passwd", "must name one of the theme's icons"),
        ("icon: material/no-such-icon", "must name one of the theme's icons"),
        ("template: nope.html", "must be one of the site's page templates: main.html"),
        ("template: 5", "must be one of the site's page templates"),
        ("tags: 5", "`tags:` must be a list of words"),
        ('tags: ["<b>x</b>"]', "each tag is a plain word"),
        ('title: "a\\u202eb"', "U+202E (right-to-left override)"),
    ],
)
def test_a_key_the_site_reads_is_checked_at_its_line(front_matter: str, expected: str) -> None:
    found = problems_of(f'description: "{"d" * 130}"\n{front_matter}')
    assert len(found) == 1 and expected in found[0], found
    assert found[0].startswith("docs/p.md:3:"), found


def test_a_description_that_would_close_its_meta_tag_is_refused() -> None:
    found = problems_of(f'description: "{"d" * 130}\\"><img src=x onerror=alert(1)>"')
    assert len(found) == 1 and "`description:` is plain text" in found[0], found


@pytest.mark.parametrize(
    "front_matter",
    [
        'title: "R&D, pricing & the « plan de compte »"',
        "title: 'He said \"yes\" — 3 < 4'",
        "hide: [toc, navigation]",
        "search: {exclude: true, boost: 2}",
        "template: main.html",
        "icon: material/account-tie",
        'tags: [negotiation, "2026"]',
        "made_up_key: '<b>anything</b>'",  # unknown keys are allowed: escaped before any template
    ],
)
def test_good_values_pass(front_matter: str) -> None:
    assert problems_of(f'description: "{"d" * 130}"\n{front_matter}') == []


def test_every_front_matter_mistake_of_a_copy_is_reported_at_once(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    pages = sorted(path for path in (project / "docs").glob("*.md") if path.name.count(".") == 1)
    mistakes = {
        pages[0]: 'title: "<b>Bold</b>"',
        pages[1]: "hide: 5",
        pages[2]: "search: 5",
        pages[3]: "template: nope.html",
        pages[4]: "status: new",
        pages[5]: "icon: ../../partials/header",
    }
    for path, line in mistakes.items():
        path.write_text(path.read_text(encoding="utf-8").replace("---\n", f"---\n{line}\n", 1), encoding="utf-8")
    output = assert_fails_cleanly(build(project), project)
    for path, line in mistakes.items():
        key = line.split(":")[0]
        assert f"docs/{path.name}:{line_of(path, line)}:1: `{key}:`" in output, output


def test_what_is_accepted_is_escaped_and_nothing_typed_passes_for_the_hooks_state(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    quiz = placements("quiz")[0]
    simulator = placements("simulator")[0]
    hostile = (
        "---\n"
        f'description: "{DESCRIPTION} \\"quoted\\" & more"\n'
        'title: "R&D \\"plans\\""\n'
        "made_up: '\"><script>alert(1)</script>'\n"
        "page_assets: [{name: '../../docs/evil', version: x, stylesheet: true}]\n"
        "---\n\n# Hostile\n\n"
        f"<!--quiz-start {quiz.id}-->\n\n<!--quiz-part intro-->\n\nx\n\n<!--/quiz-part-->\n\n"
        f"<!--quiz-end {quiz.id}-->\n\n<!--simulator-placed {simulator.id}-->\n\n<!--quiz-start no-such-quiz-->\n"
    )
    for language in LANGUAGES:
        suffix = "" if language == DEFAULT_LANGUAGE else f".{language}"
        (project / "docs" / f"index{suffix}.md").write_text(hostile, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, output_of(result)
    assert "Traceback" not in output_of(result)
    html = (project / "site" / "index.html").read_text(encoding="utf-8")
    head = BeautifulSoup(html, "html.parser").head
    assert head is not None
    first, second = head.find_all(True, limit=2)
    assert first.name == "meta" and first.get("charset") == "utf-8"
    assert second.get("http-equiv") == "Content-Security-Policy", "the policy must come right after <meta charset>"
    description = head.find("meta", attrs={"name": "description"})
    assert description is not None and description["content"].endswith('"quoted" & more')
    assert "<script>alert" not in html
    assert "evil" not in html, "a front matter value was read as the page's assets"
    assert "data-quiz=" not in html and "data-simulator" not in html, "a typed comment passed for a placed form"
