"""SVG images docs/ may publish: read as XML, refused if they could run anything (see published.py).

Of the types allowed, only SVG can carry active content. It is read as XML with namespaces through
defusedxml's expat reader (no entity declarations, no external entities: no billion laughs, no
XXE), never by searching its text, so a prefix (`<s:script>`), an entity (`&#106;avascript:`) or a
character reference inside a scheme (`java&#x09;script:`) cannot hide anything; it is refused if it
could run a script, hold HTML, or load anything from outside itself.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from xml.parsers import expat
from xml.sax import SAXParseException
from xml.sax.handler import ContentHandler
from xml.sax.xmlreader import AttributesNSImpl, Locator

from defusedxml.common import DefusedXmlException
from defusedxml.expatreader import DefusedExpatParser

from kam_guide.source.textfile import not_utf8
from kam_guide.source.yamlsource import Problem

MAX_SVG_BYTES = 1_000_000  # a diagram is a few KB; Material's largest icon is 15 KB
MAX_FINDINGS = 10  # per SVG: a hostile file with thousands of handlers would bury the other errors

SVG = "http://www.w3.org/2000/svg"
XHTML = "http://www.w3.org/1999/xhtml"
XML = "http://www.w3.org/XML/1998/namespace"
# Elements of web pages, not of images: refused in any namespace (an XHTML one would run).
_SCRIPT_ELEMENTS = {"script", "handler"}
_PAGE_ELEMENTS = {"foreignobject", "iframe", "frame", "frameset", "embed", "object", "applet", "portal"}
_PAGE_ELEMENTS |= {"base", "meta", "link", "form"}
# Browsers drop tabs and newlines anywhere in an address, and spaces and control characters around it.
_URL_IGNORED = {code: None for code in (*range(0x21), 0x7F)}
_SCHEME = re.compile(r"(?:^|[;,(\"'])(javascript|vbscript|data):")
_CSS_ESCAPE = re.compile(r"\\([0-9a-f]{1,6})[ \t\r\n\f]?|\\(.)", re.IGNORECASE | re.DOTALL)
_CSS_COMMENT = re.compile(r"/\*.*?(\*/|$)", re.DOTALL)
_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]*)")


def svg_problems(path: Path, shown: str) -> list[Problem]:
    """An SVG opened on its own is a document: refuse what could run, hold HTML or load other files."""
    size = path.stat().st_size
    if size > MAX_SVG_BYTES:
        return [
            Problem(
                shown,
                1,
                1,
                f"this SVG is {size:,} bytes, over the 1 MB limit: simplify it (in Inkscape: Save as, "
                "Optimized SVG) or save it as PNG or WebP",
            )
        ]
    data = path.read_bytes()
    try:
        data.removeprefix(codecs.BOM_UTF8).decode("utf-8")
    except UnicodeDecodeError as error:
        return [not_utf8(shown, data, error)]
    reader = _SvgReader()
    scan = _SvgScan(shown, reader)
    reader.setContentHandler(scan)
    try:
        reader.feed(data)
        reader.close()
    except SAXParseException as error:
        reason = error.getMessage()
        if reason.startswith("not well-formed ("):  # expat's word for any stray character
            reason = reason.removeprefix("not well-formed (").removesuffix(")")
        return [
            *scan.problems,
            Problem(
                shown,
                *_place(error),
                f"this SVG cannot be read as XML ({reason} here): the file is damaged or is not an SVG; "
                "export it again (in Inkscape: Save as, Plain SVG)",
            ),
        ]
    except _Refused as error:
        return [*scan.problems, Problem(shown, error.line, error.column, error.message)]
    except DefusedXmlException as error:  # an entity declared or an external one; the DOCTYPE is refused first
        return [*scan.problems, Problem(shown, *_place(reader), _defused_message(error))]
    return scan.problems


def _place(locator: Locator | SAXParseException) -> tuple[int, int]:
    """Line and column from 1 (expat counts columns from 0, in characters)."""
    return locator.getLineNumber() or 1, (locator.getColumnNumber() or 0) + 1


class _Refused(Exception):
    """Stops reading an SVG: what follows cannot be read as the browser reads it."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(message)
        self.message, self.line, self.column = message, line, column


