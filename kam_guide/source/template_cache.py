"""Theme templates compiled once per machine, not once per build and language.

MkDocs makes a new Jinja environment for every build, and mkdocs-static-i18n runs one build per
language: each `mkdocs build` compiled Material's templates once per language (a fifth of this
site's build on the reference machine, benchmarks/README.md). Jinja's bytecode cache keeps the
compiled code in its per-user folder, checked against each template's source by checksum, so an
edited override is compiled again. The file names carry the environment's settings, since the
same source compiles to other code under other extensions, delimiters or filters.

The project's own environments (the components', the theme partials hashed for the security policy)
are cached the same way, each under its own settings. A cache folder that cannot be used never stops
a build: it only leaves the templates compiled each time.
"""

from __future__ import annotations

import contextlib
import hashlib

from jinja2 import Environment, FileSystemBytecodeCache
from jinja2.bccache import Bucket


def cache_compiled_templates(env: Environment, directory: str | None = None) -> None:
    """Keep what env compiles, for every later environment with the same settings
    (in directory, Jinja's per-user cache folder by default)."""
    if not isinstance(env.autoescape, bool):
        return  # a function cannot be told apart from another by name: compile as Jinja would
    env.bytecode_cache = bytecode_cache(f"__kam_jinja_{settings_key(env)}_%s.cache", directory)


def bytecode_cache(pattern: str, directory: str | None = None) -> FileSystemBytecodeCache | None:
    """Jinja's cache of compiled templates, in files named by pattern, or None (compile every time)
    where Jinja finds no folder safe to keep it in: a cache never stops a build."""
    try:
        return _CacheThatNeverFails(directory, pattern)
    except (OSError, RuntimeError):  # Jinja's "Cannot determine safe temp directory"
        return None


class _CacheThatNeverFails(FileSystemBytecodeCache):
    """Jinja's file cache, less the way it can fail a build: a folder it cannot read or write."""

    def load_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # then compiled, as without a cache
            super().load_bytecode(bucket)

    def dump_bytecode(self, bucket: Bucket) -> None:
        with contextlib.suppress(OSError):  # then compiled again next time, as without a cache
            super().dump_bytecode(bucket)


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
