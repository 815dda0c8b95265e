"""``lkjip check`` as a command: output lines, summary, exit codes 0/1/2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from check_helpers import REPO, replace


def _run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "pipeline", "check", *args], cwd=cwd,
                            capture_output=True, text=True, timeout=60, check=False)
    assert "Traceback" not in result.stderr + result.stdout
    return result


def test_the_repository_passes() -> None:
    result = _run()
    assert (result.returncode, result.stdout) == (0, "Tidak ada masalah.\n")


def test_root_option_and_problems(project: Path) -> None:
    line = replace(project, "data/indikator.yaml", "2025: 3.2,", '2025: "tiga",')
    (project / "data/skala_capaian.yaml").write_text("", "utf-8")
    result = _run("--root", str(project), cwd=project.parent)
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert f"data/indikator.yaml:{line}: 'indikator.0.target.2025' harus berupa angka" \
        " (misalnya 85) atau rentang dua angka [bawah, atas] (misalnya [80, 90])" in lines
    assert "data/skala_capaian.yaml:1: berkas kosong; isi dengan data sesuai Panduan " \
        "Format Data" in lines
    assert lines[-1] == f"{len(lines) - 1} masalah ditemukan."


def test_lengkap_prints_a_summary(project: Path) -> None:
    replace(project, "data/indikator.yaml", "2024: 3.05, 2025: 3.18}", "2024: 3.05}")
    result = _run("--lengkap", cwd=project)
    assert result.returncode == 1
    assert "Ringkasan kekurangan (--lengkap):" in result.stdout
    assert "    Irban Wilayah I: 1 kekurangan" in result.stdout.splitlines()


def test_not_a_project(tmp_path: Path) -> None:
    result = _run("--root", str(tmp_path / "tidak-ada"))
    assert result.returncode == 2
    assert result.stdout == ""
    assert "bukan repositori LKjIP (folder data/ tidak ada)" in result.stderr


def test_data_without_content(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    result = _run("--root", str(tmp_path))
    assert result.returncode == 1
    assert "content: folder content/ tidak ada" in result.stdout
    assert "data/organisasi.yaml: berkas wajib tidak ada" in result.stdout
