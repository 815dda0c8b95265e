"""GitHub's workflow run with act in host mode on fresh clones (issue 17): a new office (no
roster, no anchor) is green and publishes a DRAF preview with a job summary naming the missing
set-up steps; a set-up office (roster, anchor variable, a verified main) publishes the final
report; a lkjip-* tag attaches the PDF and the public site.zip to its release, and without the
anchor variable it does not. Stand-ins only for the actions that need the network
(tests/publish/forge_standins). Logs: /tmp/lkjip/act-github-*.log.
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
    run_act,
    set_up_office,
)
from workflow_helpers import Office

pytestmark = pytest.mark.slow

GITHUB = ".github/workflows/lkjip.yml"


def test_github_new_office_is_green_and_publishes_a_draf_preview(tmp_path: Path) -> None:
    workspace = fresh_clone(new_office(tmp_path), tmp_path / "clone")
    run = run_act(workspace, GITHUB, tmp_path / "record", name="act-github-baru")
    assert run.rc == 0, run.log[-4000:]
    assert "Job succeeded" in run.log and "Job failed" not in run.log
    pages = run.record / "pages-artifact"
    check_public_site(pages)
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
    check_public_site(pages)
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
                  name="act-github-tag-tanpa-jangkar", job="verify-main")
    assert run.rc != 0 and not (run.record / "release").exists()
    assert "Jangkar kepercayaan belum diatur" in run.log
    assert run.summary().startswith("## LKjIP: rilis TIDAK dibuat"), run.summary()


