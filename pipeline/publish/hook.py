"""The ``pre-receive`` hook: the approval chain enforced where the repository lives.

``lkjip hook install BARE.git`` writes an executable ``hooks/pre-receive`` that runs this very
lkjip (absolute interpreter path) and records the trust anchor in the bare repository's
config (``lkjip.anchor``): configuration, not content, so no push can move it. Plain git over
ssh, http or git://, Gitea and GitLab all run such hooks before any ref moves; one rejected
update rejects the whole push, so the server's refs stay as they were.

Rules (:func:`judge_update`), with the same verification code and words as the CLI:

- ``main``: no deletion, no rewrite (fast-forward only), and the new tip must verify as
  ``lkjip verify --branch main`` does;
- ``review/<year>/<n>``: no deletion, no rewrite. A new one must begin with a valid signed
  hand-off for exactly that round (:func:`pipeline.workflow.validity.round_problem`: a staf
  of main's roster, base on main) and take the next free number of its year. An existing one
  accepts new commits (judged by ``lkjip verify`` and at merge time) only while it is a valid
  round that is neither merged nor returned, and never a new hand-off;
- any other ref under ``refs/heads/review/``: refused (no name can block or burn a round);
- ``catatan/<year>`` (the records of steps 2, 3, 5 and 10): no deletion, no rewrite, and
  every new commit must verify as a record (:func:`pipeline.workflow.records.verify_record`);
- ``lkjip-*`` tags: never deleted or moved; a new one must be an annotated tag, signed by a
  key of the roster, pointing at a commit on main that verifies;
- anything else (draft branches, other tags): free.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import pygit2
from pygit2.enums import RepositoryOpenFlag

import pipeline
from pipeline.errors import UserError
from pipeline.messages import publish as msg
from pipeline.publish.mainline import judge_main, problem_lines
from pipeline.workflow import gitrepo
from pipeline.workflow.facts import (
    ANCHOR_CONFIG,
    MainLine,
    configured_anchor,
    default_anchor,
    roster_at,
)
from pipeline.workflow.signing import verify_signature
from pipeline.workflow.validity import judge_round_branch

ZERO = "0" * 40
MAIN_REF = f"refs/heads/{gitrepo.MAIN}"
HEADS = "refs/heads/"
REVIEW_PREFIX = f"{HEADS}{gitrepo.ROUND_PREFIX}"
RELEASE_TAG = re.compile(r"^refs/tags/lkjip-[^/]+$")
RECORDS_REF = re.compile(r"^refs/heads/catatan/\d{4}$")
HOOK_MARKER = "# lkjip pre-receive hook"
_SSH_BEGIN = b"-----BEGIN SSH SIGNATURE-----"


@dataclass(frozen=True)
class RefUpdate:
    old: str
    new: str
    ref: str

    @property
    def deletes(self) -> bool:
        return self.new == ZERO

    @property
    def creates(self) -> bool:
        return self.old == ZERO


def parse_updates(lines: Iterable[str]) -> list[RefUpdate]:
    """``<old> <new> <ref>`` lines as git feeds them to ``pre-receive``."""
    updates = []
    for line in lines:
        if not line.strip():
            continue
        parts = line.split()
        if len(parts) != 3 or not all(re.fullmatch(r"[0-9a-f]{40}", p) for p in parts[:2]):
            raise UserError(msg.HOOK_BAD_INPUT.format(line=line.strip()[:80]))
        updates.append(RefUpdate(*parts))
    return updates


def round_of(ref: str) -> tuple[int, int] | None:
    """``refs/heads/review/2025/3`` -> (2025, 3) by the one round-branch rule; else None."""
    return gitrepo.parse_round_branch(ref[len(HEADS):]) if ref.startswith(HEADS) else None


def ref_kind(ref: str) -> str | None:
    """Which protection applies: ``main``, ``round``, ``tag`` or None (free)."""
    if ref == MAIN_REF:
        return "main"
    if round_of(ref) is not None:
        return "round"
    if RELEASE_TAG.match(ref):
        return "tag"
    if ref.startswith(REVIEW_PREFIX):
        return "review-other"
    if RECORDS_REF.match(ref):
        return "records"
    return None


_KIND_NAMES = {"main": msg.HOOK_KIND_MAIN, "round": msg.HOOK_KIND_ROUND,
               "tag": msg.HOOK_KIND_TAG, "records": msg.HOOK_KIND_RECORDS}


def split_tag_signature(raw: bytes) -> tuple[bytes, str | None]:
    """A tag object's signed payload and its SSH signature (appended to the message)."""
    index = raw.find(b"\n" + _SSH_BEGIN)
    if index < 0:
        return raw, None
    return raw[:index + 1], raw[index + 1:].decode("ascii", "replace")


