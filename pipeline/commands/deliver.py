"""``lkjip deliver``: SOP step 10, the hand-over of the released LKjIP, recorded and signed."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.commands.options import add_key
from pipeline.messages import publish as msg
from pipeline.publish.delivery import deliver
from pipeline.workflow import gitrepo, records


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("deliver", help=msg.DELIVER_HELP, description=msg.DELIVER_HELP)
    parser.add_argument("--to", required=True, metavar="PENERIMA",
                        help='penerima, misalnya "Bagian Organisasi Sekretariat Daerah"')
    parser.add_argument("--copies", required=True, type=int, metavar="N",
                        help="jumlah eksemplar hard copy yang diserahkan")
    parser.add_argument("--receipt", type=Path, metavar="BERKAS",
                        help="hasil pindai tanda terima (.pdf, .jpg, .png), bila ada")
    parser.add_argument("--tag", help="tag rilis yang diserahkan (bawaan: rilis terakhir)")
    parser.add_argument("--archive", type=Path, metavar="FOLDER",
                        help="folder arsip rilis (bawaan: dist/arsip)")
    parser.add_argument("--year", type=int, help="tahun siklus (bawaan: siklus terakhir)")
    add_key(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = gitrepo.open_repo()
    key = gitrepo.signing_key(repo, args.key)
    record, addendum = deliver(repo, key, to=args.to, copies=args.copies,
                               receipt=args.receipt, tag=args.tag, archive_dir=args.archive,
                               year=args.year)
    branch = records.branch_name(int(record.path.split("/")[1]))
    print(msg.DELIVERED.format(tag=record.fields["tag"], to=record.fields["kepada"],
                               branch=branch, commit=record.commit[:10], path=addendum))
    from pipeline.commands.status import next_lines
    from pipeline.workflow.status import read_cycle

    for line in next_lines(read_cycle(repo, int(record.path.split("/")[1]))):
        print(line)
    return 0
