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


def is_whole_site_build(config: MkDocsConfig) -> bool:
    """Whether this build's on_post_build sees the finished site, every language in it.

    mkdocs-static-i18n builds the other languages from inside the default language's on_post_build
    (its `building` flag is set meanwhile) and merges their search entries at its end: a hook running
    after it (a lower priority) in a nested build would work on a site the outer build then finishes.
    """
    i18n = config.plugins.get("i18n")
    return i18n is None or not getattr(i18n, "building", False)
