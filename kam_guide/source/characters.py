"""Invisible characters editors never mean to type: control, bidirectional and zero-width characters.

They show nothing on screen yet change what readers see: a right-to-left override turns a
text around, a zero-width space breaks search and typography, a NUL cuts a text short in
some browsers. YAML refuses most of them written raw, but not written as escapes (`"\\u202e"`
in double quotes), and Markdown lets them all through. One rule for every text an editor
writes (pages, front matter, YAML), applied after escapes are read.
"""

from __future__ import annotations

import re
import unicodedata

# Control characters (tab and line ends are text), bidirectional marks, embeddings, overrides and
# isolates, zero-width spaces and joiners, the word joiner and BOM, line and paragraph separators.
# Written with \u escapes, which Python and JSON Schema (ECMAScript) patterns read alike:
# quizdata/quiz.schema.json holds the same class, and a test keeps the two equal.
INVISIBLE_CLASS = (
    r"[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e"
    r"\u2028\u2029\u2060\u2066-\u2069\u180e\ufeff]"
)
INVISIBLE = re.compile(INVISIBLE_CLASS)


def invisible_characters(text: str) -> list[tuple[int, str]]:
    """Offset and description of each invisible character in `text`, e.g. `U+202E (right-to-left override)`."""
    return [(match.start(), describe(match.group())) for match in INVISIBLE.finditer(text)]


def describe(character: str) -> str:
    name = unicodedata.name(character, "control character").lower()
    return f"U+{ord(character):04X} ({name})"


def advice(character_description: str) -> str:
    """The message for one invisible character, in editors' words."""
    code = character_description.split()[0].removeprefix("U+")
    return (
        f"an invisible character {character_description}, which changes what readers see without showing: "
        f"delete it, or its escape `\\u{code}` (retype the text around it if you cannot see it)"
    )
