"""Checks of single YAML values, each reporting `file:line:column: what to fix (where)`."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from .yamlsource import Path, Problem, YamlDocument, describe

IDENTIFIER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_IDENTIFIER_LENGTH = 64

T = TypeVar("T")


@dataclass(frozen=True)
class SourceSpot:
    """Where a value was written, so later checks (links, HTML) can point editors back to it."""

    file: str
    line: int
    column: int
    where: str

    def problem(self, message: str) -> Problem:
        return Problem(self.file, self.line, self.column, message, self.where)


class LocalizedText(Mapping[str, str]):
    """Text per language code, e.g. {"fr": "…", "en": "…"}, remembering where each was written."""

    __slots__ = ("_texts", "spots")

    def __init__(self, texts: Mapping[str, str], spots: Mapping[str, SourceSpot] | None = None) -> None:
        self._texts = dict(texts)
        self.spots: Mapping[str, SourceSpot] = dict(spots or {})

    def __getitem__(self, language: str) -> str:
        return self._texts[language]

    def __iter__(self) -> Iterator[str]:
        return iter(self._texts)

    def __len__(self) -> int:
        return len(self._texts)

    def __repr__(self) -> str:
        return f"LocalizedText({self._texts!r})"


# Text per language code; LocalizedText when it comes from a file.
Localized = Mapping[str, str]


class FieldChecker:
    """Collects problems while reading a document; subclasses check whole structures."""

    def __init__(self, document: YamlDocument, languages: tuple[str, ...]) -> None:
        self.document = document
        self.languages = languages
        self.problems: list[Problem] = []

    def root(self, kind: str, keys: dict[str, tuple[str, ...]]) -> dict[str, Any] | None:
        """The top-level mapping, or None after saying what this kind of file needs."""
        root = self.document.value
        needed = ", ".join(keys["required"])
        if root is None:
            self.report((), f"the file is empty: a {kind} needs at least {needed}")
            return None
        if not isinstance(root, dict):
            self.report((), f"a {kind} must be a mapping of keys such as {needed} (one `key: value` per line)")
            return None
        return root

    def keys(self, mapping: Any, path: Path, keys: dict[str, tuple[str, ...]], kind: str) -> bool:
        if not isinstance(mapping, dict):
            self.report(path, f"each {kind} must be a mapping of keys ({', '.join(keys['required'])})")
            return False
        allowed = keys["required"] + keys["optional"]
        for key in mapping:
            if key not in allowed:
                self.report(
                    path + (key,),
                    f"unknown key `{key}` in this {kind}; allowed keys: {', '.join(allowed)}",
                    at_key=True,
                )
        missing = [key for key in keys["required"] if key not in mapping]
        for key in missing:
            self.report(path, f"missing required key `{key}` in this {kind}")
        return not missing

    def list(
        self,
        mapping: dict[str, Any],
        path: Path,
        build: Callable[[dict[str, Any], Path], T | None],
        minimum: int,
        maximum: int,
    ) -> tuple[T, ...]:
        items = mapping[_key(path)]
        if not isinstance(items, list):
            self.report(path, f"`{path[-1]}` must be a list (items starting with `- `)")
            return ()
        if len(items) < minimum:
            self.report(path, f"`{path[-1]}` has {len(items)} item(s); it needs at least {minimum}")
        if len(items) > maximum:
            self.report(path, f"`{path[-1]}` has {len(items)} items; at most {maximum} are allowed")
            return ()
        built = [build(item, path + (index,)) for index, item in enumerate(items)]
        return tuple(item for item in built if item is not None)

    def identifier(self, mapping: dict[str, Any], path: Path) -> str | None:
        value = mapping[_key(path)]
        if not isinstance(value, str) or not IDENTIFIER.match(value) or len(value) > MAX_IDENTIFIER_LENGTH:
            self.report(
                path,
                f"`{path[-1]}` must be lowercase letters, digits and single hyphens, at most "
                f"{MAX_IDENTIFIER_LENGTH} characters, like `stakeholder-map` (got {_shown(value)})",
            )
            return None
        return value

    def integer(self, mapping: dict[str, Any], path: Path, minimum: int, maximum: int) -> int | None:
        value = mapping[_key(path)]
        expected = f"a whole number from {minimum} to {maximum}"
        # YAML reads `yes`, `no`, `true` as booleans, and Python's bool is an int: refuse it.
        if isinstance(value, bool):
            self.report(path, f"`{path[-1]}` must be {expected}; YAML reads this value as yes/no, not a number")
            return None
        if not isinstance(value, int):
            self.report(path, f"`{path[-1]}` must be {expected} (got {_shown(value)})")
            return None
        if not minimum <= value <= maximum:
            self.report(path, f"`{path[-1]}` must be {expected} (got {_shown(value)})")
            return None
        return value

    def number(self, mapping: dict[str, Any], path: Path, maximum: float) -> float | None:
        """A finite number from 0 to `maximum`, whole or decimal."""
        value = mapping[_key(path)]
        expected = f"a number from 0 to {shown_number(maximum)}, such as 40000 or 12.5"
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            self.report(path, f"`{path[-1]}` must be {expected} (got {_shown(value)})")
            return None
        if not 0 <= value <= maximum:
            self.report(path, f"`{path[-1]}` must be {expected} (got {_shown(value)})")
            return None
        return float(value)

    def localized(self, mapping: dict[str, Any], path: Path) -> LocalizedText | None:
        value = mapping[_key(path)]
        expected = ", ".join(self.languages)
        if not isinstance(value, dict):
            self.report(path, f'`{path[-1]}` needs one text per language ({expected}), e.g. `{{fr: "…", en: "…"}}`')
            return None
        ok = True
        for language in value:
            if language not in self.languages:
                self.report(
                    path + (language,),
                    f"language `{language}` is not built by this site (languages: {expected}); remove it",
                    at_key=True,
                )
                ok = False
        for language in self.languages:
            if language not in value:
                self.report(path, f'`{path[-1]}` has no `{language}` text: add `{language}: "…"`')
                ok = False
            elif not self._is_text(value[language], path + (language,)):
                ok = False
        if not ok:
            return None
        spots = {}
        for language in self.languages:
            position = self.document.position(path + (language,))
            spots[language] = SourceSpot(
                self.document.file, position.line, position.column, describe(path + (language,))
            )
        return LocalizedText({lang: value[lang].strip() for lang in self.languages}, spots)

    def _is_text(self, value: Any, path: Path) -> bool:
        language = path[-1]
        if isinstance(value, str) and value.strip():
            return True
        typed = self.document.plain_scalars.get(path)
        if isinstance(value, bool):
            self.report(
                path,
                f'YAML reads `{typed}` as yes/no (true/false), not as text: put it in quotes, `{language}: "{typed}"`',
            )
        elif isinstance(value, int | float) and typed is not None:
            self.report(
                path, f'YAML reads `{typed}` as a number, not as text: put it in quotes, `{language}: "{typed}"`'
            )
        else:
            self.report(path, f"the `{language}` text is empty or not text: write it")
        return False

    def report(self, path: Path, message: str, *, at_key: bool = False) -> None:
        self.problems.append(self.document.problem(path, message, at_key=at_key))


def shown_number(value: float) -> str:
    """`40000`, `12.5`: a number as an editor writes it in YAML, never in exponent notation."""
    return str(int(value)) if float(value).is_integer() else f"{value:f}".rstrip("0")


def _shown(value: Any) -> str:
    """A value as an editor wrote it, shortened: error messages must stay one line."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _key(path: Path) -> str:
    """The mapping key a value sits under (the last step of its path)."""
    key = path[-1]
    assert isinstance(key, str), f"{path} does not end with a key"
    return key
