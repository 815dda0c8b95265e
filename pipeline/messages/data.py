"""Messages about data/ and content/: loading, schema, consistency, completeness."""

FILE_MISSING = "berkas wajib tidak ada; buat berkas ini (lihat Panduan Format Data)"
FILE_EMPTY = "berkas kosong; isi dengan data sesuai Panduan Format Data"
FILE_TOO_LARGE = "berkas terlalu besar ({size} bita, paling besar {limit} bita); periksa isinya"
NOT_UTF8 = "berkas bukan teks UTF-8 (bita tidak sah pada kolom {column}); simpan ulang sebagai UTF-8"
YAML_TAB = "karakter TAB tidak boleh dipakai di YAML; gunakan spasi untuk indentasi"
YAML_SYNTAX = "YAML tidak dapat dibaca: {problem}"
YAML_DUPLICATE_KEY = "kunci '{key}' ditulis dua kali (pertama di baris {first}); hapus salah satunya"
YAML_NOT_MAPPING = "isi berkas harus berupa pemetaan 'kunci: nilai' di tingkat atas"
YAML_UNSUPPORTED = "nilai YAML jenis ini tidak didukung ({tag}); gunakan angka, teks, daftar atau pemetaan"

# YAML parser problems, translated (the parser speaks English).
YAML_PROBLEMS = {
    "could not find expected ':'": "tanda ':' yang diharapkan tidak ditemukan",
    "mapping values are not allowed here": "tanda ':' tidak boleh di sini (periksa indentasi atau beri tanda kutip)",
    "found unexpected end of stream": "berkas berakhir sebelum tanda kutip atau kurung ditutup",
    "found unexpected ':'": "tanda ':' tidak terduga",
    "expected <block end>, but found": "indentasi tidak konsisten",
    "did not find expected key": "indentasi tidak konsisten (kunci yang diharapkan tidak ditemukan)",
    "did not find expected '-' indicator": "indentasi daftar tidak konsisten (tanda '-' yang diharapkan tidak ditemukan)",
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
SCHEMA_YEAR_KEY = "'{value}' bukan tahun; kunci target/realisasi harus tahun empat angka, misalnya 2025"
SCHEMA_OTHER = "'{field}' tidak sesuai format: {detail}"
TARGET_SHAPE = "harus berupa angka (misalnya 85) atau rentang dua angka [bawah, atas] (misalnya [80, 90])"
ACTUAL_SHAPE = "harus berupa angka (misalnya 82.5), atau kosong bila belum ada realisasi"
RANGE_ORDER = "rentang [{low}, {high}] terbalik: angka pertama harus batas bawah"
DATE_SHAPE = "harus tanggal dengan format TTTT-BB-HH, misalnya 2026-02-20"

DATA_INVALID = "data tidak dapat dipakai ({count} masalah); jalankan 'lkjip check' untuk rinciannya"
