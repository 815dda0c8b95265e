"""Small pure rules tested directly: SOP, roster, commit parsing, signatures, status."""

from __future__ import annotations

import subprocess
from datetime import timedelta
from pathlib import Path

import pygit2
import pytest
from workflow_helpers import Actor, Office, expect_error, roster_of

from pipeline.errors import UserError
from pipeline.messages import workflow as msg
from pipeline.workflow.commits import CommitFormatError, format_message, parse_commit
from pipeline.workflow.roster import (
    allowed_signers,
    dump_roster,
    effective_roster,
    normalize_nip,
    parse_public_key,
    parse_roster,
)
from pipeline.workflow.signing import verify_signature
from pipeline.workflow.sop import (
    default_sop_text,
    format_duration,
    load_sop,
    next_approval,
    parse_duration,
)
from pipeline.workflow.status import fix_step, is_overdue

SOP = load_sop()


def test_default_sop_order_and_time_standards() -> None:
    assert [(s.number, s.role, s.action) for s in SOP.approvals] == [
        (6, "kasubbag_perencanaan", "paraf"), (7, "sekretaris", "paraf"), (8, "inspektur", "sign")]
    assert SOP.step("start").roles == ("inspektur",)
    assert SOP.step("submit").roles == ("staf",)
    assert [s.time_standard for s in SOP.steps] == [
        timedelta(minutes=5), timedelta(minutes=5), timedelta(hours=2), timedelta(days=8),
        timedelta(days=10), timedelta(days=12), timedelta(hours=1), timedelta(hours=1),
        timedelta(minutes=5), timedelta(days=1)]
    assert next_approval(SOP, 0).number == 6  # type: ignore[union-attr]
    assert next_approval(SOP, 3) is None


@pytest.mark.parametrize(("returning", "fixer"), [(6, 5), (7, 6), (8, 7)])
def test_return_addressees_and_where_they_act(returning: int, fixer: int) -> None:
    step = SOP.step_number(returning)
    assert step is not None
    assert fix_step(SOP, step).number == fixer
    assert set(step.returns_to) <= set(fix_step(SOP, step).roles)
    assert SOP.step_number(5).returns_to == ("irban", "kasubbag_perencanaan")  # type: ignore[union-attr]


def test_durations() -> None:
    assert parse_duration("8 hari") == parse_duration("8d") == timedelta(days=8)
    assert parse_duration("2 jam") == timedelta(hours=2)
    assert parse_duration("5 Menit") == timedelta(minutes=5)
    with pytest.raises(ValueError):
        parse_duration("sebentar")
    assert format_duration(timedelta(days=2, hours=3, minutes=4)) == "2 hari 3 jam 4 menit"
    assert format_duration(timedelta(0)) == "0 menit"


def test_overdue_is_strictly_longer_than_the_standard() -> None:
    tuesday_8am = 1746493200  # 2025-05-06 08:00 WIB, a working day
    assert not is_overdue(tuesday_8am, tuesday_8am + 3600, timedelta(hours=1))
    assert is_overdue(tuesday_8am, tuesday_8am + 3601, timedelta(hours=1))


def test_sop_definition_errors() -> None:
    swapped = default_sop_text().replace("action: sign", "action: paraf", 1)
    with pytest.raises(UserError) as caught:
        load_sop(swapped)
    assert msg.SOP_SIGN_LAST in caught.value.message
    with pytest.raises(UserError) as caught:
        load_sop(default_sop_text().replace("roles: [sekretaris]\n    activity: Mengoreksi",
                                            "roles: [bupati]\n    activity: Mengoreksi"))
    assert msg.SOP_UNKNOWN_ROLE.format(step=7, role="bupati") in caught.value.message
    with pytest.raises(UserError) as caught:
        load_sop("roles: [")
    assert "Definisi SOP" in caught.value.message


def test_roster_rules(actors: dict[str, Actor]) -> None:
    roster = roster_of(actors, "inspektur", "staf")
    kas = actors["kasubbag"]
    added = roster.add(SOP, role="kasubbag_perencanaan", name=kas.name, nip=kas.nip,
                       jabatan="Kasubbag", key=kas.public_key)
    assert added.holds(kas.public_key, "kasubbag_perencanaan")
    with pytest.raises(UserError, match="hanya boleh dipegang satu orang"):
        added.add(SOP, role="inspektur", name="X", nip="1" * 18, jabatan="", key=actors[
            "outsider"].public_key)
    with pytest.raises(UserError, match="sudah terdaftar atas nama"):
        added.add(SOP, role="irban", name="X", nip="1" * 18, jabatan="", key=kas.public_key)
    with pytest.raises(UserError, match="tidak dikenal"):
        added.add(SOP, role="bupati", name="X", nip="1" * 18, jabatan="",
                  key=actors["outsider"].public_key)
    both = added.add(SOP, role="irban", name=kas.name, nip=kas.nip, jabatan="",
                     key=kas.public_key)
    assert both.by_nip(kas.nip).roles == ("kasubbag_perencanaan", "irban")  # type: ignore[union-attr]
    assert parse_roster(dump_roster(both)) == both
    with pytest.raises(UserError, match="Tidak ada orang dengan NIP"):
        both.remove("2" * 18)
    assert normalize_nip("19740705 200604 1 007") == "197407052006041007"
    with pytest.raises(UserError, match="18 angka"):
        normalize_nip("1974")


