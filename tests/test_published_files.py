"""What docs/ may publish: the allowed file types, and SVG images with nothing that runs or loads.

Unit tests call kam_guide/pages/published.py on files written to a temporary folder (no build);
one build of a throwaway copy checks that the build stops on all of them at once.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import material
import pytest

from kam_guide.pages.published import PUBLISHED_TYPES, published_file_problems
from kam_guide.pages.svgcheck import MAX_FINDINGS, MAX_SVG_BYTES
from sitecontent import ROOT
from siteproject import assert_fails_cleanly, build, copy_project

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 24 24">'


def problems_of(folder: Path, name: str, content: str | bytes) -> list[str]:
    path = folder / name
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return [str(problem) for problem in published_file_problems(path, f"docs/{name}")]


def svg(body: str) -> str:
    """An SVG image around `body`, the image's elements starting on line 2."""
    return f"{SVG_OPEN}\n{body}\n</svg>\n"


def sized_svg(size: int) -> bytes:
    """A clean SVG of exactly `size` bytes, padded with a comment."""
    head, tail = f"{SVG_OPEN}<!--".encode(), b"--></svg>"
    return head + b"x" * (size - len(head) - len(tail)) + tail


def position_of(text: str, needle: str) -> str:
    """`line:column` (from 1) of the first `needle` in `text`, as the problems give it."""
    before = text[: text.index(needle)]
    return f"{before.count(chr(10)) + 1}:{len(before.rsplit(chr(10), 1)[-1]) + 1}"


# ── the file types docs/ publishes ──────────────────────────────────────────


@pytest.mark.parametrize(
    "name",
    [
        "feed.xml",  # an XHTML <h:script> in it runs when the file is opened
        "page.xht",
        "page.xhtml",
        "include.shtml",
        "page.html",
        "PAGE.HTM",
        "evil.js",
        "module.mjs",
        "style.css",
        "data.json",
        "code.wasm",
        "image.svgz",  # compressed: the SVG check could not read it
        "favicon.ico",
        "notes.markdown",  # MkDocs would make it a page the content check never sees
        "archive.tar.gz",
        "drawing.svg.html",
        "Makefile",
        "trailing.",
    ],
)
def test_a_file_of_another_type_is_refused_once_at_the_file(tmp_path: Path, name: str) -> None:
    found = problems_of(tmp_path, name, "<script>alert(1)</script>")
    assert len(found) == 1, found
    assert found[0].startswith(f"docs/{name}:1:1: "), found
    assert "docs/ publishes pages, images, PDF, CSV and text files only (" in found[0]
    assert ", ".join(PUBLISHED_TYPES) in found[0]
    assert found[0].endswith("remove this file, or put it on another site and link to it")


def test_the_refusal_names_the_type_or_its_absence(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "feed.XML", "")[0].startswith("docs/feed.XML:1:1: `.xml` files are not published: ")
    assert problems_of(tmp_path, "README", "")[0].startswith("docs/README:1:1: a file without an extension is not ")


@pytest.mark.parametrize(
    "name", ["chart.png", "PHOTO.JPG", "photo.jpeg", "anim.gif", "pic.webp", "pic.avif", "guide.pdf", "team.csv"]
)
def test_pictures_and_documents_are_published_as_they_are(tmp_path: Path, name: str) -> None:
    # Their content is not read: a browser decodes a picture, shows a PDF in its sandboxed viewer.
    assert problems_of(tmp_path, name, b"\x89PNG\r\n\x1a\n<script>alert(1)</script>") == []


def test_text_files_are_published_whatever_they_say(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "robots.txt", "<script>alert(1)</script>") == []


def test_a_page_with_an_upper_case_extension_is_named(tmp_path: Path) -> None:
    # MkDocs makes a page of `.md` only: `.MD` would be published as raw text, never checked.
    assert problems_of(tmp_path, "plan.MD", "# Plan") == [
        "docs/plan.MD:1:1: MkDocs reads a page only from a name ending in `.md`: rename it to plan.md"
    ]
    assert problems_of(tmp_path, "plan.md", "<script>") == []  # pages are checked by the content check


def test_the_editor_guide_names_every_published_type() -> None:
    guide = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    missing = [suffix for suffix in PUBLISHED_TYPES if f"`{suffix}`" not in guide]
    assert not missing, f"CONTRIBUTING.md does not name {missing}: kam_guide/pages/published.py and the guide disagree"


