"""A repository with a long approval history, for timing ``lkjip verify`` and ``lkjip status``.

``python benchmarks/history.py DIR --rounds 500`` makes a Git repository in ``DIR`` with a
roster of real ed25519 keys, one ``lkjip start``, and N rounds each drafted, submitted,
paraf'd twice, signed and merged into main through lkjip's own functions, so every commit is
exactly what the commands write. Two shortcuts keep generation linear in N (they change no
commit): the completeness check of ``submit`` is skipped (the repository holds no report), and
so is the whole-main check that ``merge`` repeats after each merge (quadratic over N rounds).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pygit2
from pygit2.enums import CheckoutStrategy

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from pipeline.publish import merge as merging  # noqa: E402
from pipeline.workflow import rounds  # noqa: E402
from pipeline.workflow.roster import Person, Roster, dump_roster, parse_public_key  # noqa: E402
from pipeline.workflow.signing import resolve_signing_key  # noqa: E402

PEOPLE = {  # role: (name, NIP)
    "inspektur": ("HERI ADIWIJAYA, SE", "197407052006041007"),
    "sekretaris": ("Dra. SITI AMINAH", "197001012000032001"),
    "kasubbag_perencanaan": ("BUDI SANTOSO, S.E.", "198002022005011002"),
    "staf": ("RINA MARLINA", "199003032015032003"),
}
YEAR = 2025


def _keys(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    keys = {}
    for role in PEOPLE:
        key = folder / f"id_{role}"
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", role,
                        "-f", str(key)], check=True)
        keys[role] = key
    return keys


def _commit_file(repo: pygit2.Repository, parent: pygit2.Oid | None, path: str, text: str,
                 message: str) -> pygit2.Oid:
    """An ordinary (unsigned) commit writing ``path`` on top of ``parent``."""
    index = pygit2.Index()
    if parent is not None:
        index.read_tree(repo.get(parent).tree)
    blob = repo.create_blob(text.encode())
    index.add(pygit2.IndexEntry(path, blob, pygit2.enums.FileMode.BLOB))
    tree = index.write_tree(repo)
    who = pygit2.Signature("Operator LKjIP", "lkjip@example.go.id")
    return repo.create_commit(None, who, who, message, tree, [parent] if parent else [])


def make_history(path: Path, count: int, *, progress: bool = False) -> Path:
    """Create the repository at ``path`` with ``count`` merged rounds; returns ``path``."""
    keys = {role: resolve_signing_key(str(k)) for role, k in _keys(path.parent / "keys").items()}
    roster = Roster(tuple(
        Person(nip, name, role, (role,), parse_public_key(Path(keys[role].path + ".pub")
                                                          .read_text()))
        for role, (name, nip) in PEOPLE.items()))
    repo = pygit2.init_repository(str(path), initial_head="main")
    repo.config["user.name"] = "Operator LKjIP"
    repo.config["user.email"] = "lkjip@example.go.id"
    first = _commit_file(repo, None, "sop/roster.yaml", dump_roster(roster), "awal")
    repo.references.create("refs/heads/main", first)
    repo.config["lkjip.anchor"] = str(first)  # the office's trust anchor: main starts here
    repo.checkout("refs/heads/main", strategy=CheckoutStrategy.FORCE)
    rounds.start(repo, keys["inspektur"], YEAR)
    repo.checkout("refs/heads/main", strategy=CheckoutStrategy.FORCE)

    # See the module docstring: shortcuts that write nothing, only skip repeated checks.
    merging.judge_main = lambda _repo, _tip: SimpleNamespace(ok=True, problems=())
    passing = lambda _root, complete=False: []  # noqa: E731
    started = time.monotonic()
    for number in range(1, count + 1):
        main = repo.branches.local["main"].target
        draft = _commit_file(repo, main, "content/bab-3.md", f"# Bab III\n\nVersi {number}.\n",
                             f"draf {number}")
        name = f"draft/{number}"
        repo.branches.local.create(name, repo.get(draft))
        repo.checkout(f"refs/heads/{name}", strategy=CheckoutStrategy.FORCE)
        rounds.submit(repo, keys["staf"], year=YEAR, check=passing)
        rounds.paraf(repo, keys["kasubbag_perencanaan"])
        rounds.paraf(repo, keys["sekretaris"])
        rounds.sign_report(repo, keys["inspektur"])
        merging.merge(repo, keys["kasubbag_perencanaan"])
        repo.branches.local.delete(name)
        if progress and number % 50 == 0:
            print(f"  {number} putaran, {time.monotonic() - started:.0f} s", file=sys.stderr)
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--rounds", type=int, default=500)
    args = parser.parse_args()
    make_history(args.path, args.rounds, progress=True)


if __name__ == "__main__":
    main()
