"""The Jinja environment for the project's own components (overrides/components/), one per folder.

Autoescaped, undefined names are errors, and compiled templates are kept in Jinja's
per-user bytecode cache, so a new `mkdocs build` process skips compiling an unchanged
partial (checked by source checksum).
"""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kam_guide.source.template_cache import bytecode_cache


@functools.cache
def components_environment(templates_dir: Path) -> Environment:
    return Environment(
        loader=FileSystemLoader(templates_dir),
        bytecode_cache=bytecode_cache(),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
