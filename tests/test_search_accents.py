"""French search forgives accents: typed with or without them, a word finds the same pages.

hooks/i18n_site.py (kam_guide/search_folding.py) adds the French entries' accented words, folded, to fields Material's
search indexes but never shows; English is left as Material writes it. The queries are
words of the built index, chosen when the test runs (never a copy of today's content).
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

import pytest

from conftest import DEFAULT_LANGUAGE, LANGUAGES, BuiltSite
from kam_guide.search_folding import (
    FOLDED_FIELDS,
    FOLDED_LANGUAGES,
    LIGATURES,
    MATERIAL_SEPARATOR,
    fold,
    folded_words,
    split_words,
    with_folded_fields,
)
from searchbox import wait_for_the_answer, watch_the_search_worker

FOLDED = [language for language in LANGUAGES if language in FOLDED_LANGUAGES]
UNFOLDED = [language for language in LANGUAGES if language not in FOLDED_LANGUAGES]
MATERIAL_FIELDS = {"location", "title", "text", "tags", "boost"}
# Every page fetches its language's index: the folded fields, which repeat the words that have
# accents (one French word in eight), may make it at most 30 % bigger (16 % on 2026-12-03).
SIZE_BUDGET = 1.3
PUNCTUATION = ",.;:!?…()«»\"“”'’"


def search_index(site: BuiltSite, language: str) -> dict[str, Any]:
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return json.loads((site.path / f"{prefix}search" / "search_index.json").read_text(encoding="utf-8"))


def has_accents(word: str) -> bool:
    return fold(word) != word


def index_tokens(index: dict[str, Any]) -> list[tuple[str, str]]:
    """(location, token) for every word of every title and text, as the search worker splits and lowercases them."""
    separator = index["config"]["separator"]
    return [
        (doc["location"], token.lower())
        for doc in index["docs"]
        for field in ("title", "text")
        for token in re.split(separator, re.sub(r"<[^>]*>", " ", doc.get(field, "")))
        if token
    ]


def unambiguous_words(index: dict[str, Any], stop_words: frozenset[str], accented: bool) -> Iterator[str]:
    """Words of the index, most widespread first, whose every word sharing their unaccented start shares their start.

    For such a word, typed with its accents or without, the same index words match (by prefix, as Material
    searches): the two result lists must be equal, not merely overlap.
    """
    tokens = {(location, token) for location, token in index_tokens(index) if token not in stop_words}
    spread: Counter[str] = Counter()  # in how many pages and sections each word appears
    for _, token in tokens:
        word = token.strip(PUNCTUATION)
        if len(word) >= 7 and word.isalpha() and has_accents(word) == accented:
            spread[word] += 1
    vocabulary = [(token, fold(token)) for token in {token for _, token in tokens}]
    for word, _ in spread.most_common():
        plain = fold(word)
        if all(token.startswith(word) for token, folded in vocabulary if folded.startswith(plain)):
            yield word


# ─── The index ──────────────────────────────────────────────────────────────


@pytest.mark.code_only
def test_fold_removes_accents_and_keeps_the_letters() -> None:
    assert fold("Rémunération") == "Remuneration"
    assert fold("cœur") == "coeur"
    assert fold("ÉTÉ") == "ETE"
    assert fold("façade naïve à Noël") == "facade naive a Noel"
    assert fold("matrice") == "matrice"
    assert folded_words("<p>La <code>rémunération</code> à l’été</p>", r"[\s\-]+", frozenset({"à"})) == (
        "remuneration l’ete"
    )


@pytest.mark.code_only
def test_words_are_split_as_the_search_pattern_splits_them() -> None:
    # str.split stands in for Material's separator pattern: the same words, whatever the spaces and hyphens.
    spaces = [chr(code) for code in range(0x3001) if re.fullmatch(MATERIAL_SEPARATOR, chr(code))]
    assert {" ", "\t", "\n", "\u00a0", "\u2009", "-"} <= set(spaces)
    rng = random.Random(20261203)
    letters = [*"aéœ.’'<>«", "\u0301", "\u202f"]
    for _ in range(3000):
        text = "".join(rng.choice(letters + spaces) for _ in range(rng.randint(0, 30)))
        expected = [word for word in re.split(MATERIAL_SEPARATOR, text) if word]
        assert [word for word in split_words(text, MATERIAL_SEPARATOR) if word] == expected, repr(text)
    assert split_words("a.b c", r"[\s.]+") == ["a", "b", "c"]  # another separator: its own pattern


@pytest.mark.code_only
def test_fold_folds_a_word_as_unicode_decomposes_it_whole() -> None:
    # fold() works character by character; Unicode's decomposition of the whole word, marks dropped, is the rule.
    rng = random.Random(20261203)
    characters = [chr(code) for code in range(0x20, 0x3000) if not 0xD800 <= code < 0xE000]
    for _ in range(3000):
        word = "".join(rng.choice(characters) for _ in range(rng.randint(1, 8)))
        whole = unicodedata.normalize("NFD", word.translate(LIGATURES))
        assert fold(word) == "".join(char for char in whole if not unicodedata.combining(char)), repr(word)


@pytest.mark.code_only
def test_with_folded_fields_is_idempotent_and_leaves_other_languages_alone() -> None:
    config = {"separator": r"[\s\-]+", "pipeline": [], "fields": {"title": {"boost": 1e3}, "text": {"boost": 1.0}}}
    docs = [{"location": "a.html", "title": "Négociation", "text": "<p>Une matrice</p>"}]
    french = with_folded_fields({"config": {**config, "lang": ["fr"]}, "docs": docs})
    assert french["docs"] == [{**docs[0], "folded_title": "negociation"}]
    assert french["config"]["fields"]["folded_title"] == {"boost": 1e3}
    assert with_folded_fields(french) == french
    english = {"config": {**config, "lang": ["en"]}, "docs": docs}
    assert with_folded_fields(english) is english


@pytest.mark.content
@pytest.mark.parametrize("language", FOLDED)
def test_folded_index_keeps_every_entry_and_adds_its_accented_words_folded(site: BuiltSite, language: str) -> None:
    index = search_index(site, language)
    fields = index["config"]["fields"]
    stop_words = FOLDED_LANGUAGES[language]
    for field, folded in FOLDED_FIELDS.items():
        assert fields[folded] == fields[field], f"{folded} must rank as {field} does"
    separator = index["config"]["separator"]
    for doc in index["docs"]:
        assert set(doc) <= MATERIAL_FIELDS | set(FOLDED_FIELDS.values()), doc["location"]
        for field, folded in FOLDED_FIELDS.items():
            words = re.split(separator, re.sub(r"<[^>]*>", " ", doc.get(field, "")))
            expected = [fold(w.lower()) for w in words if has_accents(w.lower()) and w.lower() not in stop_words]
            assert doc.get(folded, "").split() == expected, f"{doc['location']}: {folded}"
            assert not has_accents(doc.get(folded, "")), f"{doc['location']}: {folded} keeps an accent"


@pytest.mark.content
@pytest.mark.parametrize("language", FOLDED)
def test_folded_fields_weigh_little(site: BuiltSite, language: str) -> None:
    index = search_index(site, language)
    folded = set(FOLDED_FIELDS.values())
    bare = {
        "config": {
            **index["config"],
            "fields": {k: v for k, v in index["config"]["fields"].items() if k not in folded},
        },
        "docs": [{k: v for k, v in doc.items() if k not in folded} for doc in index["docs"]],
    }
    size = len(json.dumps(index, ensure_ascii=False, separators=(",", ":")).encode())
    bare_size = len(json.dumps(bare, ensure_ascii=False, separators=(",", ":")).encode())
    assert size <= SIZE_BUDGET * bare_size, f"the folded fields make the index {size / bare_size:.2f} times bigger"


@pytest.mark.content
@pytest.mark.parametrize("language", UNFOLDED)
def test_other_languages_index_is_material_s_own(site: BuiltSite, language: str) -> None:
    index = search_index(site, language)
    assert set(index["config"]["fields"]) == {"title", "text", "tags"}
    assert all(set(doc) <= MATERIAL_FIELDS for doc in index["docs"])


@pytest.mark.content
@pytest.mark.parametrize("language", FOLDED)
def test_stop_words_with_accents_are_lunr_s(site: BuiltSite, language: str) -> None:
    """The stop words left unfolded are those lunr drops from the index (Material ships lunr-languages)."""
    script = (site.path / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{language}.min.js").read_text("utf-8")
    found = re.search(r'generateStopWordFilter\("([^"]*)"', script)
    assert found, f"lunr.{language}.min.js no longer lists its stop words the way this test reads them"
    lunr_words = {word for word in found[1].split() if has_accents(word)}
    assert lunr_words == FOLDED_LANGUAGES[language], "update FOLDED_LANGUAGES in kam_guide/search_folding.py"


# ─── In a browser ───────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Results:
    count: str  # Material's line above the results, e.g. "3 documents correspondants"
    locations: frozenset[str]  # every result link, page or section, without the `?h=` highlight query
    groups: tuple[str, ...]  # the text each page's result group shows
    marks: tuple[str, ...]  # the highlighted words


READ_RESULTS = """wrap => ({
    meta: wrap.querySelector(".md-search-result__meta").textContent.trim(),
    links: [...wrap.querySelectorAll("a.md-search-result__link")].map(a => a.href),
    groups: [...wrap.querySelectorAll(".md-search-result__item")].map(item => item.textContent),
    marks: [...wrap.querySelectorAll(".md-search-result__list mark")].map(mark => mark.textContent),
})"""


def open_search(page: Any, url: str) -> None:
    page.goto(url)
    watch_the_search_worker(page)
    page.keyboard.press("/")  # Material's shortcut opens the search dialog


def search(page: Any, query: str) -> Results:
    """Empty Material's search box, type the query key by key as a reader would, and read every result."""
    prompt = page.evaluate(
        """() => JSON.parse(document.getElementById("__config").textContent)
                   .translations["search.result.placeholder"].trim()"""
    )
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press("End")  # Material reads the box on key up: an empty box shows its prompt again
    # Typing while the index loads is lost: wait for the "type to start searching" prompt.
    page.wait_for_function(
        "prompt => document.querySelector('.md-search-result__meta').textContent.trim() === prompt", arg=prompt
    )
    box.press_sequentially(query)
    # Playwright inserts a letter no US key types (« é ») without key events, and Material reads
    # the box on key up: one more key up makes it read the whole query.
    box.press("End")
    wait_for_the_answer(page, query)  # results are redrawn as each key's query comes back from the worker
    reading = page.locator(".md-search__scrollwrap").evaluate(READ_RESULTS)
    assert reading["meta"] != prompt, f"the search for {query!r} shows the prompt"
    return Results(
        count=reading["meta"],
        locations=frozenset(re.sub(r"\?[^#]*", "", link) for link in reading["links"]),
        groups=tuple(reading["groups"]),
        marks=tuple(reading["marks"]),
    )


