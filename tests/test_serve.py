"""Under `mkdocs serve`: an editor who repeats a mistake sees its message every time, and the preview reloads.

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
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

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


@dataclass
class Server:
    url: str
    lines: queue.Queue[str]
    seen: list[str]


@contextmanager
def serving(project: Path) -> Iterator[Server]:
    """`mkdocs serve` on the project, as the README runs it, once it says it is serving."""
    address = f"127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", address],
        cwd=project,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Server(url=f"http://{address}/", lines=queue.Queue(), seen=[])
    threading.Thread(target=lambda: [server.lines.put(line) for line in process.stdout or []], daemon=True).start()
    try:
        wait_for(server.lines, "Serving on", server.seen)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_repeated_mistake_is_reported_at_every_rebuild(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    with serving(project) as server:
        bad = (FIXTURES / "bad" / "points-boolean.yml").read_text(encoding="utf-8")
        message = "quizdata/points-boolean.yml:42:17: `points` must be a whole number"
        for attempt in range(2):
            # The same mistake, saved twice (as an editor does after a failed fix).
            (project / "quizdata" / "points-boolean.yml").write_text(bad + f"# save {attempt}\n", encoding="utf-8")
            wait_for(server.lines, message, server.seen)
        assert sum(message in line for line in server.seen) == 2
        assert not any("Traceback" in line for line in server.seen)


@pytest.mark.browser
def test_the_preview_reloads_itself_when_a_page_is_saved(tmp_path: Path, page: Any) -> None:
    """The live-reload script `mkdocs serve` adds runs under the site's CSP (the `page` fixture fails on any
    console error), and a saved page shows up in the open browser without the editor reloading it."""
    project = copy_project(tmp_path)
    with serving(project) as server:
        page.goto(server.url)
        sentence = "Une phrase ajoutée pendant l’aperçu."
        with (project / "docs" / "index.md").open("a", encoding="utf-8") as source:
            source.write(f"\n{sentence}\n")
        page.get_by_text(sentence).wait_for(timeout=TIMEOUT * 1000)
        page.goto("about:blank")  # leave before the server stops, or its open poll fails in the console
