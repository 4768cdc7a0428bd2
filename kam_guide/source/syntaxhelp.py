"""Turn the YAML parser's words into what an editor should do: a line, a column, a fix.

The parser reports where it gave up, in its own vocabulary ("mapping values are not
allowed here"). The usual causes in hand-written files are few: a tab, a `: ` inside
unquoted text, a line indented differently from its neighbours, an unclosed quote or
bracket. Each gets a sentence that names the fix; the parser's words follow for experts.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

import yaml

KEY_AT_START = re.compile(r"^(?P<indent>[ ]*)(?:-[ ]+)*(?P<key>[^\s#:\-][^:#]*?):(?:[ ]|$)")
# `l'équipe`: an apostrophe between letters (`''` is YAML's escaped quote, not this).
APOSTROPHE_IN_WORD = re.compile(r"(?<!\w)\w+'\w+")  # from word starts only: linear


def explain_syntax_error(error: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str]:
    """Line, column (1-based) and the message for a parser or scanner error."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    problem = error.problem or ""
    context_line = error.context_mark.line + 1 if error.context_mark else None
    where = f" on line {context_line}" if context_line else ""
    parser_words = f" (YAML: {problem}" + (f", {error.context}{where})" if error.context else ")")

    if "\t" in here[: len(here) - len(here.lstrip())] or "'\\t'" in problem:
        return line, column, "a tab character: YAML indents with spaces only; replace the tab by spaces" + parser_words
    apostrophe = _apostrophe_in_single_quotes(lines, context_line or line, line)
    if apostrophe:
        return apostrophe[0], apostrophe[1], apostrophe[2] + parser_words
    unclosed = _unclosed_quote(lines, context_line or line, line)
    if unclosed:
        return unclosed, 1, f"the quote opened on line {unclosed} is not closed on that line: close it" + parser_words
    if problem.startswith("mapping values are not allowed"):
        return line, column, _colon_in_text_or_indent(lines, line) + parser_words
    if "expected <block end>" in problem or "expected key" in problem or "expected '-' indicator" in problem:
        return line, column, _indentation(lines, line) + parser_words
    if "end of stream" in problem and error.context == "while scanning a quoted scalar" and error.context_mark:
        start = error.context_mark
        return (
            start.line + 1,
            start.column + 1,
            f"the quote opened here (line {start.line + 1}) is never closed: end the text with the same quote"
            + parser_words,
        )
    if error.context and "flow" in error.context and error.context_mark:
        start = error.context_mark
        return (
            line,
            column,
            f"the bracket opened on line {start.line + 1} is not closed where expected: "
            "check for a missing comma, `}` or `]`, or put texts containing `,` `{` `}` in quotes" + parser_words,
        )
    if "could not find expected ':'" in problem:
        return (
            line,
            column,
            "YAML expected `key: value` here: a text that continues on the next line must be indented "
            "more than its key, or put in quotes" + parser_words,
        )
    return line, column, "YAML syntax error" + parser_words


def _colon_in_text_or_indent(lines: list[str], line: int) -> str:
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    key = KEY_AT_START.match(here)
    # `title: Le plan : un outil` — a key, then text holding `: `.
    if key and ": " in here[key.end() :] + " ":
        name = key["key"].strip()
        return (
            f"the text after `{name}:` contains `: `, which YAML reads as a new key: "
            f'put the whole text in quotes, e.g. `{name}: "Le plan : un outil"`'
        )
    # `   en: b` under `  fr: a` — indented more than its neighbour, read as the rest of its text.
    sibling = _previous_key_line(lines, line, lambda indent, mine: indent < mine)
    if key and sibling:
        number, other = sibling
        return (
            f"this line is indented more than line {number} (`{other.strip()}`), so YAML reads it as the rest "
            f"of that line's text: align `{key['key'].strip()}:` with it (same number of spaces)"
        )
    return "a `: ` inside a text: put the whole text in quotes"


