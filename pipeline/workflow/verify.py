"""Verification of a correction round: a pure function ``verify_round(facts, policy)``.

Facts are read from the repository by :mod:`pipeline.workflow.facts` (commits, trees,
trailers, signature check results); the policy is the SOP and the roster in force at the
round's base on ``main``. The CLI, the commands that write (paraf, sign, return), the status
view, and later the server hook and the review page all call this one function, so they
all say the same thing in the same words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.messages import workflow as msg
from pipeline.workflow.policy import NO_AREAS, PolicyChanges, parse_areas_trailer
from pipeline.workflow.roster import Person, PublicKey, Roster
from pipeline.workflow.signing import SignatureCheck
from pipeline.workflow.sop import Sop, Step, next_approval

# --- facts and policy (inputs) ------------------------------------------------------------


@dataclass(frozen=True)
class CommitFact:
    oid: str
    parents: tuple[str, ...]
    tree: str
    parent_tree: str | None  # the first parent's tree
    time: int  # committer time: a claim, good for SLAs, never for security
    subject: str
    body: str  # the message without subject and trailers (the note of a paraf or return)
    trailers: dict[str, str] = field(default_factory=dict)
    format_error: str | None = None  # why the object is not one lkjip accepts
    signature: SignatureCheck | None = None  # None: not signed


@dataclass(frozen=True)
class RoundFacts:
    rev: str
    rev_tree: str
    handoff: CommitFact
    commits: tuple[CommitFact, ...]  # after the hand-off, oldest first, ending at rev
    base_ok: bool  # Lkjip-Base is on main's first-parent line and an ancestor of the hand-off
    merged: bool = False
    # What the round changes outside content/ and data/ (base -> rev); None: no base to
    # compare with (the base problem is reported instead).
    changes: PolicyChanges | None = None
    # The areas the hand-off's own tree changes against the base: its Lkjip-Areas must say so.
    handoff_areas: tuple[str, ...] | None = None


@dataclass(frozen=True)
class RosterChange:
    """A commit on main, before the round's base, that changed the roster file."""

    oid: str
    merge: CommitFact | None = None  # the commit itself, when it is a merge
    merged_round: RoundFacts | None = None  # the round its second parent ends
    merged_policy: Policy | None = None


@dataclass(frozen=True)
class Policy:
    sop: Sop
    roster: Roster  # effective: at the base, less what main removed since
    base_roster: Roster  # at the base, to tell a revoked key from an unknown one
    roster_changes: tuple[RosterChange, ...] = ()


# --- verdict (output) ---------------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    code: str
    text: str
    commit: str | None = None

    def __str__(self) -> str:
        return f"{self.commit[:10]}: {self.text}" if self.commit else self.text


@dataclass(frozen=True)
class ChainEntry:
    step: int
    role: str
    action: str  # paraf, sign or return
    name: str
    nip: str
    time: int
    fingerprint: str
    commit: str
    note: str = ""
    to: tuple[str, ...] = ()


@dataclass(frozen=True)
class Verdict:
    round: str
    state: str  # open, returned, complete, invalid
    chain: tuple[ChainEntry, ...]
    problems: tuple[Finding, ...]
    next_step: Step | None  # whose turn it is in an open round
    handoff: ChainEntry | None
    returned: ChainEntry | None = None
    voided: tuple[ChainEntry, ...] = ()
    participants: dict[str, str] = field(default_factory=dict)  # NIP -> role of a paraf
    since: int = 0  # time of the round's last event (for the time standard)
    rev_tree: str = ""

    @property
    def ok(self) -> bool:
        return self.state == "complete" and not self.problems


