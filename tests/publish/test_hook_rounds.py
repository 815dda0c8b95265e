"""The hook guards the names of rounds: only a valid signed hand-off by a staf of main's
roster opens ``review/<year>/<n>`` (the next free n), nothing else lives under ``review/``,
and a merged or returned round is frozen. Real keys, real pushes from clones over
``file://`` and a ``git daemon``, stock git; every bad push leaves the server's refs as
they were. ``lkjip status`` counts only valid rounds."""

from __future__ import annotations

from pathlib import Path

import pytest
import test_hook as hook_tests
from publish_helpers import approved_round
from test_hook import Server, _accepted, _clone, _rejected
from workflow_helpers import Office

from pipeline.messages import publish as msg
from pipeline.messages import workflow as wmsg

# The hook tests' server fixtures (a bare repository with the hook; file:// and git daemon).
bare, file_server, daemon_server = hook_tests.bare, hook_tests.file_server, hook_tests.daemon_server


def _submit_trailers(office: Office, as_: str, round_: str, base: str) -> dict[str, str]:
    actor = office.actors[as_]
    return {"Action": "submit", "Year": round_.split("/")[0], "Round": round_, "Step": "5",
            "Role": "staf", "Name": actor.name, "NIP": actor.nip, "Decision": "submitted",
            "Base": base, "Draft": "draft/x", "Areas": "none"}


def _round_pushes(office: Office, server: Server, tmp_path: Path) -> None:
    # Round 1, approved and merged; main and the round on the server.
    branch = approved_round(office)
    office.ok("merge", as_="kasubbag")
    _accepted(office.path, server, "main", branch)
    main = office.tip("main")

    # Names under review/ that are not rounds: refused, create or update.
    office.git("branch", "review/2025/3/x", "main")
    err = _rejected(office.path, server, "review/2025/3/x")
    assert msg.HOOK_REVIEW_OTHER.format(ref="refs/heads/review/2025/3/x") in err
    office.git("branch", "review/2025/x", "main")
    _rejected(office.path, server, "review/2025/x")

    # A number that is not the next free one burns nothing: refused.
    office.git("branch", "review/2025/9", "main")
    err = _rejected(office.path, server, "review/2025/9")
    assert msg.HOOK_ROUND_NOT_NEXT.format(round="2025/9", expected="2025/2") in err

    # The next number, but no hand-off: refused.
    office.git("switch", "-q", "-c", "draft/bab-4", "main")
    office.commit("content/bab-4.md", "# Bab IV\n", "draft bab IV")
    office.git("branch", "review/2025/2", "draft/bab-4")
    err = _rejected(office.path, server, "review/2025/2")
    assert wmsg.ROUND_NO_HANDOFF in err

    # A hand-off signed by someone outside the roster, with every trailer right: refused.
    office.git("branch", "-f", "review/2025/2", "draft/bab-4")
    office.forge("outsider", _submit_trailers(office, "staf", "2025/2", main),
                 subject="serah terima", branch="review/2025/2")
    err = _rejected(office.path, server, "review/2025/2")
    assert "bukan putaran sah" in err and "tidak ada di daftar peran" in err

    # A staf's genuine hand-off for round 2 under the name of round 2: accepted.
    office.git("branch", "-D", "review/2025/2")
    office.git("switch", "-q", "draft/bab-4")
    office.ok("submit", as_="staf")
    assert office.branch() == "review/2025/2"
    _accepted(office.path, server, "review/2025/2")

    # A second hand-off on top of a round: refused (a new hand-off is a new round).
    office.forge("staf", _submit_trailers(office, "staf", "2025/2", main),
                 subject="serah terima lagi")
    err = _rejected(office.path, server, "review/2025/2")
    assert msg.HOOK_ROUND_NEW_HANDOFF.format(round="2025/2") in err
    office.git("reset", "-q", "--hard", "HEAD~1")

    # Returned: frozen.
    office.ok("return", "--note", "Bab IV belum lengkap", as_="kasubbag")
    _accepted(office.path, server, "review/2025/2")
    office.commit("content/bab-4.md", "# Bab IV\n\nlengkap\n", "perbaikan di cabang putaran")
    err = _rejected(office.path, server, "review/2025/2")
    assert msg.HOOK_ROUND_FROZEN_RETURNED.format(round="2025/2") in err

    # Merged: frozen too, even for a fast-forward by a role holder.
    office.git("switch", "-q", branch)
    office.commit("content/bab-3.md", "# Bab III\n\nsesudah digabung\n", "tambah")
    err = _rejected(office.path, server, branch)
    assert msg.HOOK_ROUND_FROZEN_MERGED.format(round="2025/1") in err


def test_round_names_over_file_url(office: Office, file_server: Server, tmp_path: Path) -> None:
    _round_pushes(office, file_server, tmp_path)


@pytest.mark.slow
def test_round_names_over_git_daemon(office: Office, daemon_server: Server,
                                     tmp_path: Path) -> None:
    _round_pushes(office, daemon_server, tmp_path)


def test_status_counts_only_valid_rounds(office: Office, file_server: Server,
                                         tmp_path: Path) -> None:
    office.round_at("sekretaris")  # round 1 open, the sekretaris's turn
    _accepted(office.path, file_server, "main", "review/2025/1")
    clone = _clone(file_server, tmp_path / "klon")
    before = clone.ok("status").out
    # A bogus branch with a round's name (made before the hook, or only in this clone).
    clone.git("branch", "review/2025/2", "origin/main")
    clone.git("branch", "review/2025/7", "origin/review/2025/1")
    after = clone.ok("status").out
    assert after.count("review/2025/2") == 1 and after.count("review/2025/7") == 1
    assert wmsg.STATUS_NOT_ROUNDS in after
    assert wmsg.ROUND_NAME_MISMATCH.format(claimed="2025/1", round="2025/7") in after
    # Nothing else changes: position, next actor, the rounds listed.
    assert after.split(wmsg.STATUS_NOT_ROUNDS)[0].strip() == before.strip()
