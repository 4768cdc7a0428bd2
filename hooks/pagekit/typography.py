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
    open_tags: list[tuple[str, bool]] = []  # (tag, text inside is left alone)
    for match in TOKEN.finditer(html):
        token = match.group(0)
        closing, tag = match.group(1), (match.group(2) or "").lower()
        left_alone = bool(open_tags) and open_tags[-1][1]
        if tag and closing:
            while open_tags and open_tags.pop()[0] != tag:
                pass
        elif tag:
            other = LANG.search(token)
            alone = left_alone or tag in VERBATIM or bool(other and other.group(1).split("-")[0] != language)
            if tag not in VOID and not token.endswith("/>"):
                open_tags.append((tag, alone))
            if not alone:
                token = TEXT_ATTRIBUTES.sub(lambda m: m.group(1) + rule(m.group(2)) + m.group(3), token)
        elif not token.startswith("<") and not left_alone:
            token = rule(token)
        pieces.append(token)
    return "".join(pieces)