# ── SVG: refused however it is spelt, at the offending element ─────────────

REFUSED_SVGS = {
    "namespace-prefixed-script": (
        svg('<s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>'),
        "<s:script",
        "this SVG holds a script (`<s:script>`): remove it; an image needs none",
    ),
    "script-in-cdata": (
        svg("<g>\n  <script><![CDATA[alert(1)]]></script>\n</g>"),
        "<script",
        "this SVG holds a script (`<script>`)",
    ),
    "xhtml-script": (
        svg('<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'),
        "<h:script",
        "this SVG holds a script (`<h:script>`)",
    ),
    "upper-case-script": (svg("<SCRIPT>alert(1)</SCRIPT>"), "<SCRIPT", "holds a script (`<SCRIPT>`)"),
    "foreign-object": (
        svg(
            '<foreignObject width="10" height="10">'
            '<iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/>'
            "</foreignObject>"
        ),
        "<foreignObject",
        "this SVG holds a web page's element (`<foreignObject>`)",
    ),
    "iframe-in-foreign-object": (
        svg(
            '<foreignObject width="10" height="10">\n'
            '<iframe xmlns="http://www.w3.org/1999/xhtml" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"/>'
            "</foreignObject>"
        ),
        "<iframe",
        "this SVG holds a web page's element (`<iframe>`)",
    ),
    "xhtml-element": (
        svg('<x:img xmlns:x="http://www.w3.org/1999/xhtml" src="a.png"/>'),
        "<x:img",
        "this SVG holds a web page's element (`<x:img>`)",
    ),
    "embed": (svg('<embed src="x.swf"/>'), "<embed", "web page's element (`<embed>`)"),
    "onload-upper-case": (
        '<svg xmlns="http://www.w3.org/2000/svg" ONLOAD="alert(1)">\n<rect/>\n</svg>',
        "<svg",
        "this SVG holds an event handler (`ONLOAD=` on `<svg>`): remove the attribute; an image needs none",
    ),
    "handler-in-a-namespace": (
        svg('<rect xmlns:e="urn:x" e:onclick="alert(1)" width="5" height="5"/>'),
        "<rect",
        "event handler (`e:onclick=` on `<rect>`)",
    ),
    "entity-encoded-javascript": (
        svg('<a href="&#106;avascript:alert(1)"><text>Open</text></a>'),
        "<a ",
        "this SVG holds a `javascript:` address, a script (`href=` on `<a>`): remove it; an image needs none",
    ),
    "tab-entity-in-the-scheme": (
        svg('<a xlink:href="java&#x09;script:alert(1)"><text>Open</text></a>'),
        "<a ",
        "a `javascript:` address, a script (`xlink:href=` on `<a>`)",
    ),
    "newline-and-spaces": (
        svg('<a href="  JAVA&#10;SCRIPT&#x3A;alert(1)"><text>Open</text></a>'),
        "<a ",
        "a `javascript:` address",
    ),
    "vbscript": (svg('<a href="vbscript:msgbox(1)"><text>x</text></a>'), "<a ", "a `vbscript:` address"),
    "data-link": (
        svg('<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;"><text>x</text></a>'),
        "<a ",
        "this SVG holds a `data:` address, a file hidden inside it (`href=` on `<a>`)",
    ),
    "data-image": (
        svg('<image width="5" height="5" xlink:href="data:image/svg+xml;base64,PHN2Zz4="/>'),
        "<image",
        "a `data:` address, a file hidden inside it (`xlink:href=` on `<image>`): remove it; show a picture",
    ),
    "image-from-another-site": (
        svg('<image width="5" height="5" href="https://evil.example/x.png"/>'),
        "<image",
        "this SVG loads `https://evil.example/x.png` from outside itself (`href=` on `<image>`)",
    ),
    "use-of-another-file": (
        svg('<use href="sprite.svg#icon"/>'),
        "<use",
        "loads `sprite.svg#icon` from outside itself (`href=` on `<use>`)",
    ),
    "filter-image": (
        svg('<filter id="f"><feImage xlink:href="//evil.example/x"/></filter>'),
        "<feImage",
        "from outside itself (`xlink:href=` on `<feImage>`)",
    ),
    "animate-to-javascript": (
        svg('<a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a>'),
        "<animate",
        "a `javascript:` address, a script (`to=` on `<animate>`)",
    ),
    "animate-href": (
        svg('<a href="#top"><set attributeName="xlink:href" to="#other"/><text>x</text></a>'),
        "<set",
        'this SVG animates an address or a handler (`<set attributeName="xlink:href">`)',
    ),
    "animate-values": (
        svg('<a><animate attributeName="href" values="#a;javascript:alert(1)"/><text>x</text></a>'),
        "<animate",
        "a `javascript:` address, a script (`values=` on `<animate>`)",
    ),
    "style-import": (
        svg('<style>\n@import url("https://evil.example/x.css");\n</style>'),
        "<style",
        "this SVG's style holds `@import` (in `<style>`): a style here may use `url(#id)` of this file only",
    ),
    "style-escaped-import": (svg("<style>@\\69mport 'x.css';</style>"), "<style", "style holds `@import`"),
    "style-attribute-url": (
        svg('<rect width="5" height="5" style="fill: u\\72l(https://evil.example/p.svg#g)"/>'),
        "<rect",
        "this SVG's style loads `url(https://evil.example/p.svg#g)` (`style=` on `<rect>`)",
    ),
    "style-expression": (
        svg('<rect width="5" height="5" style="width: expression(alert(1))"/>'),
        "<rect",
        "style holds `expression(`",
    ),
    "fill-url": (svg('<rect width="5" height="5" fill="url(//evil.example/g)"/>'), "<rect", "(`fill=` on `<rect>`)"),
    "xml-base": (
        svg('<use xml:base="https://evil.example/s.svg" href="#icon"/>'),
        "<use",
        "this SVG sets `xml:base`, which points its `#id` references at another file (`xml:base=` on `<use>`)",
    ),
    "xslt": (
        '<?xml version="1.0"?>\n<?xml-stylesheet type="text/xsl" href="evil.xsl"?>\n' + svg("<rect/>"),
        "<?xml-stylesheet",
        "this SVG holds a processing instruction (`<?xml-stylesheet …?>`)",
    ),
    "undefined-entity": (
        '<!DOCTYPE svg SYSTEM "file:///etc/passwd">\n' + svg("<text>&secret;</text>"),
        "&secret;",
        "this SVG uses `&secret;`, which it does not define",
    ),
}


