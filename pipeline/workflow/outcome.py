"""What a write to the SOP workflow returns, and what it says afterwards.

Every write (``lkjip submit``, ``paraf``, ``sign``, ``return``, ``merge``, and the review
page's buttons, which call the same functions) reads and judges its round once and returns an
:class:`Outcome`: the verdict of the round as the write left it, with the facts and the policy
behind it (the SOP's role titles, the roster's holders). :func:`words` tells it, one function
per event, in the same words wherever the write was made; no caller judges the round again to
word it, and no caller words it itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.messages import publish as pmsg
from pipeline.messages import workflow as msg
from pipeline.messages.events import event_name
from pipeline.workflow.sop import Sop
from pipeline.workflow.verify import Policy, RoundFacts, Verdict, holder_names


@dataclass(frozen=True)
class Outcome:
    action: str  # the event written: submit, paraf, sign, return, merge
    branch: str  # the branch that moved: the round's (main for a merge)
    commit: str  # the commit written
    name: str  # who acted, as the roster names the key's holder
    facts: RoundFacts  # the round after the write (merge: the round merged)
    policy: Policy  # the SOP and roster that judged it
    verdict: Verdict  # the one verdict the write reached

    @property
    def sop(self) -> Sop:
        return self.policy.sop


def _next_turn(outcome: Outcome) -> list[str]:
    step = outcome.verdict.next_step
    if step is None:
        return []
    return [msg.NEXT_TURN.format(role=outcome.sop.title_of(step.role),
                                 names=holder_names(outcome.policy.roster, step.role))]


def submitted(outcome: Outcome) -> list[str]:
    """A round opened, and whose turn it is."""
    step = outcome.verdict.next_step
    if step is None:  # pragma: no cover - a new round always waits for its first paraf
        return [outcome.branch]
    return [msg.SUBMITTED.format(event=event_name("submit", done=True), branch=outcome.branch,
                                 role=outcome.sop.title_of(step.role),
                                 names=holder_names(outcome.policy.roster, step.role))]


def _approval(outcome: Outcome) -> str:
    last = outcome.verdict.chain[-1]
    return msg.APPROVAL_DONE.format(event=event_name(outcome.action, capital=True),
                                    role=outcome.sop.title_of(last.role),
                                    round=outcome.verdict.round, commit=outcome.commit[:10])


def parafed(outcome: Outcome) -> list[str]:
    """A paraf recorded, and who acts next."""
    return [_approval(outcome), *_next_turn(outcome)]


def signed(outcome: Outcome) -> list[str]:
    """The signature recorded: the round is complete."""
    return [f"{_approval(outcome)} {msg.ROUND_NOW_COMPLETE}"]


def returned(outcome: Outcome) -> list[str]:
    """A return recorded, and to whom the draft goes."""
    back = outcome.verdict.returned
    assert back is not None  # the write checked it
    return [msg.RETURN_DONE.format(event=event_name("return", done=True),
                                   round=outcome.verdict.round,
                                   to=", ".join(outcome.sop.title_of(r) for r in back.to))]


def merged(outcome: Outcome) -> list[str]:
    """A signed round received into main."""
    return [pmsg.MERGED.format(event=event_name("merge", done=True),
                               round=outcome.verdict.round, name=outcome.name,
                               commit=outcome.commit[:10])]


WORDS: dict[str, Callable[[Outcome], list[str]]] = {
    "submit": submitted, "paraf": parafed, "sign": signed, "return": returned, "merge": merged,
}


def words(outcome: Outcome) -> str:
    """What the outcome says, line by line: the CLI prints it, the review page shows it."""
    return "\n".join(WORDS[outcome.action](outcome))
