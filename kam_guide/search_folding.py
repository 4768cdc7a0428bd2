"""Accent-free copies of a search index's words, for the languages whose readers type without accents.

Material's search (lunr, in a web worker) matches the words of the index as written, and none
of its options folds accents (DESIGN.md says why). Its index does take any number of fields,
listed in its config: `with_folded_fields` gives each entry of a folded language two more,
`folded_title` and `folded_text`, holding the entry's accented words without their accents,
with the boosts of `title` and `text`. Typed without accents, a query matches them; the worker
never displays them, so results show the page's own text. No MkDocs imports.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

# Languages whose search forgives accents, each with those of its lunr stop words that have accents
# (lunr-languages' list, which Material ships): lunr leaves them out of the index, so their spelling
# without accents is left out too (« meme » finds no more than « même »).
FOLDED_LANGUAGES: dict[str, frozenset[str]] = {
    "fr": frozenset(
        {"celà", "eûmes", "eût", "eûtes", "fûmes", "fût", "fûtes", "même", "à", "êtes"}
        | {"étaient", "étais", "était", "étant", "étiez", "étions", "été", "étée", "étées", "étés"}
    ),
}
# Field of the index → the field holding its folded words (same boost).
FOLDED_FIELDS = {"title": "folded_title", "text": "folded_text"}
# Letters that Unicode does not decompose into a base letter and a mark.
LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})
TAG = re.compile(r"<[^<>]*>")  # `<` inside stops it: linear on a line of `<`
# Material's default separator, which this site keeps: spaces and hyphens, split by str.split four
# times as fast as by the pattern (a test holds the two to the same words).
MATERIAL_SEPARATOR = r"[\s\-]+"


def split_words(text: str, separator: str) -> list[str]:
    """The words of `text` as the search worker splits them (empty strings possible at the edges)."""
    return text.replace("-", " ").split() if separator == MATERIAL_SEPARATOR else re.split(separator, text)


class _FoldedCharacters(dict[int, str]):
    """A `str.translate` table: each character without its accents, worked out the first time it is met.

    Unicode's decomposition works character by character and every combining mark is dropped,
    so folding a word character by character gives what folding it whole would.
    """

    def __missing__(self, code: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(code).translate(LIGATURES))
        folded = self[code] = "".join(char for char in decomposed if not unicodedata.combining(char))
        return folded


# A cache, not state: what a character folds to never changes.
_FOLDED = _FoldedCharacters()


def fold(word: str) -> str:
    """The word without its accents: « Rémunération » → « Remuneration », « cœur » → « coeur »."""
    return word.translate(_FOLDED)


def folded_words(html: str, separator: str, stop_words: frozenset[str]) -> str:
    """The words of an index field that have accents, folded, in order (repeats kept: they rank)."""
    text = TAG.sub(" ", html) if "<" in html else html
    if text.isascii():
        return ""
    plain_words = []
    # Most words have no accent: a comprehension sets them aside at C speed.
    for word in [word.lower() for word in split_words(text, separator) if not word.isascii()]:
        if word in stop_words:
            continue
        plain = fold(word)
        if plain != word:
            plain_words.append(plain)
    return " ".join(plain_words)


def with_folded_fields(index: dict[str, Any]) -> dict[str, Any]:
    """The index with folded fields, if its one language is folded; else unchanged.

    Idempotent: the folded fields are computed from `title` and `text` again each time.
    """
    config = index["config"]
    if len(config["lang"]) != 1 or config["lang"][0] not in FOLDED_LANGUAGES:
        return index
    stop_words = FOLDED_LANGUAGES[config["lang"][0]]
    fields = {**config["fields"]}
    for field, folded in FOLDED_FIELDS.items():
        fields[folded] = {**fields[field]}
    docs = []
    for doc in index["docs"]:
        doc = {key: value for key, value in doc.items() if key not in FOLDED_FIELDS.values()}
        for field, folded in FOLDED_FIELDS.items():
            words = folded_words(doc.get(field, ""), config["separator"], stop_words)
            if words:
                doc[folded] = words
        docs.append(doc)
    return {**index, "config": {**config, "fields": fields}, "docs": docs}
