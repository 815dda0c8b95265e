"""Where the year's LKjIP is in the SOP, who must act next, and for how long they have waited.

:func:`read_cycle` gathers verdicts from the repository; :func:`describe_cycle` is pure and
decides the position, the next actor and whether the SOP's time standard is exceeded.
"""

from __future__ import annotations

import time as _time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import timedelta

import pygit2

from pipeline.errors import UserError
from pipeline.messages import format_time
from pipeline.messages import workflow as msg
from pipeline.workflow import gitrepo
from pipeline.workflow.facts import MainLine, roster_at, sop_at
from pipeline.workflow.policy import PolicyChanges, describe
from pipeline.workflow.records import RecordLog, read_records
from pipeline.workflow.roster import Roster
from pipeline.workflow.rounds import CycleStart, find_starts, list_rounds
from pipeline.workflow.sop import Sop, Step
from pipeline.workflow.validity import judge_round_branch
from pipeline.workflow.verify import ChainEntry, Verdict
from pipeline.workflow.worktime import (
    HOLIDAYS_PATH,
    Calendar,
    Measure,
    measure,
    office_calendar,
    parse_declared,
)


@dataclass(frozen=True)
class RoundStatus:
    name: str
    branch: str
    verdict: Verdict
    merged: bool  # brought into main by its own signed merge (a returned round never is)
    roster: Roster  # the effective roster that judges the round
    merged_at: int = 0  # time of the merge commit (step 9), when merged
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
    measure: Measure | None = None  # the wait in working time against the standard
    then: Actor | None = None  # who acts after them (after a return: staf submits again)


@dataclass(frozen=True)
class Actor:
    """Who acts at a step, each holder by name."""

    step: Step
    roles: tuple[str, ...]
    people: tuple[tuple[str, str], ...]  # (name, NIP)
    what: str


@dataclass(frozen=True)
class CycleStatus:
    year: int
    start: CycleStart
    rounds: tuple[RoundStatus, ...]
    position: str  # user-facing: where the draft is in the SOP
    next: NextAction | None
    sop: Sop = field(repr=False)
    records: RecordLog | None = None  # steps 2, 3, 5 (returns) and 10 (catatan/<year>)
    calendar: Calendar = field(default_factory=Calendar, repr=False)
    done: bool = False  # delivery (step 10) is recorded after the last merge
    not_rounds: tuple[tuple[str, str], ...] = ()  # (branch, why) of review/* that are no round


def is_overdue(since: int, now: int, standard: timedelta,
               calendar: Calendar | None = None) -> bool:
    """Waited longer than the SOP's time standard (mutu baku), in working time?"""
    return measure(calendar or Calendar(), since, now, standard).over


def fix_step(sop: Sop, returning: Step) -> Step:
    """The step in which the addressees of a return act: the nearest earlier step of theirs."""
    earlier = [s for s in sop.steps if s.number < returning.number
               and set(s.roles) & set(returning.returns_to)]
    return earlier[-1] if earlier else returning


def correctors(sop: Sop, returning: Step) -> tuple[str, ...]:
    """Who corrects after ``returning`` sends the draft back: its addressees, except that a
    draft sent back to the submitting role (staf) is relayed to the submit step's own
    addressees (the SOP: "dikembalikan kepada Staf untuk disampaikan kepada Irbhan dan
    Kasubbag untuk diperbaiki")."""
    submit = sop.step("submit")
    if set(returning.returns_to) <= set(submit.roles) and submit.returns_to:
        return submit.returns_to
    return returning.returns_to


def _people(roles: tuple[str, ...], roster: Roster) -> tuple[tuple[str, str], ...]:
    return tuple((p.name, p.nip) for r in roles for p in roster.holders(r))


def _next(step: Step, roles: tuple[str, ...], roster: Roster, since: int, now: int,
          what: str, standard: timedelta | None = None, calendar: Calendar | None = None,
          then: Actor | None = None) -> NextAction:
    standard = step.time_standard if standard is None else standard
    measured = measure(calendar or Calendar(), since, now, standard)
    return NextAction(step, roles, _people(roles, roster), since,
                      timedelta(seconds=max(0, now - since)), standard, measured.over, what,
                      measured, then)


