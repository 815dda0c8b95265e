"""Texts of Excel, CSV and Word export/import: sheet names, headers, help and messages."""

# Sheet names (Excel allows at most 31 characters).
SHEET_INDICATORS = "Indikator"
SHEET_YEARS = "Target dan Realisasi"
SHEET_QUARTERS = "Triwulan"
SHEET_BUDGET = "Anggaran"
SHEET_ACHIEVEMENT = "Capaian"

# Headers.
CODE = "Kode"
OBJECTIVE = "Sasaran"
DESCRIPTION = "Uraian"
UNIT = "Satuan"
POLARITY = "Polaritas"
AGGREGATION = "Agregasi Triwulan"
RENSTRA_TARGET = "Target Renstra"
YEAR = "Tahun"
TARGET = "Target"
TARGET_HIGH = "Target Atas (bila rentang)"
ACTUAL = "Realisasi"
NOTE = "Keterangan"
QUARTER_TARGET = "Target TW {q}"
QUARTER_ACTUAL = "Realisasi TW {q}"
LEVEL = "Tingkat"
CEILING = "Pagu (Rp)"
SPENT = "Realisasi (Rp)"
QUARTER_SPENT = "Realisasi TW {q} (Rp)"
QUARTER_PLAN = "Target TW {q} (Rp)"
LEVEL_PROGRAM = "Program"
LEVEL_ACTIVITY = "Kegiatan"
LEVEL_SUB = "Sub Kegiatan"

# The capaian table, in the column order of the Perjanjian Kinerja.
ACHIEVEMENT_HEADERS = ("No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target",
                       "Realisasi", "Capaian (%)", "Kategori")

NOTE_FROM_QUARTERS = "kosong: dihitung dari triwulan ({rule})"
NOTE_SUM_ROW = "jumlah, dihitung; ubah pada baris sub kegiatan"
VALIDATION_NUMBER = "Isi dengan angka (tanpa titik ribuan), atau kosongkan."
VALIDATION_TITLE = "Angka"
VALIDATION_LIST = "Pilih salah satu dari daftar."

# Import.
CELL_NOT_NUMBER = (
    "harus berupa angka (ketik sebagai angka Excel, bukan teks), ditemukan {value}"
)
CELL_NOT_CHOICE = "harus salah satu dari: {choices}; ditemukan {value}"
CELL_UNKNOWN_CODE = "kode {code} tidak ada di {file}"
CELL_BAD_YEAR = "tahun harus berupa angka empat digit, ditemukan {value}"
CELL_DUPLICATE = "baris untuk {code} tahun {year} sudah ada di baris {row}"
CELL_RANGE_HIGH = "target atas diisi, tetapi target (batas bawah) kosong"
CELL_NEEDS_AGGREGATION = (
    "{code} diberi angka triwulan, tetapi belum punya Agregasi Triwulan; isi kolom itu di "
    "lembar {sheet} (terakhir, jumlah, atau rata_rata)"
)
CELL_CANNOT_PLACE = (
    "nilai ini tidak bisa ditulis otomatis karena tata letak {file} di bagian ini tidak biasa; "
    "tulis langsung di berkas YAML"
)
SHEET_MISSING = "lembar '{sheet}' tidak ada di {file}; gunakan berkas hasil 'lkjip export xlsx'"
HEADER_WRONG = "judul kolom harus '{expected}', ditemukan {found}"
NOT_WORKBOOK = "{file} tidak bisa dibaca sebagai berkas Excel (.xlsx): {reason}"
IMPORT_REFUSED = "Impor dibatalkan, tidak ada berkas di data/ yang diubah. Masalah ({count}):"
IMPORT_INVALID_RESULT = (
    "Impor dibatalkan, tidak ada berkas di data/ yang diubah: hasilnya akan membuat data "
    "tidak sah ({count} masalah):"
)
IMPORT_NO_CHANGE = "Tidak ada perubahan: data/ sudah sama dengan isi {file}."
IMPORT_CHANGED = "{count} nilai diubah di data/:"
CHANGE_LINE = "  {what}: {old} \u2192 {new}"
WHAT_TARGET = "{code} target {year}"
WHAT_TARGET_HIGH = "{code} target atas {year}"
WHAT_ACTUAL = "{code} realisasi {year}"
WHAT_QUARTER_TARGET = "{code} target triwulan {q} {year}"
WHAT_QUARTER_ACTUAL = "{code} realisasi triwulan {q} {year}"
WHAT_POLARITY = "{code} polaritas"
WHAT_AGGREGATION = "{code} agregasi triwulan"
WHAT_CEILING = "{code} pagu"
WHAT_SPENT = "{code} realisasi anggaran"
WHAT_QUARTER_SPENT = "{code} realisasi anggaran triwulan {q}"
WHAT_QUARTER_PLAN = "{code} target anggaran triwulan {q}"
EMPTY = "(kosong)"

