"""A mistake in quiz data, quiz texts or the quiz folder stops `mkdocs build` with one clear message.

Every test works on a copy of the project: the real files are never changed. Mistakes found at the
same stage of the build go into one copy, built once: the build must report all of them in that run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from kam_guide.source.yamlsource import load
from quizfiles import FIXTURES, REAL_QUIZZES, load_quiz
from sitecontent import DEFAULT_LANGUAGE, LANGUAGES, placements
from siteproject import BrokenCopy, assert_fails_cleanly, assert_reported, build, copy_project, line_of, output_of

QUIZ_PATH = REAL_QUIZZES[0]
QUIZ = load_quiz(QUIZ_PATH)
QUIZ_PAGE = next(p.slug for p in placements("quiz"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def edit_quiz(project: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """Change a copy of the first quiz through its data, and write it back as plain YAML."""
    path = project / "quizdata" / QUIZ_PATH.name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(
        yaml.dump(data, Dumper=_EditorDumper, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8"
    )
    return path


class _EditorDumper(yaml.SafeDumper):
    """Texts of several lines written as editors write them: a `|` block, one line per line."""


_EditorDumper.add_representer(
    str,
    lambda dumper, text: dumper.represent_scalar(
        "tag:yaml.org,2002:str", text, style="|" if "\n" in text.strip() else None
    ),
)


# ── the quiz folder: every file's problems in one run ───────────────────────

DATA_MISTAKES = [
    "band-without-a-total",
    "points-boolean",
    "duplicate-key",
    "colon-in-text",
    "interface-text-missing",
    "folder",
    "yaml-extension",
    "upper-case-extension",
    "dangling-link",
]


@pytest.fixture(scope="module")
def quiz_data_broken(tmp_path_factory: pytest.TempPathFactory) -> BrokenCopy:
    project = copy_project(tmp_path_factory.mktemp("quiz-data"))
    folder = project / "quizdata"
    expected: dict[str, tuple[str, ...]] = {}

    path = folder / QUIZ_PATH.name  # a band that leaves the lowest total out
    document = load(path.read_text(encoding="utf-8"), path.name)
    position = document.value_positions[("bands", 0, "min")]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    low = QUIZ.lowest_total
    lines[position.line - 1] = lines[position.line - 1].replace(f"min: {low}", f"min: {low + 1}", 1)
    path.write_text("".join(lines), encoding="utf-8")
    expected["band-without-a-total"] = (
        f"quizdata/{QUIZ_PATH.name}:{position.line}:{position.column}: total {low} falls in no band",
    )

    for name in ("points-boolean", "duplicate-key", "colon-in-text"):
        shutil.copy(FIXTURES / "bad" / f"{name}.yml", folder)
    expected["points-boolean"] = ("quizdata/points-boolean.yml:42:17:",)
    expected["duplicate-key"] = ("quizdata/duplicate-key.yml:5:1: duplicate key `title`",)
    expected["colon-in-text"] = ("quizdata/colon-in-text.yml:6:24:", "put the whole text in quotes")

    interface = folder / "_interface.yml"
    data = yaml.safe_load(interface.read_text(encoding="utf-8"))
    del data["reset"][LANGUAGES[-1]]
    interface.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    expected["interface-text-missing"] = ("quizdata/_interface.yml:", f"`reset` has no `{LANGUAGES[-1]}` text")

    (folder / "draft.yml").mkdir()
    (folder / "new.yaml").write_text("id: new\n")
    (folder / "OLD.YML").write_text("id: old\n")
    os.symlink(folder / "nowhere.yml", folder / "lock.yml")
    expected["folder"] = ("quizdata/draft.yml:1:1: this is a folder, not a file",)
    expected["yaml-extension"] = ("data files end in `.yml`: rename it to new.yml",)
    expected["upper-case-extension"] = ("rename it to OLD.yml",)
    expected["dangling-link"] = ("quizdata/lock.yml:1:1: this is a link to a file that does not exist",)

    # What editors' tools leave beside a file: ignored, never reported.
    os.symlink("user@host.1234", folder / f".#{QUIZ_PATH.name}")  # Emacs' lock file: a dangling link
    (folder / f".{QUIZ_PATH.name}.swp").write_bytes(b"\x00binary")
    (folder / f"{QUIZ_PATH.name}~").write_text("id: backup\n")
    return BrokenCopy(project, assert_fails_cleanly(build(project), project), expected)


@pytest.mark.parametrize("mistake", DATA_MISTAKES)
def test_every_quiz_data_mistake_is_reported_in_one_run(quiz_data_broken: BrokenCopy, mistake: str) -> None:
    assert_reported(quiz_data_broken, mistake)


def test_quiz_data_problems_are_counted(quiz_data_broken: BrokenCopy) -> None:
    assert f"Quiz data: {len(DATA_MISTAKES)} problems, listed above." in quiz_data_broken.output


def test_editor_lock_and_hidden_files_are_ignored(quiz_data_broken: BrokenCopy) -> None:
    for name in (f".#{QUIZ_PATH.name}", f".{QUIZ_PATH.name}.swp", f"{QUIZ_PATH.name}~"):
        assert name not in quiz_data_broken.output, quiz_data_broken.output


def test_missing_interface_file_stops_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    (project / "quizdata" / "_interface.yml").unlink()
    assert_fails_cleanly(build(project), project, "quizdata/_interface.yml is missing", "restore it from git")


# ── markers ─────────────────────────────────────────────────────────────────


def test_unknown_quiz_marker_names_the_page_and_line(project: Path) -> None:
    page = project / "docs" / f"{QUIZ_PAGE}.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    body = (
        lines.index("---", 1) + 1 if lines[:1] == ["---"] else 0
    )  # a YAML comment in front matter starts with "# " too
    heading = next(number for number, line in enumerate(lines[body:], start=body + 1) if line.startswith("# "))
    lines[heading:heading] = ["", "<!-- quiz: no-such-quiz -->", ""]
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    known = ", ".join(sorted(path.stem for path in REAL_QUIZZES))
    assert_fails_cleanly(
        build(project),
        project,
        f"docs/{QUIZ_PAGE}.md:{heading + 2}:1: unknown quiz `no-such-quiz` (in quizdata/: {known})",
    )


def test_marker_inside_a_code_block_is_left_alone(project: Path) -> None:
    page = project / "docs" / "index.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n~~~markdown\n<!-- quiz: no-such-quiz -->\n~~~\n",
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, output_of(result)
    assert "&lt;!-- quiz: no-such-quiz --&gt;" in (project / "site" / "index.html").read_text(encoding="utf-8")


# ── quiz texts: links and what their Markdown produces ──────────────────────


def add_to_band_text(project: Path, language: str, addition: str) -> Path:
    """Add to the first band's text (its `self` text when it has one per audience: not only what a page shows
    first is checked)."""

    def add(data: dict[str, Any]) -> None:
        texts = data["bands"][0]["text"]
        texts = texts.get("self", texts)
        texts[language] = texts[language].rstrip() + addition

    return edit_quiz(project, add)


def band_text_where(language: str) -> str:
    """Where add_to_band_text adds, as messages name it."""
    texts = yaml.safe_load(QUIZ_PATH.read_text(encoding="utf-8"))["bands"][0]["text"]
    return f"(bands[1].text.self.{language})" if "self" in texts else f"(bands[1].text.{language})"


def test_link_to_no_page_is_reported_at_its_yaml_line(project: Path) -> None:
    link = "[x](no-such-page.md)"
    path = add_to_band_text(project, LANGUAGES[-1], f" See {link}.\n")
    assert_fails_cleanly(
        build(project),
        project,
        f"quizdata/{QUIZ_PATH.name}:{line_of(path, link)}:",
        "goes to no page: docs/no-such-page.md does not exist",
        band_text_where(LANGUAGES[-1]),
    )


@pytest.fixture(scope="module")
def anchors_broken(tmp_path_factory: pytest.TempPathFactory) -> BrokenCopy:
    """Two links to headings: one that does not exist, one whose id comes from its words."""
    project = copy_project(tmp_path_factory.mktemp("quiz-anchors"))
    # `#une-note-finale` is made from the French heading's words: the English page has another id.
    for language, heading in ((DEFAULT_LANGUAGE, "Une note finale"), (LANGUAGES[-1], "A closing note")):
        page = project / "docs" / (f"{QUIZ_PAGE}.md" if language == DEFAULT_LANGUAGE else f"{QUIZ_PAGE}.{language}.md")
        page.write_text(page.read_text(encoding="utf-8") + f"\n## {heading}\n\nText.\n", encoding="utf-8")
    missing, implicit = f"[x]({QUIZ_PAGE}.md#no-such-anchor)", f"[y]({QUIZ_PAGE}.md#une-note-finale)"
    path = add_to_band_text(project, LANGUAGES[-1], f" See {missing}.\nAnd {implicit}.\n")
    expected = {
        "no-such-anchor": (
            f"quizdata/{QUIZ_PATH.name}:{line_of(path, missing)}:",
            f"goes to no heading `#no-such-anchor` in docs/{QUIZ_PAGE}",
        ),
        "anchor-from-the-heading-words": (
            f"quizdata/{QUIZ_PATH.name}:{line_of(path, implicit)}:",
            "without a `{ #… }` anchor",
            "give that heading `{ #une-note-finale }` in every language",
        ),
    }
    return BrokenCopy(project, assert_fails_cleanly(build(project), project), expected)


@pytest.mark.parametrize("mistake", ["no-such-anchor", "anchor-from-the-heading-words"])
def test_links_to_headings_are_reported_at_their_yaml_line(anchors_broken: BrokenCopy, mistake: str) -> None:
    assert_reported(anchors_broken, mistake)


ACTIVE_MARKUP = {
    "attr-list-handler": ('{: onclick="alert(1)" }', "an event handler `onclick=`"),
    "javascript-link": ("See [x](javascript:alert(1)).", "a `javascript:` address in `href=`"),
    "data-image": ("See ![x](data:image/svg+xml;base64,PHN2Zz4=).", "a `data:` address in `src=`"),
    "style": ('{: style="color:red" }', "a `style=` attribute"),
}


@pytest.fixture(scope="module")
def active_markup_broken(tmp_path_factory: pytest.TempPathFactory) -> BrokenCopy:
    """Every kind of active markup in one quiz text: each refused at the line where it is written."""
    project = copy_project(tmp_path_factory.mktemp("quiz-active"))
    language = DEFAULT_LANGUAGE
    addition = "".join(f"\n\nA paragraph.\nClick me.\n{markdown}\n" for markdown, _ in ACTIVE_MARKUP.values())
    path = add_to_band_text(project, language, addition)
    expected = {
        name: (f"quizdata/{QUIZ_PATH.name}:{line_of(path, markdown)}:", finding, band_text_where(language))
        for name, (markdown, finding) in ACTIVE_MARKUP.items()
    }
    return BrokenCopy(project, assert_fails_cleanly(build(project), project), expected)


@pytest.mark.parametrize("mistake", list(ACTIVE_MARKUP))
def test_active_markup_in_quiz_text_is_refused(active_markup_broken: BrokenCopy, mistake: str) -> None:
    # Each finding on the line where it is written, all of them in one run.
    markdown, finding = ACTIVE_MARKUP[mistake]
    line = next(line for line in active_markup_broken.output.splitlines() if finding in line)
    assert all(words in line for words in active_markup_broken.expected[mistake][:2]), line


def test_active_markup_in_the_last_language_built_leaves_no_page(project: Path) -> None:
    # Checked as each language's page is converted: the first language's pages are written by then.
    markdown = '{: onclick="alert(1)" }'
    path = add_to_band_text(project, LANGUAGES[-1], f"\n\nAnd one more line.\nClick me.\n{markdown}\n")
    assert_fails_cleanly(
        build(project),
        project,
        f"quizdata/{QUIZ_PATH.name}:{line_of(path, markdown)}:",
        "an event handler `onclick=`",
        band_text_where(LANGUAGES[-1]),
    )
