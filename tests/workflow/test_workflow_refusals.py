"""Every paraf is refused, or fails verification, when it must not count."""

from __future__ import annotations

import pygit2
import pytest
from workflow_helpers import STAFF, Actor, Office, expect_error, init_office, roster_of

from pipeline.messages import workflow as msg
from pipeline.workflow import rounds
from pipeline.workflow.roster import Roster, dump_roster
from pipeline.workflow.verify import Verdict


def verdict_of(office: Office, rev: str = "HEAD") -> Verdict:
    judged = rounds.judge(office.repo, office.tip(rev))
    assert judged is not None
    return judged[2]


def codes(verdict: Verdict) -> list[str]:
    return [p.code for p in verdict.problems]


def fingerprint(actor: Actor) -> str:
    return actor.public_key.fingerprint


def test_key_not_in_roster(office: Office) -> None:
    office.round_at("kasubbag")
    before = office.head()
    outsider = office.actors["outsider"]
    expect_error(office.lkjip("paraf", as_="outsider"),
                 msg.YOU_ARE_NOT_IN_ROSTER.format(fingerprint=fingerprint(outsider)))
    assert office.head() == before

    office.forge("outsider", office.trailers("outsider", role="kasubbag_perencanaan"))
    result = office.lkjip("verify")
    expect_error(result, msg.V_KEY_NOT_IN_ROSTER.format(fingerprint=fingerprint(outsider)))
    assert codes(verdict_of(office)) == ["key-not-in-roster"]


def test_signer_holding_another_role(office: Office) -> None:
    office.round_at("kasubbag")
    a = office.actors
    expect_error(office.lkjip("paraf", as_="sekretaris"), msg.NOT_YOUR_TURN.format(
        name=a["sekretaris"].name, yours="Sekretaris", role="Kepala Sub Bagian Perencanaan",
        step=6, holders=a["kasubbag"].name))
    office.forge("sekretaris", office.trailers("sekretaris", role="kasubbag_perencanaan"))
    expect_error(office.lkjip("verify"), msg.V_NOT_ROLE_HOLDER.format(
        name=a["sekretaris"].name, role="Kepala Sub Bagian Perencanaan", roles="Sekretaris"))
    assert codes(verdict_of(office)) == ["not-role-holder"]


def test_wrong_order(office: Office) -> None:
    office.round_at("kasubbag")
    office.forge("sekretaris", office.trailers("sekretaris", step=7))
    expect_error(office.lkjip("verify"), msg.V_WRONG_ORDER.format(
        role="Sekretaris", expected="Kepala Sub Bagian Perencanaan"))
    assert codes(verdict_of(office)) == ["wrong-order"]


def test_paraf_where_signature_is_due_and_sign_too_early(office: Office) -> None:
    office.round_at("kasubbag")
    expect_error(office.lkjip("sign", as_="inspektur"), "Bukan giliran Anda")
    office.ok("paraf", as_="kasubbag")
    office.ok("paraf", as_="sekretaris")
    expect_error(office.lkjip("paraf", as_="inspektur"), msg.USE_SIGN.format(role="Inspektur"))
    # A forged "paraf" where the SOP wants the signature does not complete the chain.
    office.forge("inspektur", office.trailers("inspektur", step=8))
    expect_error(office.lkjip("verify"), msg.V_ACTION_MISMATCH.format(
        action="paraf", role="Inspektur", expected="sign"))


def test_one_person_cannot_paraf_for_two_roles(tmp_path, actors) -> None:  # type: ignore[no-untyped-def]
    kasubbag = actors["kasubbag"].person()
    both = Roster((*roster_of(actors, "inspektur", "staf").people,
                   type(kasubbag)(kasubbag.nip, kasubbag.name, "", ("kasubbag_perencanaan",
                                  "sekretaris"), kasubbag.key)))
    office = init_office(tmp_path / "two", actors, both)
    office.round_at("kasubbag")
    office.ok("paraf", as_="kasubbag")
    expect_error(office.lkjip("paraf", as_="kasubbag"), msg.ALREADY_OTHER_ROLE.format(
        name=kasubbag.name, earlier="Kepala Sub Bagian Perencanaan", role="Sekretaris"))
    office.forge("kasubbag", office.trailers("kasubbag", role="sekretaris", step=7))
    expect_error(office.lkjip("verify"), msg.V_TWO_ROLES.format(
        name=kasubbag.name, role="Sekretaris", earlier="Kepala Sub Bagian Perencanaan"))
    assert codes(verdict_of(office)) == ["two-roles"]


