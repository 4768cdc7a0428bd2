"""How long `mkdocs serve` takes to show an edit of the quiz data, against an edit of a page.

Starts `python -m mkdocs serve` (full rebuilds: no `--dirtyreload`) on a free
127.0.0.1 port, on a temporary copy of the project, waits until it answers, then
alternately appends a comment to quizdata/kam-self-assessment.yml (a YAML comment)
and to docs/kam-role.md (an HTML comment, the baseline) and measures, from the write
to the log line, when the server noticed ("Detected file changes") and when the rebuild
was over and the browsers told ("Reloading browsers", logged right after the build).
"Documentation built in N seconds" is not used: MkDocs' log drops a message identical
to the one before, so two rebuilds of the same duration log it once. MkDocs polls the
watched folders every 0.5 s, so the first figure is mostly that poll.

    .venv/bin/python benchmarks/serve_rebuild.py [--runs 5]
"""

from __future__ import annotations

import argparse
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

from _common import BUILD_ENV, copy_project, machine, summarize, table, temp_dir

EDITS = {
    "quizdata/kam-self-assessment.yml": "\n# benchmark edit {n}\n",
    "docs/kam-role.md": "\n<!-- benchmark edit {n} -->\n",
}
BASELINE = "docs/kam-role.md"
EVENTS = ("Detected file changes", "Reloading browsers")
TIMEOUT = 180.0


class Server:
    """`mkdocs serve` in a subprocess, its log lines timestamped as they arrive."""

    def __init__(self, project: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.lines: list[tuple[float, str]] = []
        self._changed = threading.Condition()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"],
            cwd=project,
            env=BUILD_ENV,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            with self._changed:
                self.lines.append((time.perf_counter(), line.rstrip()))
                self._changed.notify_all()

    def wait_for(self, text: str, after: int, timeout: float = TIMEOUT) -> float:
        """Time of the first log line at index ≥ after that contains text."""
        deadline = time.perf_counter() + timeout
        with self._changed:
            while True:
                for stamp, line in self.lines[after:]:
                    if "ERROR" in line or "Traceback" in line:
                        raise SystemExit("mkdocs serve reported an error:\n" + self.log())
                    if text in line:
                        return stamp
                if self.process.poll() is not None:
                    raise SystemExit(f"mkdocs serve stopped (exit {self.process.returncode}):\n{self.log()}")
                left = deadline - time.perf_counter()
                if left <= 0:
                    raise SystemExit(f"no {text!r} in the log within {timeout:.0f} s:\n{self.log()}")
                self._changed.wait(left)

    def wait_quiet(self, seconds: float) -> None:
        """Until the log has been silent for that long (the previous rebuild is over)."""
        while True:
            with self._changed:
                last = self.lines[-1][0] if self.lines else 0.0
            idle = time.perf_counter() - last
            if idle >= seconds:
                return
            time.sleep(seconds - idle)

    def wait_until_serving(self) -> None:
        self.wait_for("Serving on", 0)
        deadline = time.perf_counter() + TIMEOUT
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                if time.perf_counter() > deadline:
                    raise SystemExit(f"mkdocs serve does not answer on port {self.port}:\n{self.log()}") from None
                time.sleep(0.2)

    def log(self) -> str:
        return "\n".join(line for _, line in self.lines[-40:])

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="edits of each file (default 5)")
    args = parser.parse_args()

    project = copy_project(temp_dir("serve") / "project")
    print(f"Machine: {machine()}")
    print(f"mkdocs serve on a copy in {project}")
    server = Server(project)
    times: dict[str, dict[str, list[float]]] = {name: {event: [] for event in EVENTS} for name in EDITS}
    try:
        start = time.perf_counter()
        server.wait_until_serving()
        print(f"Serving on 127.0.0.1:{server.port} after {time.perf_counter() - start:.1f} s (first build).")
        names = list(EDITS)
        for run in range(args.runs):
            for name in names if run % 2 == 0 else names[::-1]:
                server.wait_quiet(1.5)
                mark = len(server.lines)
                with open(project / name, "a", encoding="utf-8") as file:
                    file.write(EDITS[name].format(n=run + 1))
                written = time.perf_counter()
                for event in EVENTS:
                    times[name][event].append(server.wait_for(event, mark) - written)
                print(
                    f"  run {run + 1}/{args.runs}: {name} → reload after {times[name]['Reloading browsers'][-1]:.2f} s",
                    flush=True,
                )
    finally:
        server.stop()

    print()
    print(
        f"Seconds from the edit to each log line, {args.runs} edits of each file (median [min–max, ±half the spread]):"
    )
    rows = [[name, *(summarize(times[name][event]).show() for event in EVENTS)] for name in EDITS]
    print(table(["file edited", *(f'"{event}"' for event in EVENTS)], rows))
    print()
    for name in EDITS:
        if name == BASELINE:
            continue
        for event in ("Reloading browsers",):
            ratio = summarize(times[name][event]).median / summarize(times[BASELINE][event]).median
            pairs = summarize([a / b for a, b in zip(times[name][event], times[BASELINE][event], strict=True)])
            print(
                f"{name} / {BASELINE} (median time to {event!r}): {ratio:.2f}; "
                f"per alternating pair {pairs.show(unit='', digits=2)}"
            )
        built = [
            r - d for r, d in zip(times[name]["Reloading browsers"], times[name]["Detected file changes"], strict=True)
        ]
        base = [
            r - d
            for r, d in zip(
                times[BASELINE]["Reloading browsers"], times[BASELINE]["Detected file changes"], strict=True
            )
        ]
        print(
            f"Rebuild alone (detected → reloading): {name} {summarize(built).show()}, "
            f"{BASELINE} {summarize(base).show()}, ratio {summarize(built).median / summarize(base).median:.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
