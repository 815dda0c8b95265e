"""Where the year's LKjIP is in the SOP, who must act next, and for how long they have waited.

:func:`read_cycle` gathers verdicts from the repository; :func:`describe_cycle` is pure and
decides the position, the next actor and whether the SOP's time standard is exceeded.
"""

from __future__ import annotations

import time as _time
from dataclasses import dataclass, field, replace
from datetime import timedelta

import pygit2

from pipeline.errors import UserError
from pipeline.messages import workflow as msg
from pipeline.workflow import gitrepo
from pipeline.workflow.facts import MainLine, roster_at, sop_at
from pipeline.workflow.policy import PolicyChanges, describe
from pipeline.workflow.roster import Roster
from pipeline.workflow.rounds import CycleStart, find_starts, list_rounds
from pipeline.workflow.sop import Sop, Step
from pipeline.workflow.validity import judge_round_branch
from pipeline.workflow.verify import ChainEntry, Verdict


@dataclass(frozen=True)
class RoundStatus:
    name: str
    branch: str
    verdict: Verdict
    merged: bool
    roster: Roster  # the effective roster that judges the round
    changes: PolicyChanges | None = None  # what it changes outside content/ and data/


@dataclass(frozen=True)
class NextAction:
    step: Step
    roles: tuple[str, ...]
    people: tuple[tuple[str, str], ...]  # (name, NIP) of every holder
    since: int
    waited: timedelta
    standard: timedelta  # the SOP's time standard for what is awaited
    overdue: bool
    what: str  # user-facing description of the awaited action


@dataclass(frozen=True)
class CycleStatus:
    year: int
    start: CycleStart
    rounds: tuple[RoundStatus, ...]
    position: str  # user-facing: where the draft is in the SOP
    next: NextAction | None
    sop: Sop = field(repr=False)
    not_rounds: tuple[tuple[str, str], ...] = ()  # (branch, why) of review/* that are no round


def is_overdue(since: int, now: int, standard: timedelta) -> bool:
    """Waited longer than the SOP's time standard (mutu baku)?"""
    return now - since > standard.total_seconds()


def fix_step(sop: Sop, returning: Step) -> Step:
    """The step in which the addressees of a return act: the nearest earlier step of theirs."""
    earlier = [s for s in sop.steps if s.number < returning.number
               and set(s.roles) & set(returning.returns_to)]
    return earlier[-1] if earlier else returning


def _next(step: Step, roles: tuple[str, ...], roster: Roster, since: int, now: int,
          what: str, standard: timedelta | None = None) -> NextAction:
    people = tuple((p.name, p.nip) for r in roles for p in roster.holders(r))
    standard = step.time_standard if standard is None else standard
    return NextAction(step, roles, people, since, timedelta(seconds=max(0, now - since)),
                      standard, is_overdue(since, now, standard), what)


def describe_cycle(sop: Sop, roster: Roster, start: CycleStart, rounds: list[RoundStatus],
                   now: int) -> CycleStatus:
    """The position and next actor from the judged rounds (pure)."""
    def status(position: str, nxt: NextAction | None) -> CycleStatus:
        return CycleStatus(start.year, start, tuple(rounds), position, nxt, sop)

    submit = sop.step("submit")
    if not rounds:
        # Steps 2-5: meeting, drafting and consolidation, measured against their sum.
        between = [s for s in sop.steps if sop.step("start").number < s.number <= submit.number]
        standard = sum((s.time_standard for s in between), timedelta())
        return status(msg.POS_DRAFTING, _next(submit, submit.roles, roster, start.time, now,
                                              msg.WHAT_SUBMIT, standard))
    last = rounds[-1]
    verdict = last.verdict
    if last.merged:
        return status(msg.POS_MERGED.format(round=last.name), None)
    if verdict.state == "invalid":
        return status(msg.POS_INVALID.format(round=last.name),
                      _next(submit, submit.roles, roster, verdict.since, now, msg.WHAT_RESUBMIT))
    if verdict.state == "returned" and verdict.returned is not None:
        returning = sop.step_number(verdict.returned.step) or submit
        step = fix_step(sop, returning)
        return status(msg.POS_RETURNED.format(round=last.name),
                      _next(step, returning.returns_to, roster, verdict.since, now,
                            msg.WHAT_FIX.format(note=verdict.returned.note)))
    if verdict.state == "complete":
        merge = sop.step("merge") if any(s.action == "merge" for s in sop.steps) else submit
        return status(msg.POS_SIGNED.format(round=last.name),
                      _next(merge, merge.roles, last.roster, verdict.since, now, msg.WHAT_MERGE))
    step = verdict.next_step
    assert step is not None
    what = msg.WHAT_SIGN if step.action == "sign" else msg.WHAT_PARAF
    return status(msg.POS_IN_ROUND.format(round=last.name, step=step.number),
                  _next(step, (step.role,), last.roster, verdict.since, now, what))


