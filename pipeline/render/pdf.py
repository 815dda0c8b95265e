"""The PDF, with WeasyPrint: lay the print HTML out once, write every variant from it.

Layout is the expensive step; :func:`layout` does it once and :func:`write_pdf` writes a file
from the resulting document (a plain PDF now, PDF/A-3b later, from the same layout). Dates
are a parameter, never the clock, and the file identifier is derived from the content, so the
same sources give the same bytes. WeasyPrint only *logs* many problems (an unknown CSS property,
a missing image): they are collected and handed back instead of being lost.

The document is laid out with a leaner user-agent stylesheet (:class:`PrintHTML`): WeasyPrint's
own gives *every* element six pseudo-element styles (``::marker``, ``::footnote-call``, the CSS
Notes ones) that the print version never uses, and on a table-heavy report of 30,000 elements
those styles are a third of the peak memory and several seconds of CPU.
"""

from __future__ import annotations

import gc
import hashlib
import mimetypes
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pydyf
from weasyprint import CSS, HTML, Attachment, Document
from weasyprint.html import UA, UA_COUNTER_STYLE, UA_STYLESHEET
from weasyprint.urls import URLFetcher

from pipeline.logs import collected_warnings
from pipeline.render.approval import EmbeddedFile

# Only local resources: the build must not reach the network (and must not hang on it).
_ALLOWED_PROTOCOLS = {"file", "data"}


class ContentFetcher(URLFetcher):
    """WeasyPrint's fetcher limited to ``data:`` URIs and files inside ``folder`` (the content
    folder): a chapter's ``<img src="file:///root/.ssh/id_ed25519">`` or a link to
    ``/proc/self/environ`` is refused, not embedded. Symbolic links are never followed."""

    def __init__(self, folder: Path) -> None:
        super().__init__(allowed_protocols=_ALLOWED_PROTOCOLS)
        self.folder = folder.resolve()
        self.folders = {self.folder, folder.absolute()}

    def fetch(self, url: str, headers: Mapping[str, str] | None = None):  # type: ignore[override]
        if url.startswith("file:"):
            path = Path(url2pathname(urlsplit(url).path))
            inside = path.resolve().is_relative_to(self.folder)
            if not inside or _has_symlink(path, self.folders):
                raise ValueError(f"outside the content folder: {url}")
        elif not url.startswith("data:"):
            raise ValueError(f"not a local resource: {url}")
        return super().fetch(url, headers)


def _has_symlink(path: Path, folders: set[Path]) -> bool:
    """Whether ``path`` or any folder between it and the content folder is a symbolic link."""
    current = path.absolute()
    while current != current.parent and current not in folders:
        if current.is_symlink():
            return True
        current = current.parent
    return False


# The rules the print version does without: CSS footnotes and notes (``float: footnote``, the
# ``::note-*`` pseudo-elements) are not used by print.css (Markdown footnotes are ordinary
# blocks), so their styles would be computed for every element and never read.
_UNUSED_UA_RULES = re.compile(r"^::(?:footnote|note)-[a-z-]+ \{[^}]*\}\n", re.MULTILINE)
# Only list items have markers in the print version; WeasyPrint falls back to the parent's
# anonymous style for the marker of any other ``display: list-item`` element.
_ALL_MARKERS = "::marker {"
_LIST_MARKERS = "li::marker {"


def lean_user_agent_css(ua: str = UA) -> str:
    """WeasyPrint's HTML user-agent stylesheet without the rules matching every element."""
    return _UNUSED_UA_RULES.sub("", ua).replace(_ALL_MARKERS, _LIST_MARKERS, 1)


@lru_cache(maxsize=1)
def _lean_user_agent_stylesheet() -> CSS:
    return CSS(string=lean_user_agent_css(), counter_style=UA_COUNTER_STYLE)


class PrintHTML(HTML):
    """WeasyPrint's HTML with :func:`lean_user_agent_css` as its user-agent stylesheet.

    ``_ua_stylesheets`` is the method WeasyPrint itself asks for its user-agent stylesheets.
    It is not public API: WeasyPrint is pinned, and tests/render/test_pdf.py fails on an
    upgrade that renames it or rewrites the rules trimmed here.
    """

    def _ua_stylesheets(self, forms: bool = False) -> list[CSS]:
        return [_lean_user_agent_stylesheet() if sheet is UA_STYLESHEET else sheet
                for sheet in super()._ua_stylesheets(forms)]


@dataclass(frozen=True)
class Layout:
    document: Document
    warnings: tuple[str, ...]
    identifier: bytes  # PDF /ID, derived from the HTML so equal input gives equal bytes
    body_start: int | None = None  # index of Bab I's first page: labels i, ii, ... before it
    cover: bool = False  # the first page is the cover (labelled "Sampul", not numbered)


# print_html marks the section where Arabic page numbers start (Bab I) with this class.
_BODY_START = re.compile(r'<section class="chapter body-start" id="([^"]+)"')
_COVER = '<section class="cover">'
COVER_LABEL = "Sampul"


def _body_start_page(document: Document, html: str) -> int | None:
    match = _BODY_START.search(html)
    if match is None:
        return None
    return next((n for n, page in enumerate(document.pages)
                 if match.group(1) in page.anchors), None)


