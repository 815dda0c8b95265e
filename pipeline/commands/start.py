"""``lkjip start --year YYYY``: the inspektur opens the year's cycle (SOP step 1, nota dinas)."""

from __future__ import annotations

import argparse

from pipeline.commands.options import add_key
from pipeline.messages import workflow as msg
from pipeline.workflow import gitrepo, rounds


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("start", help="mulai siklus LKjIP tahun ini (langkah 1, Inspektur)")
    parser.add_argument("--year", type=int, required=True, help="tahun laporan, mis. 2025")
    add_key(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = gitrepo.signing_key(repo, args.key)
    started = rounds.start(repo, key, args.year)
    print(msg.STARTED.format(year=started.year, name=started.name, commit=started.commit[:10]))
    return 0
