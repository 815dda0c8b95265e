"""The PDF laid out on both cores: the report in pieces, in two processes, joined at the end.

WeasyPrint lays a document out on one core, and the layout is most of a build. The print
document (:func:`pipeline.render.print_html.print_html`) marks where it may be cut: the front
matter before, in and after the tables of contents, and each body chapter from Bab I. The body
is cut at one chapter into two parts with about the same work in each (every chapter starts on
a new page, so the pages are the same ones):

- a forked process lays out the later chapters. Its page numbers continue from the earlier
  part's, which it learns only when its own pages are made (:func:`pdf.layout`'s
  ``pages_before``); it tells where its anchors are and writes its pages in two halves, the
  second in a process of its own;
- meanwhile this process lays out and writes the earlier chapters, the front matter before
  the tables of contents (with the metadata, attachments and page labels) and the front
  matter after them, numbered after the tables of contents, whose page count a first layout
  gives (the numbers hang in the right padding and change no line);
- once the later part's anchors are known, the tables of contents are laid out with every page
  number written in (the pages are in other documents, where ``target-counter`` would not see
  them); should they come out another length, the report is laid out in one piece instead;
- :func:`pipeline.render.pdf_join.join` puts the six pieces together with their anchors,
  links and bookmarks.

A link to an anchor of another piece is kept by giving the piece a stand-in anchor of that
name, which the join points at the right page. A document that cannot be cut (fewer than two
body chapters) is laid out in one piece.
"""

from __future__ import annotations

import copy
import hashlib
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from markupsafe import escape
from weasyprint import Document
from weasyprint.html import UA_COUNTER_STYLE

from pipeline.forked import Forked
from pipeline.render.approval import EmbeddedFile
from pipeline.render.pdf import Layout, layout, write_pdf
from pipeline.render.pdf_join import Bookmark, Piece, join

FRONT_MARK = "<!-- lkjip:front -->"
CONTENTS_MARK = "<!-- lkjip:contents -->"
AFTER_CONTENTS_MARK = "<!-- lkjip:after-contents -->"
BODY_MARK = "<!-- lkjip:body -->"
_END = "</body></html>"
# An entry of the tables of contents, as print.html writes it.
_TOC_LINK = re.compile(r'(<li class="[^"]*"><a href="#)([^"]+)(")')


@dataclass(frozen=True)
class PrintParts:
    """The print document cut at its marks."""

    shared: str  # head, <body> and the draft mark: every part starts with it
    lead: str  # the cover, the lembar pengesahan, the Kata Pengantar
    contents: str  # the tables of contents (Daftar Isi, Daftar Tabel, Daftar Gambar)
    rest: str  # the rest of the front matter (Ikhtisar Eksekutif)
    body: tuple[str, ...]  # one per chapter, from Bab I

    @property
    def front(self) -> str:
        return self.lead + self.contents + self.rest

    def document(self, blocks: Iterable[str]) -> str:
        return self.shared + "".join(blocks) + _END

    def cut(self) -> int:
        """Where the body is cut: the earlier part (with the front matter) and the later one
        as close to equal as the chapters allow, by size of their HTML."""
        total = len(self.front) + sum(map(len, self.body))
        best, best_cost = 1, total
        before = len(self.front)
        for at in range(1, len(self.body)):
            before += len(self.body[at - 1])
            cost = max(before, total - before)
            if cost < best_cost:
                best, best_cost = at, cost
        return best


def split_print_html(html: str) -> PrintParts | None:
    """``html`` cut at its marks; None when there are not two body chapters to share out."""
    shared, mark, rest = html.partition(FRONT_MARK)
    rest = rest.rstrip()
    if not mark or not rest.endswith(_END):
        return None
    front, *body = rest[: -len(_END)].split(BODY_MARK)
    lead, mark, contents = front.partition(CONTENTS_MARK)
    contents, after, rest = contents.partition(AFTER_CONTENTS_MARK)
    if len(body) < 2 or not mark or not after:
        return None
    return PrintParts(shared, lead, contents, rest, tuple(body))


def numbered_contents(contents: str, numbers: Mapping[str, str],
                      default: str | None = None) -> str:
    """The tables of contents with the page number of every entry written in (``data-page``,
    shown by print.css); an entry not in ``numbers`` gets ``default``, or keeps its
    ``target-counter`` when that is None."""

    def number(match: re.Match[str]) -> str:
        page = numbers.get(match[2], default)
        return match[0] if page is None else f'{match[0]} data-page="{escape(page)}"'

    return _TOC_LINK.sub(number, contents)


def page_numbers(parts: Sequence[Document], first: int = 1) -> dict[str, int]:
    """Where each anchor of ``parts`` (laid out one after the other) is printed: its page's
    number, the first page being ``first``; the first anchor of a name wins, as in WeasyPrint."""
    numbers: dict[str, int] = {}
    for n, page in enumerate(page for part in parts for page in part.pages):
        for name in page.anchors:
            numbers.setdefault(name, first + n)
    return numbers


