"""``lkjip submit``: hand the consolidated draft to the correctors (opens the next round)."""

from __future__ import annotations

import argparse

from pipeline.messages import workflow as msg
from pipeline.workflow import gitrepo, rounds
from pipeline.workflow.signing import resolve_signing_key
from pipeline.workflow.verify import holder_names


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("submit", help="serahkan draft untuk dikoreksi (buka putaran baru)")
    parser.add_argument("--year", type=int, help="tahun siklus (bawaan: siklus terakhir)")
    parser.add_argument("--key", help="kunci SSH penanda tangan (bawaan: user.signingkey)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = resolve_signing_key(gitrepo.signing_key_spec(repo, args.key))
    branch = rounds.submit(repo, key, year=args.year)
    judged = rounds.judge(repo, repo.head.target)
    if judged is not None and judged[2].next_step is not None:
        _, policy, verdict = judged
        role = verdict.next_step.role
        print(msg.SUBMITTED.format(branch=branch, role=policy.sop.title_of(role),
                                   names=holder_names(policy.roster, role)))
    else:
        print(branch)
    return 0
