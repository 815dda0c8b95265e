"""``lkjip review``: a page on this computer for the round under review, and its two decisions.

The page shows the round, whose turn it is, the draft as the report renders it, the redline
against the previous round (or against main for the first round), the result of
``lkjip check --lengkap`` and the chain so far (from :func:`verify_round`, as ``lkjip verify``).
The decisions call the same functions as ``lkjip paraf`` / ``sign`` / ``return``, sign with the
reviewer's own key (``--key`` or ``user.signingkey``, resolved exactly as the CLI does) and
show a refusal in the CLI's words.

Safety on localhost, where there is no login: the server binds to 127.0.0.1 only; every
request must name it in its Host header (DNS rebinding); a decision (POST) must come from the
page itself: its Origin (or, without one, its Referer) must be this server, and it must carry
the per-server random token of the page's form (CSRF). Decisions run one at a time.
"""

from __future__ import annotations

import hmac
import secrets
import threading
import time
from dataclasses import dataclass, field
from html import escape
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pygit2

from pipeline.data.check import check_project
from pipeline.errors import Problem, UserError
from pipeline.messages import format_time
from pipeline.messages import review as msg
from pipeline.messages import workflow as wmsg
from pipeline.review import lineage, snapshot
from pipeline.review.redline import (
    STYLE,
    Redline,
    make_redline,
    redline_body,
    render_version,
)
from pipeline.workflow import gitrepo, rounds
from pipeline.workflow.signing import resolve_signing_key
from pipeline.workflow.sop import Sop
from pipeline.workflow.verify import ChainEntry, Verdict, holder_names

HOST = "127.0.0.1"
MAX_BODY = 64 * 1024
ACTIONS = {"/paraf": "paraf", "/kembalikan": "return"}


# --- the decisions: the CLI's code, the CLI's words ---------------------------------------


def decide(root: Path, action: str, note: str, key_spec: str | None,
           seen: str | None = None) -> str:
    """Paraf (or, when it is the inspektur's step, tanda tangan) or return the round at
    ``root``; the message the CLI prints on success. Raises the CLI's :class:`UserError`.

    ``seen`` is the commit the reviewer's page showed: a decision is refused when the round
    has moved since, so nobody approves a version they did not see.
    """
    repo = gitrepo.open_repo(root)
    if seen is not None and (repo.head_is_unborn or str(repo.head.target) != seen):
        raise UserError(msg.REVIEW_STALE)
    key = resolve_signing_key(gitrepo.signing_key_spec(repo, key_spec))
    if action == "return":
        verdict = rounds.return_round(repo, key, note)
        judged = rounds.judge(repo, repo.head.target)
        assert verdict.returned is not None and judged is not None
        sop = judged[1].sop
        return wmsg.RETURN_DONE.format(
            round=verdict.round, to=", ".join(sop.title_of(r) for r in verdict.returned.to))
    judged = rounds.judge(repo, repo.head.target) if not repo.head_is_unborn else None
    signing = judged is not None and judged[2].next_step is not None and (
        judged[2].next_step.action == "sign")
    verdict = (rounds.sign_report if signing else rounds.paraf)(repo, key, note)
    return _approved(repo, verdict, wmsg.SIGN_DONE if signing else wmsg.PARAF_DONE)


def _approved(repo: pygit2.Repository, verdict: Verdict, template: str) -> str:
    """The text ``lkjip paraf`` / ``lkjip sign`` print (see pipeline.commands.paraf.report)."""
    judged = rounds.judge(repo, repo.head.target)
    assert judged is not None
    sop, roster = judged[1].sop, judged[1].roster
    last = verdict.chain[-1]
    lines = [template.format(role=sop.title_of(last.role), round=verdict.round,
                             commit=last.commit[:10])]
    if verdict.next_step is not None:
        role = verdict.next_step.role
        lines.append(wmsg.NEXT_TURN.format(role=sop.title_of(role),
                                           names=holder_names(roster, role)))
    return "\n".join(lines)


# --- what the page shows ------------------------------------------------------------------


