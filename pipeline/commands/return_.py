"""``lkjip return --note TEXT``: send the draft back one level down, closing the round."""

from __future__ import annotations

import argparse

from pipeline.commands.options import add_key
from pipeline.workflow import gitrepo, rounds
from pipeline.workflow.outcome import words
from pipeline.workflow.signing import resolve_signing_key


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("return", help="kembalikan draft untuk diperbaiki (tutup putaran)")
    parser.add_argument("--note", required=True, help="catatan koreksi untuk penerima")
    add_key(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = resolve_signing_key(gitrepo.signing_key_spec(repo, args.key))
    print(words(rounds.return_round(repo, key, args.note)))
    return 0
