"""The PDF laid out on both cores: the report in two parts, in two processes, joined at the end.

WeasyPrint lays a document out on one core, and the layout is most of a build. The print
document (:func:`pipeline.render.print_html.print_html`) marks where it may be cut: the front
matter (cover, lembar pengesahan, Kata Pengantar, the tables of contents, Ikhtisar Eksekutif),
then each body chapter from Bab I. The body is cut at one chapter into two parts with about
the same work in each (every chapter starts on a new page, so the pages are the same ones):

- a forked process lays out the later chapters. Its page numbers continue from the earlier
  part's, which it learns only when its own pages are made (:func:`pdf.layout`'s
  ``pages_before``); it tells where its anchors are and writes its PDF;
- this process lays out the earlier chapters, then the front matter, whose tables of contents
  get every body page number written in (the pages are in two documents, where
  ``target-counter`` would see only one), and writes front matter and earlier chapters as one
  PDF, with the metadata, the attachments and the page labels;
- :func:`pipeline.render.pdf_join.join` puts the later part's pages after them, with their
  anchors, links and bookmarks.

A link to an anchor of the other part is kept by giving the part a stand-in anchor of that
name, which the join points at the right page. A document that cannot be cut (fewer than two
body chapters) is laid out in one piece, as before.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from weasyprint import Document

from pipeline.render.approval import EmbeddedFile
from pipeline.render.pdf import Layout, layout, write_pdf
from pipeline.render.pdf_join import join

FRONT_MARK = "<!-- lkjip:front -->"
BODY_MARK = "<!-- lkjip:body -->"
_END = "</body></html>"
# An entry of the tables of contents, as print.html writes it.
_TOC_LINK = re.compile(r'(<li class="[^"]*"><a href="#)([^"]+)(")')


@dataclass(frozen=True)
class PrintParts:
    """The print document cut at its marks."""

    shared: str  # head, <body> and the draft mark: every part starts with it
    front: str  # the front matter, up to Bab I
    body: tuple[str, ...]  # one per chapter, from Bab I

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
    if len(body) < 2:
        return None
    return PrintParts(shared, front, tuple(body))


def numbered_contents(front: str, numbers: Mapping[str, int]) -> str:
    """The front matter with the page number of every body entry of its tables of contents
    written in (``data-page``, shown by print.css)."""

    def number(match: re.Match[str]) -> str:
        page = numbers.get(match[2])
        return match[0] if page is None else f'{match[0]} data-page="{page:d}"'

    return _TOC_LINK.sub(number, front)


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
        document.pages[0].anchors.update({name: (0, 0, 0, 0) for name in stand_ins})
    return stand_ins


def write_report(html: str, base_url: Path, target: Path, *, when: datetime,
                 variant: str | None = None, attachments: Sequence[EmbeddedFile] = (),
                 custom: Mapping[str, str] | None = None) -> tuple[int, list[str]]:
    """The PDF of the print document ``html`` written to ``target``: (page count, warnings).

    In two parts on two processes when it can be cut (see the module docstring), otherwise in
    one piece; ``when``, ``variant``, ``attachments`` and ``custom`` are :func:`pdf.write_pdf`'s.
    """
    parts = split_print_html(html)
    if parts is None:
        whole = layout(html, base_url)
        written = write_pdf(whole, target, when=when, variant=variant,
                            attachments=attachments, custom=custom)
        return len(whole.document.pages), [*whole.warnings, *written]

    cut = parts.cut()
    later_pdf = target.with_name(f".{target.name}.{os.getpid()}.later.tmp")
    earlier_pdf = target.with_name(f".{target.name}.{os.getpid()}.earlier.tmp")
    context = multiprocessing.get_context("fork")
    conn, child_end = context.Pipe()
    child = context.Process(target=_later_part, args=(
        child_end, parts.document(parts.body[cut:]), base_url, later_pdf, when, variant))
    child.start()
    child_end.close()
    try:
        earlier = layout(parts.document(parts.body[:cut]), base_url)
        conn.send(len(earlier.document.pages))
        later_pages: dict[str, int] = _answer(conn, child)  # its anchors: page in that part
        numbers = page_numbers([earlier.document])
        for name, page in later_pages.items():
            numbers.setdefault(name, len(earlier.document.pages) + 1 + page)
        front = layout(parts.document([numbered_contents(parts.front, numbers)]), base_url)
        pages = [*front.document.pages, *earlier.document.pages]
        whole = Layout(
            front.document.copy(pages), (*front.warnings, *earlier.warnings),
            hashlib.md5(html.encode("utf-8"), usedforsecurity=False).hexdigest().encode("ascii"),
            body_start=len(front.document.pages), cover=front.cover)
        own = set(page_numbers([whole.document]))
        keep_links(whole.document, later_pages)
        warnings = [*whole.warnings, *write_pdf(
            whole, earlier_pdf, when=when, variant=variant, attachments=attachments,
            custom=custom)]
        later_count, later_warnings, stand_ins = _answer(conn, child)
        child.join()
        warnings += later_warnings
        warnings += join(earlier_pdf, later_pdf, target,
                         own=own, stand_ins=set(stand_ins))
        # Each part parses the same stylesheets: a warning about them comes once per part.
        return len(pages) + later_count, list(dict.fromkeys(warnings))
    finally:
        if child.is_alive():
            child.kill()
            child.join()
        conn.close()
        earlier_pdf.unlink(missing_ok=True)
        later_pdf.unlink(missing_ok=True)


def _answer(conn: Any, child: Any) -> Any:
    """The later part's next answer; what it raised is raised here."""
    try:
        kind, value = conn.recv()
    except EOFError:  # killed (memory, a signal) before it could answer
        child.join()
        raise RuntimeError(f"PDF part process ended with code {child.exitcode}") from None
    if kind == "error":
        raise value
    return value


def _later_part(conn: Any, html: str, base_url: Path, target: Path, when: datetime,
                variant: str | None) -> None:
    """The forked process: lays the later chapters out, numbered after the earlier part's
    pages, tells where its anchors are, then writes them (no metadata of its own is kept)."""
    try:
        part = layout(html, base_url, pages_before=conn.recv)
        conn.send(("ok", page_numbers([part.document], first=0)))
        stand_ins = keep_links(part.document)
        written = write_pdf(part, target, when=when, variant=variant)
        conn.send(("ok", (len(part.document.pages), [*part.warnings, *written], stand_ins)))
    except BaseException as exc:  # handed to the earlier part, which raises it
        try:
            conn.send(("error", exc))
        except Exception:  # an exception that cannot be pickled: its words, at least
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()
