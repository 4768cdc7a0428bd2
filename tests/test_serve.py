"""Under `mkdocs serve`, an editor who repeats a mistake sees its message every time.

MkDocs drops a log message identical to one it already showed; the hooks log each
problem themselves, so the second rebuild says the same thing again.
"""

from __future__ import annotations

import os
import queue
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from quizfiles import FIXTURES
from siteproject import copy_project

TIMEOUT = 60  # seconds to wait for each rebuild


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(lines: queue.Queue[str], words: str, seen: list[str]) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=1)
        except queue.Empty:
            continue
        seen.append(line)
        if words in line:
            return
    raise AssertionError(f"no {words!r} within {TIMEOUT} s; output:\n" + "".join(seen))


def test_a_repeated_mistake_is_reported_at_every_rebuild(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{free_port()}"],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in server.stdout or []], daemon=True).start()
    seen: list[str] = []
    try:
        wait_for(lines, "Serving on", seen)
        bad = (FIXTURES / "bad" / "points-boolean.yml").read_text(encoding="utf-8")
        message = "quizdata/points-boolean.yml:42:17: `points` must be a whole number"
        for attempt in range(2):
            # The same mistake, saved twice (as an editor does after a failed fix).
            (project / "quizdata" / "points-boolean.yml").write_text(bad + f"# save {attempt}\n", encoding="utf-8")
            wait_for(lines, message, seen)
        assert sum(message in line for line in seen) == 2
        assert not any("Traceback" in line for line in seen)
    finally:
        server.terminate()
        server.wait(timeout=30)
