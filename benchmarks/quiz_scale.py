"""What a large quiz costs a build: the real site against the same site plus a 30-question quiz.

The extra quiz is the worst case for counting how all answer sets spread over the bands:
30 questions of 8 options with power-of-two points (0, 1, 2, 4 … 64), 8^30 ≈ 1.2e27 answer
sets and 1,921 distinct totals. Both copies are built alternately, N times each (one warm-up
first), in subprocesses; the script prints medians and the ratio, and times the band count
itself in this process.

    .venv/bin/python benchmarks/quiz_scale.py [--runs 5] [--questions 30]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import yaml

from _common import ROOT, build, copy_project, machine, summarize, table, temp_dir

sys.path.insert(0, str(ROOT))
from kam_guide.quiz.scoring import band_shares  # noqa: E402
from kam_guide.quiz.validate import validate  # noqa: E402
from kam_guide.source.yamlsource import load  # noqa: E402

POINTS = (0, 1, 2, 4, 8, 16, 32, 64)
LANGUAGES = ("fr", "en")


def texts(word: str) -> dict[str, str]:
    return {language: f"{word} ({language})" for language in LANGUAGES}


def large_quiz(questions: int) -> dict[str, object]:
    highest = questions * max(POINTS)
    return {
        "id": "large-quiz",
        "title": texts("Large quiz"),
        "questions": [
            {
                "id": f"q{number}",
                "text": texts(f"Question {number}"),
                "options": [{"text": texts(f"Option {points}"), "points": points} for points in POINTS],
            }
            for number in range(1, questions + 1)
        ],
        "bands": [
            {"min": 0, "max": highest // 2, "title": texts("Low"), "text": texts("Low.")},
            {"min": highest // 2 + 1, "max": highest, "title": texts("High"), "text": texts("High.")},
        ],
    }


def add_quiz_page(project: Path, questions: int) -> str:
    quiz = large_quiz(questions)
    text = yaml.safe_dump(quiz, allow_unicode=True, sort_keys=False)
    (project / "quizdata" / "large-quiz.yml").write_text(text, encoding="utf-8")
    for suffix in ("", ".en"):
        description = (
            "A page generated for a benchmark: one very large quiz, thirty questions of eight options each, "
            "so as to time what it adds to the build."
        )
        page = f'---\ndescription: "{description}"\n---\n\n# Large quiz\n\n<!-- quiz: large-quiz -->\n'
        (project / "docs" / f"large-quiz{suffix}.md").write_text(page, encoding="utf-8")
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8").rstrip("\n") + "\n  - Large quiz: large-quiz.md\n"
    marker = "nav_translations:\n"
    at = text.index(marker, text.index("- locale: en")) + len(marker)
    config.write_text(text[:at] + "            Large quiz: Large quiz\n" + text[at:], encoding="utf-8")
    return (project / "quizdata" / "large-quiz.yml").read_text(encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--questions", type=int, default=30)
    args = parser.parse_args()

    work = temp_dir("quiz-scale")
    baseline = copy_project(work / "baseline")
    large = copy_project(work / "large")
    source = add_quiz_page(large, args.questions)

    quiz = validate(load(source, "large-quiz.yml"), LANGUAGES)
    start = time.perf_counter()
    shares = band_shares(quiz)
    counting = time.perf_counter() - start
    combinations = sum(share.combinations for share in shares)

    print(f"Machine: {machine()}")
    print(f"{args.questions} questions × {len(POINTS)} options, points {POINTS}: {combinations:.3e} answer sets")
    print(f"Counting the band spread in this process: {counting * 1000:.1f} ms")
    print(f"{args.runs} alternating builds of each, after one warm-up…")
    build(baseline, work / "site-baseline")
    build(large, work / "site-large")
    runs: dict[str, list[float]] = {"real site": [], f"real site + {args.questions}-question quiz": []}
    for run in range(args.runs):
        for name, project in zip(runs, (baseline, large), strict=True):
            runs[name].append(build(project, work / f"site-{project.name}").wall)
        print(f"  run {run + 1}/{args.runs}: " + ", ".join(f"{n} {v[-1]:.2f} s" for n, v in runs.items()))
    summaries = {name: summarize(values) for name, values in runs.items()}
    print(table(["variant", "build wall clock"], [[name, summary.show()] for name, summary in summaries.items()]))
    first, second = summaries.values()
    print(f"Ratio with the large quiz / without (medians): {second.median / first.median:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
