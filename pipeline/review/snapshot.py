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
from pipeline.messages import safety as safety_msg
from pipeline.workflow import gitrepo

# What a rendering reads; everything else in the tree (sop/, pipeline/, tests/) is left out.
CONFIG_FILE = "mkdocs.yml"
RENDER_PATHS = ("content", "data", CONFIG_FILE)
DATA_DIR = "data"
# A report is a few dozen files and a few MB; a revision far larger is refused, not written.
MAX_FILES = 2_000
MAX_BYTES = 64 * 1024 * 1024


@dataclass
class _Budget:
    """What is left of the limits while one revision is written out."""

    name: str
    files: int = MAX_FILES
    size: int = MAX_BYTES

    def take(self, size: int) -> None:
        self.files -= 1
        self.size -= size
        if self.files < 0:
            raise UserError(safety_msg.SNAPSHOT_TOO_LARGE.format(
                rev=self.name, what=safety_msg.SNAPSHOT_FILES.format(count=f"> {MAX_FILES}"),
                limit=safety_msg.SNAPSHOT_FILES.format(count=MAX_FILES)))
        if self.size < 0:
            raise UserError(safety_msg.SNAPSHOT_TOO_LARGE.format(
                rev=self.name, what=safety_msg.SNAPSHOT_BYTES.format(size=f"> {MAX_BYTES}"),
                limit=safety_msg.SNAPSHOT_BYTES.format(size=MAX_BYTES)))


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


def write_tree(repo: pygit2.Repository, tree: pygit2.Tree, dest: Path,
               budget: _Budget | None = None) -> None:
    """Write ``tree``'s files into ``dest``: never a name that leaves ``dest``, never a
    symbolic link; within ``budget`` when one is given (a revision nobody approved)."""
    budget = budget or _Budget("", files=10**9, size=10**15)
    dest.mkdir(parents=True, exist_ok=True)
    for entry in tree:
        name = entry.name or ""
        if name in ("", ".", "..") or "/" in name or "\\" in name:
            continue  # never write outside dest, whatever the tree says
        if entry.filemode == pygit2.enums.FileMode.LINK:
            continue  # a symbolic link is never written, so never followed
        obj = repo.get(entry.id)
        if isinstance(obj, pygit2.Tree):
            budget.take(0)
            (dest / name).mkdir(exist_ok=True)
            write_tree(repo, obj, dest / name, budget)
        elif isinstance(obj, pygit2.Blob):
            budget.take(obj.size)
            (dest / name).write_bytes(obj.data)


def extract(repo: pygit2.Repository, oid: str, dest: Path, name: str = "") -> None:
    """Write the render inputs of commit ``oid`` into ``dest`` (an empty folder). A revision
    over :data:`MAX_FILES` or :data:`MAX_BYTES` is refused (:class:`UserError`)."""
    tree = repo.get(oid).peel(pygit2.Tree)
    budget = _Budget(name or oid[:10])
    for path in RENDER_PATHS:
        try:
            entry = tree[path]
        except KeyError:
            continue
        if entry.filemode == pygit2.enums.FileMode.LINK:
            continue
        obj = repo.get(entry.id)
        if isinstance(obj, pygit2.Tree):
            (dest / path).mkdir(parents=True, exist_ok=True)
            write_tree(repo, obj, dest / path, budget)
        elif isinstance(obj, pygit2.Blob):
            budget.take(obj.size)
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
