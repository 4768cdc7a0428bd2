"""A mistake in quiz data or a quiz marker stops `mkdocs build` with one clear message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "overrides", "quizdata")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the site's sources that a test may break."""
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, tmp_path / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tmp_path / part)
    return tmp_path


def build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
    )


def assert_fails_cleanly(result: subprocess.CompletedProcess[str], project: Path, expected: str) -> None:
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert expected in output
    assert "Traceback" not in output
    # Validation runs before any page is rendered: nothing is half-written.
    assert not list((project / "site").rglob("*.html"))


def test_bad_quiz_file_stops_the_build_naming_file_and_line(project: Path) -> None:
    quiz = project / "quizdata" / "kam-self-assessment.yml"
    text = quiz.read_text(encoding="utf-8")
    line = text.splitlines().index("bands:") + 2  # the first band's `min:` line
    quiz.write_text(text.replace("  - min: 15\n", "  - min: 16\n", 1), encoding="utf-8")
    assert_fails_cleanly(
        build(project),
        project,
        f"quizdata/kam-self-assessment.yml:{line}:10: total 15 falls in no band",
    )


def test_every_broken_file_is_reported_in_one_run(project: Path) -> None:
    shutil.copy(ROOT / "tests/fixtures/quizzes/bad/points-boolean.yml", project / "quizdata")
    shutil.copy(ROOT / "tests/fixtures/quizzes/bad/duplicate-key.yml", project / "quizdata")
    result = build(project)
    assert_fails_cleanly(result, project, "Quiz data has 2 problem(s)")
    output = result.stdout + result.stderr
    assert "quizdata/points-boolean.yml:42:17:" in output
    assert "quizdata/duplicate-key.yml:5:1: duplicate key `title`" in output


def test_unknown_quiz_marker_names_the_page_and_line(project: Path) -> None:
    page = project / "docs" / "about.en.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    lines.insert(5, "<!-- quiz: no-such-quiz -->")
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = build(project)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "docs/about.en.md:6: unknown quiz `no-such-quiz` (quizzes in quizdata/: kam-self-assessment)" in output
    assert "Traceback" not in output


def test_marker_inside_a_code_block_is_left_alone(project: Path) -> None:
    page = project / "docs" / "about.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n```markdown\n<!-- quiz: no-such-quiz -->\n```\n",
        encoding="utf-8",
    )
    result = build(project)
    assert result.returncode == 0, result.stderr
    assert "&lt;!-- quiz: no-such-quiz --&gt;" in (project / "site" / "about.html").read_text(encoding="utf-8")


def test_missing_interface_text_stops_the_build(project: Path) -> None:
    interface = project / "quizdata" / "_interface.yml"
    text = interface.read_text(encoding="utf-8")
    interface.write_text(text.replace('  en: "Start again"\n', ""), encoding="utf-8")
    assert_fails_cleanly(build(project), project, "quizdata/_interface.yml:")
    assert "`reset` has no `en` text" in build(project).stderr
