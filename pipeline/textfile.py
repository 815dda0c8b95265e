"""Reading an author's text file (data/*.yaml, content/*.md): problems, never exceptions.

The size is checked before reading (a huge file is a mistake, not something to load), and
bytes that are not UTF-8 are reported at their line and column.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from pipeline.errors import Problem
from pipeline.messages import data as msg
from pipeline.messages import safety as safety_msg

MAX_BYTES = 2_000_000  # an LKjIP's files are a few kB to a few hundred; far larger is a mistake


def read_text(file: Path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The text of ``file``, or None and the one problem that stopped the reading."""
    if file.is_symlink():  # it may point at a key or /proc/self/environ: never read through it
        return None, [Problem(shown_as, None, safety_msg.SYMLINK.format(
            folder=Path(shown_as).parent.as_posix()))]
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


# Folders whose files become part of the report or its policy: a symbolic link in them could
# publish any file of the machine that builds the report.
AUTHORED_FOLDERS = ("content", "data", "sop")


def symlink_problems(root: Path, folders: Iterable[str] = AUTHORED_FOLDERS) -> list[Problem]:
    """One problem per symbolic link under ``root/<folder>`` (links are not followed)."""
    problems = []
    for folder in folders:
        base = root / folder
        if base.is_symlink():
            problems.append(Problem(folder, None, safety_msg.SYMLINK.format(folder=folder)))
            continue
        for current, dirs, files in os.walk(base):  # os.walk does not follow links
            for name in sorted([*dirs, *files]):
                entry = Path(current) / name
                if entry.is_symlink():
                    problems.append(Problem(entry.relative_to(root).as_posix(), None,
                                            safety_msg.SYMLINK.format(folder=folder)))
    return problems
