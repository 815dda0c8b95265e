"""``lkjip hook install BARE.git`` and ``lkjip hook pre-receive`` (run by git on the server)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pipeline.messages import publish as msg
from pipeline.publish import hook


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("hook", help="pasang/jalankan pemeriksaan di server Git (pre-receive)")
    actions = parser.add_subparsers(dest="hook_command", metavar="AKSI", required=True)
    install = actions.add_parser("install", help="pasang hook pre-receive di repositori bare")
    install.add_argument("path", type=Path, metavar="REPO.git", help="repositori bare di server")
    install.add_argument("--anchor", metavar="COMMIT",
                         help="jangkar kepercayaan: commit pertama main yang dilindungi "
                              "(bawaan: commit pertama main yang memuat sop/roster.yaml)")
    install.add_argument("--force", action="store_true",
                         help="ganti hook pre-receive lain yang sudah ada")
    install.set_defaults(func=run_install)
    receive = actions.add_parser("pre-receive", help="dijalankan oleh git, bukan oleh manusia")
    receive.set_defaults(func=run_pre_receive)


def run_install(args: argparse.Namespace) -> int:
    path, anchor = hook.install(args.path, args.anchor, args.force)
    print(msg.HOOK_INSTALLED.format(path=path, anchor=anchor[:10]))
    return 0


def run_pre_receive(args: argparse.Namespace) -> int:
    return hook.pre_receive(sys.stdin)
