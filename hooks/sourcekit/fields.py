"""Checks of single YAML values, each reporting `file:line:column: what to fix (where)`."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, TypeVar

from .yamlsource import Path, Problem, YamlDocument

IDENTIFIER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Text per language code, e.g. {"fr": "…", "en": "…"}.
Localized = Mapping[str, str]

T = TypeVar("T")


class FieldChecker:
    """Collects problems while reading a document; subclasses check whole structures."""

    def __init__(self, document: YamlDocument, languages: tuple[str, ...]) -> None:
        self.document = document
        self.languages = languages
        self.problems: list[Problem] = []

    def keys(self, mapping: Any, path: Path, keys: dict[str, tuple[str, ...]], kind: str) -> bool:
        if not isinstance(mapping, dict):
            self.report(path, f"each {kind} must be a mapping of keys ({', '.join(keys['required'])})")
            return False
        allowed = keys["required"] + keys["optional"]
        for key in mapping:
            if key not in allowed:
                self.report(
                    path + (key,), f"unknown key `{key}` in a {kind}; allowed keys: {', '.join(allowed)}", at_key=True
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
    ) -> tuple[T, ...]:
        items = mapping[_key(path)]
        if not isinstance(items, list):
            self.report(path, f"`{path[-1]}` must be a list (items starting with `- `)")
            return ()
        if len(items) < minimum:
            self.report(path, f"`{path[-1]}` has {len(items)} item(s); it needs at least {minimum}")
        built = [build(item, path + (index,)) for index, item in enumerate(items)]
        return tuple(item for item in built if item is not None)

    def identifier(self, mapping: dict[str, Any], path: Path) -> str | None:
        value = mapping[_key(path)]
        if not isinstance(value, str) or not IDENTIFIER.match(value):
            self.report(
                path,
                f"`{path[-1]}` must be lowercase letters, digits and hyphens, like `stakeholder-map` (got {value!r})",
            )
            return None
        return value

    def integer(self, mapping: dict[str, Any], path: Path) -> int | None:
        value = mapping[_key(path)]
        # YAML reads `yes`, `no`, `true` as booleans, and Python's bool is an int: refuse it.
        if isinstance(value, bool):
            self.report(
                path, f"`{path[-1]}` must be a whole number such as 3; YAML reads this value as yes/no, not a number"
            )
            return None
        if not isinstance(value, int):
            self.report(path, f"`{path[-1]}` must be a whole number such as 3 (got {value!r})")
            return None
        return value

    def localized(self, mapping: dict[str, Any], path: Path) -> Localized | None:
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
            elif not isinstance(value[language], str) or not value[language].strip():
                self.report(path + (language,), f"the `{language}` text is empty or not text: write it")
                ok = False
        return MappingProxyType({lang: value[lang].strip() for lang in self.languages}) if ok else None

    def report(self, path: Path, message: str, *, at_key: bool = False) -> None:
        self.problems.append(self.document.problem(path, message, at_key=at_key))


def _key(path: Path) -> str:
    """The mapping key a value sits under (the last step of its path)."""
    key = path[-1]
    assert isinstance(key, str), f"{path} does not end with a key"
    return key
