"""Messages of the SOP workflow: roster, rounds, paraf, signature, verification, status.

The same texts are shown by the CLI, and later by the server hook and the review page.
Placeholders in braces are filled with ``str.format``.
"""

# --- repository and work tree -------------------------------------------------------------
NOT_A_REPOSITORY = "Folder ini bukan repositori Git. Masuk ke folder repositori LKjIP dahulu."
NO_COMMITS = "Repositori ini belum punya commit apa pun."
NO_MAIN = "Cabang '{main}' belum ada. Alur SOP membutuhkan cabang utama '{main}'."
DETACHED_HEAD = (
    "Anda tidak sedang berada di sebuah cabang (HEAD terlepas). "
    "Pindah ke cabang draft atau cabang putaran dengan 'git switch NAMA-CABANG'."
)
DIRTY_WORKTREE = (
    "Ada perubahan yang belum di-commit ({files}). Tidak ada yang diubah. "
    "Simpan dulu dengan 'git commit' (atau buang/pindahkan berkas itu), lalu ulangi."
)
NO_GIT_IDENTITY = (
    "Nama dan e-mail Git belum diatur. Jalankan 'git config --global user.name \"Nama Anda\"' "
    "dan 'git config --global user.email \"email@anda\"'."
)
BRANCH_MOVED = (
    "Cabang '{branch}' berubah selagi perintah berjalan (atau sudah ada). Tidak ada yang "
    "diubah; ambil versi terbaru lalu ulangi."
)
WOULD_NOT_VERIFY = (
    "Langkah ini dibatalkan karena hasilnya tidak akan lolos pemeriksaan: {problems}. "
    "Tidak ada yang diubah."
)

# --- keys and signatures ------------------------------------------------------------------
NO_SSH_KEYGEN = (
    "Program 'ssh-keygen' (OpenSSH) tidak ditemukan. Pasang OpenSSH client agar tanda tangan "
    "bisa dibuat dan diperiksa."
)
NO_KEY = (
    "Kunci penanda tangan belum ditentukan. Berikan --key BERKAS atau atur "
    "'git config user.signingkey ~/.ssh/id_ed25519.pub'."
)
KEY_NOT_FOUND = "Berkas kunci '{path}' tidak ditemukan."
KEY_UNREADABLE = (
    "Kunci '{path}' tidak bisa dibaca sebagai kunci SSH. Gunakan kunci SSH Anda "
    "(mis. ~/.ssh/id_ed25519 atau ~/.ssh/id_ed25519.pub)."
)
SIGN_FAILED = (
    "Tanda tangan gagal dibuat oleh ssh-keygen ({detail}). Jika kunci Anda berkata sandi, "
    "tambahkan dulu ke ssh-agent dengan 'ssh-add'."
)
SIGN_WRONG_KEY = (
    "Tanda tangan yang dihasilkan tidak cocok dengan kunci publik yang diberikan. "
    "Periksa bahwa berkas .pub sepasang dengan kunci rahasianya. Tidak ada yang diubah."
)
SIG_NOT_SSH = "tanda tangan bukan tanda tangan SSH (hanya SSH yang diterima)"
SIG_MALFORMED = "tanda tangan SSH rusak atau tidak lengkap"
SIG_NAMESPACE = "tanda tangan dibuat untuk keperluan '{namespace}', bukan 'git'"
SIG_INVALID = (
    "tanda tangan tidak cocok dengan isi commit (isi diubah atau tanda tangan dipindahkan)"
)

# --- commit objects -----------------------------------------------------------------------
COMMIT_NO_MESSAGE = "objek commit tidak berformat benar (tidak ada pesan)"
COMMIT_BAD_HEADER = "objek commit memiliki kepala '{header}' yang tidak sah"
COMMIT_UNEXPECTED_HEADERS = (
    "objek commit memuat kepala yang tidak dikenal lkjip ({headers}); demi keamanan ditolak"
)
COMMIT_DUPLICATE_SIGNATURE = "objek commit memuat lebih dari satu tanda tangan (gpgsig); ditolak"
COMMIT_NOT_UTF8 = "objek commit tidak ditulis dalam UTF-8"
COMMIT_BAD_TRAILER = "pesan commit memuat keterangan '{key}' yang berulang atau tidak dikenal"
COMMIT_TRAILER_MISPLACED = (
    "pesan commit memuat keterangan lkjip di luar bagian akhir pesan ('{line}')"
)

