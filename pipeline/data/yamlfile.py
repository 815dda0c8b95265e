"""YAML with line numbers: every value of a document remembers where it was written.

PyYAML's composer gives nodes with marks; we build plain Python values from them and keep a
map from each value's path (keys and list indices) to its 1-based line. Duplicate keys, which
PyYAML would silently overwrite, are problems here. Reading never raises on bad input: it
returns problems instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from pipeline.errors import Problem
from pipeline.messages import data as msg
from pipeline.textfile import read_text

PathKey = tuple[str | int, ...]

MAX_DEPTH = 50  # real data nests 5 levels; deeper is a mistake (and would exhaust the stack)
MAX_NODES = 200_000  # bounds what aliases can expand to ("billion laughs")
# The tags plain YAML resolves by itself. Anything else (``!!python/name:``, MkDocs' ``!ENV``)
# asks a loader to construct something special: never done here, always a problem.
_CORE_TAGS = frozenset(f"tag:yaml.org,2002:{name}" for name in (
    "str", "int", "float", "bool", "null", "map", "seq", "timestamp", "merge", "binary", "set",
    "omap", "pairs", "value"))


@dataclass
class YamlDocument:
    """A parsed YAML file: its value and where each part of it was written."""

    path: str  # as shown to the user (relative to the project root)
    value: Any
    lines: dict[PathKey, int] = field(default_factory=dict)

    def line_of(self, key: PathKey) -> int | None:
        """The line of ``key``, or of its nearest ancestor that has one."""
        while True:
            if key in self.lines:
                return self.lines[key]
            if not key:
                return None
            key = key[:-1]

    def problem(self, key: PathKey, message: str) -> Problem:
        return Problem(self.path, self.line_of(key), message)


def read_yaml(file: Path, shown_as: str, *, max_nodes: int = MAX_NODES,
              ) -> tuple[YamlDocument | None, list[Problem]]:
    """Read ``file``; return the document, or ``None`` and the problems that stopped it."""
    text, problems = read_text(file, shown_as)
    return (None, problems) if text is None else parse_yaml(text, shown_as, max_nodes=max_nodes)


def parse_yaml(text: str, shown_as: str, *, max_nodes: int = MAX_NODES,
               ) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML ``text``; see :func:`read_yaml`. ``max_nodes`` bounds the values (aliases
    expanded) a document may hold."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [Problem(shown_as, 1, msg.FILE_EMPTY)]
    try:
        loader = yaml.SafeLoader(text)  # already reads the text: may raise ReaderError
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, shown_as, text)]
    except yaml.reader.ReaderError as exc:  # a control character; it has a position, no mark
        line = text.count("\n", 0, exc.position) + 1
        return None, [Problem(shown_as, line, msg.YAML_CONTROL_CHARACTER.format(
            code=f"{exc.character:#06x}" if isinstance(exc.character, int) else exc.character))]
    except yaml.YAMLError as exc:  # errors without a mark
        return None, [Problem(shown_as, None, msg.YAML_SYNTAX.format(problem=exc))]
    except RecursionError:  # the composer recurses once per nesting level
        return None, [Problem(shown_as, None, msg.YAML_TOO_DEEP.format(limit=MAX_DEPTH))]
    if node is None:
        return None, [Problem(shown_as, 1, msg.FILE_EMPTY)]
    doc = YamlDocument(shown_as, None)
    builder = _Builder(doc, loader, max_nodes)
    doc.value = builder.build(node, (), ())
    loader.dispose()
    return doc, builder.problems


def _shown(tag: str) -> str:
    """A tag as it was written: ``!!python/name:os.system``, ``!ENV``."""
    return "!!" + tag.removeprefix("tag:yaml.org,2002:") if tag.startswith("tag:") else tag


def _syntax_problem(exc: yaml.MarkedYAMLError, shown_as: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    opened = exc.context_mark.line + 1 if exc.context_mark else line
    context = exc.context or ""
    problem = f"{context} {exc.problem or ''}".strip()
    if "'\\t'" in problem or (line and "\t" in _line(text, line)):
        return Problem(shown_as, line, msg.YAML_TAB)
    # An unclosed quote or bracket is only noticed much later: point at where it was opened.
    if "quoted scalar" in context:
        return Problem(shown_as, opened, msg.YAML_UNCLOSED_QUOTE.format(line=opened))
    if "flow sequence" in context or "flow mapping" in context:
        bracket = "[ ... ]" if "sequence" in context else "{ ... }"
        return Problem(shown_as, opened, msg.YAML_UNCLOSED_BRACKET.format(
            bracket=bracket, line=opened, at=line))
    for english, indonesian in msg.YAML_PROBLEMS.items():
        if english in problem:
            return Problem(shown_as, line, msg.YAML_SYNTAX.format(problem=indonesian))
    return Problem(shown_as, line, msg.YAML_SYNTAX.format(problem=problem))


def _line(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


class _Builder:
    """Plain values from composed nodes, recording lines; bad nodes become problems."""

    def __init__(self, doc: YamlDocument, loader: yaml.SafeLoader, max_nodes: int) -> None:
        self.doc = doc
        self.loader = loader
        self.max_nodes = max_nodes
        self.problems: list[Problem] = []
        self.nodes = 0
        self.stopped = False

    def _stop(self, node: yaml.Node, message: str) -> None:
        if not self.stopped:  # one message is enough; the rest would repeat it
            self.problems.append(Problem(self.doc.path, node.start_mark.line + 1, message))
        self.stopped = True

    def build(self, node: yaml.Node, key: PathKey, ancestors: tuple[int, ...]) -> Any:
        self.nodes += 1
        if self.nodes > self.max_nodes:
            self._stop(node, msg.YAML_TOO_MANY_VALUES.format(limit=self.max_nodes))
            return None
        if node.tag not in _CORE_TAGS:
            self.problems.append(Problem(self.doc.path, node.start_mark.line + 1,
                                         msg.YAML_UNSUPPORTED.format(tag=_shown(node.tag))))
            return None
        if len(ancestors) > MAX_DEPTH:
            self._stop(node, msg.YAML_TOO_DEEP.format(limit=MAX_DEPTH))
            return None
        if id(node) in ancestors:  # an alias that contains itself: &a [*a]
            self._stop(node, msg.YAML_RECURSIVE_ALIAS)
            return None
        self.doc.lines.setdefault(key, node.start_mark.line + 1)
        inner = ancestors + (id(node),)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, key, inner)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, key + (index,), inner)
                    for index, item in enumerate(node.value)]
        value = self._scalar(node)
        if isinstance(value, dt.date):  # dates stay text: the schema checks their form
            return node.value
        if isinstance(value, bytes | set):
            self.problems.append(Problem(self.doc.path, node.start_mark.line + 1,
                                         msg.YAML_UNSUPPORTED.format(tag=node.tag)))
            return None
        return value

    def _mapping(self, node: yaml.MappingNode, key: PathKey, inner: tuple[int, ...]) -> Any:
        try:
            self.loader.flatten_mapping(node)  # resolve merge keys (<<: *anchor) as YAML does
        except (yaml.YAMLError, RecursionError):
            self.problems.append(Problem(self.doc.path, node.start_mark.line + 1,
                                         msg.YAML_BAD_MERGE))
            return None
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            name = (str(self._scalar(key_node)) if isinstance(key_node, yaml.ScalarNode)
                    else "?")
            line = key_node.start_mark.line + 1
            if name in first_line:
                self.problems.append(Problem(self.doc.path, line, msg.YAML_DUPLICATE_KEY.format(
                    key=name, first=first_line[name])))
                continue
            first_line[name] = line
            self.doc.lines[key + (name,)] = line
            result[name] = self.build(value_node, key + (name,), inner)
        return result

    def _scalar(self, node: yaml.ScalarNode) -> Any:
        try:
            return self.loader.construct_object(node, deep=True)
        # An explicit tag on a bad value (!!int abc, !!timestamp x) fails in many ways;
        # the text itself is kept and the schema says what is wrong with it.
        except (yaml.YAMLError, ValueError, TypeError, AttributeError, OverflowError):
            return node.value
