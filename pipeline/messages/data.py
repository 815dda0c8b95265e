"""Messages about data/ and content/: loading, schema, consistency, completeness."""

FILE_MISSING = "berkas wajib tidak ada; buat berkas ini (lihat Panduan Format Data)"
FILE_EMPTY = "berkas kosong; isi dengan data sesuai Panduan Format Data"
FILE_TOO_LARGE = "berkas terlalu besar ({size} bita, paling besar {limit} bita); periksa isinya"
NOT_UTF8 = (
    "berkas bukan teks UTF-8 (bita tidak sah pada kolom {column}); simpan ulang sebagai UTF-8"
)
YAML_TAB = "karakter TAB tidak boleh dipakai di YAML; gunakan spasi untuk indentasi"
YAML_SYNTAX = "YAML tidak dapat dibaca: {problem}"
YAML_DUPLICATE_KEY = (
    "kunci '{key}' ditulis dua kali (pertama di baris {first}); hapus salah satunya"
)
YAML_NOT_MAPPING = "isi berkas harus berupa pemetaan 'kunci: nilai' di tingkat atas"
YAML_UNSUPPORTED = (
    "nilai YAML jenis ini tidak didukung ({tag}); gunakan angka, teks, daftar atau pemetaan"
)
FILE_UNREADABLE = (
    "berkas tidak dapat dibaca ({reason}); pastikan ini berkas teks biasa yang boleh dibaca"
)
YAML_CONTROL_CHARACTER = (
    "ada karakter kendali {code} yang tidak boleh ada di YAML; hapus karakter itu "
    "(biasanya terbawa saat menyalin dari aplikasi lain)"
)
YAML_UNCLOSED_QUOTE = (
    "tanda kutip yang dibuka di baris {line} tidak pernah ditutup; "
    "tutup teks dengan tanda kutip yang sama"
)
YAML_UNCLOSED_BRACKET = (
    "{bracket} yang dibuka di baris {line} tidak ditutup dengan benar (masalah terlihat di "
    "baris {at}); periksa tanda koma dan kurung penutupnya"
)
YAML_TOO_DEEP = "nilai bersarang terlalu dalam (lebih dari {limit} tingkat); periksa indentasi"
YAML_TOO_MANY_VALUES = (
    "berkas menghasilkan lebih dari {limit} nilai (alias YAML berlapis?); "
    "tulis data apa adanya tanpa alias"
)
YAML_RECURSIVE_ALIAS = "alias YAML merujuk ke dirinya sendiri; tulis nilainya apa adanya"
YAML_BAD_MERGE = "penggabungan '<<' tidak sah: nilainya harus pemetaan atau daftar pemetaan"

# YAML parser problems, translated (the parser speaks English).
YAML_PROBLEMS = {
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
    "mapping values are not allowed here":
        "tanda ':' tidak boleh di sini (periksa indentasi atau beri tanda kutip)",
    "found unexpected end of stream": "berkas berakhir sebelum tanda kutip atau kurung ditutup",
    "found unexpected ':'": "tanda ':' tidak terduga",
    "expected <block end>, but found": "indentasi tidak konsisten",
    "did not find expected key":
        "indentasi tidak konsisten (kunci yang diharapkan tidak ditemukan)",
    "did not find expected '-' indicator":
        "indentasi daftar tidak konsisten (tanda '-' yang diharapkan tidak ditemukan)",
    "found character that cannot start any token": "ada karakter yang tidak boleh mengawali nilai",
    "did not find expected ',' or ']'": "daftar [ ... ] tidak ditutup dengan benar",
    "did not find expected ',' or '}'": "pemetaan { ... } tidak ditutup dengan benar",
    "found undefined alias": "alias YAML tidak dikenal",
    "expected a single document": "berkas berisi lebih dari satu dokumen YAML (---)",
}

