"""A revision of the report as files: what the render code needs, taken out of Git.

The render code knows nothing of Git. To render an old version, the files it reads
(``content/``, ``data/``, ``mkdocs.yml``) are written from a commit's tree into a temporary
folder, and the renderer is pointed at that folder as if it were the project.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pygit2

from pipeline.errors import UserError
from pipeline.messages import review as msg
from pipeline.workflow import gitrepo

# What a rendering reads; everything else in the tree (sop/, pipeline/, tests/) is left out.
RENDER_PATHS = ("content", "data", "mkdocs.yml")
DATA_DIR = "data"


@dataclass(frozen=True)
class Revision:
    spec: str  # as the user wrote it (``review/2025/2``, ``main``, ``HEAD~1``, an id)
    oid: str

    @property
    def short(self) -> str:
        return self.oid[:10]

    @property
    def label(self) -> str:
        """For file names: the spec without characters a path cannot hold."""
        cleaned = "".join(c if c.isalnum() or c in "-." else "-" for c in self.spec)
        return cleaned.strip("-") or self.short


def resolve(repo: pygit2.Repository, spec: str) -> Revision:
    """A revision the way ``git`` names it; ``2025/2`` is short for the round ``review/2025/2``
    and a round only a remote has (``origin/review/2025/2``) is found too."""
    candidates = [spec]
    if gitrepo.parse_round_branch(gitrepo.ROUND_PREFIX + spec):
        candidates.append(gitrepo.ROUND_PREFIX + spec)
    if gitrepo.parse_round_branch(candidates[-1]):
        candidates += [f"{remote}/{candidates[-1]}" for remote in repo.remotes.names()]
    for candidate in candidates:
        try:
            commit = repo.revparse_single(candidate).peel(pygit2.Commit)
        except (KeyError, ValueError, pygit2.GitError):
            continue
        return Revision(spec, str(commit.id))
    raise UserError(msg.UNKNOWN_REVISION.format(rev=spec))


def _write_tree(repo: pygit2.Repository, tree: pygit2.Tree, dest: Path) -> None:
    for entry in tree:
        name = entry.name or ""
        if name in ("", ".", "..") or "/" in name or "\\" in name:
            continue  # never write outside dest, whatever the tree says
        obj = repo.get(entry.id)
        if isinstance(obj, pygit2.Tree):
            (dest / name).mkdir(exist_ok=True)
            _write_tree(repo, obj, dest / name)
        elif isinstance(obj, pygit2.Blob) and entry.filemode != pygit2.enums.FileMode.LINK:
            (dest / name).write_bytes(obj.data)


def extract(repo: pygit2.Repository, oid: str, dest: Path) -> None:
    """Write the render inputs of commit ``oid`` into ``dest`` (an empty folder)."""
    tree = repo.get(oid).peel(pygit2.Tree)
    for path in RENDER_PATHS:
        try:
            entry = tree[path]
        except KeyError:
            continue
        obj = repo.get(entry.id)
        if isinstance(obj, pygit2.Tree):
            (dest / path).mkdir(parents=True, exist_ok=True)
            _write_tree(repo, obj, dest / path)
        elif isinstance(obj, pygit2.Blob):
            (dest / path).write_bytes(obj.data)


@contextlib.contextmanager
def checkout(repo: pygit2.Repository, oid: str) -> Iterator[Path]:
    """A temporary folder holding the render inputs of ``oid``; removed afterwards."""
    with tempfile.TemporaryDirectory(prefix="lkjip-snapshot-") as tmp:
        extract(repo, oid, Path(tmp))
        yield Path(tmp)


def _blobs(repo: pygit2.Repository, oid: str, prefix: str) -> dict[str, str]:
    """Path -> blob id of every file under ``prefix`` in the commit's tree."""
    tree = repo.get(oid).peel(pygit2.Tree)
    try:
        sub = repo.get(tree[prefix].id)
    except KeyError:
        return {}
    found: dict[str, str] = {}

    def walk(node: pygit2.Tree, base: PurePosixPath) -> None:
        for entry in node:
            obj = repo.get(entry.id)
            if isinstance(obj, pygit2.Tree):
                walk(obj, base / (entry.name or ""))
            else:
                found[str(base / (entry.name or ""))] = str(entry.id)

    if isinstance(sub, pygit2.Tree):
        walk(sub, PurePosixPath(prefix))
    return found


def changed_files(repo: pygit2.Repository, old: str, new: str,
                  prefix: str = DATA_DIR) -> list[str]:
    """Files under ``prefix`` whose blob differs between two commits (added/removed too)."""
    before, after = _blobs(repo, old, prefix), _blobs(repo, new, prefix)
    return sorted(p for p in before.keys() | after.keys() if before.get(p) != after.get(p))
