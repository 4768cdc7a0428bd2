"""The site's Markdown (mkdocs.yml `markdown_extensions`) as the marker finder needs it (kam_guide.pages.markers)."""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig

from kam_guide.pages.markers import structure_converter

# One converter per config object: mkdocs-static-i18n rebuilds on the same object, and
# `mkdocs serve` makes a new one when mkdocs.yml changes.
_converters: dict[int, tuple[MkDocsConfig, Callable[[str], str]]] = {}


def site_markdown(config: MkDocsConfig) -> Callable[[str], str]:
    cached = _converters.get(id(config))
    if cached is not None and cached[0] is config:
        return cached[1]
    # Made on first use: most builds place every marker from the text alone and convert nothing.
    made: list[Callable[[str], str]] = []

    def convert(text: str) -> str:
        if not made:
            made.append(structure_converter(config.markdown_extensions, config.mdx_configs))
        return made[0](text)

    _converters.clear()
    _converters[id(config)] = (config, convert)
    return convert
