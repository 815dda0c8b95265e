"""``lkjip return --note TEXT``: send the draft back one level down, closing the round."""

from __future__ import annotations

import argparse

from pipeline.commands.decision import add_decision
from pipeline.workflow import rounds


def add_parser(sub: argparse._SubParsersAction) -> None:
    add_decision(sub, "return", rounds.return_round,
                 help="kembalikan draft untuk diperbaiki (tutup putaran)",
                 note_help="catatan koreksi untuk penerima", note_required=True)