@pytest.mark.parametrize(("text", "needle", "message"), REFUSED_SVGS.values(), ids=REFUSED_SVGS.keys())
def test_active_svg_content_is_refused_at_its_element(tmp_path: Path, text: str, needle: str, message: str) -> None:
    found = problems_of(tmp_path, "diagram.svg", text)
    where = f"docs/diagram.svg:{position_of(text, needle)}: "
    assert any(problem.startswith(where) and message in problem for problem in found), (where, message, found)


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            '<?xml version="1.0"?>\n<!DOCTYPE svg [\n  <!ENTITY lol "lol">\n  <!ENTITY lol1 "&lol;&lol;&lol;&lol;">\n'
            "]>\n" + svg("<text>&lol1;</text>"),
            "2:",
            "this SVG declares its own DTD (`<!DOCTYPE svg [ … ]>`), which can define entities that grow without end "
            "or read other files: remove the DOCTYPE; an SVG needs none",
        ),
        (
            # A default attribute declared in the DTD would add onload= to every <svg>.
            '<!DOCTYPE svg [<!ATTLIST svg onload CDATA "alert(1)">]>\n' + svg("<rect/>"),
            "1:",
            "this SVG declares its own DTD",
        ),
        (
            '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + svg("<rect/>"),
            "1:1: ",
            'this SVG declares encoding="ISO-8859-1": save it as UTF-8',
        ),
        (
            '<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>',
            "1:1: ",
            "this file is not an SVG image: it starts with `<html>` of http://www.w3.org/1999/xhtml",
        ),
        (
            "<svg>\n<rect/>\n</svg>",
            "1:1: ",
            "this file is not an SVG image: it starts with `<svg>` with no `xmlns`",
        ),
        (
            svg("<g>\n<rect>\n</g>"),
            "4:3: ",
            "this SVG cannot be read as XML (mismatched tag here): the file is damaged or is not an SVG",
        ),
    ],
    ids=["billion-laughs", "attlist-default", "encoding", "xhtml-document", "no-namespace", "not-well-formed"],
)
def test_what_the_svg_declares_is_refused_where_it_is_written(
    tmp_path: Path, text: str, where: str, message: str
) -> None:
    found = problems_of(tmp_path, "diagram.svg", text)
    assert len(found) == 1 and found[0].startswith(f"docs/diagram.svg:{where}") and message in found[0], found


