"""The site's "Riwayat Penyusunan" page: the cycle as a reviewer would tell it.

A pure function of the workflow facts (:class:`pipeline.workflow.status.CycleStatus`, whose
rounds carry the verdicts of :func:`verify_round`): every round with its redline link, who
submitted it, each paraf and signature with name, role, time and verification status, who
returned it and why, and how long each SOP step took against its time standard (mutu baku).
The result is Markdown for a generated page of the site; :func:`history_files` adds the
redline pages it links to (the only part here that reads Git); :mod:`pipeline.review.site`
hands both to ``lkjip build``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import pygit2

from pipeline.errors import UserError
from pipeline.messages import format_time
from pipeline.messages import review as msg
from pipeline.messages.events import event_name, state_name
from pipeline.review import HISTORY_PAGE as PAGE_NAME
from pipeline.review import snapshot
from pipeline.review.isolation import render_revisions
from pipeline.review.redline import make_redline, redline_page
from pipeline.templating import macros
from pipeline.workflow import gitrepo
from pipeline.workflow.records import record_rows
from pipeline.workflow.sop import Sop, Step
from pipeline.workflow.status import CycleStatus, RoundStatus, fix_step, read_cycle
from pipeline.workflow.verify import ChainEntry
from pipeline.workflow.worktime import Calendar, format_working, measure


@dataclass(frozen=True)
class _Row:
    cells: tuple[tuple[str, ...], ...]  # each cell: its lines (joined by <br>)
    note: str = ""


def _html() -> Any:
    """The page's HTML pieces (:file:`templates/history.html`), autoescaped."""
    return macros("pipeline.review", "history.html")


def _took(calendar: Calendar, start: int, end: int,
          standard: timedelta | None) -> tuple[str, str]:
    """A step's duration in working time, the same measure as ``lkjip status``."""
    if standard is None:
        return format_working(calendar.worked(start, end), calendar.hours.day_seconds), ""
    m = measure(calendar, start, end, standard)
    took = msg.HISTORY_OVER.format(took=m.worked_text()) if m.over else m.worked_text()
    return took, m.standard_text()


def _row(sop: Sop, entry: ChainEntry, previous: int, standard: timedelta | None,
         verification: str, calendar: Calendar) -> _Row:
    """The event's row, and under it, across the table, its note (notes can be paragraphs)."""
    took, std = _took(calendar, previous, entry.time, standard)
    cells = (
        (str(entry.step),), (sop.title_of(entry.role),),
        (event_name(entry.action),),
        (entry.name, msg.HISTORY_NIP.format(nip=entry.nip)),
        (format_time(entry.time),), (took,), (std,), (verification,))
    note = msg.HISTORY_NOTE.format(note=entry.note) if entry.note.strip() else ""
    return _Row(cells, note)


def _table(rows: list[_Row]) -> str:
    """The report's own table style (an HTML block: Markdown tables get Material's, which
    would not fit nine columns)."""
    return str(_html().table(msg.HISTORY_HEAD, rows))


def _step(sop: Sop, number: int) -> Step | None:
    return sop.step_number(number)


def _round(sop: Sop, status: RoundStatus, since: int, link: str | None,
           handoff_standard: timedelta, calendar: Calendar) -> list[str]:
    """One round's table; the hand-off's time is measured from ``since`` (the cycle's start or
    the previous return) against ``handoff_standard`` (drafting, or fixing after a return)."""
    verdict = status.verdict
    state = state_name(verdict.state)
    lines = [f"## {msg.HISTORY_ROUND.format(round=status.name)}", "",
             msg.HISTORY_ROUND_STATE.format(state=state,
                                            merged=msg.HISTORY_MERGED if status.merged else "")]
    if link:
        lines += ["", link]
    rows: list[_Row] = []
    ok = msg.HISTORY_VERIFIED if not verdict.problems else msg.HISTORY_NOT_VERIFIED
    previous = since
    if verdict.handoff is not None:
        handoff = verdict.handoff
        rows.append(_row(sop, handoff, previous, handoff_standard, ok, calendar))
        previous = handoff.time
    voided = {e.commit for e in verdict.voided}
    events = sorted([*verdict.chain, *verdict.voided], key=lambda e: e.time)
    if verdict.returned is not None:
        events.append(verdict.returned)
    for entry in events:
        step = _step(sop, entry.step)
        mark = msg.HISTORY_VOIDED if entry.commit in voided else ok
        rows.append(_row(sop, entry, previous, step.time_standard if step else None, mark,
                         calendar))
        previous = entry.time
    lines += ["", _table(rows)]
    if verdict.problems:
        lines += ["", msg.HISTORY_PROBLEMS, "", str(_html().list(verdict.problems))]
    return lines


