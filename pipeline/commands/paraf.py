"""``lkjip paraf``: the current corrector's initialled approval of the round's content."""

from __future__ import annotations

import argparse

from pipeline.commands.decision import add_decision
from pipeline.workflow import rounds


def add_parser(sub: argparse._SubParsersAction) -> None:
    add_decision(sub, "paraf", rounds.paraf, help="beri paraf atas isi putaran ini (setuju)",
                 note_help="catatan (tidak wajib)")
