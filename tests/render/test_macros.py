"""Macros: each one's output, numbering, and the errors an author sees (with file:line)."""

from __future__ import annotations

import inspect

import pytest

from pipeline.errors import UserError
from pipeline.macro.registry import MACROS, MacroError, find_macro_problems
from pipeline.model.report import Report
from pipeline.render.macros import RENDERERS, expand, expand_page

BAB3 = "content/bab-3-akuntabilitas-kinerja.md"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ tahun }}", "2025"),
        ("{{periode_renstra}}", "2021\u20132026"),
        ("{{ instansi }}", "Inspektorat Kabupaten Landak"),
        ("{{ pemda }}", "Pemerintah Kabupaten Landak"),
        ("{{ uraian SS-2 }}", "Meningkatnya efektivitas pengawasan"),
        ("{{ uraian IKU-05 }}", "Persentase temuan berulang"),
        ("{{ uraian T-1 }}", "Tata kelola yang bersih"),
        ("{{ uraian 6.01.02.2.01 }}", "Penyelenggaraan Pengawasan Internal"),
        ("{{ target IKU-01 }}", "level 3,2"),  # as a sentence writes it
        ("{{ target IKU-02 }}", "nilai 63\u201366"),  # a range target
        ("{{ target IKU-01 2024 }}", "level 3"),
        ("{{ realisasi IKU-05 }}", "8,5%"),
        ("{{ realisasi IKU-01 2026 }}", "\u2013"),  # no realisasi yet
        ("{{ capaian IKU-01 }}", "99,38%"),  # 3,18 / 3,2 = 99,375 -> half-up
        ("{{ capaian IKU-01 2024 }}", "101,67%"),
        ("{{ capaian IKU-02 }}", "100,00%"),  # inside the range
        ("{{ capaian IKU-05 }}", "115,00%"),  # negatif: (2 x 10 - 8,5) / 10
        ("{{ capaian IKU-07 }}", "0,00%"),  # target 0, realisasi 1, zero rule
        ("{{ capaian IKU-07 2024 }}", "100,00%"),  # target 0 met
        ("{{ kategori IKU-01 }}", "Sangat Baik"),
        ("{{ kategori IKU-07 }}", "Sangat Kurang"),
        ("{{ target_renstra IKU-01 }}", "level 3,3"),
        ("{{ capaian_renstra IKU-01 }}", "96,36%"),
        ("{{ standar_nasional IKU-01 }}", "level 3"),
        ("{{ standar_nasional IKU-02 }}", "tidak ada"),
        ("{{ capaian_sasaran SS-1 }}", "99,69%"),  # mean of 99,375 and 100
        ("{{ kategori_sasaran SS-2 }}", "Kurang"),  # mean of 115 and 0 = 57,5
        ("{{ pagu }}", "Rp2.000.000.000"),
        ("{{ realisasi_anggaran }}", "Rp1.924.000.000"),
        ("{{ serapan }}", "96,20%"),
        ("{{ sisa_anggaran }}", "Rp76.000.000"),
        ("{{ pagu 6.01.02 }}", "Rp1.000.000.000"),
        ("{{ realisasi_anggaran 6.01.02.2.01.0002 }}", "Rp594.000.000"),
        ("{{ serapan 6.01.02 }}", "97,40%"),
        ("{{ sisa_anggaran 6.01.02.2.01 }}", "Rp26.000.000"),
        ("{{ pagu_sasaran SS-1 }}", "Rp400.000.000"),
        ("{{ realisasi_anggaran_sasaran SS-1 }}", "Rp380.000.000"),
        ("{{ serapan_sasaran SS-1 }}", "95,00%"),
        ("{{ efisiensi SS-1 }}", "1,05"),  # 99,6875 / 95
        ("{{ jumlah_indikator }}", "4"),
        ("{{ jumlah_sasaran }}", "2"),
        ("{{ ringkasan_kategori }}", "3 indikator Sangat Baik dan 1 indikator Sangat Kurang"),
        ("{{ status_target IKU-01 }}", "belum mencapai target"),  # 99,38%
        ("{{ status_target IKU-01 2024 }}", "melampaui target"),  # 101,67%
        ("{{ status_target IKU-02 }}", "memenuhi target"),  # inside the range
        ("{{ status_target IKU-07 2024 }}", "memenuhi target"),  # zero target met
        ("{{ status_target IKU-01 2026 }}", "belum dapat dinilai terhadap target"),
        ("{{ arah IKU-01 }}", "meningkat dibandingkan Tahun 2024 (level 3,05)"),
        ("{{ arah IKU-05 }}", "menurun dibandingkan Tahun 2024 (12,6%)"),
        ("{{ arah IKU-07 }}", "meningkat dibandingkan Tahun 2024 (0 kasus)"),
        ("{{ tren IKU-02 }}", "meningkat setiap tahun sejak 2024"),
        ("{{ kategori_tertinggi }}", "Sangat Baik"),
        ("{{ indikator_belum_mencapai_target }}",
         "tingkat maturitas SPIP (IKU-01) dan kasus kerugian daerah (IKU-07)"),
        ("{{ indikator_belum_mencapai_target SS-1 }}", "tingkat maturitas SPIP (IKU-01)"),
        ("{{ jumlah_belum_mencapai_target SS-2 }}", "1"),
        ("{{ indikator_kategori_tertinggi SS-2 }}", "persentase temuan berulang (IKU-05)"),
        ("{{ indikator_bukan_kategori_tertinggi SS-1 }}", "tidak ada"),
        ("{{ indikator_bukan_kategori_tertinggi }}", "kasus kerugian daerah (IKU-07)"),
        ("{{ tanggal_perjanjian_kinerja }}", "31 Januari 2025"),
        ("{{ status_efisiensi SS-1 }}", "efisien"),  # 99,69% / 95,00%
    ],
)
def test_inline_macro(report: Report, source: str, expected: str) -> None:
    assert expand(f"Nilai: {source}.", BAB3, report) == f"Nilai: {expected}."


