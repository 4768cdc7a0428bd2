"""Load and validate editors' YAML files, once per file change.

mkdocs-static-i18n runs the build once per language and `mkdocs serve` keeps hook
modules loaded between rebuilds, so results are cached by path and modification time
(older versions of a file are forgotten, so the cache does not grow under `serve`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Generic, TypeVar

from .yamlsource import Problem, SourceError, YamlDocument, load

T = TypeVar("T")


class ValidatedFiles(Generic[T]):
    def __init__(self, validate: Callable[[YamlDocument, Sequence[str]], T]) -> None:
        self._validate = validate
        self._cache: dict[Path, tuple[int, tuple[str, ...], T]] = {}

    def load_folder(self, folder: Path, languages: Sequence[str], root: Path) -> tuple[list[T], list[T]]:
        """Every `*.yml` in `folder` not starting with "_", and those read anew since the last call.

        Raise SourceError listing the problems of every file at once.
        """
        loaded: list[T] = []
        fresh: list[T] = []
        problems: list[Problem] = []
        for path in sorted(folder.glob("*.yml")):
            if path.name.startswith("_"):
                continue
            try:
                value, is_fresh = self._load(path, languages, root)
            except SourceError as error:
                problems.extend(error.problems)
                continue
            loaded.append(value)
            if is_fresh:
                fresh.append(value)
        if problems:
            raise SourceError(problems)
        return loaded, fresh

    def load_file(self, path: Path, languages: Sequence[str], root: Path) -> T:
        return self._load(path, languages, root)[0]

    def _load(self, path: Path, languages: Sequence[str], root: Path) -> tuple[T, bool]:
        mtime, languages = path.stat().st_mtime_ns, tuple(languages)
        cached = self._cache.get(path)
        if cached is not None and cached[:2] == (mtime, languages):
            return cached[2], False
        value = self._validate(load(_read(path, root), display_path(path, root)), languages)
        self._cache[path] = (mtime, languages, value)
        return value, True


def display_path(path: Path, root: Path) -> str:
    """The path an editor recognises: relative to the project when possible."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _read(path: Path, root: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        message = f"the file is not UTF-8 text ({error.reason}): save it as UTF-8"
        raise SourceError([Problem(display_path(path, root), 1, 1, message)]) from None
