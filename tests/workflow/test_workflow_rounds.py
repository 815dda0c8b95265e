"""Returns at each level, round n+1, submit and start refusals, status, SOP as data."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from workflow_helpers import Actor, Office, expect_error, init_office, make_key, roster_of

from pipeline.errors import Problem, UserError
from pipeline.messages import workflow as msg
from pipeline.workflow import rounds
from pipeline.workflow.roster import Person, Roster, parse_public_key
from pipeline.workflow.signing import resolve_signing_key
from pipeline.workflow.sop import default_sop_text
from pipeline.workflow.status import read_cycle

LEVELS = {
    # who returns: (expected addressee roles, their titles)
    "kasubbag": ("staf", "Staf / Jabatan Fungsional Umum"),
    "sekretaris": ("kasubbag_perencanaan", "Kepala Sub Bagian Perencanaan"),
    "inspektur": ("sekretaris", "Sekretaris"),
}


@pytest.mark.parametrize("level", list(LEVELS))
def test_return_at_each_level_and_next_round_needs_every_paraf(office: Office,
                                                               level: str) -> None:
    office.round_at(level)
    to_role, to_title = LEVELS[level]
    expect_error(office.lkjip("return", "--note", " ", as_=level), msg.RETURN_NEEDS_NOTE)
    note = "Tabel capaian sasaran 1 belum memuat realisasi."
    returned = office.ok("return", "--note", note, as_=level)
    assert to_title in returned.out
    message = office.repo.get(office.head()).message
    assert f"Lkjip-To: {to_role}" in message and note in message
    assert "Lkjip-Decision: returned" in message
    assert office.git_verify("HEAD").returncode == 0

    expect_error(office.lkjip("verify"), "dikembalikan oleh")
    nxt = "kasubbag" if level != "kasubbag" else "sekretaris"
    expect_error(office.lkjip("paraf", as_=nxt), msg.ROUND_RETURNED.format(round="2025/1"))
    status = office.ok("status").out
    assert note in status and to_title in status and "dikembalikan" in status

    office.git("switch", "-q", "draft/bab-3")
    office.commit("content/bab-3.md", "# Bab III\nrealisasi lengkap\n", "perbaikan")
    submitted = office.ok("submit", as_="staf")
    assert "review/2025/2" in submitted.out and office.branch() == "review/2025/2"
    expect_error(office.lkjip("verify"), "belum ada Kepala Sub Bagian Perencanaan, Sekretaris, "
                                         "Inspektur")
    for who in ("kasubbag", "sekretaris"):
        office.ok("paraf", as_=who)
    office.ok("sign", as_="inspektur")
    assert "2025/2" in office.ok("verify").out
    # Round 1 stays what it was: returned, never approved.
    expect_error(office.lkjip("verify", "review/2025/1"), "dikembalikan oleh")


def test_return_by_someone_whose_turn_it_is_not(office: Office) -> None:
    office.round_at("sekretaris")
    expect_error(office.lkjip("return", "--note", "x", as_="inspektur"), "Bukan giliran Anda")


def test_submit_refuses_incomplete_data_and_changes_nothing(office: Office) -> None:
    office.ok("start", "--year", "2025", as_="inspektur")
    office.draft()
    refs = office.git("for-each-ref").stdout
    problem = Problem("data/indikator.yaml", 12, "realisasi IKU 1.1 belum diisi")
    with pytest.raises(UserError) as caught:
        rounds.submit(office.repo, resolve_signing_key(str(office.actors["staf"].key)),
                      check=lambda root, complete: [problem] if complete else [])
    assert str(problem) in caught.value.message
    assert "Draft belum lengkap (1 masalah)" in caught.value.message
    assert office.git("for-each-ref").stdout == refs and office.branch() == "draft/bab-3"


def test_submit_through_the_cli_runs_the_real_check(office: Office, real_check: None) -> None:
    office.ok("start", "--year", "2025", as_="inspektur")
    office.draft()
    expect_error(office.lkjip("submit", as_="staf"), "Draft belum lengkap")
    assert office.branch() == "draft/bab-3"


def test_submit_refusals(office: Office) -> None:
    office.git("switch", "-q", "-c", "draft/awal")
    office.commit("content/a.md", "a\n")
    expect_error(office.lkjip("submit", as_="staf"), msg.CYCLE_NOT_STARTED.format(year="ini"))
    office.ok("start", "--year", "2025", as_="inspektur")
    expect_error(office.lkjip("submit", as_="staf"), msg.SUBMIT_BEHIND_MAIN.format(
        branch="draft/awal", main="main"))
    office.git("merge", "-q", "main")
    expect_error(office.lkjip("submit", as_="kasubbag"), msg.SUBMIT_WRONG_ROLE.format(
        name=office.actors["kasubbag"].name, roles="Staf / Jabatan Fungsional Umum"))
    office.git("switch", "-q", "main")
    expect_error(office.lkjip("submit", as_="staf"),
                 msg.SUBMIT_NOT_FROM_DRAFT.format(branch="main"))
    office.git("switch", "-q", "draft/awal")
    office.ok("submit", as_="staf")
    office.git("switch", "-q", "draft/awal")
    expect_error(office.lkjip("submit", as_="staf"),
                 msg.SUBMIT_ROUND_OPEN.format(round="2025/1"))


def test_start_refusals(office: Office) -> None:
    expect_error(office.lkjip("start", "--year", "2025", as_="sekretaris"),
                 msg.START_WRONG_ROLE.format(name=office.actors["sekretaris"].name,
                                             roles="Inspektur"))
    office.ok("start", "--year", "2025", as_="inspektur")
    expect_error(office.lkjip("start", "--year", "2025", as_="inspektur"),
                 msg.START_ALREADY.format(year=2025))
    # The start commit records the order without touching content.
    main = office.repo.get(office.tip("main"))
    assert main.tree_id == main.parents[0].tree_id
    assert "Lkjip-Action: start" in main.message and "Nota dinas" in main.message


def test_status_shows_next_actor_and_overdue_step(office: Office) -> None:
    """Waits are measured in the office's working time: "late" is one working minute past
    the standard, wherever the clock of the test run happens to fall."""
    a = office.actors
    office.ok("start", "--year", "2025", as_="inspektur")
    repo = office.repo
    start_time = repo.get(office.tip("main")).commit_time
    agenda = read_cycle(repo, 2025, now=start_time)
    assert agenda.next is not None and agenda.next.step.number == 2  # the meeting's agenda
    assert [n for n, _ in agenda.next.people] == [a["sekretaris"].name]
    assert not agenda.next.overdue
    calendar = agenda.calendar
    assert agenda.next.measure is not None and agenda.next.measure.standard == 5 * 60
    late_agenda = calendar.deadline(start_time, 6 * 60)
    assert read_cycle(repo, 2025, now=late_agenda).next.overdue  # type: ignore[union-attr]

    office.draft()
    office.ok("submit", as_="staf")
    office.ok("paraf", as_="kasubbag")
    paraf_time = repo.get(office.head()).commit_time
    on_time = read_cycle(office.repo, 2025, now=paraf_time)
    late = read_cycle(office.repo, 2025, now=calendar.deadline(paraf_time, 3600 + 60))
    for status in (on_time, late):
        assert status.next is not None and status.next.roles == ("sekretaris",)
        assert status.next.people == ((a["sekretaris"].name, a["sekretaris"].nip),)
    assert on_time.next is not None and not on_time.next.overdue
    assert late.next is not None and late.next.overdue
    assert late.next.measure is not None and late.next.measure.verdict_text() == (
        "terlambat 1 menit kerja")

    text = office.ok("status").out
    assert "Sekretaris" in text and a["sekretaris"].name in text
    assert "mutu baku 1 jam kerja" in text
    data = json.loads(office.ok("status", "--json").out)
    assert data["next"]["roles"] == ["sekretaris"]
    assert data["next"]["time_standard_seconds"] == 3600
    assert data["next"]["working_standard_seconds"] == 3600
    assert data["rounds"][0]["chain"][0]["nip"] == a["kasubbag"].nip


def test_sop_definition_in_the_repository_rules(office: Office) -> None:
    """Another office's SOP: no kasubbag paraf, so the sekretaris parafs first."""
    custom = default_sop_text().replace(
        "    output: Draft LKjIP\n    action: paraf\n    returns_to: [staf]\n",
        "    output: Draft LKjIP\n")
    assert custom != default_sop_text()
    office.git("switch", "-q", "main")
    office.commit("sop/sop.yaml", custom, "SOP kantor lain")
    office.round_at("kasubbag")
    expect_error(office.lkjip("paraf", as_="kasubbag"), "sekarang giliran Sekretaris (langkah 7)")
    office.ok("paraf", as_="sekretaris")
    office.ok("sign", as_="inspektur")
    assert "7. paraf Sekretaris" in office.ok("verify").out


