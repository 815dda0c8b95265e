"""``lkjip import FILE.xlsx [--uji]``: values from the workbook back into data/*.yaml."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.exchange.xlsx_import import import_workbook
from pipeline.messages import exchange as msg


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help=msg.HELP_IMPORT, description=msg.HELP_IMPORT)
    parser.add_argument("file", type=Path, metavar="BERKAS.xlsx", help=msg.HELP_IMPORT_FILE)
    parser.add_argument("--uji", dest="dry_run", action="store_true", help=msg.HELP_DRY_RUN)
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="folder repositori LKjIP (bawaan: dicari dari folder ini ke atas)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    result = import_workbook(args.root, args.file, dry_run=args.dry_run)
    if not result.changes:
        print(msg.IMPORT_NO_CHANGE.format(file=args.file.name))
        return 0
    print(msg.IMPORT_CHANGED.format(count=len(result.changes)))
    for change in result.changes:
        print(change)
    if args.dry_run:
        print(msg.DRY_RUN_DONE)
    return 0
