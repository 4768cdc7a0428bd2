"""Link targets read from quiz texts' Markdown: what the build follows and checks; active content in HTML."""

from __future__ import annotations

import random

import pytest

from kam_guide.source.markup import _Collector, active_content, links_in


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


# Ways to write an event handler, a style or a script address that browsers run although they dodge a
# careless pattern: a `/` or a closing quote before the name, tabs and line breaks inside the address.
EVASIONS = {
    "slash-before-handler": ("<a/onclick=alert(1)>x</a>", "an event handler `onclick=`"),
    "quote-before-handler": ('<a title="a"onclick="x()">y</a>', "an event handler `onclick=`"),
    "slash-before-style": ("<p/style=color:red>x</p>", "a `style=` attribute"),
    "tab-in-scheme": ('<a href="java\tscript:alert(1)">x</a>', "a `javascript:` address in `href=`"),
    "newline-in-scheme": ('<a href="java\nscript:alert(1)">x</a>', "a `javascript:` address in `href=`"),
    "return-in-scheme": ('<a href="java\rscript:alert(1)">x</a>', "a `javascript:` address in `href=`"),
    "entity-in-scheme": ('<a href="java&#9;script:alert(1)">x</a>', "a `javascript:` address in `href=`"),
    "uppercase": ("<A HREF=JAVASCRIPT:x ONCLICK=y>z</A>", "an event handler `onclick=`"),
}


@pytest.mark.code_only
@pytest.mark.parametrize("case", EVASIONS)
def test_active_content_that_dodges_a_careless_pattern_is_found(case: str) -> None:
    html, finding = EVASIONS[case]
    assert finding in active_content(f"<p>Text.</p>\n{html}\n<p>More.</p>")


@pytest.mark.code_only
@pytest.mark.parametrize("run", ["'on", "=a", "=", "=&", " on"])
def test_a_page_made_of_one_run_repeated_is_read_once(run: str) -> None:
    # From each start of `'on'on'on…`, a pattern reading the whole run would read 200,000 characters
    # 70,000 times: the test would not end. The quick test reads at most 256 characters from each.
    assert active_content(f"<p>{run * 70_000}</p>") == []


@pytest.mark.code_only
def test_a_long_word_before_a_risky_value_is_read_back_only_as_far_as_a_name_goes() -> None:
    # Each quote of a word starts a name the parser may read: from 200,000 of them, every name would be
    # compared, each as long as what follows it. An address attribute's name has at most 10 characters.
    quotes, letters = "'" * 200_000, "a" * 200_000
    assert active_content(f"<p>{quotes}=&amp;</p>") == []
    found = active_content(f"<p title='{letters}'href=javascript:x>")  # the name after a long value's quote
    assert found == ["a `javascript:` address in `href=`"]


@pytest.mark.code_only
def test_an_attribute_name_without_a_value_is_not_active() -> None:
    # `<p onclick>` runs nothing and `<p style>` restyles nothing: only a value can.
    assert active_content("<p onclick style>Text</p>") == []
    assert active_content('<p style="">Text</p>') == ["a `style=` attribute"]


@pytest.mark.code_only
def test_the_quick_test_never_hides_what_the_parser_finds() -> None:
    # active_content skips the parser when its quick tests find nothing: on random HTML made of tags,
    # attributes and the evasions above, it must report exactly what the parser alone reports.
    rng = random.Random(11)
    pieces = [html for html, _ in EVASIONS.values()] + [
        "<p>", "</p>", " on ", "onclick", "=", '"', "'", "/", "<a href=", "https://x.fr", "mailto:a@b.fr", "\t",
        "\n", "java", "script:", "&amp;", "<img alt=x src=", "style", " srcdoc=", "<b>", "text", ">", "<!-- x -->",
        " = ", "<svg xlink:href=", " data=", "on", "ahref=", " x:onclick=", "\u00a0", "on-x", "'on", '"style', "==",
        "<a b", "\r", "<iframe srcdoc=", "<A ", "HREF",
    ]  # fmt: skip
    reported = 0
    for _ in range(3000):
        html = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 12)))
        parser = _Collector()
        parser.feed(html)
        parser.close()
        assert active_content(html) == parser.active, repr(html)
        reported += bool(parser.active)
    assert reported > 100, "the random HTML must hold active content often"
