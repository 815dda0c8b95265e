"""Texts of the rendered report (captions, column heads, explanations) and of macro errors."""

# --- macro errors (printed as ``path:line: message``) -----------------------------------
MACRO_UNKNOWN = "makro '{name}' tidak dikenal{hint}; makro yang tersedia: {names}"
MACRO_HINT = " (maksud Anda '{guess}'?)"
MACRO_EMPTY = "makro kosong '{{{{ }}}}'; tulis nama makro, misalnya {{{{ tahun }}}}"
MACRO_UNCLOSED = (
    "makro dibuka dengan '{{{{' tetapi tidak ditutup dengan '}}}}' pada baris yang sama"
)
MACRO_BAD_NAME = (
    "'{text}' bukan nama makro; nama makro ditulis huruf kecil, misalnya {{{{ capaian IKU-01 }}}}"
)
MACRO_ARITY = (
    "makro '{name}' memerlukan {expected}, tetapi diberi {given} argumen; cara tulis: {usage}"
)
MACRO_BLOCK_INLINE = (
    "makro '{name}' menghasilkan tabel atau gambar, jadi harus ditulis sendirian pada satu baris"
)
ARITY_EXACT = "{count} argumen"
ARITY_RANGE = "{low} sampai {high} argumen"

UNKNOWN_INDICATOR = "indikator '{code}' tidak ada di data/indikator.yaml; kode yang ada: {known}"
UNKNOWN_OBJECTIVE = "sasaran '{code}' tidak ada di data/renstra.yaml; kode yang ada: {known}"
UNKNOWN_BUDGET = (
    "kode anggaran '{code}' tidak ada di data/anggaran.yaml (program, kegiatan atau sub kegiatan)"
)
UNKNOWN_CODE = (
    "kode '{code}' tidak ada di data (bukan tujuan, sasaran, indikator, atau kode anggaran)"
)
BAD_YEAR = "'{value}' bukan tahun periode Renstra {start}\u2013{end}"
NOT_IN_AGREEMENT = "indikator '{code}' tidak termasuk Perjanjian Kinerja tahun {year}"

MACRO_ERRORS = "{count} masalah makro pada konten:"

# --- captions -----------------------------------------------------------------------------
TABLE = "Tabel"
# Printed above the part of a table that goes on to the next page.
TABLE_CONTINUED = "{table} {label} (lanjutan)"
FIGURE = "Gambar"
CAP_GOALS = "Tujuan, Sasaran Strategis, dan Indikator Kinerja Utama Renstra {period}"
CAP_INDICATORS = "Indikator Kinerja Utama {org}"
CAP_AGREEMENT = "Perjanjian Kinerja {org} Tahun {year}"
CAP_ACHIEVEMENT_ALL = "Capaian Indikator Kinerja Utama Tahun {year}"
CAP_ACHIEVEMENT = "Target, Realisasi, dan Capaian Kinerja {objective} Tahun {year}"
CAP_TREND = "Realisasi dan Capaian {objective} Tahun {start}\u2013{end}"
CAP_RENSTRA = "Realisasi {objective} Tahun {year} terhadap Target Akhir Renstra {end}"
CAP_NATIONAL = "Realisasi {objective} Tahun {year} terhadap Standar Nasional"
CAP_EFFICIENCY_ALL = "Efisiensi Penggunaan Anggaran per Sasaran Strategis Tahun {year}"
CAP_EFFICIENCY = "Efisiensi Penggunaan Anggaran {objective} Tahun {year}"
CAP_PROGRAMME = "Sub Kegiatan Pendukung {objective} Tahun {year}"
CAP_BUDGET = "Realisasi Anggaran {org} Tahun {year}"
CAP_SCALE = "Kategori Capaian Kinerja"
CAP_CHART_INDICATOR = "Target dan Realisasi {indicator} Tahun {start}\u2013{end}"
CAP_CHART_BUDGET = "Pagu dan Realisasi Anggaran per Program Tahun {year}"
OBJECTIVE_NAME = "Sasaran Strategis {number}"

