"""``lkjip verify [REV]``: is REV's content covered by a complete, valid approval chain?"""

from __future__ import annotations

import argparse
from datetime import datetime

import pygit2

from pipeline.errors import UserError
from pipeline.messages import workflow as msg
from pipeline.workflow import gitrepo, rounds
from pipeline.workflow.verify import ChainEntry, explain


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("verify", help="periksa paraf dan tanda tangan sebuah putaran")
    parser.add_argument("rev", nargs="?", default="HEAD", metavar="REV",
                        help="cabang atau commit (bawaan: cabang saat ini)")
    parser.set_defaults(func=run)


def format_entry(entry: ChainEntry, title: str) -> str:
    when = datetime.fromtimestamp(entry.time).astimezone().strftime("%Y-%m-%d %H:%M %z")
    action = msg.ACTION_NAMES.get(entry.action, entry.action)
    return (f"  {entry.step:>2}. {action} {title}: {entry.name} (NIP {entry.nip}), {when}, "
            f"{entry.fingerprint}, commit {entry.commit[:10]}")


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    try:
        commit = repo.revparse_single(args.rev).peel(pygit2.Commit)
    except (KeyError, ValueError, pygit2.GitError):
        raise UserError(msg.BAD_REV.format(rev=args.rev)) from None
    judged = rounds.judge(repo, commit.id)
    if judged is None:
        raise UserError(msg.NOT_A_ROUND.format(rev=args.rev))
    _, policy, verdict = judged
    sop = policy.sop
    if verdict.ok:
        print(msg.VERIFY_OK.format(round=verdict.round, tree=verdict.rev_tree[:10]))
        print(msg.VERIFY_CHAIN_HEADER)
        for entry in verdict.chain:
            print(format_entry(entry, sop.title_of(entry.role)))
        return 0
    print(msg.VERIFY_FAILED.format(round=verdict.round))
    for line in explain(verdict, sop, policy.roster):
        print(f"  - {line}")
    if verdict.chain:
        print(msg.VERIFY_CHAIN_HEADER)
        for entry in verdict.chain:
            print(format_entry(entry, sop.title_of(entry.role)))
    return 1
