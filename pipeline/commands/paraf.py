"""``lkjip paraf``: the current corrector's initialled approval of the round's content."""

from __future__ import annotations

import argparse

from pipeline.messages import workflow as msg
from pipeline.workflow import gitrepo, rounds
from pipeline.workflow.signing import resolve_signing_key
from pipeline.workflow.verify import Verdict, holder_names


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("paraf", help="beri paraf atas isi putaran ini (setuju)")
    parser.add_argument("--note", default="", help="catatan (tidak wajib)")
    parser.add_argument("--key", help="kunci SSH penanda tangan (bawaan: user.signingkey)")
    parser.set_defaults(func=run)


def report(verdict: Verdict, template: str) -> None:
    """Print what was recorded and who acts next (shared by paraf and sign)."""
    repo = gitrepo.open_repo()
    judged = rounds.judge(repo, repo.head.target)
    last = verdict.chain[-1]
    assert judged is not None
    sop, roster = judged[1].sop, judged[1].roster
    print(template.format(role=sop.title_of(last.role), round=verdict.round,
                          commit=last.commit[:10]))
    if verdict.next_step is not None:
        role = verdict.next_step.role
        print(msg.NEXT_TURN.format(role=sop.title_of(role), names=holder_names(roster, role)))


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = resolve_signing_key(gitrepo.signing_key_spec(repo, args.key))
    report(rounds.paraf(repo, key, args.note), msg.PARAF_DONE)
    return 0
