"""MkDocs hook: ship the site's own scripts and stylesheets minified, each page with the ones it asked for.

The sources in overrides/assets/ keep their comments and long names for whoever changes them;
readers download them minified (kam_guide/build/minify.py). Page assets are loaded only where
used: kam_guide/build/page_assets.py records what a page asks for, and `on_page_context` hands it
to overrides/main.html as `page_assets`.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext

from kam_guide.build.languages import is_whole_site_build
from kam_guide.build.minify import MinifyError, minified
from kam_guide.build.state import page_state

# ─── Hooks ──────────────────────────────────────────────────────────────────


def on_page_context(
    context: TemplateContext, /, *, page: Page, config: MkDocsConfig, nav: Navigation
) -> TemplateContext:
    context["page_assets"] = list(page_state(page, config).assets)  # type: ignore[typeddict-unknown-key]
    return context


@event_priority(-200)  # after mkdocs-static-i18n, which builds the other languages in its on_post_build
def on_post_build(*, config: MkDocsConfig) -> None:
    if not is_whole_site_build(config):
        return  # a language built inside the default one: the outer build minifies what they all copied, once
    sources = Path(config.theme.custom_dir or "overrides") / "assets"
    built = Path(config.site_dir) / "assets"
    for source in sorted(sources.rglob("*")):
        target = built / source.relative_to(sources)
        if not target.is_file():
            continue  # a language built into a sub-folder uses the root's assets
        try:
            text = minified(source)
        except MinifyError as error:
            raise PluginError(str(error)) from None
        if text is not None:
            target.write_text(text, encoding="utf-8")
