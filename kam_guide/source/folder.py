"""Load and validate editors' YAML files, once per file change.

mkdocs-static-i18n runs the build once per language and `mkdocs serve` keeps hook
modules loaded between rebuilds, so results are cached by path and modification time
(older versions of a file are forgotten, so the cache does not grow under `serve`).

A folder holds whatever editors and their tools leave there: hidden files and editors'
lock files are skipped; anything else that is not a readable `*.yml` file is named in an
error (a `.yaml` file, a folder called `x.yml`, a link to nowhere), never ignored in silence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Generic, TypeVar

from .textfile import not_utf8
from .yamlsource import Problem, SourceError, YamlDocument, load

T = TypeVar("T")

EXTENSION = ".yml"
YAML_LIKE = (".yml", ".yaml")


class ValidatedFiles(Generic[T]):
    def __init__(self, validate: Callable[[YamlDocument, Sequence[str]], T]) -> None:
        self._validate = validate
        self._cache: dict[Path, tuple[int, tuple[str, ...], T]] = {}

    def load_folder(self, folder: Path, languages: Sequence[str], root: Path) -> tuple[list[T], list[T]]:
        """Every `*.yml` in `folder` not starting with "_", and those read anew since the last call.

        Raise SourceError listing the problems of every file at once.
        """
        if not folder.is_dir():
            name = display_path(folder, root)
            raise SourceError([Problem(name, 1, 1, f"the folder {name}/ is missing: restore it from git")])
        loaded: list[T] = []
        fresh: list[T] = []
        problems: list[Problem] = []
        for path in sorted(folder.iterdir()):
            if not _is_data_file(path, root, problems):
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

    def load_file(self, path: Path, languages: Sequence[str], root: Path, purpose: str) -> T:
        """One named file; `purpose` says what it holds, for the message when it is missing."""
        if not path.is_file():
            name = display_path(path, root)
            raise SourceError([Problem(name, 1, 1, f"{name} is missing: it holds {purpose}; restore it from git")])
        return self._load(path, languages, root)[0]

    def _load(self, path: Path, languages: Sequence[str], root: Path) -> tuple[T, bool]:
        mtime, languages = path.stat().st_mtime_ns, tuple(languages)
        cached = self._cache.get(path)
        if cached is not None and cached[:2] == (mtime, languages):
            return cached[2], False
        value = self._validate(load(_read(path, root), display_path(path, root)), languages)
        self._cache[path] = (mtime, languages, value)
        return value, True


def _is_data_file(path: Path, root: Path, problems: list[Problem]) -> bool:
    """True for a regular `*.yml` file to load; reports what looks like one but cannot be."""
    name = path.name
    # Hidden files, editors' lock and backup files (`.#quiz.yml`, `.quiz.yml.swp`, `quiz.yml~`),
    # and files of shared texts (`_interface.yml`, loaded by name).
    if name.startswith((".", "_")) or name.endswith("~"):
        return False
    suffix = path.suffix
    if suffix.lower() not in YAML_LIKE:
        return False
    shown = display_path(path, root)
    if suffix != EXTENSION:
        problems.append(Problem(shown, 1, 1, f"data files end in `{EXTENSION}`: rename it to {path.stem}{EXTENSION}"))
        return False
    if path.is_symlink() and not path.exists():
        problems.append(Problem(shown, 1, 1, "this is a link to a file that does not exist: remove it"))
        return False
    if path.is_dir():
        problems.append(Problem(shown, 1, 1, "this is a folder, not a file: rename or move it"))
        return False
    if not path.is_file():
        problems.append(Problem(shown, 1, 1, "this is not a regular file: remove it"))
        return False
    return True


def display_path(path: Path, root: Path) -> str:
    """The path an editor recognises: relative to the project when possible."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _read(path: Path, root: Path) -> str:
    shown = display_path(path, root)
    try:
        data = path.read_bytes()
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SourceError([not_utf8(shown, data, error)]) from None
    except OSError as error:
        raise SourceError([Problem(shown, 1, 1, f"cannot read the file ({error.strerror}): check it")]) from None


def data_file_ids(folder: Path) -> list[str]:
    """The ids (file names without `.yml`) of the data files a folder holds; none if it is missing."""
    if not folder.is_dir():
        return []
    ignored: list[Problem] = []  # problems are reported when the files are loaded
    return [path.stem for path in sorted(folder.iterdir()) if _is_data_file(path, folder, ignored)]
