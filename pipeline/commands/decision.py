"""What ``lkjip paraf``, ``sign`` and ``return`` share: a decision on the round HEAD is on,
signed with the user's key, and its outcome in the words the review page shows too."""

from __future__ import annotations

import argparse
from collections.abc import Callable

import pygit2

from pipeline.commands.options import add_key
from pipeline.workflow import gitrepo
from pipeline.workflow.outcome import Outcome, words
from pipeline.workflow.signing import SigningKey

Write = Callable[[pygit2.Repository, SigningKey, str], Outcome]


def add_decision(sub: argparse._SubParsersAction, name: str, write: Write, *, help: str,
                 note_help: str, note_required: bool = False) -> None:
    """The command ``name``: ``write`` (e.g. :func:`rounds.paraf`) with ``--note`` and
    ``--key``."""
    parser = sub.add_parser(name, help=help)
    parser.add_argument("--note", required=note_required, default="", help=note_help)
    add_key(parser)
    parser.set_defaults(func=lambda args: run(args, write))


def run(args: argparse.Namespace, write: Write) -> int:
    repo = gitrepo.open_repo()
    key = gitrepo.signing_key(repo, args.key)
    print(words(write(repo, key, args.note)))
    return 0
