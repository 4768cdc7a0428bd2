"""A blank page running some of the site's scripts, as written or as shipped: no build, no server.

The pure functions the scripts offer on `window.kamGuide` (DESIGN.md, "Browser scripts") are tested
this way, over whole grids of cases sent and answered in one call each (far quicker than Playwright's
argument serialization), and compared with the Python model where it has one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path

from conftest import ROOT
from kam_guide.build.minify import minify_script

ASSETS = ROOT / "overrides" / "assets"
QUIZ_JS = ASSETS / "quiz" / "quiz.js"
TEAM_JS = ASSETS / "team" / "team.js"
TEAM_TOOLS_JS = ASSETS / "team" / "team-tools.js"  # the team table's tools, which team.js loads on first use
SIMULATOR_JS = ASSETS / "simulator" / "simulator.js"


@contextlib.contextmanager
def script_page(browser: object, scripts: Sequence[Path], shipped: bool, lang: str = "en") -> Iterator[object]:
    """A page of its own context running `scripts` in order (minified when `shipped`); fails on a page error."""
    context = browser.new_context()  # type: ignore[attr-defined]
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.set_content(f"<!doctype html><html lang='{lang}'><title>rules</title><body></body></html>")
    for path in scripts:
        source = path.read_text(encoding="utf-8")
        page.add_script_tag(content=minify_script(source) if shipped else source)
    yield page
    context.close()
    assert not errors, f"errors in the page: {errors}"


def differences(
    cases: Sequence[object], expected: Sequence[object], got: Sequence[object], limit: int = 8
) -> list[str]:
    """The first cases where the page and the model disagree, for the failure message."""
    assert len(got) == len(expected), f"{len(got)} answers for {len(expected)} cases"
    found = [
        f"{case}: Python {want!r}, page {have!r}"
        for case, want, have in zip(cases, expected, got, strict=True)
        if want != have
    ]
    return [f"{len(found)} of {len(expected)} cases differ", *found[:limit]]