# --- SOP definition -----------------------------------------------------------------------
SOP_INVALID = "Definisi SOP {path} tidak dapat dipakai: {detail}"
SOP_NEEDS_ROLES = "harus memuat 'roles' dan 'steps'"
SOP_BAD_ROLE = "nama peran '{role}' tidak sah (huruf kecil, angka, garis bawah)"
SOP_BAD_STEP = "langkah {step} tidak lengkap atau salah ({detail})"
SOP_STEP_NUMBERS = "nomor langkah harus unik dan berurutan naik"
SOP_UNKNOWN_ROLE = "langkah {step} menyebut peran yang tidak ada di 'roles': {role}"
SOP_UNKNOWN_ACTION = "langkah {step} memakai action '{action}' yang tidak dikenal"
SOP_APPROVAL_ONE_ROLE = "langkah {step} (paraf/tanda tangan) harus dilakukan tepat satu peran"
SOP_NEEDS_ACTION = "harus ada tepat satu langkah dengan action '{action}'"
SOP_SIGN_LAST = "harus ada tepat satu langkah 'sign', sesudah semua langkah 'paraf'"
SOP_APPROVAL_ROLES_DISTINCT = "setiap paraf dan tanda tangan harus oleh peran yang berbeda"

# --- roster -------------------------------------------------------------------------------
ROSTER_INVALID = "Daftar peran {path} tidak dapat dibaca: {detail}"
ROSTER_NEEDS_PEOPLE = "harus memuat daftar 'people'"
ROSTER_BAD_ENTRY = "entri ke-{n} tidak lengkap atau salah ({detail})"
ROSTER_DUPLICATE = "entri ke-{n} memakai NIP atau kunci yang sudah dipakai entri lain"
ROSTER_BAD_NIP = "NIP '{nip}' tidak sah: NIP terdiri dari tepat 18 angka 0-9 biasa."
ROSTER_CONTROL_CHAR = "{what} memuat karakter kendali atau tak terlihat ({code})"
ROSTER_EMPTY_FIELD = "{what} kosong"
ROSTER_TOO_LARGE = "berkas lebih dari {limit} bita"
ROSTER_TOO_MANY_HOLDERS = (
    "menurut SOP, peran {role} hanya boleh dipegang satu orang, tetapi daftar ini memberikannya "
    "kepada {names}"
)
ROSTER_UNKNOWN_ROLE = "Peran '{role}' tidak dikenal. Peran yang ada: {roles}."
ROSTER_KEY_TAKEN = "Kunci ini sudah terdaftar atas nama {name} (NIP {nip})."
ROSTER_ROLE_TAKEN = (
    "Peran '{role}' hanya boleh dipegang satu orang dan kini dipegang {name} (NIP {nip}). "
    "Hapus dulu dengan 'lkjip roster remove --nip {nip}'."
)
ROSTER_OTHER_KEY = (
    "{name} (NIP {nip}) sudah terdaftar dengan kunci lain. Satu orang satu kunci: hapus "
    "dulu entrinya bila kuncinya diganti."
)
ROSTER_ALREADY = "{name} sudah memegang peran '{role}'."
ROSTER_NO_SUCH_NIP = "Tidak ada orang dengan NIP {nip} di daftar peran."
ROSTER_KEY_FILE = "Berkas kunci publik '{path}' tidak bisa dibaca sebagai kunci SSH."
ROSTER_ADDED = (
    "{name} ditambahkan sebagai {role} ke {path}. Perubahan ini berlaku setelah di-commit dan "
    "masuk ke main melalui putaran yang disetujui."
)
ROSTER_REMOVED = (
    "{name} (NIP {nip}) dihapus dari {path}. Setelah perubahan ini masuk ke main, semua paraf "
    "dengan kuncinya di putaran yang belum digabung menjadi batal."
)
ROSTER_EMPTY = "Daftar peran masih kosong."
ROSTER_UNAPPROVED = (
    "daftar peran (sop/roster.yaml) diubah di main di luar putaran yang disetujui; "
    "daftar itu tidak dipercaya"
)

