"""``lkjip verify-archive BUNDLE``: check a release bundle offline (hashes and signature)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pygit2

from pipeline.commands.tte_options import trust_roots
from pipeline.errors import UserError
from pipeline.messages import publish as msg
from pipeline.messages import tte as tte_msg
from pipeline.publish.archive import verify_archive


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("verify-archive", help="periksa arsip rilis tanpa jaringan")
    parser.add_argument("bundle", type=Path, metavar="ARSIP", help="folder arsip rilis")
    trust = parser.add_mutually_exclusive_group()
    trust.add_argument("--allowed-signers", type=Path, metavar="BERKAS",
                       help="kunci yang dipercaya (buat dengan 'lkjip roster allowed-signers')")
    trust.add_argument("--repo", type=Path, metavar="FOLDER",
                       help="repositori kantor: kunci dari daftar peran commit yang dirilis, "
                            "setelah riwayat main sampai commit itu sah")
    parser.add_argument("--trust", type=Path, metavar="AKAR.pem", help=tte_msg.HELP_TRUST)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    repo = None
    if args.repo is not None:
        try:
            repo = pygit2.Repository(str(args.repo))
        except (pygit2.GitError, KeyError):
            raise UserError(msg.ARCHIVE_NOT_A_REPO.format(path=args.repo)) from None
    check = verify_archive(args.bundle, args.allowed_signers, repo,
                           trust=trust_roots(args.trust))
    if not check.ok:
        print(msg.ARCHIVE_FAILED.format(path=args.bundle))
        for problem in check.problems:
            print(f"  - {problem}")
        return 1
    print(msg.ARCHIVE_OK.format(tag=check.manifest.get("tag", "?"),
                                count=len(check.manifest.get("files") or {}),  # type: ignore[arg-type]
                                signer=check.signer, fingerprint=check.fingerprint,
                                commit=str(check.manifest.get("commit", "?"))[:10]))
    return 0
