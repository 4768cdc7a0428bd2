"""MkDocs hook: check every page and the nav before the build, in editors' words.

Runs first, before MkDocs reads a page or builds the nav, so that a missing translation,
a nav title without its translation, anchors that differ between languages, a missing or
overlong description, a misplaced marker, or a file docs/ may not publish (a type the
site does not serve, an SVG that could run a script) stop the build with the file, the
line and the fix (kam_guide/pages/ holds the checks; see CONTRIBUTING.md, "Reading the errors").
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import clean_directory

from kam_guide.build.failure import fail
from kam_guide.build.languages import is_default_language_build, site_languages
from kam_guide.build.site_markdown import site_markdown
from kam_guide.build.state import build_state
from kam_guide.layout import MARKER_FOLDERS
from kam_guide.pages.checks import MarkerKind, check_pages
from kam_guide.pages.frontmatter import ThemeChoices
from kam_guide.pages.navcheck import NavConfig, check_nav, check_not_found_texts
from kam_guide.pages.pageset import read_page_set
from kam_guide.source.folder import data_file_ids
from kam_guide.source.yamlsource import line_numbers

log = logging.getLogger("mkdocs.hooks.content_check")

# The site folder of the default language's build (mkdocs-static-i18n builds each other language
# into a folder inside it). The one value kept outside the build's state (kam_guide/build/state.py):
# MkDocs hands on_build_error no config to find that state on. Set anew by every build.
_site_root: str | None = None


# ─── Hooks ──────────────────────────────────────────────────────────────────


def on_pre_build(*, config: MkDocsConfig) -> None:
    global _site_root
    root = Path(config.config_file_path).parent
    languages = tuple(site_languages(config))
    if not is_default_language_build(config):
        return  # the default language's build, the first, checked every language
    _site_root = config.site_dir
    page_set, problems = read_page_set(Path(config.docs_dir), languages)
    build_state(config).page_set = page_set  # the quiz hook reads pages' anchors from it, not from disk again
    kinds = [
        MarkerKind(kind, frozenset(data_file_ids(root / folder)), f"in {folder}/")
        for kind, folder in MARKER_FOLDERS.items()
    ]
    problems += check_pages(page_set, kinds, site_markdown(config), _theme_choices(config))
    default_pages = {f"{slug}.md" for slug, versions in page_set.pages.items() if page_set.default in versions}
    other_pages = {
        f"{slug}.{language}.md": f"{slug}.md"
        for slug, versions in page_set.pages.items()
        for language in versions
        if language != page_set.default
    }
    nav_config = _nav_config(config, languages)
    problems += check_nav(nav_config, default_pages, other_pages)
    problems += check_not_found_texts(
        config.extra.get("not_found"), languages, nav_config.lines, nav_config.config_file
    )
    if problems:
        fail("The pages", problems, log)


def on_build_error(*, error: Exception) -> None:
    # A build that stops leaves no half-written site: in strict mode MkDocs writes every
    # page before it counts warnings, and each language is built after the one before.
    # The folder is emptied as MkDocs itself does before every build.
    if _site_root and Path(_site_root).is_dir():
        clean_directory(_site_root)


# ─── Helpers ────────────────────────────────────────────────────────────────


def _theme_choices(config: MkDocsConfig) -> ThemeChoices:
    """What `template:`, `status:` and `icon:` in a page's front matter may name."""
    theme_dirs = [Path(folder) for folder in config.theme.dirs]
    custom = Path(config.theme.custom_dir) if config.theme.custom_dir else None
    templates = sorted(path.name for path in custom.glob("*.html")) if custom else []
    return ThemeChoices(
        templates=tuple(name for name in templates if name != "404.html") or ("main.html",),
        statuses=tuple(config.extra.get("status") or {}),
        icon_exists=lambda name: any((folder / ".icons" / f"{name}.svg").is_file() for folder in theme_dirs),
    )


def _nav_config(config: MkDocsConfig, languages: tuple[str, ...]) -> NavConfig:
    config_file = Path(config.config_file_path)
    lines = line_numbers(config_file.read_text(encoding="utf-8"))
    translations: dict[str, dict[str, str]] = {}
    paths: dict[str, tuple[str | int, ...]] = {}
    i18n = config.plugins.get("i18n")
    if i18n is not None:
        plugin_index = next((path[1] for path in lines if path[:1] == ("plugins",) and path[2:3] == ("i18n",)), 0)
        for index, language in enumerate(i18n.config.languages):
            if language.locale in languages[1:]:
                translations[language.locale] = dict(language.nav_translations or {})
                paths[language.locale] = ("plugins", plugin_index, "i18n", "languages", index, "nav_translations")
    return NavConfig(
        nav=config.nav,
        default=languages[0],
        translations=translations,
        translation_paths=paths,
        lines=lines,
        config_file=config_file.name,
    )
