"""Messages about what a revision may not do: run code, read local files, carry scripts."""

# --- mkdocs.yml ---------------------------------------------------------------------------
CONFIG_FILE_BAD = "mkdocs.yml tidak dapat dipakai; perbaiki dulu masalah berikut:\n{problems}"
CONFIG_NOT_MAPPING = "isi mkdocs.yml harus berupa pemetaan 'kunci: nilai' di tingkat atas"
CONFIG_UNKNOWN_KEY = (
    "pengaturan '{key}' tidak dikenal lkjip dan tidak dipakai; yang boleh: {allowed}"
)
CONFIG_FORBIDDEN_KEY = (
    "pengaturan '{key}' tidak diizinkan: {why}. Hapus baris ini"
)
CONFIG_WHY = {
    "hooks": "berkas Python di 'hooks:' akan dijalankan saat laporan dibangun",
    "INHERIT": "mkdocs.yml harus lengkap dalam satu berkas agar seluruhnya terlihat saat ditinjau",
    "extra_javascript": "skrip akan dijalankan di setiap halaman situs",
    "extra_css": "gaya tambahan dapat menyembunyikan atau mengubah isi laporan",
    "custom_dir": "templat tema sendiri dapat membaca berkas dan mengubah setiap halaman",
    "watch": "membuat MkDocs membaca folder di luar laporan",
    "analytics": "memuat skrip dari internet di setiap halaman",
    "pdf": "menunjuk berkas mana pun di komputer untuk diterbitkan sebagai PDF",
}
CONFIG_TYPE = "nilai '{key}' harus {kind}"
CONFIG_KINDS = {
    "text": "teks",
    "bool": "true atau false",
    "int": "bilangan bulat",
    "list": "daftar",
    "mapping": "pemetaan 'kunci: nilai'",
    "text_or_bool": "teks atau true/false",
    "int_or_text": "bilangan bulat atau teks",
}
CONFIG_PLAIN_TEXT = (
    "'{key}' hanya boleh berisi teks biasa: tanda < > \" dan karakter kendali tidak diizinkan"
)
CONFIG_LOCAL_PATH = (
    "'{key}' harus jalur relatif di dalam laporan (tanpa '..', tanpa '/' di depan, "
    "tanpa alamat internet), bukan '{value}'"
)
CONFIG_NAV_ITEM = (
    "isi nav harus 'Judul: berkas.md' (berkas di folder konten) atau alamat http(s), "
    "bukan '{value}'"
)
CONFIG_THEME = "tema harus 'material' (tema lain tidak didukung lkjip), bukan '{value}'"
CONFIG_FONT = (
    "'theme.font' harus false: font dari Google diambil dari internet setiap halaman dibuka"
)
CONFIG_PLUGIN = (
    "plugin '{name}' tidak diizinkan; plugin menjalankan kode saat laporan dibangun. "
    "Yang boleh: {allowed}"
)
CONFIG_EXTENSION = (
    "ekstensi Markdown '{name}' tidak diizinkan; ekstensi menjalankan kode saat laporan "
    "dibangun. Yang boleh: {allowed}"
)
CONFIG_EXTENSION_READS_FILES = (
    "ekstensi Markdown '{name}' tidak diizinkan: ia menyisipkan isi berkas mana pun dari "
    "komputer yang membangun laporan"
)
CONFIG_OPTION = "opsi '{option}' untuk '{name}' tidak diizinkan; yang boleh: {allowed}"
CONFIG_NO_OPTIONS = "'{name}' tidak menerima opsi di lkjip"
CONFIG_NONE = "(tidak ada)"

# --- raw HTML in content ------------------------------------------------------------------
HTML_TAG = (
    "tag HTML <{tag}> tidak diizinkan di laporan ({why}); tag ini dibuang saat dibangun"
)
HTML_TAG_WHY = {
    "script": "menjalankan skrip",
    "style": "dapat mengubah tampilan seluruh halaman",
    "iframe": "menyisipkan halaman lain",
    "form": "formulir dapat mengirim data",
    "object": "menyisipkan program",
    "embed": "menyisipkan program",
    "link": "memuat berkas lain",
    "meta": "mengubah perilaku halaman",
    "base": "mengubah arah semua tautan",
}
HTML_TAG_OTHER = "bukan bagian dari isi laporan"
HTML_HANDLER = (
    "atribut '{attribute}' pada <{tag}> menjalankan skrip; atribut ini dibuang saat dibangun"
)
HTML_ATTRIBUTE = "atribut '{attribute}' pada <{tag}> tidak diizinkan; dibuang saat dibangun"
HTML_URL = (
    "alamat '{url}' pada <{tag}> tidak diizinkan ({why}); pakai berkas di folder konten "
    "atau alamat http(s)"
)
HTML_URL_WHY = {
    "javascript": "menjalankan skrip",
    "vbscript": "menjalankan skrip",
    "file": "membaca berkas dari komputer yang membangun laporan",
    "data": "hanya gambar yang boleh disisipkan sebagai data",
}
HTML_ATTACHMENT = (
    "rel=\"attachment\" tidak diizinkan: berkas yang ditunjuk akan ditempelkan ke PDF"
)
ATTR_LIST_HANDLER = (
    "atribut '{attribute}' dalam {{: ... }} menjalankan skrip; atribut ini dibuang saat dibangun"
)

# --- files --------------------------------------------------------------------------------
SYMLINK = (
    "tautan simbolik tidak diizinkan di {folder}/ (ia bisa menunjuk berkas rahasia di komputer "
    "yang membangun laporan); ganti dengan berkas biasa"
)
SYMLINKS_REFUSED = "laporan tidak dibangun: ada tautan simbolik\n{problems}"

# --- rendering a revision that is not approved --------------------------------------------
ISOLATED_TIMEOUT = (
    "menampilkan {what} dihentikan: lebih dari {seconds} detik (batas waktu untuk revisi "
    "yang belum disetujui)"
)
ISOLATED_FAILED = "menampilkan {what} gagal: {reason}"
ISOLATED_CRASHED = (
    "menampilkan {what} gagal (proses terhenti, kode {code}); mungkin melebihi batas memori "
    "atau waktu untuk revisi yang belum disetujui"
)
ISOLATED_UNREADABLE = "jawaban proses penampil tidak terbaca"
SNAPSHOT_TOO_LARGE = (
    "revisi {rev} terlalu besar untuk ditampilkan ({what}); batasnya {limit}"
)
SNAPSHOT_FILES = "{count} berkas"
SNAPSHOT_BYTES = "{size} bita"
NOT_SANDBOXED = (
    "catatan: bwrap (paket bubblewrap) tidak terpasang, jadi revisi dirender di proses terpisah "
    "tanpa kotak pasir; pasang bubblewrap untuk perlindungan penuh"
)
