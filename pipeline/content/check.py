"""What a reviewer would send back in content/*.md, found by a program instead.

Headings out of order, broken internal links and anchors, missing images, codes in prose that
the data does not know, and (through the macro language's own checker) bad macros.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from pipeline.content.markdown import Link, MarkdownFile, links, read_markdown, without_macros
from pipeline.content.rawhtml import raw_html_problems
from pipeline.errors import Problem
from pipeline.macro.registry import find_macro_problems
from pipeline.messages import content as msg
from pipeline.page_policy import PDF_DIR

if TYPE_CHECKING:
    from pipeline.model.report import Report

CONTENT_DIR = "content"

_ENUMERATOR = re.compile(r"^(?P<label>\d+|[A-Z]+)\.(?:\s|$)")
_CODE = re.compile(r"(?<![\w.-])(?P<kind>T|SS|IKU)-(?P<number>\d+)(?![\w-])")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:|^//")
# Files the build writes into the site (the PDF offered for download on the home page):
# links to them are right even though they are not in content/.
GENERATED = (f"{PDF_DIR}/",)


def read_content(root: Path) -> tuple[list[MarkdownFile], list[Problem]]:
    """Every content/**/*.md file, parsed, in path order."""
    files: list[MarkdownFile] = []
    problems: list[Problem] = []
    for file in sorted((root / CONTENT_DIR).rglob("*.md")):
        md, found = read_markdown(file, file.relative_to(root).as_posix())
        problems.extend(found)
        if md is not None:
            files.append(md)
    return files, problems


def check_content(
    root: Path,
    files: list[MarkdownFile],
    codes: dict[str, set[str]],
    report: Report | None,
) -> list[Problem]:
    """Problems of the content ``files``.

    ``codes`` maps a kind (``T``, ``SS``, ``IKU``) to the codes the data defines; a kind that
    is absent (its data file is unusable) is not checked. ``report`` enables the macro check.
    """
    by_path = {md.file.resolve(): md for md in files}
    problems: list[Problem] = []
    for md in files:
        if md.unclosed_fence is not None:
            problems.append(Problem(md.path, md.unclosed_fence, msg.UNCLOSED_FENCE))
        problems.extend(_headings(md))
        problems.extend(_links(root, md, by_path))
        problems.extend(_codes(md, codes))
        problems.extend(raw_html_problems(md))
        if report is not None:
            problems.extend(_macros(md, report))
    return problems


# --- headings -----------------------------------------------------------------------------

def _headings(md: MarkdownFile) -> Iterator[Problem]:
    if not md.headings:
        return
    first = md.headings[0]
    if first.level != 1:
        yield Problem(md.path, first.line, msg.FIRST_HEADING_LEVEL.format(
            level=first.level, text=first.text))
    titles = [h for h in md.headings if h.level == 1]
    for extra in titles[1:]:
        yield Problem(md.path, extra.line, msg.SECOND_TITLE.format(
            text=extra.text, first=titles[0].line))
    previous = first.level
    for heading in md.headings[1:]:
        if heading.level > previous + 1:
            yield Problem(md.path, heading.line, msg.LEVEL_JUMP.format(
                text=heading.text, previous=previous, level=heading.level,
                expected=previous + 1, hashes="#" * (previous + 1)))
        previous = heading.level
    yield from _numbering(md)


def _numbering(md: MarkdownFile) -> Iterator[Problem]:
    """Numbered or lettered sibling headings (A., B., ... / 1., 2., ...) must count up by one."""
    groups: dict[tuple[int, int], list] = {}
    parents: list = []  # the open heading of each level above
    for index, heading in enumerate(md.headings):
        parents = [p for p in parents if md.headings[p].level < heading.level]
        match = _ENUMERATOR.match(heading.text)
        if match:
            parent = parents[-1] if parents else -1
            groups.setdefault((parent, heading.level), []).append((heading, match["label"]))
        parents.append(index)
    for siblings in groups.values():
        labels = [label for _, label in siblings]
        expected = _expected_labels(labels)
        for (heading, label), wanted in zip(siblings, expected, strict=True):
            if label != wanted:
                yield Problem(md.path, heading.line, msg.NUMBERING.format(
                    text=heading.text, got=label, expected=wanted))
                break  # the rest of the group follows from the first slip


def _expected_labels(labels: list[str]) -> list[str]:
    if labels[0].isdigit():
        return [str(n) for n in range(1, len(labels) + 1)]
    letters = [chr(ord("A") + n) if n < 26 else "?" for n in range(len(labels))]
    if labels == letters:
        return letters
    romans = [_roman(n) for n in range(1, len(labels) + 1)]
    # I., II., III. is as legitimate as A., B., C.: judge by the reading that fits better.
    if sum(a == b for a, b in zip(labels, romans, strict=True)) > sum(
            a == b for a, b in zip(labels, letters, strict=True)):
        return romans
    return letters


def _roman(number: int) -> str:
    parts = [(100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
             (4, "IV"), (1, "I")]
    out = ""
    for value, text in parts:
        while number >= value:
            out += text
            number -= value
    return out


# --- links and images ---------------------------------------------------------------------

def _links(root: Path, md: MarkdownFile, by_path: dict[Path, MarkdownFile]) -> Iterator[Problem]:
    content = (root / CONTENT_DIR).resolve()
    for link in links(md):
        target = link.target.strip()
        if not target or _SCHEME.match(target):
            if link.image and target and not target.startswith("data:"):
                yield Problem(md.path, link.line, msg.IMAGE_REMOTE.format(target=target))
            continue
        yield from _local_link(md, link, content, by_path)


def _local_link(
    md: MarkdownFile, link: Link, content: Path, by_path: dict[Path, MarkdownFile]
) -> Iterator[Problem]:
    path_part, _, anchor = link.target.partition("#")
    path_part = unquote(path_part.split("?")[0])
    if not path_part:
        if anchor and not link.image:
            yield from _anchor(md, link, md, anchor)
        return
    if path_part.startswith("/"):
        resolved = (content / path_part.lstrip("/")).resolve()
    else:
        here = posixpath.dirname(md.file.resolve().as_posix())
        resolved = Path(posixpath.normpath(posixpath.join(here, path_part)))
    if not resolved.is_relative_to(content):
        yield Problem(md.path, link.line, msg.LINK_OUTSIDE.format(target=link.target))
        return
    if resolved.is_dir() and (resolved / "index.md").is_file():
        resolved = resolved / "index.md"
    if not resolved.is_file():
        if resolved.relative_to(content).as_posix().startswith(GENERATED):
            return
        text = msg.IMAGE_MISSING if link.image else msg.LINK_MISSING_FILE
        yield Problem(md.path, link.line, text.format(target=link.target))
        return
    if anchor and resolved in by_path:
        yield from _anchor(md, link, by_path[resolved], anchor)


def _anchor(md: MarkdownFile, link: Link, target: MarkdownFile, anchor: str) -> Iterator[Problem]:
    if anchor in target.anchors:
        return
    if any(h.has_macro for h in target.headings):
        return  # a heading with a macro gets its anchor only when expanded: cannot judge
    known = ", ".join(f"#{a}" for a in sorted(target.anchors)[:5]) or "(tidak ada judul)"
    yield Problem(md.path, link.line, msg.LINK_MISSING_ANCHOR.format(
        target=link.target, anchor=anchor, file=target.path, known=known))


# --- codes in prose -----------------------------------------------------------------------

def codes_in_prose(md: MarkdownFile) -> Iterator[tuple[int, str, str, str]]:
    """(line, code, kind, number) of every T-/SS-/IKU- code in prose outside macros."""
    for number, line in enumerate(md.prose, start=1):
        for match in _CODE.finditer(without_macros(line)):
            yield number, match.group(0), match["kind"], match["number"]


def _codes(md: MarkdownFile, codes: dict[str, set[str]]) -> Iterator[Problem]:
    for line, code, kind, number in codes_in_prose(md):
        known = codes.get(kind)
        if known is None or code in known:
            continue
        same = [c for c in sorted(known) if c.split("-")[1].lstrip("0") == number.lstrip("0")]
        hint = msg.UNKNOWN_CODE_HINT.format(suggestion=same[0]) if same else ""
        yield Problem(md.path, line, msg.UNKNOWN_CODE.format(
            code=code, where=msg.CODE_WHERE[kind], hint=hint))


# --- macros -------------------------------------------------------------------------------

def _macros(md: MarkdownFile, report: Report) -> list[Problem]:
    # Code blocks are blanked in ``prose``, so examples in the author guide are not checked.
    return list(find_macro_problems("\n".join(md.prose), md.path, report))
