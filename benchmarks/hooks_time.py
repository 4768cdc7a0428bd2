"""Time spent inside the project's hooks, against the rest of the same build.

Builds a temporary copy of the project in this process, N times (after one warm-up build), with a
timer around every event function of every hook mkdocs.yml registers (`hooks/*.py`); the i18n
plugin's per-language builds included. Prints, per hook and in all, the median time inside the
hooks, the median of the whole build, and the ratio (whole build) / (whole build − hooks): what the
build costs against the same build if the hooks took no time. Budget: ratio ≤ 1.05.

In-process timing sees only this build's own work, so it is steadier than wall-clock A/B runs on a
shared machine; `scale.py` gives the A/B figure against plain Material.

    .venv/bin/python benchmarks/hooks_time.py [--runs 7] [--check]
"""

from __future__ import annotations

import argparse
import functools
import logging
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import copy_project, machine, table, temp_dir, verdict

BUDGET = 1.05


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed builds (default 7)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the budget is exceeded")
    args = parser.parse_args()

    project = copy_project(temp_dir("hooks-time") / "site")
    os.chdir(project)  # the copy's own package first on the import path, as `python -m mkdocs` would
    sys.path.insert(0, str(project))
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    print(f"{machine()}\ncopy: {project}\n")

    totals: list[float] = []
    inside: dict[str, list[float]] = defaultdict(list)
    for run in range(args.runs + 1):
        spent: dict[str, float] = defaultdict(float)
        total = _build(project, spent)
        if run == 0:
            continue  # warm-up: imports, Jinja's compiled templates, the minifier's cache
        totals.append(total)
        for hook in spent:
            inside[hook].append(spent[hook])

    total = statistics.median(totals)
    hooks = statistics.median([sum(values) for values in zip(*inside.values(), strict=True)])
    rows = [(hook, f"{statistics.median(values) * 1000:.0f} ms") for hook, values in sorted(inside.items())]
    rows += [("all hooks", f"{hooks * 1000:.0f} ms"), ("whole build", f"{total * 1000:.0f} ms")]
    print(table(("", f"median of {args.runs}"), rows))
    ratio = total / (total - hooks)
    ok = ratio <= BUDGET
    print(f"\nwhole build / (whole build − hooks) = {ratio:.3f} (budget ≤ {BUDGET}) → {verdict(ok)}")
    return 1 if args.check and not ok else 0


def _build(project: Path, spent: dict[str, float]) -> float:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site-out"))
    for event, methods in config.plugins.events.items():
        config.plugins.events[event] = [_timed(method, spent) for method in methods]
    config.plugins.on_startup(command="build", dirty=False)
    start = time.perf_counter()
    build(config)
    return time.perf_counter() - start


def _timed(method: Callable[..., Any], spent: dict[str, float]) -> Callable[..., Any]:
    module = getattr(method, "__module__", "") or ""
    if not module.startswith("hooks/"):
        return method  # MkDocs', Material's and the i18n plugin's own work: "the rest of the build"

    @functools.wraps(method)
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return method(*args, **kwargs)
        finally:
            spent[module] += time.perf_counter() - start

    return timed


if __name__ == "__main__":
    sys.exit(main())