def test_every_registered_macro_has_a_renderer_taking_its_arguments() -> None:
    assert RENDERERS.keys() == MACROS.keys()
    for name, render in RENDERERS.items():
        params = inspect.signature(render).parameters
        assert len(params) == 1 + len(MACROS[name].params), name  # the context, then the args


def test_several_macros_on_one_line(report: Report) -> None:
    text = "{{ capaian IKU-05 }} dan {{ capaian IKU-02 }} pada {{ tahun }}"
    assert expand(text, BAB3, report) == "115,00% dan 100,00% pada 2025"


BLOCKS = [
    "{{ tabel_tujuan_sasaran }}", "{{ tabel_iku }}", "{{ tabel_perjanjian_kinerja }}",
    "{{ tabel_capaian }}", "{{ tabel_capaian SS-1 }}", "{{ tabel_tren SS-1 }}",
    "{{ tabel_renstra SS-2 }}", "{{ tabel_standar_nasional SS-1 }}", "{{ tabel_efisiensi }}",
    "{{ tabel_efisiensi SS-2 }}", "{{ tabel_program SS-1 }}", "{{ tabel_anggaran }}",
    "{{ tabel_skala }}",
]


@pytest.mark.parametrize("source", BLOCKS)
def test_block_table_is_numbered_with_caption(report: Report, source: str) -> None:
    html = expand(f"Teks.\n\n{source}\n\nTeks.", BAB3, report)
    assert '<table class="lkjip-table' in html
    assert '<span class="lkjip-label">Tabel 3.1</span>' in html
    assert 'id="tabel-3-1"' in html
    assert "\n\n\n" not in html.split("<table", 1)[1].split("</table>")[0]  # no blank line


def test_tables_and_figures_are_numbered_separately_in_reading_order(report: Report) -> None:
    text = "{{ tabel_capaian SS-1 }}\n\n{{ grafik IKU-01 }}\n\n{{ tabel_tren SS-1 }}\n"
    page = expand_page(text, BAB3, report)
    labels = [(c.kind, c.label) for c in page.captions]
    assert labels == [("Tabel", "3.1"), ("Gambar", "3.1"), ("Tabel", "3.2")]
    assert page.text.index("Tabel 3.1") < page.text.index("Gambar 3.1") < page.text.index(
        "Tabel 3.2")


