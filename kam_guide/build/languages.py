"""Which languages the site builds, and which one a page is in (mkdocs-static-i18n aware)."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page


def site_languages(config: MkDocsConfig) -> list[str]:
    """Languages built, default first; a site without the i18n plugin has its theme's language."""
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return [str(config.theme["language"])]
    default = i18n.default_language
    return [default] + [lang for lang in i18n.build_languages if lang != default]


def build_language(config: MkDocsConfig) -> str:
    """The language being built (mkdocs-static-i18n sets the theme language per build)."""
    return str(config.theme["language"])


def page_language(page: Page, config: MkDocsConfig) -> str:
    return getattr(page.file, "locale_alternate_of", None) or build_language(config)


def is_default_language_build(config: MkDocsConfig) -> bool:
    """The default language's build, the first: checks that cover every language run there, once."""
    return build_language(config) == site_languages(config)[0]
