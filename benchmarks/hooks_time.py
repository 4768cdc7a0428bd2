"""Time spent inside the project's hooks, against the rest of the same build.

A timer goes around every event function of every hook mkdocs.yml registers (`hooks/*.py`), the
i18n plugin's per-language builds included, in a temporary copy of the project. Two figures:

- **first builds**, each in a new Python process, as `mkdocs build` and CI run it: the hooks' cost
  there also counts importing their modules (MkDocs loads them while it reads mkdocs.yml) and what
  they do once per process (reading the quiz data, loading Babel's CLDR data);
- **later builds** in one process, after a warm-up build, as `mkdocs serve` rebuilds: only the
  hooks' work for each build.

Prints, per hook and in all, the median time inside the hooks, the median of the whole build, and the
ratio (whole build) / (whole build − hooks): what the build costs against the same build if the hooks
took no time. Budget: ratio ≤ 1.05, for each figure.

In-process timing sees only this build's own work, so it is steadier than wall-clock A/B runs on a
shared machine; `hook_overhead.py --all-hooks` gives the A/B figure against plain Material.

    .venv/bin/python benchmarks/hooks_time.py [--runs 7] [--first-builds 7] [--check]
"""

from __future__ import annotations

import argparse
import functools
import json
import logging
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from _common import BUILD_ENV, copy_project, machine, table, temp_dir, verdict

BUDGET = 1.05
IMPORTS = "importing the hooks' modules"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="later builds in one process (default 7)")
    parser.add_argument("--first-builds", type=int, default=7, help="first builds, each in a new process (default 7)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a budget is exceeded")
    parser.add_argument("--one-build", type=Path, help=argparse.SUPPRESS)  # a child: one timed build, JSON out
    args = parser.parse_args()
    if args.one_build:
        _enter(args.one_build)
        print(json.dumps(_timed_build(args.one_build)))
        return 0

    project = copy_project(temp_dir("hooks-time") / "site")
    print(f"{machine()}\ncopy: {project}\n")
    ok = True
    # One process first, not counted: Python compiles the copy's modules and Jinja its partials once.
    _build_in_new_process(project)
    first = [_build_in_new_process(project) for _ in range(args.first_builds)]
    ok &= _report(f"First builds, each in a new process (`mkdocs build`), median of {args.first_builds}", first)
    later = _builds_in_this_process(project, args.runs)
    ok &= _report(f"Later builds in one process (`mkdocs serve`), median of {args.runs}", later)
    return 1 if args.check and not ok else 0


# ─── Measuring ──────────────────────────────────────────────────────────────

Timing = dict[str, Any]  # {"whole": seconds, "hooks": {name: seconds}}


def _build_in_new_process(project: Path) -> Timing:
    command = [sys.executable, __file__, "--one-build", str(project)]
    done = subprocess.run(command, cwd=project, env=BUILD_ENV, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{done.stderr}")
    return json.loads(done.stdout.splitlines()[-1])


def _builds_in_this_process(project: Path, runs: int) -> list[Timing]:
    _enter(project)
    timings = [_timed_build(project) for _ in range(runs + 1)]
    return timings[1:]  # the first was the warm-up: imports, compiled templates, the quiz data read once


def _enter(project: Path) -> None:
    os.chdir(project)  # the copy's own package first on the import path, as `python -m mkdocs` would
    sys.path.insert(0, str(project))
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.getLogger("mkdocs").setLevel(logging.ERROR)


def _timed_build(project: Path) -> Timing:
    """One build from reading mkdocs.yml to the last file written, with the time inside each hook."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    spent: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    with _timed_hook_imports(spent):
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-out"))
    for event, methods in config.plugins.events.items():
        config.plugins.events[event] = [_timed(method, spent) for method in methods]
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    return {"whole": time.perf_counter() - start, "hooks": dict(spent)}


@contextmanager
def _timed_hook_imports(spent: dict[str, float]) -> Iterator[None]:
    """Time MkDocs' loading of each hook module: the module and what it imports for the first time."""
    from mkdocs.config.config_options import Hooks

    load = Hooks._load_hook

    def timed_load(self: Hooks, name: str, path: str) -> Any:
        started = time.perf_counter()
        try:
            return load(self, name, path)
        finally:
            spent[IMPORTS] += time.perf_counter() - started

    Hooks._load_hook = timed_load  # type: ignore[method-assign,assignment]  # (MkDocs caches it per path)
    try:
        yield
    finally:
        Hooks._load_hook = load  # type: ignore[method-assign]


def _timed(method: Callable[..., Any], spent: dict[str, float]) -> Callable[..., Any]:
    module = getattr(method, "__module__", "") or ""
    if not module.startswith("hooks/"):
        return method  # MkDocs', Material's and the i18n plugin's own work: "the rest of the build"

    @functools.wraps(method)
    def timed(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[module] += time.perf_counter() - started

    return timed


# ─── Figures ────────────────────────────────────────────────────────────────


def _report(title: str, timings: list[Timing]) -> bool:
    names = sorted({name for timing in timings for name in timing["hooks"]})
    total = statistics.median(timing["whole"] for timing in timings)
    hooks = statistics.median(sum(timing["hooks"].values()) for timing in timings)
    rows = [(name, _ms(statistics.median(timing["hooks"].get(name, 0.0) for timing in timings))) for name in names]
    rows += [("all hooks", _ms(hooks)), ("whole build", _ms(total))]
    ratio = total / (total - hooks)
    ok = ratio <= BUDGET
    print(f"{title}:\n{table(('', 'median'), rows)}")
    print(f"whole build / (whole build − hooks) = {ratio:.3f} (budget ≤ {BUDGET}) → {verdict(ok)}\n")
    return ok


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


if __name__ == "__main__":
    sys.exit(main())
