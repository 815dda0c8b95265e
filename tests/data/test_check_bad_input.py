"""Bad input files: each gives one clear problem with file and line, and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import line_of, new_problems, only, replace

from pipeline.errors import Problem

IND = "data/indikator.yaml"
ORG = "data/organisasi.yaml"
REN = "data/renstra.yaml"
SCALE = "data/skala_capaian.yaml"


def test_tab(project: Path, before: list[Problem]) -> None:
    line = replace(project, IND, "    satuan: Level", "\tsatuan: Level")
    assert only(new_problems(project, before)) == Problem(
        IND, line, "karakter TAB tidak boleh dipakai di YAML; gunakan spasi untuk indentasi")


def test_bad_indentation(project: Path, before: list[Problem]) -> None:
    line = replace(project, REN, "  akhir: 2026", " akhir: 2026")
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == (REN, line)
    assert "indentasi tidak konsisten" in problem.message


def test_unclosed_quote_points_at_where_it_opened(project: Path, before: list[Problem]) -> None:
    line = replace(project, ORG, 'nip: "19700512 199803 1 007"', 'nip: "19700512 199803 1 007')
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == (ORG, line)
    assert f"tanda kutip yang dibuka di baris {line} tidak pernah ditutup" in problem.message


def test_unclosed_bracket(project: Path, before: list[Problem]) -> None:
    line = replace(project, IND, "2025: [63, 66], 2026: 67}", "2025: [63, 66, 2026: 67}")
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == (IND, line)
    assert "tidak ditutup dengan benar" in problem.message


def test_wrong_type(project: Path, before: list[Problem]) -> None:
    line = replace(project, IND, "2025: 3.2,", '2025: "tiga",')
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == (IND, line)
    assert problem.message.startswith("'indikator.0.target.2025' harus berupa angka")


def test_duplicate_key(project: Path, before: list[Problem]) -> None:
    first = line_of(project, ORG, "tahun_laporan: 2025")
    text = (project / ORG).read_text("utf-8") + "tahun_laporan: 2024\n"
    (project / ORG).write_text(text, "utf-8")
    problem = only(new_problems(project, before))
    assert problem == Problem(ORG, text.count("\n"), (
        f"kunci 'tahun_laporan' ditulis dua kali (pertama di baris {first}); hapus salah satunya"))


@pytest.mark.parametrize("text", ["", "\n\n", "# hanya komentar\n"])
def test_empty_file(project: Path, before: list[Problem], text: str) -> None:
    (project / SCALE).write_text(text, "utf-8")
    assert only(new_problems(project, before)) == Problem(
        SCALE, 1, "berkas kosong; isi dengan data sesuai Panduan Format Data")


def test_not_utf8(project: Path, before: list[Problem]) -> None:
    line = line_of(project, ORG, "tempat: Ngabang")
    raw = (project / ORG).read_bytes().replace(b"tempat: Ngabang", b"tempat: Ng\xe9bang")
    (project / ORG).write_bytes(raw)
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == (ORG, line)
    assert "bukan teks UTF-8 (bita tidak sah pada kolom 13)" in problem.message


def test_enormous_file(project: Path, before: list[Problem]) -> None:
    with (project / IND).open("a", encoding="utf-8") as out:
        out.write("# " + "x" * 3_000_000 + "\n")
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == (IND, 1)
    assert "berkas terlalu besar" in problem.message


def test_control_character(project: Path, before: list[Problem]) -> None:
    line = replace(project, ORG, "tempat: Ngabang", "tempat: Nga\x07bang")
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == (ORG, line)
    assert "karakter kendali 0x0007" in problem.message


def test_missing_file(project: Path, before: list[Problem]) -> None:
    (project / SCALE).unlink()
    assert only(new_problems(project, before)) == Problem(
        SCALE, None, "berkas wajib tidak ada; buat berkas ini (lihat Panduan Format Data)")


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_not_finite(project: Path, before: list[Problem], value: str) -> None:
    line = replace(project, SCALE, "batas_bawah: 76", f"batas_bawah: {value}")
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == (SCALE, line)
    assert "bukan .nan atau .inf" in problem.message


def test_huge_number(project: Path, before: list[Problem]) -> None:
    line = replace(project, "data/anggaran.yaml", "pagu: 48500000", "pagu: " + "9" * 400)
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == ("data/anggaran.yaml", line)
    assert "terlalu besar" in problem.message


def test_unknown_and_missing_fields(project: Path, before: list[Problem]) -> None:
    line = replace(project, IND, "    satuan: Level", "    satuannya: Level")
    item = line_of(project, IND, "- kode: IKU-01")
    found = new_problems(project, before)
    assert Problem(IND, item, "kolom wajib 'satuan' tidak ada di 'indikator.0'") in found
    assert any(p.line == line and "kolom 'satuannya' tidak dikenal" in p.message for p in found)


def test_recursive_alias(project: Path, before: list[Problem]) -> None:
    line = replace(project, REN, "tujuan:\n", "ulang: &a [*a]\ntujuan:\n")
    found = new_problems(project, before)
    assert any(p.path == REN and p.line == line and "alias" in p.message for p in found)


def test_every_problem_is_reported_at_once(project: Path, before: list[Problem]) -> None:
    replace(project, IND, "2025: 3.2,", '2025: "tiga",')
    (project / SCALE).write_text("", "utf-8")
    replace(project, "data/anggaran.yaml", "pagu: 48500000", "pagu: 0")
    paths = {p.path for p in new_problems(project, before)}
    assert paths == {IND, SCALE, "data/anggaran.yaml"}