def keep_links(document: Document, elsewhere: Iterable[str] | None = None) -> list[str]:
    """Stand-in anchors (on the first page) for the links of ``document`` to another part, so
    WeasyPrint writes them instead of dropping them; returns their names.

    ``elsewhere`` are the anchors the other part has: a link to none of them is left for
    WeasyPrint to report and drop. None: every name not found here (the join checks them).
    """
    own = {name for page in document.pages for name in page.anchors}
    wanted = {target for page in document.pages for kind, target, _, _ in page.links
              if kind == "internal" and target not in own}
    if elsewhere is not None:
        wanted &= set(elsewhere)
    stand_ins = sorted(wanted)
    if stand_ins and document.pages:
        # On a copy of the page, in a new list: Document.copy shares both with the document
        # the pages came from.
        first = copy.copy(document.pages[0])
        first.anchors = {**first.anchors, **{name: (0, 0, 0, 0) for name in stand_ins}}
        document.pages = [first, *document.pages[1:]]
    return stand_ins


def write_report(html: str, base_url: Path, target: Path, *, when: datetime,
                 variant: str | None = None, attachments: Sequence[EmbeddedFile] = (),
                 custom: Mapping[str, str] | None = None) -> tuple[int, list[str]]:
    """The PDF of the print document ``html`` written to ``target``: (page count, warnings).

    In parts on two processes when it can be cut (see the module docstring), otherwise in
    one piece; ``when``, ``variant``, ``attachments`` and ``custom`` are :func:`pdf.write_pdf`'s.
    """
    parts = split_print_html(html)
    if parts is None:
        whole = layout(html, base_url)
        written = write_pdf(whole, target, when=when, variant=variant,
                            attachments=attachments, custom=custom)
        return len(whole.document.pages), [*whole.warnings, *written]

    cut = parts.cut()
    owner = os.getpid()
    later = Forked(_later_part, parts.document(parts.body[cut:]), base_url, target, owner,
                    when, variant)
    options = {"when": when, "variant": variant}

    def piece(number: int) -> Path:
        return _piece_path(target, number, owner)

    try:
        earlier = layout(parts.document(parts.body[:cut]), base_url)
        later.send(len(earlier.document.pages))
        # While the later part is laid out: the earlier one is written, and so is the front
        # matter but for its tables of contents, which wait for the later part's page numbers.
        # Their pages are counted now (the numbers hang in the right padding and never change
        # a line), so what follows them is numbered from the start.
        earlier_piece, warnings = _write_piece(earlier, piece(3), **options)
        lead = layout(parts.document([parts.lead]), base_url)
        roman_before = len(lead.document.pages) - lead.cover  # the cover is not counted
        draft_contents = layout(parts.document([numbered_contents(parts.contents, {}, "0")]),
                                base_url)
        contents_count = len(draft_contents.document.pages)
        rest = layout(parts.document([parts.rest]), base_url,
                      pages_before=lambda: roman_before + contents_count) \
            if parts.rest.strip() else None
        front_count = len(lead.document.pages) + contents_count + _count(rest)
        # The lead comes first in the PDF: it carries the metadata, the attachments and the
        # page labels (Arabic from the first page of Bab I, which is in a later piece).
        lead_piece = Layout(
            lead.document, lead.warnings,
            hashlib.md5(html.encode("utf-8"), usedforsecurity=False).hexdigest().encode("ascii"),
            body_start=front_count, cover=lead.cover)
        lead_stand_ins = keep_links(lead.document)
        warnings += write_pdf(lead_piece, piece(0), attachments=attachments, custom=custom,
                              **options)
        first = Piece(piece(0), frozenset(lead_stand_ins))
        rest_pieces: list[Piece] = []
        if rest is not None:
            rest_piece, more = _write_piece(rest, piece(2), **options)
            rest_pieces.append(rest_piece)
            warnings += more

        numbers = {name: _roman(n)
                   for name, n in page_numbers([lead.document], 1 - lead.cover).items()}
        for name, n in page_numbers([draft_contents.document], roman_before + 1).items():
            numbers.setdefault(name, _roman(n))
        if rest is not None:
            for name, n in page_numbers([rest.document],
                                        roman_before + contents_count + 1).items():
                numbers.setdefault(name, _roman(n))
        for name, n in page_numbers([earlier.document]).items():
            numbers.setdefault(name, str(n))
        later_pages: dict[str, int] = later.answer()  # its anchors: page in that part
        earlier_count = len(earlier.document.pages)
        for name, n in later_pages.items():
            numbers.setdefault(name, str(earlier_count + 1 + n))
        contents = layout(parts.document([numbered_contents(parts.contents, numbers)]),
                          base_url, pages_before=lambda: roman_before)
        if len(contents.document.pages) != contents_count:
            raise _Recount
        contents_piece, more = _write_piece(contents, piece(1), **options)
        warnings += more
        later_pieces, later_count, later_warnings, later_outline = later.answer()
        in_order = [first, contents_piece, *rest_pieces, earlier_piece, *later_pieces]
        outline = [*_bookmarks(lead.document, 0),
                   *_bookmarks(contents.document, len(lead.document.pages)),
                   *(_bookmarks(rest.document, front_count - _count(rest)) if rest else []),
                   *_bookmarks(earlier.document, front_count),
                   *_shifted(later_outline, front_count + earlier_count)]
        warnings = [*lead.warnings, *contents.warnings, *(rest.warnings if rest else ()),
                    *earlier.warnings, *warnings, *later_warnings]
        warnings += join(in_order, target, outline)
        # Each part parses the same stylesheets: a warning about them comes once per part.
        return front_count + earlier_count + later_count, list(dict.fromkeys(warnings))
    except _Recount:
        # The tables of contents took another number of pages with their numbers written in
        # (a title exactly as long as the line): the front matter's numbers after them are
        # wrong, so the report is laid out in one piece instead.
        later.stop()
        whole = layout(html, base_url)
        written_whole = write_pdf(whole, target, attachments=attachments, custom=custom,
                                  **options)
        return len(whole.document.pages), [*whole.warnings, *written_whole]
    finally:
        later.stop()
        for number in range(_PIECES):  # joined, or left by a failure
            piece(number).unlink(missing_ok=True)


