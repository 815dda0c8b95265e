"""``lkjip sign``: the inspektur's final signature (SOP step 8), after every paraf."""

from __future__ import annotations

import argparse

from pipeline.commands.decision import add_decision
from pipeline.workflow import rounds


def add_parser(sub: argparse._SubParsersAction) -> None:
    add_decision(sub, "sign", rounds.sign_report,
                 help="tanda tangani LKjIP (langkah 8, Inspektur)",
                 note_help="catatan (tidak wajib)")