def test_an_svg_with_several_problems_lists_each_at_its_line(tmp_path: Path) -> None:
    text = svg('<rect onclick="a()"/>\n<script>b()</script>\n<image href="https://evil.example/c.png"/>')
    found = problems_of(tmp_path, "diagram.svg", text)
    assert [problem.split(": ", 1)[0] for problem in found] == [
        "docs/diagram.svg:2:1",
        "docs/diagram.svg:3:1",
        "docs/diagram.svg:4:1",
    ]


def test_a_flood_of_findings_is_cut_short(tmp_path: Path) -> None:
    text = svg("\n".join('<rect onclick="a()"/>' for _ in range(50)))
    found = problems_of(tmp_path, "diagram.svg", text)
    assert len(found) == MAX_FINDINGS + 1
    assert (
        found[-1] == f"docs/diagram.svg:1:1: this SVG has more than {MAX_FINDINGS} such problems: only the first shown"
    )


# ── SVG: whatever the file holds, one problem and no traceback ─────────────


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (bytes(range(256)) * 8, "docs/diagram.svg:2:118: the file is not UTF-8 text"),  # a binary: 0x80 after \n
        (svg("<text>é</text>").encode("utf-16"), "docs/diagram.svg:1:1: the file is not UTF-8 text"),
        (svg("<text>é</text>").encode("cp1252"), "docs/diagram.svg:2:7: the file is not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "docs/diagram.svg:1:1: the file is not UTF-8 text"),
        (svg("<text>\x00</text>").encode(), "docs/diagram.svg:2:7: this SVG cannot be read as XML (invalid token"),
        (b"", "docs/diagram.svg:1:1: this SVG cannot be read as XML (no element found here)"),
        (b"GIF89a", "docs/diagram.svg:1:1: this SVG cannot be read as XML (syntax error here)"),
        (sized_svg(MAX_SVG_BYTES + 1), "docs/diagram.svg:1:1: this SVG is 1,000,001 bytes, over the 1 MB limit"),
    ],
    ids=["binary", "utf-16", "windows-1252", "png", "nul", "empty", "gif", "huge"],
)
def test_an_unreadable_svg_gives_one_problem(tmp_path: Path, content: bytes, message: str) -> None:
    found = problems_of(tmp_path, "diagram.svg", content)
    assert len(found) == 1 and found[0].startswith(message), found


def test_an_svg_of_exactly_the_limit_is_read(tmp_path: Path) -> None:
    assert problems_of(tmp_path, "diagram.svg", sized_svg(MAX_SVG_BYTES)) == []


def test_a_billion_laughs_is_refused_before_any_entity_grows(tmp_path: Path) -> None:
    entities = "".join(f'<!ENTITY l{n} "{f"&l{n - 1};" * 10}">' for n in range(1, 10))
    text = f'<!DOCTYPE svg [<!ENTITY l0 "ha">{entities}]>\n' + svg("<text>&l9;</text>")
    assert [problem.split(": ", 1)[1][:35] for problem in problems_of(tmp_path, "d.svg", text)] == [
        "this SVG declares its own DTD (`<!D"
    ]


# ── SVG: what drawings really hold passes ───────────────────────────────────

