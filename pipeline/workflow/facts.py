"""Reading the facts verification needs from a repository (pygit2), and the policy in force.

Nothing here decides anything: it reports what the objects say (strictly parsed) and
whether each signature is cryptographically valid and by which key. The judging is in
:mod:`pipeline.workflow.verify`.
"""

from __future__ import annotations

import functools
import os

import pygit2

from pipeline.errors import UserError
from pipeline.workflow import gitrepo
from pipeline.workflow.commits import CommitFormatError, parse_commit
from pipeline.workflow.policy import PolicyChanges, policy_changes
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
    fact = fact_from_bytes(str(commit.id), raw, parent_tree)
    if fact.format_error:
        # Keep what libgit2 sees so the walk can go on; the error fails the round.
        return CommitFact(str(commit.id), parents, str(commit.tree_id), parent_tree,
                          commit.commit_time, commit.message.split("\n")[0], "",
                          format_error=fact.format_error)
    return fact


def fact_from_bytes(oid: str, raw: bytes, parent_tree: str | None) -> CommitFact:
    """The facts of one raw commit object (no repository needed: tests freeze commit bytes).

    ``parent_tree`` is the first parent's tree, which the object itself does not hold. A
    malformed object gives a fact with only ``format_error`` set.
    """
    try:
        parsed = parse_commit(raw)
    except CommitFormatError as exc:
        return CommitFact(oid, (), "", parent_tree, 0, "", "", format_error=str(exc))
    subject, _, rest = parsed.message.partition("\n")
    paragraphs = [p for p in rest.strip("\n").split("\n\n") if p.strip()]
    body = "\n\n".join(paragraphs[:-1] if parsed.trailers else paragraphs).strip()
    signature = None
    if parsed.signature is not None and parsed.trailers.get("Action"):
        # Only lkjip's own events need a signature check; corrections may be unsigned.
        signature = verify_signature(parsed.payload, parsed.signature)
    return CommitFact(oid, parsed.parents, parsed.tree, parent_tree,
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
    return _sop(gitrepo.read_text_at(repo, commit, SOP_PATH))


def roster_at(repo: pygit2.Repository, commit: pygit2.Oid | str) -> Roster:
    """The roster at ``commit``, checked against the SOP definition at the same commit (the
    SOP decides how many may hold each role)."""
    return _checked_roster(gitrepo.read_text_at(repo, commit, ROSTER_PATH),
                           gitrepo.read_text_at(repo, commit, SOP_PATH))


# Parsing is a pure function of the text, and a long history holds the same few roster and
# SOP files at hundreds of commits: each text is parsed once per process. A parse error is
# not remembered; it is raised again, with the same words, every time.
@functools.lru_cache(maxsize=64)
def _roster(text: str | None) -> Roster:
    return parse_roster(text)


@functools.lru_cache(maxsize=64)
def _checked_roster(text: str | None, sop_text: str | None) -> Roster:
    return parse_roster(text, ROSTER_PATH, _sop(sop_text))


@functools.lru_cache(maxsize=16)
def _sop(text: str | None) -> Sop:
    return load_sop(text, SOP_PATH) if text is not None else load_sop()


def changed_paths(repo: pygit2.Repository, old: pygit2.Oid | str,
                  new: pygit2.Oid | str) -> list[str]:
    """Every path that differs between two commits' trees (both sides of a rename)."""
    old_tree = repo.get(old).peel(pygit2.Tree)
    new_tree = repo.get(new).peel(pygit2.Tree)
    paths = []
    for delta in old_tree.diff_to_tree(new_tree).deltas:
        paths += [delta.old_file.path, delta.new_file.path]
    return paths


def read_policy_changes(repo: pygit2.Repository, base: pygit2.Oid | str,
                        rev: pygit2.Oid | str) -> PolicyChanges:
    """What ``rev`` changes outside content/ and data/ against ``base`` (the round's base on
    main): :func:`pipeline.workflow.policy.policy_changes` over the two trees. The round's
    roster is checked against the round's SOP definition (the base's when the round's own
    cannot be read)."""
    try:
        sop = sop_at(repo, rev)
    except UserError:
        sop = sop_at(repo, base)
    return policy_changes(changed_paths(repo, base, rev),
                          gitrepo.read_text_at(repo, base, ROSTER_PATH),
                          gitrepo.read_text_at(repo, rev, ROSTER_PATH), sop)


class MainLine:
    """Main's first-parent line from one tip, read once and shared by every round judged
    against it (``lkjip status`` and ``verify --branch main`` judge hundreds).

    Everything here follows from the immutable commits reachable from ``tip`` and from the
    trust anchor (read from the configuration when first needed), so sharing it changes no
    verdict; read a new one when main moves.
    """

    def __init__(self, repo: pygit2.Repository, tip: pygit2.Oid | str | None, *,
                 external_anchor: bool = False) -> None:
        self.repo = repo
        self.external_anchor = external_anchor  # judge from a configured anchor only
        self.tip = str(tip) if tip is not None else None
        self.line = (gitrepo.first_parent_line(repo, pygit2.Oid(hex=self.tip))
                     if self.tip is not None else [])  # newest first
        self.position = {oid: index for index, oid in enumerate(self.line)}
        self._entry: dict[str, int] | None = None  # see _entry_index, built on demand
        self._changes: dict[int, RosterChange] = {}

    @classmethod
    def of_main(cls, repo: pygit2.Repository) -> MainLine:
        """The line of the ``main`` branch as it is now (empty when there is none)."""
        return cls(repo, gitrepo.branch_tip(repo, gitrepo.MAIN))

    @functools.cached_property
    def anchor(self) -> str | None:
        if self.external_anchor:
            return configured_anchor(self.repo)
        return trust_anchor(self.repo, self.line)

    def merge_point(self, rev: str) -> int | None:
        """Index (newest first) of the oldest commit on the line that contains ``rev``."""
        if self._entry is None:
            if self.tip is None or not gitrepo.is_ancestor(self.repo, rev, self.tip):
                # Not in main (an open round): one ancestry test, no walk of the history.
                return None
            self._entry = self._entry_index()
        return self._entry.get(rev)

    def _entry_index(self) -> dict[str, int]:
        """For every commit reachable from the tip, the index of the oldest commit on the line
        that contains it: one walk of the history instead of an ancestry test per pair."""
        entry: dict[str, int] = {}
        for index in range(len(self.line) - 1, -1, -1):
            # Oldest first: what an older line commit contains is marked already, and the
            # marked set stays closed under "parent of", so the walk stops at marked commits.
            pending = [self.line[index]]
            while pending:
                oid = pending.pop()
                if oid in entry:
                    continue
                entry[oid] = index
                commit = self.repo.get(oid)
                if commit is not None:  # None: beyond a shallow clone's boundary
                    pending.extend(p for p in map(str, commit.parent_ids) if p not in entry)
        return entry

    @functools.cached_property
    def roster_blobs(self) -> list[str | None]:
        """The roster file's blob id at each commit of the line (None: no such file)."""
        return [gitrepo.blob_id_at(self.repo, oid, ROSTER_PATH) for oid in self.line]

    def rosters_between(self, start: int, stop: int) -> list[Roster]:
        """The distinct rosters at ``line[start:stop]`` (a repeated roster changes nothing
        in :func:`effective_roster`), each read and parsed once."""
        blobs = dict.fromkeys(self.roster_blobs[start:stop])
        return [_roster(gitrepo.blob_text(self.repo, blob)) for blob in blobs]

    def roster_changes(self, base_index: int) -> tuple[RosterChange, ...]:
        """Roster changes on the line after the trust anchor, up to the base at ``base_index``
        (newest first): each is a commit whose roster differs from its first parent's. The
        anchor's own roster is trusted as it is."""
        anchor = self.anchor
        if anchor is None:
            return ()
        anchor_index = self.position.get(anchor)
        if anchor_index is None or anchor_index < base_index:
            # The anchor is not at or before the round's base: nothing before it is trusted.
            return (RosterChange(self.line[base_index]),)
        blobs = self.roster_blobs
        return tuple(self._change(index) for index in range(base_index, anchor_index)
                     if blobs[index] != blobs[index + 1])

    def _change(self, index: int) -> RosterChange:
        if index not in self._changes:
            self._changes[index] = _roster_change(self, self.line[index])
        return self._changes[index]


def _roster_change(main: MainLine, oid: str) -> RosterChange:
    """A roster change on main: a merge carries the round it brings in, to be judged."""
    commit = main.repo.get(oid)
    if len(commit.parent_ids) != 2:
        return RosterChange(oid)
    nested = round_facts_and_policy(main.repo, commit.parent_ids[1], main=main,
                                    provenance=False)
    fact = commit_fact(main.repo, oid)
    return RosterChange(oid, fact, *nested) if nested else RosterChange(oid, fact)


def _merged_by(main: MainLine, merge_index: int | None, rev: str) -> bool:
    """The round ending at ``rev`` was merged: the first commit of main's line to contain it
    is a merge whose second parent is ``rev`` (``lkjip merge``). A returned round that later
    reached main inside a corrected draft is contained, never merged."""
    if merge_index is None:
        return False
    commit = main.repo.get(main.line[merge_index])
    return len(commit.parent_ids) == 2 and str(commit.parent_ids[1]) == rev


def round_facts_and_policy(
    repo: pygit2.Repository, rev: pygit2.Oid | str, *, main: MainLine | None = None,
    provenance: bool = True,
) -> tuple[RoundFacts, Policy] | None:
    """The facts of the round ``rev`` belongs to, and the policy that judges it.

    ``main``: the line of main to judge against (default: the ``main`` branch now); pass one
    to judge many rounds against the same line.
    """
    found = find_round(repo, rev)
    if found is None:
        return None
    handoff, after = found
    if main is None:
        main = MainLine.of_main(repo)
    base = handoff.trailers.get("Base", "")
    base_index = main.position.get(base)
    base_ok = base_index is not None and gitrepo.is_ancestor(repo, base, handoff.oid)
    rev_fact = after[-1] if after else handoff
    merge_index = main.merge_point(rev_fact.oid)
    changes = handoff_areas = None
    if base_ok:
        changes = read_policy_changes(repo, base, rev_fact.oid)
        handoff_areas = (changes if rev_fact.oid == handoff.oid
                         else read_policy_changes(repo, base, handoff.oid)).areas
    facts = RoundFacts(rev_fact.oid, rev_fact.tree, handoff, tuple(after), base_ok,
                       merged=_merged_by(main, merge_index, rev_fact.oid), changes=changes,
                       handoff_areas=handoff_areas)
    if base_index is None or not base_ok:
        # Fail closed: no trustworthy base, no roster; verify reports the base problem.
        return facts, Policy(_sop(None), Roster(), Roster())
    # Rosters on main after the base, up to the merge (a merged round) or the tip: their
    # removals void parafs by the removed keys.
    end = merge_index + 1 if merge_index is not None else 0
    later = main.rosters_between(end, base_index)
    base_roster = roster_at(repo, base)
    changes = main.roster_changes(base_index) if provenance else ()
    policy = Policy(sop_at(repo, base), effective_roster(base_roster, later), base_roster,
                    changes)
    return facts, policy


# --- the trust anchor and main as a whole -------------------------------------------------

ANCHOR_CONFIG = "lkjip.anchor"
ANCHOR_ENV = "LKJIP_ANCHOR"


def configured_anchor(repo: pygit2.Repository) -> str | None:
    """The trust anchor given from outside the content: ``git config lkjip.anchor`` of the
    repository (a server sets it on its bare repository, an office once per clone), else the
    ``LKJIP_ANCHOR`` environment variable (a CI job reads it from the forge's protected
    variables). Never a file of the tree: no round can move it. Resolved to a full commit id
    when possible; an unresolvable value is returned as written (it is then on no line: fail
    closed).
    """
    try:
        value = str(repo.config[ANCHOR_CONFIG]).strip()
    except KeyError:
        value = os.environ.get(ANCHOR_ENV, "").strip()
    if not value:
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
    """Where a round's roster provenance starts: the configured anchor, else the first commit
    of main's line that holds ``sop/roster.yaml``. Only for judging rounds; main as a whole
    (:func:`main_facts`) is judged from a configured anchor only."""
    configured = configured_anchor(repo)
    return configured if configured is not None else default_anchor(repo, line)


def main_facts(repo: pygit2.Repository, tip: pygit2.Oid | str) -> MainFacts:
    """The facts of main's first-parent line from the trust anchor to ``tip``.

    ``tip`` need not be where the ``main`` ref points: the server hook judges a pushed tip
    before the ref moves. Every round is judged against this line, not the current ref.
    """
    # Only an anchor from outside the content: with the default (the oldest roster commit) a
    # wholly forged history, with its own roster and keys, would judge itself.
    main = MainLine(repo, tip, external_anchor=True)
    line, anchor = main.line, main.anchor
    if anchor is None or anchor not in main.position:
        return MainFacts(str(tip), anchor, False, ())
    commits = []
    for oid in reversed(line[:main.position[anchor]]):
        fact = commit_fact(repo, oid)
        if len(fact.parents) == 2:
            found = round_facts_and_policy(repo, fact.parents[1], main=main, provenance=False)
            commits.append(MainCommit(fact, *found) if found else MainCommit(fact))
        elif fact.trailers.get("Action") == "start" and fact.parents:
            parent = fact.parents[0]
            roster = roster_at(repo, parent)
            commits.append(MainCommit(fact, None, Policy(sop_at(repo, parent), roster, roster)))
        else:
            commits.append(MainCommit(fact))
    return MainFacts(str(tip), anchor, True, tuple(commits))
