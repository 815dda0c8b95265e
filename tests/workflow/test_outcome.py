"""Every workflow write judges its round once and says its outcome in one set of words.

``lkjip paraf`` used to judge the round three times (the turn, the written commit, and again
to word the result), each time walking main's line and reading the roster again. Now the
round is read from Git once per write (:func:`rounds.judge`); the written commit is checked
with the same pure rules (:func:`verify_round`) on those facts and its own, and the verdict is
handed back in the :class:`Outcome` the command words.
"""

from __future__ import annotations

import pytest
from counting import counting_verdicts
from workflow_helpers import Office

from pipeline.messages.events import EVENTS, STATES, event_name, state_name


def _counted(office: Office, *args: str, as_: str) -> tuple[str, dict[str, int]]:
    """``lkjip ARGS`` run in this process, and how often it read and judged a round."""
    with counting_verdicts() as counts:
        out = office.ok(*args, as_=as_).out
    return out, counts


@pytest.mark.parametrize(("level", "command", "extra"), [
    ("kasubbag", "paraf", ()),
    ("sekretaris", "return", ("--note", "tabel 2.1 belum lengkap")),
])
def test_a_decision_reads_and_judges_its_round_once(office: Office, level: str, command: str,
                                                    extra: tuple[str, ...]) -> None:
    office.round_at(level)
    out, counts = _counted(office, command, *extra, as_=level)
    # One read of the round from Git; the rules run twice: whose turn it is, then the commit
    # just written (before the branch moves: fail closed).
    assert counts == {"judge": 1, "read": 1, "rules": 2}, counts
    assert "2025/1" in out


def test_the_signature_and_submit_judge_once_and_say_it(office: Office) -> None:
    office.round_at("inspektur")
    out, counts = _counted(office, "sign", as_="inspektur")
    assert counts == {"judge": 1, "read": 1, "rules": 2}, counts
    assert out.startswith("Tanda tangan Inspektur tercatat (putaran 2025/1") and "lengkap" in out

    office.ok("merge", as_="kasubbag")
    office.draft("draft/perbaikan", "# Bab III, diperbaiki\n")
    out, counts = _counted(office, "submit", as_="staf")
    # The new round judged once (after it is written); the earlier round read once to know
    # it is a round and no longer blocks a new one.
    assert counts == {"judge": 1, "read": 2, "rules": 2}, counts
    assert out.startswith("Draft diserahkan: putaran koreksi review/2025/2 dibuka.")


def test_an_event_has_one_name_in_every_form() -> None:
    assert event_name("submit") == "serah terima"
    assert event_name("submit", done=True, capital=True) == "Diserahkan"
    assert event_name("sign", capital=True) == "Tanda tangan"
    assert event_name("Lkjip-palsu") == "Lkjip-palsu"  # a forged action: shown as written
    assert state_name("open") == STATES["open"] and state_name("x") == "x"
    # Every event a chain can hold (verify's ChainEntry.action) and merge are named.
    assert set(EVENTS) == {"submit", "paraf", "sign", "return", "merge"}