# --- column heads ---------------------------------------------------------------------
COL_NO = "No."
COL_CODE = "Kode"
COL_GOAL = "Tujuan"
COL_OBJECTIVE = "Sasaran Strategis"
COL_INDICATOR = "Indikator Kinerja"
COL_UNIT = "Satuan"
COL_POLARITY = "Polaritas"
COL_FORMULA = "Formula"
COL_SOURCE = "Sumber Data"
COL_TARGET = "Target"
COL_TARGET_YEAR = "Target {year}"
COL_ACTUAL = "Realisasi"
COL_ACTUAL_YEAR = "Realisasi {year}"
COL_ACHIEVEMENT = "Capaian"
COL_CATEGORY = "Kategori"
COL_RULE = "Cara Hitung"
COL_DESCRIPTION = "Uraian"
COL_RENSTRA_TARGET = "Target Akhir Renstra {end}"
COL_RENSTRA_ACHIEVEMENT = "Capaian terhadap Target Renstra"
COL_NATIONAL = "Standar Nasional"
COL_NATIONAL_ACHIEVEMENT = "Capaian terhadap Standar Nasional"
COL_NATIONAL_SOURCE = "Sumber Standar"
COL_CEILING = "Pagu (Rp)"
COL_SPENT = "Realisasi (Rp)"
COL_ABSORPTION = "Serapan"
COL_REMAINING = "Sisa (Rp)"
COL_EFFICIENCY = "Efisiensi (Capaian/Serapan)"
COL_NOTE = "Keterangan"
COL_SUB_ACTIVITY = "Sub Kegiatan"
COL_BAND = "Rentang Capaian"
ROW_TARGET = "Target"
ROW_ACTUAL = "Realisasi"
ROW_ACHIEVEMENT = "Capaian"
ROW_TOTAL = "Jumlah"
EFFICIENT = "Efisien"
NOT_EFFICIENT = "Kurang efisien"
NONE = "tidak ada"
NOT_AVAILABLE = "\u2013"  # no value (no target, no realisasi): a dash, never "n/a"
NO_NATIONAL_STANDARD = (
    "Tidak terdapat standar nasional yang dapat dijadikan pembanding bagi indikator {objective}."
)
NO_SUB_ACTIVITY = "Tidak ada sub kegiatan yang dikaitkan dengan {objective} dalam data anggaran."
BAND_FROM = "{low}% ke atas"
BAND_BETWEEN = "{low}% sampai kurang dari {high}%"
BAND_BELOW = "kurang dari {high}%"

# Cara hitung, per rule (see pipeline.model.achievement.Rule).
RULES = {
    "positif": "realisasi \u00f7 target \u00d7 100%",
    "negatif": "(2 \u00d7 target \u2212 realisasi) \u00f7 target \u00d7 100%",
    "dalam_rentang": "dalam rentang target: 100%",
    "di_atas_rentang": "di atas rentang: dibandingkan batas atas {reference}",
    "di_bawah_rentang": "di bawah rentang: dibandingkan batas bawah {reference}",
    "target_nol_tercapai": "target nol dan realisasi nol: 100%",
    "target_nol_tidak_tercapai": "target nol tetapi realisasi bukan nol: 0%",
    "tanpa_target": "tidak ada target",
    "tanpa_realisasi": "belum ada realisasi",
    "target_nol": "target nol: tidak dapat dihitung",
}
POLARITY = {
    "positif": "positif (makin tinggi makin baik)",
    "negatif": "negatif (makin rendah makin baik)",
}

