"""Which versions a reviewer compares: the previous round, or the one they last gave paraf on.

A paraf approves a tree (its commit has the tree it approved), so "since my last paraf" is the
paraf commit itself against the current round. Rounds are judged with the same
:func:`pipeline.workflow.verify.verify_round` as everywhere else.
"""

from __future__ import annotations

import pygit2

from pipeline.errors import UserError
from pipeline.messages import review as msg
from pipeline.workflow import gitrepo
from pipeline.workflow.facts import MainLine
from pipeline.workflow.roster import PublicKey
from pipeline.workflow.rounds import RoundRef, find_starts, judge, list_rounds


def current_year(repo: pygit2.Repository) -> int:
    """The year of the round HEAD is on, else of the newest cycle started on main."""
    if not repo.head_is_unborn and not repo.head_is_detached:
        parsed = gitrepo.parse_round_branch(repo.head.shorthand)
        if parsed:
            return parsed[0]
    starts = find_starts(repo)
    if not starts:
        raise UserError(msg.NO_CYCLE)
    return starts[0].year


def last_paraf(repo: pygit2.Repository, key: PublicKey, year: int) -> str | None:
    """The newest valid paraf (or signature) by ``key`` in the year's rounds, by commit id."""
    main = MainLine.of_main(repo)  # read once for every round looked at
    for ref in reversed(list_rounds(repo, year)):
        judged = judge(repo, ref.tip, main=main)
        if judged is None:
            continue
        verdict = judged[2]
        mine = [e for e in verdict.chain if e.fingerprint == key.fingerprint
                and e.action in ("paraf", "sign")]
        if mine:
            return mine[-1].commit
    return None


def previous_round(repo: pygit2.Repository, year: int, number: int) -> RoundRef | None:
    """The round before ``number`` of the year (the one reviewers saw last), if any."""
    earlier = [r for r in list_rounds(repo, year) if r.number < number]
    return earlier[-1] if earlier else None