def explain(verdict: Verdict, sop: Sop, roster: Roster) -> list[str]:
    """Why a verdict is not ok, in the user's words: the problems, then what is missing."""
    lines = [str(p) for p in verdict.problems]
    if verdict.state == "returned" and verdict.returned:
        lines.append(msg.VERIFY_RETURNED.format(
            round=verdict.round, role=sop.title_of(verdict.returned.role)))
    elif verdict.state == "open" and verdict.next_step is not None:
        step = verdict.next_step
        missing = [sop.title_of(s.role) for s in sop.approvals[len(verdict.chain):]]
        lines.append(msg.VERIFY_INCOMPLETE.format(
            round=verdict.round, missing=", ".join(missing),
            role=sop.title_of(step.role), names=holder_names(roster, step.role)))
    return lines


def holder_names(roster: Roster, role: str) -> str:
    people = roster.holders(role)
    return ", ".join(p.name for p in people) if people else msg.NOBODY


# --- the rules ----------------------------------------------------------------------------


def roster_provenance(changes: tuple[RosterChange, ...]) -> list[Finding]:
    """Every roster change on main before the base must be the merge of a verified round,
    judged by :func:`verify_merge` (the same rule ``lkjip merge`` and the server apply)."""
    findings = []
    for change in changes:
        approved = change.merge is not None and not verify_merge(
            change.merge, change.merged_round, change.merged_policy)[1]
        if not approved:
            findings.append(Finding("roster-unapproved", msg.ROSTER_UNAPPROVED, change.oid))
    return findings


def _identify(c: CommitFact, policy: Policy,
              round_name: str | None) -> tuple[Person | None, Finding | None]:
    """The roster person who signed ``c``, or the reason the signature does not count."""
    def bad(code: str, text: str) -> tuple[None, Finding]:
        return None, Finding(code, text, c.oid)

    if c.signature is None:
        return bad("unsigned", msg.V_UNSIGNED)
    if not c.signature.valid or c.signature.key is None:
        return bad("bad-signature", msg.V_BAD_SIGNATURE.format(
            reason=c.signature.reason or msg.SIG_INVALID))
    key: PublicKey = c.signature.key
    person = policy.roster.by_key(key)
    if person is None:
        revoked = policy.base_roster.by_key(key)
        if revoked is not None:
            return bad("key-revoked", msg.V_KEY_REVOKED.format(
                name=revoked.name, nip=revoked.nip, fingerprint=key.fingerprint))
        return bad("key-not-in-roster", msg.V_KEY_NOT_IN_ROSTER.format(
            fingerprint=key.fingerprint))
    if c.trailers.get("NIP") != person.nip or c.trailers.get("Name") != person.name:
        return bad("identity-mismatch", msg.V_IDENTITY_MISMATCH.format(
            claimed=f"{c.trailers.get('Name')} ({c.trailers.get('NIP')})",
            name=person.name, nip=person.nip))
    if c.trailers.get("Round") != round_name:
        return bad("round-mismatch", msg.V_ROUND_MISMATCH.format(
            claimed=c.trailers.get("Round"), round=round_name))
    return person, None


def _entry(c: CommitFact, person: Person, step: int, role: str, action: str) -> ChainEntry:
    assert c.signature is not None and c.signature.key is not None
    to = tuple(r.strip() for r in c.trailers.get("To", "").split(",") if r.strip())
    return ChainEntry(step, role, action, person.name, person.nip, c.time,
                      c.signature.key.fingerprint, c.oid, c.body, to)


