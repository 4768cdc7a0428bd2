"""MkDocs hook: what a bilingual site needs beyond mkdocs-static-i18n.

- every page links its translations with absolute URLs, plus `x-default`;
- each language has its own search index, so a search answers in the page's language, and the
  French one forgives accents (kam_guide/search_folding.py);
- each language root has a sitemap, which Material's language selector reads;
- the site-root 404 page is the default language's (it says its message in both).

mkdocs-static-i18n runs the whole build once per language, on the same config object:
every event here fires once per language, and each handler is written to be repeatable. Each
of those builds has a new Jinja environment; the theme's compiled templates are kept between
them, and between builds (kam_guide/source/template_cache.py).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.etree import ElementTree

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from kam_guide.build.languages import (
    is_default_language_build,
    is_whole_site_build,
    page_language,
    site_languages,
)
from kam_guide.search_folding import with_folded_fields
from kam_guide.source.template_cache import cache_compiled_templates

log = logging.getLogger("mkdocs.hooks.i18n_site")

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"


# ─── Hooks ──────────────────────────────────────────────────────────────────


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # One storage scope for both languages: the reader's palette choice (and
    # quiz answers) follow them across the language switch.
    config.extra["scope"] = urlsplit(config.site_url or "/").path or "/"
    return config


@event_priority(-100)  # last: the key names every extension the other handlers added
def on_env(env: Environment, /, *, config: MkDocsConfig, files: Files) -> Environment:
    cache_compiled_templates(env)
    return env


def on_page_context(context: dict[str, Any], /, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict[str, Any]:
    # Runs after mkdocs-static-i18n's own on_page_context (priority 50), which
    # resets `extra.alternate` for each page and points it at this page's translations.
    languages = _languages(config)
    alternates = getattr(page.file, "alternates", {})
    # mkdocs-static-i18n sets `extra.alternate` as an attribute, which Jinja reads first.
    for alternate in getattr(config.extra, "alternate", None) or config.extra.get("alternate", []):
        translated = alternates.get(alternate["lang"])
        if translated is not None:
            alternate["link"] = _absolute_url(config, translated.url)
    default_file = alternates.get(languages.default)
    context["x_default_url"] = _absolute_url(config, default_file.url) if default_file else None

    # Material's scripts find the search index and sitemap from `base`: point a
    # translated page at its own language root, so it searches its own language.
    language = page_language(page, config)
    if language != languages.default:
        context["base_url"] = _relative_root(page.url, prefix=f"{language}/")
    return context


def on_post_template(output: str, /, *, template_name: str, config: MkDocsConfig) -> str:
    # Static templates are written at the site root by every language build.
    # Returning nothing makes MkDocs skip the write, so the root 404 page keeps
    # the default language (overrides/404.html shows its text in both).
    if template_name == "404.html" and not is_default_language_build(config):
        return ""
    return output


@event_priority(-200)  # after mkdocs-static-i18n merged every language into one index
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_whole_site_build(config):
        return  # a language built inside the default language's build: the outer build does it, once
    site_dir = Path(config.site_dir)
    languages = _languages(config)
    _split_search_index(site_dir, languages)
    _write_language_sitemaps(site_dir, config.site_url or "/", languages)


# ─── Helpers ────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class _Languages:
    default: str
    others: list[str]


def _languages(config: MkDocsConfig) -> _Languages:
    default, *others = site_languages(config)
    return _Languages(default, others)


def _absolute_url(config: MkDocsConfig, url: str) -> str:
    return (config.site_url or "/") + ("" if url == "./" else url)


def _relative_root(page_url: str, prefix: str) -> str:
    """Relative path from a page to its language root, e.g. `en/a.html` → `.`."""
    depth = page_url.removeprefix(prefix).count("/")
    return "/".join([".."] * depth) or "."


def _split_search_index(site_dir: Path, languages: _Languages) -> None:
    """Leave the default language in /search/ and give every other its own /xx/search/."""
    root_index = site_dir / "search" / "search_index.json"
    if not root_index.exists():
        return
    index = json.loads(root_index.read_text(encoding="utf-8"))
    docs_by_language: dict[str, list[dict[str, Any]]] = {languages.default: []}
    for language in languages.others:
        docs_by_language[language] = []
    for doc in index["docs"]:
        language = next(
            (lang for lang in languages.others if doc["location"].startswith(f"{lang}/")),
            languages.default,
        )
        if language != languages.default:
            doc = {**doc, "location": doc["location"].removeprefix(f"{language}/")}
        docs_by_language[language].append(doc)
    for language, docs in docs_by_language.items():
        folder = site_dir / "search" if language == languages.default else site_dir / language / "search"
        folder.mkdir(parents=True, exist_ok=True)
        config = {**index["config"], "lang": [language]}
        # French readers type without accents: their index gets accent-free copies of its words.
        language_index = with_folded_fields({"config": config, "docs": docs})
        (folder / "search_index.json").write_text(
            json.dumps(language_index, ensure_ascii=False, separators=(",", ":")),
            encoding="utf-8",
        )


def _write_language_sitemaps(site_dir: Path, site_url: str, languages: _Languages) -> None:
    """Write /xx/sitemap.xml with that language's pages (a sitemap may only list URLs under it)."""
    root_sitemap = site_dir / "sitemap.xml"
    if not root_sitemap.exists():
        return
    ElementTree.register_namespace("", SITEMAP_NS)
    ElementTree.register_namespace("xhtml", XHTML_NS)
    for language in languages.others:
        tree = ElementTree.parse(root_sitemap)
        urlset = tree.getroot()
        prefix = f"{site_url}{language}/"
        for url in list(urlset):
            loc = url.findtext(f"{{{SITEMAP_NS}}}loc", default="")
            if not loc.startswith(prefix):
                urlset.remove(url)
        (site_dir / language).mkdir(exist_ok=True)
        tree.write(site_dir / language / "sitemap.xml", encoding="UTF-8", xml_declaration=True)