def history_markdown(status: CycleStatus, redlines: Mapping[str, tuple[str, str]] | None = None,
                     ) -> str:
    """The page as Markdown (pure). ``redlines``: round name -> (what it is compared with,
    link to the redline page), e.g. ``{"2025/2": ("2025/1", "redline/2025-1-2025-2.html")}``."""
    sop, start = status.sop, status.start
    redlines = redlines or {}
    lines = ["---", "cetak: false", "---", "", f"# {msg.HISTORY_TITLE}", "",
             msg.HISTORY_INTRO.format(year=status.year, sop=sop.id), "",
             str(_html().paragraph(msg.HISTORY_CYCLE.format(
                 name=start.name, nip=start.nip, time=format_time(start.time)))),
             "", str(_html().paragraph(msg.HISTORY_POSITION.format(position=status.position))),
             ""]
    if status.next is not None:
        nxt = status.next
        m = measure(status.calendar, nxt.since, nxt.since, nxt.standard)
        lines += [str(_html().paragraph(msg.HISTORY_WAITING.format(
            what=nxt.what, since=format_time(nxt.since),
            standard=m.standard_text(), deadline=format_time(m.deadline)))), ""]
    if not status.rounds:
        lines.append(msg.HISTORY_NO_ROUNDS)
    if status.not_rounds:
        lines += ["", str(_html().paragraph(msg.HISTORY_NOT_ROUNDS)), str(_html().list(
            [msg.HISTORY_NOT_ROUND.format(branch=b, reason=why) for b, why in status.not_rounds]
        )), ""]
    since = start.time
    submit = sop.step("submit")
    drafting = sum((s.time_standard for s in sop.steps
                    if sop.step("start").number < s.number <= submit.number), timedelta())
    for index, round_status in enumerate(status.rounds):
        verdict = round_status.verdict
        standard = drafting
        if index > 0:
            returned = status.rounds[index - 1].verdict.returned
            returning = sop.step_number(returned.step) if returned else None
            standard = (fix_step(sop, returning) if returning else submit).time_standard
        compared = redlines.get(round_status.name)
        link = msg.HISTORY_REDLINE.format(old=compared[0], href=compared[1]) if compared else None
        lines += [""] + _round(sop, round_status, since, link, standard, status.calendar)
        last = [e.time for e in (verdict.returned, *verdict.chain) if e is not None]
        since = max(last) if last else (verdict.handoff.time if verdict.handoff else since)
    lines += _records(status)  # steps 2, 3, 5 (returns) and 10: pipeline.workflow.records
    return "\n".join(lines) + "\n"


def _records(status: CycleStatus) -> list[str]:
    """The records of catatan/<year> with their working time against the step's standard."""
    if status.records is None or not (status.records.records or status.records.problems):
        return []
    merges = tuple(r.merged_at for r in status.rounds if r.merged)
    rows = []
    for r in record_rows(status.records, status.sop, status.calendar, status.start.time,
                         merges):
        took = msg.HISTORY_OVER.format(took=r.took) if r.over else r.took
        rows.append(_Row(((r.step,), (r.role,), (r.kind,),
                          (r.name, msg.HISTORY_NIP.format(nip=r.nip)), (r.time,), (took,),
                          (r.standard,), (r.summary,))))
    lines = ["", f"## {msg.HISTORY_RECORDS}", "",
             str(_html().table(msg.HISTORY_RECORDS_HEAD, rows))]
    if status.records.problems:
        lines += ["", msg.HISTORY_PROBLEMS, "", str(_html().list(status.records.problems))]
    return lines


REDLINE_DIR = "redline"


@dataclass(frozen=True)
class RedlineLink:
    """A redline the site should carry: round ``round`` against the round before it."""

    round: str  # 2025/2
    old_round: str  # 2025/1
    old: str  # branch of the previous round (review/2025/1, or origin/review/2025/1)
    new: str  # branch of this round
    href: str  # relative to the history page: redline/2025-1-2025-2.html


def redline_links(status: CycleStatus) -> list[RedlineLink]:
    """One redline per round after the first, against the round before it (pure). Files are
    named by round, not branch, so a clone with only remote-tracking branches links the same."""
    links = []
    for before, after in zip(status.rounds, status.rounds[1:], strict=False):
        name = f"{before.name}-{after.name}".replace("/", "-")
        links.append(RedlineLink(after.name, before.name, before.branch, after.branch,
                                 f"{REDLINE_DIR}/{name}.html"))
    return links


def link_map(links: list[RedlineLink]) -> dict[str, tuple[str, str]]:
    """``links`` as :func:`history_markdown` takes them."""
    return {link.round: (link.old_round, link.href) for link in links}


def no_cycle_markdown(reason: str) -> str:
    return (f"---\ncetak: false\n---\n\n# {msg.HISTORY_TITLE}\n\n"
            f"{_html().paragraph(reason)}\n")


def _main_commit(repo: pygit2.Repository) -> str | None:
    for name in (f"refs/heads/{gitrepo.MAIN}", "HEAD"):
        try:
            return str(repo.revparse_single(name).peel(pygit2.Commit).id)
        except (KeyError, ValueError, pygit2.GitError):
            continue
    return None


def history_files(repo: pygit2.Repository, now: int | None = None) -> dict[str, str]:
    """The generated files of the site's history: the page (:data:`PAGE_NAME`) and one redline
    page per valid round after the first, path (relative to the site) -> text. Rounds are
    rendered in an isolated child (:mod:`.isolation`) with main's ``mkdocs.yml``, never the
    branch's; a round that cannot be rendered gets no link (never a failed or hung build).
    """
    try:
        status = read_cycle(repo, now=now)
    except UserError as exc:
        return {PAGE_NAME: no_cycle_markdown(str(exc))}
    # status.rounds are the valid rounds only (a signed hand-off by a staf of main's roster,
    # pipeline.workflow.validity); anything else under review/ is listed, never rendered.
    wanted = redline_links(status)
    branches = sorted({b for link in wanted for b in (link.old, link.new)})
    revisions = [snapshot.resolve(repo, b) for b in branches]
    rendered = dict(zip(branches, render_revisions(repo, revisions,
                                                   config_from=_main_commit(repo)),
                        strict=True)) if revisions else {}
    files: dict[str, str] = {}
    links = []
    for link in wanted:
        old, new = rendered[link.old].version, rendered[link.new].version
        if old is None or new is None:
            continue
        changed = snapshot.changed_files(repo, revisions[branches.index(link.old)].oid,
                                         revisions[branches.index(link.new)].oid)
        files[link.href] = redline_page(make_redline(old, new, changed))
        links.append(link)
    files[PAGE_NAME] = history_markdown(status, link_map(links))
    return files