# --- identity and turns -------------------------------------------------------------------
NOBODY = "(belum ada yang memegang peran ini)"
YOU_ARE_NOT_IN_ROSTER = (
    "Kunci Anda ({fingerprint}) tidak terdaftar di daftar peran yang berlaku untuk putaran "
    "ini. Minta Kasubbag Perencanaan mendaftarkan Anda dengan 'lkjip roster add'."
)
YOU_ARE_REVOKED = (
    "Kunci Anda ({fingerprint}) sudah dicabut dari daftar peran di main; paraf dengan kunci "
    "ini tidak berlaku lagi."
)
NOT_YOUR_TURN = (
    "Bukan giliran Anda. {name} memegang peran {yours}, sedangkan sekarang giliran {role} "
    "(langkah {step}): {holders}."
)
ALREADY_OTHER_ROLE = (
    "{name} sudah memberi paraf sebagai {earlier} di putaran ini; satu orang tidak boleh "
    "memberi paraf untuk dua peran ({role})."
)

# --- start --------------------------------------------------------------------------------
START_WRONG_ROLE = "{name} tidak dapat memulai siklus LKjIP; yang dapat: {roles}."
START_ALREADY = "Siklus LKjIP tahun {year} sudah dimulai."
START_SUBJECT = "Nota dinas: mulai penyusunan LKjIP tahun {year}"
START_BODY = "{name} memerintahkan: {activity} (tahun {year})."
STARTED = "Siklus LKjIP tahun {year} dimulai oleh {name} (commit {commit})."
CYCLE_NOT_STARTED = (
    "Siklus LKjIP tahun {year} belum dimulai. Inspektur memulainya dengan "
    "'lkjip start --year TAHUN'."
)

# --- submit -------------------------------------------------------------------------------
SUBMIT_NOT_FROM_DRAFT = (
    "'lkjip submit' dijalankan dari cabang draft (mis. draft/bab-3), bukan dari '{branch}'."
)
SUBMIT_BEHIND_MAIN = (
    "Cabang '{branch}' belum memuat versi terbaru '{main}'. Gabungkan dulu "
    "('git merge {main}'), periksa hasilnya, lalu ulangi."
)
SUBMIT_WRONG_ROLE = "{name} tidak dapat menyerahkan draft untuk dikoreksi; yang dapat: {roles}."
SUBMIT_ROUND_OPEN = (
    "Putaran {round} masih berjalan. Putaran baru dibuka setelah putaran itu dikembalikan "
    "('lkjip return') atau digabung ke main."
)
SUBMIT_INCOMPLETE = (
    "Draft belum lengkap ({count} masalah); tidak ada yang diubah. Perbaiki dulu:\n{problems}"
)
# {event}: pipeline.messages.events.event_name of the event (capital or past participle).
SUBMIT_SUBJECT = "{event} draft LKjIP {year} untuk koreksi (putaran {year}/{number})"
SUBMIT_BODY = "Draft dari cabang {draft}, diserahkan oleh {name}."
SUBMITTED = (
    "Draft {event}: putaran koreksi {branch} dibuka. Sekarang giliran {role}: {names}."
)