# --- inline texts -------------------------------------------------------------------------
SUMMARY_ITEM = "{count} indikator {category}"
# Qualitative statements (pipeline.model.statements), printed by macros so they follow the data.
TARGET_STATUS = {
    "melampaui": "melampaui target",
    "memenuhi": "memenuhi target",
    "belum": "belum mencapai target",
    "tidak_dapat_dinilai": "belum dapat dinilai terhadap target",
}
DIRECTION = {
    "naik": "meningkat dibandingkan Tahun {previous} ({value})",
    "turun": "menurun dibandingkan Tahun {previous} ({value})",
    "tetap": "sama dengan Tahun {previous}",
    "tidak_dapat_dibandingkan": "belum dapat dibandingkan dengan Tahun {previous}",
}
TREND = {
    "naik_terus": "meningkat setiap tahun sejak {start}",
    "turun_terus": "menurun setiap tahun sejak {start}",
    "tetap": "tidak berubah sejak {start}",
    "berfluktuasi": "naik turun sejak {start}",
    "tidak_dapat_dinilai": "belum dapat dinilai kecenderungannya",
}
EFFICIENCY_STATUS = {True: "efisien", False: "kurang efisien", None: "belum dapat dinilai"}
INDICATOR_IN_LIST = "{name} ({code})"
EMPTY_LIST = "tidak ada"
SUMMARY_UNMEASURED = "{count} indikator belum dapat diukur"
AND = "dan"

RULES_EXPLAINED = """\
Capaian setiap indikator dihitung dari target dan realisasinya dengan rumus berikut:

- **Indikator berpolaritas positif** (makin tinggi makin baik):
  capaian = realisasi \u00f7 target \u00d7 100%.
- **Indikator berpolaritas negatif** (makin rendah makin baik):
  capaian = (2 \u00d7 target \u2212 realisasi) \u00f7 target \u00d7 100%.
- **Target berupa rentang** (misalnya 63\u201366): realisasi di dalam rentang bercapaian 100%;
  di atas rentang dihitung terhadap batas atas dan di bawah rentang terhadap batas bawah, dengan
  rumus sesuai polaritasnya.
- **Target nol**: rasio tidak dapat dihitung. Bila indikator menetapkan bahwa realisasi nol berarti
  tercapai, realisasi nol bercapaian 100% dan realisasi lain 0%; bila tidak, capaian tidak dihitung
  dan ditulis dengan tanda pisah (\u2013).

Kategori capaian ditentukan dengan skala pada {scale_ref}."""
RULES_SCALE_REF = "tabel kategori capaian kinerja"

SIGNATURE_PLACE_DATE = "{place}, {date}"
SIGNATURE_NIP = "NIP. {nip}"
PK_FIRST_PARTY = "PIHAK PERTAMA"
PK_SECOND_PARTY = "PIHAK KEDUA"
MONTHS = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)

# --- charts -------------------------------------------------------------------------------
CHART_TARGET = "Target"
CHART_ACTUAL = "Realisasi"
CHART_CEILING = "Pagu"
CHART_SPENT = "Realisasi"
CHART_YEAR = "Tahun"
CHART_MILLIONS = "Juta Rupiah"

# --- print document -----------------------------------------------------------------------
EMBLEM_ALT = "Lambang {regency}"
DRAFT_MARK = "DRAF"
COVER_TITLE = "LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP) TAHUN {year}"
DOC_TITLE = "Laporan Kinerja Instansi Pemerintah (LKjIP) {org} Tahun {year}"
DOC_SUBJECT = "Laporan Kinerja Instansi Pemerintah Tahun {year} {org}, {regency}"
DOC_KEYWORDS = "LKjIP, SAKIP, laporan kinerja, {org}, {year}"
RUNNING_HEAD = "LKjIP {org} Tahun {year}"
TOC_TITLE = "DAFTAR ISI"
LIST_OF_TABLES = "DAFTAR TABEL"
LIST_OF_FIGURES = "DAFTAR GAMBAR"
PAGE = "Halaman"

# The DRAF mark (a site or PDF not built from a verified main)
DRAFT_BANNER_TITLE = "DRAF"
DRAFT_BANNER = (
    "Laporan ini belum sah: dibangun dari revisi yang rantai paraf dan tanda tangannya tidak "
    "terverifikasi di main. Jangan dikutip sebagai LKjIP resmi."
)