def tag_signature_problem(repo: pygit2.Repository, tag: pygit2.Tag, commit: str) -> str | None:
    """Why the release tag's signature does not count, or None (a key of the roster at the
    tagged commit made a valid ``git`` signature over the tag)."""
    _, raw = repo.read(tag.id)
    payload, signature = split_tag_signature(raw)
    if signature is None:
        return msg.HOOK_TAG_NOT_ANNOTATED
    check = verify_signature(payload, signature)
    if not check.valid or check.key is None:
        return msg.HOOK_TAG_SIGNATURE.format(reason=check.reason or "?")
    if roster_at(repo, commit).by_key(check.key) is None:
        return msg.HOOK_TAG_KEY_UNKNOWN.format(fingerprint=check.key.fingerprint)
    return None


def judge_update(repo: pygit2.Repository, update: RefUpdate, main_after: str | None,
                 anchored: bool, pushed: frozenset[str] = frozenset()) -> list[str]:
    """The reasons to reject one ref update (empty: accepted)."""
    kind = ref_kind(update.ref)
    if kind is None:
        return []
    if kind == "review-other":
        return [msg.HOOK_REVIEW_OTHER.format(ref=update.ref)]
    name = _KIND_NAMES[kind]
    if update.deletes:
        return [msg.HOOK_DELETE.format(kind=name)]
    if kind == "tag":
        if not update.creates:
            return [msg.HOOK_TAG_MOVED]
        return _judge_tag(repo, update, main_after, anchored)
    if not update.creates and not gitrepo.is_ancestor(repo, update.old, update.new):
        return [msg.HOOK_NON_FF.format(kind=name)]
    if kind == "main":
        if not anchored:
            return [msg.HOOK_NO_ANCHOR]
        verdict = judge_main(repo, update.new)
        if not verdict.ok:
            return [msg.HOOK_MAIN_INVALID.format(problems=problem_lines(verdict))]
    if kind == "round":
        return _judge_round(repo, update, main_after, pushed)
    if kind == "records":
        if not anchored:
            return [msg.HOOK_NO_ANCHOR]
        from pipeline.workflow.records import pushed_record_problems

        return pushed_record_problems(repo, update.ref.removeprefix("refs/heads/"),
                                      None if update.creates else update.old, update.new,
                                      main_after)
    return []


def _created_numbers(refs: frozenset[str], year: int) -> list[int]:
    found = []
    for ref in refs:
        parsed = round_of(ref)
        if ref.startswith(REVIEW_PREFIX) and parsed and parsed[0] == year:
            found.append(parsed[1])
    return found


def round_numbers(repo: pygit2.Repository, year: int) -> list[int]:
    """The numbers of the year's round branches the server holds now."""
    numbers = []
    for ref in repo.references:
        parsed = round_of(ref)
        if ref.startswith(REVIEW_PREFIX) and parsed and parsed[0] == year:
            numbers.append(parsed[1])
    return numbers


def _judge_round(repo: pygit2.Repository, update: RefUpdate, main_after: str | None,
                 pushed: frozenset[str] = frozenset()) -> list[str]:
    parsed = round_of(update.ref)
    assert parsed is not None  # ref_kind said "round"
    year, number = parsed
    main = MainLine(repo, main_after)
    new = judge_round_branch(repo, year, number, update.new, main)
    if update.creates:
        # Rounds created earlier in the same push count (a mirror pushes them together).
        earlier = [n for n in _created_numbers(pushed, year) if n < number]
        expected = max([*round_numbers(repo, year), *earlier], default=0) + 1
        if number != expected:
            return [msg.HOOK_ROUND_NOT_NEXT.format(round=f"{year}/{number}",
                                                   expected=f"{year}/{expected}")]
        if new.problem is not None:
            return [msg.HOOK_ROUND_INVALID.format(round=f"{year}/{number}", reason=new.problem)]
        return []
    old = judge_round_branch(repo, year, number, update.old, main)
    if old.problem is not None or old.facts is None or old.verdict is None:
        return [msg.HOOK_ROUND_INVALID.format(round=f"{year}/{number}",
                                              reason=old.problem or "?")]
    if old.facts.merged:
        return [msg.HOOK_ROUND_FROZEN_MERGED.format(round=f"{year}/{number}")]
    if old.verdict.state == "returned":
        return [msg.HOOK_ROUND_FROZEN_RETURNED.format(round=f"{year}/{number}")]
    if new.problem is not None:
        return [msg.HOOK_ROUND_INVALID.format(round=f"{year}/{number}", reason=new.problem)]
    assert new.facts is not None
    if new.facts.handoff.oid != old.facts.handoff.oid:
        return [msg.HOOK_ROUND_NEW_HANDOFF.format(round=f"{year}/{number}")]
    return []


