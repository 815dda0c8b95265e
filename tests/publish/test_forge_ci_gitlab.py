"""GitLab's CI file run with gitlab-ci-local 4.56.2 (npm) in shell mode on fresh clones (issue
17): a new office's main pipeline is green and Pages carries a DRAF preview; a set-up office's
tag makes the release job, whose assets:links come from the files job through its dotenv
report. Logs: /tmp/lkjip/gitlab-*.log.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from forge_ci_helpers import (
    BANNER,
    check_public_site,
    fresh_clone,
    new_office,
    offline_venv,
    run_gitlab,
    set_up_office,
    without_images,
)
from workflow_helpers import Office

pytestmark = pytest.mark.slow


def test_gitlab_pages_preview_then_tag_release_with_gitlab_ci_local(
        office: Office, tmp_path: Path) -> None:
    workspace = fresh_clone(new_office(tmp_path / "baru"), tmp_path / "clone")
    without_images(workspace)
    offline_venv(workspace)
    run = run_gitlab(workspace, {"GITLAB_CI": "true"}, "gitlab-baru")
    assert run.rc == 0, run.log[-4000:]
    assert "PASS  pages" in run.log and "PASS  verify-main" in run.log
    public = run.record / "pages/public"
    check_public_site(public)
    assert BANNER in (public / "index.html").read_text()
    assert "Settings > CI/CD > Variables" in run.log

    bare, anchor = set_up_office(office, tmp_path)
    tag = fresh_clone(bare, tmp_path / "tag", "lkjip-2025")
    without_images(tag)
    offline_venv(tag)
    run = run_gitlab(tag, {"CI_COMMIT_TAG": "lkjip-2025", "CI_COMMIT_BRANCH": "",
                           "LKJIP_ANCHOR": anchor}, "gitlab-tag",
                     jobs=("release-files", "release"))
    assert run.rc == 0, run.log[-4000:]
    assert "PASS  release-files" in run.log and "PASS  release" in run.log
    files = run.record / "release-files/dist"
    assert (files / "lkjip-2025.pdf").read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(files / "lkjip-situs.zip") as site:
        assert BANNER.encode() not in site.read("index.html")
    assert "Rilis lkjip-2025 dengan lkjip-2025.pdf" in run.log  # the dotenv reached the job