CLEAN_SVGS = {
    "icon": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M7 14a2 2 0 1 1 0-4z"/></svg>',
    "inkscape": (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        "<!-- <script>alert(1)</script> in a comment runs nowhere -->\n"
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"\n'
        '     xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"\n'
        '     xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"\n'
        '     xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"\n'
        '     width="210mm" height="100mm" viewBox="0 0 210 100" sodipodi:docname="canvas.svg">\n'
        '  <sodipodi:namedview pagecolor="#ffffff" inkscape:zoom="1.2"/>\n'
        "  <metadata><rdf:RDF><dc:format>image/svg+xml</dc:format></rdf:RDF></metadata>\n"
        '  <defs><linearGradient id="g"><stop offset="0" style="stop-color:#3f51b5"/></linearGradient>\n'
        '    <linearGradient id="g2" xlink:href="#g"/><style>.box { fill: url("#g2"); }</style></defs>\n'
        '  <g inkscape:label="Layer 1" inkscape:groupmode="layer">\n'
        '    <rect class="box" width="50" height="20" style="fill:url(#g);stroke:#000" rx="2"/>\n'
        '    <use href="#g" x="60"/>\n'
        '    <a href="https://example.com/kam"><text x="5" y="40">Data: javascript: a word</text></a>\n'
        '    <a href="account-plan.html#swot"><text x="5" y="60" aria-label="Key data: 2024">SWOT</text></a>\n'
        '    <animate attributeName="opacity" values="0;1" dur="1s"/>\n'
        "  </g>\n</svg>\n"
    ),
    "bom-and-crlf": "\ufeff" + svg("<rect width='1' height='1'/>").replace("\n", "\r\n"),
    "prefixed-svg": '<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:title>Plan</s:title><s:circle r="4"/></s:svg>',
}


@pytest.mark.parametrize("text", CLEAN_SVGS.values(), ids=CLEAN_SVGS.keys())
def test_ordinary_drawings_pass(tmp_path: Path, text: str) -> None:
    assert problems_of(tmp_path, "drawing.svg", text) == []


def test_material_icons_pass() -> None:
    """Real SVGs from another project: a sample of the icons Material ships (every 50th, about 290)."""
    icons = sorted((Path(material.__file__).parent / "templates" / ".icons").rglob("*.svg"))[::50]
    assert len(icons) > 100
    found = [problem for icon in icons for problem in published_file_problems(icon, icon.name)]
    assert found == []


def test_the_sites_own_files_pass() -> None:
    files = [path for path in (ROOT / "docs").rglob("*") if path.is_file() and not path.name.startswith(".")]
    assert files
    found = [str(p) for path in files for p in published_file_problems(path, f"docs/{path.relative_to(ROOT / 'docs')}")]
    assert found == []
    assert published_file_problems(ROOT / "overrides" / "assets" / "favicon.svg", "favicon.svg") == []


# ── end to end: one build, every bad file named at its line ────────────────


def test_the_build_stops_on_every_file_docs_may_not_publish(tmp_path: Path) -> None:
    project = copy_project(tmp_path)
    docs = project / "docs"
    (docs / "img").mkdir()
    bad = {
        "feed.xml": '<feed xmlns:h="http://www.w3.org/1999/xhtml"><h:script>alert(1)</h:script></feed>',
        "page.xht": "<html/>",
        "include.shtml": '<!--#exec cmd="ls" -->',
        "evil.js": "alert(1)",
        "page.html": "<script>alert(1)</script>",
        "img/icon.svg": svg('<g>\n  <s:script xmlns:s="http://www.w3.org/2000/svg">alert(1)</s:script>\n</g>'),
        "img/link.svg": svg('<a xlink:href="java&#x09;script:alert(1)"><text>x</text></a>'),
        "img/laughs.svg": '<!DOCTYPE svg [<!ENTITY a "aaaa">]>\n' + svg("<text>&a;</text>"),
    }
    for name, text in bad.items():
        (docs / name).write_text(text, encoding="utf-8")
    shutil.copy(ROOT / "overrides" / "assets" / "favicon.svg", docs / "img" / "clean.svg")
    (tmp_path / "outside.txt").write_text("a secret", encoding="utf-8")
    (docs / "notes.txt").symlink_to(tmp_path / "outside.txt")  # an allowed type, but from outside docs/
    output = assert_fails_cleanly(
        build(project),
        project,
        "docs/feed.xml:1:1: `.xml` files are not published: docs/ publishes pages, images, PDF, CSV and text files",
        "docs/page.xht:1:1: `.xht` files are not published",
        "docs/include.shtml:1:1: `.shtml` files are not published",
        "docs/evil.js:1:1: `.js` files are not published",
        "docs/page.html:1:1: `.html` files are not published",
        "docs/img/icon.svg:3:3: this SVG holds a script (`<s:script>`)",
        "docs/img/link.svg:2:1: this SVG holds a `javascript:` address",
        "docs/img/laughs.svg:1:",
        "this SVG declares its own DTD",
        "docs/notes.txt:1:1: this is a link to a file outside docs/",
        "The pages: 9 problems, listed above.",
    )
    assert "clean.svg" not in output
