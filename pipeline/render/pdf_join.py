"""The PDFs of one report, laid out and written in pieces (:mod:`pipeline.render.pdf_parts`),
made one.

With qpdf (pikepdf): the pieces' pages are put one after the other, and what WeasyPrint wrote
per piece is made whole again: the named destinations (where every link and every ``#anchor``
lands), the link annotations, the bookmarks and the names of the font subsets. Everything else
is the first piece's: its metadata, attachments, page labels and PDF/A identification, which
cover the pages put after it.
"""

from __future__ import annotations

import hashlib
import os
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pikepdf

# WeasyPrint's own words for a link to an anchor that is nowhere, as in a document laid out
# in one piece.
MISSING_ANCHOR = "No anchor #{name} for internal URI reference"
# WeasyPrint's Document.make_bookmark_tree(scale, transform_pages=True): (label, (page, x, y),
# children, "open" or "closed"), the page counted over the whole report.
Bookmark = tuple[str, tuple[int, float, float], list[Any], str]
_SUBSET = re.compile(r"^/([A-Z]{6})\+")


@dataclass(frozen=True)
class Piece:
    """One written piece: its file, and the names it gave stand-in anchors (anchors of other
    pieces, which its links need WeasyPrint to keep)."""

    path: Path
    stand_ins: frozenset[str] = frozenset()


def join(pieces: Sequence[Piece], target: Path, outline: Sequence[Bookmark]) -> list[str]:
    """``pieces`` one after the other in ``target`` (complete or not at all), with ``outline``
    as its bookmarks; returns warnings (a link to an anchor no piece has is removed)."""
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with pikepdf.open(pieces[0].path) as pdf:
            destinations = {name: dest for name, dest in _destinations(pdf).items()
                            if name not in pieces[0].stand_ins}
            for number, piece in enumerate(pieces[1:], start=1):
                with pikepdf.open(piece.path) as part:
                    _rename_subsets(part, number)
                    first = len(pdf.pages)
                    index = {page.obj.objgen: n for n, page in enumerate(part.pages)}
                    with warnings.catch_warnings():  # the destinations are joined below
                        warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                        pdf.pages.extend(part.pages)
                    for name, dest in _destinations(part).items():
                        if name not in piece.stand_ins and name not in destinations:
                            page = pdf.pages[first + index[dest[0].objgen]]
                            destinations[name] = pikepdf.Array([page.obj, *list(dest)[1:]])
            wanted = set().union(*(piece.stand_ins for piece in pieces))
            missing = sorted(wanted - destinations.keys())
            if missing:
                _remove_links(pdf.pages, set(missing))
            names = pikepdf.NameTree.new(pdf)
            for name, dest in destinations.items():
                names[name] = dest
            pdf.Root.Names.Dests = names.obj
            with pdf.open_outline() as bookmarks:
                bookmarks.root.clear()
                bookmarks.root.extend(_item(pdf, b) for b in outline)
            pdf.save(partial, deterministic_id=True)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return [MISSING_ANCHOR.format(name=name) for name in missing]


def _destinations(pdf: pikepdf.Pdf) -> dict[str, pikepdf.Object]:
    names = pdf.Root.get("/Names")
    if names is None or "/Dests" not in names:
        return {}
    return dict(pikepdf.NameTree(names.Dests).items())


def _rename_subsets(pdf: pikepdf.Pdf, number: int) -> None:
    """Give this piece's font subsets their own six-letter tags: WeasyPrint names a subset
    after its font, so every piece has a "SWSLVQ+Liberation-Serif" with other glyphs, and
    different subsets in one file must have different tags (ISO 32000-1, 9.6.4)."""
    for obj in pdf.objects:
        if not isinstance(obj, pikepdf.Dictionary):
            continue
        for key in ("/BaseFont", "/FontName"):
            value = obj.get(key)
            if isinstance(value, pikepdf.Name) and (match := _SUBSET.match(str(value))):
                obj[key] = pikepdf.Name(f"/{_tag(match[1], number)}{str(value)[7:]}")


def _tag(tag: str, number: int) -> str:
    digest = hashlib.sha256(f"{tag}:{number}".encode("ascii")).digest()
    return "".join(chr(ord("A") + byte % 26) for byte in digest[:6])


def _remove_links(pages: Sequence[pikepdf.Page], names: set[str]) -> None:
    for page in pages:
        annotations = page.obj.get("/Annots")
        if annotations is not None:
            page.obj.Annots = pikepdf.Array(
                [a for a in annotations if str(a.get("/Dest", "")) not in names])


def _item(pdf: pikepdf.Pdf, bookmark: Bookmark) -> pikepdf.OutlineItem:
    label, (page, x, y), children, state = bookmark
    item = pikepdf.OutlineItem(
        label, pikepdf.Array([pdf.pages[page].obj, pikepdf.Name.XYZ, x, y, 0]))
    item.is_closed = state == "closed"
    item.children.extend(_item(pdf, child) for child in children)
    return item
