"""``lkjip sign``: the inspektur's final signature (SOP step 8), after every paraf."""

from __future__ import annotations

import argparse

from pipeline.commands.options import add_key
from pipeline.workflow import gitrepo, rounds
from pipeline.workflow.outcome import words
from pipeline.workflow.signing import resolve_signing_key


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("sign", help="tanda tangani LKjIP (langkah 8, Inspektur)")
    parser.add_argument("--note", default="", help="catatan (tidak wajib)")
    add_key(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = resolve_signing_key(gitrepo.signing_key_spec(repo, args.key))
    print(words(rounds.sign_report(repo, key, args.note)))
    return 0
