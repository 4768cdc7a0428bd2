"""Theme templates compiled once per machine, not once per build and language.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n runs one build per
language: each `mkdocs build` compiled Material's templates once per language (a fifth of this
site's build on the reference machine, benchmarks/README.md). Jinja's bytecode cache keeps the
compiled code in its per-user folder, checked against each template's source by checksum, so an
edited override is compiled again. The file names carry the environment's settings, since the
same source compiles to other code under other extensions, delimiters or filters.
"""

from __future__ import annotations

import hashlib

from jinja2 import Environment, FileSystemBytecodeCache


def cache_compiled_templates(env: Environment, directory: str | None = None) -> None:
    """Keep what env compiles, for every later environment with the same settings
    (in directory, Jinja's per-user cache folder by default)."""
    if not isinstance(env.autoescape, bool):
        return  # a function cannot be told apart from another by name: compile as Jinja would
    env.bytecode_cache = FileSystemBytecodeCache(directory, pattern=f"__kam_theme_{settings_key(env)}_%s.cache")


def settings_key(env: Environment) -> str:
    """What, besides a template's name, path and source, decides the code Jinja compiles it to."""
    settings = (
        sorted(env.extensions),
        sorted(env.filters),
        sorted(env.tests),
        env.autoescape,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        env.optimized,
        env.is_async,
    )
    return hashlib.sha256(repr(settings).encode("utf-8")).hexdigest()[:16]
