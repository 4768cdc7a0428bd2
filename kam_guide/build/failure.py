"""Stop the build with every problem listed, each on its own line, every time.

MkDocs logs a build error through a logger that drops any message it already showed
(`DuplicateFilter` in mkdocs/__main__.py): under `mkdocs serve`, a mistake made twice
would show its text once, then only "Aborted with a BuildError!". So each problem is
logged here, through the hook's own logger, before raising a short summary.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import NoReturn

from mkdocs.exceptions import PluginError


def fail(summary: str, problems: Sequence[object], log: logging.Logger) -> NoReturn:
    """Log each problem as an error, then stop the build: `<summary>: N problem(s), listed above`."""
    for problem in problems:
        log.error(str(problem))
    count = f"{len(problems)} problem" + ("" if len(problems) == 1 else "s")
    raise PluginError(f"{summary}: {count}, listed above.")
