"""Helpers for the workflow tests: an office of role holders in a real repository."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pygit2

from pipeline.cli import main as cli_main
from pipeline.workflow import gitrepo
from pipeline.workflow.commits import format_message
from pipeline.workflow.roster import Person, PublicKey, Roster, dump_roster, parse_public_key
from pipeline.workflow.signing import resolve_signing_key

PEOPLE = {
    # short name: (role or None, full name, NIP)
    "inspektur": ("inspektur", "HERI ADIWIJAYA, SE", "197407052006041007"),
    "sekretaris": ("sekretaris", "Dra. SITI AMINAH", "197001012000032001"),
    "kasubbag": ("kasubbag_perencanaan", "BUDI SANTOSO, S.E.", "198002022005011002"),
    "staf": ("staf", "RINA MARLINA", "199003032015032003"),
    "irban": ("irban", "YOHANES ACONG, S.H.", "198504042010011004"),
    "outsider": (None, "ORANG LUAR", "199912312020121999"),
}


@dataclass(frozen=True)
class Actor:
    short: str
    role: str | None
    name: str
    nip: str
    key: Path  # private key; the .pub sits next to it

    @property
    def pub(self) -> Path:
        return self.key.with_name(self.key.name + ".pub")

    @property
    def public_key(self) -> PublicKey:
        return parse_public_key(self.pub.read_text())

    def person(self) -> Person:
        assert self.role is not None
        return Person(self.nip, self.name, self.role, (self.role,),
                      parse_public_key(self.pub.read_text()))


@dataclass
class Result:
    rc: int
    out: str
    err: str


def make_key(path: Path, passphrase: str = "") -> Path:
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", path.name,
                    "-f", str(path)], check=True)
    return path


def git(cwd: Path, *args: str, check: bool = True, env: dict[str, str] | None = None,
        ) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                            env={**os.environ, **(env or {})})
    if check and result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed: {result.stderr}")
    return result


@dataclass
class Office:
    """A temp LKjIP repository whose roster holds every actor but the outsider."""

    path: Path
    actors: dict[str, Actor]
    main_commits: list[str] = field(default_factory=list)

    @property
    def repo(self) -> pygit2.Repository:
        return pygit2.Repository(str(self.path))

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return git(self.path, *args, check=check)

    def lkjip(self, *args: str, as_: str | None = None) -> Result:
        argv = list(args) + (["--key", str(self.actors[as_].key)] if as_ else [])
        out, err = io.StringIO(), io.StringIO()
        cwd = os.getcwd()
        os.chdir(self.path)
        try:
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                rc = cli_main(argv)
        finally:
            os.chdir(cwd)
        return Result(rc, out.getvalue(), err.getvalue())

    def ok(self, *args: str, as_: str | None = None) -> Result:
        result = self.lkjip(*args, as_=as_)
        assert result.rc == 0, result.err
        return result

    def write(self, rel: str, text: str) -> None:
        path = self.path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)

    def commit(self, rel: str, text: str, message: str = "ubah") -> str:
        self.write(rel, text)
        self.git("add", rel)
        self.git("commit", "-q", "-m", message)
        return self.head()

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").stdout.strip()

    def branch(self) -> str:
        return self.git("rev-parse", "--abbrev-ref", "HEAD").stdout.strip()

    def tip(self, branch: str) -> str:
        return self.git("rev-parse", branch).stdout.strip()

    def draft(self, name: str = "draft/bab-3", text: str = "# Bab III\n") -> str:
        """A draft branch from main with one ordinary commit (SOP steps 4-5)."""
        self.git("switch", "-q", "-c", name, "main")
        return self.commit("content/bab-3.md", text, "draft bab III")

    def approve_and_merge(self) -> None:
        """Submit the draft checked out, paraf it twice, sign it and merge it (steps 5-9)."""
        self.ok("submit", as_="staf")
        for who in ("kasubbag", "sekretaris"):
            self.ok("paraf", as_=who)
        self.ok("sign", as_="inspektur")
        self.ok("merge", as_="kasubbag")

    def round_at(self, level: str) -> None:
        """Start 2025, draft, submit, and give parafs until it is ``level``'s turn."""
        self.ok("start", "--year", "2025", as_="inspektur")
        self.draft()
        self.ok("submit", as_="staf")
        for who in ("kasubbag", "sekretaris"):
            if who == level:
                return
            self.ok("paraf", as_=who)

    def forge(self, as_: str, trailers: dict[str, str], *, subject: str = "paraf",
              tree: str | None = None, branch: str | None = None) -> str:
        """A signed commit written behind lkjip's back, moving ``branch`` (default: current)."""
        repo = self.repo
        branch = branch or self.branch()
        parent = repo.branches.local[branch].target
        key = resolve_signing_key(str(self.actors[as_].key))
        new = gitrepo.create_signed_commit(
            repo, parent=parent, tree=pygit2.Oid(hex=tree) if tree else repo.get(parent).tree_id,
            message=format_message(subject, "", trailers), key=key)
        repo.references[f"refs/heads/{branch}"].set_target(new)
        if branch == self.branch():
            self.git("reset", "-q", "--hard")
        return str(new)

    def trailers(self, as_: str, *, action: str = "paraf", role: str | None = None,
                 step: int = 6, round_: str = "2025/1") -> dict[str, str]:
        actor = self.actors[as_]
        return {"Action": action, "Round": round_, "Step": str(step),
                "Role": role or actor.role or "staf", "Name": actor.name, "NIP": actor.nip,
                "Decision": "returned" if action == "return" else "approved"}

    def allowed_signers(self) -> Path:
        path = self.path.parent / "allowed_signers"
        path.write_text(self.ok("roster", "allowed-signers", "--rev", "main").out)
        return path

    def git_verify(self, rev: str) -> subprocess.CompletedProcess[str]:
        return self.git("-c", f"gpg.ssh.allowedSignersFile={self.allowed_signers()}",
                        "verify-commit", rev, check=False)


def roster_of(actors: dict[str, Actor], *shorts: str) -> Roster:
    return Roster(tuple(actors[s].person() for s in shorts))


STAFF = ("inspektur", "sekretaris", "kasubbag", "staf", "irban")


def init_office(path: Path, actors: dict[str, Actor], roster: Roster) -> Office:
    path.mkdir()
    pygit2.init_repository(str(path), initial_head="main")
    office = Office(path, actors)
    office.git("config", "user.name", "Operator LKjIP")
    office.git("config", "user.email", "lkjip@inspektorat.landakkab.go.id")
    office.write("sop/roster.yaml", dump_roster(roster))
    office.write("data/README.md", "data LKjIP\n")
    office.git("add", ".")
    office.git("commit", "-q", "-m", "awal: daftar peran")
    # The office sets its trust anchor once, from outside the content (docs-workflow.md).
    office.git("config", "lkjip.anchor", office.head())
    return office


def expect_error(result: Result, text: str) -> None:
    """The command failed with exit 1 and said ``text`` (a fragment of the message)."""
    assert result.rc == 1, (result.rc, result.out, result.err)
    assert text in result.err + result.out, result.err + result.out
