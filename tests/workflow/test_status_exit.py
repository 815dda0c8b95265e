"""``lkjip status`` exits 0 for every normal state of the cycle (CI runs it on every branch);
``--exit-code`` gives the state to scripts that want it."""

from __future__ import annotations

import json

from workflow_helpers import Office

from pipeline.commands.status import EXIT_NOT_STARTED, EXIT_WAITING


def test_status_is_zero_for_normal_states_and_exit_code_tells_them(office: Office) -> None:
    fresh = office.lkjip("status")
    assert fresh.rc == 0 and "belum dimulai" in fresh.out, fresh
    assert office.lkjip("status", "--exit-code").rc == EXIT_NOT_STARTED
    as_json = office.lkjip("status", "--json")
    assert as_json.rc == 0 and json.loads(as_json.out)["started"] is False

    office.ok("start", "--year", "2025", as_="inspektur")
    waiting = office.lkjip("status")
    assert waiting.rc == 0 and "2025" in waiting.out
    assert office.lkjip("status", "--exit-code").rc == EXIT_WAITING
    office.draft()
    office.ok("submit", as_="staf")  # on the round: the Kasubbag's paraf awaited
    assert office.lkjip("status").rc == 0
    assert office.lkjip("status", "--exit-code").rc == EXIT_WAITING