def _check_handoff(facts: RoundFacts, policy: Policy) -> tuple[ChainEntry | None, list[Finding]]:
    h, sop = facts.handoff, policy.sop
    submit = sop.step("submit")
    round_name = h.trailers.get("Round", "")
    if h.format_error:
        return None, [Finding("commit-format", h.format_error, h.oid)]
    person, finding = _identify(h, policy, round_name)
    if finding:
        return None, [finding]
    assert person is not None
    role = h.trailers.get("Role", "")
    problems = []
    if role not in submit.roles or role not in person.roles:
        problems.append(Finding("handoff-role", msg.V_HANDOFF_ROLE.format(
            name=person.name, roles=", ".join(sop.title_of(r) for r in submit.roles)), h.oid))
    if h.trailers.get("Step") != str(submit.number) or h.trailers.get("Decision") != "submitted":
        problems.append(Finding("bad-trailers", msg.V_BAD_TRAILERS, h.oid))
    if not facts.base_ok:
        problems.append(Finding("base", msg.V_BASE, h.oid))
    elif parse_areas_trailer(h.trailers.get("Areas")) != facts.handoff_areas:
        actual = (", ".join(facts.handoff_areas) or NO_AREAS
                  if facts.handoff_areas is not None else "?")
        problems.append(Finding("handoff-areas", msg.V_HANDOFF_AREAS.format(
            recorded=h.trailers.get("Areas", "-"), actual=actual), h.oid))
    return _entry(h, person, submit.number, role, "submit"), problems


def check_handoff(facts: RoundFacts, policy: Policy) -> tuple[ChainEntry | None, list[Finding]]:
    """The hand-off alone: signed by a holder of the submit role in the roster at the base,
    with the submit step's trailers, a base on main, and areas that match its tree."""
    return _check_handoff(facts, policy)


def verify_round(facts: RoundFacts, policy: Policy) -> Verdict:
    """Judge a round: is ``facts.rev``'s content covered by a complete, valid chain?"""
    sop = policy.sop
    round_name = facts.handoff.trailers.get("Round", "?")
    handoff, problems = _check_handoff(facts, policy)
    problems = roster_provenance(policy.roster_changes) + problems
    if facts.changes is not None and facts.changes.roster is not None \
            and facts.changes.roster.error is not None:
        problems.append(Finding("roster-refused", msg.V_ROSTER_REFUSED.format(
            reason=facts.changes.roster.error), facts.rev))
    chain: list[ChainEntry] = []
    voided: list[ChainEntry] = []
    participants: dict[str, str] = {}
    returned: ChainEntry | None = None
    since = facts.handoff.time
    complete = False

    for c in facts.commits:
        if returned is not None or complete:
            problems.append(Finding("after-close", msg.V_AFTER_CLOSE, c.oid))
            continue
        if c.format_error:
            problems.append(Finding("commit-format", c.format_error, c.oid))
            continue
        if len(c.parents) != 1:
            problems.append(Finding("merge-in-round", msg.V_MERGE_IN_ROUND, c.oid))
            continue
        action = c.trailers.get("Action")
        if action is None:  # a correction ("mengoreksi dan menyusun")
            if c.tree != c.parent_tree and chain:
                voided.extend(chain)  # content changed: every earlier paraf is void
                chain = []
            since = c.time
            continue
        if action not in ("paraf", "sign", "return"):
            problems.append(Finding("unexpected-action",
                                    msg.V_UNEXPECTED_ACTION.format(action=action), c.oid))
            continue
        person, finding = _identify(c, policy, round_name)
        if finding:
            problems.append(finding)
            continue
        assert person is not None
        if c.tree != c.parent_tree:
            problems.append(Finding("approval-changes-content", msg.V_CHANGES_CONTENT, c.oid))
            continue
        expected = next_approval(sop, len(chain))
        assert expected is not None  # a complete chain closes the round above
        role = c.trailers.get("Role", "")
        if role not in person.roles:
            problems.append(Finding("not-role-holder", msg.V_NOT_ROLE_HOLDER.format(
                name=person.name, role=sop.title_of(role),
                roles=", ".join(sop.title_of(r) for r in person.roles)), c.oid))
            continue
        if role != expected.role:
            problems.append(Finding("wrong-order", msg.V_WRONG_ORDER.format(
                role=sop.title_of(role), expected=sop.title_of(expected.role)), c.oid))
            continue
        decision = "returned" if action == "return" else "approved"
        wanted_action = "return" if action == "return" else expected.action
        if (action != wanted_action or c.trailers.get("Step") != str(expected.number)
                or c.trailers.get("Decision") != decision):
            problems.append(Finding("bad-trailers", msg.V_ACTION_MISMATCH.format(
                action=action, role=sop.title_of(role), expected=wanted_action), c.oid))
            continue
        earlier = participants.get(person.nip)
        if earlier is not None and earlier != role:
            problems.append(Finding("two-roles", msg.V_TWO_ROLES.format(
                name=person.name, role=sop.title_of(role), earlier=sop.title_of(earlier)),
                c.oid))
            continue
        entry = _entry(c, person, expected.number, role, action)
        since = c.time
        if action == "return":
            if entry.to != expected.returns_to:
                problems.append(Finding("return-addressee", msg.V_RETURN_ADDRESSEE.format(
                    to=", ".join(entry.to), expected=", ".join(expected.returns_to)), c.oid))
            returned = entry
            continue
        participants[person.nip] = role
        chain.append(entry)
        complete = len(chain) == len(sop.approvals)

    state = ("invalid" if problems else "returned" if returned
             else "complete" if complete else "open")
    next_step = next_approval(sop, len(chain)) if state == "open" else None
    return Verdict(
        round=round_name, state=state, chain=tuple(chain), problems=tuple(problems),
        next_step=next_step, handoff=handoff, returned=returned, voided=tuple(voided),
        participants=participants, since=since, rev_tree=facts.rev_tree,
    )


