"""Bad input files: each gives one clear problem with file and line, and changes nothing."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import pytest
from check_helpers import line_of, new_problems, only, replace

from pipeline.errors import Problem

IND = "data/indikator.yaml"
ORG = "data/organisasi.yaml"
REN = "data/renstra.yaml"
SCALE = "data/skala_capaian.yaml"
BUD = "data/anggaran.yaml"


@dataclass(frozen=True)
class BadEdit:
    """Replace ``old`` by ``new`` in ``file``: the one new problem stands at that line and its
    message holds ``text`` (``{line}`` in it is that line), at its start or as all of it where
    ``match`` says so."""

    file: str
    old: str
    new: str
    text: str
    match: Literal["in", "start", "whole"] = "in"


BAD_EDITS = [
    pytest.param(BadEdit(IND, "    satuan: Level", "\tsatuan: Level",
                         "karakter TAB tidak boleh dipakai di YAML; gunakan spasi untuk "
                         "indentasi", match="whole"), id="tab"),
    pytest.param(BadEdit(REN, "  akhir: 2026", " akhir: 2026", "indentasi tidak konsisten"),
                 id="bad-indentation"),
    pytest.param(BadEdit(ORG, 'nip: "19700512 199803 1 007"', 'nip: "19700512 199803 1 007',
                         "tanda kutip yang dibuka di baris {line} tidak pernah ditutup"),
                 id="unclosed-quote-points-at-where-it-opened"),
    pytest.param(BadEdit(IND, "2025: [63, 66], 2026: 67}", "2025: [63, 66, 2026: 67}",
                         "tidak ditutup dengan benar"), id="unclosed-bracket"),
    pytest.param(BadEdit(IND, "2025: 3.2,", '2025: "tiga",',
                         "'indikator.0.target.2025' harus berupa angka", match="start"),
                 id="wrong-type"),
    pytest.param(BadEdit(ORG, "tempat: Ngabang", "tempat: Nga\x07bang",
                         "karakter kendali 0x0007"), id="control-character"),
    *(pytest.param(BadEdit(SCALE, "batas_bawah: 76", f"batas_bawah: {value}",
                           "bukan .nan atau .inf"), id=f"not-finite-{value}")
      for value in (".nan", ".inf", "-.inf")),
    pytest.param(BadEdit(BUD, "pagu: 48500000", "pagu: " + "9" * 400, "terlalu besar"),
                 id="huge-number"),
]


@pytest.mark.parametrize("edit", BAD_EDITS)
def test_bad_edit_gives_one_problem_at_its_line(
        project: Path, before: list[Problem], edit: BadEdit) -> None:
    line = replace(project, edit.file, edit.old, edit.new)
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == (edit.file, line), problem
    expected = edit.text.format(line=line)
    if edit.match == "whole":
        assert problem.message == expected, problem
    elif edit.match == "start":
        assert problem.message.startswith(expected), problem
    else:
        assert expected in problem.message, problem


def test_duplicate_key(project: Path, before: list[Problem]) -> None:
    first = line_of(project, ORG, "tahun_laporan: 2025")
    text = (project / ORG).read_text("utf-8") + "tahun_laporan: 2024\n"
    (project / ORG).write_text(text, "utf-8")
    problem = only(new_problems(project, before))
    assert problem == Problem(ORG, text.count("\n"), (
        f"kunci 'tahun_laporan' ditulis dua kali (pertama di baris {first}); hapus salah satunya"))


@pytest.mark.parametrize("text", ["", "\n\n", "# hanya komentar\n"],
                         ids=["nothing", "blank-lines", "comment-only"])
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


def test_missing_file(project: Path, before: list[Problem]) -> None:
    (project / SCALE).unlink()
    assert only(new_problems(project, before)) == Problem(
        SCALE, None, "berkas wajib tidak ada; buat berkas ini (lihat Panduan Format Data)")


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
    replace(project, BUD, "pagu: 48500000", "pagu: 0")
    paths = {p.path for p in new_problems(project, before)}
    assert paths == {IND, SCALE, BUD}
