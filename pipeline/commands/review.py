"""``lkjip review``: the review page of the current round on this computer (127.0.0.1 only)."""

from __future__ import annotations

import argparse
import errno
from pathlib import Path

from pipeline.commands.options import add_key
from pipeline.errors import UserError
from pipeline.messages import review as msg
from pipeline.review.server import serve
from pipeline.workflow import gitrepo

DEFAULT_PORT = 8765


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "review", help="buka halaman reviu putaran ini di peramban (paraf atau kembalikan)")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT,
                        help=f"port di 127.0.0.1 (bawaan: {DEFAULT_PORT})")
    add_key(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    root = Path(repo.workdir or ".")
    try:
        server = serve(root, args.key, args.port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            raise UserError(msg.REVIEW_PORT_BUSY.format(port=args.port)) from None
        raise
    print(msg.REVIEW_SERVING.format(url=server.url), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print(msg.REVIEW_STOPPED)
    finally:
        server.server_close()
    return 0
