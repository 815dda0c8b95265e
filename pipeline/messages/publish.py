"""Messages of merging, the server hook, releases and archives (Bahasa Indonesia)."""

# --- merge (step 9) -----------------------------------------------------------------------
MERGE_NEED_ROUND = (
    "Sebutkan putaran yang digabung, mis. 'lkjip merge review/2025/1', atau jalankan dari "
    "cabang putarannya."
)
MERGE_NO_SUCH_ROUND = "Putaran '{round}' tidak ditemukan (cabang review/TAHUN/N)."
MERGE_NOT_VERIFIED = (
    "Putaran {round} belum sah, jadi tidak digabung ke main; tidak ada yang diubah:\n{reasons}"
)
MERGE_ALREADY = "Putaran {round} sudah digabung ke main."
MERGE_MAIN_MOVED = (
    "main sudah berubah sejak putaran {round} dimulai (titik awal {base}, main sekarang "
    "{main}): hasil gabungan akan memuat isi yang tidak pernah disetujui, jadi tidak digabung. "
    "Perbarui draft dengan 'git merge main', periksa, lalu buka putaran baru dengan "
    "'lkjip submit'."
)
MERGE_WRONG_ROLE = "{name} tidak dapat menggabung ke main; yang berhak: {roles} ({holders})."
MERGE_NO_STEP = "SOP yang berlaku tidak memuat langkah 'merge'; tidak ada yang berhak menggabung."
MERGE_SUBJECT = "{event} LKjIP {year}: gabung putaran {round} ke main"
MERGE_BODY = "{name} menerima LKjIP yang sudah ditandatangani (langkah {step})."
MERGE_MAIN_INVALID = "main tidak sah, jadi tidak ada yang digabung:\n{problems}"
MERGED = (
    "LKjIP putaran {round} {event} oleh {name} dan digabung ke main (commit {commit}). Kirim "
    "ke server dengan 'git push origin main'."
)

# --- verify --branch main -----------------------------------------------------------------
MAIN_OK = (
    "main {tip} sah: sejak jangkar {anchor} hanya berisi {merges} gabungan putaran yang "
    "disetujui dan {starts} perintah mulai siklus."
)
MAIN_FAILED = "main {tip} TIDAK sah (jangkar {anchor}):"
MAIN_ANCHOR_CANDIDATE = (
    "Commit pertama main di salinan ini yang memuat sop/roster.yaml: {commit}. Pakai sebagai "
    "jangkar hanya bila sama dengan id yang diberikan pengelola dari luar repositori ini."
)
MAIN_MERGE_LINE = "  gabungan {commit}: putaran {round}, isi {tree}"
ONLY_MAIN = "--branch hanya menerima 'main' (cabang putaran diperiksa dengan 'lkjip verify REV')."

