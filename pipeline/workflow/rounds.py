"""The SOP's moves as signed commits: start a cycle, submit a round, paraf, sign, return.

Every move refuses a dirty work tree, checks the turn with :func:`verify.verify_round` (the
same rules ``lkjip verify`` applies), writes a signed commit, verifies the result again, and
only then moves the branch: a move that would not verify never lands (fail closed).

A move on a round reads the round from Git once (:func:`judge`: its commits, main's line,
the roster and SOP in force); the check of the written commit applies the same pure rules to
those facts and the new commit's own. The result is an :class:`Outcome` holding the verdict
it reached, which the caller words (:func:`pipeline.workflow.outcome.words`) without judging
again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pygit2

from pipeline import check as data_check
from pipeline.errors import Problem, UserError
from pipeline.messages import workflow as msg
from pipeline.messages.events import event_name
from pipeline.workflow import gitrepo
from pipeline.workflow.commits import format_message
from pipeline.workflow.facts import (
    MainLine,
    commit_fact,
    read_policy_changes,
    roster_at,
    round_facts_and_policy,
    sop_at,
)
from pipeline.workflow.outcome import Outcome
from pipeline.workflow.policy import areas_trailer
from pipeline.workflow.roster import Person, Roster
from pipeline.workflow.signing import SigningKey
from pipeline.workflow.sop import Sop, Step
from pipeline.workflow.validity import JudgedBranch, judge_round_branch
from pipeline.workflow.verify import Policy, RoundFacts, Verdict, verify_round

CheckFn = Callable[..., list[Problem]]


@dataclass(frozen=True)
class CycleStart:
    year: int
    commit: str
    time: int
    name: str
    nip: str


@dataclass(frozen=True)
class RoundRef:
    year: int
    number: int
    branch: str  # local name, or remote-tracking name when only the remote has it
    tip: str

    @property
    def name(self) -> str:
        return f"{self.year}/{self.number}"


def find_starts(repo: pygit2.Repository) -> list[CycleStart]:
    """``lkjip start`` commits on main's first-parent line, newest first (not yet verified)."""
    tip = gitrepo.branch_tip(repo, gitrepo.MAIN)
    starts = []
    for oid in gitrepo.first_parent_line(repo, tip) if tip is not None else []:
        # A cheap look at the message first: commit_fact checks the signature (ssh-keygen,
        # ~6 ms), and main holds a signed merge per round; only start commits need it here.
        message = repo.get(oid).message
        if "Lkjip-Action" not in message or "start" not in message:
            continue
        fact = commit_fact(repo, oid)
        if fact.trailers.get("Action") == "start" and fact.trailers.get("Year", "").isdigit():
            starts.append(CycleStart(int(fact.trailers["Year"]), oid, fact.time,
                                     fact.trailers.get("Name", ""), fact.trailers.get("NIP", "")))
    return starts


def list_rounds(repo: pygit2.Repository, year: int) -> list[RoundRef]:
    """The year's round branches, local ones first, then those only a remote has."""
    found: dict[int, RoundRef] = {}
    for name in repo.branches.local:
        parsed = gitrepo.parse_round_branch(name)
        if parsed and parsed[0] == year:
            found[parsed[1]] = RoundRef(year, parsed[1], name,
                                        str(repo.branches.local[name].target))
    for name in repo.branches.remote:
        parsed = gitrepo.parse_round_branch(name.partition("/")[2])
        if parsed and parsed[0] == year and parsed[1] not in found:
            found[parsed[1]] = RoundRef(year, parsed[1], name,
                                        str(repo.branches.remote[name].target))
    return [found[n] for n in sorted(found)]


def valid_rounds(repo: pygit2.Repository, year: int) -> list[tuple[RoundRef, JudgedBranch]]:
    """The year's round branches that are rounds (:func:`validity.round_problem`), each with
    its judgment: a branch merely named like one neither blocks nor numbers a round."""
    main = MainLine.of_main(repo)
    judged = [(r, judge_round_branch(repo, r.year, r.number, r.tip, main))
              for r in list_rounds(repo, year)]
    return [(r, j) for r, j in judged if j.valid]


