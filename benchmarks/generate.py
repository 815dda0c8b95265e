"""A synthetic LKjIP project of any size, for benchmarks and tests.

``python benchmarks/generate.py DIR [--sasaran 40 --indikator 300 --sub-kegiatan 320]`` writes
``DIR/data``, ``DIR/content`` and ``DIR/mkdocs.yml``: a Renstra of N sasaran, M indicators
spread over them (all in the Perjanjian Kinerja), a long budget, and a Bab III with the seven
analyses for every sasaran. The defaults give a report of about 220 A4 pages. The values are
deterministic (a fixed seed), so two runs write the same bytes.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

import yaml

FIRST_YEAR, LAST_YEAR, YEAR = 2021, 2026, 2025
SASARAN_PER_TUJUAN = 4
# One indicator in 15 has a national standard: half the sasaran get the analysis-4 table, as in
# real reports, where few indicators have one.
NATIONAL_STANDARD_EVERY = 15
KEGIATAN_PER_PROGRAM = 5
PRINTED_PAGES = ("kata-pengantar", "ikhtisar-eksekutif", "bab-1-pendahuluan",
                 "bab-2-perencanaan-kinerja", "bab-3-akuntabilitas-kinerja", "bab-4-penutup",
                 "lampiran")
ANALYSES = (
    "1. Perbandingan target dan realisasi kinerja tahun ini",
    "2. Perbandingan realisasi dan capaian dengan tahun lalu dan beberapa tahun terakhir",
    "3. Perbandingan realisasi sampai dengan tahun ini dengan target akhir Renstra",
    "4. Perbandingan dengan standar nasional",
    "5. Analisis penyebab keberhasilan/kegagalan dan alternatif solusi",
    "6. Analisis efisiensi penggunaan sumber daya",
    "7. Program/kegiatan yang menunjang keberhasilan atau kegagalan",
)
FILLER = (
    "Capaian ini dipengaruhi oleh ketersediaan data, koordinasi dengan perangkat daerah, dan "
    "tindak lanjut rekomendasi hasil pengawasan. Upaya perbaikan dilaksanakan secara bertahap "
    "melalui pendampingan, pemantauan berkala, dan evaluasi atas pelaksanaan rencana aksi."
)


@dataclass(frozen=True)
class Size:
    sasaran: int = 40
    indikator: int = 300
    sub_kegiatan: int = 320


def _indicator_code(n: int) -> str:
    return f"IKU-{n:03d}"


def _sasaran_of(index: int, size: Size) -> int:
    """Indicator ``index`` (0-based) -> sasaran number, spreading them evenly."""
    return index * size.sasaran // size.indikator + 1


def _renstra(size: Size) -> dict:
    goals = []
    for t in range(0, size.sasaran, SASARAN_PER_TUJUAN):
        objectives = [{"kode": f"SS-{s}", "uraian": f"Meningkatnya kualitas pengawasan bidang {s}"}
                      for s in range(t + 1, min(t + SASARAN_PER_TUJUAN, size.sasaran) + 1)]
        goals.append({"kode": f"T-{t // SASARAN_PER_TUJUAN + 1}",
                      "uraian": f"Meningkatkan tata kelola pemerintahan daerah kelompok "
                                f"{t // SASARAN_PER_TUJUAN + 1}",
                      "sasaran": objectives})
    return {"periode": {"awal": FIRST_YEAR, "akhir": LAST_YEAR}, "tujuan": goals}


def _indicator(rng: random.Random, index: int, size: Size) -> dict:
    percent = index % 3 != 2
    unit, start = ("%", rng.randint(60, 80)) if percent else ("Level", rng.randint(2, 3))
    step = 2 if percent else 0.1
    targets = {y: round(start + step * (y - FIRST_YEAR), 2)
               for y in range(FIRST_YEAR, LAST_YEAR + 1)}
    actuals = {y: round(min(100, targets[y] * rng.uniform(0.85, 1.08)), 2) if percent
               else round(targets[y] * rng.uniform(0.9, 1.05), 2)
               for y in range(FIRST_YEAR, YEAR + 1)}
    item = {
        "kode": _indicator_code(index + 1),
        "sasaran": f"SS-{_sasaran_of(index, size)}",
        # Short names: one line per table row, as in most real reports.
        "uraian": f"Objek patuh standar {index + 1}" if percent
                  else f"Maturitas risiko {index + 1}",
        "satuan": unit,
        "polaritas": "positif",
        "target": targets,
        "realisasi": actuals,
        "target_renstra": targets[LAST_YEAR],
        "formula": "Jumlah objek yang memenuhi standar / jumlah objek x 100%"
                   if percent else "Hasil penilaian mandiri yang telah dijamin kualitasnya",
        "sumber_data": "Laporan hasil pengawasan Inspektorat",
        "penanggung_jawab": f"Irban Wilayah {index % 4 + 1}",
    }
    if index % NATIONAL_STANDARD_EVERY == 0:
        item["standar_nasional"] = {"nilai": targets[YEAR], "sumber": "RPJMN 2020-2024"}
    return item


def _budget(rng: random.Random, size: Size) -> dict:
    programs = []
    per_program = KEGIATAN_PER_PROGRAM * 8
    count = 0
    for p in range(1, -(-size.sub_kegiatan // per_program) + 1):
        activities = []
        for k in range(1, KEGIATAN_PER_PROGRAM + 1):
            subs = []
            for s in range(1, 9):
                if count == size.sub_kegiatan:
                    break
                pagu = rng.randint(20, 900) * 1_000_000
                subs.append({
                    "kode": f"6.01.{p:02d}.2.{k:02d}.{s:04d}",
                    "nama": f"Pengawasan urusan {count + 1}",
                    "sasaran": f"SS-{count % size.sasaran + 1}",
                    "pagu": pagu,
                    "realisasi": int(pagu * rng.uniform(0.85, 0.99)),
                })
                count += 1
            if subs:
                activities.append({"kode": f"6.01.{p:02d}.2.{k:02d}",
                                   "nama": f"Penyelenggaraan pengawasan kelompok {p}.{k}",
                                   "sub_kegiatan": subs})
        programs.append({"kode": f"6.01.{p:02d}", "nama": f"Program pengawasan {p}",
                         "kegiatan": activities})
    return {"tahun": YEAR, "program": programs}


def data_files(size: Size, seed: int = 2025) -> dict[str, dict]:
    rng = random.Random(seed)
    indicators = [_indicator(rng, i, size) for i in range(size.indikator)]
    return {
        "organisasi": {
            "tahun_laporan": YEAR,
            "instansi": {"nama": "Inspektorat Kabupaten Contoh", "singkatan": "Inspektorat",
                         "pemerintah_daerah": "Pemerintah Kabupaten Contoh",
                         "alamat": "Jalan Contoh Nomor 1, Kabupaten Contoh"},
            "pimpinan": {"nama": "Drs. Contoh Pimpinan, M.Si.", "nip": "19700512 199803 1 007",
                         "pangkat": "Pembina Utama Muda (IV/c)",
                         "jabatan": "Inspektur Kabupaten Contoh"},
            "penandatanganan": {"tempat": "Contoh", "tanggal": "2026-02-20"},
        },
        "renstra": _renstra(size),
        "indikator": {"indikator": indicators},
        "perjanjian_kinerja": {
            "tahun": YEAR, "ditandatangani": {"tempat": "Contoh", "tanggal": "2025-01-31"},
            "pihak_kedua": {"jabatan": "Bupati Contoh", "nama": "Contoh Bupati, S.H."},
            "indikator": [i["kode"] for i in indicators],
        },
        "anggaran": _budget(rng, size),
        "skala_capaian": {"kategori": [
            {"nama": "Sangat Baik", "batas_bawah": 91}, {"nama": "Baik", "batas_bawah": 76},
            {"nama": "Cukup", "batas_bawah": 66}, {"nama": "Kurang", "batas_bawah": 51},
            {"nama": "Sangat Kurang", "batas_bawah": None}]},
    }


def _sasaran_section(s: int, codes: list[str]) -> list[str]:
    first = codes[0]
    analyses = [
        [f"{{{{ tabel_capaian SS-{s} }}}}",
         f"Realisasi {{{{ uraian {first} }}}} sebesar {{{{ realisasi {first} }}}} dari target "
         f"{{{{ target {first} }}}}, capaian {{{{ capaian {first} }}}} ({{{{ kategori {first} }}}}"
         f"). Capaian rata-rata sasaran {{{{ capaian_sasaran SS-{s} }}}}."
         # Every indicator of the sasaran is discussed (lkjip check --lengkap asks for it).
         + "".join(f" {code}: {{{{ realisasi {code} }}}}, {{{{ status_target {code} }}}}."
                   for code in codes[1:]),
         # A chart for every fourth sasaran keeps the report near 220 pages.
         f"{{{{ grafik {first} }}}}" if s % 4 == 1 else ""],
        [f"{{{{ tabel_tren SS-{s} }}}}"],
        [f"{{{{ tabel_renstra SS-{s} }}}}"],
        [f"{{{{ tabel_standar_nasional SS-{s} }}}}"],
        [FILLER, "Alternatif solusi:", "", "1. pendampingan;", "2. pemantauan; dan",
         "3. evaluasi berkala."],
        [f"{{{{ tabel_efisiensi SS-{s} }}}}",
         f"Efisiensi sasaran ini {{{{ efisiensi SS-{s} }}}}."],
        [f"{{{{ tabel_program SS-{s} }}}}"],
    ]
    lines = [f"### Sasaran Strategis {s} (SS-{s}): {{{{ uraian SS-{s} }}}}", "", FILLER, ""]
    for heading, body in zip(ANALYSES, analyses, strict=True):
        lines += [f"#### {heading}", ""]
        for paragraph in body:
            lines += [paragraph, ""]
    return lines


def content_files(size: Size) -> dict[str, str]:
    by_sasaran: dict[int, list[str]] = {}
    for i in range(size.indikator):
        by_sasaran.setdefault(_sasaran_of(i, size), []).append(_indicator_code(i + 1))
    bab3 = ["# BAB III AKUNTABILITAS KINERJA", "", FILLER, "", "{{ aturan_capaian }}", "",
            "{{ tabel_skala }}", "", "## A. Capaian Kinerja Organisasi", "",
            "{{ tabel_capaian }}", "",
            "Kategori capaian: {{ ringkasan_kategori }} dari {{ jumlah_indikator }} indikator.",
            ""]
    for s in range(1, size.sasaran + 1):
        bab3 += _sasaran_section(s, by_sasaran[s])
    bab3 += ["## B. Realisasi Anggaran", "", "Pagu {{ pagu }}, realisasi "
             "{{ realisasi_anggaran }}, serapan {{ serapan }}.", "", "{{ tabel_anggaran }}", "",
             "{{ grafik_anggaran }}", "", "{{ tabel_efisiensi }}", ""]
    simple = {
        "kata-pengantar": ["# KATA PENGANTAR", "",
                           f"LKjIP {{{{ instansi }}}} Tahun {{{{ tahun }}}}. {FILLER}"],
        "ikhtisar-eksekutif": ["# IKHTISAR EKSEKUTIF", "", FILLER, "",
                               "Dari {{ jumlah_indikator }} indikator, {{ ringkasan_kategori }}. "
                               "Belum mencapai target: {{ indikator_belum_mencapai_target }}."],
        "bab-1-pendahuluan": ["# BAB I PENDAHULUAN", "", "## A. Latar Belakang", "", FILLER,
                              "", "## B. Isu Strategis", "", FILLER],
        "bab-2-perencanaan-kinerja": ["# BAB II PERENCANAAN KINERJA", "",
                                      "## A. Rencana Strategis", "", "{{ tabel_tujuan_sasaran }}",
                                      "", "{{ tabel_iku }}", "", "## B. Perjanjian Kinerja", "",
                                      "{{ tabel_perjanjian_kinerja }}"],
        "bab-3-akuntabilitas-kinerja": bab3,
        "bab-4-penutup": ["# BAB IV PENUTUP", "", FILLER, "", "{{ tanda_tangan }}"],
        "lampiran": ["# LAMPIRAN", "", "## A. Perjanjian Kinerja", "", FILLER],
    }
    pages = {"index": "---\ncetak: false\n---\n\n# LKjIP {{ instansi }} {{ tahun }}\n\n"
                      f"{FILLER}\n"}
    pages.update({name: "\n".join(lines) + "\n" for name, lines in simple.items()})
    return pages


def mkdocs_yml() -> str:
    nav = "\n".join(f"  - {name}.md" for name in ("index", *PRINTED_PAGES))
    return (
        "site_name: LKjIP Inspektorat Kabupaten Contoh Tahun 2025\n"
        "docs_dir: content\nsite_dir: site\nuse_directory_urls: false\n"
        f"nav:\n{nav}\n"
        "theme:\n  name: material\n  language: id\n  font: false\n"
        "plugins:\n  - search:\n      lang: id\n  - lkjip\n"
        "markdown_extensions:\n  - tables\n  - attr_list\n  - md_in_html\n"
        "  - toc:\n      permalink: true\n  - admonition\n  - footnotes\n  - def_list\n"
    )


def generate(root: Path, size: Size = Size(), seed: int = 2025) -> Path:
    """Write the project into ``root`` (created); returns ``root``."""
    (root / "data").mkdir(parents=True, exist_ok=True)
    (root / "content").mkdir(exist_ok=True)
    for name, value in data_files(size, seed).items():
        text = yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=200)
        (root / "data" / f"{name}.yaml").write_text(text, encoding="utf-8")
    for name, text in content_files(size).items():
        (root / "content" / f"{name}.md").write_text(text, encoding="utf-8")
    (root / "mkdocs.yml").write_text(mkdocs_yml(), encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--sasaran", type=int, default=Size.sasaran)
    parser.add_argument("--indikator", type=int, default=Size.indikator)
    parser.add_argument("--sub-kegiatan", type=int, default=Size.sub_kegiatan)
    args = parser.parse_args()
    generate(args.root, Size(args.sasaran, args.indikator, args.sub_kegiatan))
    print(args.root)


if __name__ == "__main__":
    main()