def _indentation(lines: list[str], line: int) -> str:
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    # The key just above, if its value is on its own line (`fr: "…"`), is the one to align with,
    # whichever way this line is off; otherwise the nearest key above indented deeper.
    sibling = _previous_key_line(lines, line, lambda indent, mine: True)
    if sibling is None or not _holds_its_value(sibling[1]) or _key_column(sibling[1]) == _key_column(here):
        sibling = _previous_key_line(lines, line, lambda indent, mine: indent > mine)
    key = KEY_AT_START.match(here)
    if sibling and key:
        number, other = sibling
        other_key = KEY_AT_START.match(other)
        assert other_key is not None
        return (
            f"`{key['key'].strip()}:` is not indented like the keys around it: align it with "
            f"`{other_key['key'].strip()}:` on line {number} ({_key_column(other)} spaces from the left)"
        )
    return f"this line's indentation does not match the lines around it (`{here.strip()}`): align it, using spaces"


def _previous_key_line(lines: list[str], line: int, accept: Callable[[int, int], bool]) -> tuple[int, str] | None:
    """The nearest line above holding a key whose column `accept(column, this line's column)`."""
    here = KEY_AT_START.match(lines[line - 1]) if 0 < line <= len(lines) else None
    mine = _key_column(lines[line - 1]) if here else len(lines[line - 1]) - len(lines[line - 1].lstrip())
    for number in range(line - 1, 0, -1):
        text = lines[number - 1]
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        if KEY_AT_START.match(text) and accept(_key_column(text), mine):
            return number, text
    return None


def _holds_its_value(text: str) -> bool:
    """`fr: "Un"` holds its value; `intro:` and `fr: |` open a block on the lines below."""
    key = KEY_AT_START.match(text)
    value = text[key.end() :].split(" #")[0].strip() if key else ""
    return value not in ("", "|", ">", "|-", ">-", "|+", ">+")


def _apostrophe_in_single_quotes(lines: list[str], first: int, last: int) -> tuple[int, int, str] | None:
    """`fr: 'le plan d'un compte'`: the apostrophe closes the text, and YAML reads the rest as a mistake."""
    for number in range(max(1, first), min(last, len(lines)) + 1):
        text = lines[number - 1]
        key = KEY_AT_START.match(text)
        start = key.end() if key else len(text) - len(text.lstrip(" -"))
        value = text[start:].lstrip()
        word = APOSTROPHE_IN_WORD.search(value, 1) if value.startswith("'") else None
        if word:
            column = len(text) - len(value) + word.start() + word.group().index("'") + 1
            return (
                number,
                column,
                f"the apostrophe in `{word.group()}` ends the text opened with `'`: put the whole text in double "
                'quotes (`"…"`), or type the typographic apostrophe ’',
            )
    return None


def _unclosed_quote(lines: list[str], first: int, last: int) -> int | None:
    """The first line from `first` to `last` whose double quotes do not pair up (escapes aside)."""
    for number in range(max(1, first), min(last, len(lines)) + 1):
        text = lines[number - 1].split(" #")[0].replace('\\"', "")
        if text.count('"') % 2 == 1 and "'" not in text:
            return number
    return None


def _key_column(text: str) -> int:
    """Column of the key on a line, after any `- ` list markers."""
    stripped = text.lstrip(" ")
    column = len(text) - len(stripped)
    while stripped.startswith("- "):
        rest = stripped[2:].lstrip(" ")
        column += len(stripped) - len(rest)
        stripped = rest
    return column


def explain_reader_error(error: yaml.reader.ReaderError, text: str) -> tuple[int, int, str]:
    """A character YAML refuses (NUL, control characters): where it is and what it is."""
    position = max(0, min(error.position, len(text)))
    before = text[:position]
    line = before.count("\n") + 1
    column = position - (before.rfind("\n") + 1) + 1
    character = chr(error.character) if isinstance(error.character, int) else str(error.character)
    name = unicodedata.name(character, "control character")
    return (
        line,
        column,
        f"an invisible character U+{ord(character):04X} ({name.lower()}) that YAML does not accept: "
        "delete it (retype the line if you cannot see it)",
    )
