"""Messages of the command-line layer itself."""

ERROR_PREFIX = "galat"
INTERRUPTED = "Dihentikan oleh pengguna; tidak ada yang diubah setengah jalan."
INTERNAL_ERROR = (
    "Terjadi kesalahan internal pada lkjip ({kind}). Ini bukan kesalahan Anda; "
    "laporkan ke pengelola dengan menjalankan ulang perintah dengan LKJIP_DEBUG=1."
)
NOT_IN_PROJECT = (
    "Folder ini bukan repositori LKjIP (tidak ada mkdocs.yml dan data/). "
    "Jalankan perintah dari folder repositori atau gunakan --root."
)
