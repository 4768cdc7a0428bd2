"""axe-core on a page that has stopped moving.

Material fades the header's page title in once a reader scrolls past the heading; caught
mid-fade, its text is a blend of two colours that no reader sees for more than 0.4 s, and
axe reports a contrast failure that depends on the machine's speed. Waiting for the
running transitions and animations to end makes the result the page's own.
"""

from __future__ import annotations

from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import Axe

AXE = Axe()

SETTLED = """() => Promise.all(
    document.getAnimations()
        .filter(animation => animation.effect && animation.effect.getComputedTiming().endTime !== Infinity)
        .map(animation => animation.finished.catch(() => null))
)"""


def axe_results(page) -> AxeResults:  # type: ignore[no-untyped-def]
    page.evaluate(SETTLED)
    return AXE.run(page)
