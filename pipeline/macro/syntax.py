"""Finding macro uses in Markdown text: ``{{ name ARG ARG }}`` with file line and column.

Pure text in, uses out; nothing here knows the report or what a name means. Front matter,
code spans and fenced code blocks are left alone, so a guide can show a macro without it
being a use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.messages import render as msg

# The same pattern MkDocs uses (mkdocs.utils.meta.YAML_RE), so both agree on where text starts.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)

_MACRO = re.compile(r"\{\{(.*?)\}\}")
_OPEN = re.compile(r"\{\{")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
_NAME = re.compile(r"^[a-z_]+$")


@dataclass(frozen=True)
class MacroUse:
    """One ``{{ ... }}`` in a text."""

    name: str
    args: tuple[str, ...]
    line: int  # 1-based line in the file (the caller's line offset included)
    start: int  # column span of ``{{ ... }}`` in its line
    end: int
    alone: bool  # the only thing on its line (required of block macros)


def front_matter_lines(text: str) -> int:
    """How many lines of ``text`` the front matter takes (0 without one), as MkDocs cuts it."""
    match = FRONT_MATTER.match(text)
    return text[: match.end()].count("\n") if match else 0


def _code_spans(line: str) -> list[tuple[int, int]]:
    return [m.span() for m in _CODE_SPAN.finditer(line)]


def scan(text: str, *, line_offset: int = 0) -> tuple[list[MacroUse], list[tuple[int, str]]]:
    """Macro uses and syntax problems ``(line, message)`` outside code.

    ``text`` may be the whole file, front matter included; ``line_offset`` is added to every
    line (the lines of the file that precede ``text``)."""
    uses: list[MacroUse] = []
    problems: list[tuple[int, str]] = []
    skip = front_matter_lines(text)
    fence: str | None = None
    for index, line in enumerate(text.split("\n")):
        number_ = index + 1 + line_offset
        if index < skip:
            continue
        if marker := _FENCE.match(line):
            token = marker.group(1)
            if fence is None:
                fence = token
            elif token[0] == fence[0] and len(token) >= len(fence):
                fence = None
            continue
        if fence is not None or "{{" not in line:
            continue
        spans = _code_spans(line)

        def in_code(pos: int, spans: list[tuple[int, int]] = spans) -> bool:
            return any(a <= pos < b for a, b in spans)

        for m in _MACRO.finditer(line):
            if in_code(m.start()):
                continue
            words = m.group(1).split()
            if not words:
                problems.append((number_, msg.MACRO_EMPTY.format()))
                continue
            if not _NAME.match(words[0]):
                problems.append((number_, msg.MACRO_BAD_NAME.format(text=m.group(0))))
                continue
            alone = line.strip() == m.group(0)
            uses.append(MacroUse(words[0], tuple(words[1:]), number_, m.start(), m.end(), alone))
        for o in _OPEN.finditer(line):
            if not in_code(o.start()) and not any(
                a <= o.start() < b for a, b in (mm.span() for mm in _MACRO.finditer(line))
            ):
                problems.append((number_, msg.MACRO_UNCLOSED.format()))
                break
    return uses, problems


def find_macros(text: str, *, line_offset: int = 0) -> list[MacroUse]:
    """Every macro use in ``text`` with its line number (syntax errors left out)."""
    return scan(text, line_offset=line_offset)[0]


def without_macros(line: str) -> str:
    """``line`` with every ``{{ ... }}`` replaced by spaces (columns stay true), for checks
    that must not look inside macros."""
    return _MACRO.sub(lambda m: " " * len(m.group(0)), line)


def has_macro(text: str) -> bool:
    """Whether ``text`` holds a ``{{ ... }}`` (code and front matter not told apart)."""
    return _MACRO.search(text) is not None
