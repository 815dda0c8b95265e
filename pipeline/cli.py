"""The ``lkjip`` command: a thin argparse dispatcher over :mod:`pipeline.commands`.

Each command module exposes ``add_parser(subparsers)`` and ``run(args) -> int``. Errors the
user can fix arrive as :class:`pipeline.errors.UserError` and leave as one line on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pipeline import __version__, terminal
from pipeline.commands import COMMANDS, load
from pipeline.commands.options import project_root
from pipeline.error_handler import report_bug
from pipeline.errors import UserError
from pipeline.messages import cli as msg


def _indonesian(text: str) -> str:
    return msg.ARGPARSE.get(text, text)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``argv``: with a known command only that command's module is imported;
    without one (``--help``, a typo, shell completion) every command is."""
    # argparse reads its texts ("usage:", "options", its errors) through the gettext function
    # it imported as ``_``; no Indonesian catalogue ships with Python, so give it ours.
    argparse._ = _indonesian  # type: ignore[attr-defined]
    parser = argparse.ArgumentParser(
        prog="lkjip",
        description="LKjIP sebagai kode: periksa data, bangun laporan, dan jalankan alur SOP.",
    )
    parser.add_argument("--version", action="version", version=f"lkjip {__version__}",
                        help=msg.VERSION_HELP)
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", required=True)
    words = [a for a in (argv or []) if not a.startswith("-")]
    chosen = [words[0]] if words and words[0] in COMMANDS else list(COMMANDS)
    for module in load(chosen):
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    terminal.install()  # nothing a commit or a revision says can steer the terminal
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    if isinstance(getattr(args, "root", None), Path):
        args.root = project_root(args.root)  # from any subfolder, as git does
    try:
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, not at exit: a reader that left is seen below
        return code
    except UserError as exc:
        print(f"{msg.ERROR_PREFIX}: {exc}", file=sys.stderr)
        for note in getattr(exc, "__notes__", ()):
            print(note, file=sys.stderr)
        return exc.exit_code
    except BrokenPipeError:
        # `lkjip status | head`: the reader has gone, nothing is wrong. Python's documented
        # way: point stdout at /dev/null so that the flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(msg.INTERRUPTED, file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in lkjip: one line, the details in a log file
        return report_bug(exc, list(argv if argv is not None else sys.argv[1:]),
                          f"{msg.ERROR_PREFIX}: {msg.INTERNAL_ERROR}")
