"""Reading the facts verification needs from a repository (pygit2), and the policy in force.

Nothing here decides anything: it reports what the objects say (strictly parsed) and
whether each signature is cryptographically valid and by which key. The judging is in
:mod:`pipeline.workflow.verify`.
"""

from __future__ import annotations

import pygit2

from pipeline.workflow import gitrepo
from pipeline.workflow.commits import CommitFormatError, parse_commit
from pipeline.workflow.roster import ROSTER_PATH, Roster, effective_roster, parse_roster
from pipeline.workflow.signing import verify_signature
from pipeline.workflow.sop import SOP_PATH, Sop, load_sop
from pipeline.workflow.verify import CommitFact, Policy, RosterChange, RoundFacts

ROUND_WALK_LIMIT = 10_000


def commit_fact(repo: pygit2.Repository, oid: pygit2.Oid | str) -> CommitFact:
    commit = repo.get(oid)
    if not isinstance(commit, pygit2.Commit):
        raise KeyError(str(oid))
    parents = tuple(str(p) for p in commit.parent_ids)
    parent_tree = str(repo.get(parents[0]).tree_id) if parents else None
    _, raw = repo.read(commit.id)
    try:
        parsed = parse_commit(raw)
    except CommitFormatError as exc:
        # Keep what libgit2 sees so the walk can go on; the error fails the round.
        return CommitFact(str(commit.id), parents, str(commit.tree_id), parent_tree,
                          commit.commit_time, commit.message.split("\n")[0], "",
                          format_error=str(exc))
    subject, _, rest = parsed.message.partition("\n")
    paragraphs = [p for p in rest.strip("\n").split("\n\n") if p.strip()]
    body = "\n\n".join(paragraphs[:-1] if parsed.trailers else paragraphs).strip()
    signature = None
    if parsed.signature is not None and parsed.trailers.get("Action"):
        # Only lkjip's own events need a signature check; corrections may be unsigned.
        signature = verify_signature(parsed.payload, parsed.signature)
    return CommitFact(str(commit.id), parsed.parents, parsed.tree, parent_tree,
                      parsed.committer.time, subject, body, parsed.trailers, None, signature)


def find_round(repo: pygit2.Repository, rev: pygit2.Oid | str) -> tuple[CommitFact,
                                                                         list[CommitFact]] | None:
    """The hand-off commit of the round ``rev`` is in, and the commits after it (oldest first).

    Follows first parents from ``rev`` back to the nearest ``Lkjip-Action: submit``.
    """
    after: list[CommitFact] = []
    fact = commit_fact(repo, rev)
    for _ in range(ROUND_WALK_LIMIT):
        if fact.trailers.get("Action") == "submit":
            return fact, list(reversed(after))
        if not fact.parents:
            return None
        after.append(fact)
        fact = commit_fact(repo, fact.parents[0])
    return None


def sop_at(repo: pygit2.Repository, commit: pygit2.Oid | str) -> Sop:
    text = gitrepo.read_text_at(repo, commit, SOP_PATH)
    return load_sop(text, SOP_PATH) if text is not None else load_sop()


def roster_at(repo: pygit2.Repository, commit: pygit2.Oid | str) -> Roster:
    return parse_roster(gitrepo.read_text_at(repo, commit, ROSTER_PATH))


def _merge_point(repo: pygit2.Repository, main_line: list[str], rev: str) -> int | None:
    """Index in ``main_line`` (newest first) of the oldest commit that contains ``rev``."""
    found = None
    for index, oid in enumerate(main_line):
        if gitrepo.is_ancestor(repo, rev, oid):
            found = index
        else:
            break
    return found


def round_facts_and_policy(
    repo: pygit2.Repository, rev: pygit2.Oid | str, *, main_line: list[str] | None = None,
    provenance: bool = True,
) -> tuple[RoundFacts, Policy] | None:
    """The facts of the round ``rev`` belongs to, and the policy that judges it."""
    found = find_round(repo, rev)
    if found is None:
        return None
    handoff, after = found
    if main_line is None:
        tip = gitrepo.branch_tip(repo, gitrepo.MAIN)
        main_line = gitrepo.first_parent_line(repo, tip) if tip is not None else []
    base = handoff.trailers.get("Base", "")
    base_index = main_line.index(base) if base in main_line else None
    base_ok = base_index is not None and gitrepo.is_ancestor(repo, base, handoff.oid)
    rev_fact = after[-1] if after else handoff
    merge_index = _merge_point(repo, main_line, rev_fact.oid)
    facts = RoundFacts(rev_fact.oid, rev_fact.tree, handoff, tuple(after), base_ok,
                       merged=merge_index is not None)
    if base_index is None or not base_ok:
        # Fail closed: no trustworthy base, no roster; verify reports the base problem.
        return facts, Policy(load_sop(), Roster(), Roster())
    # Rosters on main after the base, up to the merge (a merged round) or the tip: their
    # removals void parafs by the removed keys.
    end = merge_index + 1 if merge_index is not None else 0
    later = [roster_at(repo, oid) for oid in main_line[end:base_index]]
    base_roster = roster_at(repo, base)
    changes: tuple[RosterChange, ...] = ()
    if provenance:
        changes = tuple(_roster_changes(repo, main_line[base_index:], main_line))
    policy = Policy(sop_at(repo, base), effective_roster(base_roster, later), base_roster,
                    changes)
    return facts, policy


def _roster_changes(repo: pygit2.Repository, line: list[str],
                    main_line: list[str]) -> list[RosterChange]:
    """Roster changes on ``line`` (newest first), except the oldest: the trust anchor."""
    points: list[str] = []
    for index, oid in enumerate(line):
        older = line[index + 1] if index + 1 < len(line) else None
        here = gitrepo.blob_id_at(repo, oid, ROSTER_PATH)
        before = gitrepo.blob_id_at(repo, older, ROSTER_PATH) if older else None
        if here != before:
            points.append(oid)
    changes = []
    for oid in points[:-1]:
        commit = repo.get(oid)
        if len(commit.parent_ids) != 2:
            changes.append(RosterChange(oid, False))
            continue
        merged = repo.get(commit.parent_ids[1])
        tree_matches = merged.tree_id == commit.tree_id
        nested = round_facts_and_policy(repo, merged.id, main_line=main_line, provenance=False)
        if nested is None:
            changes.append(RosterChange(oid, False))
        else:
            changes.append(RosterChange(oid, tree_matches, nested[0], nested[1]))
    return changes
