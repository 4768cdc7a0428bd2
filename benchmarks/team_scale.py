"""What saved assessments cost the self-assessment page, and what an import of a large file does (issue 17).

In headless Chromium, the page is loaded with 0, 1,000 and 4,000 saved records in localStorage (random,
storage format 2, over about a tenth as many people, both raters), alternately, N times each; the time
from navigation to `[data-team-ready]` is taken in the page (a MutationObserver set before any script
runs). The records' own cost is that time minus the empty page's, and the figure that matters is the
ratio 4,000 / 1,000 of it: about 4 when loading is linear. Then a CSV export of 20,000 records (written
by the team tools' own `exportRows`/`csvText`) is imported into an empty table, as are the largest file under
the import limit and one over it: what the page said, and after how long.

    .venv/bin/python benchmarks/team_scale.py [--site DIR] [--runs 5] [--rows 20000]

Without --site it builds the project once into a temporary folder (`mkdocs build`, as the other scripts).
Chromium: CHROMIUM_PATH, else `chromium` on the PATH (Debian's package), driven by Playwright.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import shutil
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from _common import build, copy_project, machine, summarize, table, temp_dir

SIZES = (0, 1_000, 4_000)
STORE = "kam-guide.team."

# Set before the page's scripts run: when the team table says it is ready, in ms since navigation started.
# Also when quiz.js marks its form ready (team.js starts right after it, in the same task): the difference is
# team.js's start, what the saved records cost, without the page's download and Material's start, which vary
# from load to load. Timed where the attributes are set (an observer would see both at once, after the task).
# And, for imports, when a file is chosen and when the first notice shows after it.
READY_PROBE = """
const setAttribute = Element.prototype.setAttribute;
Element.prototype.setAttribute = function (name, value) {
    if (name === "data-quiz-ready" && window.__quizReady === undefined) window.__quizReady = performance.now();
    if (name === "data-team-ready" && window.__teamReady === undefined) window.__teamReady = performance.now();
    return setAttribute.call(this, name, value);
};
document.addEventListener("change", event => {
    if (event.target.matches("[data-team-import]")) { window.__chosen = performance.now(); window.__notice = null; }
}, true);
new MutationObserver(() => {
    if (window.__chosen === undefined || window.__notice) return;
    const shown = [...document.querySelectorAll("[data-quiz-notice]")].filter(el => !el.hidden)[0];
    if (shown) window.__notice = [shown.getAttribute("data-quiz-notice"), performance.now() - window.__chosen];
}).observe(document, {subtree: true, attributes: true, attributeFilter: ["hidden"]});
"""

# Random records of this page's quiz, scored by the page itself (kamGuide.quiz(form).score), seeded.
RECORDS = """([count, seed]) => {
    const form = document.querySelector("form[data-quiz]");
    const quiz = kamGuide.quiz(form);
    let state = seed;
    const random = n => { state = (state * 1103515245 + 12345) % 2147483648; return state % n; };
    const people = Math.max(1, Math.round(count / 10));
    const titles = [...form.querySelectorAll("[data-quiz-band-title]")].map(el => el.textContent.trim());
    const dimensions = Object.keys(quiz.maxima);
    const entries = [];
    for (let n = 0; n < count; n++) {
        const answers = {};
        quiz.questions.forEach(q => { answers[q.id] = random(q.options); });
        const result = quiz.score(answers);
        const scores = {};
        dimensions.forEach(id => { scores[id] = result.dimensions[id].score; });
        const day = new Date(Date.UTC(2024, 0, 1) + random(900) * 86400000).toISOString().slice(0, 10);
        entries.push({id: "r" + n, name: "KAM " + random(people), date: day, rater: random(3) ? "manager" : "self",
            version: quiz.version, answers, keys: quiz.keys, total: result.total, band: result.band,
            bandTitle: titles[result.band] || "", scores});
    }
    return {key: "kam-guide.team." + quiz.id, entries};
}"""

# The CSV a reader would export of these records: the tools' exportRows and csvText, with the page's words.
# The tools load on first use: fetched here as team.js fetches them (beside it, of its version).
EXPORT = """async entries => {
    if (!kamGuide.teamTools) {
        const team = document.querySelector("script[src*='team/team.js']");
        await new Promise((resolve, reject) => {
            const tools = document.createElement("script");
            tools.src = team.src.replace(/team\\.js(?=[?#]|$)/, "team-tools.js");
            tools.onload = resolve;
            tools.onerror = () => reject(new Error("cannot load " + tools.src));
            document.head.append(tools);
        });
    }
    const form = document.querySelector("form[data-quiz]");
    const quiz = kamGuide.quiz(form);
    const T = kamGuide.teamTools.rules;
    const words = quiz.questions.map(q => [...form.querySelectorAll(`fieldset[data-question="${q.id}"] label`)]
        .map(label => label.textContent.replace(/\\s+/g, " ").trim()));
    const rows = T.exportRows(entries, {
        version: quiz.version, dimensions: Object.keys(quiz.maxima), maxima: quiz.maxima,
        label: key => key, band: entry => entry.bandTitle,
        questions: quiz.questions.map((q, i) => ({id: q.id, points: q.points, options: words[i]})),
    });
    return T.csvText(rows, ";");
}"""


def chromium() -> str:
    path = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise SystemExit("Chromium not found: install Debian's `chromium` or set CHROMIUM_PATH")
    return path


def serve(directory: Path) -> tuple[ThreadingHTTPServer, str]:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def quiz_page(site: Path) -> str:
    """The first page of the default language that holds a quiz form (the self-assessment today)."""
    for path in sorted(site.glob("*.html")):
        if "<form" in (text := path.read_text(encoding="utf-8")) and "data-quiz=" in text:
            return path.name
    raise SystemExit(f"no page of {site} holds a quiz form")


def load_time(page, url: str, key: str, stored: str | None) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """ms from navigation to [data-team-ready], and from [data-quiz-ready] to it (team.js's start), with `stored`
    (a JSON text) as the saved list."""
    page.evaluate(
        "([key, text]) => { localStorage.clear(); if (text !== null) localStorage.setItem(key, text); }", [key, stored]
    )
    page.goto(url)
    page.wait_for_function("() => window.__teamReady !== undefined", timeout=120_000)
    return page.evaluate("() => [window.__teamReady, window.__teamReady - window.__quizReady]")


def import_file(page, url: str, name: str, data: bytes) -> tuple[str | None, float]:  # type: ignore[no-untyped-def]
    """What the page says after importing `data` into an empty table, and how many seconds after the file was chosen
    (measured in the page: handing Chromium the file takes Playwright longer); None: nothing within 120 s."""
    page.evaluate("() => localStorage.clear()")
    page.goto(url)
    page.wait_for_selector("[data-team-ready]", state="attached")
    page.evaluate("() => document.querySelectorAll('[data-quiz-notice]').forEach(el => { el.hidden = true; })")
    page.set_input_files(
        "input[type=file][data-team-import]", files=[{"name": name, "mimeType": "text/csv", "buffer": data}]
    )
    try:
        page.wait_for_function("() => !!window.__notice", timeout=120_000, polling=50)
    except Exception:  # noqa: BLE001 - a timeout is the finding
        return None, 120.0
    notice, ms = page.evaluate("() => window.__notice")
    return notice, ms / 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a site already built (else the project is built once)")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--rows", type=int, default=20_000)
    args = parser.parse_args()

    print(f"Machine: {machine()}")
    site = args.site
    if site is None:
        work = temp_dir("team-scale")
        print(f"Building the site once in {work}…")
        build(copy_project(work / "project"), work / "site")
        site = work / "site"
    server, root = serve(site)
    url = root + quiz_page(site)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium(), args=["--no-sandbox", "--disable-gpu"])
        context = browser.new_context(locale="fr-FR")
        context.add_init_script(READY_PROBE)
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("[data-team-ready]", state="attached")
        stored: dict[int, str | None] = {}
        key = ""
        for size in SIZES:
            made = page.evaluate(RECORDS, [size, 17 + size])
            key = made["key"]
            stored[size] = json.dumps({"format": 2, "entries": made["entries"]}) if size else None
        sizes = {size: len(text or "") for size, text in stored.items()}
        print(f"{url}: saved lists of " + ", ".join(f"{s:,} records ({sizes[s] / 1e6:.1f} MB)" for s in SIZES))

        times: dict[int, list[float]] = {size: [] for size in SIZES}
        starts: dict[int, list[float]] = {size: [] for size in SIZES}
        for size in SIZES:  # warm-up
            load_time(page, url, key, stored[size])
        for run in range(args.runs):
            order = SIZES if run % 2 == 0 else SIZES[::-1]  # alternating
            for size in order:
                total, start = load_time(page, url, key, stored[size])
                times[size].append(total)
                starts[size].append(start)
            print(f"  run {run + 1}/{args.runs}: " + ", ".join(f"{s:,}: {times[s][-1]:.0f} ms" for s in SIZES))
        summaries = {size: summarize(values) for size, values in times.items()}
        team = {size: summarize(values) for size, values in starts.items()}
        own = {size: summarize([t - e for t, e in zip(starts[size], starts[0], strict=True)]) for size in SIZES}
        print(
            table(
                [
                    "saved records",
                    "navigation → data-team-ready",
                    "team.js's start",
                    "its start minus the empty page's",
                ],
                [
                    [f"{s:,}", summaries[s].show("ms", 0), team[s].show("ms", 0), own[s].show("ms", 0) if s else "—"]
                    for s in SIZES
                ],
            )
        )
        # The page's load varies by hundreds of ms on a shared machine: navigation → ready is shown, team.js's start
        # is the figure. Per record: the step from 1,000 to 4,000 against the step from 0 to 1,000.
        ratio = team[4_000].median / team[1_000].median
        print(
            f"team.js's start, 4,000 / 1,000 records (medians): {ratio:.2f} (linear: about 4, less with a fixed part)"
        )
        ratio = own[4_000].median / own[1_000].median if own[1_000].median > 0 else float("nan")
        print(f"team.js's start minus the empty page's, 4,000 / 1,000 (medians): {ratio:.2f} (linear: about 4)")
        step = (team[4_000].median - team[1_000].median) / 3_000 * 1_000
        first = team[1_000].median - team[0].median
        print(f"Per 1,000 records: {first:.0f} ms up to 1,000, {step:.0f} ms from 1,000 to 4,000")

        # Imports: a large export, the largest file under the limit, one over it.
        made = page.evaluate(RECORDS, [args.rows, 99])
        text = page.evaluate(EXPORT, made["entries"])
        data = text.encode("utf-8")
        limit = 8 << 20  # team-tools.js's IMPORT_LIMIT
        lines = text.split("\r\n")
        per_row = len(data) / max(1, args.rows)
        under = "\r\n".join(lines[: 1 + int((limit - 4096) / per_row)]) + "\r\n"
        rows_under = under.count("\r\n") - 1
        over = data if len(data) > limit else (text + "\r\n".join(lines[1:]) * (limit // len(data) + 1)).encode()
        results = []
        for label, body in (
            (f"{args.rows:,} records", data),
            (f"{rows_under:,} records (under the limit)", under.encode("utf-8")),
            (f"over the limit ({len(over) / 1048576:.1f} MiB)", over),
        ):
            notice, seconds = import_file(page, url, "export.csv", body)
            results.append(
                [label, f"{len(body) / 1048576:.1f} MiB", notice or "nothing within 120 s", f"{seconds:.2f} s"]
            )
        print(table(["file", "size", "notice shown", "time to the notice"], results))
        print(
            f"An exported row weighs {per_row:.0f} bytes: the import limit (8 MiB) holds {limit // per_row:,.0f} rows."
        )
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