# --- merges into main and main itself -----------------------------------------------------
#
# Step 9 of the SOP (the Kasubbag Perencanaan receives the signed LKjIP) is a signed merge
# commit on main. ``main`` is then judged as a whole: from the trust anchor (the first
# protected commit, configured outside the content) every commit on main's first-parent
# line is either the signed ``lkjip start`` of a cycle (same tree as its parent: it changes
# no content) or the signed merge of a verified round. Anything else reached main behind
# the SOP's back.

MERGE_DECISION = "received"


def _merge_step(sop: Sop) -> Step | None:
    return next((s for s in sop.steps if s.action == "merge"), None)


def verify_merge(c: CommitFact, round_facts: RoundFacts | None,
                 policy: Policy | None) -> tuple[Verdict | None, list[Finding]]:
    """Judge a merge into main: the round it brings in, its tree, its base and its signer.

    ``round_facts``/``policy`` describe the round ending at the merge's second parent (None:
    that parent is not in a round). The merge is approved only when the round verifies, the
    merged tree is exactly the approved tree, main had not moved since the round began
    (first parent == the round's ``Lkjip-Base``), and the commit is signed by a holder of the
    SOP's merge role (Kasubbag Perencanaan) in the roster that judges the round.
    """
    if c.format_error:
        return None, [Finding("commit-format", c.format_error, c.oid)]
    if len(c.parents) != 2:
        return None, [Finding("merge-shape", msg.M_NOT_TWO_PARENTS, c.oid)]
    if round_facts is None or policy is None:
        return None, [Finding("merge-not-round", msg.M_NOT_A_ROUND, c.oid)]
    verdict = verify_round(round_facts, policy)
    sop = policy.sop
    name = verdict.round
    problems: list[Finding] = []
    if not verdict.ok:
        reasons = "; ".join(explain(verdict, sop, policy.roster)) or verdict.state
        problems.append(Finding("merge-unverified", msg.M_ROUND_UNVERIFIED.format(
            round=name, reasons=reasons), c.oid))
    if round_facts.rev != c.parents[1]:
        problems.append(Finding("merge-not-round", msg.M_NOT_A_ROUND, c.oid))
    if c.tree != round_facts.rev_tree:
        problems.append(Finding("merge-tree", msg.M_TREE_DIFFERS.format(round=name), c.oid))
    if round_facts.handoff.trailers.get("Base") != c.parents[0]:
        problems.append(Finding("merge-main-moved", msg.M_MAIN_MOVED.format(round=name),
                                c.oid))
    step = _merge_step(sop)
    if step is None:
        return verdict, [*problems, Finding("merge-no-step", msg.M_NO_MERGE_STEP, c.oid)]
    person, finding = _identify(c, policy, name)
    if finding:
        return verdict, [*problems, finding]
    assert person is not None
    role = c.trailers.get("Role", "")
    if role not in step.roles or role not in person.roles:
        problems.append(Finding("merge-role", msg.M_WRONG_ROLE.format(
            name=person.name, roles=", ".join(sop.title_of(r) for r in step.roles)), c.oid))
    if (c.trailers.get("Action") != "merge" or c.trailers.get("Step") != str(step.number)
            or c.trailers.get("Decision") != MERGE_DECISION):
        problems.append(Finding("bad-trailers", msg.V_BAD_TRAILERS, c.oid))
    return verdict, problems