# The pieces, in the order of the PDF: 0 the lead of the front matter, 1 the tables of
# contents, 2 the rest of the front matter, 3 the earlier chapters, 4 and 5 the later ones.
_PIECES = 6


def _piece_path(target: Path, number: int, owner: int) -> Path:
    """Where piece ``number`` is written: next to ``target``, hidden, named after the process
    that joins it last (so a build killed outright leaves files the next build removes)."""
    return target.with_name(f".{target.name}.{number}.{owner}.tmp")


class _Recount(Exception):
    """The tables of contents changed their page count once numbered."""


def _count(part: Layout | None) -> int:
    return 0 if part is None else len(part.document.pages)


def _roman(number: int) -> str:
    """``number`` as print.css prints the front matter's pages (lower-roman)."""
    return UA_COUNTER_STYLE.render_value(number, "lower-roman")


def _write_piece(part: Layout, path: Path, *, when: datetime, variant: str | None,
                 pages: slice = slice(None)) -> tuple[Piece, list[str]]:
    """``pages`` of ``part`` written on their own, links elsewhere kept with stand-ins;
    returns the piece and WeasyPrint's warnings."""
    document = part.document.copy(part.document.pages[pages])
    stand_ins = keep_links(document)
    warnings = write_pdf(Layout(document, (), part.identifier), path, when=when,
                         variant=variant)
    return Piece(path, frozenset(stand_ins)), warnings


def _bookmarks(document: Document, first: int) -> list[Bookmark]:
    """The document's bookmarks as the PDF has them, its first page being page ``first``."""
    return _shifted(document.make_bookmark_tree(scale=0.75, transform_pages=True), first)


def _shifted(bookmarks: Sequence[Bookmark], pages: int) -> list[Bookmark]:
    return [(label, (page + pages, x, y), _shifted(children, pages), state)
            for label, (page, x, y), children, state in bookmarks]


def _later_part(conn: Any, html: str, base_url: Path, target: Path, owner: int, when: datetime,
                variant: str | None) -> tuple[list[Piece], int, list[str], list[Bookmark]]:
    """In the forked process: the later chapters laid out, numbered after the earlier part's
    pages; tells where its anchors are, then writes its pages as two pieces, the second
    half in a process of its own."""
    part = layout(html, base_url, pages_before=conn.recv)
    conn.send(("ok", page_numbers([part.document], first=0)))
    count = len(part.document.pages)
    half = (count + 1) // 2
    second = Forked(_second_half, part, _piece_path(target, 5, owner), when,
                     variant, slice(half, None)) if count > 1 else None
    try:
        piece, warnings = _write_piece(part, _piece_path(target, 4, owner),
                                       when=when, variant=variant, pages=slice(0, half))
        pieces = [piece]
        if second is not None:
            piece, more = second.answer()
            pieces.append(piece)
            warnings += more
    finally:
        if second is not None:
            second.stop()
    return pieces, count, [*part.warnings, *warnings], _bookmarks(part.document, 0)


def _second_half(_conn: Any, part: Layout, path: Path, when: datetime, variant: str | None,
                 pages: slice) -> tuple[Piece, list[str]]:
    return _write_piece(part, path, when=when, variant=variant, pages=pages)
