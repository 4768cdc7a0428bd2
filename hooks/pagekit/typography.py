"""Typography of a language, applied to the text of finished HTML (not to code, URLs or attributes).

French: a narrow no-break space (U+202F) before `; ! ?`, a no-break space (U+00A0) before `:`
and inside « ». Editors type ordinary spaces; spaces they typed as no-break are made right.
Only a space already there is replaced: `http://` and `10:30` stay as they are.
"""

from __future__ import annotations

import re
from collections.abc import Callable

NBSP = "\u00a0"
NNBSP = "\u202f"
# Elements whose text is code or not text at all.
VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][\w-]*)[^>]*>|[^<]+|<", re.DOTALL)
# Attributes whose value the page shows as text once filled in (overrides/partials/quiz*.html).
TEXT_ATTRIBUTES = re.compile(r'(\sdata-quiz-fill=")([^"]*)(")')

_SPACE = f"[ {NBSP}{NNBSP}]"
MARKS = re.compile("[;:!?«»]")  # text without them needs no rule
FRENCH_RULES = [
    (re.compile(rf"{_SPACE}+([;!?])"), rf"{NNBSP}\1"),
    (re.compile(rf"{_SPACE}+:"), f"{NBSP}:"),
    (re.compile(rf"«{_SPACE}*"), f"«{NBSP}"),
    (re.compile(rf"{_SPACE}*»"), f"{NBSP}»"),
]


def french(text: str) -> str:
    for pattern, replacement in FRENCH_RULES:
        text = pattern.sub(replacement, text)
    return text


# Languages whose typography the build applies.
RULES: dict[str, Callable[[str], str]] = {"fr": french}


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
LANG = re.compile(r"""\slang=["']?([\w-]+)""")


def apply(html: str, language: str) -> str:
    """The HTML with the language's typography in its text; unchanged for a language without rules.

    Text inside code-like elements, or inside an element marked as another language
    (`lang="en"`), keeps its spaces.
    """
    rule = RULES.get(language)
    if rule is None:
        return html
    pieces = []
    kept: tuple[str, int] | None = None  # (tag, nesting) of the element whose text is left alone
    for match in TOKEN.finditer(html):
        token = match.group(0)
        tag = match.group(2)
        if tag is None:
            if kept is None and token[0] != "<" and MARKS.search(token):
                token = rule(token)
        elif kept is not None:
            if tag.lower() == kept[0] and not token.endswith("/>"):
                depth = kept[1] + (-1 if match.group(1) else 1)
                kept = (kept[0], depth) if depth else None
        elif not match.group(1):
            name = tag.lower()
            other = LANG.search(token) if "lang=" in token else None
            if name in VERBATIM or (other and other.group(1).split("-")[0] != language):
                if name not in VOID and not token.endswith("/>"):
                    kept = (name, 1)
            elif "data-quiz-fill" in token:
                token = TEXT_ATTRIBUTES.sub(lambda m: m.group(1) + rule(m.group(2)) + m.group(3), token)
        pieces.append(token)
    return "".join(pieces)
