"""The pre-receive hook on a bare repository, with real ``git push`` from separate clones,
over ``file://`` and over a ``git daemon`` on loopback started by the test."""

from __future__ import annotations

import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from publish_helpers import approved_round, forge_merge, refs
from workflow_helpers import Office, git

from pipeline.messages import publish as msg
from pipeline.messages import workflow as wmsg
from pipeline.publish.hook import RefUpdate, parse_updates, ref_kind, split_tag_signature


@dataclass
class Server:
    bare: Path
    url: str

    def refs(self) -> str:
        return refs(self.bare)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def bare(office: Office, tmp_path: Path) -> Path:
    """A bare server repository holding main (roster commit), with the hook installed."""
    path = tmp_path / "server" / "lkjip.git"
    path.parent.mkdir()
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(path))
    office.git("push", "-q", str(path), "main")
    installed = office.ok("hook", "install", str(path))
    assert "Hook pre-receive dipasang" in installed.out
    anchor = git(path, "config", "lkjip.anchor").stdout.strip()
    assert anchor == office.tip("main")
    return path


@pytest.fixture
def file_server(bare: Path) -> Server:
    return Server(bare, bare.as_uri())


@pytest.fixture
def daemon_server(bare: Path) -> Iterator[Server]:
    port = _free_port()
    proc = subprocess.Popen(
        ["git", "daemon", "--export-all", "--enable=receive-pack", "--reuseaddr",
         f"--base-path={bare.parent}", f"--port={port}", "--listen=127.0.0.1",
         str(bare.parent)],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    pytest.fail("git daemon did not start")
                time.sleep(0.05)
        yield Server(bare, f"git://127.0.0.1:{port}/{bare.name}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _clone(server: Server, path: Path) -> Office:
    git(path.parent, "clone", "-q", server.url, str(path))
    git(path, "config", "user.name", "Pegawai Lain")
    git(path, "config", "user.email", "lain@inspektorat.landakkab.go.id")
    return Office(path, {})


def _push(repo_path: Path, server: Server, *args: str) -> subprocess.CompletedProcess[str]:
    return git(repo_path, "push", server.url, *args, check=False)


def _rejected(repo_path: Path, server: Server, *args: str) -> str:
    """Push, expect a rejection by the hook, the server's refs unchanged; returns stderr."""
    before = server.refs()
    result = _push(repo_path, server, *args)
    assert result.returncode != 0, result.stderr
    assert "remote: lkjip: DITOLAK" in result.stderr, result.stderr
    assert f"remote: lkjip: {msg.HOOK_ALL_REJECTED}" in result.stderr
    assert "pre-receive hook declined" in result.stderr
    assert server.refs() == before
    return result.stderr


def _accepted(repo_path: Path, server: Server, *args: str) -> None:
    result = _push(repo_path, server, *args)
    assert result.returncode == 0, result.stderr
    assert "DITOLAK" not in result.stderr


def _signed_tag(office: Office, name: str, rev: str, as_: str = "kasubbag") -> None:
    office.git("-c", "gpg.format=ssh", "-c", f"user.signingkey={office.actors[as_].key}",
               "tag", "-s", name, "-m", f"Rilis {name}", rev)


def _scenario(office: Office, server: Server, tmp_path: Path) -> None:
    # An approved round merged to main by the kasubbag is accepted, with its round branch.
    branch = approved_round(office)
    _accepted(office.path, server, "main", branch)  # the start commit on main first
    office.ok("merge", as_="kasubbag")
    _accepted(office.path, server, "main")
    assert git(server.bare, "rev-parse", "main").stdout.strip() == office.tip("main")

    # Another machine: a direct commit on main is rejected, naming the commit.
    other = _clone(server, tmp_path / "other")
    direct = other.commit("content/bab-3.md", "diubah langsung\n", "langsung")
    err = _rejected(other.path, server, "main")
    assert f"DITOLAK refs/heads/main: {msg.HOOK_MAIN_INVALID.splitlines()[0][:30]}" in err
    assert f"{direct[:10]}: {wmsg.M_DIRECT_COMMIT}" in err

    # Rewriting main (force push to an older commit) is rejected.
    other.git("reset", "-q", "--hard", "HEAD~2")
    err = _rejected(other.path, server, "--force", "main")
    assert msg.HOOK_NON_FF.format(kind=msg.HOOK_KIND_MAIN) in err

    # A force-push rewriting a round is rejected, and so is deleting it.
    other.git("fetch", "-q", "origin", f"{branch}:{branch}")
    other.git("switch", "-q", branch)
    other.git("reset", "-q", "--hard", "HEAD~1")  # drop the inspektur's signature
    other.commit("content/bab-3.md", "isi lain\n", "tulis ulang")
    err = _rejected(other.path, server, "--force", branch)
    assert msg.HOOK_NON_FF.format(kind=msg.HOOK_KIND_ROUND) in err
    err = _rejected(other.path, server, f":{branch}")
    assert msg.HOOK_DELETE.format(kind=msg.HOOK_KIND_ROUND) in err


def test_hook_over_file_url(office: Office, file_server: Server, tmp_path: Path) -> None:
    _scenario(office, file_server, tmp_path)


@pytest.mark.slow
def test_hook_over_git_daemon(office: Office, daemon_server: Server, tmp_path: Path) -> None:
    _scenario(office, daemon_server, tmp_path)


def test_merge_with_a_missing_paraf_is_rejected(office: Office, file_server: Server) -> None:
    office.round_at("sekretaris")  # kasubbag's paraf only: sekretaris and inspektur missing
    branch = office.branch()
    _accepted(office.path, file_server, "main", branch)
    forge_merge(office, branch)  # signed by the kasubbag, but the chain is incomplete
    err = _rejected(office.path, file_server, "main")
    assert "putaran 2025/1 yang digabung belum sah" in err
    assert "belum ada Sekretaris, Inspektur" in err


def test_an_unsigned_merge_and_a_new_paraf_on_a_round(office: Office,
                                                      file_server: Server) -> None:
    branch = approved_round(office)
    # A round branch is accepted with the main its hand-off is based on (the start commit).
    _accepted(office.path, file_server, "main", branch)
    office.git("switch", "-q", "main")
    office.git("merge", "-q", "--no-ff", "-m", "gabung", branch)
    err = _rejected(office.path, file_server, "main")
    assert wmsg.V_UNSIGNED in err


def test_release_tags(office: Office, file_server: Server, tmp_path: Path) -> None:
    branch = approved_round(office)
    office.ok("merge", as_="kasubbag")
    _accepted(office.path, file_server, "main", branch)

    # A tag on an unapproved commit (the draft) is rejected.
    _signed_tag(office, "lkjip-2025", "draft/bab-3")
    err = _rejected(office.path, file_server, "refs/tags/lkjip-2025")
    draft = office.tip("draft/bab-3")
    assert msg.HOOK_TAG_NOT_ON_MAIN.format(commit=draft[:10]) in err
    office.git("tag", "-d", "lkjip-2025")

    # A lightweight tag is rejected even on a verified commit.
    office.git("tag", "lkjip-2025", "main")
    err = _rejected(office.path, file_server, "refs/tags/lkjip-2025")
    assert msg.HOOK_TAG_NOT_ANNOTATED in err
    office.git("tag", "-d", "lkjip-2025")

    # A tag signed by someone outside the roster is rejected.
    outsider = office.actors["outsider"]
    office.git("-c", "gpg.format=ssh", "-c", f"user.signingkey={outsider.key}",
               "tag", "-s", "lkjip-2025", "-m", "rilis", "main")
    err = _rejected(office.path, file_server, "refs/tags/lkjip-2025")
    assert "yang tidak ada di daftar peran" in err
    office.git("tag", "-d", "lkjip-2025")

    # The signed annotated tag on verified main is accepted; it can't be moved or deleted.
    _signed_tag(office, "lkjip-2025", "main")
    _accepted(office.path, file_server, "refs/tags/lkjip-2025")
    office.git("tag", "-d", "lkjip-2025")
    _signed_tag(office, "lkjip-2025", "main~1")
    err = _rejected(office.path, file_server, "--force", "refs/tags/lkjip-2025")
    assert msg.HOOK_TAG_MOVED in err
    err = _rejected(office.path, file_server, ":refs/tags/lkjip-2025")
    assert msg.HOOK_DELETE.format(kind=msg.HOOK_KIND_TAG) in err
    # Other tags and draft branches are free.
    office.git("tag", "catatan", "draft/bab-3")
    _accepted(office.path, file_server, "refs/tags/catatan", "draft/bab-3")
    _accepted(office.path, file_server, ":draft/bab-3")


def test_hook_without_anchor_fails_closed(office: Office, file_server: Server) -> None:
    git(file_server.bare, "config", "--unset", "lkjip.anchor")
    office.ok("start", "--year", "2025", as_="inspektur")
    err = _rejected(office.path, file_server, "main")
    assert "server belum dikonfigurasi" in err


def test_hook_install_refusals(office: Office, tmp_path: Path) -> None:
    result = office.lkjip("hook", "install", str(office.path))
    assert result.rc == 1 and "bukan repositori Git bare" in result.err
    empty = tmp_path / "kosong.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(empty))
    result = office.lkjip("hook", "install", str(empty))
    assert result.rc == 1 and "Jangkar tidak dapat ditentukan" in result.err
    result = office.lkjip("hook", "install", str(empty), "--anchor", "bukan-commit")
    assert result.rc == 1 and "bukan commit" in result.err
    (empty / "hooks" / "pre-receive").write_text("#!/bin/sh\nexit 0\n")
    result = office.lkjip("hook", "install", str(empty), "--anchor", "a" * 40)
    assert result.rc == 1 and "sudah memuat hook pre-receive lain" in result.err
    office.ok("hook", "install", str(empty), "--anchor", "a" * 40, "--force")
    assert "lkjip pre-receive hook" in (empty / "hooks" / "pre-receive").read_text()


def test_hook_units() -> None:
    zero, one = "0" * 40, "1" * 40
    assert parse_updates([f"{zero} {one} refs/heads/main\n", "\n"]) == [
        RefUpdate(zero, one, "refs/heads/main")]
    with pytest.raises(Exception, match="tidak dikenali"):
        parse_updates(["rusak"])
    assert ref_kind("refs/heads/main") == "main"
    assert ref_kind("refs/heads/review/2025/3") == "round"
    assert ref_kind("refs/heads/review/2025/x") == "review-other"
    assert ref_kind("refs/heads/review/2025/3/x") == "review-other"
    assert ref_kind("refs/tags/lkjip-2025-rev1") == "tag"
    assert ref_kind("refs/heads/draft/bab-3") is None
    payload, sig = split_tag_signature(b"object x\n\nmsg\n-----BEGIN SSH SIGNATURE-----\nA\n")
    assert payload == b"object x\n\nmsg\n" and sig is not None and sig.startswith("-----BEGIN")
