"""``lkjip paraf``: the current corrector's initialled approval of the round's content."""

from __future__ import annotations

import argparse

from pipeline.commands.options import add_key
from pipeline.workflow import gitrepo, rounds
from pipeline.workflow.outcome import words
from pipeline.workflow.signing import resolve_signing_key


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("paraf", help="beri paraf atas isi putaran ini (setuju)")
    parser.add_argument("--note", default="", help="catatan (tidak wajib)")
    add_key(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = resolve_signing_key(gitrepo.signing_key_spec(repo, args.key))
    print(words(rounds.paraf(repo, key, args.note)))
    return 0
