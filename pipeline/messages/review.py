"""Messages of reviewing: the redline (``lkjip diff``), the review page (``lkjip review``) and
the history page (Riwayat Penyusunan). Placeholders in braces are filled with ``str.format``.
"""

# --- revisions ----------------------------------------------------------------------------
UNKNOWN_REVISION = (
    "Revisi '{rev}' tidak ditemukan. Tulis nama cabang (misalnya review/2025/2 atau main), "
    "nama putaran (2025/2) atau id commit."
)
DIFF_NEEDS_TWO = (
    "Sebutkan dua revisi (lkjip diff A B), satu revisi untuk dibandingkan dengan HEAD, "
    "atau --since-paraf."
)
DIFF_SINCE_PARAF_WITH_REVS = "--since-paraf tidak dapat digabung dengan revisi A; sebutkan B saja."
NO_PARAF_YET = (
    "Kunci Anda ({fingerprint}) belum pernah memberi paraf pada putaran LKjIP {year}. "
    "Bandingkan dua revisi dengan 'lkjip diff A B'."
)
NO_CYCLE = "Belum ada siklus LKjIP yang dimulai (lkjip start), jadi belum ada paraf."
VERSION_UNRENDERABLE = "Revisi {rev} tidak dapat dirender:\n{error}"
DIFF_WRITTEN = "Redline ditulis ke: {path}"
DIFF_SUMMARY_LINE = "{chapters} bab berubah, {figures} angka berubah, {files} berkas data berubah."

# --- the redline page ---------------------------------------------------------------------
PAGE_TITLE = "Redline LKjIP: {old} \u2192 {new}"
HEADING = "Perubahan dari {old} ke {new}"
OLD = "Sebelumnya"
NEW = "Sekarang"
SUMMARY = "Ringkasan"
SUMMARY_CHAPTERS = "Bab berubah"
SUMMARY_FIGURES = "Angka berubah"
SUMMARY_FILES = "Berkas data berubah"
NONE = "tidak ada"
FIGURES_TITLE = "Angka yang berubah"
FIGURE_COLUMN = "Angka"
FILES_TITLE = "Berkas data yang berubah"
LEGEND = (
    "Teks yang ditambahkan bergaris bawah hijau, teks yang dihapus dicoret merah, sel tabel "
    "dan angka yang berubah diberi latar kuning (lama \u2192 baru)."
)
CHAPTER_UNCHANGED = "tidak berubah"
CHAPTER_CHANGED = "berubah"
CHAPTER_ADDED = "bab baru"
CHAPTER_REMOVED = "bab dihapus"
CHAPTER_ERROR = "tidak dapat dirender"
CHAPTER_COUNTS = "{ins} bagian ditambah, {dels} dihapus, {cells} sel tabel berubah"
FIGURE_CHANGED = "Grafik berubah karena datanya berubah. Grafik sebelumnya:"
TABLE_ADDED = "Tabel/gambar baru"
TABLE_REMOVED = "Tabel/gambar dihapus"
ABSENT = "\u2014"
OFFLINE_NOTE = "Halaman ini dibuat oleh lkjip diff dan dapat dibuka tanpa internet."

# Labels of computed figures in the summary
FIG_TARGET = "Target {code}"
FIG_ACTUAL = "Realisasi {code}"
FIG_ACHIEVEMENT = "Capaian {code}"
FIG_CATEGORY = "Kategori {code}"
FIG_OBJECTIVE = "Capaian sasaran {code}"
FIG_OBJECTIVE_CATEGORY = "Kategori sasaran {code}"
FIG_EFFICIENCY = "Efisiensi {code}"
FIG_CEILING = "Pagu anggaran {what}"
FIG_SPENT = "Realisasi anggaran {what}"
FIG_ABSORPTION = "Serapan anggaran {what}"
FIG_REMAINING = "Sisa anggaran {what}"
FIG_WHOLE = "seluruhnya"
FIG_PROGRAM = "program {code}"

