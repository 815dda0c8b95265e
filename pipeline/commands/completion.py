"""``lkjip completion bash|zsh|tcsh``: a shell completion script (made by shtab from the
same argument parser, so it never falls behind the commands)."""

from __future__ import annotations

import argparse

SHELLS = ("bash", "zsh", "tcsh")
HELP = ("cetak skrip pelengkapan otomatis (tombol Tab) untuk shell; misalnya "
        "'lkjip completion bash > ~/.local/share/bash-completion/completions/lkjip'")


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("completion", help=HELP, description=HELP)
    parser.add_argument("shell", choices=SHELLS, help="jenis shell")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import shtab

    from pipeline.cli import build_parser  # the CLI layer: imported here, never by the core

    print(shtab.complete(build_parser(), shell=args.shell))
    return 0
