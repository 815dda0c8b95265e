"""The PDF, with WeasyPrint: lay the print HTML out once, write every variant from it.

Layout is the expensive step; :func:`layout` does it once and :func:`write_pdf` writes a file
from the resulting document (a plain PDF now, PDF/A-3b later, from the same layout). Dates
are a parameter, never the clock, and the file identifier is derived from the content, so the
same sources give the same bytes. WeasyPrint only *logs* many problems (an unknown CSS property,
a missing image): they are collected and handed back instead of being lost.
"""

from __future__ import annotations

import hashlib
import logging
import mimetypes
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from weasyprint import HTML, Attachment, Document
from weasyprint.urls import URLFetcher

from pipeline.render.approval import EmbeddedFile

# Only local resources: the build must not reach the network (and must not hang on it).
_ALLOWED_PROTOCOLS = {"file", "data"}


@dataclass(frozen=True)
class Layout:
    document: Document
    warnings: tuple[str, ...]
    identifier: bytes  # PDF /ID, derived from the HTML so equal input gives equal bytes


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def _weasyprint_warnings() -> Iterator[list[str]]:
    """Collect the ``weasyprint`` logger's warnings (and keep them off stderr meanwhile)."""
    logger = logging.getLogger("weasyprint")
    handler = _Collect()
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = saved


def layout(html: str, base_url: Path) -> Layout:
    """Lay the document out (relative images resolve against ``base_url``)."""
    fetcher = URLFetcher(allowed_protocols=_ALLOWED_PROTOCOLS)
    with _weasyprint_warnings() as warnings:
        document = HTML(
            string=html, base_url=base_url.as_uri() + "/", url_fetcher=fetcher
        ).render()
    identifier = hashlib.md5(html.encode("utf-8"), usedforsecurity=False).hexdigest()
    return Layout(document, tuple(warnings), identifier.encode("ascii"))


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
        with _weasyprint_warnings() as warnings:
            pages.document.write_pdf(partial, pdf_identifier=pages.identifier, **options)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return list(warnings)