@dataclass(frozen=True)
class RoundView:
    name: str  # 2025/2
    branch: str
    head: str
    verdict: Verdict
    sop: Sop
    turn: str  # who acts next, in words ("" when nobody)
    signing: bool  # the next step is the inspektur's signature
    handoff: ChainEntry | None
    base: str  # the main commit the round started from (Lkjip-Base)


@dataclass(frozen=True)
class PageData:
    round: RoundView | None
    reason: str  # why there is no round (user text)
    key: str  # the reviewer's key, in words
    problems: tuple[Problem, ...] = ()
    redline: Redline | None = None
    draft_html: str = ""
    errors: tuple[str, ...] = ()  # what could not be shown, and why


def _key_text(repo: pygit2.Repository, key_spec: str | None) -> str:
    try:
        key = resolve_signing_key(gitrepo.signing_key_spec(repo, key_spec))
    except UserError:
        return msg.REVIEW_NO_KEY
    return key.public.fingerprint


def round_view(repo: pygit2.Repository) -> RoundView:
    """The round HEAD is on, judged; :class:`UserError` (the CLI's words) when there is none."""
    branch = gitrepo.current_branch(repo)
    if not gitrepo.parse_round_branch(branch):
        raise UserError(wmsg.NOT_ON_ROUND.format(branch=branch))
    judged = rounds.judge(repo, repo.head.target)
    if judged is None:
        raise UserError(wmsg.ROUND_WITHOUT_HANDOFF.format(branch=branch))
    facts, policy, verdict = judged
    sop = policy.sop
    turn, signing = "", False
    if verdict.state == "open" and verdict.next_step is not None:
        step = verdict.next_step
        signing = step.action == "sign"
        turn = msg.REVIEW_TURN.format(role=sop.title_of(step.role), step=step.number,
                                      names=holder_names(policy.roster, step.role))
    base = facts.handoff.trailers.get("Base", "") or facts.handoff.oid
    return RoundView(verdict.round, branch, str(repo.head.target), verdict, sop, turn, signing,
                     verdict.handoff, base)


def gather(root: Path, key_spec: str | None) -> PageData:
    """Everything the page shows, read from the repository at ``root``."""
    repo = gitrepo.open_repo(root)
    key = _key_text(repo, key_spec)
    try:
        view = round_view(repo)
    except UserError as exc:
        return PageData(None, str(exc), key)
    year, number = gitrepo.parse_round_branch(view.branch) or (0, 0)
    errors: list[str] = []
    previous = lineage.previous_round(repo, year, number)
    if previous is not None:
        old = snapshot.Revision(previous.branch, previous.tip)
    else:
        old = snapshot.Revision(msg.REVIEW_BASE, view.base)
    new = snapshot.Revision(view.branch, view.head)
    problems: list[Problem] = []
    redline = None
    draft_html = ""
    with snapshot.checkout(repo, new.oid) as new_root:
        try:
            problems = check_project(new_root, complete=True)
        except UserError as exc:
            errors.append(str(exc))
        try:
            new_version = render_version(new_root, new.spec)
            draft_html = "\n".join(
                f"<details><summary>{escape(c.title)}</summary>{c.html}</details>"
                if not c.error else f'<p class="rl-error">{escape(c.error)}</p>'
                for c in new_version.chapters)
        except UserError as exc:
            errors.append(str(exc))
            new_version = None
    if new_version is not None:
        try:
            with snapshot.checkout(repo, old.oid) as old_root:
                old_version = render_version(old_root, old.spec)
            redline = make_redline(old_version, new_version,
                                   snapshot.changed_files(repo, old.oid, new.oid))
        except UserError as exc:
            errors.append(str(exc))
    return PageData(view, "", key, tuple(problems), redline, draft_html, tuple(errors))


# --- HTML ---------------------------------------------------------------------------------

