"""Messages about content/*.md: structure, links, images, codes, completeness of Bab III."""

FIRST_HEADING_LEVEL = (
    "judul pertama berkas bertingkat {level} ('{text}'); berkas harus diawali judul "
    "tingkat 1, misalnya '# BAB I PENDAHULUAN'"
)
SECOND_TITLE = (
    "judul tingkat 1 kedua ('{text}'; yang pertama di baris {first}); satu berkas hanya "
    "boleh punya satu judul '# ...'"
)
LEVEL_JUMP = (
    "judul '{text}' melompat dari tingkat {previous} ke tingkat {level}; "
    "gunakan tingkat {expected} ({hashes})"
)
NUMBERING = (
    "judul '{text}' bernomor {got}, padahal urutannya seharusnya {expected} "
    "(nomor judul melompat, berulang atau tertukar)"
)

UNCLOSED_FENCE = (
    "blok kode yang dibuka di baris ini tidak pernah ditutup, sehingga sisa berkas tampil "
    "sebagai kode; tutup dengan ``` (atau ~~~) yang sama"
)

LINK_MISSING_FILE = "tautan ke '{target}', padahal berkas itu tidak ada di content/"
LINK_OUTSIDE = (
    "tautan ke '{target}' keluar dari content/; situs dan PDF hanya memuat berkas di content/"
)
LINK_MISSING_ANCHOR = (
    "tautan ke '{target}', padahal judul dengan jangkar '#{anchor}' tidak ada di {file}; "
    "jangkar yang ada antara lain: {known}"
)
IMAGE_MISSING = (
    "gambar '{target}' tidak ada; simpan berkas gambarnya di content/ atau perbaiki jalurnya"
)
IMAGE_REMOTE = (
    "gambar '{target}' diambil dari internet; laporan dibangun tanpa internet, "
    "jadi simpan gambarnya di content/"
)

UNKNOWN_CODE = "kode {code} disebut di teks, padahal tidak ada di data/ ({where}){hint}"
UNKNOWN_CODE_HINT = "; maksudnya {suggestion}?"
CODE_WHERE = {"T": "tujuan di renstra.yaml", "SS": "sasaran di renstra.yaml",
              "IKU": "indikator di indikator.yaml"}

PLACEHOLDER = "isi belum selesai: masih ada teks pengganti {found}; ganti dengan isi sebenarnya"

BAB3_MISSING = (
    "Bab III tidak ditemukan: buat content/bab-3-akuntabilitas-kinerja.md "
    "yang diawali '# BAB III AKUNTABILITAS KINERJA'"
)
BAB3_NO_SECTION_A = (
    "Bab III belum punya bagian '## A. Capaian Kinerja Organisasi' tempat analisis per sasaran"
)
BAB3_NO_OBJECTIVE = (
    "data tidak lengkap: sasaran {code} belum punya bagian di Capaian Kinerja Organisasi; "
    "tambahkan '### Sasaran Strategis ... ({code}): {{{{ uraian {code} }}}}' "
    "dengan tujuh analisisnya"
)
BAB3_MISSING_ANALYSIS = (
    "data tidak lengkap: analisis {number} ({name}) untuk sasaran {code} tidak ada; "
    "tambahkan '#### {number}. {name}'"
)
BAB3_EMPTY_ANALYSIS = (
    "data tidak lengkap: analisis {number} untuk sasaran {code} masih kosong; "
    "tulis analisisnya atau sisipkan tabelnya"
)
ANALYSES = {
    1: "Perbandingan target dan realisasi kinerja tahun ini",
    2: "Perbandingan realisasi dan capaian dengan tahun lalu dan beberapa tahun terakhir",
    3: "Perbandingan realisasi sampai dengan tahun ini dengan target akhir Renstra",
    4: "Perbandingan dengan standar nasional",
    5: "Analisis penyebab keberhasilan/kegagalan dan alternatif solusi",
    6: "Analisis efisiensi penggunaan sumber daya",
    7: "Program/kegiatan yang menunjang keberhasilan atau kegagalan",
}

# --- prose that goes stale (lkjip check --lengkap) -------------------------------------------
STALE_NOT_DISCUSSED = (
    "data tidak lengkap: indikator {code} ({name}) ada di Perjanjian Kinerja tetapi tidak "
    "dibahas di bagian {objective} Bab III; bahas realisasi dan capaiannya di sini "
    "(misalnya dengan {{{{ realisasi {code} }}}} dan {{{{ status_target {code} }}}})"
)
STALE_IKHTISAR = (
    "data tidak lengkap: Ikhtisar Eksekutif tidak menyebut indikator {code} ({name}) yang "
    "belum mencapai target (capaian {achievement}); sebut indikator itu, atau pakai "
    "{{{{ indikator_belum_mencapai_target }}}}"
)
STALE_TYPED_NUMBER = (
    "angka {number} diketik langsung, padahal sama dengan {{{{ {macro} }}}}; pakai makronya "
    "agar angka ikut berubah bila data berubah"
)