# Schema messages, by validator; {path} is the dotted field name.
TYPE_NAMES = {
    "number": "angka",
    "integer": "bilangan bulat",
    "string": "teks",
    "array": "daftar",
    "object": "pemetaan (kunci: nilai)",
    "null": "kosong",
    "boolean": "ya/tidak",
}
SCHEMA_REQUIRED = "kolom wajib '{name}' tidak ada{where}"
SCHEMA_TYPE = "'{field}' bernilai {value}, padahal harus {expected}"
SCHEMA_ENUM = "'{field}' bernilai {value}; pilihan yang sah: {choices}"
SCHEMA_ADDITIONAL = "kolom '{name}' tidak dikenal{where}; kolom yang boleh: {allowed}"
SCHEMA_MINIMUM = "'{field}' bernilai {value}, padahal tidak boleh kurang dari {limit}"
SCHEMA_EXCLUSIVE_MINIMUM = "'{field}' bernilai {value}, padahal harus lebih dari {limit}"
SCHEMA_PATTERN = "'{field}' bernilai {value}, formatnya tidak sesuai ({hint})"
SCHEMA_MIN_ITEMS = "'{field}' harus berisi paling sedikit {limit} butir"
SCHEMA_YEAR_KEY = (
    "'{value}' bukan tahun; kunci target/realisasi harus tahun empat angka, misalnya 2025"
)
SCHEMA_OTHER = "'{field}' tidak sesuai format: {detail}"
TARGET_SHAPE = (
    "harus berupa angka (misalnya 85) atau rentang dua angka [bawah, atas] (misalnya [80, 90])"
)
ACTUAL_SHAPE = "harus berupa angka (misalnya 82.5), atau kosong bila belum ada realisasi"
RANGE_ORDER = "rentang [{low}, {high}] terbalik: angka pertama harus batas bawah"
DATE_SHAPE = "harus tanggal dengan format TTTT-BB-HH, misalnya 2026-02-20"
NOT_FINITE = "'{field}' bernilai {value}, padahal harus angka biasa (bukan .nan atau .inf)"
TOO_BIG = "'{field}' bernilai {value}, terlalu besar (paling besar 10^15); periksa jumlah digitnya"

DATA_INVALID = "data tidak dapat dipakai ({count} masalah); jalankan 'lkjip check' untuk rinciannya"

# --- consistency (pipeline/data/consistency.py) ---------------------------------------------
DUPLICATE_CODE = "kode {code} sudah dipakai di {first}; setiap kode harus unik"
DUPLICATE_IN_LIST = (
    "{code} disebut dua kali dalam daftar indikator Perjanjian Kinerja; hapus salah satunya"
)
UNKNOWN_OBJECTIVE = (
    "indikator {code} menyebut sasaran {objective} yang tidak ada di renstra.yaml; "
    "sasaran yang ada: {known}"
)
OBJECTIVE_WITHOUT_INDICATOR = (
    "sasaran {code} belum punya indikator; tambahkan paling sedikit satu indikator "
    "dengan 'sasaran: {code}' di indikator.yaml"
)
BUDGET_UNKNOWN_OBJECTIVE = (
    "{kind} {code} menyebut sasaran {objective} yang tidak ada di renstra.yaml; "
    "sasaran yang ada: {known}"
)
VALUE_UNIT = (
    "indikator {code}: {what} bernilai {value}, padahal satuan '{unit}' menuntut {expected}"
)
UNIT_PERCENT = "angka 0 sampai 100"
UNIT_LEVEL = "angka 0 sampai 5"
UNIT_COUNT = "bilangan bulat tidak negatif"
UNIT_SCORE = "angka tidak negatif"
RANGE_REVERSED = (
    "indikator {code}: {what} berupa rentang [{low}, {high}] yang terbalik; "
    "tulis batas bawah dulu, misalnya [{high}, {low}]"
)
YEAR_OUTSIDE_RENSTRA = (
    "indikator {code}: {what} tahun {year} di luar periode Renstra {start}–{end}; "
    "hapus atau perbaiki tahunnya"
)
ACTUAL_IN_FUTURE = (
    "indikator {code}: ada realisasi tahun {year}, padahal tahun laporan {report_year}; "
    "realisasi hanya boleh sampai tahun laporan"
)
REPORT_YEAR_OUTSIDE_RENSTRA = (
    "tahun_laporan {year} di luar periode Renstra {start}–{end} (renstra.yaml); "
    "tahun laporan harus di dalam periode Renstra"
)
RENSTRA_PERIOD_REVERSED = "periode Renstra {start}–{end} terbalik: 'awal' harus sebelum 'akhir'"
YEAR_MISMATCH = (
    "'tahun' bernilai {year}, padahal tahun laporan (organisasi.yaml) {report_year}; "
    "{what} harus untuk tahun laporan"
)
AGREEMENT_UNKNOWN_INDICATOR = (
    "Perjanjian Kinerja menyebut indikator {code} yang tidak ada di indikator.yaml"
)
AGREEMENT_NO_TARGET = (
    "indikator {code} ada di Perjanjian Kinerja {year} tetapi tidak punya target tahun {year}; "
    "tambahkan '{year}: <angka>' pada 'target'"
)
SPENT_ABOVE_CEILING = (
    "sub kegiatan {code}: realisasi {spent} melebihi pagu {ceiling}; "
    "realisasi anggaran tidak boleh lebih dari pagu"
)
INVALID_DATE = (
    "'{field}' bernilai \"{value}\", padahal itu bukan tanggal yang ada (format TTTT-BB-HH)"
)
SCALE_ORDER = (
    "kategori '{name}': batas_bawah {value} harus lebih kecil dari kategori di atasnya ({above}); "
    "urutkan kategori dari yang tertinggi"
)
SCALE_LAST_NULL = (
    "hanya kategori terakhir yang boleh 'batas_bawah: null', dan kategori terakhir harus null "
    "(menampung sisa capaian)"
)
SCALE_DUPLICATE = "nama kategori '{name}' sudah dipakai di baris {first}; setiap nama harus unik"

