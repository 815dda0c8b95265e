"""The whole SOP on a real repository: start, draft, submit, paraf, paraf, sign, verify."""

from __future__ import annotations

import pygit2
from workflow_helpers import Office, git

from pipeline.workflow.commits import parse_commit


def test_full_happy_path_verifies_with_lkjip_and_with_stock_git(office: Office) -> None:
    a = office.actors
    started = office.ok("start", "--year", "2025", as_="inspektur")
    assert "2025" in started.out and a["inspektur"].name in started.out

    office.draft()
    draft_tip = office.head()
    submitted = office.ok("submit", as_="staf")
    assert "review/2025/1" in submitted.out
    assert office.branch() == "review/2025/1"
    assert a["kasubbag"].name in submitted.out  # who acts next

    office.ok("paraf", "--note", "sudah dikoreksi", as_="kasubbag")
    office.ok("paraf", as_="sekretaris")
    signed = office.ok("sign", as_="inspektur")
    assert "lengkap" in signed.out

    verified = office.ok("verify")
    lines = verified.out.splitlines()
    chain = [line for line in lines if "NIP" in line]
    assert [a[s].nip in line for s, line in
            zip(("kasubbag", "sekretaris", "inspektur"), chain, strict=True)] == [True] * 3
    for short in ("kasubbag", "sekretaris", "inspektur"):
        assert office.actors[short].person().key.fingerprint in verified.out

    # Every lkjip commit (start, hand-off, two parafs, signature) passes stock git.
    events = office.git("rev-list", f"{draft_tip}..HEAD").stdout.split()
    events.append(office.tip("main"))
    assert len(events) == 5
    for oid in events:
        result = office.git_verify(oid)
        assert result.returncode == 0, result.stderr
        assert 'Good "git" signature' in result.stderr

    # Parafs approve the tree: every paraf commit has its parent's tree, the draft's content.
    repo = office.repo
    for oid in events[:4]:
        commit = repo.get(oid)
        assert commit.tree_id == repo.get(draft_tip).tree_id


def test_lkjip_commit_is_byte_identical_to_git_commit_S(office: Office) -> None:
    """The same commit re-made by stock git (same dates, key, message) has the same id."""
    office.round_at("kasubbag")
    office.ok("paraf", as_="kasubbag")
    ours = office.repo.get(office.head())
    _, raw = office.repo.read(ours.id)
    parsed = parse_commit(raw)
    env = {
        "GIT_AUTHOR_DATE": f"{parsed.author.time} {parsed.author.offset}",
        "GIT_COMMITTER_DATE": f"{parsed.committer.time} {parsed.committer.offset}",
    }
    (office.path.parent / "msg").write_text(ours.message)
    theirs = git(office.path, "-c", "gpg.format=ssh",
                 "-c", f"user.signingkey={office.actors['kasubbag'].key}",
                 "commit-tree", str(ours.tree_id), "-p", str(ours.parent_ids[0]), "-S",
                 "-F", str(office.path.parent / "msg"), env=env).stdout.strip()
    assert theirs == str(ours.id)
    assert isinstance(office.repo.get(theirs), pygit2.Commit)
