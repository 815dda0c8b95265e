"""``lkjip merge`` (step 9) and ``lkjip verify --branch main`` on real repositories."""

from __future__ import annotations

import pytest
from publish_helpers import approved_round, forge_merge, merge_trailers, refs
from workflow_helpers import Office, expect_error

from pipeline.messages import publish as msg
from pipeline.messages import workflow as wmsg
from pipeline.workflow.commits import parse_commit
from pipeline.workflow.verify import MainFacts, verify_main


def test_merge_of_a_signed_round_is_a_signed_two_parent_commit_with_the_approved_tree(
        office: Office) -> None:
    branch = approved_round(office)
    main_before, round_tip = office.tip("main"), office.tip(branch)
    done = office.ok("merge", as_="kasubbag")
    assert "2025/1" in done.out and office.actors["kasubbag"].name in done.out
    repo = office.repo
    merged = repo.get(office.tip("main"))
    assert [str(p) for p in merged.parent_ids] == [main_before, round_tip]
    assert merged.tree_id == repo.get(round_tip).tree_id
    trailers = parse_commit(repo.read(merged.id)[1]).trailers
    assert trailers["Action"] == "merge" and trailers["Round"] == "2025/1"
    assert trailers["NIP"] == office.actors["kasubbag"].nip
    assert office.git_verify("main").returncode == 0  # stock git agrees on the signature
    assert office.branch() == "main"
    assert (office.path / "content/bab-3.md").read_text() == "# Bab III\n"
    assert office.git("status", "--porcelain").stdout == ""

    verified = office.ok("verify", "--branch", "main")
    assert "sah" in verified.out and "putaran 2025/1" in verified.out
    assert "1 gabungan" in verified.out and "1 perintah mulai" in verified.out
    expect_error(office.lkjip("merge", "review/2025/1", as_="kasubbag"),
                 msg.MERGE_ALREADY.format(round="2025/1"))


@pytest.mark.parametrize("who", ["sekretaris", "staf", "outsider"])
def test_only_the_kasubbag_perencanaan_merges(office: Office, who: str) -> None:
    approved_round(office)
    before = refs(office.path)
    result = office.lkjip("merge", as_=who)
    assert result.rc == 1
    if who == "outsider":
        assert "tidak terdaftar" in result.err
    else:
        assert msg.MERGE_WRONG_ROLE.format(
            name=office.actors[who].name, roles="Kepala Sub Bagian Perencanaan",
            holders=office.actors["kasubbag"].name) in result.err
    assert refs(office.path) == before


def test_merge_refuses_an_unsigned_round_and_says_what_is_missing(office: Office) -> None:
    office.round_at("kasubbag")
    office.ok("paraf", as_="kasubbag")
    office.ok("paraf", as_="sekretaris")
    before = refs(office.path)
    result = office.lkjip("merge", as_="kasubbag")
    expect_error(result, "Putaran 2025/1 belum sah")
    assert "belum ada Inspektur" in result.err
    assert refs(office.path) == before


def test_merge_refuses_when_main_moved_since_the_round_began(office: Office) -> None:
    branch = approved_round(office)
    office.git("switch", "-q", "main")
    office.ok("start", "--year", "2026", as_="inspektur")  # main moves (no content change)
    office.git("switch", "-q", branch)
    before = refs(office.path)
    result = office.lkjip("merge", as_="kasubbag")
    expect_error(result, "main sudah berubah sejak putaran 2025/1 dimulai")
    assert "lkjip submit" in result.err and "git merge main" in result.err
    assert refs(office.path) == before


def test_merge_refuses_a_dirty_work_tree(office: Office) -> None:
    approved_round(office)
    before = refs(office.path)
    office.write("content/bab-3.md", "belum disimpan\n")
    expect_error(office.lkjip("merge", as_="kasubbag"), "belum di-commit")
    assert refs(office.path) == before
    assert (office.path / "content/bab-3.md").read_text() == "belum disimpan\n"


def test_merge_needs_a_round(office: Office) -> None:
    office.ok("start", "--year", "2025", as_="inspektur")
    expect_error(office.lkjip("merge", as_="kasubbag"), msg.MERGE_NEED_ROUND)
    expect_error(office.lkjip("merge", "2025/7", as_="kasubbag"),
                 msg.MERGE_NO_SUCH_ROUND.format(round="2025/7"))


# --- verify --branch main ----------------------------------------------------------------


def _main_problems(office: Office) -> str:
    result = office.lkjip("verify", "--branch", "main")
    assert result.rc == 1, result.out
    assert "TIDAK sah" in result.out
    return result.out


def test_a_direct_commit_on_main_is_named(office: Office) -> None:
    approved_round(office)
    office.ok("merge", as_="kasubbag")
    direct = office.commit("content/bab-3.md", "diubah langsung\n", "langsung di main")
    out = _main_problems(office)
    assert f"{direct[:10]}: {wmsg.M_DIRECT_COMMIT}" in out


def test_an_unsigned_merge_of_a_signed_round_does_not_count(office: Office) -> None:
    approved_round(office)
    office.git("switch", "-q", "main")
    office.git("merge", "-q", "--no-ff", "-m", "gabung", "review/2025/1")
    merge = office.head()
    out = _main_problems(office)
    assert f"{merge[:10]}: {wmsg.V_UNSIGNED}" in out


def test_merge_rules_as_written_behind_lkjips_back(office: Office) -> None:
    branch = approved_round(office)
    # Signed by the sekretaris claiming the kasubbag's role: identity is the key.
    forge_merge(office, branch, as_="sekretaris")
    assert "kuncinya milik Dra. SITI AMINAH" in _main_problems(office)
    office.git("update-ref", "refs/heads/main", "main^1")
    # Right signer, but a tree other than the approved one.
    other = office.repo.get(office.tip("main")).tree_id
    forge_merge(office, branch, tree=str(other))
    assert wmsg.M_TREE_DIFFERS.format(round="2025/1") in _main_problems(office)
    office.git("update-ref", "refs/heads/main", "main^1")
    # A sekretaris holding the role in the trailers but not in the roster.
    trailers = merge_trailers(office, as_="sekretaris", role="sekretaris")
    forge_merge(office, branch, as_="sekretaris", trailers=trailers)
    assert "padahal yang berhak menggabung ke main" in _main_problems(office)


def test_merge_of_an_unapproved_round_is_named(office: Office) -> None:
    office.round_at("sekretaris")
    branch = office.branch()
    forge_merge(office, branch)
    out = _main_problems(office)
    assert "putaran 2025/1 yang digabung belum sah" in out and "Inspektur" in out


def test_the_anchor_comes_from_configuration_not_content(office: Office) -> None:
    early = office.tip("main")
    office.git("switch", "-q", "main")
    late = office.commit("content/x.md", "sebelum jangkar\n", "riwayat lama")
    assert f"{late[:10]}: {wmsg.M_DIRECT_COMMIT}" in _main_problems(office)
    office.git("config", "lkjip.anchor", late)  # commits before it are history, not judged
    office.ok("verify", "--branch", "main")
    office.git("config", "lkjip.anchor", "0" * 40)
    assert wmsg.M_ANCHOR_NOT_ON_MAIN.format(anchor="0" * 10) in _main_problems(office)
    office.git("config", "lkjip.anchor", early)
    assert f"{late[:10]}" in _main_problems(office)


def test_verify_main_without_an_anchor_fails_closed() -> None:
    verdict = verify_main(MainFacts("a" * 40, None, False, ()))
    assert not verdict.ok and [p.code for p in verdict.problems] == ["no-anchor"]
