"""Records of steps 2, 3, 5 and 10 on ``catatan/<year>``: who may write them, what they may
change, and that a record which does not verify is never counted (real keys, real repos)."""

from __future__ import annotations

from pathlib import Path

import pygit2
from workflow_helpers import Office, expect_error

from pipeline.review.site import RECORDS_PREFIX, branches_key
from pipeline.workflow import gitrepo, records
from pipeline.workflow.commits import format_message
from pipeline.workflow.signing import resolve_signing_key
from pipeline.workflow.status import read_cycle

AGENDA = ("meeting", "agenda", "--date", "2025-01-15", "--place", "Aula", "--topic", "LKjIP")


def _forge_record(office: Office, as_: str, files: dict[str, bytes],
                  trailers: dict[str, str], remove: tuple[str, ...] = ()) -> str:
    """A signed commit on catatan/2025 written behind lkjip's back."""
    repo = office.repo
    parent = repo.branches.local["catatan/2025"].target
    index = pygit2.Index()
    index.read_tree(repo.get(parent).tree)
    for path, data in files.items():
        index.add(pygit2.IndexEntry(path, repo.create_blob(data), pygit2.enums.FileMode.BLOB))
    for path in remove:
        index.remove(path)
    key = resolve_signing_key(str(office.actors[as_].key))
    new = gitrepo.create_signed_commit(repo, parent=parent, tree=index.write_tree(repo),
                                       message=format_message("catatan", "", trailers), key=key)
    repo.references["refs/heads/catatan/2025"].set_target(new)
    return str(new)


def _trailers(office: Office, as_: str, action: str, step: int, role: str) -> dict[str, str]:
    actor = office.actors[as_]
    return {"Action": action, "Year": "2025", "Step": str(step), "Role": role,
            "Name": actor.name, "NIP": actor.nip, "Decision": "recorded",
            "Base": office.tip("main")}


def test_records_need_a_cycle_and_the_role_the_sop_names(office: Office) -> None:
    expect_error(office.lkjip(*AGENDA, as_="sekretaris"), "belum dimulai")
    office.ok("start", "--year", "2025", as_="inspektur")
    expect_error(office.lkjip(*AGENDA, as_="irban"), "yang dapat Sekretaris")
    expect_error(office.lkjip("meeting", "agenda", "--date", "2025-02-30", "--place", "Aula",
                              "--topic", "LKjIP", as_="sekretaris"), "2025-02-30")
    out = office.ok(*AGENDA, as_="sekretaris").out
    assert "catatan/2025" in out and "langkah 3" in out  # and who acts next
    assert "catatan/2025" in office.git("branch", "--list", "catatan/*").stdout
    # An orphan branch: no report content, only the record.
    files = office.git("ls-tree", "-r", "--name-only", "catatan/2025").stdout.split()
    assert files == ["records/2025/02-agenda-rapat-1.yaml"]
    assert office.git_verify("catatan/2025").returncode == 0  # stock git agrees
    # main is untouched: still the start commit, and it verifies.
    assert office.ok("verify", "--branch", "main").rc == 0


def test_a_record_that_does_not_verify_is_reported_and_never_counted(office: Office) -> None:
    office.ok("start", "--year", "2025", as_="inspektur")
    office.ok(*AGENDA, as_="sekretaris")
    first = "records/2025/02-agenda-rapat-1.yaml"
    # The Irban claims to be the Sekretaris and rewrites the recorded agenda.
    _forge_record(office, "irban", {first: b"tanggal: 2025-02-01\n"},
                  _trailers(office, "irban", "agenda", 2, "sekretaris"))
    # The Sekretaris's own key, but a file outside records/2025/.
    _forge_record(office, "sekretaris",
                  {"records/2025/02-agenda-rapat-2.yaml":
                   b"tanggal: '2025-02-01'\ntempat: Aula\nacara: x\n",
                   "content/bab-1.md": b"# disisipkan\n"},
                  _trailers(office, "sekretaris", "agenda", 2, "sekretaris"))
    log = records.read_records(office.repo, 2025)
    assert [r.action for r in log.records] == ["agenda"]  # only the real one
    texts = " | ".join(p.text for p in log.problems)
    assert "yang berhak: Sekretaris" in texts
    assert first in texts and "content/bab-1.md" in texts
    status = read_cycle(office.repo, 2025)
    assert status.next is not None and status.next.step.number == 3
    shown = office.ok("status").out
    assert "! " in shown and "content/bab-1.md" in shown


def test_minutes_template_and_the_data_return_need_what_they_say(office: Office,
                                                                 tmp_path: Path) -> None:
    office.ok("start", "--year", "2025", as_="inspektur")
    notes = tmp_path / "notulen.md"
    office.ok("meeting", "minutes", str(notes), "--template", as_="sekretaris")
    expect_error(office.lkjip("meeting", "minutes", str(notes), "--template",
                              as_="sekretaris"), "tidak dapat ditimpa")
    expect_error(office.lkjip("meeting", "minutes", str(tmp_path / "tidak-ada.md"),
                              as_="sekretaris"), "tidak ditemukan")
    office.draft()
    # Nothing missing (the office repos' check passes): there is nothing to return.
    expect_error(office.lkjip("submit", "--record-return", as_="staf"),
                 "tidak ada yang dikembalikan")
    assert records.read_records(office.repo, 2025).records == ()


def test_the_site_history_is_rebuilt_when_records_or_releases_move(office: Office) -> None:
    assert RECORDS_PREFIX == records.BRANCH_PREFIX
    office.ok("start", "--year", "2025", as_="inspektur")
    before = branches_key(office.repo)
    office.ok(*AGENDA, as_="sekretaris")
    assert branches_key(office.repo) != before


def test_a_removal_voids_later_records_by_that_key_not_the_earlier_ones(office: Office) -> None:
    from workflow_helpers import roster_of

    from pipeline.workflow.roster import dump_roster

    a = office.actors
    office.ok("start", "--year", "2025", as_="inspektur")
    start = office.tip("main")
    office.ok(*AGENDA, as_="sekretaris")
    staf = resolve_signing_key(str(a["staf"].key))
    returned = b"kepada: [Inspektur Pembantu]\nkekurangan: [realisasi IKU-01]\n"
    records.add_record(office.repo, staf, 2025, "data-return",
                       {"records/2025/05-pengembalian-data-1.yaml": returned}, "data kurang")
    # The Sekretaris leaves: main's roster no longer holds their key (by any means).
    office.git("switch", "-q", "main")
    office.commit("sop/roster.yaml",
                  dump_roster(roster_of(a, "inspektur", "kasubbag", "staf", "irban")),
                  "Sekretaris pindah tugas")
    expect_error(office.lkjip("meeting", "agenda", "--date", "2025-03-01", "--place", "Aula",
                              "--topic", "LKjIP", as_="sekretaris"), "")
    # A record written with the old key and an old base is refused; the earlier ones stand.
    trailers = _trailers(office, "sekretaris", "agenda", 2, "sekretaris")
    trailers["Base"] = start
    _forge_record(office, "sekretaris", {"records/2025/02-agenda-rapat-2.yaml":
                                         b"tanggal: '2025-03-01'\ntempat: Aula\nacara: x\n"},
                  trailers)
    log = records.read_records(office.repo, 2025)
    assert [(r.action, r.name) for r in log.records] == [("agenda", a["sekretaris"].name),
                                                         ("data-return", a["staf"].name)]
    assert [p.code for p in log.problems] == ["key-revoked"]