def test_effective_roster_keeps_removals_and_ignores_additions(actors: dict[str, Actor]) -> None:
    base = roster_of(actors, "inspektur", "sekretaris")
    later = [roster_of(actors, "inspektur", "sekretaris", "staf"), roster_of(actors, "inspektur")]
    effective = effective_roster(base, later)
    assert [p.nip for p in effective.people] == [actors["inspektur"].nip]


def test_allowed_signers_format(actors: dict[str, Actor]) -> None:
    text = allowed_signers(roster_of(actors, "inspektur"))
    key = actors["inspektur"].public_key
    assert text == (f'{actors["inspektur"].nip} namespaces="git,lkjip-archive" '
                    f'{key.type} {key.blob}\n')


def test_public_key_must_be_consistent(actors: dict[str, Actor]) -> None:
    key = actors["staf"].public_key
    with pytest.raises(ValueError):
        parse_public_key(f"ssh-rsa {key.blob}")  # blob says ssh-ed25519
    with pytest.raises(ValueError):
        parse_public_key("bukan kunci")


def test_trailers_are_strict() -> None:
    good = format_message("Paraf", "catatan\nLkjip-Role: palsu", {"Action": "paraf",
                                                                   "Role": "sekretaris"})
    parsed = parse_commit(_raw(good))
    assert parsed.trailers == {"Action": "paraf", "Role": "sekretaris"}
    with pytest.raises(CommitFormatError, match="berulang atau tidak dikenal"):
        parse_commit(_raw("Paraf\n\nLkjip-Role: a\nLkjip-Role: b\n"))
    with pytest.raises(CommitFormatError, match="berulang atau tidak dikenal"):
        parse_commit(_raw("Paraf\n\nLkjip-Approve: yes\n"))
    with pytest.raises(CommitFormatError, match="di luar bagian akhir"):
        parse_commit(_raw("Paraf\n\nLkjip-Role: a\n\nSigned-off-by: x\n"))


def _raw(message: str, extra_headers: str = "") -> bytes:
    head = (f"tree {'a' * 40}\nparent {'b' * 40}\nauthor A <a@x> 1700000000 +0700\n"
            f"committer A <a@x> 1700000000 +0700\n{extra_headers}")
    return f"{head}\n{message}".encode()


@pytest.mark.parametrize("header", [
    "mergetag object abc\n", "gpgsig-sha256 -----BEGIN SSH SIGNATURE-----\n", "encoding latin1\n",
])
def test_commit_headers_git_would_tolerate_are_refused(header: str) -> None:
    with pytest.raises(CommitFormatError, match="kepala yang tidak dikenal"):
        parse_commit(_raw("m\n", header))


def test_duplicate_signature_header_is_refused() -> None:
    sig = "gpgsig -----BEGIN SSH SIGNATURE-----\n U1NI\n -----END SSH SIGNATURE-----\n"
    with pytest.raises(CommitFormatError) as caught:
        parse_commit(_raw("m\n", sig + sig))
    assert str(caught.value) == msg.COMMIT_DUPLICATE_SIGNATURE


def test_duplicate_signature_in_a_round_fails_verification(office: Office) -> None:
    office.round_at("kasubbag")
    office.ok("paraf", as_="kasubbag")
    repo = office.repo
    _, raw = repo.read(office.head())
    head, _, body = raw.partition(b"\n\n")
    sig_at = head.index(b"\ngpgsig ")
    doubled = head + head[sig_at:] + b"\n\n" + body
    oid = repo.odb.write(pygit2.enums.ObjectType.COMMIT, doubled)
    repo.references["refs/heads/review/2025/1"].set_target(oid)
    expect_error(office.lkjip("verify"), msg.COMMIT_DUPLICATE_SIGNATURE)


def test_signature_in_another_namespace_is_refused(tmp_path: Path,
                                                   actors: dict[str, Actor]) -> None:
    payload = tmp_path / "payload"
    payload.write_bytes(b"tree x\n")
    subprocess.run(["ssh-keygen", "-Y", "sign", "-n", "file", "-f", str(actors["staf"].key),
                    str(payload)], check=True, capture_output=True)
    signature = (tmp_path / "payload.sig").read_text()
    check = verify_signature(b"tree x\n", signature)
    assert not check.valid
    assert check.reason == msg.SIG_NAMESPACE.format(namespace="file")
    assert check.key == actors["staf"].public_key
    assert verify_signature(b"tree x\n", "-----BEGIN PGP SIGNATURE-----\nx\n").reason \
        == msg.SIG_NOT_SSH