def read_cycle(repo: pygit2.Repository, year: int | None = None,
               now: int | None = None) -> CycleStatus:
    starts = find_starts(repo)
    if year is None and starts:
        year = starts[0].year
    start = next((s for s in starts if s.year == year), None)
    if start is None:
        raise UserError(msg.CYCLE_NOT_STARTED.format(year=year or "ini"))
    tip = gitrepo.main_tip(repo)
    main = MainLine(repo, tip)  # every round is judged against the same line: read it once
    rounds = []
    not_rounds = []
    for ref in list_rounds(repo, start.year):
        # Only valid rounds count (one rule: validity.round_problem); any other branch with a
        # round's name is reported once and changes nothing else.
        judged = judge_round_branch(repo, ref.year, ref.number, ref.tip, main)
        if judged.problem is not None:
            not_rounds.append((ref.branch, judged.problem))
            continue
        facts, policy, verdict = judged.facts, judged.policy, judged.verdict
        assert facts is not None and policy is not None and verdict is not None
        rounds.append(RoundStatus(ref.name, ref.branch, verdict, facts.merged, policy.roster,
                                  facts.changes))
    now = int(_time.time()) if now is None else now
    status = describe_cycle(sop_at(repo, tip), roster_at(repo, tip), start, rounds, now)
    return replace(status, not_rounds=tuple(not_rounds))


def to_json(status: CycleStatus) -> dict[str, object]:
    """The same status as plain data, for CI and dashboards."""
    def entry(e: ChainEntry | None) -> dict[str, object] | None:
        if e is None:
            return None
        return {"step": e.step, "role": e.role, "action": e.action, "name": e.name,
                "nip": e.nip, "time": e.time, "fingerprint": e.fingerprint, "commit": e.commit,
                "note": e.note, "to": list(e.to)}
    nxt = status.next
    return {
        "year": status.year,
        "start": {"commit": status.start.commit, "time": status.start.time,
                  "name": status.start.name, "nip": status.start.nip},
        "position": status.position,
        "next": None if nxt is None else {
            "step": nxt.step.number, "roles": list(nxt.roles),
            "people": [{"name": n, "nip": nip} for n, nip in nxt.people],
            "what": nxt.what, "since": nxt.since,
            "waited_seconds": int(nxt.waited.total_seconds()),
            "time_standard_seconds": int(nxt.standard.total_seconds()),
            "overdue": nxt.overdue,
        },
        "rounds": [{
            "name": r.name, "branch": r.branch, "state": r.verdict.state, "merged": r.merged,
            "handoff": entry(r.verdict.handoff),
            "chain": [entry(e) for e in r.verdict.chain],
            "voided": [entry(e) for e in r.verdict.voided],
            "returned": entry(r.verdict.returned),
            "problems": [{"code": p.code, "text": p.text, "commit": p.commit}
                         for p in r.verdict.problems],
            "changes_outside_content": policy_json(r.changes, status.sop),
        } for r in status.rounds],
        "not_rounds": [{"branch": b, "reason": why} for b, why in status.not_rounds],
    }


def policy_json(changes: PolicyChanges | None, sop: Sop) -> dict[str, object] | None:
    if changes is None:
        return None
    return {"areas": list(changes.areas), "paths": {a: list(p) for a, p in changes.paths.items()},
            "text": describe(changes, sop)}
