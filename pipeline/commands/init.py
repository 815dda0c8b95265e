"""``lkjip init FOLDER``: a new office's repository, and what to do next."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.init import init_project
from pipeline.messages import exchange as msg


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("init", help=msg.HELP_INIT, description=msg.HELP_INIT)
    parser.add_argument("folder", type=Path, metavar="FOLDER", help=msg.HELP_INIT_FOLDER)
    parser.add_argument("--tanpa-tanya", dest="ask", action="store_false",
                        help=msg.HELP_INIT_NO_QUESTIONS)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    guide = (input, print) if args.ask and sys.stdin.isatty() else None
    sop = init_project(args.folder, guide)
    print(msg.INIT_DONE.format(folder=args.folder))
    print(msg.INIT_NEXT.format(folder=args.folder))
    for role in sop.roles:
        print(msg.INIT_ROSTER_LINE.format(role=role, title=sop.title_of(role)))
    print(msg.INIT_CHECK)
    return 0
