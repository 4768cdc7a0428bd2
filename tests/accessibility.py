"""axe-core on a page that has stopped moving.

Material fades the header's page title in once a reader scrolls past the heading; caught
mid-fade, its text is a blend of two colours that no reader sees for more than 0.4 s, and
axe reports a contrast failure that depends on the machine's speed. Waiting for the
running transitions and animations to end (and for those a scroll has just started) makes the
result the page's own.

axe-core is put in a page once (half a megabyte to send and compile) and run as often as a
test asks, as axe_playwright_python's Axe.run does but for the injection each time.
"""

from __future__ import annotations

import json

from axe_playwright_python.base import AxeResults
from axe_playwright_python.sync_playwright import DEFAULT_OPTIONS, Axe

AXE = Axe()

# Two frames first: a scroll or a click changes classes on the next frame, and only then do the
# transitions they start show in document.getAnimations(); then until no finite animation runs.
SETTLED = """async () => {
    const frame = () => new Promise(resolve => requestAnimationFrame(() => resolve()));
    for (let round = 0; round < 20; round++) {
        await frame();
        await frame();
        const running = document.getAnimations().filter(animation => animation.playState === "running"
            && animation.effect && animation.effect.getComputedTiming().endTime !== Infinity);
        if (running.length === 0) return;
        await Promise.all(running.map(animation => animation.finished.catch(() => null)));
    }
}"""

INJECTED = "() => typeof window.axe === 'object' && typeof window.axe.run === 'function'"
RUN = f"axe.run({json.dumps(DEFAULT_OPTIONS)})"


def axe_results(page) -> AxeResults:  # type: ignore[no-untyped-def]
    page.evaluate(SETTLED)
    if not page.evaluate(INJECTED):
        page.evaluate(AXE.axe_script)
    return AxeResults(page.evaluate(RUN))
