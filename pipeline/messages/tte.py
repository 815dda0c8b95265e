"""Messages of the electronic signature (TTE, PAdES) on the release PDF (Bahasa Indonesia)."""

# --- the lembar pengesahan ----------------------------------------------------------------
SHEET_APPROVED = "Mengesahkan,"

# --- the visible signature and the signature dictionary -----------------------------------
STAMP_TEXT = (
    "Ditandatangani secara elektronik oleh\n%(jabatan)s\n%(nama)s\nNIP %(nip)s\n%(tanggal)s"
)
FIELD_DESCRIPTION = (
    "Tanda tangan elektronik Inspektur. Kode QR memuat tag rilis, commit dan SHA-256 PDF "
    "yang disahkan:"
)
SIGN_REASON = "Pengesahan LKjIP {year} (rilis {tag})"

# --- options of lkjip release -------------------------------------------------------------
HELP_TTE = "sertifikat TTE Inspektur (PKCS#12, .p12) untuk menandatangani PDF rilis"
HELP_TTE_URL = "layanan TTE jarak jauh (tanda tangan hash), mis. https://tte.example.go.id/api"
HELP_TTE_NIK = "NIK penanda tangan pada layanan TTE jarak jauh"
HELP_TTE_PASSWORD_FILE = (
    "berkas berisi kata sandi/passphrase TTE (bawaan: variabel LKJIP_TTE_PASSWORD, "
    "lalu ditanyakan)"
)
HELP_TSA = "URL layanan stempel waktu RFC 3161 (PAdES B-T)"
HELP_TTE_CRL = "CRL untuk disematkan (PAdES B-LT); boleh berulang"
PASSWORD_PROMPT = "Kata sandi TTE ({what}): "
PASSWORD_NONE = (
    "Kata sandi TTE tidak diberikan: gunakan --tte-password-file BERKAS, variabel "
    "LKJIP_TTE_PASSWORD, atau jalankan di terminal agar ditanyakan."
)
PASSWORD_FILE_UNREADABLE = "Berkas kata sandi '{path}' tidak dapat dibaca: {reason}."
TTE_BOTH = "Pilih salah satu: --tte BERKAS.p12 atau --tte-url URL, tidak keduanya."
TTE_NEEDS_NIK = "--tte-url memerlukan --tte-nik NIK penanda tangan."
TTE_OPTION_WITHOUT_SIGNER = "{option} hanya berlaku bersama --tte atau --tte-url."

# --- signers ------------------------------------------------------------------------------
P12_UNREADABLE = "Berkas TTE '{path}' tidak dapat dibaca: {reason}."
P12_BAD = "Berkas TTE '{path}' bukan PKCS#12 yang sah, atau kata sandinya salah."
P12_INCOMPLETE = "Berkas TTE '{path}' tidak memuat kunci privat dan sertifikatnya."
P12_NOT_RSA = (
    "Kunci TTE '{path}' bukan RSA. PDF/A-3b memerlukan kunci RSA (kunci EC memaksa PDF 2.0)."
)
UNSUPPORTED_DIGEST = "Algoritme hash '{algorithm}' tidak didukung (hanya sha256)."
REMOTE_URL_INSECURE = (
    "Layanan TTE '{url}' harus memakai https:// (http:// hanya untuk mesin ini): passphrase "
    "tidak boleh dikirim tanpa enkripsi."
)
REMOTE_UNREACHABLE = "Layanan TTE {url} tidak dapat dihubungi: {reason}"
REMOTE_REFUSED = "Layanan TTE {url} menolak (HTTP {code}): {reason}"
REMOTE_BAD_ANSWER = "Jawaban layanan TTE {url} tidak dikenali."
SIGNER_WRONG_SIGNATURE = (
    "Tanda tangan yang dikembalikan penanda tangan tidak cocok dengan sertifikatnya; PDF "
    "tidak ditandatangani."
)
SIGN_FAILED = "PDF tidak dapat ditandatangani: {reason}"
NO_SIGNATURE_BOX = (
    "PDF tidak memuat kotak tanda tangan '{id}' di lembar pengesahan; tidak ditandatangani."
)
NO_STAMP_FONT = "Tidak ada fon TrueType untuk tampilan tanda tangan (pasang fonts-liberation2)."
NO_SIGNATORY = "Rantai paraf tidak memuat langkah tanda tangan; tidak ada yang mengesahkan PDF."
ROOTS_UNREADABLE = "Berkas akar kepercayaan '{path}' tidak dapat dibaca: {reason}."
ROOTS_BAD = "Berkas '{path}' tidak memuat sertifikat (PEM atau DER)."
CRL_UNREADABLE = "Berkas CRL '{path}' tidak dapat dibaca: {reason}."
CRL_BAD = "Berkas '{path}' bukan CRL (PEM atau DER)."
SIGNED = "PDF rilis ditandatangani secara elektronik (PAdES {level}) oleh {signer}."

