"""Python code follows one style (ruff) and its type hints hold (mypy); settings in pyproject.toml."""

import subprocess
import sys

import pytest

from conftest import ROOT

# An editor's change (the editor-workflow copy) touches no code: these checks stay out of its run.
pytestmark = pytest.mark.code_only
FOLDERS = [folder for folder in ("hooks", "kam_guide", "tests", "benchmarks") if (ROOT / folder).is_dir()]


def ruff(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *arguments, *FOLDERS], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_finds_nothing() -> None:
    result = ruff("check")
    assert result.returncode == 0, (
        result.stdout + "\nFix with: .venv/bin/ruff check --fix hooks kam_guide tests benchmarks"
    )


def test_code_is_formatted() -> None:
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout + "\nFix with: .venv/bin/ruff format hooks kam_guide tests benchmarks"


def test_hooks_type_check() -> None:
    hooks = sorted(str(path.relative_to(ROOT)) for path in (ROOT / "hooks").glob("*.py"))
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "kam_guide", *hooks],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout
