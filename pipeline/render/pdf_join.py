"""Two PDFs of one report, laid out in parts (:mod:`pipeline.render.pdf_parts`), made one.

With qpdf (pikepdf): the later part's pages are put after the earlier part's, and what
WeasyPrint wrote per part is made whole again: the named destinations (where every link and
every ``#anchor`` lands), the link annotations and the bookmarks. Everything else is the
earlier part's: its metadata, attachments, page labels and PDF/A identification, which cover
the pages put after it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pikepdf

# WeasyPrint's own words for a link to an anchor that is nowhere, as in a document laid out
# in one piece.
MISSING_ANCHOR = "No anchor #{name} for internal URI reference"


def join(earlier: Path, later: Path, target: Path, *, own: set[str],
         stand_ins: set[str]) -> list[str]:
    """``later``'s pages after ``earlier``'s, written to ``target`` (complete or not at all);
    returns warnings.

    ``own`` are the anchors the earlier part has (its other names are stand-ins for the later
    part's, pointed here at the later part's pages); ``stand_ins`` are the later part's
    stand-ins for anchors of the earlier part: a link to one the earlier part does not have
    either is removed, with WeasyPrint's warning.
    """
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    missing = sorted(stand_ins - own)
    try:
        with pikepdf.open(earlier) as pdf, pikepdf.open(later) as part:
            first = len(pdf.pages)
            index = {page.obj.objgen: n for n, page in enumerate(part.pages)}
            pdf.pages.extend(part.pages)

            def moved(destination: pikepdf.Array) -> pikepdf.Array:
                page = pdf.pages[first + index[destination[0].objgen]]
                return pikepdf.Array([page.obj, *list(destination)[1:]])

            names = _destinations(pdf)
            for name, destination in _destinations(part).items():
                if name not in own and name not in stand_ins:
                    names[name] = moved(destination)
            if missing:
                _remove_links(pdf.pages[first:], set(missing))
            with pdf.open_outline() as outline, part.open_outline() as theirs:
                outline.root.extend(_moved_item(item, moved) for item in theirs.root)
            pdf.save(partial, deterministic_id=True)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return [MISSING_ANCHOR.format(name=name) for name in missing]


def _destinations(pdf: pikepdf.Pdf) -> pikepdf.NameTree:
    """The document's named destinations (made if it has none)."""
    if "/Names" not in pdf.Root:
        pdf.Root.Names = pikepdf.Dictionary()
    if "/Dests" not in pdf.Root.Names:
        pdf.Root.Names.Dests = pikepdf.NameTree.new(pdf).obj
    return pikepdf.NameTree(pdf.Root.Names.Dests)


def _remove_links(pages: list[pikepdf.Page], names: set[str]) -> None:
    for page in pages:
        annotations = page.obj.get("/Annots")
        if annotations is None:
            continue
        kept = [a for a in annotations if str(a.get("/Dest", "")) not in names]
        page.obj.Annots = pikepdf.Array(kept)


def _moved_item(item: pikepdf.OutlineItem, moved) -> pikepdf.OutlineItem:  # type: ignore[no-untyped-def]
    copy = pikepdf.OutlineItem(item.title, moved(item.destination))
    copy.is_closed = item.is_closed
    copy.children.extend(_moved_item(child, moved) for child in item.children)
    return copy
