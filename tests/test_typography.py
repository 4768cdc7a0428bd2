"""French typography in every text of every French page, whatever wrote it (Markdown, YAML, templates)."""

from __future__ import annotations

import random
import re

import pytest

from conftest import DEFAULT_LANGUAGE, LANGUAGES, SLUGS, BuiltSite
from kam_guide.pages.typesetting import LANG_START, MARKS, _lang_openings, _with_spaces, apply
from pagetext import own_texts

pytestmark = pytest.mark.content

FRENCH = [language for language in LANGUAGES if language == "fr"]
# An ordinary or wrong space where French wants a no-break one.
WRONG = {
    "space before ; ! ?": re.compile(r"[ \u00a0][;!?]"),
    "space before :": re.compile(r" :"),
    "space after «": re.compile(r"« "),
    "space before »": re.compile(r" »"),
}


@pytest.mark.parametrize("language", FRENCH)
@pytest.mark.parametrize("slug", [*SLUGS, "404"])
def test_french_pages_have_french_typography(site: BuiltSite, slug: str, language: str) -> None:
    soup = site.soup(slug, DEFAULT_LANGUAGE if slug == "404" else language)
    wrong = [
        f"{name}: …{text[max(0, match.start() - 25) : match.end() + 5]}…"
        for text in own_texts(soup, language)
        for name, pattern in WRONG.items()
        for match in pattern.finditer(text)
    ]
    assert wrong == []


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Note : voir</p>", "<p>Note\u00a0: voir</p>"),
        ("<p>Vraiment ? Oui ; non !</p>", "<p>Vraiment\u202f? Oui\u202f; non\u202f!</p>"),
        ("<p>« guillemets »</p>", "<p>«\u00a0guillemets\u00a0»</p>"),
        ("<p>Espace insécable déjà tapé\u00a0?</p>", "<p>Espace insécable déjà tapé\u202f?</p>"),
        ("<p><code>a : b</code> <pre>x ; y</pre></p>", "<p><code>a : b</code> <pre>x ; y</pre></p>"),
        (
            '<a href="a.html#x" title="Titre : oui">http://x.fr à 10:30</a>',
            '<a href="a.html#x" title="Titre : oui">http://x.fr à 10:30</a>',
        ),
        ('<p data-quiz-fill="Ouverte : {name}"></p>', '<p data-quiz-fill="Ouverte\u00a0: {name}"></p>'),
    ],
    ids=["colon", "narrow", "quotes", "typed-nbsp", "code", "attributes-and-urls", "filled-text"],
)
def test_french_rules(html: str, expected: str) -> None:
    assert apply(html, "fr") == expected


def test_other_languages_are_left_as_written() -> None:
    assert apply("<p>Note : see « this » !</p>", "en") == "<p>Note : see « this » !</p>"
    marked = '<p>Voir : <span lang="en">Note : this</span> ; <br>fin ?</p>'
    assert apply(marked, "fr") == '<p>Voir\u00a0: <span lang="en">Note : this</span>\u202f; <br>fin\u202f?</p>'


@pytest.mark.code_only
def test_elements_in_another_language_are_found_as_the_pattern_finds_them() -> None:
    # _lang_openings jumps to each `lang=` and tries LANG_START there (the pattern alone tries every tag,
    # a third of the typography's time): on tags, text, comments and odd spacing, the two must agree in
    # HTML where `<` only opens a tag or a comment, as MkDocs and Jinja write it (a text's `<` is `&lt;`).
    rng = random.Random(7)
    pieces = ['<span lang="en">', "<p>", "</p>", " lang=", "lang=", "<a\nlang='de' href=x>", "<br/>", "&lt;b", ">",
              " : ", "<!-- lang=en -->", '<div title="a" lang=en-GB>', "text", "\t", "&lt;", "</span>"]  # fmt: skip
    for _ in range(500):
        html = "".join(rng.choice(pieces) for _ in range(rng.randrange(1, 40)))
        assert [m.span() for m in _lang_openings(html)] == [m.span() for m in LANG_START.finditer(html)], html


def test_the_marks_found_are_those_a_rule_may_apply_at() -> None:
    # MARKS skips, in the search itself, the marks the loop in apply() would drop: `;:!?` with no space before.
    rng = random.Random(20261203)
    pieces = [" ", "\u00a0", "\u202f", "a", ";", ":", "!", "?", "«", "»", "&amp;", "https://x"]
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 20)))
        for language, marks in MARKS.items():
            expected = [
                at
                for at, character in enumerate(text)
                if character in ";:!?«»" and len(set(_with_spaces(text, at, 0))) == 2
            ]
            assert [match.start() for match in marks.finditer(text)] == expected, (language, text)
