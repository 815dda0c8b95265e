"""The structure of Bab III that the completeness check relies on (see the shared spec).

Under ``## A. ...`` one ``### ...`` heading per sasaran, naming its code (``SS-1``), followed by
the seven analyses ``#### 1.`` .. ``#### 7.``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.content.markdown import Heading, MarkdownFile

_OBJECTIVE = re.compile(r"(?<![\w-])SS-\d+(?![\w-])")
_NUMBER = re.compile(r"^(\d+)\.")
_SECTION_A = re.compile(r"^A\.(?:\s|$)")
_TITLE = re.compile(r"^BAB\s+III(?![IVX])", re.IGNORECASE)


@dataclass
class Section:
    """The part of Bab III about one sasaran."""

    code: str
    heading: Heading
    end: int  # last line (inclusive)
    analyses: dict[int, tuple[Heading, bool]] = field(default_factory=dict)  # n -> (h, has text)


@dataclass
class Chapter:
    md: MarkdownFile
    section_a: Heading | None
    sections: list[Section]

    def objective_at(self, line: int) -> str | None:
        """The sasaran whose part contains ``line``, if any."""
        return next((s.code for s in self.sections if s.heading.line <= line <= s.end), None)


def find_chapter(files: list[MarkdownFile]) -> MarkdownFile | None:
    """The Bab III file: by its title ``# BAB III ...``, else by its name ``bab-3-*.md``."""
    for md in files:
        if any(h.level == 1 and _TITLE.match(h.text) for h in md.headings):
            return md
    return next((md for md in files if md.file.name.startswith("bab-3")), None)


def parse_chapter(md: MarkdownFile) -> Chapter:
    headings = md.headings
    last_line = len(md.lines)
    section_a = next((h for h in headings if h.level == 2 and _SECTION_A.match(h.text)), None)
    sections: list[Section] = []
    if section_a is None:
        return Chapter(md, None, sections)
    start = headings.index(section_a)
    inside = []
    for heading in headings[start + 1:]:
        if heading.level <= 2:
            break
        inside.append(heading)
    a_end = _end_of(headings, section_a, last_line)
    for index, heading in enumerate(inside):
        if heading.level != 3:
            continue
        end = _end_of(headings, heading, a_end)
        for code in dict.fromkeys(_OBJECTIVE.findall(heading.text)):
            section = Section(code, heading, end)
            for sub in inside[index + 1:]:
                if sub.level <= 3:
                    break
                number = _NUMBER.match(sub.text)
                if sub.level == 4 and number:
                    section.analyses.setdefault(int(number.group(1)),
                                                (sub, _has_text(md, headings, sub)))
            sections.append(section)
    return Chapter(md, section_a, sections)


def _end_of(headings: list[Heading], heading: Heading, limit: int) -> int:
    """The last line of ``heading``'s part: before the next heading of its level or higher."""
    after = headings[headings.index(heading) + 1:]
    nxt = next((h for h in after if h.level <= heading.level), None)
    return min(nxt.line - 1, limit) if nxt else limit


def _has_text(md: MarkdownFile, headings: list[Heading], heading: Heading) -> bool:
    """Whether anything (text, a table, a macro) follows before the next heading of any level."""
    after = headings[headings.index(heading) + 1:]
    nxt = after[0].line - 1 if after else len(md.prose)
    if after and after[0].level > heading.level:  # sub-headings belong to the analysis
        nxt = _end_of(headings, heading, len(md.prose))
    body = md.prose[heading.line:nxt]
    return any(line.strip() and not line.lstrip().startswith("#") for line in body)