def verify_start(c: CommitFact, policy: Policy) -> list[Finding]:
    """Judge an ``lkjip start`` commit on main (policy: SOP and roster at its parent)."""
    if c.format_error:
        return [Finding("commit-format", c.format_error, c.oid)]
    if len(c.parents) != 1 or c.tree != c.parent_tree:
        return [Finding("start-changes-content", msg.M_START_CHANGES_CONTENT, c.oid)]
    person, finding = _identify(c, policy, None)
    if finding:
        return [finding]
    assert person is not None
    step = policy.sop.step("start")
    role = c.trailers.get("Role", "")
    if role not in step.roles or role not in person.roles:
        return [Finding("start-role", msg.START_WRONG_ROLE.format(
            name=person.name, roles=", ".join(policy.sop.title_of(r) for r in step.roles)),
            c.oid)]
    if (c.trailers.get("Step") != str(step.number) or c.trailers.get("Decision") != "ordered"
            or not c.trailers.get("Year", "").isdigit()):
        return [Finding("bad-trailers", msg.V_BAD_TRAILERS, c.oid)]
    return []


@dataclass(frozen=True)
class MainCommit:
    """One commit on main's first-parent line after the anchor, with what judges it."""

    commit: CommitFact
    round: RoundFacts | None = None  # a merge: the round ending at its second parent
    policy: Policy | None = None  # a merge: the round's policy; a start: SOP+roster at parent


@dataclass(frozen=True)
class MainFacts:
    tip: str
    anchor: str | None  # the trust anchor in force (None: none could be determined)
    anchor_on_line: bool  # the anchor is on the tip's first-parent line
    commits: tuple[MainCommit, ...]  # after the anchor, oldest first, ending at the tip


@dataclass(frozen=True)
class MainVerdict:
    tip: str
    anchor: str | None
    problems: tuple[Finding, ...]
    merges: tuple[tuple[str, Verdict], ...]  # (merge commit, verdict of its round)
    starts: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_main(facts: MainFacts) -> MainVerdict:
    """Judge main from the anchor to the tip: only signed starts and verified merges."""
    problems: list[Finding] = []
    merges: list[tuple[str, Verdict]] = []
    starts: list[str] = []
    if facts.anchor is None:
        problems.append(Finding("no-anchor", msg.M_NO_ANCHOR))
    elif not facts.anchor_on_line:
        problems.append(Finding("anchor-not-on-main", msg.M_ANCHOR_NOT_ON_MAIN.format(
            anchor=facts.anchor[:10])))
    else:
        for item in facts.commits:
            c = item.commit
            if len(c.parents) == 2:
                verdict, found = verify_merge(c, item.round, item.policy)
                problems += found
                if verdict is not None:
                    merges.append((c.oid, verdict))
            elif (len(c.parents) == 1 and c.trailers.get("Action") == "start"
                  and item.policy is not None):
                found = verify_start(c, item.policy)
                problems += found
                starts.append(c.oid)
            else:
                problems.append(Finding("direct-commit", msg.M_DIRECT_COMMIT, c.oid))
    return MainVerdict(facts.tip, facts.anchor, tuple(problems), tuple(merges), tuple(starts))
