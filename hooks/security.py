"""MkDocs hook: a Content-Security-Policy on every page, and no active content written into pages.

The policy (a `<meta>` tag: a static host may not let us send headers) allows scripts
from the site itself and, by hash, the few inline scripts of Material's own templates;
nothing else inline runs, so one slip in a page or a YAML text cannot run code. The
build refuses what the policy would block anyway (event handlers, `javascript:` links,
scripts, styles in a page), naming the file and line, so editors learn of it at once.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import logging
import re

from jinja2 import Environment, FileSystemLoader
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from kam_guide.build.failure import fail
from kam_guide.source.markup import active_content, as_written, escaped, external_media
from kam_guide.source.template_cache import cache_compiled_templates
from kam_guide.source.yamlsource import Problem

log = logging.getLogger("mkdocs.hooks.security")

# Material's partials that hold inline scripts (the ones this site's features use).
THEME_SCRIPT_PARTIALS = (
    "partials/javascripts/base.html",
    "partials/javascripts/palette.html",
    "partials/javascripts/content.html",
)
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
POLICY = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)
# `mkdocs serve` adds its own inline live-reload script, different on every request, so no
# hash can allow it: while serving, inline scripts are allowed (the rest of the policy holds,
# and the build still refuses active content). What is published keeps the hashes.
SERVE_SCRIPTS = "'unsafe-inline'"
# Process-wide, not per build: MkDocs calls on_startup once per process, before any config exists.
_command = "build"


# ─── Hooks ──────────────────────────────────────────────────────────────────


def on_startup(*, command: str, dirty: bool) -> None:
    global _command
    _command = command


def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    if _command == "serve":
        config.extra["content_security_policy"] = POLICY.format(hashes=SERVE_SCRIPTS)
        return env
    # Rendered in an environment of our own, kept for the process: in MkDocs' (new for each language)
    # these partials would be compiled again by every build, before page rendering compiles them too.
    partials = theme_partials_environment(tuple(config.theme.dirs))
    hashes = sorted(
        {
            _sha256(script)
            for name in THEME_SCRIPT_PARTIALS
            for script in INLINE_SCRIPT.findall(
                partials.get_template(name).render(config=config, base_url=".", features=config.theme["features"] or [])
            )
        }
    )
    config.extra["content_security_policy"] = POLICY.format(hashes=" ".join(f"'sha256-{h}'" for h in hashes))
    return env


def on_page_markdown(markdown: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs' templates do not escape, and Material prints front matter as written (`title` and
    # `description` in <head>, `status` and `subtitle` in every menu). The content check refuses
    # markup in the keys the site knows; escaping every value here keeps an unknown key, a quote
    # in a description, or a key read by a later template from ever closing a tag.
    page.meta = escaped(page.meta)
    return markdown


def on_page_content(html: str, /, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    findings = [
        (
            finding,
            f"the page produces {finding}, which could run code or restyle the page in readers' browsers "
            "(the site's Content-Security-Policy blocks it): use Markdown, and links to pages or web addresses",
        )
        for finding in active_content(html)
    ] + [
        (
            f"`{address}`",
            f"the page loads `{address}` from another site, which the site's Content-Security-Policy blocks in "
            "readers' browsers: save the file under docs/img/ and link it from there (`img/…`)",
        )
        for address in external_media(html)
    ]
    if findings:
        source = page.file.content_string
        problems = [
            Problem(f"docs/{page.file.src_uri}", _line_of(finding, source), 1, message)
            for finding, message in dict.fromkeys(findings)
        ]
        fail("Active content in pages", problems, log)
    return html


# ─── Helpers ────────────────────────────────────────────────────────────────


def _line_of(finding: str, source: str) -> int:
    """The first line of the page's source that may hold what was found (1 when unsure)."""
    needle = as_written(finding).lower()  # `<meta>` → "<meta", `onclick=` → "onclick"
    for number, line in enumerate(source.splitlines(), start=1):
        if needle in line.lower():
            return number
    return 1


@functools.cache
def theme_partials_environment(theme_dirs: tuple[str, ...]) -> Environment:
    """The theme's templates, as MkDocs' environment reads them (no autoescape, the same folders),
    checked for changes on each use (`mkdocs serve`) and compiled once per process."""
    env = Environment(loader=FileSystemLoader(list(theme_dirs)))
    cache_compiled_templates(env)
    return env


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
