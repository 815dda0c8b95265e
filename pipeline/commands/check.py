"""``lkjip check [--lengkap] [--root DIR]``: the data and content checks of the SOP's steps 5-6.

Exit 0 when all is well, 1 when problems were found, 2 when the check could not run.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.check import run_check
from pipeline.check.completeness import summary
from pipeline.messages import data as msg
from pipeline.problem_formats import FORMATS, render
from pipeline.project import Project


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check", help="periksa data/ dan content/; semua masalah sekaligus, satu per baris")
    parser.add_argument(
        "--lengkap", action="store_true",
        help="juga tuntut kelengkapan (realisasi, tujuh analisis Bab III, tanpa teks pengganti);"
             " dipakai saat draf diserahkan untuk direviu")
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="folder repositori LKjIP (bawaan: folder ini)")
    parser.add_argument("--format", choices=FORMATS, default="teks",
                        help="bentuk keluaran: teks (bawaan), json, atau anotasi forge "
                             "(github untuk GitHub/Gitea/Forgejo Actions, gitlab untuk Code "
                             "Quality GitLab)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    result = run_check(Project(args.root), complete=args.lengkap)
    if getattr(args, "format", "teks") != "teks":
        text = render(result.problems, args.format)
        if text:
            print(text)
        return 1 if result.problems else 0
    for problem in result.problems:
        print(problem)
    if args.lengkap:
        for line in summary(result.missing):
            print(line)
    count = len(result.problems)
    print(msg.CHECK_FOUND.format(count=count) if count else msg.CHECK_OK)
    return 1 if count else 0