PAGE_STYLE = STYLE + """
body { max-width: 72rem; }
.rv-flash { padding: .6rem 1rem; border-radius: .3rem; white-space: pre-wrap; }
.rv-flash.ok { background: #dff5e3; border: 1px solid #3a9d4f; }
.rv-flash.refused { background: #fbe2e2; border: 1px solid #c0392b; }
.rv-actions { display: flex; gap: 1.5rem; flex-wrap: wrap; border: 2px solid #444;
  padding: .8rem 1rem; margin: 1rem 0; }
.rv-actions form { flex: 1 1 20rem; } .rv-actions textarea { width: 100%; min-height: 4rem; }
.rv-actions button { font-size: 1rem; padding: .4rem 1.2rem; margin-top: .4rem;
  cursor: pointer; }
button#paraf { background: #1f6f3a; color: #fff; border: 0; }
button#kembalikan { background: #a32020; color: #fff; border: 0; }
.rv-section > summary { font-size: 1.15rem; font-weight: bold; margin-top: 1rem; }
.rv-chain code { font-size: .7rem; word-break: break-all; } .rv-chain td:nth-child(6) {
  white-space: nowrap; } .rv-chain td:last-child { min-width: 14rem; }
"""


def _chain_rows(view: RoundView) -> str:
    rows = []
    for e in ([view.handoff] if view.handoff else []) + list(view.verdict.chain) + (
            [view.verdict.returned] if view.verdict.returned else []):
        rows.append(
            f"<tr><td>{e.step}</td><td>{escape(view.sop.title_of(e.role))}</td>"
            f"<td>{escape(msg.REVIEW_ACTION_NAMES.get(e.action, e.action))}</td>"
            f"<td>{escape(e.name)}</td><td>{escape(e.nip)}</td><td>{escape(format_time(e.time))}</td>"
            f"<td><code>{escape(e.fingerprint)}</code></td><td>{escape(e.note)}</td></tr>")
    head = "".join(f"<th>{escape(h)}</th>" for h in msg.REVIEW_CHAIN_HEAD)
    return f'<table class="rv-chain"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}' \
           "</tbody></table>"


def _chain(view: RoundView) -> str:
    verdict = view.verdict
    parts = [f"<h2>{escape(msg.REVIEW_CHAIN)}</h2>", _chain_rows(view)]
    if not verdict.chain:
        parts.append(f"<p>{escape(msg.REVIEW_CHAIN_EMPTY)}</p>")
    if verdict.problems:
        items = "".join(f"<li>{escape(str(p))}</li>" for p in verdict.problems)
        parts.append(f'<p class="rl-error">{escape(msg.REVIEW_PROBLEMS)}</p><ul>{items}</ul>')
    else:
        parts.append(f"<p>{escape(msg.REVIEW_VERIFIED)}</p>")
    return f'<section id="rantai">{"".join(parts)}</section>'


def _check(problems: tuple[Problem, ...]) -> str:
    if not problems:
        body = f"<p>{escape(msg.REVIEW_CHECK_OK)}</p>"
    else:
        items = "".join(f"<li>{escape(str(p))}</li>" for p in problems)
        body = f"<p>{escape(msg.REVIEW_CHECK_PROBLEMS.format(count=len(problems)))}</p>" \
               f"<ul>{items}</ul>"
    return f'<section id="pemeriksaan"><h2>{escape(msg.REVIEW_CHECK)}</h2>{body}</section>'


def _actions(view: RoundView, token: str) -> str:
    if view.verdict.state != "open":
        return f'<p class="rv-actions" id="keputusan">{escape(msg.REVIEW_CLOSED)}</p>'
    approve = msg.REVIEW_SIGN if view.signing else msg.REVIEW_PARAF
    hidden = (f'<input type="hidden" name="token" value="{escape(token)}">'
              f'<input type="hidden" name="head" value="{escape(view.head)}">')
    return (
        f'<section class="rv-actions" id="keputusan"><h2 style="flex-basis:100%;margin:0">'
        f"{escape(msg.REVIEW_ACTIONS)}</h2>"
        f'<form method="post" action="/paraf">{hidden}'
        f'<label>{escape(msg.REVIEW_NOTE_OPTIONAL)}<br><textarea name="note" id="catatan-paraf">'
        f'</textarea></label><br><button type="submit" id="paraf">{escape(approve)}</button>'
        "</form>"
        f'<form method="post" action="/kembalikan">{hidden}'
        f'<label>{escape(msg.REVIEW_NOTE_RETURN)}<br><textarea name="note" '
        f'id="catatan-kembalikan"></textarea></label><br>'
        f'<button type="submit" id="kembalikan">{escape(msg.REVIEW_RETURN)}</button></form>'
        "</section>"
    )


