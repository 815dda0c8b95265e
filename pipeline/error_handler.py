"""What the user sees when lkjip fails: one line, and for a bug a log file with the details.

A problem the user can fix (:class:`pipeline.errors.UserError`) is one line and its exit code
(1, or 2 for "cannot run"). Anything else is a bug in lkjip: the user gets one line naming a
log file that holds the traceback, the command and the versions (as pre-commit's
``error_handler`` does), and the exit code :data:`BUG_EXIT` so that CI can tell a bug from a
refusal. ``LKJIP_DEBUG=1`` also prints the traceback.
"""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import traceback
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from pipeline import __version__

BUG_EXIT = 3
LOG_NAME = "lkjip.log"


def log_dir(environ: dict[str, str] | os._Environ[str] = os.environ) -> Path:
    """``$XDG_CACHE_HOME/lkjip`` or ``~/.cache/lkjip``."""
    base = environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "lkjip"


def write_log(exc: BaseException, argv: Sequence[str]) -> Path:
    """Append the bug's details to the log; the file written (a temporary one if the cache
    folder cannot be written)."""
    text = "".join([
        f"### {datetime.now(UTC).isoformat(timespec='seconds')}\n",
        f"lkjip {__version__}, Python {platform.python_version()}, {platform.platform()}\n",
        f"perintah: lkjip {' '.join(argv)}\n\n",
        *traceback.format_exception(exc),
        "\n",
    ])
    for folder in (log_dir(), Path(tempfile.gettempdir())):
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / LOG_NAME
            with path.open("a", encoding="utf-8") as out:
                out.write(text)
            return path
        except OSError:
            continue
    return Path(os.devnull)


def report_bug(exc: BaseException, argv: Sequence[str], message: str) -> int:
    """Log ``exc``, print ``message`` (which names the log as ``{log}``), return the code."""
    path = write_log(exc, argv)
    if os.environ.get("LKJIP_DEBUG"):
        traceback.print_exception(exc, file=sys.stderr)
    print(message.format(kind=type(exc).__name__, log=path), file=sys.stderr)
    return BUG_EXIT
