"""``lkjip merge [ROUND]``: the Kasubbag Perencanaan merges a signed round into main (step 9)."""

from __future__ import annotations

import argparse

from pipeline.commands.options import add_key
from pipeline.publish.merge import merge
from pipeline.workflow import gitrepo
from pipeline.workflow.outcome import words


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "merge", help="gabungkan putaran yang sudah ditandatangani ke main (langkah 9)")
    parser.add_argument("round", nargs="?", metavar="PUTARAN",
                        help="cabang putaran, mis. review/2025/1 (bawaan: cabang saat ini)")
    add_key(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = gitrepo.signing_key(repo, args.key)
    print(words(merge(repo, key, args.round)))
    return 0
