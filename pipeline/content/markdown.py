"""A line-oriented reading of a content/*.md file, enough for the checks (not a renderer).

``prose`` is the file with everything that is not the report's prose blanked out, character
for character, so that lines and columns stay true: YAML front matter, fenced code blocks,
inline code and HTML comments (the author guide shows examples in code blocks; those are
not the report's text). Macros ``{{ ... }}`` stay in ``prose``;
:func:`pipeline.macro.syntax.without_macros` removes them for checks that must not look inside
(the macro checker does that).

Headings are ATX headings (``#`` .. ``######``), the only form the project uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from markdown.extensions.toc import slugify

from pipeline.errors import Problem
from pipeline.macro.syntax import front_matter_lines, has_macro, without_macros
from pipeline.textfile import read_text

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$")
_CLOSING_HASHES = re.compile(r"[ \t]+#+$")
_ATTR_ID = re.compile(r"[ \t]*\{:?[ \t]*#([\w-]+)[^}]*\}$")
_INLINE_CODE = re.compile(r"(`+)(.+?)(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


@dataclass(frozen=True)
class Heading:
    line: int
    level: int
    text: str  # as written, without the #'s and a trailing {#id}
    anchor: str  # the id MkDocs gives it
    has_macro: bool  # its text (and so its real anchor) is only known after expansion


@dataclass
class MarkdownFile:
    path: str  # as shown to the user, e.g. content/bab-1-pendahuluan.md
    file: Path
    lines: list[str]
    prose: list[str]
    headings: list[Heading] = field(default_factory=list)
    ids: set[str] = field(default_factory=set)  # explicit ids: {#id}, id="..."
    unclosed_fence: int | None = None  # line of a code fence that is never closed

    @property
    def title(self) -> str:
        """The first level-1 heading, or the file name."""
        first = next((h for h in self.headings if h.level == 1), None)
        return first.text if first else self.path

    @property
    def anchors(self) -> set[str]:
        return {h.anchor for h in self.headings} | self.ids


def read_markdown(file: Path, shown_as: str) -> tuple[MarkdownFile | None, list[Problem]]:
    """Read and analyse ``file``; problems instead of exceptions."""
    text, problems = read_text(file, shown_as)
    return (None, problems) if text is None else (parse_markdown(text, shown_as, file), [])


def parse_markdown(text: str, shown_as: str, file: Path | None = None) -> MarkdownFile:
    lines = text.splitlines()
    prose, unclosed = _mask(lines)
    md = MarkdownFile(shown_as, file or Path(shown_as), lines, prose, unclosed_fence=unclosed)
    used: dict[str, int] = {}
    for number, line in enumerate(md.prose, start=1):
        match = _HEADING.match(line)
        if not match:
            continue
        raw = _CLOSING_HASHES.sub("", match.group(2) or "").strip()
        explicit = _ATTR_ID.search(raw)
        if explicit:
            raw = raw[: explicit.start()].strip()
        anchor = explicit.group(1) if explicit else _unique(slugify(_plain(raw), "-"), used)
        md.headings.append(Heading(number, len(match.group(1)), raw, anchor,
                                   has_macro(raw)))
    for line in md.prose:
        md.ids.update(re.findall(r"\{:?[^}]*#([\w-]+)[^}]*\}", line))
        md.ids.update(re.findall(r"\bid=[\"']([^\"']+)[\"']", line))
    return md


def _unique(slug: str, used: dict[str, int]) -> str:
    # Python-Markdown's toc: a repeated id gets _1, _2, ...
    if slug not in used:
        used[slug] = 0
        return slug
    used[slug] += 1
    return f"{slug}_{used[slug]}"


def _plain(text: str) -> str:
    """Heading text as rendered (roughly): links to their text, no emphasis or code marks."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"<[^>]+>", "", text)
    return re.sub(r"[*_`]", "", text)


def mask(lines: list[str]) -> list[str]:
    """``lines`` with front matter, code and comments replaced by spaces."""
    return _mask(lines)[0]


def _mask(lines: list[str]) -> tuple[list[str], int | None]:
    out = list(lines)
    start = front_matter_lines("\n".join(out))  # YAML front matter (MkDocs meta)
    for k in range(start):
        out[k] = _blank(out[k])
    fence: str | None = None
    opened = 0
    for n in range(start, len(out)):
        match = _FENCE.match(out[n])
        if fence is None and match:
            fence, opened = match.group(1), n + 1
            out[n] = _blank(out[n])
        elif fence is not None:
            closing = out[n].strip()
            if closing and set(closing) == {fence[0]} and len(closing) >= len(fence):
                fence = None
            out[n] = _blank(out[n])
    text = "\n".join(out)
    text = _COMMENT.sub(lambda m: _blank(m.group(0)), text)
    out = text.split("\n")
    masked = [_INLINE_CODE.sub(lambda m: _blank(m.group(0)), line) for line in out]
    return masked, (opened if fence is not None else None)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


# --- links and images ---------------------------------------------------------------------

_LINK = re.compile(
    r"(?P<image>!?)\[(?P<text>(?:[^\[\]]|\[[^\]]*\])*)\]"
    r"\(\s*<?(?P<target>[^)\s>]*)>?(?:\s+[\"'][^\"']*[\"'])?\s*\)"
)
_REFERENCE = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*<?(?P<target>[^\s>]+)>?")
_HTML = re.compile(r"<(?P<tag>img|a)\b[^>]*?\b(?:src|href)=[\"'](?P<target>[^\"']*)[\"']",
                   re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    line: int
    target: str
    image: bool


def links(md: MarkdownFile) -> list[Link]:
    """Every link and image target written in the prose of ``md``."""
    found: list[Link] = []
    for number, line in enumerate(md.prose, start=1):
        line = without_macros(line)
        for match in _LINK.finditer(line):
            found.append(Link(number, match.group("target"), bool(match.group("image"))))
        reference = _REFERENCE.match(line)
        if reference:
            target = reference.group("target")
            found.append(Link(number, target, _looks_like_image(target)))
        for match in _HTML.finditer(line):
            found.append(Link(number, match.group("target"), match.group("tag").lower() == "img"))
    return found


def _looks_like_image(target: str) -> bool:
    return bool(re.search(r"\.(png|jpe?g|gif|svg|webp)$", target.split("#")[0], re.IGNORECASE))
