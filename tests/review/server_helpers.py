"""Helpers for the review-server tests: a server on a free port in a thread, and requests."""

from __future__ import annotations

import contextlib
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pipeline.review.server import ReviewServer, run_in_thread, serve
from pipeline.workflow import gitrepo


@dataclass
class Answer:
    status: int
    text: str


@contextlib.contextmanager
def review_server(root: Path, key: Path | None) -> Iterator[ReviewServer]:
    server = serve(root, str(key) if key else None, 0)
    thread = run_in_thread(server)
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def request(server: ReviewServer, path: str = "/", *, data: dict[str, str] | None = None,
            headers: dict[str, str] | None = None) -> Answer:
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(server.url.rstrip("/") + path, data=body,
                                 headers=headers or {})
    if body is not None:
        req.add_header("Content-Type", "application/x-www-form-urlencoded")
    opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    try:
        with opener.open(req, timeout=60) as response:
            return Answer(response.status, response.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, exc.read().decode("utf-8"))


def post(server: ReviewServer, path: str, note: str = "", *, origin: str | None = "self",
         token: str | None = None, headers: dict[str, str] | None = None,
         seen: str | None = None) -> Answer:
    """A form post as the page sends it; ``seen`` (the commit the page showed) defaults to
    the current HEAD."""
    if seen is None:
        seen = str(gitrepo.open_repo(server.state.root).head.target)
    sent = dict(headers or {})
    if origin == "self":
        sent["Origin"] = server.url.rstrip("/")
    elif origin is not None:
        sent["Origin"] = origin
    form = {"token": token or server.state.token, "head": seen, "note": note}
    return request(server, path, data=form, headers=sent)
