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

PathKey = tuple[str | int, ...]

MAX_BYTES = 2_000_000  # a data file of an LKjIP is a few kB; far larger is a mistake


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


def read_yaml(file: Path, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Read ``file``; return the document, or ``None`` and the problems that stopped it."""
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        return None, [Problem(shown_as, None, msg.FILE_MISSING)]
    if len(raw) > MAX_BYTES:
        return None, [Problem(shown_as, None, msg.FILE_TOO_LARGE.format(
            size=len(raw), limit=MAX_BYTES))]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(shown_as, line, msg.NOT_UTF8.format(column=column))]
    return parse_yaml(text, shown_as)


def parse_yaml(text: str, shown_as: str) -> tuple[YamlDocument | None, list[Problem]]:
    """Parse YAML ``text``; see :func:`read_yaml`."""
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        return None, [Problem(shown_as, None, msg.FILE_EMPTY)]
    loader = yaml.SafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, shown_as, text)]
    except yaml.YAMLError as exc:  # errors without a mark
        return None, [Problem(shown_as, None, msg.YAML_SYNTAX.format(problem=exc))]
    if node is None:
        return None, [Problem(shown_as, None, msg.FILE_EMPTY)]
    doc = YamlDocument(shown_as, None)
    problems: list[Problem] = []
    doc.value = _build(node, (), doc, problems, loader)
    loader.dispose()
    return doc, problems


def _syntax_problem(exc: yaml.MarkedYAMLError, shown_as: str, text: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark else None
    problem = f"{exc.context or ''} {exc.problem or ''}".strip()
    if "'\\t'" in problem or (line and "\t" in _line(text, line)):
        return Problem(shown_as, line, msg.YAML_TAB)
    for english, indonesian in msg.YAML_PROBLEMS.items():
        if english in problem:
            return Problem(shown_as, line, msg.YAML_SYNTAX.format(problem=indonesian))
    return Problem(shown_as, line, msg.YAML_SYNTAX.format(problem=problem))


def _line(text: str, number: int) -> str:
    lines = text.splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _build(
    node: yaml.Node | None,
    key: PathKey,
    doc: YamlDocument,
    problems: list[Problem],
    loader: yaml.SafeLoader,
) -> Any:
    if node is None:
        return None
    doc.lines.setdefault(key, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            name = str(_scalar(key_node, loader)) if isinstance(key_node, yaml.ScalarNode) else "?"
            line = key_node.start_mark.line + 1
            if name in first_line:
                problems.append(Problem(doc.path, line, msg.YAML_DUPLICATE_KEY.format(
                    key=name, first=first_line[name])))
                continue
            first_line[name] = line
            doc.lines[key + (name,)] = line
            result[name] = _build(value_node, key + (name,), doc, problems, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _build(item, key + (index,), doc, problems, loader)
            for index, item in enumerate(node.value)
        ]
    value = _scalar(node, loader)
    if isinstance(value, dt.date):  # dates stay text: the schema checks their form
        return node.value
    if isinstance(value, bytes | set):
        problems.append(Problem(doc.path, node.start_mark.line + 1,
                                msg.YAML_UNSUPPORTED.format(tag=node.tag)))
        return None
    return value


def _scalar(node: yaml.Node, loader: yaml.SafeLoader) -> Any:
    try:
        return loader.construct_object(node, deep=True)
    except yaml.constructor.ConstructorError:
        return node.value
