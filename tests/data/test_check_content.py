"""Markdown problems a reviewer would send back, found in a copy of the repository."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import new_problems, only

from pipeline.errors import Problem

PAGE = "content/uji.md"


def _write(project: Path, rel: str, lines: list[str]) -> None:
    (project / rel).parent.mkdir(parents=True, exist_ok=True)
    (project / rel).write_text("\n".join(lines) + "\n", "utf-8")


def _page(project: Path, before: list[Problem], *body: str) -> list[Problem]:
    """Problems of a new page whose first line is '# Uji' and then ``body``."""
    _write(project, "content/tujuan.md", ["# Tujuan", "", "## Bagian Ada", "", "Teks."])
    (project / "content/gambar").mkdir(exist_ok=True)
    (project / "content/gambar/ada.png").write_bytes(b"\x89PNG\r\n")
    _write(project, PAGE, ["# Uji", "", *body])
    return new_problems(project, before)


def _at(line: int) -> int:
    return line + 2  # the page starts with '# Uji' and a blank line


def test_a_clean_page_passes(project: Path, before: list[Problem]) -> None:
    assert _page(project, before, "## A. Satu", "", "Lihat [tujuan](tujuan.md#bagian-ada), "
                 "[atas](#a-satu), ![g](gambar/ada.png) dan IKU-01, SS-2, T-1.",
                 "", "## B. Dua", "", "### 1. Sub", "", "### 2. Sub") == []


def test_heading_level_jump(project: Path, before: list[Problem]) -> None:
    assert only(_page(project, before, "## A. Satu", "", "#### Terlalu dalam")) == Problem(
        PAGE, _at(3), "judul 'Terlalu dalam' melompat dari tingkat 2 ke tingkat 4; "
                      "gunakan tingkat 3 (###)")


def test_first_heading_must_be_level_one(project: Path, before: list[Problem]) -> None:
    _write(project, "content/tanpa-judul.md", ["Teks", "", "## A. Bagian"])
    problem = only(new_problems(project, before))
    assert (problem.path, problem.line) == ("content/tanpa-judul.md", 3)
    assert "berkas harus diawali judul tingkat 1" in problem.message


def test_second_title(project: Path, before: list[Problem]) -> None:
    problem = only(_page(project, before, "# Lagi"))
    assert (problem.path, problem.line) == (PAGE, _at(1))
    assert "yang pertama di baris 1" in problem.message


@pytest.mark.parametrize(("headings", "bad", "got", "expected"), [
    (["## A. Satu", "## C. Tiga"], 2, "C", "B"),
    (["## B. Dua"], 1, "B", "A"),
    (["## A. Satu", "### 1. x", "### 3. y"], 3, "3", "2"),
    (["## A. Satu", "### 1. x", "### 1. y"], 3, "1", "2"),
    (["## I. Satu", "## II. Dua", "## IV. Empat"], 3, "IV", "III"),
])
def test_numbered_headings_out_of_order(
    project: Path, before: list[Problem], headings: list[str], bad: int, got: str, expected: str
) -> None:
    body = [line for h in headings for line in (h, "")]
    problem = only(_page(project, before, *body))
    assert (problem.path, problem.line) == (PAGE, _at(2 * bad - 1))
    assert f"bernomor {got}, padahal urutannya seharusnya {expected}" in problem.message


def test_numbering_restarts_under_each_parent(project: Path, before: list[Problem]) -> None:
    assert _page(project, before, "## A. Satu", "### 1. x", "### 2. y",
                 "## B. Dua", "### 1. x", "### 2. y") == []


@pytest.mark.parametrize(("link", "fragment"), [
    ("[x](tidak-ada.md)", "tautan ke 'tidak-ada.md', padahal berkas itu tidak ada di content/"),
    ("[x](tujuan.md#bagian-hilang)", "judul dengan jangkar '#bagian-hilang' tidak ada di "
                                    "content/tujuan.md"),
    ("[x](#tidak-ada)", "jangkar '#tidak-ada' tidak ada di content/uji.md"),
    ("[x](../data/indikator.yaml)", "keluar dari content/"),
    ("![g](gambar/hilang.png)", "gambar 'gambar/hilang.png' tidak ada"),
    ('<img src="gambar/hilang.svg">', "gambar 'gambar/hilang.svg' tidak ada"),
    ("![g](https://contoh.id/g.png)", "diambil dari internet"),
    ("[r]: tidak-ada.md", "tautan ke 'tidak-ada.md'"),
])
def test_broken_links_and_images(
    project: Path, before: list[Problem], link: str, fragment: str
) -> None:
    problem = only(_page(project, before, "Teks " + link if not link.startswith("[r]") else link))
    assert (problem.path, problem.line) == (PAGE, _at(1))
    assert fragment in problem.message


def test_external_links_are_not_followed(project: Path, before: list[Problem]) -> None:
    assert _page(project, before, "[a](https://menpan.go.id) [b](mailto:x@y.id)") == []


@pytest.mark.parametrize(("text", "code", "hint"), [
    ("Indikator IKU-99 naik.", "IKU-99", ""),
    ("Sasaran SS-9.", "SS-9", ""),
    ("Tujuan (T-7) tercapai.", "T-7", ""),
    ("Indikator IKU-1 naik.", "IKU-1", "; maksudnya IKU-01?"),
])
def test_unknown_code_in_prose(
    project: Path, before: list[Problem], text: str, code: str, hint: str
) -> None:
    problem = only(_page(project, before, text))
    assert (problem.path, problem.line) == (PAGE, _at(1))
    assert problem.message.startswith(f"kode {code} disebut di teks, padahal tidak ada di data/")
    assert problem.message.endswith(hint or ")")


def test_codes_in_code_comments_and_front_matter_are_not_prose(
    project: Path, before: list[Problem]
) -> None:
    _write(project, "content/contoh.md", [
        "---", "catatan: IKU-98", "---", "# Contoh", "", "Tulis `IKU-99` begini:", "",
        "```yaml", "- kode: IKU-99", "  sasaran: SS-9", "```", "", "<!-- SS-8 nanti -->",
        "~~~", "T-9", "~~~", "PKPT-1 dan SS-1a bukan kode.",
    ])
    assert new_problems(project, before) == []


def test_unknown_macro_is_found(project: Path, before: list[Problem]) -> None:
    found = _page(project, before, "Nilai {{ realisasi IKU-99 }} dan {{ tidak_ada_makro }}.")
    assert {p.line for p in found} == {_at(1)}
    assert len(found) == 2, found


def test_macros_in_code_blocks_are_examples(project: Path, before: list[Problem]) -> None:
    assert _page(project, before, "```", "{{ realisasi IKU-99 }}", "```",
                 "Tulis `{{ tidak_ada }}` begini.") == []


def test_placeholders_only_with_lengkap(project: Path, before: list[Problem]) -> None:
    assert _page(project, before, "TODO tulis.") == []
    found = new_problems(project, [], complete=True)
    assert Problem(PAGE, _at(1), "isi belum selesai: masih ada teks pengganti 'TODO'; ganti "
                                 "dengan isi sebenarnya") in found


def test_not_utf8_page(project: Path, before: list[Problem]) -> None:
    (project / PAGE).write_bytes(b"# Uji\n\nCaf\xe9\n")
    assert only(new_problems(project, before)) == Problem(
        PAGE, 3,
        "berkas bukan teks UTF-8 (bita tidak sah pada kolom 4); simpan ulang sebagai UTF-8")


def test_unclosed_code_block(project: Path, before: list[Problem]) -> None:
    problem = only(_page(project, before, "Contoh:", "", "```yaml", "kode: IKU-99", ""))
    assert (problem.path, problem.line) == (PAGE, _at(3))
    assert "blok kode yang dibuka di baris ini tidak pernah ditutup" in problem.message
