"""What Markdown written by editors may produce: links to check, and no active content.

Text from YAML and pages becomes HTML through Markdown, whose extensions (attr_list,
raw link targets, raw HTML in pages) can carry event handlers, `javascript:` URLs,
styles or scripts. `active_content` lists what would run code or restyle the page, so
the build refuses it with the file and line; the site's Content-Security-Policy would
block it anyway, but an editor should learn of it at build time, not from a console.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

from markupsafe import escape

ALLOWED_SCHEMES = ("http", "https", "mailto", "tel")
# HTML elements with no end tag (the HTML standard's list).
VOID_ELEMENTS = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
ACTIVE_TAGS = {
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "link", "meta", "base",
    "form", "input", "button", "textarea", "select", "template", "portal",
}  # fmt: skip
URL_ATTRIBUTES = {"href", "src", "xlink:href", "action", "formaction", "poster", "data", "background", "cite", "srcset"}
SCHEME = re.compile(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):")


# `[text](target "title")`, `![alt](target)`, `<target>` forms aside; and `[label]: target` definitions.
INLINE_LINK = re.compile(r"\]\(\s*<?([^\s)>]+)")
REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE)
BACKTICKS = re.compile(r"`+")


def links_in(text: str) -> list[str]:
    """Every link and image target a Markdown text holds, as written (`kam-role.md#watcher`).

    Read from the Markdown syntax itself (inline links and reference definitions): a
    Markdown conversion per text and language cost more than the rest of the quiz checks.
    """
    prose = without_code_spans(text)  # `[a](b)` in code is shown, not followed
    return INLINE_LINK.findall(prose) + REFERENCE.findall(prose)


def without_code_spans(text: str) -> str:
    """`text` without its code spans: a run of backticks up to the next run of the same length.

    One pass over the runs; a pattern such as (`+)(.+?)\\1 re-reads the text from every run that
    never closes (a line of backticks took minutes).
    """
    runs = list(BACKTICKS.finditer(text))
    closer: dict[int, int] = {}  # run index → index of the next run of the same length
    next_of_length: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = len(runs[index].group())
        if length in next_of_length:
            closer[index] = next_of_length[length]
        next_of_length[length] = index
    pieces, last, index = [], 0, 0
    while index < len(runs):
        if index in closer and runs[closer[index]].start() > runs[index].end():
            pieces.append(text[last : runs[index].start()])
            last = runs[closer[index]].end()
            index = closer[index] + 1
        else:
            index += 1
    pieces.append(text[last:])
    return "".join(pieces)


# Cheap test first: HTML in which none of these is found holds nothing active_content would report.
# The tests must find all the parser reports: an attribute's name may follow a space, a `/` or the
# quote closing the value before it (`<a/onclick=…>`, `<a title="x"onclick=…>`), and browsers drop
# tabs and line breaks inside an address (`java<tab>script:`). They read the page lower-cased, as the
# parser reads names, which costs less than a case-insensitive search.
MAYBE_ACTIVE_TAG = re.compile(r"<(?:" + "|".join(ACTIVE_TAGS) + r")\b")
# An attribute the parser would report, with its value (a name alone runs and restyles nothing). A name
# starts after a space, `/` or quote and ends at a space, `/`, `=` or `>`; each pattern starts with its
# literal name and checks what comes before it after, so the search skips along the page at C speed.
# Runs are read up to READ_AHEAD characters: a longer one is left to the parser (a page of `'on'on…` or
# `=a=a…` would otherwise be read again from each of its starts).
READ_AHEAD = 256
EVENT_HANDLER = re.compile(rf"""on(?<=[\s/'"]on)(?:[^\s/=>]{{0,{READ_AHEAD}}}\s*=|[^\s/=>]{{{READ_AHEAD + 1}}})""")
STYLE = re.compile(r"""(?:style(?<=[\s/'"]style)|srcdoc(?<=[\s/'"]srcdoc))\s*=""")
# A value to be refused in an address attribute: a scheme other than the allowed ones, or an entity
# (which may hide one). The parser takes `src== x:…` as `src="x:…"`: more `=` may come first.
RISKY_ADDRESS = re.compile(
    r"=(?=={8}|={0,7}\s*[\"']?\s*(?:(?!(?:https?|mailto|tel):)[a-z][\t\n\r]*(?:[a-z0-9+.-][\t\n\r]*)*:"
    rf"|[^\"'>\s]{{0,{READ_AHEAD}}}&|[^\"'>\s]{{{READ_AHEAD + 1}}}))"
)


def _maybe_active_attribute(lowered: str) -> bool:
    """Whether an `on…=`, `style=`, `srcdoc=` or risky address attribute may be in `lowered`."""
    if EVENT_HANDLER.search(lowered) or STYLE.search(lowered):
        return True
    # Risky values are rare: the name before each is read only then.
    return any(_address_name_before(lowered, found.start()) for found in RISKY_ADDRESS.finditer(lowered))


ADDRESS_NAME_LENGTH = max(map(len, URL_ATTRIBUTES))


def _address_name_before(lowered: str, equals: int) -> bool:
    """Whether a name the parser may read before this `=` is an address attribute (`href`, `src`…):
    the word before it, after a space or `/`, or what follows a quote inside the word. Such a name is
    short: the word is read back that far at most, however long it is."""
    name_end = equals
    while name_end > 0 and lowered[name_end - 1].isspace():
        name_end -= 1
    start = name_end
    while (
        start > 0
        and name_end - start <= ADDRESS_NAME_LENGTH
        and lowered[start - 1] not in "/=>"
        and not lowered[start - 1].isspace()
    ):
        start -= 1
    tail = lowered[start:name_end]
    whole_word = start > 0 and (lowered[start - 1] == "/" or lowered[start - 1].isspace())
    names = [tail] if whole_word else []
    names += [tail[at + 1 :] for at, character in enumerate(tail) if character in "'\""]
    return any(name in URL_ATTRIBUTES for name in names)


def active_content(html: str) -> list[str]:
    """What in `html` would run code or style the page: `onclick="…"`, `<script>`, `javascript:…`."""
    lowered = html.lower()
    if not (MAYBE_ACTIVE_TAG.search(lowered) or _maybe_active_attribute(lowered)):
        return []
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.active


# An image, video or sound a page would load from another site (the CSP allows only the site's own).
EXTERNAL_MEDIA = re.compile(
    r"<(?:img|video|audio|source|track)\b[^>]*?\s(?:src|srcset|poster)\s*=\s*[\"']?\s*((?:https?:)?//[^\"'\s>]+)",
    re.IGNORECASE,
)


def external_media(html: str) -> list[str]:
    """Addresses of media `html` would load from another site: `https://example.com/a.png`."""
    return EXTERNAL_MEDIA.findall(html)


def as_written(finding: str) -> str:
    """What to look for in the source of a finding: `an event handler `onclick=`` → `onclick`."""
    quoted = re.search(r"`([^`]+)`", finding)
    return quoted.group(1).rstrip("=>") if quoted else finding


def escaped(value: Any) -> Any:
    """Every text in `value` (a front matter value: text, list, mapping) escaped for HTML, once.

    Markup objects print as they are, in templates that escape and in those that do not.
    """
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, list):
        return [escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    return value


def is_web_or_mail(target: str) -> bool:
    """A target with a scheme (`https:`, `mailto:`) rather than a page of the site."""
    return SCHEME.match(target) is not None or target.startswith("//")


def unsafe_scheme(target: str) -> str | None:
    """`javascript`, `data`, `vbscript`…: a scheme a link written by an editor may not use."""
    match = SCHEME.match(re.sub(r"[\t\n\r]", "", target))  # as a browser reads an address
    if match and match.group(1).lower() not in ALLOWED_SCHEMES:
        return match.group(1).lower()
    return None


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.targets: list[str] = []
        self.active: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ACTIVE_TAGS:
            self.active.append(f"a `<{tag}>` element")
        for name, value in attrs:
            if value is None:
                continue  # `<p onclick>`, `<p style>`: a name alone runs and restyles nothing
            if name.startswith("on"):
                self.active.append(f"an event handler `{name}=`")
            elif name == "style":
                self.active.append("a `style=` attribute")
            elif name == "srcdoc":
                self.active.append("a `srcdoc=` attribute")
            elif name in URL_ATTRIBUTES:
                scheme = unsafe_scheme(value)
                if scheme:
                    self.active.append(f"a `{scheme}:` address in `{name}=`")
                elif name in ("href", "src"):
                    self.targets.append(value)

    handle_startendtag = handle_starttag