def judge(repo: pygit2.Repository, rev: pygit2.Oid | str, *, main: MainLine | None = None,
          ) -> tuple[RoundFacts, Policy, Verdict] | None:
    """Facts, policy and verdict of the round ``rev`` belongs to (None: not in a round).

    ``main``: the line of main to judge against, read once when judging many rounds
    (default: the ``main`` branch now).
    """
    found = round_facts_and_policy(repo, rev, main=main)
    if found is None:
        return None
    facts, policy = found
    return facts, policy, verify_round(facts, policy)


def _person(roster: Roster, base_roster: Roster, key: SigningKey) -> Person:
    person = roster.by_key(key.public)
    if person is not None:
        return person
    if base_roster.by_key(key.public) is not None:
        raise UserError(msg.YOU_ARE_REVOKED.format(fingerprint=key.public.fingerprint))
    raise UserError(msg.YOU_ARE_NOT_IN_ROSTER.format(fingerprint=key.public.fingerprint))


def _acting(sop: Sop, roster: Roster, key: SigningKey, step: Step,
            refusal: str) -> tuple[Person, str]:
    """The key's holder and the role of theirs that ``step`` allows; ``refusal`` otherwise."""
    person = _person(roster, roster, key)
    role = next((r for r in step.roles if r in person.roles), None)
    if role is None:
        raise UserError(refusal.format(
            name=person.name, roles=", ".join(sop.title_of(r) for r in step.roles)))
    return person, role


def _trailers(action: str, step: Step, role: str, person: Person, **extra: str) -> dict[str, str]:
    decision = {"return": "returned", "submit": "submitted", "start": "ordered"}.get(
        action, "approved")
    trailers = {"Action": action, **{k: v for k, v in extra.items() if k in ("Year", "Round")},
                "Step": str(step.number), "Role": role, "Name": person.name, "NIP": person.nip,
                "Decision": decision}
    trailers.update({k: v for k, v in extra.items() if k not in ("Year", "Round")})
    return trailers


# --- step 1: start ------------------------------------------------------------------------


def start(repo: pygit2.Repository, key: SigningKey, year: int) -> CycleStart:
    """Open the year's cycle: a signed commit on main recording the inspektur's order."""
    gitrepo.ensure_clean(repo)
    tip = gitrepo.main_tip(repo)
    sop, roster = sop_at(repo, tip), roster_at(repo, tip)
    step = sop.step("start")
    person, role = _acting(sop, roster, key, step, msg.START_WRONG_ROLE)
    if any(s.year == year for s in find_starts(repo)):
        raise UserError(msg.START_ALREADY.format(year=year))
    message = format_message(
        msg.START_SUBJECT.format(year=year),
        msg.START_BODY.format(year=year, name=person.name, activity=step.activity),
        _trailers("start", step, role, person, Year=str(year)),
    )
    new = gitrepo.create_signed_commit(repo, parent=tip, tree=repo.get(tip).tree_id,
                                       message=message, key=key)
    gitrepo.move_branch(repo, gitrepo.MAIN, tip, new, f"lkjip start {year}")
    return CycleStart(year, str(new), repo.get(new).commit_time, person.name, person.nip)


# --- step 5: submit -----------------------------------------------------------------------


def _open_round(rounds: list[tuple[RoundRef, JudgedBranch]]) -> RoundRef | None:
    """The latest of the year's valid ``rounds`` if it still blocks a new one (open or
    signed, not merged)."""
    if not rounds:
        return None
    last, judged = rounds[-1]
    assert judged.facts is not None and judged.verdict is not None  # a valid round
    if judged.verdict.state in ("open", "complete") and not judged.facts.merged:
        return last
    return None


