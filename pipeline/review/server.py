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
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pygit2
from markupsafe import Markup

from pipeline.errors import Problem, UserError
from pipeline.messages import format_time
from pipeline.messages import review as msg
from pipeline.messages import safety as safety_msg
from pipeline.messages import workflow as wmsg
from pipeline.messages.events import event_name, state_name
from pipeline.render.sanitize import clean_html
from pipeline.review import lineage, snapshot
from pipeline.review.isolation import render_revisions
from pipeline.review.redline import STYLE, Redline, Version, make_redline, redline_page
from pipeline.templating import CSP, render
from pipeline.workflow import gitrepo, rounds
from pipeline.workflow.outcome import Outcome, words
from pipeline.workflow.policy import describe
from pipeline.workflow.sop import Sop
from pipeline.workflow.verify import ChainEntry, Verdict, holder_names

HOST = "127.0.0.1"
MAX_BODY = 64 * 1024
ACTIONS = {"/paraf": "paraf", "/kembalikan": "return"}


# --- the decisions: the CLI's code, the CLI's words ---------------------------------------


def decide(root: Path, action: str, note: str, key_spec: str | None,
           seen: str | None = None) -> Outcome:
    """Paraf (or, when it is the inspektur's step, tanda tangan) or return the round at
    ``root``, as ``lkjip paraf`` / ``sign`` / ``return`` do; the page words the outcome as the
    CLI does (:func:`words`). Raises the CLI's :class:`UserError`.

    ``seen`` is the commit the reviewer's page showed: a decision is refused when the round
    has moved since, so nobody approves a version they did not see.
    """
    repo = gitrepo.open_repo(root)
    if seen is not None and (repo.head_is_unborn or str(repo.head.target) != seen):
        raise UserError(msg.REVIEW_STALE)
    key = gitrepo.signing_key(repo, key_spec)
    if action == "return":
        return rounds.return_round(repo, key, note)
    return rounds.approve(repo, key, note)


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
    policy: tuple[str, ...] = ()  # what it changes outside content/ and data/, in words


@dataclass(frozen=True)
class PageData:
    round: RoundView | None
    reason: str  # why there is no round (user text)
    key: str  # the reviewer's key, in words
    problems: tuple[Problem, ...] = ()
    redline: Redline | None = None
    draft: Version | None = None
    errors: tuple[str, ...] = ()  # what could not be shown, and why
    checked: bool = False  # the check ran (its result is ``problems``)
    policy: tuple[str, ...] = ()  # changes outside content/ and data/, in words


def _key_text(repo: pygit2.Repository, key_spec: str | None) -> str:
    try:
        key = gitrepo.signing_key(repo, key_spec)
    except UserError:
        return msg.REVIEW_NO_KEY
    return key.public.fingerprint


def round_view(repo: pygit2.Repository, outcome: Outcome | None = None) -> RoundView:
    """The round HEAD is on, judged; :class:`UserError` (the CLI's words) when there is none.

    ``outcome``: a decision just written on this round, whose verdict is the round's now (used
    when HEAD is still the commit it wrote; the round is not judged again).
    """
    branch = gitrepo.current_branch(repo)
    if not gitrepo.parse_round_branch(branch):
        raise UserError(wmsg.NOT_ON_ROUND.format(branch=branch))
    head = str(repo.head.target)
    judged = ((outcome.facts, outcome.policy, outcome.verdict)
              if outcome is not None and (outcome.commit, outcome.branch) == (head, branch)
              else rounds.judge(repo, head))
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
    policy_lines = tuple(describe(facts.changes, sop)) if facts.changes is not None else ()
    return RoundView(verdict.round, branch, head, verdict, sop, turn, signing,
                     verdict.handoff, base, policy_lines)