def _page_labels(pages: Layout) -> Callable[[Document, pydyf.PDF], None] | None:
    """A WeasyPrint finisher writing the PDF's page labels as the pages print them: the
    cover "Sampul", the front matter i, ii, ..., Bab I onwards 1, 2, ...."""
    if pages.body_start is None:
        return None
    numbers: list[object] = []
    first = 0
    if pages.cover:
        numbers += [0, pydyf.Dictionary({"P": pydyf.String(COVER_LABEL)})]
        first = 1
    if pages.body_start > first:
        numbers += [first, pydyf.Dictionary({"S": "/r"})]
    numbers += [pages.body_start, pydyf.Dictionary({"S": "/D"})]

    def finish(document: Document, pdf: pydyf.PDF) -> None:
        pdf.catalog["PageLabels"] = pydyf.Dictionary({"Nums": pydyf.Array(numbers)})

    return finish


# Python's cyclic garbage collector walks every live object on each full collection. The laid-out
# document is a tree of hundreds of megabytes of boxes that lives until the PDF is written, and
# while it grows the collector ran 19 full collections on a 222-page report: a fifth of the CPU
# time. Young collections still run as usual; full ones only after 100 young-generation passes
# instead of 10 (4 instead of 19), which measured the same peak memory, as the cycles WeasyPrint
# leaves behind are still collected by the remaining full collections.
_FULL_COLLECTION_EVERY = 100


@contextmanager
def _fewer_full_collections() -> Iterator[None]:
    saved = gc.get_threshold()
    gc.set_threshold(saved[0], saved[1], max(saved[2], _FULL_COLLECTION_EVERY))
    try:
        yield
    finally:
        gc.set_threshold(*saved)


@contextmanager
def _numbered_after(pages_before: Callable[[], int]) -> Iterator[None]:
    """Page counters in margin boxes shifted by ``pages_before()``, asked for once.

    WeasyPrint makes every page first and each page's margin boxes (the page number) last, from
    the page's counters: the counters are shifted there, nowhere else. ``make_margin_boxes`` is
    not public API; WeasyPrint is pinned and tests/render/test_pdf_parts.py reads the numbers
    back from the PDF.
    """
    import weasyprint.layout as weasyprint_layout

    original = weasyprint_layout.make_margin_boxes
    offset: list[int] = []

    def shifted(context, page, state):  # type: ignore[no-untyped-def]
        if not offset:
            offset.append(pages_before())
        quote_depth, counters, scopes, groups = state
        if counters.get("page"):
            counters = {**counters, "page": [*counters["page"][:-1],
                                             counters["page"][-1] + offset[0]]}
        return original(context, page, (quote_depth, counters, scopes, groups))

    weasyprint_layout.make_margin_boxes = shifted
    try:
        yield
    finally:
        weasyprint_layout.make_margin_boxes = original


def layout(html: str, base_url: Path, *, pages_before: Callable[[], int] | None = None) -> Layout:
    """Lay the document out (relative images resolve against ``base_url``).

    ``pages_before`` is for the later part of a document laid out in parts
    (:mod:`pipeline.render.pdf_parts`): its page numbers continue from that many pages. It is
    called once, when the pages are made and only their margin boxes are left to lay out, so
    the earlier part may still be being laid out meanwhile.
    """
    fetcher = ContentFetcher(base_url)
    numbering = _numbered_after(pages_before) if pages_before else nullcontext()
    with collected_warnings("weasyprint") as warnings, _fewer_full_collections(), numbering:
        document = PrintHTML(
            string=html, base_url=base_url.as_uri() + "/", url_fetcher=fetcher
        ).render()
    identifier = hashlib.md5(html.encode("utf-8"), usedforsecurity=False).hexdigest()
    return Layout(document, tuple(warnings), identifier.encode("ascii"),
                  _body_start_page(document, html), _COVER in html)


def write_pdf(pages: Layout, target: Path, *, when: datetime, variant: str | None = None,
              attachments: Sequence[EmbeddedFile] = (),
              custom: Mapping[str, str] | None = None) -> list[str]:
    """Write the laid-out document to ``target`` atomically; returns WeasyPrint's warnings.

    ``when`` becomes the creation and modification date (reproducible builds pass the
    signing date or SOURCE_DATE_EPOCH), also of every attachment. ``variant`` is a WeasyPrint
    PDF variant (a release passes ``"pdf/a-3b"``), ``attachments`` are embedded files and
    ``custom`` extra document-information entries (the commit a release was built from).
    The file appears complete or not at all.
    """
    metadata = pages.document.metadata
    metadata.created = metadata.modified = when.isoformat(timespec="seconds")
    metadata.custom = dict(custom or {})
    for file in attachments:  # WeasyPrint guesses the type from the name (.yaml is unknown)
        mimetypes.add_type(file.mime, Path(file.name).suffix)
    metadata.attachments = [
        Attachment(string=f.data, name=f.name, description=f.description, created=when,
                   modified=when, relationship="Source")
        for f in attachments
    ]
    options = {"pdf_variant": variant, "custom_metadata": bool(custom)}
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        with collected_warnings("weasyprint") as warnings, _fewer_full_collections():
            pages.document.write_pdf(partial, pdf_identifier=pages.identifier,
                                     finisher=_page_labels(pages), **options)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return list(warnings)