@pytest.mark.parametrize(
    ("path", "label"),
    [("content/bab-2-perencanaan-kinerja.md", "2.1"), ("content/lampiran.md", "L.1"),
     ("content/ikhtisar-eksekutif.md", "1")],
)
def test_numbering_follows_the_chapter(report: Report, path: str, label: str) -> None:
    assert f"Tabel {label}</span>" in expand("{{ tabel_skala }}", path, report)


def test_chart_is_an_inline_svg_figure_with_caption(report: Report) -> None:
    html = expand("{{ grafik IKU-02 }}", BAB3, report)
    assert html.strip().startswith('<figure class="lkjip-figure" id="gambar-3-1">')
    assert 'src="data:image/svg+xml;base64,' in html
    assert "<figcaption><span class=\"lkjip-label\">Gambar 3.1</span> Target dan Realisasi " \
           "Nilai SAKIP Tahun 2021\u20132026</figcaption>" in html
    assert "Gambar 3.1" in expand("{{ grafik_anggaran }}", BAB3, report)


def test_capaian_table_shows_the_rule_used(report: Report) -> None:
    html = expand("{{ tabel_capaian SS-2 }}", BAB3, report)
    assert "(2 \u00d7 target \u2212 realisasi) \u00f7 target \u00d7 100%" in html
    assert "115,00%" in html and "target nol tetapi realisasi bukan nol: 0%" in html


def test_missing_national_standard_gives_a_sentence_not_a_table(report: Report) -> None:
    html = expand("{{ tabel_standar_nasional SS-2 }}", BAB3, report)
    assert "<table" not in html and "Tidak terdapat standar nasional" in html
    assert expand_page("{{ tabel_standar_nasional SS-2 }}", BAB3, report).captions == ()


def test_budget_table_is_wide_and_totals(report: Report) -> None:
    html = expand("{{ tabel_anggaran }}", BAB3, report)
    assert "lkjip-wide" in html
    assert "<tfoot><tr><td class=\"total center\" colspan=\"2\">Jumlah</td>" \
           "<td class=\"num total\">2.000.000.000</td>" in html.replace("\n", "")


def test_signature_block(report: Report) -> None:
    html = expand("{{ tanda_tangan }}", "content/kata-pengantar.md", report)
    for text in ("Ngabang, 20 Februari 2026", "Inspektur Kabupaten Landak,",
                 "Drs. Antonius Rinjani, M.Si.", "Pembina Utama Muda (IV/c)",
                 "NIP. 19700512 199803 1 007"):
        assert text in html


def test_rules_explanation_is_markdown(report: Report) -> None:
    text = expand("{{ aturan_capaian }}", BAB3, report)
    assert "- **Indikator berpolaritas negatif**" in text


def test_code_is_left_alone(report: Report) -> None:
    text = "Tulis `{{ capaian IKU-01 }}`.\n\n```\n{{ tabel_capaian SS-9 }}\n```\n"
    assert expand(text, BAB3, report) == text
    assert find_macro_problems(text, BAB3, report) == []


def test_unknown_code_fails_with_file_and_line(report: Report) -> None:
    text = "# BAB III\n\nParagraf.\n\nCapaian {{ capaian IKU-99 }}.\n"
    with pytest.raises(MacroError) as caught:
        expand(text, BAB3, report)
    assert isinstance(caught.value, UserError)
    assert str(caught.value).startswith(f"{BAB3}:5: indikator 'IKU-99' tidak ada")
    assert "IKU-01, IKU-02, IKU-05, IKU-07" in str(caught.value)


def test_all_problems_are_reported_at_once(report: Report) -> None:
    text = "{{ capaian IKU-98 }}\n{{ capaian IKU-99 }}\n"
    with pytest.raises(MacroError) as caught:
        expand(text, BAB3, report)
    assert [p.line for p in caught.value.problems] == [1, 2]
    assert f"{BAB3}:1:" in str(caught.value) and f"{BAB3}:2:" in str(caught.value)


def test_inline_output_is_escaped(report: Report) -> None:
    from dataclasses import replace

    org = replace(report.organisation, name="A & <B>")
    assert expand("{{ instansi }}", BAB3, replace(report, organisation=org)) == "A &amp; &lt;B&gt;"
