"""What the quiz hook (or, with `--all-hooks`, every hook) costs a build of the real site.

Builds two temporary copies of the project, alternately, N times each:

- with the quiz hook: the project as it is;
- without it: `hooks/quiz.py` removed from `hooks:` in mkdocs.yml and the
  `<!-- quiz: … -->` lines removed from docs/ (everything else identical,
  including hooks/i18n_site.py);
- with `--all-hooks`, without any hook: the `hooks:` list removed from mkdocs.yml, the pages unchanged
  (their markers are then the comments they are written as), as plain Material and mkdocs-static-i18n build
  them; and a third copy, also without hooks, with the quiz's texts written as Markdown where the quiz is
  placed (the same Markdown the quiz hook hands MkDocs); and a fourth, like the third but keeping the theme's
  compiled templates between builds as the project does (kam_guide/source/template_cache.py, set by a one-line
  hook), so that the ratio to it is the hooks' own work. Each build is a new process, so importing the
  hooks' modules counts.

Each build is `python -m mkdocs build -q -d <tmp>` in a subprocess. Prints the
median wall-clock and CPU time of each, their spread, and the ratio with/without.
Budget: median wall-clock ratio ≤ 1.05.

On a shared, busy machine wall-clock ratios swing by ±20 %. `--instructions` also
runs one build of each under valgrind's callgrind, which counts instructions
executed: the same count whatever else the machine is doing, so the ratio of
counts is the figure to trust there (about 2 minutes a variant). With `--all-hooks`
it counts every variant and prints the hooks' own work in instructions too.

    .venv/bin/python benchmarks/hook_overhead.py [--runs 7] [--all-hooks] [--instructions] [--check]

`--check` exits with status 1 when the budget is exceeded (otherwise the script
only reports); with `--instructions`, the instruction ratio is the one checked.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from _common import (
    BUILD_ENV,
    build,
    build_command,
    copy_project,
    machine,
    strip_quiz_markers,
    summarize,
    table,
    temp_dir,
    verdict,
    without_quiz_hook,
    without_top_level_keys,
    write_quiz_texts,
)

BUDGET = 1.05
# The fourth variant's only hook: what kam_guide/source/template_cache.py gives a build, and nothing else.
TEMPLATE_CACHE_ONLY_HOOK = """from kam_guide.source.template_cache import cache_compiled_templates