def test_content_change_after_paraf_voids_it(office: Office) -> None:
    office.round_at("kasubbag")
    office.ok("paraf", as_="kasubbag")
    office.commit("content/bab-3.md", "# Bab III (dikoreksi sekretaris)\n", "koreksi")
    verdict = verdict_of(office)
    assert verdict.state == "open" and not verdict.problems
    assert [e.role for e in verdict.voided] == ["kasubbag_perencanaan"]
    assert verdict.next_step is not None and verdict.next_step.number == 6
    expect_error(office.lkjip("paraf", as_="sekretaris"), "sekarang giliran Kepala Sub Bagian")
    expect_error(office.lkjip("verify"), "belum ada Kepala Sub Bagian Perencanaan, Sekretaris")
    office.ok("paraf", as_="kasubbag")
    office.ok("paraf", as_="sekretaris")
    office.ok("sign", as_="inspektur")
    final = verdict_of(office)
    assert final.ok
    tree = str(office.repo.get(office.head()).tree_id)
    assert {str(office.repo.get(e.commit).tree_id) for e in final.chain} == {tree}


def test_approval_commit_that_changes_content(office: Office) -> None:
    office.round_at("kasubbag")
    other_tree = str(office.repo.get(office.tip("main")).tree_id)
    office.forge("kasubbag", office.trailers("kasubbag"), tree=other_tree)
    expect_error(office.lkjip("verify"), msg.V_CHANGES_CONTENT)
    assert codes(verdict_of(office)) == ["approval-changes-content"]


def test_replayed_signature_over_a_different_commit(office: Office) -> None:
    office.round_at("kasubbag")
    office.ok("paraf", as_="kasubbag")
    paraf = office.repo.get(office.head())
    correction = office.commit("content/bab-3.md", "# Bab III, isi lain\n", "ganti isi")
    # Kasubbag's genuine signature, moved onto a commit approving the new content.
    _, raw = office.repo.read(paraf.id)
    new_tree = office.repo.get(correction).tree_id
    forged = raw.replace(f"tree {paraf.tree_id}".encode(), f"tree {new_tree}".encode()) \
                .replace(f"parent {paraf.parent_ids[0]}".encode(), f"parent {correction}".encode())
    oid = office.repo.odb.write(pygit2.enums.ObjectType.COMMIT, forged)
    office.repo.references["refs/heads/review/2025/1"].set_target(oid)
    expect_error(office.lkjip("verify"), msg.V_BAD_SIGNATURE.format(reason=msg.SIG_INVALID))
    assert codes(verdict_of(office)) == ["bad-signature"]
    assert office.git_verify(str(oid)).returncode != 0  # stock git agrees


def _git_commit_S(office: Office, who: str, trailers: dict[str, str]) -> None:
    lines = "\n".join(f"Lkjip-{k}: {v}" for k, v in trailers.items())
    (office.path.parent / "msg").write_text(f"paraf manual\n\n{lines}\n")
    office.git("-c", "gpg.format=ssh", "-c", f"user.signingkey={office.actors[who].key}",
               "commit", "-q", "--allow-empty", "-S", "-F", str(office.path.parent / "msg"))


def test_git_commit_S_by_someone_outside_the_roster(office: Office) -> None:
    office.round_at("kasubbag")
    _git_commit_S(office, "outsider", office.trailers("outsider", role="kasubbag_perencanaan"))
    expect_error(office.lkjip("verify"), msg.V_KEY_NOT_IN_ROSTER.format(
        fingerprint=fingerprint(office.actors["outsider"])))


def test_git_commit_S_by_the_right_person_counts(office: Office) -> None:
    """lkjip's format is git's: a hand-made paraf with the right key and trailers is valid."""
    office.round_at("kasubbag")
    _git_commit_S(office, "kasubbag", office.trailers("kasubbag"))
    verdict = verdict_of(office)
    assert not verdict.problems and [e.role for e in verdict.chain] == ["kasubbag_perencanaan"]


def test_roster_change_inside_the_round_does_not_count(office: Office) -> None:
    office.round_at("kasubbag")
    a = office.actors
    office.ok("roster", "remove", "--nip", a["kasubbag"].nip)
    office.ok("roster", "add", "--role", "kasubbag_perencanaan", "--name", a["outsider"].name,
              "--nip", a["outsider"].nip, "--key", str(a["outsider"].pub))
    office.git("commit", "-q", "-am", "ganti kasubbag")
    expect_error(office.lkjip("paraf", as_="outsider"),
                 msg.YOU_ARE_NOT_IN_ROSTER.format(fingerprint=fingerprint(a["outsider"])))
    office.ok("paraf", as_="kasubbag")  # the roster at the round's base still rules