# --- verify-pdf ---------------------------------------------------------------------------
HELP_VERIFY_PDF = "periksa tanda tangan elektronik (TTE) PDF rilis"
HELP_TRUST = "sertifikat akar yang dipercaya (PEM); bawaan: git config lkjip.tteTrust"
NO_TRUST = (
    "Tidak ada akar kepercayaan: berikan --trust AKAR.pem (sertifikat akar penerbit TTE, "
    "mis. Root CA BSrE), atau atur 'git config lkjip.tteTrust BERKAS'. Akar tidak pernah "
    "diambil dari PDF yang diperiksa."
)
PDF_UNREADABLE = "Berkas '{path}' tidak dapat dibaca: {reason}."
PDF_OK = "PDF {path} SAH:"
PDF_FAILED = "PDF {path} TIDAK sah:"
PDF_EXPLAIN = "Keterangan:"
OUTSIDE_REPO = "di luar repositori: commit yang disebut PDF tidak dibandingkan dengan main"
NOT_A_PDF = "berkas tidak dapat dibaca sebagai PDF ({reason})"
NOT_SIGNED = "PDF tidak memuat tanda tangan elektronik"
FIELD_COUNT = (
    "PDF memuat {count} medan tanda tangan ({names}); PDF rilis hanya boleh memuat satu, "
    "TTE Inspektur"
)
FIELD_NAME = "tanda tangan berada di medan '{name}', bukan '{expected}'"
CANNOT_VALIDATE = "tanda tangan tidak dapat diperiksa: {reason}"
NOT_INTACT = (
    "tanda tangan rusak: isi PDF berubah setelah ditandatangani (hash tidak cocok)"
)
NOT_WHOLE_FILE = (
    "tanda tangan tidak mencakup seluruh berkas: {covered} dari {size} byte ditandatangani; "
    "ada perubahan (incremental update) yang ditambahkan setelah penandatanganan"
)
NOT_TRUSTED = (
    "sertifikat penanda tangan (penerbit: {issuer}) tidak berantai ke akar kepercayaan yang "
    "diberikan"
)
REVOKED = "sertifikat penanda tangan telah dicabut"
NOT_VALID = "tanda tangan tidak sah menurut pyHanko: {summary}"
NO_UNSIGNED_REVISION = "revisi PDF sebelum penandatanganan tidak ditemukan"
UNSIGNED_UNREADABLE = "isi PDF sebelum penandatanganan tidak dapat dibaca ({reason})"
NO_COMMIT = "PDF tidak menyebut commit asalnya (LkjipCommit); bukan PDF rilis lkjip"
MANIFEST_COMMIT_MISMATCH = (
    "manifes sumber di dalam PDF tidak menyebut commit {commit} yang tertulis di metadata PDF"
)
NO_QR = "keterangan kode QR (tag, commit, SHA-256) tidak ada pada medan tanda tangan"
QR_MISMATCH = (
    "kode QR tidak cocok dengan isi PDF: QR menyebut commit {qr_commit} dan sha256 "
    "{qr_sha}…, PDF berisi commit {commit} dan sha256 {sha}…"
)
NOT_PDFA = "identitas PDF/A-3b (XMP pdfaid) hilang"
FACT_INTACT = "utuh: isi yang ditandatangani tidak berubah"
FACT_WHOLE_FILE = "mencakup seluruh berkas: tidak ada perubahan setelah penandatanganan"
FACT_TRUSTED = "dipercaya: sertifikat berantai ke akar '{root}'"
FACT_SIGNER = "ditandatangani oleh: {subject} (penerbit {issuer}; sertifikat sha256 {fingerprint}…)"
FACT_TIMESTAMP = "waktu: {time}, menurut stempel waktu {tsa}"
FACT_TIMESTAMP_UNTRUSTED = (
    "waktu: {time} menurut stempel waktu yang tidak dipercaya (hanya klaim)"
)
FACT_CLAIMED_TIME = (
    "waktu: {time}, klaim penanda tangan (tanpa stempel waktu, tidak dapat dibuktikan)"
)
FACT_LEVEL = "tingkat: PAdES {level}"
FACT_QR = "kode QR: rilis {tag}, commit {commit}, sha256 PDF yang disahkan {sha}"
FACT_PDFA = "PDF/A-3b: identitas pdfaid masih ada"
FACT_MAIN = (
    "commit {commit} (isi {tree}) adalah main yang sah di repositori ini, dan sertifikat "
    "menyebut {name}, yang menandatangani putarannya"
)
COMMIT_UNKNOWN = "commit {commit} yang disebut PDF tidak ada di repositori ini"
TREE_MISMATCH = "commit {commit} berisi {actual}, bukan isi {tree} yang disebut PDF"
NO_MAIN = "repositori ini belum memiliki cabang main"
COMMIT_NOT_ON_MAIN = (
    "commit {commit} yang disebut PDF tidak berada di main: isinya tidak pernah disahkan"
)
COMMIT_NOT_VERIFIED = (
    "main sampai commit {commit} tidak sah atau belum memuat putaran yang disetujui"
)
SIGNER_NOT_HEAD = (
    "sertifikat penanda tangan atas nama {signer}, bukan {name} (NIP {nip}) yang "
    "menandatangani putaran ini di rantai paraf"
)
TAG_ELSEWHERE = "tag {tag} di repositori ini menunjuk commit lain, bukan {commit}"

# --- verify-archive -----------------------------------------------------------------------
ARCHIVE_PDF_PROBLEM = "PDF {name}: {problem}"
ARCHIVE_PDF_NO_TRUST = (
    "PDF {name} bertanda tangan elektronik, tetapi akar kepercayaannya tidak diberikan "
    "(--trust AKAR.pem)"
)
ARCHIVE_PDF_OTHER_COMMIT = "PDF {name} menyebut commit {pdf}, manifest menyebut {manifest}"
ARCHIVE_PDF_OTHER_CERT = "PDF {name} ditandatangani sertifikat lain dari yang dicatat manifest"
