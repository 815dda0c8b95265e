"""Counting calls of chosen functions while real code runs (no mock: the functions run as
they are). ``sys.setprofile`` sees every Python call of this thread, ``threading.setprofile``
those of threads started meanwhile (the review server answers each request in a new one)."""

from __future__ import annotations

import contextlib
import sys
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

from pipeline.workflow import facts, rounds, verify


@contextlib.contextmanager
def counting_calls(*functions: Callable[..., Any]) -> Iterator[Counter[str]]:
    """Calls of each of ``functions`` (by qualified name) while the block runs."""
    codes = {f.__code__: f.__qualname__ for f in functions}
    counts: Counter[str] = Counter({name: 0 for name in codes.values()})

    def profile(frame: FrameType, event: str, arg: object) -> None:
        if event == "call" and frame.f_code in codes:
            counts[codes[frame.f_code]] += 1

    sys.setprofile(profile)
    threading.setprofile(profile)
    try:
        yield counts
    finally:
        sys.setprofile(None)
        threading.setprofile(None)  # type: ignore[arg-type]


# Judging a round: reading it from Git (its commits, main's line, roster and SOP) and applying
# the pure rules. rounds.judge does both; a write may apply the rules again to a commit it
# has just written, without reading the round again.
VERDICT_FUNCTIONS = {"judge": rounds.judge, "read": facts.round_facts_and_policy,
                     "rules": verify.verify_round}


@contextlib.contextmanager
def counting_verdicts() -> Iterator[dict[str, int]]:
    """``{"judge": n, "read": n, "rules": n}`` for the block, filled in when it ends."""
    found: dict[str, int] = {}
    with counting_calls(*VERDICT_FUNCTIONS.values()) as counts:
        yield found
    found.update({short: counts[f.__qualname__] for short, f in VERDICT_FUNCTIONS.items()})