def _change_roster_on_main(office: Office, roster: Roster) -> None:
    back = office.branch()
    office.git("switch", "-q", "main")
    office.commit("sop/roster.yaml", dump_roster(roster), "ubah daftar peran langsung di main")
    office.git("switch", "-q", back)


def test_roster_changed_on_main_outside_an_approved_round(office: Office) -> None:
    a = office.actors
    office.ok("start", "--year", "2025", as_="inspektur")
    _change_roster_on_main(office, roster_of(a, *STAFF).add(
        rounds.sop_at(office.repo, office.tip("main")), role="irban", name=a["outsider"].name,
        nip=a["outsider"].nip, jabatan="Irban", key=a["outsider"].public_key))
    office.draft()
    result = office.lkjip("submit", as_="staf")
    expect_error(result, msg.ROSTER_UNAPPROVED)
    assert office.branch() == "draft/bab-3"
    assert office.git("branch", "--list", "review/*").stdout == ""


def test_roster_change_through_an_approved_round_is_trusted(office: Office) -> None:
    a = office.actors
    office.ok("start", "--year", "2025", as_="inspektur")
    office.draft()
    office.ok("roster", "add", "--role", "irban", "--name", a["outsider"].name,
              "--nip", a["outsider"].nip, "--key", str(a["outsider"].pub))
    office.git("commit", "-q", "-am", "tambah irban")
    office.approve_and_merge()  # ends with the signed merge of step 9 (lkjip merge)
    office.draft("draft/perbaikan", "# Bab III v2\n")
    office.ok("submit", as_="staf")
    assert office.branch() == "review/2025/2"
    assert verdict_of(office).state == "open"
    # The same change made by a merge of an unapproved branch is not trusted.
    office.git("switch", "-q", "-c", "draft/nakal", "main")
    office.commit("sop/roster.yaml", dump_roster(roster_of(a, *STAFF)), "kembalikan daftar")
    office.git("switch", "-q", "main")
    office.git("merge", "-q", "--no-ff", "-m", "gabung tanpa putaran", "draft/nakal")
    office.git("switch", "-q", "-c", "draft/lagi", "main")
    office.commit("content/x.md", "x\n")
    office.git("branch", "-q", "-D", "review/2025/2")
    expect_error(office.lkjip("submit", as_="staf"), msg.ROSTER_UNAPPROVED)


def test_key_revoked_on_main_voids_pending_paraf(office: Office) -> None:
    a = office.actors
    office.round_at("kasubbag")
    office.ok("paraf", as_="kasubbag")
    _change_roster_on_main(office, roster_of(a, "inspektur", "sekretaris", "staf", "irban"))
    expect_error(office.lkjip("verify"), msg.V_KEY_REVOKED.format(
        name=a["kasubbag"].name, nip=a["kasubbag"].nip, fingerprint=fingerprint(a["kasubbag"])))
    assert codes(verdict_of(office)) == ["key-revoked"]
    expect_error(office.lkjip("paraf", as_="sekretaris"), "Putaran 2025/1 bermasalah")


def test_key_revoked_before_the_paraf(office: Office) -> None:
    a = office.actors
    office.round_at("kasubbag")
    office.ok("paraf", as_="kasubbag")
    _change_roster_on_main(office, roster_of(a, "inspektur", "kasubbag", "staf", "irban"))
    expect_error(office.lkjip("paraf", as_="sekretaris"),
                 msg.YOU_ARE_REVOKED.format(fingerprint=fingerprint(a["sekretaris"])))


@pytest.mark.parametrize("command", ["paraf", "return", "submit"])
def test_dirty_work_tree_refuses_and_changes_nothing(office: Office, command: str) -> None:
    office.round_at("kasubbag")
    who = "kasubbag"
    if command == "submit":
        office.ok("return", "--note", "lengkapi", as_="kasubbag")
        office.git("switch", "-q", "draft/bab-3")
        who = "staf"
    refs = office.git("for-each-ref").stdout
    office.write("content/bab-3.md", "perubahan belum disimpan\n")
    office.write("catatan.txt", "berkas baru\n")
    args = [command] + (["--note", "x"] if command == "return" else [])
    expect_error(office.lkjip(*args, as_=who), "belum di-commit")
    assert office.git("for-each-ref").stdout == refs
    assert (office.path / "content/bab-3.md").read_text() == "perubahan belum disimpan\n"
    assert (office.path / "catatan.txt").read_text() == "berkas baru\n"