def group_words(text: str, separator: str) -> list[str]:
    return [word.lower() for word in re.split(separator, text) if word]


# The three most widespread accented words, and the most widespread that ends in an accented letter.
PICKS = ("1st", "2nd", "3rd", "ending with an accent")


def picked(words: Iterator[str], pick: str) -> str | None:
    if pick == "ending with an accent":
        return next((word for word in words if has_accents(word[-1])), None)
    return next(islice(words, PICKS.index(pick), None), None)


@pytest.mark.content
@pytest.mark.browser
@pytest.mark.parametrize("language", FOLDED)
@pytest.mark.parametrize("pick", PICKS)
def test_a_word_typed_without_its_accents_finds_the_same_pages(
    site: BuiltSite, page: Any, language: str, pick: str
) -> None:
    index = search_index(site, language)
    word = picked(unambiguous_words(index, FOLDED_LANGUAGES[language], accented=True), pick)
    assert word, f"the index has no accented word to pick ({pick})"
    plain = fold(word)
    open_search(page, site.page_url("index", language))
    accented = search(page, word)
    unaccented = search(page, plain)

    assert accented.locations, f"{word!r} found nothing"
    assert unaccented.locations == accented.locations, f"{plain!r} and {word!r} found different pages or sections"
    assert unaccented.count == accented.count
    # Results show the pages' own text, accents included, never the folded copy.
    separator = index["config"]["separator"]
    for group in unaccented.groups:
        shown = group_words(group, separator)
        assert any(w.startswith(word) for w in shown), f"a result of {plain!r} does not show {word!r}: {group[:200]}"
        assert not any(w.startswith(plain) for w in shown), f"a result of {plain!r} shows the folded copy"
    # Highlights mark the page's words the query matched: every mark is the accented word.
    assert accented.marks
    for mark in accented.marks + unaccented.marks:
        assert mark.lower().startswith(word), f"{mark!r} is highlighted for {word!r}"


