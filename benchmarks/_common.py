"""Helpers shared by the benchmark scripts (not a benchmark itself).

Every script copies what it needs into a temporary folder, builds with MkDocs in a
subprocess (mkdocs-static-i18n patches MkDocs during a build, so builds never run
in-process) and reports medians with their spread: the machines that run these are
shared and noisy, so only ratios against a baseline measured in the same run mean much.
"""

from __future__ import annotations

import atexit
import gzip
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROJECT_PARTS = ("mkdocs.yml", "docs", "hooks", "kam_guide", "overrides", "quizdata")
QUIZ_MARKER = re.compile(r"^<!--\s*quiz:\s*(?P<id>\S+)\s*-->\s*$", re.MULTILINE)
# Builds run as on an ordinary machine, where Python keeps compiled modules (__pycache__):
# a sandbox or CI that sets PYTHONDONTWRITEBYTECODE would otherwise charge every build
# with compiling the hooks' source again, which no reader's or editor's build pays twice.
BUILD_ENV = {
    **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
    "NO_MKDOCS_2_WARNING": "1",
}


# ─── Copies of the project ─────────────────────────────────────────────────


def temp_dir(prefix: str) -> Path:
    """A fresh temporary folder, removed when the script exits (KEEP_BENCH_FILES=1 keeps it)."""
    path = Path(tempfile.mkdtemp(prefix=f"kam-bench-{prefix}-"))
    if not os.environ.get("KEEP_BENCH_FILES"):
        atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


def copy_project(dest: Path, parts: Iterable[str] = PROJECT_PARTS) -> Path:
    """Copy the site's sources (config, docs, hooks, overrides, quiz data) into dest."""
    dest.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for part in parts:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=ignore)
        else:
            shutil.copy2(source, dest / part)
    return dest


def without_top_level_keys(config_text: str, keys: Iterable[str]) -> str:
    """mkdocs.yml without the named top-level keys and their blocks (text edit: the file holds
    `!ENV` and `!!python/name` tags that a YAML round trip would lose)."""
    keys = set(keys)
    kept: list[str] = []
    dropping = False
    for line in config_text.splitlines(keepends=True):
        top_level = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if top_level:
            dropping = top_level[1] in keys
        if not dropping:
            kept.append(line)
    return "".join(kept)


def top_level_block(config_text: str, key: str) -> str:
    """The lines of one top-level key of mkdocs.yml, key line included."""
    kept: list[str] = []
    inside = False
    for line in config_text.splitlines(keepends=True):
        top_level = re.match(r"^([A-Za-z_][\w-]*)\s*:", line)
        if top_level:
            inside = top_level[1] == key
        if inside and not line.startswith("#"):
            kept.append(line)
    if not kept:
        raise SystemExit(f"benchmark setup: mkdocs.yml has no top-level `{key}:`; update benchmarks/")
    return "".join(kept)


def without_lines(config_text: str, pattern: str) -> str:
    """The text without every line matching pattern; fails loudly when nothing matched."""
    regex = re.compile(pattern)
    lines = config_text.splitlines(keepends=True)
    kept = [line for line in lines if not regex.search(line)]
    if len(kept) == len(lines):
        raise SystemExit(f"benchmark setup: no line of mkdocs.yml matches {pattern!r}; update benchmarks/")
    return "".join(kept)


def without_quiz_hook(config_text: str) -> str:
    return without_lines(config_text, r"^\s*-\s*hooks/quiz\.py\s*$")


def strip_quiz_markers(docs: Path) -> int:
    """Remove every `<!-- quiz: … -->` line from the Markdown under docs; returns how many."""
    removed = 0
    for path in docs.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        new, count = QUIZ_MARKER.subn("", text)
        if count:
            path.write_text(new, encoding="utf-8")
            removed += count
    return removed


def write_quiz_texts(docs: Path) -> None:
    """Each `<!-- quiz: … -->` line replaced by that quiz's Markdown texts in the page's language."""
    from kam_guide.quiz.catalog import QuizCatalog
    from kam_guide.quiz.render import QuizRenderer

    quizzes, _ = QuizCatalog().load_all(ROOT / "quizdata", ["fr", "en"], ROOT)
    renderer = QuizRenderer(ROOT / "overrides" / "components")
    for path in docs.rglob("*.md"):
        language = "en" if path.name.endswith(".en.md") else "fr"
        text = path.read_text(encoding="utf-8")
        placed = QUIZ_MARKER.sub(
            lambda found, language=language: renderer.markdown_parts(quizzes[found["id"]], language), text
        )
        if placed != text:
            path.write_text(placed, encoding="utf-8")


# ─── Builds ─────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class BuildRun:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child
    maxrss_mib: float  # peak resident memory of the child (ru_maxrss)


def build_command(site_dir: Path, config_file: str = "mkdocs.yml", extra: Sequence[str] = ()) -> list[str]:
    """The build every script times or counts: the same arguments, so the same caches are warm
    (Jinja keys its compiled partials by their path, which `-f` changes)."""
    return [sys.executable, "-m", "mkdocs", "build", "-q", "-f", config_file, "-d", str(site_dir), *extra]


def build(project: Path, site_dir: Path, config_file: str = "mkdocs.yml", extra: Sequence[str] = ()) -> BuildRun:
    """`python -m mkdocs build -q` in a subprocess; wall time, CPU time and peak memory of the child."""
    command = build_command(site_dir, config_file, extra)
    with tempfile.TemporaryFile() as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=BUILD_ENV, stdout=output, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            output.seek(0)
            log = output.read().decode("utf-8", "replace")
            raise SystemExit(f"build failed in {project} ({' '.join(command)}):\n{log}")
    # Linux reports ru_maxrss in KiB.
    return BuildRun(wall=wall, cpu=usage.ru_utime + usage.ru_stime, maxrss_mib=usage.ru_maxrss / 1024)


# ─── Figures ────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Summary:
    median: float
    low: float
    high: float

    @property
    def spread_percent(self) -> float:
        """(max − min) / median, in percent."""
        return (self.high - self.low) / self.median * 100 if self.median else 0.0

    def show(self, unit: str = "s", digits: int = 2) -> str:
        return (
            f"{self.median:.{digits}f} {unit} "
            f"[{self.low:.{digits}f}–{self.high:.{digits}f}, ±{self.spread_percent / 2:.0f}%]"
        )


def summarize(values: Sequence[float]) -> Summary:
    return Summary(statistics.median(values), min(values), max(values))


def gzipped_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """A Markdown table (pastes into benchmarks/README.md as is)."""
    rows = [[str(cell) for cell in row] for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    lines = [
        "| " + " | ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)) + " |",
        "| " + " | ".join("-" * w for w in widths) + " |",
    ]
    for row in rows:
        lines.append("| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |")
    return "\n".join(lines)


def machine() -> str:
    from importlib.metadata import version

    packages = ", ".join(f"{name} {version(name)}" for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n"))
    return (
        f"{date.today().isoformat()} · {platform.machine()} · {os.cpu_count()} CPUs · "
        f"Python {platform.python_version()} · {packages}"
    )


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"
