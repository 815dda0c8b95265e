"""The placeholder rule of ``lkjip check --lengkap``: what is flagged and what is prose."""

from __future__ import annotations

import pytest

from pipeline.content.placeholders import find_in_lines, find_in_value


@pytest.mark.parametrize("line", [
    "TODO: tulis analisis",
    "Analisis ini todo.",
    "Target tahun depan TBD.",
    "FIXME angka ini",
    "Nama pejabat: [isi]",
    "Nama pejabat: [isi nama lengkap]",
    "[diisi oleh Irban Wilayah I]",
    "Lorem ipsum dolor sit amet.",
    "Nomor 700/xxx/ITKAB/2025",
    "Nomor surat XXX tanggal",
    "Realisasi sebesar ??? persen.",
    "...",
    "…",
    "- ...",
    "> …",
    "#### 5. ...",
    "| IKU-01 | ... | 3,2 |",
    "| IKU-01 | … |",
    "Penyebab kegagalan adalah...",
    "Penyebab kegagalan adalah …",
    "- pengawasan kinerja dan ...",
])
def test_flagged(line: str) -> None:
    assert [n for n, _ in find_in_lines([line])] == [1], line


@pytest.mark.parametrize("line", [
    "Pasal 5 menyatakan bahwa \"setiap instansi (...) wajib menyusun laporan\".",
    "Kutipan [...] dari peraturan itu dipertahankan.",
    "Ia berkata \"kami akan memperbaikinya...\"",
    "Nilai naik dari 60... lalu 64 pada tahun ini, lalu stabil.",
    "BAB XXX KETENTUAN PERALIHAN",
    "Lihat [isi laporan](bab-1-pendahuluan.md).",
    "Kabupaten Landak, Kalimantan Barat.",
    "Todorov bukan penanda.",
    "Tabel | dengan | isi |",
    "",
])
def test_not_flagged(line: str) -> None:
    assert find_in_lines([line]) == [], line


def test_ellipsis_ending_a_paragraph_only() -> None:
    lines = ["Kalimat ini berlanjut ...", "ke baris berikutnya.", "", "Kalimat terputus ...", ""]
    assert find_in_lines(lines) == [(4, ["..."])]


def test_values_of_the_data() -> None:
    assert find_in_value("...") == ["..."]
    assert find_in_value("TODO") == ["TODO"]
    assert find_in_value("Jumlah rekomendasi ... / jumlah x 100%") == []
    assert find_in_value("Pengawasan Desa") == []