# --- paraf, sign, return ------------------------------------------------------------------
NOT_ON_ROUND = (
    "Cabang '{branch}' bukan cabang putaran koreksi. Pindah dulu ke cabangnya, mis. "
    "'git switch review/2025/1'."
)
ROUND_WITHOUT_HANDOFF = "Cabang '{branch}' tidak memuat serah terima putaran (lkjip submit)."
ROUND_HAS_PROBLEMS = "Putaran {round} bermasalah; tidak ada yang diubah:\n{problems}"
ROUND_MERGED = "Putaran {round} sudah digabung ke main; tidak ada lagi yang perlu diparaf."
ROUND_RETURNED = (
    "Putaran {round} sudah ditutup karena dikembalikan untuk diperbaiki. Perbaikan dibuat di "
    "draft, lalu 'lkjip submit' membuka putaran berikutnya."
)
ROUND_COMPLETE = "Putaran {round} sudah lengkap paraf dan tanda tangannya."
USE_SIGN = "Langkah ini adalah tanda tangan {role}: gunakan 'lkjip sign'."
SIGN_TOO_EARLY = "Belum bisa ditandatangani: masih menunggu paraf {missing}."
RETURN_NEEDS_NOTE = (
    "Tuliskan catatan koreksi dengan --note \"...\" agar penerima tahu apa yang diperbaiki."
)
APPROVAL_SUBJECT = "{event} {role}: {name} (putaran {round})"
RETURN_SUBJECT = "{event} oleh {role} kepada {to} (putaran {round})"
APPROVAL_DONE = "{event} {role} tercatat (putaran {round}, commit {commit})."
ROUND_NOW_COMPLETE = "Putaran lengkap."
RETURN_DONE = (
    "Putaran {round} {event} kepada {to}. Perbaikan dibuat di draft, lalu "
    "'lkjip submit' membuka putaran berikutnya."
)
NEXT_TURN = "Berikutnya giliran {role}: {names}."

# --- verify -------------------------------------------------------------------------------
NOT_A_ROUND = (
    "'{rev}' tidak berada dalam putaran koreksi (tidak ada serah terima 'lkjip submit' di "
    "riwayatnya)."
)
BAD_REV = "Revisi '{rev}' tidak ditemukan."
VERIFY_OK = "Putaran {round}: isi {tree} sah, diparaf dan ditandatangani lengkap."
VERIFY_FAILED = "Putaran {round} TIDAK sah:"
VERIFY_CHAIN_HEADER = "Rantai persetujuan:"
VERIFY_CHAIN_ITEM = (
    "  {step:>2}. {event} {role}: {name} (NIP {nip}), {time}, {fingerprint}, commit {commit}"
)
VERIFY_RETURNED = "putaran {round} dikembalikan oleh {role}, tidak disetujui"
VERIFY_INCOMPLETE = (
    "putaran {round} belum lengkap: belum ada {missing}; sekarang giliran {role} ({names})"
)
V_UNSIGNED = "commit ini tidak ditandatangani"
V_BAD_SIGNATURE = "tanda tangan tidak sah: {reason}"
V_KEY_REVOKED = (
    "kunci {name} (NIP {nip}, {fingerprint}) sudah dicabut dari daftar peran di main; "
    "parafnya batal"
)
V_KEY_NOT_IN_ROSTER = (
    "ditandatangani dengan kunci {fingerprint} yang tidak ada di daftar peran yang berlaku "
    "untuk putaran ini"
)
V_IDENTITY_MISMATCH = (
    "commit mengaku dari {claimed}, tetapi kuncinya milik {name} (NIP {nip})"
)
V_ROUND_MISMATCH = "commit menyebut putaran {claimed}, padahal berada di putaran {round}"
V_HANDOFF_ROLE = "serah terima oleh {name}, padahal yang berhak menyerahkan: {roles}"
V_BAD_TRAILERS = "keterangan lkjip di pesan commit tidak sesuai SOP"
V_BASE = (
    "titik awal putaran (Lkjip-Base) tidak berada di main atau bukan leluhur putaran ini"
)
V_AFTER_CLOSE = "ada commit sesudah putaran ditutup (dikembalikan atau ditandatangani)"
V_MERGE_IN_ROUND = "commit gabungan (merge) tidak boleh ada di dalam putaran"
V_UNEXPECTED_ACTION = "langkah '{action}' tidak boleh ada di dalam putaran"
V_CHANGES_CONTENT = "commit paraf/tanda tangan mengubah isi; paraf harus atas isi yang sama"
V_NOT_ROLE_HOLDER = "{name} memberi paraf sebagai {role}, padahal perannya {roles}"
V_WRONG_ORDER = "paraf {role} tidak pada urutannya: yang seharusnya lebih dulu {expected}"
V_ACTION_MISMATCH = (
    "{role} melakukan '{action}', padahal SOP menetapkan '{expected}' pada langkah ini"
)
V_TWO_ROLES = (
    "{name} memberi paraf sebagai {role} padahal sudah memberi paraf sebagai {earlier} "
    "di putaran ini; satu orang tidak boleh memegang dua peran dalam satu putaran"
)
V_RETURN_ADDRESSEE = "dikembalikan kepada {to}, padahal SOP menetapkan kepada {expected}"
VOIDED = "Paraf {role} oleh {name} batal karena isi berubah sesudahnya."

