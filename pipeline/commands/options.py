"""Options several commands share, declared once."""

from __future__ import annotations

import argparse

from pipeline.messages import cli as msg


def add_key(parser: argparse.ArgumentParser) -> None:
    """``--key``: the signer's SSH key (default: git config user.signingkey)."""
    parser.add_argument("--key", metavar="KUNCI", help=msg.HELP_KEY)