def gather(root: Path, key_spec: str | None, outcome: Outcome | None = None) -> PageData:
    """Everything the page shows, read from the repository at ``root`` (``outcome``: a
    decision just written, see :func:`round_view`). The draft and the version it is compared
    with are rendered and checked in an isolated child process (:mod:`.isolation`): this
    process holds the reviewer's key."""
    repo = gitrepo.open_repo(root)
    key = _key_text(repo, key_spec)
    try:
        view = round_view(repo, outcome)
    except UserError as exc:
        return PageData(None, str(exc), key)
    year, number = gitrepo.parse_round_branch(view.branch) or (0, 0)
    previous = lineage.previous_round(repo, year, number)
    if previous is not None:
        old = snapshot.Revision(previous.branch, previous.tip)
    else:
        old = snapshot.Revision(msg.REVIEW_BASE, view.base)
    new = snapshot.Revision(view.branch, view.head)
    rendered_new, rendered_old = render_revisions(repo, [new, old], check=True)
    errors = [e for e in (rendered_new.error, rendered_new.check_error, rendered_old.error) if e]
    if not rendered_new.sandboxed:
        errors.append(safety_msg.NOT_SANDBOXED)
    redline = None
    if rendered_new.version is not None and rendered_old.version is not None:
        redline = make_redline(rendered_old.version, rendered_new.version,
                               snapshot.changed_files(repo, old.oid, new.oid))
    return PageData(view, "", key, rendered_new.problems, redline, rendered_new.version,
                    tuple(errors), checked=not rendered_new.check_error, policy=view.policy)


# --- HTML ---------------------------------------------------------------------------------

PAGE_STYLE = STYLE + """
body { max-width: 72rem; }
.rv-flash { padding: .6rem 1rem; border-radius: .3rem; white-space: pre-wrap; }
.rv-flash.ok { background: #dff5e3; border: 1px solid #3a9d4f; }
.rv-flash.refused { background: #fbe2e2; border: 1px solid #c0392b; }
.rv-actions { display: flex; gap: 1.5rem; flex-wrap: wrap; border: 2px solid #444;
  padding: .8rem 1rem; margin: 1rem 0; }
.rv-actions-title { flex-basis: 100%; margin: 0; }
.rv-actions form { flex: 1 1 20rem; } .rv-actions textarea { width: 100%; min-height: 4rem; }
.rv-actions button { font-size: 1rem; padding: .4rem 1.2rem; margin-top: .4rem;
  cursor: pointer; }
button#paraf { background: #1f6f3a; color: #fff; border: 0; }
button#kembalikan { background: #a32020; color: #fff; border: 0; }
.rv-policy { border: 3px solid #c0392b; background: #fff4e5; padding: .3rem 1rem; }
.rv-section > summary { font-size: 1.15rem; font-weight: bold; margin-top: 1rem; }
.rv-frame { width: 100%; height: 80vh; border: 1px solid #888; resize: vertical; }
.rv-chain code { font-size: .7rem; word-break: break-all; } .rv-chain td:nth-child(6) {
  white-space: nowrap; } .rv-chain td:last-child { min-width: 14rem; }
"""


@dataclass(frozen=True)
class _Flash:
    kind: str  # ok, refused
    label: str
    text: str


@dataclass(frozen=True)
class _DraftChapter:
    title: str
    body: Markup
    error: str


def draft_page(version: Version, title: str) -> str:
    """The draft's chapters as one page, for the review page's sandboxed frame."""
    chapters = [_DraftChapter(c.title, Markup(clean_html(c.html)), c.error)
                for c in version.chapters]
    return render("pipeline.review", "draft.html", title=title, chapters=chapters,
                  style=Markup(STYLE))