# --- completeness, lkjip check --lengkap (pipeline/check/completeness.py) -------------------
MISSING_ACTUAL = (
    "data tidak lengkap: indikator {code} belum punya realisasi tahun {year}; "
    "isi '{year}: <angka>' pada 'realisasi'"
)
MISSING_SPENT = (
    "data tidak lengkap: sub kegiatan {code} belum punya realisasi anggaran tahun {year}; "
    "isi 'realisasi' dengan angka rupiah"
)
DATA_PLACEHOLDER = (
    "data tidak lengkap: '{field}' masih berisi teks pengganti ({found}); "
    "ganti dengan isi sebenarnya"
)
SUMMARY_TITLE = "Ringkasan kekurangan (--lengkap):"
SUMMARY_BY_PART = "  Per bab/berkas:"
SUMMARY_BY_PERSON = "  Per penanggung jawab:"
SUMMARY_LINE = "    {name}: {count} kekurangan"
SUMMARY_NOBODY = "(penanggung jawab tidak disebut di data)"
SUMMARY_NONE = "Data dan isi lengkap."

# --- lkjip check ----------------------------------------------------------------------------
CHECK_OK = "Tidak ada masalah."
CHECK_FOUND = "{count} masalah ditemukan."
NOT_A_PROJECT = (
    "'{root}' bukan repositori LKjIP (folder data/ tidak ada). "
    "Jalankan perintah dari folder repositori atau gunakan --root."
)
CONTENT_MISSING = "folder content/ tidak ada; isi laporan (Markdown) harus berada di content/"

# --- Triwulan (issue 15) -------------------------------------------------------------------
QUARTERS_SHAPE = (
    "harus berupa daftar paling banyak empat angka, satu per triwulan, misalnya "
    "[20, 45, 70, 95]; tulis null untuk triwulan yang belum ada datanya"
)
SCHEMA_DEPENDENT = "'{field}' memakai 'triwulan', jadi wajib menyebut '{needs}'"
QUARTER_YEAR_MISMATCH = (
    "realisasi {code} tahun {year} tertulis {written}, tetapi dari triwulannya ({rule}) "
    "hasilnya {derived}; samakan, atau hapus realisasi tahunan agar dihitung dari triwulan"
)
QUARTER_SPENT_MISMATCH = (
    "realisasi anggaran {code} tertulis {written}, tetapi jumlah realisasi triwulannya "
    "{derived}; samakan, atau kosongkan realisasi agar dihitung dari triwulan"
)
QUARTER_PLAN_ABOVE_CEILING = (
    "target_triwulan {code} berjumlah {planned}, melebihi pagunya {ceiling}"
)
QUARTER_YEAR_UNKNOWN = (
    "triwulan {code} tahun {year} berada di luar periode Renstra {start}-{end}"
)
AGGREGATION_NAMES = {
    "terakhir": "nilai triwulan IV",
    "jumlah": "jumlah empat triwulan",
    "rata_rata": "rata-rata empat triwulan",
}
