"""Find, load and validate every quiz under `quizdata/`, once per file change.

mkdocs-static-i18n runs the build once per language and `mkdocs serve` keeps the
hook loaded between rebuilds, so results are cached by path and modification time.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sourcekit.fields import Localized
from sourcekit.yamlsource import Problem, SourceError, load

from .model import Quiz
from .validate import validate, validate_interface

# Files whose name starts with "_" hold shared texts, not quizzes.
INTERFACE_FILE = "_interface.yml"


class QuizCatalog:
    def __init__(self) -> None:
        self._cache: dict[tuple[Path, int, tuple[str, ...]], Quiz] = {}
        self._interface_cache: dict[tuple[Path, int, tuple[str, ...], tuple[str, ...]], dict[str, Localized]] = {}

    def load_all(self, folder: Path, languages: Sequence[str], root: Path) -> tuple[dict[str, Quiz], list[Quiz]]:
        """Every quiz in `folder` by id, and those read anew since the last call.

        Raise SourceError listing the problems of every file at once.
        """
        quizzes: dict[str, Quiz] = {}
        fresh: list[Quiz] = []
        problems: list[Problem] = []
        for path in sorted(folder.glob("*.yml")):
            if path.name.startswith("_"):
                continue
            key = (path, path.stat().st_mtime_ns, tuple(languages))
            try:
                if key not in self._cache:
                    # Forget older versions of this file: the cache must not grow under `mkdocs serve`.
                    self._cache = {k: v for k, v in self._cache.items() if k[0] != path}
                    self._cache[key] = validate(load(_read(path, root), _display(path, root)), languages)
                    fresh.append(self._cache[key])
            except SourceError as error:
                problems.extend(error.problems)
                continue
            quizzes[self._cache[key].id] = self._cache[key]
        if problems:
            raise SourceError(problems)
        return quizzes, fresh

    def load_interface(
        self, path: Path, languages: Sequence[str], keys: Sequence[str], root: Path
    ) -> dict[str, Localized]:
        key = (path, path.stat().st_mtime_ns, tuple(languages), tuple(keys))
        if key not in self._interface_cache:
            document = load(_read(path, root), _display(path, root))
            self._interface_cache = {key: validate_interface(document, languages, keys)}
        return self._interface_cache[key]


def _display(path: Path, root: Path) -> str:
    """The path an editor recognises: relative to the project when possible."""
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _read(path: Path, root: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise SourceError(
            [Problem(_display(path, root), 1, 1, f"the file is not UTF-8 text ({error.reason}): save it as UTF-8")]
        ) from None
