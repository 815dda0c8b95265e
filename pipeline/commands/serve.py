"""``lkjip serve [--dev-addr HOST:PORT]``: the site with live reload, data/ included."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.messages import exchange as msg


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("serve", help=msg.HELP_SERVE, description=msg.HELP_SERVE)
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help=msg.HELP_DEV_ADDR)
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="folder repositori LKjIP (bawaan: dicari dari folder ini ke atas)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pipeline.serve import serve

    def say(text: str) -> None:
        print(text, file=sys.stderr, flush=True)

    serve(args.root.resolve(), args.dev_addr, say)
    return 0