def submit(repo: pygit2.Repository, key: SigningKey, *, year: int | None = None,
           check: CheckFn | None = None) -> Outcome:
    """Open the next correction round from the current draft branch.

    ``check`` is ``lkjip check --lengkap`` (:func:`pipeline.check.run_check`, looked up at
    call time, so the workflow tests can give one that passes).
    """
    gitrepo.ensure_clean(repo)
    draft = gitrepo.current_branch(repo)
    if draft == gitrepo.MAIN or gitrepo.parse_round_branch(draft):
        raise UserError(msg.SUBMIT_NOT_FROM_DRAFT.format(branch=draft))
    head = repo.head.target
    base = gitrepo.main_tip(repo)
    if not gitrepo.is_ancestor(repo, str(base), str(head)):
        raise UserError(msg.SUBMIT_BEHIND_MAIN.format(branch=draft, main=gitrepo.MAIN))
    starts = find_starts(repo)
    if year is None and starts:
        year = starts[0].year
    if year is None or not any(s.year == year for s in starts):
        raise UserError(msg.CYCLE_NOT_STARTED.format(year=year or "ini"))
    sop, roster = sop_at(repo, base), roster_at(repo, base)
    step = sop.step("submit")
    person, role = _acting(sop, roster, key, step, msg.SUBMIT_WRONG_ROLE)
    rounds = valid_rounds(repo, year)
    blocking = _open_round(rounds)
    if blocking is not None:
        raise UserError(msg.SUBMIT_ROUND_OPEN.format(round=blocking.name))
    problems = check(Path(repo.workdir), complete=True) if check is not None \
        else data_check.run_check(Path(repo.workdir), complete=True).problems
    if problems:
        listed = "\n".join(f"  {p}" for p in problems)
        raise UserError(msg.SUBMIT_INCOMPLETE.format(count=len(problems), problems=listed))
    number = rounds[-1][0].number + 1 if rounds else 1
    name = gitrepo.round_branch(year, number)
    if name in repo.branches.local:
        raise UserError(msg.BRANCH_MOVED.format(branch=name))
    message = format_message(
        msg.SUBMIT_SUBJECT.format(event=event_name("submit", capital=True), year=year,
                                  number=number),
        msg.SUBMIT_BODY.format(draft=draft, name=person.name),
        _trailers("submit", step, role, person, Year=str(year), Round=f"{year}/{number}",
                  Base=str(base), Draft=draft,
                  Areas=areas_trailer(read_policy_changes(repo, base, head))),
    )
    new = gitrepo.create_signed_commit(repo, parent=head, tree=repo.get(head).tree_id,
                                       message=message, key=key)
    judged = judge(repo, new)
    if judged is None or judged[2].state != "open":
        problems_text = "; ".join(str(p) for p in judged[2].problems) if judged else "?"
        raise UserError(msg.WOULD_NOT_VERIFY.format(problems=problems_text))
    gitrepo.move_branch(repo, name, None, new, f"lkjip submit {year}/{number}")
    repo.set_head(f"refs/heads/{name}")  # same tree: the work tree and index stay as they are
    return Outcome("submit", name, str(new), person.name, *judged)


# --- steps 6-8: paraf, sign, return -------------------------------------------------------


def _round_turn(repo: pygit2.Repository, key: SigningKey,
                ) -> tuple[str, pygit2.Oid, RoundFacts, Policy, Verdict, Person]:
    gitrepo.ensure_clean(repo)
    branch = gitrepo.current_branch(repo)
    if not gitrepo.parse_round_branch(branch):
        raise UserError(msg.NOT_ON_ROUND.format(branch=branch))
    tip = repo.head.target
    judged = judge(repo, tip)
    if judged is None:
        raise UserError(msg.ROUND_WITHOUT_HANDOFF.format(branch=branch))
    facts, policy, verdict = judged
    sop = policy.sop
    if verdict.problems:
        listed = "\n".join(f"  {p}" for p in verdict.problems)
        raise UserError(msg.ROUND_HAS_PROBLEMS.format(round=verdict.round, problems=listed))
    if facts.merged:
        raise UserError(msg.ROUND_MERGED.format(round=verdict.round))
    if verdict.state == "returned":
        raise UserError(msg.ROUND_RETURNED.format(round=verdict.round))
    if verdict.state == "complete":
        raise UserError(msg.ROUND_COMPLETE.format(round=verdict.round))
    step = verdict.next_step
    assert step is not None
    person = _person(policy.roster, policy.base_roster, key)
    if step.role not in person.roles:
        holders = ", ".join(p.name for p in policy.roster.holders(step.role)) or msg.NOBODY
        raise UserError(msg.NOT_YOUR_TURN.format(
            name=person.name, yours=", ".join(sop.title_of(r) for r in person.roles),
            role=sop.title_of(step.role), step=step.number, holders=holders))
    earlier = verdict.participants.get(person.nip)
    if earlier is not None and earlier != step.role:
        raise UserError(msg.ALREADY_OTHER_ROLE.format(
            name=person.name, earlier=sop.title_of(earlier), role=sop.title_of(step.role)))
    return branch, tip, facts, policy, verdict, person


