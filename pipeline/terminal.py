"""What lkjip writes to a terminal has no control characters but line breaks and tabs.

Names, notes and problems come from commits and revisions that anyone may have written; an
escape sequence in a return note could rewrite the reviewer's screen (move the cursor, hide a
line, change the window title). The CLI wraps its standard streams once
(:func:`install`), so every message passes this one guard, whatever printed it.
"""

from __future__ import annotations

import re
import sys
from typing import Any, TextIO

# C0 controls except tab and line feed, DEL, and C1 controls (0x9b is a one-byte CSI).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    return _CONTROL.sub("", text)


class SafeStream:
    """A text stream that drops control characters from everything written to it."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    @property
    def raw_stream(self) -> TextIO:
        return self._stream

    def write(self, text: str) -> int:
        self._stream.write(strip_controls(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:  # flush, isatty, fileno, encoding, ...
        return getattr(self._stream, name)


def install() -> None:
    """Wrap ``sys.stdout`` and ``sys.stderr`` (once)."""
    if not isinstance(sys.stdout, SafeStream):
        sys.stdout = SafeStream(sys.stdout)  # type: ignore[assignment]
    if not isinstance(sys.stderr, SafeStream):
        sys.stderr = SafeStream(sys.stderr)  # type: ignore[assignment]


def raw_stderr() -> TextIO:
    """The real stderr, for rich's progress display: its own escape codes are its output,
    and rich removes control codes from the texts it is given."""
    stream = sys.stderr
    return stream.raw_stream if isinstance(stream, SafeStream) else stream
