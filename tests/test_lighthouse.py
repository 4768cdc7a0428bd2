"""Quality gate: Lighthouse on the home page, a content page and the quiz page, in both languages.

Lighthouse comes from npm, pinned in package.json / package-lock.json (`npm ci` installs it
into node_modules/), and drives the system Chromium. Mobile form factor, simulated throttling
(Lighthouse's defaults). Accessibility, best practices and SEO must score 100, performance 95.

The strict build of the session (the `site` fixture) is served on 127.0.0.1 the way a static
host serves it (gzip, keep-alive; see tests/conftest.py), so Lighthouse scores the site rather
than Python's bare test server. Every page runs once, all in one Chromium (tests/js/lighthouse-runs.mjs:
starting Chromium and Lighthouse once per page cost more than the pages). A page below a minimum runs
four times more and the median of the five counts, as Lighthouse's docs advise against variability
(docs/variability.md: the median of five runs halves it): a slow moment of this shared machine does not
fail the gate, and a page that is really slow fails it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import LANGUAGES, ROOT, BuiltSite, chromium_path
from sitecontent import placements

# Alone: under pytest-xdist no other worker runs a test meanwhile (tests/conftest.py, MachineGate).
pytestmark = [pytest.mark.browser, pytest.mark.alone]

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse"
RUNNER = ROOT / "tests" / "js" / "lighthouse-runs.mjs"
# The home page and the pages with the heaviest scripts: a quiz, a simulator.
PAGES = tuple(dict.fromkeys(["index", placements("quiz")[0].slug, placements("simulator")[0].slug]))
MINIMUM = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking "
    "--disable-component-update --disable-sync --no-first-run"
)
TIMEOUT = 300  # seconds for one Lighthouse run
RUNS = 5  # for a page below a minimum at its first run; the median counts


# ─── Fixtures ───────────────────────────────────────────────────────────────


@pytest.fixture(scope="session")
def lighthouse() -> list[str]:
    """The Lighthouse command; skipped (failed under CI) when it or Chromium is missing."""
    problems = []
    if not LIGHTHOUSE.exists():
        problems.append(
            "Lighthouse is not installed: run `npm ci` at the repository root "
            "(it installs the version pinned in package-lock.json into node_modules/)."
        )
    elif shutil.which("node") is None:
        problems.append("Node.js is not installed: `sudo apt-get install nodejs npm`, then `npm ci`.")
    if chromium_path() is None:
        problems.append(
            "Chromium is not installed: install Debian's package (`sudo apt-get install chromium`) "
            "or set CHROMIUM_PATH to a Chromium binary."
        )
    if problems:
        message = " ".join(problems)
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the Lighthouse gate. {message}", pytrace=False)
        pytest.skip(message)
    return ["node", str(RUNNER)]


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lighthouse")


@pytest.fixture(scope="module")
def first_runs(lighthouse: list[str], site: BuiltSite, reports: Path) -> dict[str, dict[str, Any]]:
    """One run of every page, in one Chromium: {url: report}."""
    urls = [site.page_url(slug, language) for slug in PAGES for language in LANGUAGES]
    return dict(zip(urls, _run(lighthouse, urls, reports / "first"), strict=True))


# ─── Tests ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("slug", PAGES)
def test_lighthouse_scores(
    lighthouse: list[str],
    site: BuiltSite,
    first_runs: dict[str, dict[str, Any]],
    reports: Path,
    slug: str,
    language: str,
    record_property: Callable[[str, object], None],
) -> None:
    url = site.page_url(slug, language)
    start = time.perf_counter()
    report = first_runs[url]
    note = ""
    if _below_minimum(report):
        # Simulated throttling scales what this shared machine's CPU measured, so one run can be off.
        runs = [report, *_run(lighthouse, [url] * (RUNS - 1), reports / f"{language}-{slug}")]
        report = sorted(runs, key=lambda run: _scores(run)["performance"])[RUNS // 2]
        note = f" (performance over {RUNS} runs: {[_scores(run)['performance'] for run in runs]}, median kept)"
    scores = _scores(report)
    line = ", ".join(f"{category} {score}" for category, score in scores.items())
    # Listed at the end of the run, pass or fail (tests/conftest.py, pytest_terminal_summary).
    record_property("shown", f"Lighthouse {url}: {line}{note} [{time.perf_counter() - start:.0f} s more]")

    failing = {category: score for category, score in scores.items() if score < MINIMUM[category]}
    if failing:
        pytest.fail(
            f"Lighthouse on {url}: {line}{note}; needed "
            + ", ".join(f"{c} ≥ {m}" for c, m in MINIMUM.items())
            + f". Reports in {reports}.\n"
            + "\n".join(_failing_audits(report, category) for category in failing),
            pytrace=False,
        )


# ─── Helpers ────────────────────────────────────────────────────────────


def _run(lighthouse: list[str], urls: list[str], output: Path) -> list[dict[str, Any]]:
    """One Lighthouse report per URL, in order, from one Chromium."""
    output.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "CHROME_PATH": chromium_path() or "/usr/bin/chromium", "CHROME_FLAGS": CHROME_FLAGS}
    result = subprocess.run(
        [*lighthouse, str(output), *urls],
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT * len(urls),
        cwd=ROOT,
    )
    files = [output / f"{index}.json" for index in range(len(urls))]
    if result.returncode != 0 or not all(file.exists() for file in files):
        pytest.fail(
            f"Lighthouse itself failed on {urls} (exit {result.returncode}):\n{result.stderr[-3000:]}", pytrace=False
        )
    reports = []
    for url, file in zip(urls, files, strict=True):
        report = json.loads(file.read_text(encoding="utf-8"))
        if report.get("runtimeError"):
            error = report["runtimeError"]
            pytest.fail(
                f"Lighthouse itself failed on {url}: {error.get('code')}: {error.get('message')}", pytrace=False
            )
        reports.append(report)
    return reports


def _below_minimum(report: dict[str, Any]) -> bool:
    return any(score < MINIMUM[category] for category, score in _scores(report).items())


def _scores(report: dict[str, Any]) -> dict[str, int]:
    return {category: round((report["categories"][category]["score"] or 0) * 100) for category in MINIMUM}


def _failing_audits(report: dict[str, Any], category: str) -> str:
    """The audits that cost the category points, with what Lighthouse says about them."""
    lines = [f"{category} {_scores(report)[category]} < {MINIMUM[category]}:"]
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        score = audit.get("score")
        savings = any((audit.get("metricSavings") or {}).values())
        counts = ref.get("weight", 0) > 0 or (category == "performance" and savings)
        if score is None or score >= (1 if category != "performance" else 0.9) or not counts:
            continue
        value = f" — {audit['displayValue']}" if audit.get("displayValue") else ""
        lines.append(f"  - {ref['id']}: {audit['title']}{value} (score {score:g})")
        for item in _detail_items(audit)[:3]:
            node = item.get("node") if isinstance(item.get("node"), dict) else {}
            where = node.get("selector") or item.get("url") or ""
            what = node.get("explanation") or ""
            if where or what:
                lines.append(f"      {where} {what}".rstrip().replace("\n", " "))
    return "\n".join(lines)


def _detail_items(audit: dict[str, Any]) -> list[dict[str, Any]]:
    """The rows of an audit's details (tables, or lists of tables), flattened one level."""
    items = (audit.get("details") or {}).get("items")
    if not isinstance(items, list):
        return []
    rows: list[dict[str, Any]] = []
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("items"), list):
            rows.extend(row for row in item["items"] if isinstance(row, dict))
        elif isinstance(item, dict):
            rows.append(item)
    return rows
