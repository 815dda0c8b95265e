"""``lkjip roster``: who holds which SOP role, with which SSH key (``sop/roster.yaml``)."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.errors import UserError
from pipeline.messages import workflow as msg
from pipeline.workflow import gitrepo
from pipeline.workflow.facts import roster_at, sop_at
from pipeline.workflow.roster import (
    ROSTER_PATH,
    Roster,
    allowed_signers,
    dump_roster,
    normalize_nip,
    parse_public_key,
    parse_roster,
)
from pipeline.workflow.sop import SOP_PATH, load_sop


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("roster", help="kelola daftar peran dan kunci SSH (sop/roster.yaml)")
    actions = parser.add_subparsers(dest="roster_command", metavar="AKSI", required=True)
    add = actions.add_parser("add", help="daftarkan seseorang untuk sebuah peran")
    add.add_argument("--role", required=True, help="peran, mis. kasubbag_perencanaan")
    add.add_argument("--name", required=True, help="nama lengkap dengan gelar")
    add.add_argument("--nip", required=True, help="NIP (18 angka, spasi boleh)")
    add.add_argument("--jabatan", help="jabatan; bawaan: nama peran di SOP")
    add.add_argument("--key", required=True, help="berkas kunci publik SSH (.pub)")
    remove = actions.add_parser("remove", help="hapus seseorang (mencabut kuncinya)")
    remove.add_argument("--nip", required=True)
    for name, text in (("list", "tampilkan daftar peran"),
                       ("allowed-signers", "cetak berkas allowed signers untuk git")):
        p = actions.add_parser(name, help=text)
        p.add_argument("--rev", help="baca dari revisi ini (mis. main), bukan dari folder kerja")
    parser.set_defaults(func=run)


def _work_file(repo_root: Path) -> Path:
    return repo_root / ROSTER_PATH


def _read_work(root: Path) -> tuple[Roster, str | None]:
    path = _work_file(root)
    text = path.read_text("utf-8") if path.is_file() else None
    sop_file = root / SOP_PATH
    sop_text = sop_file.read_text("utf-8") if sop_file.is_file() else None
    return parse_roster(text, ROSTER_PATH, load_sop(sop_text)), sop_text


def _read(args: argparse.Namespace) -> Roster:
    repo = gitrepo.open_repo()
    if args.rev:
        try:
            commit = repo.revparse_single(args.rev).peel(None).id
        except (KeyError, ValueError):
            raise UserError(msg.BAD_REV.format(rev=args.rev)) from None
        return roster_at(repo, commit)
    return _read_work(Path(repo.workdir))[0]


def run(args: argparse.Namespace) -> int:
    if args.roster_command in ("list", "allowed-signers"):
        roster = _read(args)
        if args.roster_command == "allowed-signers":
            print(allowed_signers(roster), end="")
            return 0
        if not roster.people:
            print(msg.ROSTER_EMPTY)
        for p in roster.people:
            print(f"{', '.join(p.roles):<24} {p.name} | NIP {p.nip} | {p.jabatan} | "
                  f"{p.key.fingerprint}")
        return 0
    repo = gitrepo.open_repo()
    root = Path(repo.workdir)
    roster, sop_text = _read_work(root)
    sop = load_sop(sop_text) if sop_text is not None else (
        sop_at(repo, repo.head.target) if not repo.head_is_unborn else load_sop())
    if args.roster_command == "add":
        try:
            key = parse_public_key(Path(args.key).read_text("utf-8"))
        except (OSError, ValueError):
            raise UserError(msg.ROSTER_KEY_FILE.format(path=args.key)) from None
        nip = normalize_nip(args.nip)
        roster = roster.add(sop, role=args.role, name=args.name.strip(), nip=nip,
                            jabatan=args.jabatan or sop.title_of(args.role), key=key)
        done = msg.ROSTER_ADDED.format(name=args.name.strip(), role=args.role, path=ROSTER_PATH)
    else:
        nip = normalize_nip(args.nip)
        person = roster.by_nip(nip)
        roster = roster.remove(nip)
        done = msg.ROSTER_REMOVED.format(name=person.name if person else nip, nip=nip,
                                         path=ROSTER_PATH)
    path = _work_file(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(dump_roster(roster), "utf-8")
    print(done)
    return 0
