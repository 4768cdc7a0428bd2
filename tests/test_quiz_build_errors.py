"""A mistake in quiz data, quiz texts or the quiz folder stops `mkdocs build` with one clear message.

Every test works on a copy of the project: the real files are never changed.
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
from siteproject import assert_fails_cleanly, build, copy_project, line_of, output_of

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


def test_bad_quiz_file_stops_the_build_naming_file_and_line(project: Path) -> None:
    path = project / "quizdata" / QUIZ_PATH.name
    document = load(path.read_text(encoding="utf-8"), path.name)
    position = document.value_positions[("bands", 0, "min")]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    low = QUIZ.lowest_total
    lines[position.line - 1] = lines[position.line - 1].replace(f"min: {low}", f"min: {low + 1}", 1)
    path.write_text("".join(lines), encoding="utf-8")
    assert_fails_cleanly(
        build(project),
        project,
        f"quizdata/{QUIZ_PATH.name}:{position.line}:{position.column}: total {low} falls in no band",
        "Quiz data: 1 problem, listed above.",
    )


def test_every_broken_file_is_reported_in_one_run(project: Path) -> None:
    shutil.copy(FIXTURES / "bad" / "points-boolean.yml", project / "quizdata")
    shutil.copy(FIXTURES / "bad" / "duplicate-key.yml", project / "quizdata")
    output = assert_fails_cleanly(build(project), project, "Quiz data: 2 problems")
    assert "quizdata/points-boolean.yml:42:17:" in output
    assert "quizdata/duplicate-key.yml:5:1: duplicate key `title`" in output


def test_yaml_syntax_error_says_what_to_do(project: Path) -> None:
    shutil.copy(FIXTURES / "bad" / "colon-in-text.yml", project / "quizdata")
    assert_fails_cleanly(build(project), project, "quizdata/colon-in-text.yml:6:24:", "put the whole text in quotes")


def test_unknown_quiz_marker_names_the_page_and_line(project: Path) -> None:
    page = project / "docs" / f"{QUIZ_PAGE}.md"
    heading = line_of(page, "# ")
    lines = page.read_text(encoding="utf-8").splitlines()
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


def test_missing_interface_text_stops_the_build(project: Path) -> None:
    interface = project / "quizdata" / "_interface.yml"
    data = yaml.safe_load(interface.read_text(encoding="utf-8"))
    del data["reset"][LANGUAGES[-1]]
    interface.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert_fails_cleanly(build(project), project, "quizdata/_interface.yml:", f"`reset` has no `{LANGUAGES[-1]}` text")


def test_missing_interface_file_stops_the_build(project: Path) -> None:
    (project / "quizdata" / "_interface.yml").unlink()
    assert_fails_cleanly(build(project), project, "quizdata/_interface.yml is missing", "restore it from git")


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda folder: (folder / "draft.yml").mkdir(), "quizdata/draft.yml:1:1: this is a folder, not a file"),
        (
            lambda folder: (folder / "new.yaml").write_text("id: new\n"),
            "data files end in `.yml`: rename it to new.yml",
        ),
        (lambda folder: (folder / "OLD.YML").write_text("id: old\n"), "rename it to OLD.yml"),
        (
            lambda folder: os.symlink(folder / "nowhere.yml", folder / "lock.yml"),
            "quizdata/lock.yml:1:1: this is a link to a file that does not exist",
        ),
    ],
    ids=["folder", "yaml-extension", "upper-case-extension", "dangling-link"],
)
def test_odd_files_in_the_quiz_folder_are_named(project: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    make(project / "quizdata")
    assert_fails_cleanly(build(project), project, expected)


def test_editor_lock_and_hidden_files_are_ignored(project: Path) -> None:
    folder = project / "quizdata"
    os.symlink("user@host.1234", folder / f".#{QUIZ_PATH.name}")  # Emacs' lock file: a dangling link
    (folder / f".{QUIZ_PATH.name}.swp").write_bytes(b"\x00binary")
    (folder / f"{QUIZ_PATH.name}~").write_text("id: backup\n")
    result = build(project)
    assert result.returncode == 0, output_of(result)


def first_dimension_advice(data: dict[str, Any], language: str) -> dict[str, Any]:
    return data["dimensions"][0]["advice"] if data.get("dimensions") else data["bands"][0]["text"]


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("[x](no-such-page.md)", "goes to no page: docs/no-such-page.md does not exist"),
        (f"[x]({QUIZ_PAGE}.md#no-such-anchor)", f"goes to no heading `#no-such-anchor` in docs/{QUIZ_PAGE}"),
    ],
    ids=["page", "anchor"],
)
def test_broken_link_in_quiz_text_is_reported_at_its_yaml_line(project: Path, link: str, expected: str) -> None:
    language = LANGUAGES[-1]

    def add_link(data: dict[str, Any]) -> None:
        texts = data["bands"][0]["text"]
        texts[language] = texts[language].rstrip() + f" See {link}.\n"

    path = edit_quiz(project, add_link)
    line = line_of(path, link)
    assert_fails_cleanly(build(project), project, f"quizdata/{QUIZ_PATH.name}:{line}:", expected, "(bands[1].text.")


def test_link_to_a_heading_without_an_explicit_anchor_is_reported_at_its_yaml_line(project: Path) -> None:
    """`#une-note-finale` is made from the French heading's words: the English page has another id."""
    for language, heading in ((DEFAULT_LANGUAGE, "Une note finale"), (LANGUAGES[-1], "A closing note")):
        page = project / "docs" / (f"{QUIZ_PAGE}.md" if language == DEFAULT_LANGUAGE else f"{QUIZ_PAGE}.{language}.md")
        page.write_text(page.read_text(encoding="utf-8") + f"\n## {heading}\n\nText.\n", encoding="utf-8")
    link = f"[x]({QUIZ_PAGE}.md#une-note-finale)"

    def add_link(data: dict[str, Any]) -> None:
        texts = data["bands"][0]["text"]
        texts[LANGUAGES[-1]] = texts[LANGUAGES[-1]].rstrip() + f" See {link}.\n"

    path = edit_quiz(project, add_link)
    assert_fails_cleanly(
        build(project),
        project,
        f"quizdata/{QUIZ_PATH.name}:{line_of(path, link)}:",
        "without a `{ #… }` anchor",
        "give that heading `{ #une-note-finale }` in every language",
    )


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        ('{: onclick="alert(1)" }', "an event handler `onclick=`"),
        ("See [x](javascript:alert(1)).", "a `javascript:` address in `href=`"),
        ("See ![x](data:image/svg+xml;base64,PHN2Zz4=).", "a `data:` address in `src=`"),
        ('{: style="color:red" }', "a `style=` attribute"),
    ],
    ids=["attr-list-handler", "javascript-link", "data-image", "style"],
)
def test_active_markup_in_quiz_text_is_refused(project: Path, markdown: str, expected: str) -> None:
    assert_active_markup_refused(project, DEFAULT_LANGUAGE, markdown, expected)


def test_active_markup_in_the_last_language_built_leaves_no_page(project: Path) -> None:
    # Checked as each language's page is converted: the first language's pages are written by then.
    assert_active_markup_refused(project, LANGUAGES[-1], '{: onclick="alert(1)" }', "an event handler `onclick=`")


def assert_active_markup_refused(project: Path, language: str, markdown: str, expected: str) -> None:
    """Refused, and reported at the line of the text where the markup is written."""

    def add(data: dict[str, Any]) -> None:
        texts = data["bands"][0]["text"]
        texts[language] = texts[language].rstrip() + "\n\nAnd one more line.\nClick me.\n" + markdown + "\n"

    path = edit_quiz(project, add)
    line = line_of(path, markdown)
    assert_fails_cleanly(
        build(project), project, f"quizdata/{QUIZ_PATH.name}:{line}:", expected, f"(bands[1].text.{language})"
    )