def _resubmit(sop: Sop, roster: Roster) -> Actor:
    submit = sop.step("submit")
    return Actor(submit, submit.roles, _people(submit.roles, roster), msg.WHAT_THEN_SUBMIT)


def describe_cycle(sop: Sop, roster: Roster, start: CycleStart, rounds: list[RoundStatus],
                   now: int, records: RecordLog | None = None,
                   calendar: Calendar | None = None, released: str | None = None,
                   ) -> CycleStatus:
    """The position and next actor from the judged rounds and the records (pure).

    ``released``: the newest release tag of the cycle, if any (only changes the wording of
    step 10). The cycle is done only when a delivery is recorded after the last merge.
    """
    calendar = calendar or Calendar()
    log = records or RecordLog(start.year, None)

    def status(position: str, nxt: NextAction | None, done: bool = False) -> CycleStatus:
        return CycleStatus(start.year, start, tuple(rounds), position, nxt, sop, records,
                           calendar, done)

    def nxt(step: Step, roles: tuple[str, ...], since: int, what: str,
            standard: timedelta | None = None, then: Actor | None = None,
            who: Roster = roster) -> NextAction:
        return _next(step, roles, who, since, now, what, standard, calendar, then)

    submit = sop.step("submit")
    if not rounds:
        return status(*_before_rounds(sop, roster, start, log, nxt))
    last = rounds[-1]
    verdict = last.verdict
    if last.merged:
        deliver = sop.find_step("deliver")
        delivered = log.latest("deliver")
        if delivered is not None and delivered.time >= last.merged_at:
            f = delivered.fields
            return status(msg.POS_DELIVERED.format(
                year=start.year, tag=f["tag"], to=f["kepada"], time=format_time(delivered.time),
                copies=f["eksemplar"]), None, done=True)
        if deliver is None:  # an SOP without a delivery step ends with the merge
            return status(msg.POS_MERGED.format(round=last.name), None, done=True)
        what = (msg.WHAT_DELIVER_RELEASED.format(tag=released) if released
                else msg.WHAT_DELIVER)
        return status(msg.POS_MERGED_WAITING.format(round=last.name),
                      nxt(deliver, deliver.roles, last.merged_at or verdict.since, what))
    if verdict.state == "invalid":
        return status(msg.POS_INVALID.format(round=last.name),
                      nxt(submit, submit.roles, verdict.since, msg.WHAT_RESUBMIT))
    if verdict.state == "returned" and verdict.returned is not None:
        returning = sop.step_number(verdict.returned.step) or submit
        step = fix_step(sop, returning)
        fixers = correctors(sop, returning)
        return status(
            msg.POS_RETURNED_TO.format(
                round=last.name, role=sop.title_of(verdict.returned.role),
                to=", ".join(sop.title_of(r) for r in returning.returns_to)),
            nxt(step, fixers, verdict.since,
                msg.WHAT_FIX_DRAFT.format(note=" ".join(verdict.returned.note.split())),
                then=_resubmit(sop, roster)))
    if verdict.state == "complete":
        merge = sop.find_step("merge") or submit
        return status(msg.POS_SIGNED.format(round=last.name),
                      nxt(merge, merge.roles, verdict.since, msg.WHAT_MERGE, who=last.roster))
    step = verdict.next_step
    assert step is not None
    what = msg.WHAT_SIGN if step.action == "sign" else msg.WHAT_PARAF
    return status(msg.POS_IN_ROUND.format(round=last.name, step=step.number),
                  nxt(step, (step.role,), verdict.since, what, who=last.roster))


