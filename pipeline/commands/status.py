"""``lkjip status [--json] [--exit-code]``: the year's cycle, who acts next, what is overdue.

Every normal state of the cycle (not started, waiting for someone, overdue, done) exits 0:
CI runs this on every branch and a job must not fail because nobody has acted yet. Scripts
that want the state as an exit code pass ``--exit-code`` (see :data:`EXIT_CODES`).
"""

from __future__ import annotations

import argparse
import json

from pipeline.messages import format_time
from pipeline.messages import workflow as msg
from pipeline.messages.events import event_name, state_name
from pipeline.workflow import gitrepo
from pipeline.workflow.policy import describe
from pipeline.workflow.records import summary
from pipeline.workflow.sop import format_duration
from pipeline.workflow.status import CycleNotStarted, CycleStatus, read_cycle, to_json

# --exit-code: the state as the exit status (1 and 2 stay "cannot run", as everywhere).
EXIT_DONE = 0  # nobody has to act (merged, or delivered)
EXIT_NOT_STARTED = 3
EXIT_WAITING = 4  # someone has to act, within the SOP's time standard
EXIT_OVERDUE = 5  # someone has to act and the time standard has passed


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("status", help="posisi LKjIP dalam SOP dan siapa yang bertindak")
    parser.add_argument("--year", type=int, help="tahun siklus (bawaan: siklus terakhir)")
    parser.add_argument("--json", action="store_true", help="keluaran JSON untuk CI/dasbor")
    parser.add_argument("--exit-code", action="store_true", help=msg.STATUS_HELP_EXIT_CODE)
    parser.set_defaults(func=run)


def render(status: CycleStatus) -> str:
    sop = status.sop
    lines = [msg.STATUS_TITLE.format(year=status.year, time=format_time(status.start.time),
                                     name=status.start.name),
             msg.STATUS_POSITION.format(position=status.position)]
    lines += next_lines(status)
    lines += record_lines(status)
    if status.rounds:
        lines.append(msg.STATUS_ROUNDS)
    for r in status.rounds:
        state = "merged" if r.merged else r.verdict.state
        lines.append(msg.STATUS_ROUND.format(name=r.name, branch=r.branch,
                                             state=state_name(state)))
        if r.changes is not None:
            lines += [f"    {line}" for line in describe(r.changes, sop)]
        for e in r.verdict.chain:
            lines.append(msg.STATUS_CHAIN_ITEM.format(
                event=event_name(e.action), role=sop.title_of(e.role), name=e.name,
                nip=e.nip, time=format_time(e.time)))
        if r.verdict.returned is not None:
            e = r.verdict.returned
            lines.append(msg.STATUS_RETURN_ITEM.format(
                event=event_name(e.action, done=True), role=sop.title_of(e.role),
                name=e.name, time=format_time(e.time), note=e.note,
                to=", ".join(sop.title_of(t) for t in e.to)))
        for p in r.verdict.problems:
            lines.append(msg.STATUS_PROBLEM_ITEM.format(problem=p))
    if status.not_rounds:
        lines.append(msg.STATUS_NOT_ROUNDS)
        lines += [msg.STATUS_NOT_ROUND_ITEM.format(branch=b, reason=why)
                  for b, why in status.not_rounds]
    return "\n".join(lines)


def next_lines(status: CycleStatus) -> list[str]:
    """Who acts next (and after them), by role and name, and the wait in working time."""
    sop = status.sop
    lines: list[str] = []
    nxt = status.next
    if nxt is None:
        lines.append(msg.STATUS_DONE_DELIVERED if status.done else msg.STATUS_DONE)
    else:
        lines.append(msg.STATUS_NEXT.format(
            role=", ".join(sop.title_of(r) for r in nxt.roles), names=_names(nxt.people),
            step=nxt.step.number, what=nxt.what))
        if nxt.then is not None:
            lines.append(msg.STATUS_THEN.format(
                role=", ".join(sop.title_of(r) for r in nxt.then.roles),
                names=_names(nxt.then.people), step=nxt.then.step.number, what=nxt.then.what))
        if nxt.measure is not None:
            m = nxt.measure
            lines.append(msg.STATUS_WORKTIME.format(
                since=format_time(nxt.since), worked=m.worked_text(),
                standard=m.standard_text(), deadline=format_time(m.deadline),
                verdict=m.verdict_text()))
        else:
            waited = msg.STATUS_WAITED.format(since=format_time(nxt.since),
                                              waited=format_duration(nxt.waited),
                                              standard=format_duration(nxt.standard))
            lines.append(waited + (f" {msg.STATUS_OVERDUE}" if nxt.overdue else ""))
    return lines


def _names(people: tuple[tuple[str, str], ...]) -> str:
    return ", ".join(f"{n} (NIP {nip})" for n, nip in people) or msg.NOBODY


def record_lines(status: CycleStatus) -> list[str]:
    """The records of steps 2, 3, 5 and 10 (catatan/<year>), and any that do not verify."""
    log = status.records
    if log is None or (not log.records and not log.problems):
        return []
    lines = [msg.STATUS_RECORDS.format(branch=log.branch)]
    for r in log.records:
        lines.append(msg.STATUS_RECORD_ITEM.format(
            step=r.step, kind=msg.RECORD_KINDS[r.action], summary=summary(r), name=r.name,
            role=status.sop.title_of(r.role), time=format_time(r.time)))
    lines += [msg.STATUS_RECORD_PROBLEM.format(problem=p) for p in log.problems]
    return lines


def run(args: argparse.Namespace) -> int:
    try:
        status = read_cycle(gitrepo.open_repo(), args.year)
    except CycleNotStarted as exc:
        if args.json:
            print(json.dumps({"started": False, "message": exc.message}, ensure_ascii=False,
                             indent=2))
        else:
            print(exc.message)
        return EXIT_NOT_STARTED if args.exit_code else 0
    if args.json:
        print(json.dumps(to_json(status), ensure_ascii=False, indent=2))
    else:
        print(render(status))
    if not args.exit_code or status.next is None:
        return EXIT_DONE
    return EXIT_OVERDUE if status.next.overdue else EXIT_WAITING
