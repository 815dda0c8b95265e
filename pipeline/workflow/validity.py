"""Is a ``review/<year>/<n>`` branch a round at all? One rule, for every reader.

Anyone with push access can create a branch with a round's name. It counts as a round only
when it begins with a valid signed hand-off (``lkjip submit``): signed by a holder of the
SOP's submit role (staf) in the roster of main at the hand-off's base, with a base on main,
its areas recorded truthfully, and naming this very round (``Lkjip-Round: <year>/<n>``).
Anything else is not a round: status and the history page leave it out of the cycle and
report it once as not valid; the server hook refuses to create it.

:func:`round_problem` is pure (facts and policy in, a user-facing reason or None out);
:func:`judge_round_branch` reads the facts and applies it.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygit2

from pipeline.messages import workflow as msg
from pipeline.workflow.facts import MainLine, round_facts_and_policy
from pipeline.workflow.verify import Policy, RoundFacts, Verdict, check_handoff, verify_round


def round_problem(year: int, number: int,
                  found: tuple[RoundFacts, Policy] | None) -> str | None:
    """Why the branch ``review/<year>/<number>`` with these facts is not a valid round, or
    None when it is one (whatever the state of its chain: open, returned, signed...)."""
    if found is None:
        return msg.ROUND_NO_HANDOFF
    facts, policy = found
    claimed = facts.handoff.trailers.get("Round")
    if claimed != f"{year}/{number}" or facts.handoff.trailers.get("Year") != str(year):
        return msg.ROUND_NAME_MISMATCH.format(claimed=claimed or "-", round=f"{year}/{number}")
    _, problems = check_handoff(facts, policy)
    if problems:
        return msg.ROUND_BAD_HANDOFF.format(problems="; ".join(str(p) for p in problems))
    return None


@dataclass(frozen=True)
class JudgedBranch:
    """A round branch read and judged: ``problem`` set means it is not a round."""

    year: int
    number: int
    tip: str
    problem: str | None
    facts: RoundFacts | None = None
    policy: Policy | None = None
    verdict: Verdict | None = None

    @property
    def valid(self) -> bool:
        return self.problem is None


def judge_round_branch(repo: pygit2.Repository, year: int, number: int,
                       tip: pygit2.Oid | str, main: MainLine | None = None) -> JudgedBranch:
    """Read the round ``tip`` belongs to and apply :func:`round_problem`; a valid round also
    gets its verdict (``verify_round``)."""
    found = round_facts_and_policy(repo, tip, main=main)
    problem = round_problem(year, number, found)
    if problem is not None or found is None:
        return JudgedBranch(year, number, str(tip), problem)
    facts, policy = found
    return JudgedBranch(year, number, str(tip), None, facts, policy,
                        verify_round(facts, policy))