# --- hook (server) ------------------------------------------------------------------------
HOOK_PREFIX = "lkjip"
HOOK_REJECTED = "DITOLAK {ref}: {reason}"
HOOK_ALL_REJECTED = (
    "Push ditolak seluruhnya; tidak ada ref yang berubah di server. Perbaiki lalu push ulang."
)
HOOK_DELETE = "menghapus {kind} tidak diizinkan"
HOOK_NON_FF = (
    "menulis ulang riwayat {kind} (push paksa / bukan fast-forward) tidak diizinkan; "
    "ambil versi server ('git pull') lalu tambahkan commit baru"
)
HOOK_TAG_MOVED = "tag rilis tidak boleh dipindahkan atau ditimpa"
HOOK_MAIN_INVALID = "main hasil push tidak sah:\n{problems}"
HOOK_TAG_NOT_COMMIT = "tag rilis harus menunjuk sebuah commit"
HOOK_TAG_NOT_ANNOTATED = (
    "tag rilis harus tag beranotasi bertanda tangan (buat dengan 'lkjip release')"
)
HOOK_TAG_NOT_ON_MAIN = "tag rilis menunjuk commit {commit} yang tidak berada di main"
HOOK_TAG_UNVERIFIED = "tag rilis menunjuk commit {commit} yang tidak sah:\n{problems}"
HOOK_TAG_SIGNATURE = "tanda tangan tag rilis tidak sah: {reason}"
HOOK_TAG_KEY_UNKNOWN = "tag rilis ditandatangani kunci {fingerprint} yang tidak ada di daftar peran"
HOOK_NO_ANCHOR = (
    "server belum dikonfigurasi: jangkar kepercayaan tidak ada. Pengelola server menjalankan "
    "'lkjip hook install --anchor COMMIT REPO.git'"
)
HOOK_REVIEW_OTHER = (
    "{ref} bukan nama cabang putaran (review/TAHUN/N); nama di bawah review/ hanya untuk "
    "putaran yang dibuka 'lkjip submit'"
)
HOOK_ROUND_NOT_NEXT = (
    "putaran {round} tidak dapat dibuat: nomor berikutnya yang kosong di server adalah "
    "{expected}. Ambil cabang dari server ('git fetch'), lalu buka putaran dengan 'lkjip submit'"
)
HOOK_ROUND_INVALID = "{round} bukan putaran sah: {reason}"
HOOK_ROUND_FROZEN_MERGED = (
    "putaran {round} sudah digabung ke main dan dibekukan; buka putaran baru dengan "
    "'lkjip submit'"
)
HOOK_ROUND_FROZEN_RETURNED = (
    "putaran {round} sudah dikembalikan dan dibekukan; perbaiki di cabang draft lalu buka "
    "putaran baru dengan 'lkjip submit'"
)
HOOK_ROUND_NEW_HANDOFF = (
    "putaran {round} sudah punya serah terima; serah terima baru berarti putaran baru "
    "('lkjip submit' memberi nomor berikutnya)"
)
HOOK_KIND_MAIN = "cabang main"
HOOK_KIND_ROUND = "cabang putaran"
HOOK_KIND_TAG = "tag rilis"
HOOK_KIND_RECORDS = "cabang catatan"
HOOK_BAD_INPUT = "masukan hook pre-receive tidak dikenali: '{line}'"
HOOK_NOT_BARE = "'{path}' bukan repositori Git bare (mis. /srv/git/lkjip.git)."
HOOK_EXISTS = (
    "'{path}' sudah memuat hook pre-receive lain; tidak ditimpa. Pindahkan dulu, atau "
    "gunakan --force bila memang ingin menggantinya."
)
HOOK_BAD_ANCHOR = "Jangkar '{rev}' bukan commit di repositori ini (atau id commit 40 heksa)."
HOOK_ANCHOR_UNKNOWN = (
    "Jangkar tidak dapat ditentukan: main belum ada atau belum memuat sop/roster.yaml. "
    "Push main dahulu atau berikan --anchor ID-COMMIT."
)
HOOK_INSTALLED = (
    "Hook pre-receive dipasang di {path} (jangkar {anchor}). Push ke main, cabang putaran "
    "dan tag rilis kini diperiksa di server."
)

# --- lembar pengesahan and PDF metadata ---------------------------------------------------
SHEET_TITLE = "LEMBAR PENGESAHAN"
SHEET_INTRO = (
    "Laporan ini telah dikoreksi, diparaf dan ditandatangani sesuai SOP 700/38/ITKAB/2021 "
    "pada putaran koreksi {round}, dengan tanda tangan elektronik (kunci SSH) berikut."
)
SHEET_COLUMNS = ("Langkah", "Tindakan", "Peran", "Nama", "NIP", "Tanggal")
SHEET_PROVENANCE = "Laporan ini dibangun dari:"
SHEET_COMMIT_LABEL = "commit"
SHEET_TREE_LABEL = "isi (tree)"
SHEET_WHEN = "{date}, pukul {time} WIB"
ATTACH_MANIFEST = "Manifes sumber: commit, isi dan rantai paraf laporan ini"
ATTACH_DATA = "Data LKjIP (YAML) yang dipakai membangun laporan ini"

# --- release (step 10) --------------------------------------------------------------------
RELEASE_MAIN_INVALID = "main tidak sah, jadi tidak dirilis:\n{problems}"
RELEASE_NO_MERGE = "main belum memuat putaran yang disetujui; belum ada yang dirilis."
RELEASE_NOT_IN_ROSTER = (
    "Kunci Anda ({fingerprint}) tidak ada di daftar peran main; rilis ditandatangani oleh "
    "pemegang peran."
)
RELEASE_TAG_SUBJECT = "LKjIP {year}: rilis {tag} (putaran {round})"
RELEASE_TAG_BODY = "Arsip: manifest.json sha256 {digest}\nCommit {commit}, isi {tree}."
RELEASE_EXISTS = "Folder arsip '{path}' sudah ada; tidak ditimpa."
RELEASED = (
    "Rilis {tag} dibuat pada commit {commit}. Arsip: {path}. Kirim tag dengan "
    "'git push origin {tag}'."
)