def _before_rounds(sop: Sop, roster: Roster, start: CycleStart, log: RecordLog,
                   nxt: Callable[..., NextAction]) -> tuple[str, NextAction]:
    """Steps 2 to 5: the agenda, the meeting, the drafting, a data return, the submit."""
    submit = sop.step("submit")
    agenda, minutes = sop.find_step("agenda"), sop.find_step("minutes")
    latest = log.latest("agenda", "minutes", "data-return")
    if latest is not None and latest.action == "data-return":
        fixers = correctors(sop, submit)
        step = fix_step(sop, submit)
        return (
            msg.POS_DATA_RETURNED.format(to=", ".join(sop.title_of(r) for r in fixers),
                                         time=format_time(latest.time)),
            nxt(step, fixers, latest.time,
                msg.WHAT_FIX_DRAFT.format(note=msg.RECORD_KINDS["data-return"]
                                          + f" ({latest.path})"),
                then=_resubmit(sop, roster)))
    if latest is None and agenda is not None:
        return msg.POS_STARTED, nxt(agenda, agenda.roles, start.time, msg.WHAT_AGENDA)
    if latest is not None and latest.action == "agenda" and minutes is not None:
        f = latest.fields
        return (
            msg.POS_AGENDA.format(date=f"{f['tanggal']} {f.get('jam', '')}".strip(),
                                  place=f["tempat"]),
            nxt(minutes, minutes.roles, latest.time, msg.WHAT_MINUTES))
    # The meeting is minuted (or the SOP records neither): the drafting of step 4, then the
    # submit of step 5, measured together from the last record (or the start).
    since = latest.time if latest is not None else start.time
    after = (latest.step if latest is not None else sop.step("start").number)
    between = [s for s in sop.steps if after < s.number <= submit.number]
    standard = sum((s.time_standard for s in between), timedelta())
    drafting = fix_step(sop, submit)
    position = msg.POS_MINUTES if latest is not None else msg.POS_DRAFTING
    if drafting is submit:
        return position, nxt(submit, submit.roles, since, msg.WHAT_SUBMIT, standard)
    return position, nxt(drafting, drafting.roles, since, msg.WHAT_DRAFT, standard,
                         then=_resubmit(sop, roster))


class CycleNotStarted(UserError):
    """No ``lkjip start`` for the year yet: a normal state (a new repository), not a failure."""


def read_cycle(repo: pygit2.Repository, year: int | None = None,
               now: int | None = None) -> CycleStatus:
    starts = find_starts(repo)
    if year is None and starts:
        year = starts[0].year
    start = next((s for s in starts if s.year == year), None)
    if start is None:
        raise CycleNotStarted(msg.CYCLE_NOT_STARTED.format(year=year or "ini"))
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
        merged_at = 0
        if facts.merged:
            index = main.merge_point(facts.rev)
            merged_at = repo.get(main.line[index]).commit_time if index is not None else 0
        rounds.append(RoundStatus(ref.name, ref.branch, verdict, facts.merged, policy.roster,
                                  merged_at, facts.changes))
    now = int(_time.time()) if now is None else now
    sop = sop_at(repo, tip)
    declared = parse_declared(gitrepo.read_text_at(repo, tip, HOLIDAYS_PATH))
    status = describe_cycle(sop, roster_at(repo, tip), start, rounds, now,
                            read_records(repo, start.year, main),
                            office_calendar(sop.hours, declared.items()),
                            latest_release(repo, start.year))
    return replace(status, not_rounds=tuple(not_rounds))


def latest_release(repo: pygit2.Repository, year: int) -> str | None:
    """The newest release tag of the year (lkjip-2025, lkjip-2025-rev1, ...), by name only:
    it changes the wording of step 10, never a verdict."""
    tags = {r.removeprefix("refs/tags/") for r in repo.references
            if r.startswith(f"refs/tags/lkjip-{year}")}
    found = None
    name, n = f"lkjip-{year}", 0
    while name in tags:
        found = name
        n += 1
        name = f"lkjip-{year}-rev{n}"
    return found


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
            "working_seconds": nxt.measure.worked if nxt.measure else None,
            "working_standard_seconds": nxt.measure.standard if nxt.measure else None,
            "working_remaining_seconds": nxt.measure.remaining if nxt.measure else None,
            "deadline": nxt.measure.deadline if nxt.measure else None,
            "then": None if nxt.then is None else {
                "step": nxt.then.step.number, "roles": list(nxt.then.roles),
                "people": [{"name": n, "nip": nip} for n, nip in nxt.then.people],
                "what": nxt.then.what},
        },
        "done": status.done,
        "records": [] if status.records is None else [{
            "action": r.action, "step": r.step, "role": r.role, "name": r.name, "nip": r.nip,
            "time": r.time, "commit": r.commit, "path": r.path, "files": list(r.files),
        } for r in status.records.records],
        "record_problems": [] if status.records is None else [
            {"code": p.code, "text": p.text, "commit": p.commit}
            for p in status.records.problems],
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
