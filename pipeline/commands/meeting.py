"""``lkjip meeting agenda|minutes``: the records of SOP steps 2 and 3 (signed, catatan/<year>)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pygit2

from pipeline.commands.options import add_key
from pipeline.errors import UserError
from pipeline.messages import workflow as msg
from pipeline.workflow import gitrepo, records


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("meeting",
                            help="catat agenda rapat (langkah 2) dan notulen (langkah 3)")
    inner = parser.add_subparsers(dest="meeting", metavar="agenda|minutes", required=True)
    agenda = inner.add_parser("agenda", help="langkah 2: Sekretaris mengagendakan rapat")
    agenda.add_argument("--date", required=True, help="tanggal rapat, TTTT-BB-HH")
    agenda.add_argument("--time", default="", help="jam rapat, JJ:MM (tidak wajib)")
    agenda.add_argument("--place", required=True, help="tempat rapat")
    agenda.add_argument("--topic", required=True, help="acara/pokok bahasan rapat")
    minutes = inner.add_parser("minutes", help="langkah 3: Sekretaris mencatat notulen rapat")
    minutes.add_argument("file", type=Path, metavar="NOTULEN.md", help="berkas notulen")
    minutes.add_argument("--template", action="store_true",
                         help="tulis templat notulen ke berkas itu (tidak mencatat apa pun)")
    for p in (agenda, minutes):
        p.add_argument("--year", type=int, help="tahun siklus (bawaan: siklus terakhir)")
        add_key(p)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    if args.meeting == "minutes" and args.template:
        if args.file.exists():
            raise UserError(msg.RECORD_EXISTS.format(path=args.file))
        text = records.minutes_template(repo, args.year)
        partial = args.file.with_name(f".{args.file.name}.{os.getpid()}.tmp")
        partial.write_text(text, encoding="utf-8")
        os.replace(partial, args.file)
        print(msg.RECORD_MINUTES_TEMPLATE_WRITTEN.format(path=args.file))
        return 0
    key = gitrepo.signing_key(repo, args.key)
    if args.meeting == "agenda":
        record = records.record_agenda(repo, key, day=args.date, clock=args.time,
                                       place=args.place, topic=args.topic, year=args.year)
    else:
        record = records.record_minutes(repo, key, args.file, year=args.year)
    print_recorded(repo, record)
    return 0


def print_recorded(repo: pygit2.Repository, record: records.Record) -> None:
    """What was recorded, then who acts next (the same words as ``lkjip status``)."""
    from pipeline.commands.status import next_lines
    from pipeline.workflow.status import read_cycle

    branch = records.branch_name(int(record.path.split("/")[1]))
    print(msg.RECORDED.format(what=msg.RECORD_KINDS[record.action], branch=branch,
                              commit=record.commit[:10]))
    for line in next_lines(read_cycle(repo, int(record.path.split("/")[1]))):
        print(line)
