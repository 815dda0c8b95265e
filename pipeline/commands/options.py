"""Options several commands share, declared once."""

from __future__ import annotations

import argparse
from pathlib import Path

from pipeline.messages import cli as msg


def add_key(parser: argparse.ArgumentParser) -> None:
    """``--key``: the signer's SSH key (default: git config user.signingkey)."""
    parser.add_argument("--key", metavar="KUNCI", help=msg.HELP_KEY)


# --- where the project is -----------------------------------------------------------------
# Like git, every command finds the LKjIP repository from any of its subfolders: the nearest
# folder upwards that has both ``mkdocs.yml`` and ``data/``.
CONFIG_FILE = "mkdocs.yml"
DATA_DIR = "data"


def is_project(folder: Path) -> bool:
    return (folder / CONFIG_FILE).is_file() and (folder / DATA_DIR).is_dir()


def find_root(start: Path) -> Path | None:
    """The project folder containing ``start`` (or ``start`` itself); None outside any."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if is_project(folder):
            return folder
    return None


def project_root(given: Path) -> Path:
    """``given`` when it is a project, else the project found upwards from it (else itself,
    so that the command reports "not a project" in its own words)."""
    if is_project(given):
        return given
    return find_root(given) or given
