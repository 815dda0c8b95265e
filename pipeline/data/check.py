"""``lkjip check``: every problem in data/ and content/, all at once (stub, being written)."""

from __future__ import annotations

from pathlib import Path

from pipeline.errors import Problem


def check_project(root: Path, *, complete: bool = False) -> list[Problem]:
    """Return every problem found in the project at ``root``; empty when all is well.

    ``complete`` adds the SOP's completeness rules (``lkjip check --lengkap``).
    """
    return []