# --- status -------------------------------------------------------------------------------
POS_DRAFTING = "Penyusunan draft (langkah 2-5): belum ada putaran koreksi."
POS_IN_ROUND = "Putaran {round} sedang dikoreksi (langkah {step})."
POS_RETURNED = "Putaran {round} dikembalikan untuk diperbaiki."
POS_SIGNED = "Putaran {round} sudah ditandatangani, menunggu digabung ke main (lkjip merge)."
POS_MERGED = "Putaran {round} sudah digabung ke main: LKjIP selesai."
POS_INVALID = "Putaran {round} bermasalah dan tidak dapat dilanjutkan; buka putaran baru."
WHAT_SUBMIT = "menyerahkan draft untuk dikoreksi (lkjip submit)"
WHAT_RESUBMIT = "membuka putaran baru dari draft yang benar (lkjip submit)"
WHAT_MERGE = "menerima LKjIP yang sudah ditandatangani (lkjip merge)"
WHAT_PARAF = "mengoreksi lalu memberi paraf (lkjip paraf) atau mengembalikan (lkjip return)"
WHAT_SIGN = "mengoreksi lalu menandatangani (lkjip sign) atau mengembalikan (lkjip return)"
STATUS_TITLE = "Siklus LKjIP tahun {year} (dimulai {time} oleh {name})"
STATUS_POSITION = "Posisi: {position}"
STATUS_NEXT = "Berikutnya: {role} ({names}), langkah {step}: {what}"
STATUS_WAITED = "Menunggu sejak {since}: {waited} (mutu baku {standard})"
STATUS_OVERDUE = "TERLAMBAT"
STATUS_ROUNDS = "Putaran:"
STATUS_ROUND = "  {name} ({branch}): {state}"
STATUS_CHAIN_ITEM = "    - {event} {role}: {name} (NIP {nip}), {time}"
STATUS_RETURN_ITEM = "    - {event} oleh {role} ({name}) kepada {to}, {time}: {note}"
STATUS_PROBLEM_ITEM = "    ! {problem}"
STATUS_DONE = "Tidak ada yang perlu dilakukan lagi."
# The names of states and events: pipeline.messages.events.