# --- verify-archive -----------------------------------------------------------------------
ARCHIVE_NO_MANIFEST = "'{path}' bukan arsip lkjip: manifest.json tidak ada atau rusak."
ARCHIVE_CHANGED = "berkas {name} berubah (sha256 {actual}, seharusnya {expected})"
ARCHIVE_MISSING = "berkas {name} hilang dari arsip"
ARCHIVE_EXTRA = "berkas {name} tidak tercantum di manifest"
ARCHIVE_NO_SIGNATURE = "manifest.json.sig tidak ada: manifest tidak ditandatangani"
ARCHIVE_BAD_SIGNATURE = (
    "tanda tangan manifest tidak sah atau bukan oleh kunci yang Anda percayai"
)
ARCHIVE_NO_TRUST = (
    "kunci yang dipercaya belum diberikan. Berkas allowed_signers di dalam arsip hanya "
    "keterangan: siapa pun yang dapat mengubah PDF dapat mengubahnya juga. Berikan "
    "--allowed-signers BERKAS (buat dengan 'lkjip roster allowed-signers --rev main > BERKAS' "
    "dari repositori kantor) atau --repo FOLDER-REPOSITORI"
)
ARCHIVE_COMMIT_UNKNOWN = "commit {commit} yang disebut manifest tidak ada di repositori"
ARCHIVE_TREE_DIFFERS = (
    "isi (tree) commit {commit} di repositori berbeda dengan yang disebut manifest"
)
ARCHIVE_CHAIN_INVALID = (
    "riwayat main sampai commit {commit} tidak sah, jadi daftar perannya tidak dipercaya:\n"
    "{problems}"
)
ARCHIVE_OK = (
    "Arsip {tag} sah: {count} berkas cocok dengan manifest; manifest ditandatangani "
    "NIP {signer} dengan kunci {fingerprint}. Commit {commit}."
)
ARCHIVE_FAILED = "Arsip {path} TIDAK sah:"
ARCHIVE_NOT_A_REPO = "'{path}' bukan repositori git."

# --- lkjip deliver (SOP step 10: archive and hand-over) ------------------------------------
DELIVER_HELP = (
    "langkah 10: catat penyerahan LKjIP yang sudah dirilis (hard copy dan soft copy) kepada "
    "Bagian Organisasi Sekretariat Daerah"
)
DELIVER_NO_RELEASE = (
    "Belum ada rilis LKjIP {year} (tag lkjip-{year}). Jalankan lkjip release dahulu, lalu "
    "lkjip deliver."
)
DELIVER_NO_TAG = "Tag rilis '{tag}' tidak ada di repositori ini."
DELIVER_TAG_INVALID = "Tag rilis {tag} tidak dapat dipercaya: {reason}"
DELIVER_NO_ARCHIVE = (
    "Arsip rilis {path} tidak ada di komputer ini. Sebutkan foldernya dengan --archive."
)
DELIVER_ARCHIVE_INVALID = "Arsip {path} tidak sah, jadi tidak diserahkan:\n{problems}"
DELIVER_ARCHIVE_NOT_TAG = (
    "Arsip {path} bukan arsip yang dinamai tag {tag} (sha256 manifest.json berbeda dengan "
    "yang tercatat di tag)."
)
DELIVER_COPIES = "Jumlah eksemplar (--copies) harus bilangan bulat 1 atau lebih."
DELIVER_RECEIPT_TYPE = (
    "Tanda terima {path} harus berkas .pdf, .jpg, .jpeg atau .png (hasil pindai)."
)
DELIVER_ALREADY = "Penyerahan {tag} sudah tercatat di arsip {path}; tidak ditimpa."
DELIVER_SUBJECT_BODY = (
    "{tag} (PDF {pdf}, sha256 {digest}) diserahkan kepada {to}: {copies} eksemplar hard copy "
    "dan soft copy."
)
DELIVERED = (
    "Penyerahan {tag} kepada {to} tercatat ({branch}, commit {commit}); lampiran penyerahan "
    "ditulis ke {path}. Kirim: git push origin {branch}"
)
ADDENDUM_BAD_SIGNATURE = (
    "lampiran penyerahan (penyerahan/penyerahan.json) tidak ditandatangani kunci yang "
    "dipercaya"
)
ADDENDUM_OTHER_ARCHIVE = "lampiran penyerahan menyebut arsip lain (sha256 manifest.json berbeda)"
ADDENDUM_BROKEN = "lampiran penyerahan (penyerahan/penyerahan.json) rusak atau tidak ada"

