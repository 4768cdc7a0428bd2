"""Link targets read from quiz texts' Markdown: what the build follows and checks."""

from __future__ import annotations

import pytest

from kam_guide.source.markup import links_in


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See [the role](kam-role.md#watcher).", ["kam-role.md#watcher"]),
        ('See [pay](salary.md "Pay") and ![chart](img/a.png).', ["salary.md", "img/a.png"]),
        ("See [the plan](<account-plan.md>).", ["account-plan.md"]),
        ('See [the plan][plan].\n\n[plan]: account-plan.md "Plan"\n', ["account-plan.md"]),
        ("  [kpis]: <kpis.md>\n", ["kpis.md"]),
        ("Write `[x](y.md)` or ``[a](b.md)`` to make a link.", []),
        ("No link here (just brackets] and [words).", []),
    ],
    ids=["inline", "title-and-image", "angle-brackets", "reference", "indented-definition", "code", "none"],
)
def test_links_in_reads_every_target_as_written(text: str, expected: list[str]) -> None:
    assert links_in(text) == expected