class _SvgReader(DefusedExpatParser):
    """defusedxml's expat reader, which also refuses a DTD of the file's own and encodings other than UTF-8.

    defusedxml stops at an entity declaration or an external entity; a DOCTYPE naming the SVG 1.1
    DTD (as some drawing programs write) is accepted, and that DTD is never read.
    """

    def __init__(self) -> None:
        super().__init__(namespaceHandling=1, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        self.element = ""  # the element being started, as written: `s:script`

    def reset(self) -> None:
        super().reset()
        self._parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self._parser.StartDoctypeDeclHandler = self._doctype
        self._parser.XmlDeclHandler = self._xml_declaration

    def start_element_ns(self, name: str, attrs: dict[str, str]) -> None:
        # expat names it "namespace local prefix"; SAX hands the element on without its prefix.
        parts = name.split(" ")
        self.element = f"{parts[2]}:{parts[1]}" if len(parts) == 3 else parts[-1]
        super().start_element_ns(name, attrs)

    def _doctype(self, name: str, system_id: str | None, public_id: str | None, has_internal_subset: int) -> None:
        if has_internal_subset:
            raise _Refused(
                f"this SVG declares its own DTD (`<!DOCTYPE {name} [ … ]>`), which can define entities that grow "
                "without end or read other files: remove the DOCTYPE; an SVG needs none",
                *_place(self),
            )

    def _xml_declaration(self, version: str | None, encoding: str | None, standalone: int) -> None:
        if encoding is not None and encoding.lower() not in ("utf-8", "utf8"):
            raise _Refused(
                f'this SVG declares encoding="{encoding}": save it as UTF-8 and write encoding="UTF-8", '
                "or no encoding at all",
                *_place(self),
            )


def _defused_message(error: DefusedXmlException) -> str:
    name = getattr(error, "name", None)
    declared = f" (`<!ENTITY {name} …>`)" if name else ""
    return (
        f"this SVG declares an entity{declared} or refers to another file, which can grow without end or read "
        "other files: remove the DOCTYPE and write the text itself"
    )


class _SvgScan(ContentHandler):
    """Walks the elements as the browser would build them, noting every finding at its element."""

    def __init__(self, shown: str, reader: _SvgReader) -> None:
        super().__init__()
        self.shown = shown
        self.problems: list[Problem] = []
        self._reader = reader
        self._count = 0
        self._root_seen = False
        self._style: tuple[int, int, str] | None = None  # where a <style> element starts, and its name
        self._style_text: list[str] = []

    def skippedEntity(self, name: str) -> None:
        self._note(
            f"this SVG uses `&{name};`, which it does not define (a browser shows an error instead of the "
            "image): write the character itself"
        )

    def processingInstruction(self, target: str, data: str) -> None:
        self._note(
            f"this SVG holds a processing instruction (`<?{target} …?>`), with which a browser can restyle or "
            "rewrite the image: remove it"
        )

    def startElementNS(self, name: tuple[str | None, str], qname: str | None, attrs: AttributesNSImpl) -> None:
        uri, local = name
        element = self._reader.element
        if not self._root_seen:
            self._root_seen = True
            if name != (SVG, "svg"):
                start = f"`<{element}>` with no `xmlns`" if uri is None else f"`<{element}>` of {uri}"
                raise _Refused(
                    f"this file is not an SVG image: it starts with {start}, where an SVG starts with "
                    f'`<svg xmlns="{SVG}">`: export it again as SVG, or save it as PNG',
                    *_place(self._reader),
                )
        kind = local.lower()
        if kind in _SCRIPT_ELEMENTS:
            self._note(f"this SVG holds a script (`<{element}>`): remove it; an image needs none")
        elif kind in _PAGE_ELEMENTS or uri == XHTML:
            self._note(
                f"this SVG holds a web page's element (`<{element}>`), which can load or run other content: "
                "remove it; draw with SVG shapes and text"
            )
        is_link = name == (SVG, "a")
        for (attribute_uri, attribute_local), value in attrs.items():
            attribute = attrs.getQNameByName((attribute_uri, attribute_local))
            finding = _attribute_finding(attribute_uri, attribute_local.lower(), value, is_link)
            if finding:
                self._note(f"{finding[0]} (`{attribute}=` on `<{element}>`): {finding[1]}")
        animated = attrs.get((None, "attributeName"), "")
        target = animated.strip().lower().rpartition(":")[2]
        if target in ("href", "src") or target.startswith("on"):
            self._note(
                f'this SVG animates an address or a handler (`<{element} attributeName="{animated}">`), which '
                "can turn a link into a script: remove the animation"
            )
        if kind == "style":
            self._style = (*_place(self._reader), element)
            self._style_text = []

    def endElementNS(self, name: tuple[str | None, str], qname: str | None) -> None:
        if self._style and name[1].lower() == "style":
            line, column, element = self._style
            finding = _css_finding("".join(self._style_text))
            if finding:
                self._note(f"{finding} (in `<{element}>`): {_CSS_FIX}", line, column)
            self._style = None

    def characters(self, content: str) -> None:
        if self._style:
            self._style_text.append(content)

    def _note(self, message: str, line: int | None = None, column: int | None = None) -> None:
        self._count += 1
        if self._count <= MAX_FINDINGS:
            if line is None or column is None:
                line, column = _place(self._reader)
            self.problems.append(Problem(self.shown, line, column, message))
        elif self._count == MAX_FINDINGS + 1:
            self.problems.append(
                Problem(self.shown, 1, 1, f"this SVG has more than {MAX_FINDINGS} such problems: only the first shown")
            )


_CSS_FIX = "a style here may use `url(#id)` of this file only; remove the rest"


def _attribute_finding(uri: str | None, name: str, value: str, is_link: bool) -> tuple[str, str] | None:
    """What is wrong with one attribute (its namespace, lower-case name and value), and what to do, or None."""
    if name.startswith("on"):
        return "this SVG holds an event handler", "remove the attribute; an image needs none"
    if uri == XML and name == "base":
        return "this SVG sets `xml:base`, which points its `#id` references at another file", "remove it"
    scheme = _dangerous_scheme(value)
    if scheme == "data":
        return (
            "this SVG holds a `data:` address, a file hidden inside it",
            "remove it; show a picture as its own PNG or JPEG file on the page",
        )
    if scheme:
        return f"this SVG holds a `{scheme}:` address, a script", "remove it; an image needs none"
    address = value.translate(_URL_IGNORED)
    if name in ("href", "src") and not is_link and address and not address.startswith("#"):
        return (
            f"this SVG loads `{value.strip()[:60]}` from outside itself",
            "an image here holds everything it shows: draw it in the SVG, or show the other picture on "
            "the page; `href` may only name `#an-id` of this file",
        )
    finding = _css_finding(value)
    if finding:
        return finding, _CSS_FIX
    return None


def _dangerous_scheme(value: str) -> str | None:
    """`javascript`, `vbscript` or `data` if the value holds such an address, however it is spelt."""
    match = _SCHEME.search(value.translate(_URL_IGNORED).lower())
    return match.group(1) if match else None


def _css_finding(css: str) -> str | None:
    """What in a style could load or run something, after CSS escapes and comments are undone."""
    text = _CSS_COMMENT.sub("", _CSS_ESCAPE.sub(_unescape, css)).lower()
    for word in ("@import", "expression(", "image-set("):
        if word in text:
            return f"this SVG's style holds `{word}`"
    for match in _CSS_URL.finditer(text):
        target = match.group(1).strip()
        if target and not target.startswith("#"):
            return f"this SVG's style loads `url({target[:60]})`"
    return None


def _unescape(match: re.Match[str]) -> str:
    if match.group(1):
        code = int(match.group(1), 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return "" if match.group(2) == "\n" else match.group(2)
