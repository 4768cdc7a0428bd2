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

INVISIBLE = re.compile(
    "["
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # control characters (tab and line ends are text)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks, embeddings, overrides, isolates
    "\u200b-\u200d\u2060\ufeff\u180e"  # zero-width spaces, joiners, word joiner, BOM
    "\u2028\u2029"  # line and paragraph separators
    "]"
)


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
