"""Gitea's (and Forgejo's) workflow run with act in host mode on fresh clones (issue 17):
bootstrap.sh setup makes the virtual environment (PEP 668), the site is an upload-artifact@v3
artifact with the DRAF mark for a new office, and a lkjip-* tag's job attaches the PDF and
site.zip to the release through the Gitea API (a local server that answers as Gitea's API does
and records every request). Logs: /tmp/lkjip/act-gitea-*.log.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from forge_ci_helpers import (
    BANNER,
    OFFLINE_PIP,
    check_public_site,
    fresh_clone,
    new_office,
    offline_venv,
    run_act,
    set_up_office,
)
from publish_helpers import QuietHandler, serve
from workflow_helpers import Office

pytestmark = pytest.mark.slow

GITEA = ".gitea/workflows/lkjip.yml"


class FakeGitea(QuietHandler):
    """Gitea's release API as far as lkjip uses it; every request is recorded."""

    calls: list[tuple[str, str, bytes]] = []
    releases: dict[str, dict] = {}

    def _reply(self, status: int, body: object = None) -> None:
        self.reply(status, json.dumps(body).encode() if body is not None else b"",
                   "application/json")

    def _record(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        assert self.headers.get("Authorization") == "token job-token-123"
        self.calls.append((self.command, self.path, body))
        return body

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self._record()
        tag = self.path.rsplit("/", 1)[1]
        found = self.releases.get(tag)
        self._reply(200, found) if found else self._reply(404, {"message": "not found"})

    def do_POST(self) -> None:  # noqa: N802
        body = self._record()
        if self.path.endswith("/releases"):
            data = json.loads(body)
            release = {"id": 7, "tag_name": data["tag_name"], "assets": []}
            self.releases[data["tag_name"]] = release
            self._reply(201, release)
        else:
            self._reply(201, {"id": len(self.calls), "name": self.path.rsplit("=", 1)[1]})


@pytest.fixture
def gitea() -> Iterator[str]:
    FakeGitea.calls, FakeGitea.releases = [], {}
    with serve(FakeGitea) as url:
        yield url


def test_gitea_new_office_then_tag_attaches_release_assets_through_the_api(
        office: Office, tmp_path: Path, gitea: str) -> None:
    workspace = fresh_clone(new_office(tmp_path / "baru"), tmp_path / "clone")
    offline_venv(workspace)
    env = {"GITEA_ACTIONS": "true", **OFFLINE_PIP}
    run = run_act(workspace, GITEA, tmp_path / "record", env=env, keep_ignored=True,
                  name="act-gitea-baru")
    assert run.rc == 0, run.log[-4000:]
    site = run.record / "artifacts/situs/site"
    check_public_site(site)
    assert BANNER in (site / "index.html").read_text()
    assert "Settings > Actions > Variables" in run.summary()

    bare, anchor = set_up_office(office, tmp_path)
    tag = fresh_clone(bare, tmp_path / "tag", "lkjip-2025")
    offline_venv(tag)
    run = run_act(tag, GITEA, tmp_path / "record-tag", ref="refs/tags/lkjip-2025",
                  variables={"LKJIP_ANCHOR": anchor},
                  env={**env, "LKJIP_FORGE_URL": gitea, "GITHUB_REPOSITORY": "inspektorat/lkjip"},
                  secrets={"GITHUB_TOKEN": "job-token-123"},
                  keep_ignored=True, name="act-gitea-tag", job="release")
    assert run.rc == 0, run.log[-4000:]
    calls = [(method, path) for method, path, _ in FakeGitea.calls]
    base = "/api/v1/repos/inspektorat/lkjip"
    assert calls == [("GET", f"{base}/releases/tags/lkjip-2025"),
                     ("POST", f"{base}/releases"),
                     ("POST", f"{base}/releases/7/assets?name=lkjip-2025.pdf"),
                     ("POST", f"{base}/releases/7/assets?name=lkjip-situs.zip")]
    pdf_upload = FakeGitea.calls[2][2]
    assert b'name="attachment"; filename="lkjip-2025.pdf"' in pdf_upload
    assert b"%PDF" in pdf_upload
    assert (run.record / "artifacts/lkjip-rilis/lkjip-2025.pdf").is_file()