# Commands.
HELP_EXPORT = "ekspor data dan laporan ke Excel (xlsx), CSV atau Word (docx)"
HELP_EXPORT_XLSX = "buku kerja Excel tahun laporan: indikator, triwulan, anggaran, capaian"
HELP_EXPORT_CSV = "tabel capaian (urutan kolom Perjanjian Kinerja) sebagai CSV untuk e-SAKIP"
HELP_EXPORT_DOCX = "seluruh laporan sebagai dokumen Word yang bisa disunting"
HELP_OUT = "berkas keluaran (bawaan: dist/lkjip-<tahun>.<jenis>)"
HELP_IMPORT = "tulis nilai dari berkas Excel hasil 'lkjip export xlsx' ke data/*.yaml"
HELP_IMPORT_FILE = "berkas .xlsx yang sudah diisi"
HELP_DRY_RUN = "hanya tampilkan perubahan, jangan tulis apa pun"
EXPORTED = "Ditulis: {path}"
DRY_RUN_DONE = "(uji coba: tidak ada yang ditulis)"

# lkjip init.
HELP_INIT = ("buat repositori LKjIP baru untuk instansi lain: kerangka bab, data contoh, "
             "daftar peran kosong")
HELP_INIT_FOLDER = "folder baru (tidak boleh sudah berisi)"
INIT_NOT_EMPTY = "{folder} sudah ada dan berisi berkas; pilih folder baru atau kosong"
INIT_DONE = "Repositori LKjIP baru dibuat di {folder}."
INIT_NEXT = """Langkah berikutnya:
  1. Ganti data contoh di {folder}/data/*.yaml dengan data instansi Anda
     (atau: lkjip export xlsx, isi di Excel, lalu lkjip import).
  2. Tulis bab-bab di {folder}/content/ (ganti setiap [isi ...]).
  3. Daftarkan orang pertama untuk setiap peran SOP, dengan kunci SSH masing-masing:"""
INIT_ROSTER_LINE = (
    "       lkjip roster add --role {role} --name \"Nama Lengkap\" --nip \"NIP\" "
    "--key ~/.ssh/id_ed25519.pub    # {title}"
)
INIT_CHECK = (
    "  4. Periksa dan bangun: lkjip check, lalu lkjip build (dari folder mana pun di dalamnya)."
)
INIT_COMMIT = "lkjip init: kerangka LKjIP dengan data contoh"

# lkjip serve.
HELP_SERVE = ("jalankan situs di komputer ini dengan muat-ulang otomatis; berubah setiap kali "
              "content/, data/ atau mkdocs.yml disimpan")
HELP_DEV_ADDR = "alamat dan port server (bawaan: 127.0.0.1:8000)"
SERVE_PROBLEMS_TITLE = "Masalah Pemeriksaan"
SERVE_PROBLEMS_PAGE = "masalah-pemeriksaan.md"
SERVE_PROBLEMS_INTRO = (
    "lkjip check menemukan {count} masalah. Perbaiki, simpan berkasnya, dan halaman ini "
    "diperbarui sendiri."
)
SERVE_FAILED_TITLE = "Situs belum bisa dibangun"
SERVE_FAILED_INTRO = (
    "Perbaiki masalah berikut lalu simpan berkasnya; halaman dimuat ulang sendiri."
)
SERVE_BUILT = "Situs diperbarui ({count} masalah pemeriksaan)."
SERVE_FAILED = "Situs gagal dibangun; masalahnya ditampilkan juga di peramban."
SERVE_AT = (
    "Situs berjalan di http://{addr}/ (berhenti: Ctrl+C). Memantau content/, data/, mkdocs.yml."
)
HELP_INIT_NO_QUESTIONS = "jangan bertanya nama dan kunci peserta (bawaan bila bukan terminal)"
GUIDE_START = (
    "Isi orang pertama untuk setiap peran SOP (kosongkan nama untuk melewati peran itu; "
    "bisa juga nanti dengan lkjip roster add)."
)
GUIDE_ROLE = "Peran {title} ({role})"
GUIDE_NAME = "  Nama lengkap dengan gelar: "
GUIDE_NIP = "  NIP (18 angka): "
GUIDE_KEY = "  Berkas kunci publik SSH (.pub) [{default}]: "
GUIDE_RETRY = "  {problem} Coba lagi."
GUIDE_ADDED = "  {name} dicatat sebagai {title}."
GUIDE_DONE = "Daftar peran ditulis ke {path} ({count} orang); commit pertama memuatnya."
