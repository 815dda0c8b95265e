"""``lkjip return --note TEXT``: send the draft back one level down, closing the round."""

from __future__ import annotations

import argparse

from pipeline.messages import workflow as msg
from pipeline.workflow import gitrepo, rounds
from pipeline.workflow.facts import round_facts_and_policy
from pipeline.workflow.signing import resolve_signing_key


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("return", help="kembalikan draft untuk diperbaiki (tutup putaran)")
    parser.add_argument("--note", required=True, help="catatan koreksi untuk penerima")
    parser.add_argument("--key", help="kunci SSH penanda tangan (bawaan: user.signingkey)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = resolve_signing_key(gitrepo.signing_key_spec(repo, args.key))
    verdict = rounds.return_round(repo, key, args.note)
    found = round_facts_and_policy(repo, repo.head.target)
    assert verdict.returned is not None and found is not None
    sop = found[1].sop
    print(msg.RETURN_DONE.format(round=verdict.round,
                                 to=", ".join(sop.title_of(r) for r in verdict.returned.to)))
    return 0
