"""Typography of a language, applied to the text of finished HTML (not to code, URLs or attributes).

French: a narrow no-break space (U+202F) before `; ! ?`, a no-break space (U+00A0) before `:`
and inside « ». Editors type ordinary spaces; spaces they typed as no-break are made right.
Only a space already there is replaced: `http://` and `10:30` stay as they are.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable, Iterator

from kam_guide.source.markup import VOID_ELEMENTS

NBSP = "\u00a0"
NNBSP = "\u202f"
# Elements whose text is code or not text at all.
VERBATIM = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "svg", "math"}
# Attributes whose value the page shows as text once filled in (overrides/components/quiz*.html).
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


# Marks a rule applies to only when a space is already there (`http://`, `10:30`, `&amp;`).
NEEDS_SPACE = set(";:!?")
OPENING = set("«")  # the spaces that go with the mark follow it
SPACES = f" {NBSP}{NNBSP}"
# Languages whose typography the build applies: the rule, and the marks where it may apply: a mark
# that needs a space, after one; a guillemet. A page's `&amp;` and `https:` are never looked at.
RULES: dict[str, Callable[[str], str]] = {"fr": functools.lru_cache(maxsize=64)(french)}  # a few spans, many times
# (Written mark first, conditions after: the search skips to the marks, as for a plain set of characters.)
MARKS: dict[str, re.Pattern[str]] = {"fr": re.compile(f"[;:!?«»](?:(?<=[«»])|(?<=[{SPACES}].))")}

_VERBATIM_NAMES = "|".join(sorted(VERBATIM))
_VERBATIM_INITIALS = "".join(sorted({tag[0] for tag in VERBATIM}))
# The lookahead on the name's first letter turns most of a page's tags away before the names are tried.
VERBATIM_BLOCK = re.compile(
    rf"<(?=[{_VERBATIM_INITIALS}])({_VERBATIM_NAMES})\b[^>]*>.*?</\1\s*>", re.DOTALL | re.IGNORECASE
)
LANG_START = re.compile(r"""<([a-zA-Z][\w-]*)\b[^>]*?\slang=["']?([\w-]+)[^>]*>""")


def apply(html: str, language: str) -> str:
    """The HTML with the language's typography in its text; unchanged for a language without rules.

    Text inside code-like elements, or inside an element marked as another language
    (`lang="en"`), keeps its spaces; so do tags and comments, but for the texts scripts
    show from `data-quiz-fill` attributes. The cost follows the number of places a rule
    may apply, not the size of the page.
    """
    rule = RULES.get(language)
    if rule is None:
        return html
    kept: list[tuple[int, int]] | None = None  # worked out when a place is first found outside tags
    pieces = []
    done = 0
    last_open = last_close = seen = -1  # the last "<" and ">" before the candidate, searched once
    # Punctuation is rarer than spaces: find the marks, then the spaces that go with each.
    for match in MARKS[language].finditer(html):
        start, end = _with_spaces(html, match.start(), done)
        if start == end:
            continue  # taken with the mark before it
        last_open = max(last_open, html.rfind("<", seen + 1, start))
        last_close = max(last_close, html.rfind(">", seen + 1, start))
        seen = start - 1
        if last_open > last_close:
            continue  # inside a tag or a comment
        kept = _kept_ranges(html, language) if kept is None else kept
        if _inside(kept, start):
            continue  # in code, or in another language
        pieces += [html[done:start], rule(html[start:end])]
        done = end
    pieces.append(html[done:])
    html = "".join(pieces)
    if "data-quiz-fill" in html:
        kept = _kept_ranges(html, language)
        html = TEXT_ATTRIBUTES.sub(
            lambda m: m.group(0) if _inside(kept, m.start()) else m.group(1) + rule(m.group(2)) + m.group(3), html
        )
    return html


def _with_spaces(html: str, mark: int, done: int) -> tuple[int, int]:
    """The span of the mark at `mark` with its spaces (not before `done`); empty when the rule has
    nothing to do there."""
    if mark < done:
        return mark, mark  # taken with the mark before it
    if html[mark] in OPENING:
        end = mark + 1
        while end < len(html) and html[end] in SPACES:
            end += 1
        return mark, end
    start = mark
    while start > done and html[start - 1] in SPACES:
        start -= 1
    if start == mark and html[mark] in NEEDS_SPACE:
        return mark, mark
    return start, mark + 1


def _kept_ranges(html: str, language: str) -> list[tuple[int, int]]:
    """Disjoint (start, end) spans, in order, of code-like elements and of elements marked as another language."""
    ranges = [(m.start(), m.end()) for m in VERBATIM_BLOCK.finditer(html)]
    for opening in _lang_openings(html):
        tag, marked = opening.group(1).lower(), opening.group(2).split("-")[0]
        if marked == language or tag in VOID_ELEMENTS or opening.group(0).endswith("/>"):
            continue
        ranges.append((opening.start(), _closing(html, tag, opening.end())))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _lang_openings(html: str) -> Iterator[re.Match[str]]:
    """The opening tags with a `lang` attribute, as LANG_START.finditer finds them in HTML where `<` only
    opens a tag or a comment. A page has far fewer `lang=` than tags or spaces, and str.find skips to
    each; the pattern alone tries every tag."""
    done = 0  # the end of the last opening found: its other attributes are not read again
    position = html.find("lang=")
    while position >= 0:
        if position > done and html[position - 1].isspace():
            start = html.rfind("<", done, position)
            opening = LANG_START.match(html, start) if start >= 0 else None
            if opening is not None and opening.end() > position:
                done = opening.end()
                yield opening
        position = html.find("lang=", position + 5)


def _closing(html: str, tag: str, position: int) -> int:
    """Where the element of `tag` opened just before `position` closes (nesting counted)."""
    depth = 1
    for match in re.finditer(rf"<(/?){tag}\b[^>]*>", html[position:], re.IGNORECASE):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return position + match.end()
    return len(html)


def _inside(ranges: list[tuple[int, int]], position: int) -> bool:
    """Whether position falls in one of the disjoint, ordered ranges."""
    at = bisect.bisect_right(ranges, position, key=lambda span: span[0]) - 1
    return at >= 0 and position < ranges[at][1]
