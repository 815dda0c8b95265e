"""``lkjip merge`` (SOP step 9): the Kasubbag Perencanaan receives the signed LKjIP into main.

The merge commit has two parents, main's tip and the round's tip, and exactly the tree the
chain approved. It is refused unless the round verifies, main has not moved since the round
began (otherwise the result holds content nobody approved), and the signer holds the SOP's
merge role in the roster that judges the round. As every move, the new commit is judged by
the same pure rules (:func:`verify_merge`, :func:`verify_main`) before main moves.
"""

from __future__ import annotations

import pygit2
from pygit2.enums import CheckoutStrategy

from pipeline.errors import UserError
from pipeline.messages import publish as msg
from pipeline.messages import workflow as wmsg
from pipeline.messages.events import event_name
from pipeline.publish.mainline import judge_main, problem_lines
from pipeline.workflow import gitrepo
from pipeline.workflow.commits import format_message
from pipeline.workflow.facts import commit_fact
from pipeline.workflow.outcome import Outcome
from pipeline.workflow.rounds import judge
from pipeline.workflow.signing import SigningKey, sign
from pipeline.workflow.verify import MERGE_DECISION, explain, verify_merge


def round_tip(repo: pygit2.Repository, spec: str | None) -> tuple[str, pygit2.Oid]:
    """The branch and tip of the round to merge: ``review/2025/1``, ``2025/1`` or current."""
    if spec is None:
        if repo.head_is_unborn or repo.head_is_detached:
            raise UserError(msg.MERGE_NEED_ROUND)
        spec = repo.head.shorthand
        if not gitrepo.parse_round_branch(spec):
            raise UserError(msg.MERGE_NEED_ROUND)
    name = spec if spec.startswith(gitrepo.ROUND_PREFIX) else gitrepo.ROUND_PREFIX + spec
    if not gitrepo.parse_round_branch(name):
        raise UserError(msg.MERGE_NO_SUCH_ROUND.format(round=spec))
    tip = gitrepo.branch_tip(repo, name)
    if tip is None:
        remote = repo.branches.remote.get(f"origin/{name}")
        if remote is None:
            raise UserError(msg.MERGE_NO_SUCH_ROUND.format(round=spec))
        tip = remote.target
    return name, tip


def create_signed_merge(repo: pygit2.Repository, *, parents: list[pygit2.Oid],
                        tree: pygit2.Oid, message: str, key: SigningKey) -> pygit2.Oid:
    """A merge commit signed exactly as ``git commit -S`` would sign it; moves no ref."""
    who = gitrepo.signature_identity(repo)
    content = repo.create_commit_string(who, who, message, tree, parents)
    signature = sign(content.encode("utf-8"), key)
    return repo.create_commit_with_signature(content, signature.rstrip("\n"), "gpgsig")


def merge(repo: pygit2.Repository, key: SigningKey, spec: str | None = None) -> Outcome:
    """Merge the signed round ``spec`` (default: the current branch) into main; the outcome
    holds the round's verdict, judged once."""
    gitrepo.ensure_clean(repo)
    _, tip = round_tip(repo, spec)
    judged = judge(repo, tip)
    if judged is None:
        raise UserError(wmsg.NOT_A_ROUND.format(rev=spec or repo.head.shorthand))
    facts, policy, verdict = judged
    sop = policy.sop
    if facts.merged:
        raise UserError(msg.MERGE_ALREADY.format(round=verdict.round))
    if not verdict.ok:
        reasons = "\n".join(f"  - {line}" for line in explain(verdict, sop, policy.roster))
        raise UserError(msg.MERGE_NOT_VERIFIED.format(round=verdict.round, reasons=reasons))
    main = gitrepo.main_tip(repo)
    base = facts.handoff.trailers.get("Base", "")
    if base != str(main):
        raise UserError(msg.MERGE_MAIN_MOVED.format(round=verdict.round, base=base[:10],
                                                    main=str(main)[:10]))
    step = next((s for s in sop.steps if s.action == "merge"), None)
    if step is None:
        raise UserError(msg.MERGE_NO_STEP)
    person = policy.roster.by_key(key.public)
    if person is None:
        template = (wmsg.YOU_ARE_REVOKED if policy.base_roster.by_key(key.public)
                    else wmsg.YOU_ARE_NOT_IN_ROSTER)
        raise UserError(template.format(fingerprint=key.public.fingerprint))
    role = next((r for r in step.roles if r in person.roles), None)
    if role is None:
        holders = ", ".join(p.name for r in step.roles for p in policy.roster.holders(r))
        raise UserError(msg.MERGE_WRONG_ROLE.format(
            name=person.name, roles=", ".join(sop.title_of(r) for r in step.roles),
            holders=holders or wmsg.NOBODY))
    year = verdict.round.partition("/")[0]
    trailers = {"Action": "merge", "Year": year, "Round": verdict.round,
                "Step": str(step.number), "Role": role, "Name": person.name,
                "NIP": person.nip, "Decision": MERGE_DECISION}
    message = format_message(
        msg.MERGE_SUBJECT.format(event=event_name("merge", capital=True), year=year,
                                 round=verdict.round),
        msg.MERGE_BODY.format(name=person.name, step=step.number), trailers)
    new = create_signed_merge(repo, parents=[main, tip], tree=repo.get(tip).tree_id,
                              message=message, key=key)
    # Fail closed: the commit must pass the very rules the server applies, and so must main.
    _, findings = verify_merge(commit_fact(repo, new), facts, policy)
    if findings:
        raise UserError(wmsg.WOULD_NOT_VERIFY.format(
            problems="; ".join(str(f) for f in findings)))
    after = judge_main(repo, new)
    if not after.ok:
        raise UserError(msg.MERGE_MAIN_INVALID.format(problems=problem_lines(after)))
    _switch_to_main(repo, main, new)
    return Outcome("merge", gitrepo.MAIN, str(new), person.name, facts, policy, verdict)


def _switch_to_main(repo: pygit2.Repository, old: pygit2.Oid, new: pygit2.Oid) -> None:
    """Move main to ``new`` and check it out, as ``git merge`` on main leaves the work tree.

    HEAD is first detached at its own commit, so the checkout's baseline is what the work
    tree holds (clean, checked above) and files the round removed are removed too.
    """
    if repo.is_bare:
        gitrepo.move_branch(repo, gitrepo.MAIN, old, new, "lkjip merge")
        return
    head = repo.head.name
    repo.set_head(repo.head.target)
    try:
        gitrepo.move_branch(repo, gitrepo.MAIN, old, new, "lkjip merge")
    except UserError:
        repo.set_head(head)
        raise
    repo.checkout(f"refs/heads/{gitrepo.MAIN}", strategy=CheckoutStrategy.FORCE)
