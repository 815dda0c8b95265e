"""Helpers for the publish tests: approved rounds, forged merges, refs of a repository, and
local HTTP servers."""

from __future__ import annotations

import contextlib
import re
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pygit2
from workflow_helpers import Office, git

from pipeline.cli import build_parser
from pipeline.publish.merge import create_signed_merge
from pipeline.workflow.commits import format_message
from pipeline.workflow.signing import resolve_signing_key


def approved_round(office: Office, *, start: bool = True, draft: str = "draft/bab-3",
                   text: str = "# Bab III\n") -> str:
    """Start 2025 (optionally), draft, submit, paraf, paraf, sign; returns the round branch."""
    if start:
        office.ok("start", "--year", "2025", as_="inspektur")
    office.draft(draft, text)
    office.ok("submit", as_="staf")
    branch = office.branch()
    office.ok("paraf", as_="kasubbag")
    office.ok("paraf", as_="sekretaris")
    office.ok("sign", as_="inspektur")
    return branch


def merge_trailers(office: Office, as_: str = "kasubbag", round_: str = "2025/1",
                   role: str = "kasubbag_perencanaan") -> dict[str, str]:
    actor = office.actors[as_]
    return {"Action": "merge", "Year": round_.split("/")[0], "Round": round_, "Step": "9",
            "Role": role, "Name": actor.name, "NIP": actor.nip, "Decision": "received"}


def forge_merge(office: Office, round_branch: str, *, as_: str = "kasubbag",
                trailers: dict[str, str] | None = None, tree: str | None = None,
                main: str = "main") -> str:
    """A signed merge of ``round_branch`` into ``main`` written behind lkjip's back."""
    repo = office.repo
    first = repo.branches.local[main].target
    second = repo.branches.local[round_branch].target
    key = resolve_signing_key(str(office.actors[as_].key))
    new = create_signed_merge(
        repo, parents=[first, second],
        tree=pygit2.Oid(hex=tree) if tree else repo.get(second).tree_id,
        message=format_message("gabung", "", trailers or merge_trailers(office)), key=key)
    repo.references[f"refs/heads/{main}"].set_target(new)
    if office.branch() == main:
        office.git("reset", "-q", "--hard")
    return str(new)


def refs(path: Path) -> str:
    return git(path, "for-each-ref", "--format=%(refname) %(objectname)").stdout


def approved_draft(office: Office, fill: Callable[[Path], None], message: str) -> None:
    """Start 2025, let ``fill`` write into the office's work tree on draft/lkjip-2025, commit
    it as ``message`` and approve it up to the Inspektur's signature (SOP steps 1-8); merging
    is left to the caller."""
    office.ok("start", "--year", "2025", as_="inspektur")
    office.git("switch", "-q", "-c", "draft/lkjip-2025", "main")
    fill(office.path)
    office.git("add", ".")
    office.git("commit", "-q", "-m", message)
    office.ok("submit", as_="staf")
    office.ok("paraf", as_="kasubbag")
    office.ok("paraf", as_="sekretaris")
    office.ok("sign", as_="inspektur")


def with_report(office: Office, repo_root: Path) -> None:
    """The report's sources (content/, data/, mkdocs.yml) in a draft, approved up to the
    Inspektur's signature (SOP steps 1-8); merging is left to the test."""

    def fill(work: Path) -> None:
        for name in ("content", "data"):
            shutil.copytree(repo_root / name, work / name, dirs_exist_ok=True)
        shutil.copy(repo_root / "mkdocs.yml", work / "mkdocs.yml")
        office.write("records/2025/notulen-rapat-1.md", "# Notulen rapat 1\n")

    approved_draft(office, fill, "draft LKjIP 2025")


def check_format_pending() -> bool:
    """Until issue 15's ``lkjip check --format`` is merged, the templates already use it: the
    tests then read them without that option (nothing else is changed)."""
    try:
        build_parser().parse_args(["check", "--format", "github"])
    except SystemExit:
        return True
    return False


def template_text(path: Path) -> str:
    text = path.read_text()
    if check_format_pending():
        text = re.sub(r"lkjip check --format (github|gitlab)", "lkjip check", text)
    return text


@contextlib.contextmanager
def serve(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Run ``handler`` on 127.0.0.1 (a free port) in a thread; yields its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class QuietHandler(BaseHTTPRequestHandler):
    """A request handler that logs nothing and replies with one call."""

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def reply(self, code: int, body: bytes, kind: str) -> None:
        self.send_response(code)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