# --- the review page (lkjip review) -------------------------------------------------------
REVIEW_TITLE = "Reviu LKjIP {round}"
REVIEW_NOT_ON_ROUND = "Tidak ada putaran yang sedang dibuka di sini."
REVIEW_ROUND = "Putaran {round}: {state}"
REVIEW_TURN = "Sekarang giliran {role} (langkah {step}): {names}."
REVIEW_YOUR_KEY = "Kunci penanda tangan di komputer ini: {key}."
REVIEW_NO_KEY = "belum diatur (--key atau git config user.signingkey)"
REVIEW_ACTIONS = "Keputusan Anda"
REVIEW_RETURN = "Kembalikan"
REVIEW_NOTE = "Catatan"
REVIEW_NOTE_OPTIONAL = "Catatan (tidak wajib)"
REVIEW_NOTE_RETURN = "Catatan koreksi (wajib): apa yang harus diperbaiki"
REVIEW_CLOSED = "Putaran ini tidak menunggu keputusan lagi."
REVIEW_CHECK = "Hasil pemeriksaan (lkjip check --lengkap)"
REVIEW_CHECK_OK = "Data dan isi lengkap. Tidak ada masalah."
REVIEW_CHECK_PROBLEMS = "{count} masalah ditemukan:"
REVIEW_CHAIN = "Rantai paraf putaran ini"
REVIEW_CHAIN_EMPTY = "Belum ada paraf pada putaran ini."
REVIEW_CHAIN_HEAD = ("Langkah", "Peran", "Keputusan", "Nama", "NIP", "Waktu", "Kunci", "Catatan")
REVIEW_VERIFIED = "Semua tanda tangan putaran ini terverifikasi."
REVIEW_PROBLEMS = "Masalah verifikasi:"
# {event}: the hand-off's past participle (pipeline.messages.events), "Diserahkan".
REVIEW_SUBMITTED = "{event} oleh {name} ({role}) pada {time}."
REVIEW_REDLINE = "Perubahan terhadap {old}"
REVIEW_BASE = "main (dasar putaran ini)"
REVIEW_DRAFT = "Draf yang diperiksa ({commit})"
REVIEW_REFUSED = "Ditolak"
REVIEW_DONE = "Tercatat"
REVIEW_FORBIDDEN = (
    "Permintaan ditolak: halaman reviu hanya menerima keputusan dari halamannya sendiri di "
    "komputer ini. Muat ulang halaman lalu ulangi."
)
REVIEW_STALE = (
    "Putaran ini berubah sejak halaman dimuat (ada keputusan lain atau perbaikan). Tidak ada "
    "yang diubah. Muat ulang halaman, periksa versi terbaru, lalu ulangi."
)
REVIEW_BAD_HOST = "Permintaan ditolak: alamat server tidak dikenal."
REVIEW_NOT_FOUND = "Halaman tidak ditemukan."
REVIEW_SERVING = (
    "Halaman reviu siap di {url} (hanya dari komputer ini). Tekan Ctrl+C untuk berhenti."
)
REVIEW_STOPPED = "Server reviu dihentikan."
REVIEW_PORT_BUSY = "Port {port} sudah dipakai. Pilih port lain dengan --port."

# --- Riwayat Penyusunan (the site's history page) -----------------------------------------
HISTORY_TITLE = "Riwayat Penyusunan"
HISTORY_INTRO = (
    "Riwayat penyusunan LKjIP {year} sesuai SOP {sop}: setiap putaran koreksi, siapa yang "
    "menyerahkan, paraf, tanda tangan dan pengembalian beserta catatannya, dan lama setiap "
    "langkah dibandingkan dengan mutu baku waktunya. Dibuat dari riwayat Git yang "
    "ditandatangani; status verifikasi dihitung ulang setiap kali situs dibangun."
)
HISTORY_CYCLE = "Siklus dimulai oleh {name} (NIP {nip}) pada {time}."
HISTORY_POSITION = "Posisi sekarang: {position}"
HISTORY_ROUND = "Putaran {round}"
HISTORY_ROUND_STATE = "Status: {state}{merged}."
HISTORY_MERGED = ", sudah digabung ke main"
HISTORY_REDLINE = "[Redline terhadap putaran {old}]({href})"
HISTORY_NO_ROUNDS = "Belum ada putaran koreksi."
HISTORY_HEAD = ("Langkah", "Peran", "Keputusan", "Nama", "Waktu", "Lama", "Mutu baku",
                "Verifikasi")
HISTORY_NIP = "NIP {nip}"
HISTORY_NOTE = "Catatan: {note}"
HISTORY_VERIFIED = "terverifikasi"
HISTORY_VOIDED = "dibatalkan (kunci dicabut)"
HISTORY_NOT_VERIFIED = "tidak terverifikasi"
HISTORY_OVER = "{took} (melebihi)"
HISTORY_PROBLEMS = "Masalah verifikasi putaran ini:"
# The page is rebuilt only when a branch moves, so it names dates, not "waited so far".
HISTORY_WAITING = (
    "Menunggu: {what}. Sejak {since}; mutu baku {standard}, jadi paling lambat {deadline}. "
    "Lama menunggu sampai hari ini ditampilkan oleh `lkjip status`."
)
REVIEW_INTERNAL = (
    "Halaman reviu tidak dapat dibuat karena kesalahan internal lkjip ({kind}). "
    "Jalankan 'lkjip verify' dan 'lkjip diff' di terminal, dan laporkan ke pengelola."
)
HISTORY_NOT_ROUNDS = (
    "Cabang berikut ada di bawah review/ tetapi bukan putaran sah; isinya tidak ditampilkan:"
)
HISTORY_NOT_ROUND = "{branch}: {reason}"
HISTORY_RECORDS = "Catatan langkah 2, 3, 5 dan 10"
HISTORY_RECORDS_HEAD = ("Langkah", "Peran", "Catatan", "Nama", "Waktu", "Lama", "Mutu baku",
                        "Isi")