def _judge_tag(repo: pygit2.Repository, update: RefUpdate, main_after: str | None,
               anchored: bool) -> list[str]:
    if not anchored:
        return [msg.HOOK_NO_ANCHOR]
    obj = repo.get(update.new)
    if not isinstance(obj, pygit2.Tag):
        return [msg.HOOK_TAG_NOT_ANNOTATED]
    try:
        commit = str(obj.peel(pygit2.Commit).id)
    except (ValueError, pygit2.GitError):
        return [msg.HOOK_TAG_NOT_COMMIT]
    line = gitrepo.first_parent_line(repo, pygit2.Oid(hex=main_after)) if main_after else []
    if commit not in line:
        return [msg.HOOK_TAG_NOT_ON_MAIN.format(commit=commit[:10])]
    verdict = judge_main(repo, commit)
    if not verdict.ok:
        return [msg.HOOK_TAG_UNVERIFIED.format(commit=commit[:10],
                                               problems=problem_lines(verdict))]
    problem = tag_signature_problem(repo, obj, commit)
    return [problem] if problem else []


def judge_push(repo: pygit2.Repository, updates: list[RefUpdate]) -> list[tuple[str, str]]:
    """(ref, reason) for every rejected update of one push; empty when all are accepted."""
    main_after = gitrepo.branch_tip(repo, gitrepo.MAIN)
    current = str(main_after) if main_after is not None else None
    for update in updates:
        if update.ref == MAIN_REF:
            current = None if update.deletes else update.new
    anchored = configured_anchor(repo) is not None
    created = frozenset(u.ref for u in updates if u.creates)
    rejected = []
    for update in updates:
        for reason in judge_update(repo, update, current, anchored, created):
            rejected.append((update.ref, reason))
    return rejected


def pre_receive(stdin: Iterable[str], out: TextIO | None = None) -> int:
    """Run as git's ``pre-receive``: judge the push, tell the pusher, exit 1 to reject it."""
    stream = out if out is not None else sys.stderr
    # Pushed objects sit in a quarantine directory that only the environment names.
    repo = pygit2.Repository(os.environ.get("GIT_DIR", "."), RepositoryOpenFlag.FROM_ENV)
    rejected = judge_push(repo, parse_updates(stdin))
    for ref, reason in rejected:
        text = msg.HOOK_REJECTED.format(ref=ref, reason=reason)
        for line in text.splitlines():
            print(f"{msg.HOOK_PREFIX}: {line}", file=stream)
    if rejected:
        print(f"{msg.HOOK_PREFIX}: {msg.HOOK_ALL_REJECTED}", file=stream)
        return 1
    return 0


def hook_script() -> str:
    """The hook: this interpreter and this lkjip, whatever PATH the server gives hooks."""
    source = Path(pipeline.__file__).resolve().parent.parent
    return (
        "#!/bin/sh\n"
        f"{HOOK_MARKER}: lkjip hook install menulis berkas ini; jangan disunting.\n"
        f"PYTHONPATH={shlex.quote(str(source))}${{PYTHONPATH:+:$PYTHONPATH}}\n"
        "export PYTHONPATH\n"
        f"exec {shlex.quote(sys.executable)} -m pipeline hook pre-receive\n"
    )


def install(path: Path, anchor: str | None = None, force: bool = False) -> tuple[Path, str]:
    """Install the hook into the bare repository at ``path``; returns (hook, anchor)."""
    try:
        repo = pygit2.Repository(str(path))
    except (pygit2.GitError, KeyError):
        raise UserError(msg.HOOK_NOT_BARE.format(path=path)) from None
    if not repo.is_bare:
        raise UserError(msg.HOOK_NOT_BARE.format(path=path))
    if anchor is not None:
        try:
            resolved = str(repo.revparse_single(anchor).peel(pygit2.Commit).id)
        except (KeyError, ValueError, pygit2.GitError):
            if not re.fullmatch(r"[0-9a-f]{40}", anchor):
                raise UserError(msg.HOOK_BAD_ANCHOR.format(rev=anchor)) from None
            resolved = anchor
    else:
        tip = gitrepo.branch_tip(repo, gitrepo.MAIN)
        line = gitrepo.first_parent_line(repo, tip) if tip is not None else []
        found = default_anchor(repo, line)
        if found is None:
            raise UserError(msg.HOOK_ANCHOR_UNKNOWN)
        resolved = found
    hook = Path(repo.path) / "hooks" / "pre-receive"
    if hook.exists() and HOOK_MARKER not in hook.read_text("utf-8", "replace") and not force:
        raise UserError(msg.HOOK_EXISTS.format(path=hook))
    hook.parent.mkdir(exist_ok=True)
    partial = hook.with_name(".pre-receive.lkjip")
    partial.write_text(hook_script())
    partial.chmod(0o755)
    os.replace(partial, hook)
    repo.config[ANCHOR_CONFIG] = resolved
    return hook, resolved
