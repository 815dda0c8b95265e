"""Messages of the command-line layer itself."""

ERROR_PREFIX = "galat"
INTERRUPTED = "Dihentikan oleh pengguna; tidak ada yang diubah setengah jalan."
INTERNAL_ERROR = (
    "Terjadi kesalahan internal pada lkjip ({kind}). Ini bukan kesalahan Anda; "
    "kirimkan berkas {log} kepada pengelola lkjip."
)
NOT_IN_PROJECT = (
    "Folder ini bukan repositori LKjIP (tidak ada mkdocs.yml dan data/). "
    "Jalankan perintah dari folder repositori atau gunakan --root."
)
VERSION_HELP = "tampilkan versi lkjip lalu keluar"

# argparse's own texts (it looks them up through gettext), in Bahasa Indonesia.
ARGPARSE = {
    "usage: ": "cara pakai: ",
    "positional arguments": "argumen",
    "options": "opsi",
    "show this help message and exit": "tampilkan bantuan ini lalu keluar",
    "show program's version number and exit": "tampilkan versi lkjip lalu keluar",
    "%(prog)s: error: %(message)s\n": "%(prog)s: galat: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumen %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "argumen berikut wajib diisi: %s",
    "unrecognized arguments: %s": "argumen tidak dikenal: %s",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "pilihan tidak dikenal: %(value)r (pilih salah satu: %(choices)s)",
    "invalid %(type)s value: %(value)r": "nilai %(type)s tidak sah: %(value)r",
    "expected one argument": "perlu satu nilai",
    "expected at most one argument": "paling banyak satu nilai",
    "expected at least one argument": "perlu paling sedikit satu nilai",
    "ambiguous option: %(option)s could match %(matches)s":
        "opsi ambigu: %(option)s bisa berarti %(matches)s",
    "not allowed with argument %s": "tidak boleh bersama argumen %s",
    "one of the arguments %s is required": "salah satu argumen %s wajib diisi",
    "ignored explicit argument %r": "nilai %r diabaikan",
}
HELP_KEY = "kunci SSH penanda tangan (bawaan: git config user.signingkey)"
