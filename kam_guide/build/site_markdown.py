"""The site's own Markdown (mkdocs.yml `markdown_extensions`), to see a page as MkDocs will render it."""

from __future__ import annotations

from collections.abc import Callable

import markdown
from mkdocs.config.defaults import MkDocsConfig

# One converter per config object: mkdocs-static-i18n rebuilds on the same object, and
# `mkdocs serve` makes a new one when mkdocs.yml changes.
_converters: dict[int, tuple[MkDocsConfig, Callable[[str], str]]] = {}


def site_markdown(config: MkDocsConfig) -> Callable[[str], str]:
    cached = _converters.get(id(config))
    if cached is not None and cached[0] is config:
        return cached[1]
    converter = markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)

    def convert(text: str) -> str:
        return converter.reset().convert(text)

    _converters.clear()
    _converters[id(config)] = (config, convert)
    return convert
