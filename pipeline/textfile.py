"""Reading an author's text file (data/*.yaml, content/*.md): problems, never exceptions.

The size is checked before reading (a huge file is a mistake, not something to load), and
bytes that are not UTF-8 are reported at their line and column.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import Problem
from pipeline.messages import data as msg

MAX_BYTES = 2_000_000  # an LKjIP's files are a few kB to a few hundred; far larger is a mistake


def read_text(file: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The text of ``file``, or None and the one problem that stopped the reading."""
    try:
        size = file.stat().st_size
        if size > MAX_BYTES:
            return None, [Problem(shown_as, 1, msg.FILE_TOO_LARGE.format(size=size,
                                                                        limit=MAX_BYTES))]
        raw = file.read_bytes()
    except FileNotFoundError:
        return None, [Problem(shown_as, None, msg.FILE_MISSING)]
    except OSError as exc:  # a folder with the file's name, no permission, ...
        return None, [Problem(shown_as, None, msg.FILE_UNREADABLE.format(
            reason=exc.strerror or type(exc).__name__))]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, [Problem(shown_as, line, msg.NOT_UTF8.format(column=column))]