def on_env(env, config, files):
    cache_compiled_templates(env)
    return env
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="builds of each variant (default 7)")
    parser.add_argument("--check", action="store_true", help="exit 1 when the budget is exceeded")
    parser.add_argument("--instructions", action="store_true", help="also count instructions with callgrind")
    parser.add_argument(
        "--all-hooks", action="store_true", help="compare with the site without any hook (`hooks:` removed)"
    )
    args = parser.parse_args()

    work = temp_dir("hook")
    with_hook = copy_project(work / "with-hook")
    without_hook = copy_project(work / "without-hook")
    config = without_hook / "mkdocs.yml"
    if args.all_hooks:
        config.write_text(without_top_level_keys(config.read_text(encoding="utf-8"), ["hooks"]), encoding="utf-8")
        # A third copy without hooks holds the quiz's texts as Markdown where the quiz is placed: the same
        # Markdown the quiz hook hands MkDocs, so the ratio to it leaves out converting and indexing them.
        with_texts = copy_project(work / "without-hooks-texts")
        (with_texts / "mkdocs.yml").write_text(config.read_text(encoding="utf-8"), encoding="utf-8")
        write_quiz_texts(with_texts / "docs")
        with_cache = copy_project(work / "without-hooks-texts-cache")
        write_quiz_texts(with_cache / "docs")
        (with_cache / "hooks" / "template_cache_only.py").write_text(TEMPLATE_CACHE_ONLY_HOOK, encoding="utf-8")
        (with_cache / "mkdocs.yml").write_text(
            config.read_text(encoding="utf-8") + "hooks:\n  - hooks/template_cache_only.py\n", encoding="utf-8"
        )
        variants = {
            "with the hooks": with_hook,
            "without hooks": without_hook,
            "without hooks, quiz texts as Markdown": with_texts,
            "the same, theme templates kept compiled": with_cache,
        }
        removed = "`hooks:` removed from the copies without hooks"
    else:
        config.write_text(without_quiz_hook(config.read_text(encoding="utf-8")), encoding="utf-8")
        markers = strip_quiz_markers(without_hook / "docs")
        variants = {"with quiz hook": with_hook, "without quiz hook": without_hook}
        removed = f"{markers} quiz marker(s) removed from the copy without the hook"

    print(f"Machine: {machine()}")
    print(f"Copies in {work}; {removed}.")
    print("Warm-up build of each variant (not counted)…", flush=True)
    for project in variants.values():
        build(project, work / "out")

    runs: dict[str, list] = {name: [] for name in variants}
    pair_ratios: list[float] = []
    names = list(variants)
    for run in range(args.runs):
        # Alternate which variant goes first, so drift on the machine hits both alike.
        order = names if run % 2 == 0 else names[::-1]
        for name in order:
            runs[name].append(build(variants[name], work / "out"))
        pair_ratios.append(runs[names[0]][-1].wall / runs[names[1]][-1].wall)
        print(
            f"  run {run + 1}/{args.runs}: " + ", ".join(f"{name} {runs[name][-1].wall:.2f} s" for name in names),
            flush=True,
        )

    rows = []
    for name in names:
        wall = summarize([r.wall for r in runs[name]])
        cpu = summarize([r.cpu for r in runs[name]])
        memory = summarize([r.maxrss_mib for r in runs[name]])
        rows.append([name, wall.show(), cpu.show(), f"{memory.median:.0f} MiB"])
    print()
    print(f"{args.runs} alternating builds of each (median [min–max, ±half the spread]):")
    print(table(["variant", "wall clock", "CPU (user+sys)", "peak RSS"], rows))

    def median_wall(name: str) -> float:
        return summarize([r.wall for r in runs[name]]).median

    wall_ratio = median_wall(names[0]) / median_wall(names[1])
    cpu_ratio = summarize([r.cpu for r in runs[names[0]]]).median / summarize([r.cpu for r in runs[names[1]]]).median
    pairs = summarize(pair_ratios)
    print()
    print(f"Ratio with/without (medians, wall clock): {wall_ratio:.3f}")
    print(f"Ratio with/without (medians, CPU time):   {cpu_ratio:.3f}")
    print(f"Ratio per alternating pair (wall clock):  {pairs.show(unit='', digits=3)}")
    for other in names[2:]:  # --all-hooks: against the same Markdown, then also the same template cache
        print(f"Ratio {names[0]} / {other} (medians, wall clock): {median_wall(names[0]) / median_wall(other):.3f}")
    ok = wall_ratio <= BUDGET
    print(f"Budget: wall-clock ratio ≤ {BUDGET:.2f} → {verdict(ok)}")
    if len(names) > 2:  # against the copy with the same cache: the hooks' own work, less what the cache saves
        print_own_work(median_wall(names[0]) / median_wall(names[-1]), names[-1], "wall clock")
    if args.instructions:
        counts = {name: instructions(project, work) for name, project in variants.items()}
        ratio = counts[names[0]] / counts[names[1]]
        print()
        print("Instructions executed by one build (valgrind --tool=callgrind):")
        print(table(["variant", "instructions"], [[name, f"{count:,}"] for name, count in counts.items()]))
        print(f"Ratio with/without (instructions): {ratio:.3f}")
        for other in names[2:]:
            print(f"Ratio {names[0]} / {other} (instructions): {counts[names[0]] / counts[other]:.3f}")
        ok = ratio <= BUDGET
        print(f"Budget: instruction ratio ≤ {BUDGET:.2f} → {verdict(ok)}")
        if len(names) > 2:
            print_own_work(counts[names[0]] / counts[names[-1]], names[-1], "instructions")
    return 1 if args.check and not ok else 0


def print_own_work(ratio: float, against: str, measure: str) -> None:
    print(f"The hooks' own work against {against} ({measure}): {ratio:.3f} → {verdict(ratio <= BUDGET)}")


def instructions(project: Path, work: Path) -> int:
    """Instructions one build executes, counted by callgrind (independent of machine load)."""
    if shutil.which("valgrind") is None:
        raise SystemExit("--instructions needs valgrind: sudo apt-get install valgrind")
    output = work / f"callgrind-{project.name}.out"
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={output}", *build_command(work / "out")]
    # A fixed hash seed: Python's randomised hashing would otherwise move the count by about 1 %.
    env = {**BUILD_ENV, "PYTHONHASHSEED": "0"}
    subprocess.run(command, cwd=project, env=env, check=True, capture_output=True)
    summary = next(line for line in output.read_text().splitlines() if line.startswith("summary:"))
    return int(summary.split()[1])


if __name__ == "__main__":
    sys.exit(main())
