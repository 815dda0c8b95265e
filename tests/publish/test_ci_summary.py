"""``lkjip ci-summary``: the job summary and the exit code CI acts on (issue 17)."""

from __future__ import annotations

from workflow_helpers import Office


def test_summary_and_exit_code_follow_the_set_up(office: Office, monkeypatch) -> None:
    monkeypatch.setenv("GITLAB_CI", "true")
    office.ok("start", "--year", "2025", as_="inspektur")
    final = office.ok("ci-summary")  # roster, anchor (git config), main verifies
    assert final.out.startswith("## LKjIP: laporan final")
    assert "- [x] `lkjip verify --branch main` lolos" in final.out

    office.draft()  # a draft branch: not what main approved
    failed = office.lkjip("ci-summary")
    assert failed.rc == 1 and "main TIDAK terverifikasi" in failed.out
    assert "GAGAL untuk commit ini" in failed.out

    office.git("switch", "-q", "main")
    office.git("config", "--unset", "lkjip.anchor")
    preview = office.ok("ci-summary")  # setting up: green, a DRAF preview
    assert preview.out.startswith("## LKjIP: pratinjau bertanda DRAF")
    assert "Settings > CI/CD > Variables" in preview.out  # this forge's menu path
    assert "- [x] Daftar personel" in preview.out
    strict = office.lkjip("ci-summary", "--strict")
    assert strict.rc == 1 and strict.out.startswith("## LKjIP: rilis TIDAK dibuat")
