"""``lkjip verify [REV]``: is REV's content covered by a complete, valid approval chain?

``lkjip verify --branch main`` judges main as a whole instead: from the trust anchor, every
commit on its first-parent line is a signed ``lkjip start`` or the merge of a verified round.
"""

from __future__ import annotations

import argparse

import pygit2

from pipeline.errors import UserError
from pipeline.messages import format_time
from pipeline.messages import publish as pmsg
from pipeline.messages import workflow as msg
from pipeline.messages.events import event_name
from pipeline.publish.mainline import judge_main
from pipeline.workflow import gitrepo, rounds
from pipeline.workflow.facts import default_anchor
from pipeline.workflow.policy import describe
from pipeline.workflow.verify import ChainEntry, explain


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("verify", help="periksa paraf dan tanda tangan sebuah putaran")
    parser.add_argument("rev", nargs="?", default="HEAD", metavar="REV",
                        help="cabang atau commit (bawaan: cabang saat ini)")
    parser.add_argument("--branch", choices=[gitrepo.MAIN], metavar="main",
                        help="periksa seluruh riwayat main sejak jangkar kepercayaan")
    parser.set_defaults(func=run)


def format_entry(entry: ChainEntry, title: str) -> str:
    return msg.VERIFY_CHAIN_ITEM.format(
        step=entry.step, event=event_name(entry.action), role=title, name=entry.name,
        nip=entry.nip, time=format_time(entry.time), fingerprint=entry.fingerprint,
        commit=entry.commit[:10])


def run_main(repo: pygit2.Repository) -> int:
    tip = gitrepo.main_tip(repo)
    verdict = judge_main(repo, tip)
    anchor = (verdict.anchor or "?")[:10]
    if not verdict.ok:
        print(pmsg.MAIN_FAILED.format(tip=str(tip)[:10], anchor=anchor))
        for problem in verdict.problems:
            print(f"  - {problem}")
        if verdict.anchor is None:
            line = gitrepo.first_parent_line(repo, tip)
            candidate = default_anchor(repo, line)
            if candidate is not None:
                print(pmsg.MAIN_ANCHOR_CANDIDATE.format(commit=candidate))
        return 1
    print(pmsg.MAIN_OK.format(tip=str(tip)[:10], anchor=anchor, merges=len(verdict.merges),
                              starts=len(verdict.starts)))
    for commit, round_verdict in verdict.merges:
        print(pmsg.MAIN_MERGE_LINE.format(commit=commit[:10], round=round_verdict.round,
                                          tree=round_verdict.rev_tree[:10]))
    return 0


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    if args.branch:
        return run_main(repo)
    try:
        commit = repo.revparse_single(args.rev).peel(pygit2.Commit)
    except (KeyError, ValueError, pygit2.GitError):
        raise UserError(msg.BAD_REV.format(rev=args.rev)) from None
    judged = rounds.judge(repo, commit.id)
    if judged is None:
        raise UserError(msg.NOT_A_ROUND.format(rev=args.rev))
    facts, policy, verdict = judged
    sop = policy.sop
    if facts.changes is not None:  # seen before approved: at the top, before the verdict
        for line in describe(facts.changes, sop):
            print(line)
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