# lkjip ci-summary: the job summary of CI on main and on tags
CI_HELP = (
    "ringkasan untuk CI: apakah yang diterbitkan laporan final atau pratinjau DRAF, dan "
    "langkah penyiapan mana yang belum dilakukan (Markdown)"
)
CI_HELP_OUT = "tambahkan ringkasan juga ke BERKAS (mis. $GITHUB_STEP_SUMMARY)"
CI_HELP_STRICT = "keluar dengan kode 1 kecuali laporan final (untuk tag rilis)"
CI_TITLE_FINAL = "## LKjIP: laporan final"
CI_TITLE_DRAFT = "## LKjIP: pratinjau bertanda DRAF"
CI_TITLE_NO_RELEASE = "## LKjIP: rilis TIDAK dibuat"
CI_NO_RELEASE = (
    "Tag rilis hanya dilampiri PDF dan situs bila commit-nya terverifikasi sebagai main dari "
    "jangkar kepercayaan. Selesaikan langkah yang belum dicentang di bawah ini, lalu jalankan "
    "ulang job ini."
)
CI_FINAL = (
    "Commit {commit} terverifikasi sebagai main dari jangkar {anchor} ({merges} gabungan "
    "putaran yang disetujui). Situs dan PDF yang diterbitkan adalah laporan final, tanpa tanda "
    "DRAF."
)
CI_PREVIEW = (
    "Penyiapan kantor belum selesai, jadi situs dan PDF diterbitkan sebagai **pratinjau bertanda "
    "DRAF** (spanduk di setiap halaman situs, tanda air di setiap halaman PDF). Laporan final "
    "terbit otomatis setelah langkah yang belum dicentang di bawah ini selesai dan "
    "`lkjip verify --branch main` lolos."
)
CI_FAILED = (
    "**main TIDAK terverifikasi** dari jangkar kepercayaan. Tidak ada laporan final yang "
    "diterbitkan. Jalankan `lkjip verify --branch main` di salinan kantor untuk rinciannya."
)
CI_CHECKLIST = "Penyiapan:"
CI_ROSTER_OK = "Daftar personel `sop/roster.yaml` ada di commit ini."
CI_ROSTER_MISSING = (
    "Daftar personel `sop/roster.yaml` belum ada. Inspektur dan pengelola menambahkan setiap "
    "orang dengan `lkjip roster add --role ... --name ... --nip ... --key KUNCI.pub`, lalu "
    "meng-commit dan mendorong ke main (docs-workflow.md, \"Sekali saja\")."
)
CI_ANCHOR_OK = "Jangkar kepercayaan diatur: {anchor}."
CI_ANCHOR_MISSING = (
    "Jangkar kepercayaan belum diatur: isi variabel `LKJIP_ANCHOR` dengan id commit pertama "
    "main yang memuat `sop/roster.yaml` ({where})."
)
CI_ANCHOR_WHERE = {
    "github": "Settings > Secrets and variables > Actions > tab Variables > New repository "
              "variable",
    "gitea": "Settings > Actions > Variables > Add Variable",
    "gitlab": "Settings > CI/CD > Variables > Add variable, centang \"Protect variable\"",
    "local": "atau `git config lkjip.anchor COMMIT` di salinan ini",
}
CI_ANCHOR_CANDIDATE = (
    "Commit pertama main yang memuat `sop/roster.yaml` di salinan ini: `{commit}`. Pakai hanya "
    "bila sama dengan id yang dicatat pengelola di luar repositori."
)
CI_VERIFY_WAITING = "`lkjip verify --branch main` menunggu jangkar kepercayaan."
CI_VERIFY_OK = "`lkjip verify --branch main` lolos untuk commit ini."
CI_VERIFY_FAILED = "`lkjip verify --branch main` GAGAL untuk commit ini:"
CI_CHANGED = "berkas laporan berbeda dari commit: {path}"

# lkjip release-assets (Gitea / Forgejo)
FORGE_HELP = (
    "lampirkan BERKAS ke rilis tag ini di Gitea/Forgejo lewat API-nya, dengan token job CI "
    "(variabel FORGE_TOKEN)"
)
FORGE_HELP_TAG = "tag rilis (bawaan: GITHUB_REF_NAME dari CI)"
FORGE_MISSING = "tidak dapat melampirkan ke rilis: {names} tidak diisi (lihat templat CI)."
FORGE_NO_FILE = "berkas {path} tidak ada; jalankan 'lkjip build' dulu."
FORGE_UNREACHABLE = "API forge {api} tidak dapat dihubungi: {reason}"
FORGE_RELEASE_NAME = "LKjIP {tag}"
FORGE_RELEASE_BODY = "Dibangun oleh CI dari tag yang terverifikasi (lkjip ci-summary --strict)."
FORGE_RELEASE_REFUSED = (
    "forge menolak membaca atau membuat rilis tag {tag} (HTTP {status}); periksa bahwa token "
    "job boleh menulis rilis."
)
FORGE_ASSET_REFUSED = "forge menolak lampiran {name} (HTTP {status})."
FORGE_ASSET_DONE = "Terlampir pada rilis {tag}: {name}"
