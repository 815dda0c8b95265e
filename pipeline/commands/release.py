"""``lkjip release``: tag and archive a verified main (SOP step 10)."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.commands.options import add_key
from pipeline.commands.tte_options import add_signing_options, signing_options
from pipeline.messages import publish as msg
from pipeline.publish.release import release
from pipeline.workflow import gitrepo


def add_parser(sub: argparse._SubParsersAction) -> None:
    # No abbreviations: "--tte-password SECRET" must not pass for --tte-password-file.
    parser = sub.add_parser(
        "release", help="rilis main yang sah: PDF/A-3b, situs, tag bertanda tangan, arsip",
        allow_abbrev=False)
    add_key(parser)
    parser.add_argument("--out", type=Path, metavar="FOLDER",
                        help="folder arsip (bawaan: dist/arsip)")
    add_signing_options(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = gitrepo.signing_key(repo, args.key)
    done = release(repo, key, args.out, signing_options(args))
    print(msg.RELEASED.format(tag=done.tag, commit=done.commit[:10], path=done.bundle))
    return 0