# --- merges and main (step 9) -------------------------------------------------------------
M_NOT_TWO_PARENTS = "commit gabungan ke main harus tepat dua induk: main dan ujung putaran"
M_NOT_A_ROUND = (
    "yang digabung ke main bukan ujung putaran koreksi (tidak ada serah terima 'lkjip submit')"
)
M_ROUND_UNVERIFIED = "putaran {round} yang digabung belum sah: {reasons}"
M_TREE_DIFFERS = (
    "isi hasil gabungan berbeda dengan isi yang disetujui di putaran {round}"
)
M_MAIN_MOVED = (
    "main sudah berubah sejak putaran {round} dimulai; hasil gabungan memuat isi yang tidak "
    "pernah disetujui"
)
M_NO_MERGE_STEP = "SOP tidak memuat langkah 'merge', jadi tidak ada yang berhak menggabung"
M_WRONG_ROLE = "digabung oleh {name}, padahal yang berhak menggabung ke main: {roles}"
M_START_CHANGES_CONTENT = "commit 'lkjip start' di main tidak boleh mengubah isi"
M_DIRECT_COMMIT = (
    "commit langsung di main: bukan gabungan putaran yang disetujui dan bukan 'lkjip start'"
)
M_NO_ANCHOR = (
    "jangkar kepercayaan belum diatur, jadi main tidak dapat dinyatakan sah: tanpa jangkar dari "
    "luar isi repositori, riwayat palsu yang lengkap pun akan tampak sah. Tanyakan kepada "
    "pengelola id commit jangkar kantor Anda (commit pertama main yang memuat sop/roster.yaml), "
    "lalu atur sekali per salinan: 'git config lkjip.anchor ID-COMMIT'; di CI: variabel "
    "terlindungi LKJIP_ANCHOR; di server: 'lkjip hook install --anchor ID-COMMIT REPO.git'"
)
M_ANCHOR_NOT_ON_MAIN = (
    "jangkar kepercayaan {anchor} tidak berada di riwayat main; riwayat main ditulis ulang?"
)

# --- seen before approved (pipeline.workflow.policy) --------------------------------------
POLICY_HEADER = (
    "PERHATIAN: putaran ini mengubah hal di luar isi laporan (content/ dan data/). Periksa "
    "sebelum memberi paraf:"
)
POLICY_AREA = "  - {what}: {files}"
POLICY_MORE = " dan {n} berkas lain"
POLICY_AREA_NAMES = {
    "roster": "daftar peran dan kunci (siapa yang boleh memaraf dan menandatangani)",
    "sop": "definisi SOP (urutan paraf, peran, mutu baku)",
    "mkdocs": "konfigurasi situs dan PDF (mkdocs.yml)",
    "ci": "berkas CI (apa yang dijalankan server CI)",
    "gitattributes": "aturan git untuk berkas (.gitattributes)",
    "code": "kode program lkjip",
    "other": "berkas lain",
}
POLICY_PERSON = "{name} (NIP {nip}) sebagai {roles}"
POLICY_ROSTER_ADDED = "ditambahkan: {who}, kunci {fingerprint}"
POLICY_ROSTER_REMOVED = "dihapus: {who}"
POLICY_ROSTER_ROLES = "peran berubah: {name} (NIP {nip}) dari {before} menjadi {after}"
POLICY_ROSTER_KEY = "kunci berganti: {name} (NIP {nip}) dari {before} menjadi {after}"
POLICY_ROSTER_RENAMED = "nama/jabatan berubah untuk NIP {nip}: {before} menjadi {after}"
POLICY_ROSTER_SAME = "isi daftar peran sama (hanya susunan atau komentar yang berubah)"
POLICY_ROSTER_REFUSED = "daftar peran putaran ini DITOLAK: {reason}"
V_ROSTER_REFUSED = (
    "daftar peran (sop/roster.yaml) di putaran ini tidak sah, jadi putaran tidak dapat "
    "disetujui: {reason}"
)
V_HANDOFF_AREAS = (
    "catatan serah terima (Lkjip-Areas: {recorded}) tidak sesuai dengan isi yang diserahkan "
    "(seharusnya: {actual})"
)

# --- is a review/<year>/<n> branch a round (pipeline.workflow.validity) -------------------
ROUND_NO_HANDOFF = "tidak diawali serah terima yang ditandatangani ('lkjip submit')"
ROUND_NAME_MISMATCH = "serah terimanya untuk putaran {claimed}, bukan {round}"
ROUND_BAD_HANDOFF = "serah terimanya tidak sah: {problems}"
STATUS_NOT_ROUNDS = "Cabang yang bukan putaran sah (tidak dihitung):"
STATUS_NOT_ROUND_ITEM = "  - {branch}: {reason}"

