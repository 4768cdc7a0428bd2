"""Read YAML keeping where every key and value sits, and refusing what editors' files never need.

Plain `yaml.safe_load` forgets positions and silently keeps the last of two equal
keys; editors need `file:line:column` for every mistake, so we compose the node
tree ourselves and build plain Python values from it.

Hostile or broken input must end in a `SourceError`, never a traceback or a hang:
aliases (`*name`) are refused before composing (a self-reference recurses forever,
nested aliases grow exponentially), nesting and size are bounded, and syntax errors
are explained in editors' words (see `syntaxhelp`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NoReturn

import yaml
from yaml.constructor import ConstructorError, SafeConstructor
from yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .characters import advice, invisible_characters
from .syntaxhelp import explain_reader_error, explain_syntax_error

# A place in the document: mapping keys and list indexes from the root.
Path = tuple[str | int, ...]

# libyaml's parser keeps the same positions and is ten times faster; fall back if absent.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Far beyond any quiz or simulator file (the KAM quiz is 30 KB and 5 levels deep).
MAX_BYTES = 1_000_000
MAX_DEPTH = 20


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
    """Plain values plus the position of each value and each mapping key.

    `value` is None for an empty file: each validator says what its kind of file needs.
    """

    file: str
    value: Any
    value_positions: dict[Path, Position] = field(default_factory=dict)
    key_positions: dict[Path, Position] = field(default_factory=dict)
    # The YAML type read where a plain value was written unquoted, e.g. `en: No` → "bool".
    plain_scalars: dict[Path, str] = field(default_factory=dict)

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
    """Parse one YAML document; raise SourceError on anything an editor must fix."""
    if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        size = len(text.encode("utf-8", "surrogatepass")) / 1_000_000
        raise SourceError(
            [
                Problem(
                    file, 1, 1, f"the file is {size:.1f} MB; a data file here is a few dozen KB: is it the right file?"
                )
            ]
        )
    _check_structure(text, file)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as error:  # _check_structure parsed it already; kept for safety
        raise SourceError([_explain(error, text, file)]) from None
    document = YamlDocument(file, None)
    if root is None:
        return document
    builder = _Builder(file)
    document.value = builder.build(root, (), document)
    if builder.problems:
        raise SourceError(builder.problems)
    return document


def _check_structure(text: str, file: str) -> None:
    """Parse once as events: syntax errors, aliases and nesting depth, before building anything."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, AliasEvent):
                _refuse(
                    file,
                    event,
                    f"`*{event.anchor}` repeats a value marked `&{event.anchor}` (a YAML alias): "
                    "these files do not use anchors and aliases; write the value out in full",
                )
            if isinstance(event, CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    _refuse(file, event, _too_deep())
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
    except yaml.MarkedYAMLError as error:
        if "nesting depth" in (error.problem or "") and error.problem_mark is not None:
            # libyaml stops at 1,000 levels before it hands out any event; explaining its error with
            # the pure-Python parser would take it a minute on such a file.
            mark = error.problem_mark
            raise SourceError([Problem(file, mark.line + 1, mark.column + 1, _too_deep())]) from None
        raise SourceError([_explain(error, text, file)]) from None
    except yaml.YAMLError as error:
        raise SourceError([_explain(error, text, file)]) from None


def _too_deep() -> str:
    return (
        f"values are nested more than {MAX_DEPTH} levels deep here; "
        "a quiz or simulator file needs at most 6: check the brackets and indentation"
    )


def _refuse(file: str, event: yaml.Event, message: str) -> NoReturn:
    line, column = _mark(event)
    raise SourceError([Problem(file, line, column, message)])


def _mark(event: yaml.Event) -> tuple[int, int]:
    mark = event.start_mark
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _explain(error: yaml.YAMLError, text: str, file: str) -> Problem:
    if isinstance(error, yaml.reader.ReaderError):
        line, column, message = explain_reader_error(error, text)
        return Problem(file, line, column, message)
    if isinstance(error, yaml.MarkedYAMLError):
        # libyaml's words are terser than PyYAML's: explain from the pure-Python parser's error.
        detailed = _python_parser_error(text) or error
        line, column, message = explain_syntax_error(detailed, text)
        return Problem(file, line, column, message)
    return Problem(file, 1, 1, f"YAML error: {error}")


def _python_parser_error(text: str) -> yaml.MarkedYAMLError | None:
    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):
            pass
    except yaml.MarkedYAMLError as error:
        return error
    except yaml.YAMLError:
        return None
    return None


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
        value = self._scalar(node, path)
        if isinstance(node, ScalarNode) and not node.style and not isinstance(value, str):
            document.plain_scalars[path] = node.value
        if isinstance(value, str):
            self._refuse_invisible(value, node, path)
        return value

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
        except (ValueError, OverflowError) as error:  # e.g. a timestamp such as 2024-13-45
            self._add(_position(node), f"unreadable value ({error}): put it in quotes if it is text", path)
            return None

    def _refuse_invisible(self, text: str, node: Node, path: Path) -> None:
        """Escapes (`"\\u202e"`) bring in what YAML refuses written raw: checked on the value read."""
        for character in dict.fromkeys(character for _offset, character in invisible_characters(text)):
            self._add(_position(node), advice(character), path)

    def _add(self, position: Position, message: str, path: Path) -> None:
        self.problems.append(Problem(self.file, position.line, position.column, message, describe(path)))


def _position(node: Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


def line_numbers(text: str) -> dict[Path, int]:
    """The line of every key and value of a trusted YAML file with custom tags (mkdocs.yml), by path.

    Values are not built (tags such as `!ENV` stay unresolved); keys are their written text.
    """
    lines: dict[Path, int] = {}

    def walk(node: Node, path: Path) -> None:
        lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, MappingNode):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode):
                    lines[path + (key_node.value,)] = key_node.start_mark.line + 1
                    walk(value_node, path + (key_node.value,))
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, path + (index,))

    try:
        root = yaml.compose(text, Loader=_Loader)  # libyaml when installed: 10 times faster on mkdocs.yml
    except yaml.YAMLError:
        return lines
    if root is not None:
        walk(root, ())
    return lines
