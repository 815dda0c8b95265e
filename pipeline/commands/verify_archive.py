"""``lkjip verify-archive BUNDLE``: check a release bundle offline (hashes and signature)."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.commands.tte_options import trust_roots
from pipeline.messages import publish as msg
from pipeline.messages import tte as tte_msg
from pipeline.publish.release import verify_archive


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("verify-archive", help="periksa arsip rilis tanpa jaringan")
    parser.add_argument("bundle", type=Path, metavar="ARSIP", help="folder arsip rilis")
    parser.add_argument("--allowed-signers", type=Path, metavar="BERKAS",
                        help="kunci yang dipercaya (bawaan: allowed_signers di arsip)")
    parser.add_argument("--trust", type=Path, metavar="AKAR.pem", help=tte_msg.HELP_TRUST)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    check = verify_archive(args.bundle, args.allowed_signers, trust_roots(args.trust))
    if not check.ok:
        print(msg.ARCHIVE_FAILED.format(path=args.bundle))
        for problem in check.problems:
            print(f"  - {problem}")
        return 1
    signer = check.manifest.get("signer") or {}
    fingerprint = signer.get("fingerprint", "?") if isinstance(signer, dict) else "?"
    print(msg.ARCHIVE_OK.format(tag=check.manifest.get("tag", "?"),
                                count=len(check.manifest.get("files") or {}),  # type: ignore[arg-type]
                                signer=check.signer, fingerprint=fingerprint,
                                commit=str(check.manifest.get("commit", "?"))[:10]))
    return 0
