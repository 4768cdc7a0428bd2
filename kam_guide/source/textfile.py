"""Text files as editors save them: UTF-8, and where it is not, the place to look."""

from __future__ import annotations

import codecs

from .yamlsource import Problem


def not_utf8(shown: str, data: bytes, error: UnicodeDecodeError) -> Problem:
    """The first byte that is not UTF-8, by line and column, and the fix."""
    before = data[: error.start].removeprefix(codecs.BOM_UTF8)  # a BOM is no character an editor sees
    line = before.count(b"\n") + 1
    column = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", errors="replace")) + 1
    return Problem(
        shown,
        line,
        column,
        f"the file is not UTF-8 text ({error.reason} here): save it as UTF-8 "
        "(in most editors: File, Save with encoding, UTF-8)",
    )