def _approve(repo: pygit2.Repository, key: SigningKey, action: str | None,
             note: str) -> Outcome:
    """Write ``action`` (paraf, sign or return; None: the paraf or signature the SOP's next
    step is) on the round HEAD is on, judging the round once."""
    branch, tip, facts, policy, verdict, person = _round_turn(repo, key)
    sop = policy.sop
    step = verdict.next_step
    assert step is not None
    action = action or step.action
    if action == "paraf" and step.action == "sign":
        raise UserError(msg.USE_SIGN.format(role=sop.title_of(step.role)))
    if action == "sign" and step.action != "sign":
        missing = [sop.title_of(s.role) for s in sop.approvals[len(verdict.chain):-1]]
        raise UserError(msg.SIGN_TOO_EARLY.format(missing=", ".join(missing)))
    if action == "return":
        if not note.strip():
            raise UserError(msg.RETURN_NEEDS_NOTE)
        to = ", ".join(step.returns_to)
        subject = msg.RETURN_SUBJECT.format(
            event=event_name("return", done=True, capital=True),
            round=verdict.round, role=sop.title_of(step.role),
            to=", ".join(sop.title_of(r) for r in step.returns_to))
        trailers = _trailers("return", step, step.role, person, Round=verdict.round, To=to)
    else:
        subject = msg.APPROVAL_SUBJECT.format(
            event=event_name(action, capital=True), round=verdict.round,
            role=sop.title_of(step.role), name=person.name)
        trailers = _trailers(action, step, step.role, person, Round=verdict.round)
    message = format_message(subject, note, trailers)
    new = gitrepo.create_signed_commit(repo, parent=tip, tree=repo.get(tip).tree_id,
                                       message=message, key=key)
    # The written commit, judged by the same rules on the facts read above and its own (a
    # paraf keeps the tree, so what the round changes and main's line are as they were).
    after_facts = replace(facts, rev=str(new), commits=(*facts.commits, commit_fact(repo, new)))
    after = verify_round(after_facts, policy)
    expected = {"return": ("returned",), "sign": ("complete",), "paraf": ("open", "complete")}
    if after.state not in expected[action]:
        problems = "; ".join(str(p) for p in after.problems)
        raise UserError(msg.WOULD_NOT_VERIFY.format(problems=problems))
    gitrepo.move_branch(repo, branch, tip, new, f"lkjip {action} {verdict.round}")
    return Outcome(action, branch, str(new), person.name, after_facts, policy, after)


def paraf(repo: pygit2.Repository, key: SigningKey, note: str = "") -> Outcome:
    return _approve(repo, key, "paraf", note)


def sign_report(repo: pygit2.Repository, key: SigningKey, note: str = "") -> Outcome:
    return _approve(repo, key, "sign", note)


def approve(repo: pygit2.Repository, key: SigningKey, note: str = "") -> Outcome:
    """The paraf, or the signature when the next step is the signature (the review page's one
    approving button)."""
    return _approve(repo, key, None, note)


def return_round(repo: pygit2.Repository, key: SigningKey, note: str) -> Outcome:
    return _approve(repo, key, "return", note)