@pytest.mark.content
@pytest.mark.browser
@pytest.mark.parametrize("language", FOLDED)
def test_a_word_typed_in_capitals_without_accents_finds_it(site: BuiltSite, page: Any, language: str) -> None:
    index = search_index(site, language)
    word = next(unambiguous_words(index, FOLDED_LANGUAGES[language], accented=True))
    open_search(page, site.page_url("index", language))
    assert search(page, fold(word).upper()).locations == search(page, word).locations


@pytest.mark.content
@pytest.mark.browser
@pytest.mark.parametrize("language", FOLDED)
def test_a_word_without_accents_is_found_as_before(site: BuiltSite, page: Any, language: str) -> None:
    index = search_index(site, language)
    word = next(unambiguous_words(index, FOLDED_LANGUAGES[language], accented=False), None)
    assert word, "the index has no long word without accents"
    open_search(page, site.page_url("index", language))
    results = search(page, word)
    # Every page or section holding the word, and the pages of those sections (Material lists a section under its page).
    expected = {location for location, token in index_tokens(index) if token.startswith(word)}
    root = site.url if language == DEFAULT_LANGUAGE else f"{site.url}{language}/"
    found = {link.removeprefix(root) for link in results.locations}
    assert expected <= found, f"{word!r}: pages or sections missing from the results"
    assert found <= expected | {location.split("#")[0] for location in expected}, f"{word!r}: results without it"
    assert results.marks and all(mark.lower().startswith(word) for mark in results.marks)


@pytest.mark.content
@pytest.mark.browser
@pytest.mark.parametrize("language", UNFOLDED)
def test_other_languages_search_as_before(site: BuiltSite, page: Any, language: str) -> None:
    """English keeps Material's search: an accented word of its pages (a French term quoted) needs its accents."""
    index = search_index(site, language)
    word = next(unambiguous_words(index, frozenset(), accented=True), None)
    if word is None:
        pytest.skip(f"no accented word in the {language} pages to search for")
    open_search(page, site.page_url("index", language))
    assert search(page, word).locations, f"{word!r} found nothing"
    assert not search(page, fold(word)).locations, f"{fold(word)!r} found {word!r}"
