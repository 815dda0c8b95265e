"""``lkjip submit``: hand the consolidated draft to the correctors (opens the next round)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pygit2

from pipeline.commands.options import add_key
from pipeline.workflow import gitrepo, records, rounds
from pipeline.workflow.outcome import words
from pipeline.workflow.signing import SigningKey


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("submit", help="serahkan draft untuk dikoreksi (buka putaran baru)")
    parser.add_argument("--year", type=int, help="tahun siklus (bawaan: siklus terakhir)")
    add_key(parser)
    parser.add_argument(
        "--record-return", action="store_true",
        help="data belum lengkap: catat pengembalian langkah 5 kepada Irban dan Kasubbag "
             "Perencanaan, dengan daftar kekurangan dari 'lkjip check --lengkap'")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = gitrepo.signing_key(repo, args.key)
    if args.record_return:
        return _record_return(repo, key, args.year)
    print(words(rounds.submit(repo, key, year=args.year)))
    return 0


def _record_return(repo: pygit2.Repository, key: SigningKey, year: int | None) -> int:
    """Step 5's "data tidak lengkap", recorded: what ``check --lengkap`` finds, signed."""
    from pipeline import check as data_check
    from pipeline.check.completeness import summary
    from pipeline.commands.meeting import print_recorded

    gitrepo.ensure_clean(repo)
    root = Path(repo.workdir)
    # The very check 'lkjip submit' runs, once, and its summary.
    result = data_check.run_check(root, complete=True)
    problems = result.problems
    lines = summary(result.missing) if problems else []
    record = records.record_data_return(repo, key, [str(p) for p in problems], lines,
                                        year=year)
    print_recorded(repo, record)
    return 0