@pytest.mark.slow
def test_passphrase_key_works_through_ssh_agent(tmp_path: Path, actors: dict[str, Actor],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    locked = make_key(tmp_path / "id_locked", passphrase="rahasia-sekali")
    kas = actors["kasubbag"]
    kasubbag = Person(kas.nip, kas.name, "Kasubbag", ("kasubbag_perencanaan",),
                      parse_public_key((tmp_path / "id_locked.pub").read_text()))
    others = roster_of(actors, "inspektur", "sekretaris", "staf")
    office = init_office(tmp_path / "repo", actors, Roster((*others.people, kasubbag)))
    office.round_at("kasubbag")

    sock = tmp_path / "agent.sock"
    started = subprocess.run(["ssh-agent", "-a", str(sock)], capture_output=True, text=True,
                             check=True)
    pid = next(part.split("=")[1].rstrip(";") for part in started.stdout.split()
               if part.startswith("SSH_AGENT_PID="))
    try:
        askpass = tmp_path / "askpass.sh"
        askpass.write_text("#!/bin/sh\necho rahasia-sekali\n")
        askpass.chmod(0o700)
        env = {**os.environ, "SSH_AUTH_SOCK": str(sock), "SSH_ASKPASS": str(askpass),
               "SSH_ASKPASS_REQUIRE": "force", "DISPLAY": ":0"}
        subprocess.run(["ssh-add", str(locked)], env=env, check=True, capture_output=True,
                       stdin=subprocess.DEVNULL)
        monkeypatch.setenv("SSH_AUTH_SOCK", str(sock))
        # Only the public key is named, as with git's user.signingkey=~/.ssh/id.pub.
        office.git("config", "user.signingkey", f"{locked}.pub")
        office.ok("paraf")
        verdict = rounds.judge(office.repo, office.head())
        assert verdict is not None and verdict[2].chain[0].name == kas.name
        assert office.git_verify("HEAD").returncode == 0
    finally:
        subprocess.run(["kill", pid], check=False)