# --- working time (pipeline/workflow/worktime.py) -----------------------------------------
SOP_BAD_HOURS = "jam kerja kantor (working_time) tidak sah: {detail}"
HOLIDAYS_INVALID = "Daftar hari libur kantor {path} tidak dapat dibaca: {detail}"
DAY_OFF_WEEKEND = "bukan hari kerja"
DAY_OFF_DECLARED = "hari libur kantor"
WORK_LEFT = "sisa {amount}"
WORK_LATE = "terlambat {amount}"
STATUS_WORKTIME = (
    "Menunggu sejak {since}: {worked} (mutu baku {standard}, paling lambat {deadline}): "
    "{verdict}"
)

# --- status: who acts after a return, step 10, the end of the cycle -----------------------
POS_STARTED = "Siklus dimulai (langkah 1); rapat belum diagendakan."
POS_AGENDA = "Rapat sudah diagendakan (langkah 2): {date}, {place}."
POS_MINUTES = "Rapat sudah diadakan, notulen tercatat (langkah 3); draft disusun (langkah 4-5)."
POS_DATA_RETURNED = (
    "Data draft belum lengkap: dikembalikan oleh Staf kepada {to} (langkah 5) pada {time}."
)
POS_RETURNED_TO = "Putaran {round} dikembalikan oleh {role} kepada {to} untuk diperbaiki."
POS_MERGED_WAITING = (
    "Putaran {round} sudah digabung ke main (langkah 9); LKjIP belum diarsipkan dan "
    "diserahkan (langkah 10)."
)
POS_DELIVERED = (
    "LKjIP {year} selesai: {tag} diserahkan kepada {to} pada {time} ({copies} eksemplar)."
)
WHAT_AGENDA = "mengagendakan rapat (lkjip meeting agenda)"
WHAT_MINUTES = "melakukan rapat dan mencatat notulennya (lkjip meeting minutes NOTULEN.md)"
WHAT_DRAFT = (
    "menyusun draft LKjIP per sub kegiatan/bidang di cabang draft dan menyerahkannya kepada "
    "Staf"
)
WHAT_FIX_DRAFT = "memperbaiki draft sesuai catatan pengembalian: {note}"
WHAT_THEN_SUBMIT = "menyerahkan draft untuk dikoreksi (lkjip submit)"
WHAT_DELIVER = (
    "mengarsipkan LKjIP dan menyerahkan hard copy dan soft copy kepada Bagian Organisasi "
    "Sekretariat Daerah (lkjip release, lalu lkjip deliver --to ... --copies N)"
)
WHAT_DELIVER_RELEASED = (
    "menyerahkan {tag} (hard copy dan soft copy) kepada Bagian Organisasi Sekretariat Daerah "
    "(lkjip deliver --to ... --copies N)"
)
STATUS_THEN = "Sesudah itu: {role} ({names}), langkah {step}: {what}"
STATUS_DONE_DELIVERED = "Selesai. Tidak ada yang perlu dilakukan lagi untuk siklus ini."
STATUS_RECORDS = "Catatan (cabang {branch}):"
STATUS_RECORD_ITEM = "  - langkah {step} {kind}: {summary} ({name}, {role}, {time})"
STATUS_RECORD_PROBLEM = "  ! {problem}"

