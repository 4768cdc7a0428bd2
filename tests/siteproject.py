"""Throwaway copies of the project, to break or extend as an editor would, and build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from sitecontent import ROOT

PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "kam_guide", "overrides", "quizdata")
TIMEOUT = 180  # seconds: a build that hangs fails the test instead of the suite


def copy_project(target: Path, parts: tuple[str, ...] = PROJECT_PARTS) -> Path:
    """A copy of the site's sources (never the real files) that a test may change."""
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, target / part)
    return target


def build(project: Path, *, site_url: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    if site_url:
        env["SITE_URL"] = site_url
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def output_of(result: subprocess.CompletedProcess[str]) -> str:
    return result.stdout + result.stderr


def assert_fails_cleanly(result: subprocess.CompletedProcess[str], project: Path, *expected: str) -> str:
    """The build stopped, said each expected thing, showed no traceback and wrote no page."""
    output = output_of(result)
    assert result.returncode == 1, output
    for words in expected:
        assert words in output, f"expected {words!r} in:\n{output}"
    assert "Traceback" not in output
    assert not list((project / "site").rglob("*.html")), "pages were written before the build stopped"
    return output


@dataclass(frozen=True)
class BrokenCopy:
    """A copy holding several mistakes, its build's output, and what the build must say about each mistake."""

    project: Path
    output: str
    expected: dict[str, tuple[str, ...]]  # mistake → what the build must say about it


def assert_reported(copy: BrokenCopy, mistake: str) -> None:
    for words in copy.expected[mistake]:
        assert words in copy.output, f"expected {words!r} in:\n{copy.output}"


def replace_in(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    """The 1-based line of the first line holding `needle`."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
