"""Messages of ``lkjip build``."""

HELP = "bangun situs HTML (site/) dan PDF (dist/) dari content/ dan data/"
HELP_ROOT = "folder repositori LKjIP (bawaan: folder saat ini)"
HELP_NO_PDF = "jangan bangun PDF"
HELP_NO_SITE = "jangan bangun situs HTML"

STEP_DATA = "Membaca dan memeriksa data (aturan yang sama dengan lkjip check)"
STEP_CHECK = "Memeriksa makro pada konten"
STEP_PRINT_HTML = "Menyusun naskah cetak"
STEP_LAYOUT = "Menata halaman PDF"
STEP_WRITE_PDF = "Menulis PDF"
STEP_SITE = "Membangun situs"
STEP_PUBLISH = "Memasang hasil"

NOT_IN_PROJECT = (
    "Folder {root} bukan repositori LKjIP (tidak ada mkdocs.yml dan data/). "
    "Jalankan perintah dari folder repositori atau gunakan --root."
)
NOTHING_TO_DO = "Tidak ada yang dibangun: --no-pdf dan --no-site dipakai bersamaan."
PAGE_MISSING = "halaman ini disebut di nav mkdocs.yml tetapi berkasnya tidak ada"
BAD_EPOCH = "SOURCE_DATE_EPOCH bernilai '{value}', padahal harus bilangan detik sejak 1970"
SITE_FAILED = "situs tidak dapat dibangun: {reason}"
SITE_WARNINGS_FAILED = "situs tidak dapat dibangun; pesan MkDocs:\n{messages}"
UNCHANGED = "Hasil sebelumnya (site/ dan dist/) tidak diubah."

DONE_SITE = "Situs : {path}"
DONE_PDF = "PDF   : {path} ({pages} halaman)"
DONE_TIME = "Selesai dalam {seconds} detik."
WARNING = "peringatan"
WARNING_PDF = "PDF: {message}"
WARNING_SITE = "situs: {message}"

# The build cache (pipeline/cache.py)
HELP_FORCE = "bangun ulang walaupun tidak ada masukan yang berubah (abaikan cache)"
DONE_CACHED = (
    "Tidak ada yang berubah sejak pembangunan terakhir (content/, data/, mkdocs.yml, cabang "
    "main dan review/*, versi lkjip): site/ dan PDF yang ada dipakai ulang. Gunakan --force "
    "untuk membangun ulang."
)

# --public, --zip and the DRAF mark
HELP_PUBLIC = (
    "bangun versi untuk publik: hanya halaman laporan dan PDF-nya (tanpa Panduan Format Data, "
    "Riwayat Penyusunan, dan halaman internal lain)"
)
HELP_ZIP = "setelah membangun, kemas situs menjadi BERKAS .zip (mis. untuk aset rilis)"
DONE_ZIP = "Zip  : {path}"
DRAFT_NOTE = "DRAF: situs dan PDF ini bertanda DRAF karena {reason}"
DRAFT_NO_COMMIT = (
    "folder ini bukan salinan kerja Git dengan commit (tidak ada yang dapat diverifikasi)."
)
DRAFT_CHANGED = "ada perubahan yang belum di-commit pada berkas laporan: {files}."
DRAFT_NO_ROSTER = (
    "main belum memuat daftar personel (sop/roster.yaml), jadi belum ada yang menyetujui isinya."
)
DRAFT_NO_ANCHOR = (
    "jangkar kepercayaan belum diatur (git config lkjip.anchor atau variabel LKJIP_ANCHOR), "
    "jadi main tidak dapat diverifikasi."
)
DRAFT_NOT_VERIFIED = (
    "commit {commit} tidak terverifikasi sebagai main dari jangkar kepercayaan "
    "(lihat 'lkjip verify --branch main')."
)
