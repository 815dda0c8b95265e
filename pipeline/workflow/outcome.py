"""What a decision on a round says afterwards, in the same words wherever it was taken
(``lkjip paraf`` / ``sign`` / ``return``, or the review page's buttons)."""

from __future__ import annotations

import pygit2

from pipeline.messages import workflow as msg
from pipeline.workflow import rounds
from pipeline.workflow.verify import Verdict, holder_names


def approved_lines(repo: pygit2.Repository, verdict: Verdict, signing: bool) -> list[str]:
    """A paraf (or the signature) recorded, and who acts next."""
    judged = rounds.judge(repo, repo.head.target)
    assert judged is not None  # the commit just written is on a round
    sop, roster = judged[1].sop, judged[1].roster
    last = verdict.chain[-1]
    template = msg.SIGN_DONE if signing else msg.PARAF_DONE
    lines = [template.format(role=sop.title_of(last.role), round=verdict.round,
                             commit=last.commit[:10])]
    if verdict.next_step is not None:
        role = verdict.next_step.role
        lines.append(msg.NEXT_TURN.format(role=sop.title_of(role),
                                          names=holder_names(roster, role)))
    return lines


def returned_lines(repo: pygit2.Repository, verdict: Verdict) -> list[str]:
    """A return recorded, and to whom the draft goes."""
    judged = rounds.judge(repo, repo.head.target)
    assert verdict.returned is not None and judged is not None
    sop = judged[1].sop
    return [msg.RETURN_DONE.format(round=verdict.round,
                                   to=", ".join(sop.title_of(r) for r in verdict.returned.to))]