# --- records (pipeline/workflow/records.py) -----------------------------------------------
RECORD_KINDS = {
    "agenda": "agenda rapat", "minutes": "notulen rapat", "data-return": "pengembalian data",
    "deliver": "penyerahan LKjIP",
}
RECORD_SUBJECT = {
    "agenda": "Agenda rapat penyusunan LKjIP {year}",
    "minutes": "Notulen rapat penyusunan LKjIP {year}",
    "data-return": "Data draft LKjIP {year} belum lengkap: dikembalikan kepada {to}",
    "deliver": "Penyerahan LKjIP {year} ({tag}) kepada {to}",
}
RECORD_SUMMARY = {
    "agenda": "{tanggal}, {tempat}: {acara}",
    "minutes": "{berkas}",
    "data-return": "{jumlah} kekurangan, kepada {kepada}",
    "deliver": "{tag} kepada {kepada}, {eksemplar} eksemplar, PDF sha256 {sha256_pdf_short}",
}
RECORD_NO_STEP = "SOP yang berlaku tidak memuat langkah untuk {kind}; tidak ada yang dicatat."
RECORD_WRONG_ROLE = "{name} tidak dapat mencatat {kind}: yang dapat {roles}."
RECORD_EXISTS = "Catatan {path} sudah ada; catatan tidak dapat ditimpa."
RECORD_BAD_DATE = "Tanggal '{value}' tidak sah; tulis TTTT-BB-HH, misalnya 2025-01-15."
RECORD_BAD_TIME = "Jam '{value}' tidak sah; tulis JJ:MM, misalnya 09:00."
RECORD_EMPTY = "{what} tidak boleh kosong."
RECORD_FILE_MISSING = "Berkas {path} tidak ditemukan."
RECORD_MINUTES_TEMPLATE_WRITTEN = (
    "Templat notulen ditulis ke {path}. Isi, lalu catat dengan: lkjip meeting minutes {path}"
)
RECORD_MINUTES_TEMPLATE_UNFILLED = (
    "{path} masih memuat isian templat ('{marker}'); lengkapi notulen dahulu."
)
RECORD_NOTHING_MISSING = (
    "Data draft sudah lengkap (lkjip check --lengkap bersih): tidak ada yang dikembalikan. "
    "Serahkan dengan lkjip submit."
)
RECORDED = "Tercatat: {what} ({branch}, commit {commit}). Kirim: git push origin {branch}"
RECORD_NEXT = "Berikutnya: {role} ({names}), langkah {step}: {what}"
RECORDS_BRANCH_FORKED = (
    "Cabang {branch} di komputer ini berbeda dengan {remote}; jalankan git fetch lalu "
    "'git branch -f {branch} {remote}' bila catatan lokal belum pernah dikirim."
)
R_NOT_RECORD = "commit di cabang catatan bukan catatan lkjip (Lkjip-Action tidak dikenal)"
R_MERGE = "cabang catatan tidak boleh memuat merge"
R_BAD_TRAILERS = "keterangan Lkjip-* catatan tidak cocok dengan SOP (langkah, peran, tahun)"
R_ROLE = "{name} mencatat {kind}, padahal yang berhak: {roles}"
R_BASE = "titik awal (Lkjip-Base) catatan tidak berada di main"
R_PATHS = (
    "catatan hanya boleh menambah berkas baru di {folder}/ (mengubah, menghapus atau menulis "
    "di luar folder itu ditolak): {paths}"
)
R_MAIN_FILE = "catatan {kind} tidak memuat berkasnya ({path})"
R_CONTENT = "isi catatan {path} tidak sah: {detail}"
MINUTES_TEMPLATE = """\
# Notulen Rapat Penyusunan LKjIP {year}

- Tanggal: {day}
- Tempat: {place}
- Acara: {topic}
- Dipimpin oleh: {marker} nama dan jabatan]
- Peserta: {marker} nama dan jabatan setiap peserta]

## Pembahasan

{marker} pokok-pokok pembahasan]

## Keputusan dan perintah

- Inspektur Pembantu dan Kepala Sub Bagian Perencanaan mengumpulkan data pendukung dan
  menyusun draft LKjIP per sub kegiatan/bidang, lalu menyerahkannya kepada Staf.
- {marker} keputusan lain, penanggung jawab dan batas waktunya]

Hapus setiap tanda "{marker} ...]" sesudah diisi; lkjip menolak notulen yang masih memuatnya.
"""
R_PUSH_NOT_LINEAR = "cabang catatan harus lurus: {old} tidak berada di garis induk pertama {new}"
R_PUSH_BRANCH = "nama cabang catatan harus catatan/<tahun>"

STATUS_HELP_EXIT_CODE = (
    "keadaan siklus sebagai kode keluar untuk skrip: 0 selesai, 3 belum dimulai, 4 menunggu "
    "seseorang, 5 melewati standar waktu (tanpa opsi ini selalu 0 untuk keadaan normal)"
)
