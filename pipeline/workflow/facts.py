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
from pipeline.workflow.verify import (
    CommitFact,
    MainCommit,
    MainFacts,
    Policy,
    RosterChange,
    RoundFacts,
)

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
    """Roster changes on ``line`` (newest first) after the trust anchor: each is a commit whose
    roster differs from its first parent's. The anchor's own roster is trusted as it is."""
    anchor = trust_anchor(repo, main_line)
    if anchor is None:
        return []
    if anchor not in line:
        # The anchor is not at or before the round's base: nothing before it can be trusted.
        return [RosterChange(line[0])] if line else []
    changes = []
    for oid in line[:line.index(anchor)]:
        commit = repo.get(oid)
        parent = commit.parent_ids[0] if commit.parent_ids else None
        before = gitrepo.blob_id_at(repo, parent, ROSTER_PATH) if parent else None
        if gitrepo.blob_id_at(repo, oid, ROSTER_PATH) == before:
            continue
        if len(commit.parent_ids) != 2:
            changes.append(RosterChange(oid))
            continue
        nested = round_facts_and_policy(repo, commit.parent_ids[1], main_line=main_line,
                                        provenance=False)
        fact = commit_fact(repo, oid)
        changes.append(RosterChange(oid, fact, *nested) if nested else RosterChange(oid, fact))
    return changes


# --- the trust anchor and main as a whole -------------------------------------------------

ANCHOR_CONFIG = "lkjip.anchor"


def configured_anchor(repo: pygit2.Repository) -> str | None:
    """``git config lkjip.anchor`` of the repository (a server sets it on its bare repository):
    configuration, never content, so no round can move it. Resolved to a full commit id when
    possible; an unresolvable value is returned as written (it is then on no line: fail closed).
    """
    try:
        value = str(repo.config[ANCHOR_CONFIG]).strip()
    except KeyError:
        return None
    try:
        return str(repo.revparse_single(value).peel(pygit2.Commit).id)
    except (KeyError, ValueError, pygit2.GitError):
        return value


def default_anchor(repo: pygit2.Repository, line: list[str]) -> str | None:
    """The oldest commit on ``line`` (newest first) that holds the roster file."""
    for oid in reversed(line):
        if gitrepo.blob_id_at(repo, oid, ROSTER_PATH) is not None:
            return oid
    return None


def trust_anchor(repo: pygit2.Repository, line: list[str]) -> str | None:
    """The one trust anchor: the configured ``lkjip.anchor``, else the first commit of main's
    line that holds ``sop/roster.yaml`` (its roster is trusted as it is)."""
    configured = configured_anchor(repo)
    return configured if configured is not None else default_anchor(repo, line)


def main_facts(repo: pygit2.Repository, tip: pygit2.Oid | str) -> MainFacts:
    """The facts of main's first-parent line from the trust anchor to ``tip``.

    ``tip`` need not be where the ``main`` ref points: the server hook judges a pushed tip
    before the ref moves. Every round is judged against this line, not the current ref.
    """
    line = gitrepo.first_parent_line(repo, pygit2.Oid(hex=str(tip)))
    anchor = trust_anchor(repo, line)
    if anchor is None or anchor not in line:
        return MainFacts(str(tip), anchor, False, ())
    commits = []
    for oid in reversed(line[:line.index(anchor)]):
        fact = commit_fact(repo, oid)
        if len(fact.parents) == 2:
            found = round_facts_and_policy(repo, fact.parents[1], main_line=line,
                                           provenance=False)
            commits.append(MainCommit(fact, *found) if found else MainCommit(fact))
        elif fact.trailers.get("Action") == "start" and fact.parents:
            parent = fact.parents[0]
            roster = roster_at(repo, parent)
            commits.append(MainCommit(fact, None, Policy(sop_at(repo, parent), roster, roster)))
        else:
            commits.append(MainCommit(fact))
    return MainFacts(str(tip), anchor, True, tuple(commits))