def render_page(data: PageData, token: str, flash: tuple[str, str] | None = None) -> str:
    """The review page (pure): ``flash`` is (kind ``ok``/``refused``, text) of a decision."""
    view = data.round
    title = msg.REVIEW_TITLE.format(round=view.name if view else "").strip()
    context: dict[str, object] = {
        "title": title, "msg": msg, "view": view, "reason": data.reason, "token": token,
        "style": Markup(PAGE_STYLE), "errors": data.errors, "problems": data.problems,
        "checked": data.checked, "policy": data.policy, "format_time": format_time,
        "flash": None, "redline_page": "", "draft_page": "", "redline_name": "",
        "your_key": msg.REVIEW_YOUR_KEY.format(key=data.key), "event_name": event_name,
    }
    if flash is not None:
        label = msg.REVIEW_DONE if flash[0] == "ok" else msg.REVIEW_REFUSED
        context["flash"] = _Flash(flash[0], label, flash[1])
    if view is not None:
        context["heading"] = msg.REVIEW_ROUND.format(round=view.name,
                                                     state=state_name(view.verdict.state))
        context["submitted"] = msg.REVIEW_SUBMITTED.format(
            event=event_name("submit", done=True, capital=True), name=view.handoff.name,
            role=view.sop.title_of(view.handoff.role), time=format_time(view.handoff.time),
        ) if view.handoff is not None else ""
        context["approve"] = event_name("sign" if view.signing else "paraf", capital=True)
        context["chain"] = [*([view.handoff] if view.handoff else []), *view.verdict.chain,
                            *([view.verdict.returned] if view.verdict.returned else [])]
        if data.redline is not None:
            context["redline_name"] = data.redline.old.name
            context["redline_page"] = redline_page(data.redline, footer="")
        if data.draft is not None:
            context["draft_page"] = draft_page(
                data.draft, msg.REVIEW_DRAFT.format(commit=view.head[:10]))
    return render("pipeline.review", "review.html", **context)


def message_page(text: str) -> str:
    return render("pipeline.review", "message.html", text=text)


# --- the server ---------------------------------------------------------------------------


@dataclass
class ReviewState:
    root: Path
    key_spec: str | None
    token: str = field(default_factory=lambda: secrets.token_urlsafe(32))
    lock: threading.Lock = field(default_factory=threading.Lock)
    cache: dict[str, PageData] = field(default_factory=dict)

    def page_data(self, outcome: Outcome | None = None) -> PageData:
        """Cached per HEAD commit and state of the refs that matter (rendering takes seconds).
        ``outcome``: the decision just written (its verdict is not judged again)."""
        repo = gitrepo.open_repo(self.root)
        refs = sorted((r, str(repo.references[r].target)) for r in repo.references
                      if r.startswith(("refs/heads/", "refs/remotes/"))
                      and isinstance(repo.references[r].target, pygit2.Oid))
        head = "" if repo.head_is_unborn else str(repo.head.target)
        key = repr((head, repo.head.name if not repo.head_is_unborn else "", refs))
        with self.lock:
            if key not in self.cache:
                self.cache.clear()
                self.cache[key] = gather(self.root, self.key_spec, outcome)
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
        self.send_header("Content-Security-Policy", CSP)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def _plain(self, status: int, text: str) -> None:
        self._send(status, message_page(text))

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
        try:
            page = render_page(state.page_data(), state.token)
        except UserError as exc:
            self._plain(HTTPStatus.OK, str(exc))
            return
        except Exception as exc:  # a bug: a page that says so, not a closed connection
            self._plain(HTTPStatus.INTERNAL_SERVER_ERROR,
                        msg.REVIEW_INTERNAL.format(kind=type(exc).__name__))
            return
        self._send(HTTPStatus.OK, page)

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
        outcome = None
        with state.lock:
            try:
                outcome = decide(state.root, action, note, state.key_spec, seen)
                flash = ("ok", words(outcome))
                status = HTTPStatus.OK
            except UserError as exc:
                flash = ("refused", str(exc))
                status = HTTPStatus.CONFLICT
            state.cache.clear()
        self._send(status, render_page(state.page_data(outcome), state.token, flash))


def serve(root: Path, key_spec: str | None, port: int = 0) -> ReviewServer:
    """A review server for the repository at ``root``, bound to 127.0.0.1 (not yet serving)."""
    return ReviewServer(ReviewState(root, key_spec), port)


def run_in_thread(server: ReviewServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, name="lkjip-review", daemon=True)
    thread.start()
    while not server.socket:  # pragma: no cover - bound in __init__
        time.sleep(0.01)
    return thread
