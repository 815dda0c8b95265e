"""``lkjip init FOLDER`` then ``lkjip build`` in it: a new office starts from a working report."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pygit2
import pytest

from pipeline import cli
from pipeline.workflow.roster import ROSTER_PATH, parse_roster


@pytest.mark.slow
def test_init_then_build_passes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "kantor-baru"
    assert cli.main(["init", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "lkjip roster add --role inspektur" in out and "lkjip roster add --role staf" in out
    assert parse_roster((folder / ROSTER_PATH).read_text("utf-8")).people == ()
    assert (folder / "data" / "indikator.yaml").read_text("utf-8").startswith("# CONTOH")
    repo = pygit2.Repository(str(folder))
    assert repo.head.shorthand == "main" and not repo.status()
    monkeypatch.chdir(folder / "content")  # the project is found from a subfolder
    assert cli.main(["check"]) == 0
    assert cli.main(["check", "--lengkap"]) == 1  # the [isi ...] placeholders are not done
    assert "[isi uraian bagian ini]" in capsys.readouterr().out
    assert cli.main(["build"]) == 0
    assert (folder / "dist" / "lkjip-2025.pdf").stat().st_size > 10_000
    assert (folder / "site" / "pengukuran-kinerja-triwulan.html").is_file()


def test_init_refuses_a_folder_with_files(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ada.txt").write_text("x")
    assert cli.main(["init", str(tmp_path)]) == 1
    assert "sudah ada dan berisi berkas" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ada.txt"]


def test_guided_roster_asks_role_by_role(tmp_path: Path) -> None:
    from pipeline.init import init_project

    key = tmp_path / "kunci"
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "x", "-f", str(key)],
                   check=True)
    answers = iter([
        "Drs. Yohanes, M.Si.", "1970", "19700512 199803 1 007", str(key) + ".pub",  # bad NIP
        "",  # sekretaris: skipped
        "", "", "",  # irban, kasubbag_perencanaan, staf: skipped
    ])
    said: list[str] = []
    init_project(tmp_path / "baru", (lambda _q: next(answers), said.append))
    roster = parse_roster((tmp_path / "baru" / ROSTER_PATH).read_text("utf-8"))
    assert [(p.name, p.nip, p.roles) for p in roster.people] == [
        ("Drs. Yohanes, M.Si.", "197005121998031007", ("inspektur",))]
    assert any("Coba lagi" in s and "1970" in s for s in said), said
    repo = pygit2.Repository(str(tmp_path / "baru"))
    committed = repo.head.peel(pygit2.Commit).tree[ROSTER_PATH]
    assert committed.data == (tmp_path / "baru" / ROSTER_PATH).read_bytes()  # in the 1st commit
