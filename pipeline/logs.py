"""A library's log warnings, collected to be shown in lkjip's own words instead of printed
raw (in English) to stderr. Used for MkDocs (the site) and WeasyPrint (the PDF)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@contextmanager
def collected_warnings(name: str) -> Iterator[list[str]]:
    """The warnings and errors of logger ``name`` while the block runs (kept off stderr)."""
    logger = logging.getLogger(name)
    handler = _Collect()
    saved = logger.propagate, logger.level
    logger.addHandler(handler)
    logger.propagate = False
    # WeasyPrint's logger only *logs* problems (an unknown CSS property): make sure they reach us.
    if logger.level == logging.NOTSET or logger.level > logging.WARNING:
        logger.setLevel(logging.WARNING)
    try:
        yield handler.messages
    finally:
        logger.removeHandler(handler)
        logger.propagate, logger.level = saved
