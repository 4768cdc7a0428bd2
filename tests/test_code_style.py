"""Python code follows one style (ruff's checks and formatter, configured in pyproject.toml)."""

import subprocess
import sys

from conftest import ROOT

FOLDERS = [folder for folder in ("hooks", "tests", "benchmarks") if (ROOT / folder).is_dir()]


def ruff(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *arguments, *FOLDERS], cwd=ROOT, capture_output=True, text=True
    )


def test_ruff_finds_nothing() -> None:
    result = ruff("check")
    assert result.returncode == 0, result.stdout + "\nFix with: .venv/bin/ruff check --fix hooks tests benchmarks"


def test_code_is_formatted() -> None:
    result = ruff("format", "--check")
    assert result.returncode == 0, result.stdout + "\nFix with: .venv/bin/ruff format hooks tests benchmarks"
