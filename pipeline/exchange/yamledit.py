"""Change values in a YAML file's text and nothing else: comments, order, spacing all stay.

A round-trip library re-emits the whole file in its own layout (``target:    {`` becomes
``target: {``, list indentation changes), so a one-cell change would show up as a diff of the
whole file. Here ruamel.yaml only *locates* things: it gives the line and column of every key
and value, and the edits are made on the text at those places. Values edited this way are the
ones the spreadsheet carries: numbers, ``null`` and single words (polaritas, agregasi).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

_PLAIN = re.compile(r"[^\s,\]\}#]+")


def load(text: str) -> Any:
    """The document as ruamel.yaml's commented structures (they know their positions)."""
    return YAML(typ="rt").load(io.StringIO(text))


def render(value: float | int | str | None) -> str:
    """A value as YAML text: ``83.1``, ``398760450``, ``null``, ``positif``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        raise TypeError("bool")
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value) if isinstance(value, float) else str(value)


@dataclass
class TextEdit:
    """Edits to one file's text, applied together (offsets refer to the original text)."""

    text: str
    edits: list[tuple[int, int, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lines = self.text.splitlines(keepends=True)
        self.starts = [0]
        for line in self.lines:
            self.starts.append(self.starts[-1] + len(line))

    def offset(self, line: int, col: int) -> int:
        return self.starts[line] + col

    def _scalar_end(self, start: int) -> int:
        if self.text[start] in "[{":
            closing = "]" if self.text[start] == "[" else "}"
            return self.text.index(closing, start) + 1
        if self.text[start] in "\"'":
            return self.text.index(self.text[start], start + 1) + 1
        match = _PLAIN.match(self.text, start)
        return match.end() if match else start

    # --- replacing values that are written ------------------------------------------
    def replace_value(self, mapping: CommentedMap, key: Any, value: Any) -> None:
        """Replace the (scalar or flow) value of ``key`` in ``mapping`` by ``value``."""
        line, col = mapping.lc.value(key)
        start = self.offset(line, col)
        self.edits.append((start, self._scalar_end(start), _flow(value)))

    def replace_item(self, seq: CommentedSeq, index: int, value: Any) -> None:
        line, col = seq.lc.item(index)
        start = self.offset(line, col)
        self.edits.append((start, self._scalar_end(start), _flow(value)))

    def replace_flow_list(self, mapping: CommentedMap, key: Any, values: list[Any]) -> None:
        """Rewrite the flow list ``key: [...]`` as ``values`` (to add quarters to it)."""
        line, col = mapping.lc.value(key)
        start = self.offset(line, col)
        if self.text[start] != "[":
            raise NotFlow
        self.edits.append((start, self._scalar_end(start), _flow(values)))

    # --- adding what is not written yet -------------------------------------------
    def add_to_mapping(self, mapping: CommentedMap, key: Any, value: Any) -> None:
        """Add ``key: value`` at the end of ``mapping`` (flow ``{...}`` or block)."""
        if mapping.fa.flow_style():
            last = list(mapping)[-1] if mapping else None
            if last is None:
                raise NotFlow  # an empty {} carries no position; rare enough to refuse
            line, col = mapping.lc.value(last)
            end = self._scalar_end(self.offset(line, col))
            self.edits.append((end, end, f", {key}: {_flow(value)}"))
            return
        self.add_block(mapping, list(mapping)[-1], {key: value})

    def add_block(self, mapping: CommentedMap, after: Any, entries: dict[Any, Any]) -> None:
        """Insert ``entries`` (block style) into block ``mapping`` just after key ``after``."""
        key_line, key_col = mapping.lc.key(after)
        indent = mapping.lc.key(list(mapping)[0])[1]
        end_line = self._value_end_line(key_line, key_col)
        text = "".join(_block(k, v, indent) for k, v in entries.items())
        at = self.starts[end_line + 1]
        if at > 0 and not self.text[:at].endswith("\n"):
            text = "\n" + text
        self.edits.append((at, at, text))

    def _value_end_line(self, key_line: int, key_col: int) -> int:
        """The last line of the value of the key at ``key_line`` (block layout)."""
        last = key_line
        for number in range(key_line + 1, len(self.lines)):
            stripped = self.lines[number].strip()
            if not stripped or stripped.startswith("#"):
                continue
            indent = len(self.lines[number]) - len(self.lines[number].lstrip(" "))
            if indent <= key_col:
                break
            last = number
        return last

    def result(self) -> str:
        """The edited text. Edits apply from the end backwards; insertions at one place
        keep the order in which they were asked for."""
        out = self.text
        ordered = sorted(enumerate(self.edits), key=lambda e: (e[1][0], e[1][1], e[0]),
                         reverse=True)
        for _, (start, end, new) in ordered:
            out = out[:start] + new + out[end:]
        return out


class NotFlow(Exception):
    """The value is not laid out in a way the text edit supports."""


def _flow(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return render(value)


def _block(key: Any, value: Any, indent: int) -> str:
    pad = " " * indent
    if isinstance(value, dict):
        inner = "".join(_block(k, v, indent + 2) for k, v in value.items())
        return f"{pad}{key}:\n{inner}"
    return f"{pad}{key}: {_flow(value)}\n"
