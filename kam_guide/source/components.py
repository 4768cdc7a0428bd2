"""The Jinja environment for the project's own components (overrides/components/), one per folder.

Autoescaped, undefined names are errors, and `fill` puts numbers in a text's `{name}` placeholders.
Compiled templates are kept in Jinja's per-user bytecode cache, keyed by the environment's settings
(template_cache.py), so a new `mkdocs build` process skips compiling an unchanged partial (checked by
source checksum).
"""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from kam_guide.source.template_cache import cache_compiled_templates


@functools.cache
def components_environment(templates_dir: Path) -> Environment:
    env = Environment(
        loader=FileSystemLoader(templates_dir),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["fill"] = fill
    cache_compiled_templates(env)  # after the filters: they are part of its key
    return env


def fill(template: str, **numbers: int) -> str:
    """`"Question {n}"` with n=3 → `"Question 3"` (only the named placeholders)."""
    for name, value in numbers.items():
        template = template.replace("{" + name + "}", str(value))
    return template
