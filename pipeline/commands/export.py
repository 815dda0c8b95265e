"""``lkjip export xlsx|csv|docx [--out FILE]``: the year's data and report for Excel and Word."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.data.load import DataError, read_documents, to_report
from pipeline.messages import exchange as msg

KINDS = ("xlsx", "csv", "docx")


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help=msg.HELP_EXPORT, description=msg.HELP_EXPORT)
    kinds = parser.add_subparsers(dest="kind", metavar="JENIS", required=True)
    for kind, text in zip(KINDS, (msg.HELP_EXPORT_XLSX, msg.HELP_EXPORT_CSV,
                                  msg.HELP_EXPORT_DOCX), strict=True):
        one = kinds.add_parser(kind, help=text, description=text)
        one.add_argument("--out", type=Path, help=msg.HELP_OUT)
        one.add_argument("--root", type=Path, default=Path("."),
                         help="folder repositori LKjIP (bawaan: dicari dari folder ini ke atas)")
        one.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    root = args.root
    docs, problems = read_documents(root)
    if problems:
        raise DataError(problems)
    report = to_report(docs)
    out = args.out or root / "dist" / f"lkjip-{report.year}.{args.kind}"
    if args.kind == "xlsx":
        from pipeline.exchange.xlsx_export import export_workbook, write_workbook

        write_workbook(export_workbook(docs, report), out)
    elif args.kind == "csv":
        from pipeline.exchange.csv_export import write_csv

        write_csv(report, out)
    else:
        from pipeline.exchange.docx_export import write_docx

        write_docx(root, report, out)
    print(msg.EXPORTED.format(path=out))
    return 0
