"""Read YAML keeping where every key and value sits, and refusing duplicate keys.

Plain `yaml.safe_load` forgets positions and silently keeps the last of two equal
keys; editors need `file:line:column` for every mistake, so we compose the node
tree ourselves and build plain Python values from it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# A place in the document: mapping keys and list indexes from the root.
Path = tuple[str | int, ...]

# libyaml's parser keeps the same positions and is ten times faster; fall back if absent.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Problem:
    """One mistake in a source file, as an editor should read it."""

    file: str
    line: int
    column: int
    message: str
    where: str = ""

    def __str__(self) -> str:
        suffix = f" ({self.where})" if self.where else ""
        return f"{self.file}:{self.line}:{self.column}: {self.message}{suffix}"


class SourceError(Exception):
    """One or more problems in a source file; the build must stop."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass(frozen=True)
class Position:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class YamlDocument:
    """Plain values plus the position of each value and each mapping key."""

    file: str
    value: Any
    value_positions: dict[Path, Position] = field(default_factory=dict)
    key_positions: dict[Path, Position] = field(default_factory=dict)

    def position(self, path: Path) -> Position:
        """Where the value at `path` starts, or the nearest enclosing value."""
        while path not in self.value_positions and path:
            path = path[:-1]
        return self.value_positions.get(path, Position(1, 1))

    def key_position(self, path: Path) -> Position:
        return self.key_positions.get(path) or self.position(path)

    def problem(self, path: Path, message: str, *, at_key: bool = False) -> Problem:
        position = self.key_position(path) if at_key else self.position(path)
        return Problem(self.file, position.line, position.column, message, describe(path))


def describe(path: Path) -> str:
    """`("questions", 2, "points")` → `questions[3].points` (list items counted from 1)."""
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


def load(text: str, file: str) -> YamlDocument:
    """Parse one YAML document; raise SourceError on syntax errors or duplicate keys."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        reason = error.problem or str(error)
        if error.context and error.context_mark and error.context_mark is not mark:
            reason += f" ({error.context} that starts on line {error.context_mark.line + 1})"
        raise SourceError([Problem(file, line, column, f"YAML syntax error: {reason}")]) from None
    except yaml.YAMLError as error:  # e.g. a byte that is not valid UTF-8
        raise SourceError([Problem(file, 1, 1, f"YAML error: {error}")]) from None
    if root is None:
        raise SourceError(
            [Problem(file, 1, 1, "the file is empty: a quiz needs at least id, title, questions and bands")]
        )
    builder = _Builder(file)
    document = YamlDocument(file, None)
    document.value = builder.build(root, (), document)
    if builder.problems:
        raise SourceError(builder.problems)
    return document


class _Builder:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.constructor = SafeConstructor()

    def build(self, node: Node, path: Path, document: YamlDocument) -> Any:
        document.value_positions[path] = _position(node)
        if isinstance(node, MappingNode):
            return self._mapping(node, path, document)
        if isinstance(node, SequenceNode):
            return [self.build(item, path + (index,), document) for index, item in enumerate(node.value)]
        return self._scalar(node, path)

    def _mapping(self, node: MappingNode, path: Path, document: YamlDocument) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_seen: dict[str, Position] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node, path) if isinstance(key_node, ScalarNode) else None
            position = _position(key_node)
            if not isinstance(key, str):
                self._add(position, "a key must be a word such as `title`", path)
                continue
            if key in first_seen:
                self._add(
                    position,
                    f"duplicate key `{key}`: it is already set on line {first_seen[key].line}; keep only one",
                    path + (key,),
                )
                continue
            first_seen[key] = position
            document.key_positions[path + (key,)] = position
            result[key] = self.build(value_node, path + (key,), document)
        return result

    def _scalar(self, node: Node, path: Path) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except ConstructorError as error:
            self._add(_position(node), f"unreadable value: {error.problem}", path)
            return None

    def _add(self, position: Position, message: str, path: Path) -> None:
        self.problems.append(Problem(self.file, position.line, position.column, message, describe(path)))


def _position(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)