def render_page(data: PageData, token: str, flash: tuple[str, str] | None = None) -> str:
    """The review page (pure): ``flash`` is (kind ``ok``/``refused``, text) of a decision."""
    view = data.round
    title = msg.REVIEW_TITLE.format(round=view.name if view else "").strip()
    parts = [f'<h1 class="rl-title">{escape(title)}</h1>']
    if flash is not None:
        label = msg.REVIEW_DONE if flash[0] == "ok" else msg.REVIEW_REFUSED
        parts.append(f'<div class="rv-flash {flash[0]}" id="hasil" role="status">'
                     f"<strong>{escape(label)}:</strong> {escape(flash[1])}</div>")
    if view is None:
        parts.append(f'<p id="status">{escape(msg.REVIEW_NOT_ON_ROUND)} '
                     f"{escape(data.reason)}</p>")
    else:
        state = msg.REVIEW_STATE.get(view.verdict.state, view.verdict.state)
        heading = msg.REVIEW_ROUND.format(round=view.name, state=state)
        parts.append(f'<p id="status"><strong>{escape(heading)}</strong>. '
                     f"{escape(view.turn)}</p>")
        if view.handoff is not None:
            submitted = msg.REVIEW_SUBMITTED.format(
                name=view.handoff.name, role=view.sop.title_of(view.handoff.role),
                time=format_time(view.handoff.time))
            parts.append(f"<p>{escape(submitted)}</p>")
        parts.append(f'<p class="rl-note">{escape(msg.REVIEW_YOUR_KEY.format(key=data.key))}</p>')
        parts.append(_actions(view, token))
        parts += [f'<p class="rl-error">{escape(e)}</p>' for e in data.errors]
        parts.append(_check(data.problems))
        parts.append(_chain(view))
        if data.redline is not None:
            parts.append(
                f'<details class="rv-section" open id="redline"><summary>'
                f"{escape(msg.REVIEW_REDLINE.format(old=data.redline.old.name))}</summary>"
                f"{redline_body(data.redline)}</details>")
        parts.append(
            f'<details class="rv-section" id="draf"><summary>'
            f"{escape(msg.REVIEW_DRAFT.format(commit=view.head[:10]))}</summary>"
            f"{data.draft_html}</details>")
    return ('<!DOCTYPE html>\n<html lang="id"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{PAGE_STYLE}</style></head><body>"
            + "\n".join(parts) + "</body></html>\n")


# --- the server ---------------------------------------------------------------------------


@dataclass
class ReviewState:
    root: Path
    key_spec: str | None
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    lock: threading.Lock = field(default_factory=threading.Lock)
    cache: dict[str, PageData] = field(default_factory=dict)

    def page_data(self) -> PageData:
        """Cached per HEAD commit and state of the refs that matter (rendering takes seconds)."""
        repo = gitrepo.open_repo(self.root)
        refs = sorted((r, str(repo.references[r].target)) for r in repo.references
                      if r.startswith(("refs/heads/", "refs/remotes/"))
                      and isinstance(repo.references[r].target, pygit2.Oid))
        head = "" if repo.head_is_unborn else str(repo.head.target)
        key = repr((head, repo.head.name if not repo.head_is_unborn else "", refs))
        with self.lock:
            if key not in self.cache:
                self.cache.clear()
                self.cache[key] = gather(self.root, self.key_spec)
            return self.cache[key]


class ReviewServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, state: ReviewState, port: int = 0) -> None:
        self.state = state
        super().__init__((HOST, port), ReviewHandler)

    @property
    def port(self) -> int:
        return int(self.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    def allowed_origins(self) -> set[str]:
        return {f"http://{HOST}:{self.port}", f"http://localhost:{self.port}"}

    def allowed_hosts(self) -> set[str]:
        return {f"{HOST}:{self.port}", f"localhost:{self.port}"}


class ReviewHandler(BaseHTTPRequestHandler):
    server: ReviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib name
        return  # quiet: the terminal is for ssh-keygen's passphrase prompt

    # --- answers ---
    def _send(self, status: int, body: str) -> None:
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "same-origin")
        self.send_header("Content-Security-Policy",
                         "default-src 'none'; img-src data:; style-src 'unsafe-inline'; "
                         "form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _plain(self, status: int, text: str) -> None:
        self._send(status, f'<!DOCTYPE html><html lang="id"><head><meta charset="utf-8">'
                           f"<title>{escape(text)}</title></head><body><p>{escape(text)}</p>"
                           "</body></html>")

    def _host_ok(self) -> bool:
        return self.headers.get("Host", "") in self.server.allowed_hosts()

    def _same_origin(self) -> bool:
        origin = self.headers.get("Origin")
        if origin is not None:
            return origin in self.server.allowed_origins()
        referer = self.headers.get("Referer")
        if not referer:
            return False
        parts = urlsplit(referer)
        return f"{parts.scheme}://{parts.netloc}" in self.server.allowed_origins()

    # --- methods ---
    def do_GET(self) -> None:  # noqa: N802 - stdlib name
        if not self._host_ok():
            self._plain(HTTPStatus.MISDIRECTED_REQUEST, msg.REVIEW_BAD_HOST)
            return
        if urlsplit(self.path).path != "/":
            self._plain(HTTPStatus.NOT_FOUND, msg.REVIEW_NOT_FOUND)
            return
        state = self.server.state
        self._send(HTTPStatus.OK, render_page(state.page_data(), state.token))

    do_HEAD = do_GET

    def do_POST(self) -> None:  # noqa: N802 - stdlib name
        if not self._host_ok():
            self._plain(HTTPStatus.MISDIRECTED_REQUEST, msg.REVIEW_BAD_HOST)
            return
        action = ACTIONS.get(urlsplit(self.path).path)
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if action is None or not 0 <= length <= MAX_BODY:
            self.close_connection = True
            self._plain(HTTPStatus.NOT_FOUND, msg.REVIEW_NOT_FOUND)
            return
        form = parse_qs(self.rfile.read(length).decode("utf-8", "replace"),
                        keep_blank_values=True)
        state = self.server.state
        token = (form.get("token") or [""])[0]
        content_type = self.headers.get("Content-Type", "").split(";")[0].strip()
        if not (self._same_origin() and content_type == "application/x-www-form-urlencoded"
                and hmac.compare_digest(token.encode(), state.token.encode())):
            self._plain(HTTPStatus.FORBIDDEN, msg.REVIEW_FORBIDDEN)
            return
        note = (form.get("note") or [""])[0].replace("\r\n", "\n")
        seen = (form.get("head") or [""])[0]
        with state.lock:
            try:
                flash = ("ok", decide(state.root, action, note, state.key_spec, seen))
                status = HTTPStatus.OK
            except UserError as exc:
                flash = ("refused", str(exc))
                status = HTTPStatus.CONFLICT
            state.cache.clear()
        self._send(status, render_page(state.page_data(), state.token, flash))


def serve(root: Path, key_spec: str | None, port: int = 0) -> ReviewServer:
    """A review server for the repository at ``root``, bound to 127.0.0.1 (not yet serving)."""
    return ReviewServer(ReviewState(root, key_spec), port)


def run_in_thread(server: ReviewServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, name="lkjip-review", daemon=True)
    thread.start()
    while not server.socket:  # pragma: no cover - bound in __init__
        time.sleep(0.01)
    return thread
