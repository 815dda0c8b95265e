"""Low-level repository access with pygit2: refs, blobs, work-tree state, signed commits."""

from __future__ import annotations

import re
from pathlib import Path

import pygit2
from pygit2.enums import FileStatus

from pipeline.errors import CannotRun, UserError
from pipeline.messages import workflow as msg
from pipeline.workflow.signing import SigningKey, resolve_signing_key, sign

MAIN = "main"
ROUND_PREFIX = "review/"
_ROUND_BRANCH = re.compile(r"^review/(\d{4})/([1-9]\d*)$")


def open_repo(path: str | Path = ".") -> pygit2.Repository:
    found = pygit2.discover_repository(str(path))
    if found is None:
        raise CannotRun(msg.NOT_A_REPOSITORY)
    return pygit2.Repository(found)


def round_branch(year: int, number: int) -> str:
    return f"{ROUND_PREFIX}{year}/{number}"


def parse_round_branch(name: str) -> tuple[int, int] | None:
    """``review/2025/3`` -> (2025, 3); None for any other branch name."""
    match = _ROUND_BRANCH.match(name)
    return (int(match[1]), int(match[2])) if match else None


def current_branch(repo: pygit2.Repository) -> str:
    if repo.head_is_unborn:
        raise UserError(msg.NO_COMMITS)
    if repo.head_is_detached:
        raise UserError(msg.DETACHED_HEAD)
    return repo.head.shorthand


def branch_tip(repo: pygit2.Repository, name: str) -> pygit2.Oid | None:
    branch = repo.branches.local.get(name)
    return branch.target if branch is not None else None


def main_tip(repo: pygit2.Repository) -> pygit2.Oid:
    tip = branch_tip(repo, MAIN)
    if tip is None:
        raise UserError(msg.NO_MAIN.format(main=MAIN))
    return tip


def ensure_clean(repo: pygit2.Repository) -> None:
    """Refuse to act on a work tree with uncommitted or untracked changes: nothing is lost."""
    if repo.is_bare:
        return
    dirty = sorted(
        path for path, flags in repo.status(untracked_files="all", ignored=False).items()
        if flags != FileStatus.CURRENT and not flags & FileStatus.IGNORED
    )
    if dirty:
        shown = ", ".join(dirty[:5]) + (" ..." if len(dirty) > 5 else "")
        raise UserError(msg.DIRTY_WORKTREE.format(files=shown))


def read_text_at(repo: pygit2.Repository, commit: pygit2.Oid | str, path: str) -> str | None:
    """The UTF-8 text of ``path`` in a commit's tree, or None when it is absent."""
    return blob_text(repo, blob_id_at(repo, commit, path))


def blob_text(repo: pygit2.Repository, oid: pygit2.Oid | str | None) -> str | None:
    """The UTF-8 text of a blob, or None when ``oid`` is None or names no blob (a tree)."""
    if oid is None:
        return None
    blob = repo.get(oid)
    if not isinstance(blob, pygit2.Blob):
        return None
    return blob.data.decode("utf-8", "replace")


def blob_id_at(repo: pygit2.Repository, commit: pygit2.Oid | str, path: str) -> str | None:
    tree = repo.get(commit).peel(pygit2.Tree)
    try:
        return str(tree[path].id)
    except KeyError:
        return None


def first_parent_line(repo: pygit2.Repository, tip: pygit2.Oid, limit: int = 100_000) -> list[str]:
    """Commits from ``tip`` back to the root following first parents (newest first)."""
    line: list[str] = []
    commit = repo.get(tip)
    while commit is not None and len(line) < limit:
        line.append(str(commit.id))
        commit = repo.get(commit.parent_ids[0]) if commit.parent_ids else None
    return line


def is_ancestor(repo: pygit2.Repository, ancestor: str, descendant: str) -> bool:
    """True when ``ancestor`` is ``descendant`` or one of its ancestors."""
    if ancestor == descendant:
        return True
    try:
        return repo.descendant_of(descendant, ancestor)
    except (KeyError, ValueError, pygit2.GitError):
        return False


def signature_identity(repo: pygit2.Repository) -> pygit2.Signature:
    """Author/committer from git's ``user.name``/``user.email``, as ``git commit`` would."""
    try:
        return repo.default_signature
    except (KeyError, pygit2.GitError):
        raise UserError(msg.NO_GIT_IDENTITY) from None


def create_signed_commit(
    repo: pygit2.Repository, *, parent: pygit2.Oid | None, tree: pygit2.Oid, message: str,
    key: SigningKey,
) -> pygit2.Oid:
    """Write a commit signed exactly as ``git commit -S`` (gpg.format=ssh) would; moves no ref.
    ``parent`` None: a root commit (the first record of a records branch).

    The signature's trailing newline is stripped: libgit2 would otherwise add an empty
    continuation line and the object would differ from git's.
    """
    who = signature_identity(repo)
    parents = [parent] if parent is not None else []
    content = repo.create_commit_string(who, who, message, tree, parents)
    signature = sign(content.encode("utf-8"), key)
    return repo.create_commit_with_signature(content, signature.rstrip("\n"), "gpgsig")


def move_branch(repo: pygit2.Repository, name: str, expected: pygit2.Oid | None,
                new: pygit2.Oid, log: str) -> None:
    """Point branch ``name`` at ``new`` if it still points at ``expected`` (None: create)."""
    current = branch_tip(repo, name)
    if current != expected:
        raise UserError(msg.BRANCH_MOVED.format(branch=name))
    ref = f"refs/heads/{name}"
    if expected is None:
        repo.create_reference(ref, new, message=log)
    else:
        repo.references[ref].set_target(new, log)


def signing_key_spec(repo: pygit2.Repository, explicit: str | None) -> str:
    """``--key`` if given, else git's ``user.signingkey``, as ``git commit -S`` would use."""
    if explicit:
        return explicit
    try:
        return str(repo.config["user.signingkey"])
    except KeyError:
        raise UserError(msg.NO_KEY) from None


def signing_key(repo: pygit2.Repository, explicit: str | None) -> SigningKey:
    """The signer's key: ``--key`` if given, else ``user.signingkey`` (as git would)."""
    return resolve_signing_key(signing_key_spec(repo, explicit))
