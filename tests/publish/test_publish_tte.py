"""`lkjip release --tte` (PAdES on the release PDF/A-3b) and `lkjip verify-pdf`, for real.

A CA made in the test issues the Inspektur's PKCS#12 and a TSA's certificate; the TSA answers
over HTTP on 127.0.0.1. One report is released and signed once (B-LT: timestamp and CRL in
the DSS) and every test reads that release: pyHanko validates it, the lembar pengesahan is
rendered to an image and its QR code decoded, and each tampering is refused with its reason.
The remote signer is tested against a fake hash-signing service on 127.0.0.1.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from publish_helpers import serve, with_report
from pypdf import PdfReader
from tte_pki import Pki, signing_service, tsa_handler
from workflow_helpers import STAFF, Actor, Office, init_office, roster_of

from pipeline.check import CheckResult
from pipeline.cli import build_parser
from pipeline.commands.tte_options import signing_options
from pipeline.errors import UserError
from pipeline.publish import tte
from pipeline.publish.release import build_release
from pipeline.render.approval import SIGNATURE_BOX, ApprovalRow, EmbeddedFile, approval_sheet

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
PASSWORD = "kata sandi Inspektur"
NIK = "6108010101700001"


@dataclass
class Signed:
    office: Office
    pki: Pki
    bundle: Path
    pdf: Path
    manifest: dict[str, object]
    commit: str
    p12: Path
    tsa: str

    @property
    def data(self) -> bytes:
        return self.pdf.read_bytes()

    def verify(self, pdf: Path | bytes, trust: str = "root.pem") -> tuple[int, str]:
        if isinstance(pdf, bytes):
            path = self.office.path.parent / "periksa.pdf"
            path.write_bytes(pdf)
            pdf = path
        result = self.office.lkjip("verify-pdf", str(pdf), "--trust",
                                   str(self.pki.folder / trust))
        return result.rc, result.out + result.err


@pytest.fixture(scope="module")
def signed(tmp_path_factory: pytest.TempPathFactory, actors: dict[str, Actor],
           isolated_git: Path) -> Iterator[Signed]:
    """The report released once with `lkjip release --tte … --tsa … --tte-crl …`."""
    base = tmp_path_factory.mktemp("tte")
    pki = Pki.make(base / "pki", "HERI ADIWIJAYA")
    p12 = pki.p12(PASSWORD.encode())
    secret = base / "sandi.txt"
    secret.write_text(PASSWORD + "\n")
    office = init_office(base / "lkjip", actors, roster_of(actors, *STAFF))
    with pytest.MonkeyPatch.context() as mp, serve(tsa_handler(pki)) as tsa:
        # The report's completeness is another module's test (as in the `office` tests).
        mp.setattr("pipeline.check.run_check",
                            lambda root, complete=False: CheckResult([]))
        with_report(office, REPO)
        office.ok("merge", as_="kasubbag")
        done = office.ok("release", "--tte", str(p12), "--tte-password-file", str(secret),
                         "--tsa", tsa, "--tte-crl", str(pki.folder / "ca.crl"), as_="staf")
        assert "lkjip-2025" in done.out
        bundle = office.path / "dist/arsip/lkjip-2025"
        yield Signed(office, pki, bundle, bundle / "lkjip-2025.pdf",
                     json.loads((bundle / "manifest.json").read_text()),
                     office.tip("main"), p12, tsa)


def _unsigned(data: bytes) -> bytes:
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(data))
    return tte.unsigned_revision(data, reader, reader.embedded_signatures[0])


# --- the signed release -------------------------------------------------------------------


def test_signed_release_is_valid_pades_b_lt_for_pyhanko(signed: Signed) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import DocumentSecurityStore, validate_pdf_signature
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    data = signed.data
    reader = PdfFileReader(io.BytesIO(data))
    [signature] = reader.embedded_signatures
    dss = DocumentSecurityStore.read_dss(reader)
    assert dss.crls, "B-LT: the CRL is embedded in the DSS"
    context = dss.as_validation_context({"trust_roots": tte.load_certificates(
        signed.pki.folder / "root.pem"), "allow_fetching": False, "revocation_mode": "hard-fail"})
    status = validate_pdf_signature(signature, context)
    assert status.bottom_line and status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    assert status.timestamp_validity is not None and status.timestamp_validity.trusted  # B-T
    assert status.signing_cert.subject.native["common_name"] == "HERI ADIWIJAYA"
    assert signature.field_name == tte.FIELD_NAME

    # The manifest records the signature; the signed file is in its hash list.
    record = signed.manifest["pdf_signature"]
    assert isinstance(record, dict)
    assert record["level"] == "B-LT" and record["file"] == "lkjip-2025.pdf"
    unsigned = _unsigned(data)
    assert record["unsigned_sha256"] == hashlib.sha256(unsigned).hexdigest()
    assert record["unsigned_size"] == len(unsigned)
    assert record["certificate_sha256"] == hashlib.sha256(
        signature.signer_cert.dump()).hexdigest()
    assert record["nip"] == signed.office.actors["inspektur"].nip
    files = signed.manifest["files"]
    assert isinstance(files, dict)
    assert files["lkjip-2025.pdf"] == hashlib.sha256(data).hexdigest()


def test_signature_keeps_pdfa_and_the_unsigned_pdf_is_reproducible(signed: Signed,
                                                                   tmp_path: Path) -> None:
    reader = PdfReader(io.BytesIO(signed.data))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[^0-9]*3", xmp) and re.search(r"pdfaid:conformance[^A-Z]*B", xmp)
    # PDF/A: the information dictionary and the XMP agree after the update.
    assert reader.metadata is not None
    producer = re.search(r'pdf:Producer(?:="|>)([^"<]*)', xmp)
    assert producer and reader.metadata["/Producer"] == producer.group(1)
    assert "dc:title" in xmp and reader.metadata["/Title"] in xmp
    assert "/OutputIntents" in reader.trailer["/Root"] and "/AF" in reader.trailer["/Root"]
    assert reader.pdf_header.startswith("%PDF-1.")  # an EC key would have made it 2.0
    fonts = subprocess.run(["pdffonts", str(signed.pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert any("LiberationSans" in line for line in fonts)  # the stamp's font...
    assert all(line.split()[-5] == "yes" for line in fonts)  # ...embedded, like every font
    widget = _widget(signed.data)
    assert int(widget["/F"]) & 4  # printed, as PDF/A wants

    # The signature is an incremental update: the unsigned release is the first revision,
    # and rebuilding the same commit gives exactly those bytes.
    chain = signed.manifest["chain"]
    from pipeline.workflow.verify import ChainEntry

    entries = [ChainEntry(**e) for e in chain]  # type: ignore[arg-type, union-attr]
    build_release(signed.office.repo, signed.commit, entries, "2025/1", tmp_path / "src",
                  tmp_path / "out")
    assert (tmp_path / "out/lkjip-2025.pdf").read_bytes() == _unsigned(signed.data)


def _widget(data: bytes):  # type: ignore[no-untyped-def]
    reader = PdfReader(io.BytesIO(data))
    for page_number, page in enumerate(reader.pages):
        for annot in page.get("/Annots") or []:
            annot = annot.get_object()
            if annot.get("/FT") == "/Sig" and annot.get("/T") == tte.FIELD_NAME:
                annot.page_number = page_number  # type: ignore[attr-defined]
                return annot
    raise AssertionError("no signature widget")


def test_visible_signature_and_qr_code_on_the_lembar_pengesahan(signed: Signed,
                                                                tmp_path: Path) -> None:
    import zxingcpp
    from PIL import Image

    widget = _widget(signed.data)
    page = widget.page_number  # type: ignore[attr-defined]
    text = subprocess.run(["pdftotext", "-f", str(page + 1), "-l", str(page + 1),
                           str(signed.pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "LEMBAR PENGESAHAN" in text and "Mengesahkan" in text
    x0, y0, x1, y1 = (float(v) for v in widget["/Rect"])
    assert round(x1 - x0) == round(SIGNATURE_BOX.width_pt)
    assert round(y1 - y0) == round(SIGNATURE_BOX.height_pt)
    assert "/N" in widget["/AP"]

    # What a reader sees: render the page, decode the QR code with zxing-cpp.
    subprocess.run(["pdftoppm", "-r", "150", "-f", str(page + 1), "-l", str(page + 1), "-png",
                    str(signed.pdf), str(tmp_path / "lembar")], check=True)
    [png] = tmp_path.glob("lembar*.png")
    codes = zxingcpp.read_barcodes(Image.open(png))
    assert [c.format for c in codes] == [zxingcpp.BarcodeFormat.QRCode]
    payload = tte.parse_qr_payload(codes[0].text)
    assert payload == {"tag": "lkjip-2025", "commit": signed.commit,
                       "sha256": hashlib.sha256(_unsigned(signed.data)).hexdigest()}
    # The stamp's text is in the appearance stream: name, NIP and date of the Inspektur.
    appearance = _appearance_text(widget)
    inspektur = signed.office.actors["inspektur"]
    for expected in (inspektur.name, f"NIP {inspektur.nip}", "Ditandatangani secara elektronik"):
        assert expected in appearance


def _appearance_text(widget) -> str:  # type: ignore[no-untyped-def]
    """/ActualText spans of the stamp (pyHanko tags each line with its text)."""
    stream = widget["/AP"]["/N"].get_object()
    found = []

    def walk(xobject) -> None:  # type: ignore[no-untyped-def]
        data = xobject.get_data().decode("latin-1")
        found.extend(re.findall(r"/ActualText \((.*?)\)\s*>>", data))
        for inner in (xobject.get("/Resources") or {}).get("/XObject", {}).values():
            walk(inner.get_object())

    walk(stream)
    return "\n".join(s.replace("\\054", ",") for s in found)


def test_verify_pdf_explains_a_valid_release(signed: Signed) -> None:
    rc, out = signed.verify(signed.pdf)
    assert rc == 0, out
    for expected in ("SAH", "utuh", "mencakup seluruh berkas", "dipercaya", "Root CA Uji",
                     "ditandatangani oleh: HERI ADIWIJAYA", "menurut stempel waktu TSA Uji",
                     "PAdES B-LT", "rilis lkjip-2025", f"commit {signed.commit[:10]}",
                     "adalah main yang sah", "PDF/A-3b"):
        assert expected in out, expected

    # Roots from git config when --trust is not given; none at all is refused, not guessed.
    office = signed.office
    office.git("config", "lkjip.tteTrust", str(signed.pki.folder / "root.pem"))
    assert office.lkjip("verify-pdf", str(signed.pdf)).rc == 0
    office.git("config", "--unset", "lkjip.tteTrust")
    none = office.lkjip("verify-pdf", str(signed.pdf))
    assert none.rc != 0 and "Tidak ada akar kepercayaan" in none.err

    # verify-archive runs the same check on the bundle's PDF, with roots from outside it.
    repo = ("--repo", str(signed.office.path))  # the SSH keys: from the office's repository
    ok = signed.office.lkjip("verify-archive", str(signed.bundle), *repo, "--trust",
                             str(signed.pki.folder / "root.pem"))
    assert ok.rc == 0, ok.out + ok.err
    untrusted = signed.office.lkjip("verify-archive", str(signed.bundle), *repo)
    assert untrusted.rc == 1 and "akar kepercayaannya tidak diberikan" in untrusted.out
    stranger = signed.office.lkjip("verify-archive", str(signed.bundle), *repo, "--trust",
                                   str(signed.pki.folder / "stranger.pem"))
    assert stranger.rc == 1 and "tidak berantai ke akar" in stranger.out


# --- refusals, each with its reason -------------------------------------------------------


def test_one_flipped_byte_is_refused(signed: Signed) -> None:
    data = bytearray(signed.data)
    unsigned = _unsigned(bytes(data))
    # Inside a stream's data (not the syntax around it), so the file still parses.
    starts = [m.end() for m in re.finditer(rb"\nstream\r?\n", unsigned)]
    at = next(start + 50 for start in starts[len(starts) // 2:]
              if unsigned.index(b"endstream", start) - start > 100)
    data[at] ^= 0x01
    rc, out = signed.verify(bytes(data))
    assert rc == 1 and "TIDAK sah" in out
    assert "tanda tangan rusak: isi PDF berubah setelah ditandatangani" in out


def test_appended_incremental_update_is_refused(signed: Signed) -> None:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(signed.data))
    info = writer.trailer["/Info"].get_object()
    info["/LkjipCommit"] = generic.pdf_string("0" * 40)
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    rc, text = signed.verify(out.getvalue())
    assert rc == 1 and "tanda tangan tidak mencakup seluruh berkas" in text
    assert "incremental update" in text


def test_untrusted_root_is_refused(signed: Signed) -> None:
    rc, out = signed.verify(signed.pdf, trust="stranger.pem")
    assert rc == 1
    assert "tidak berantai ke akar kepercayaan yang diberikan" in out
    assert "utuh" in out  # intact, but not trusted: the explanation says both
    assert "Traceback" not in out  # pyHanko's own logs stay off the terminal


def test_second_signature_field_is_refused(signed: Signed) -> None:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    signer = signers.SimpleSigner.load_pkcs12(str(signed.p12), passphrase=PASSWORD.encode())
    assert signer is not None
    writer = IncrementalPdfFileWriter(io.BytesIO(signed.data))
    out = signers.PdfSigner(signers.PdfSignatureMetadata(field_name="Lain"), signer,
                            new_field_spec=fields.SigFieldSpec("Lain")).sign_pdf(writer)
    rc, text = signed.verify(out.getvalue())
    assert rc == 1 and "PDF memuat 2 medan tanda tangan (TTE-Inspektur, Lain)" in text


def test_validly_signed_pdf_of_another_commit_is_refused(signed: Signed, tmp_path: Path) -> None:
    """Signed by the real Inspektur, intact and trusted, but built from a draft that never
    reached main: inside the repository, that is said and refused."""
    office = signed.office
    office.git("switch", "-q", "-c", "draft/lain", "main")
    draft = office.commit("content/lain.md", "# isi yang tidak pernah disetujui\n")
    office.git("switch", "-q", "main")
    tree = str(office.repo.get(draft).tree_id)
    pdf = _small_release_pdf(tmp_path, draft, tree)
    signer = tte.Pkcs12Signer(signed.p12, PASSWORD.encode())
    inspektur = office.actors["inspektur"]
    result = tte.sign_release_pdf(pdf, signer, tte.Signatory(inspektur.name, inspektur.nip,
                                                             "Inspektur"),
                                  tag="lkjip-2025", commit=draft, year="2025")
    rc, out = signed.verify(result.data)
    assert rc == 1
    assert f"commit {draft[:10]} yang disebut PDF tidak berada di main" in out
    assert "utuh" in out and "dipercaya" in out  # the signature itself is fine
    assert "PAdES B-B" in out  # no TSA here: B-B, and the time is only claimed
    assert "klaim penanda tangan" in out
    # Outside any repository the same PDF is judged on its signature alone, and says so.
    outside = tmp_path / "luar"
    outside.mkdir()
    (outside / "x.pdf").write_bytes(result.data)
    import os

    from pipeline.cli import main as cli_main

    cwd = os.getcwd()
    os.chdir(outside)
    try:
        assert cli_main(["verify-pdf", "x.pdf", "--trust",
                         str(signed.pki.folder / "root.pem")]) == 0
    finally:
        os.chdir(cwd)


def test_signature_by_someone_else_under_the_same_root_is_refused(signed: Signed) -> None:
    """A TTE root certifies every civil servant: a valid, trusted signature on the very PDF of
    a verified main is still refused when the certificate is not the Inspektur's."""
    key, cert = signed.pki.root.issue("ORANG LUAR")
    other = tte.Pkcs12Signer(signed.pki.p12(b"x", key=key, cert=cert), b"x")
    result = tte.sign_release_pdf(_unsigned(signed.data), other,
                                  tte.Signatory("ORANG LUAR", "199912312020121999", "Inspektur"),
                                  tag="lkjip-2025", commit=signed.commit, year="2025")
    rc, out = signed.verify(result.data)
    assert rc == 1 and "dipercaya" in out
    inspektur = signed.office.actors["inspektur"]
    assert (f"sertifikat penanda tangan atas nama ORANG LUAR (Pemerintah Kabupaten Uji), bukan "
            f"{inspektur.name} (NIP {inspektur.nip})") in out


def _small_release_pdf(folder: Path, commit: str, tree: str) -> bytes:
    """A one-page PDF/A-3b made like a release (lembar pengesahan, manifest, LkjipCommit)."""
    from pipeline.render.pdf import layout, write_pdf

    row = ApprovalRow("8", "Tanda tangan", "Inspektur", "HERI ADIWIJAYA, SE",
                      "197407052006041007", "01-01-2026 10:00 WIB")
    sheet = approval_sheet([row], commit, tree, "2025/2", row)
    html = ('<!DOCTYPE html><html lang="id"><head><style>@page { size: A4; margin: 2cm }'
            'body { font-family: "Liberation Serif" }</style></head><body><h1>LKjIP</h1>'
            f"{sheet}</body></html>")
    source = json.dumps({"commit": commit, "tree": tree}).encode()
    target = folder / "kecil.pdf"
    write_pdf(layout(html, folder), target, when=datetime(2026, 1, 1, tzinfo=UTC),
              variant="pdf/a-3b", custom={"LkjipCommit": commit},
              attachments=[EmbeddedFile(tte.SOURCE_MANIFEST, source, "manifes",
                                        "application/json")])
    return target.read_bytes()


def test_qr_description_that_lies_is_refused(signed: Signed,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A validly signed PDF whose QR code names another hash than its content is refused."""
    unsigned = _unsigned(signed.data)
    signer = tte.Pkcs12Signer(signed.p12, PASSWORD.encode())
    original = tte.qr_payload
    monkeypatch.setattr(tte, "qr_payload",
                        lambda tag, commit, sha: original(tag, commit, "0" * 64))
    result = tte.sign_release_pdf(unsigned, signer, tte.Signatory("A", "1", "Inspektur"),
                                  tag="lkjip-2025", commit=signed.commit, year="2025")
    rc, out = signed.verify(result.data)
    assert rc == 1 and "kode QR tidak cocok dengan isi PDF" in out


# --- the remote signer --------------------------------------------------------------------


def test_remote_signer_against_a_fake_service(signed: Signed) -> None:
    unsigned = _unsigned(signed.data)
    service = signing_service(signed.pki, NIK, PASSWORD)
    with serve(service) as url:
        remote = tte.RemoteSigner(f"{url}/api", NIK, PASSWORD)
        inspektur = signed.office.actors["inspektur"]
        result = tte.sign_release_pdf(unsigned, remote, tte.Signatory(
            inspektur.name, inspektur.nip, "Inspektur"), tag="lkjip-2025",
            commit=signed.commit, year="2025", tsa=signed.tsa)
        # Only a hash went out: 32 bytes, with the NIK and the passphrase, once.
        [request] = service.seen
        assert request["nik"] == NIK and request["algoritma"] == "sha256"
        assert len(__import__("base64").b64decode(request["hash"])) == 32
        assert unsigned[:100].hex() not in json.dumps(request)
        assert result.data.startswith(unsigned)
        check = tte.verify_pdf(result.data, tte.load_certificates(
            signed.pki.folder / "root.pem"))
        assert check.ok, check.problems
        assert check.signer.startswith("HERI ADIWIJAYA")
        assert any("PAdES B-T" in fact for fact in check.facts)

        # A wrong passphrase: the service's refusal, in words, and nothing signed.
        with pytest.raises(UserError, match="passphrase salah"):
            tte.sign_release_pdf(unsigned, tte.RemoteSigner(f"{url}/api", NIK, "salah"),
                                 tte.Signatory("A", "1", "Inspektur"), tag="t",
                                 commit=signed.commit, year="2025")
    with pytest.raises(UserError, match="https://"):
        tte.RemoteSigner("http://tte.example.go.id/api", NIK, PASSWORD)


def test_a_signer_that_returns_a_wrong_signature_is_caught(signed: Signed) -> None:
    class Wrong:
        def __init__(self) -> None:
            self.real = tte.Pkcs12Signer(signed.p12, PASSWORD.encode())

        def certificates(self):  # type: ignore[no-untyped-def]
            return self.real.certificates()

        def sign_digest(self, digest: bytes, algorithm: str) -> bytes:
            return self.real.sign_digest(hashlib.sha256(b"lain").digest(), algorithm)

    with pytest.raises(UserError, match="tidak cocok dengan sertifikatnya"):
        tte.sign_release_pdf(_unsigned(signed.data), Wrong(), tte.Signatory("A", "1", "I"),
                             tag="t", commit=signed.commit, year="2025")


# --- passwords ----------------------------------------------------------------------------


def test_password_sources_and_refusals(signed: Signed, monkeypatch: pytest.MonkeyPatch) -> None:
    parser = build_parser()
    args = parser.parse_args(["release", "--tte", str(signed.p12)])
    monkeypatch.setenv("LKJIP_TTE_PASSWORD", PASSWORD)
    options = signing_options(args)
    assert options is not None and isinstance(options.signer, tte.Pkcs12Signer)
    monkeypatch.setenv("LKJIP_TTE_PASSWORD", "salah")
    with pytest.raises(UserError, match="kata sandinya salah"):
        signing_options(args)
    monkeypatch.delenv("LKJIP_TTE_PASSWORD")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal to ask on
    with pytest.raises(UserError, match="tidak diberikan"):
        signing_options(args)
    with pytest.raises(SystemExit):  # there is no option that takes the password itself
        parser.parse_args(["release", "--tte", str(signed.p12), "--tte-password", "x"])
    remote = signing_options(parser.parse_args(
        ["release", "--tte-url", "https://tte.example.go.id/api", "--tte-nik", NIK,
         "--tte-password-file", str(_secret(signed))]))
    assert remote is not None and isinstance(remote.signer, tte.RemoteSigner)
    assert remote.signer.url == "https://tte.example.go.id/api" and remote.signer.nik == NIK
    with pytest.raises(UserError, match="memerlukan --tte-nik"):
        signing_options(parser.parse_args(["release", "--tte-url", "https://x.go.id"]))
    with pytest.raises(UserError, match="Pilih salah satu"):
        signing_options(parser.parse_args(["release", "--tte", "a.p12", "--tte-url", "u"]))
    with pytest.raises(UserError, match="hanya berlaku bersama --tte"):
        signing_options(parser.parse_args(["release", "--tsa", "http://127.0.0.1:1"]))
    # An EC key is refused before anything is signed (PDF/A-3 needs RSA).
    from cryptography.hazmat.primitives.asymmetric import ec

    key = ec.generate_private_key(ec.SECP256R1())
    ec_p12 = signed.pki.p12(b"x", key=key, cert=_ec_cert(signed.pki, key))
    with pytest.raises(UserError, match="bukan RSA"):
        tte.Pkcs12Signer(ec_p12, b"x")


def _secret(signed: Signed) -> Path:
    path = signed.pki.folder / "sandi-layanan.txt"
    path.write_text(PASSWORD + "\n")
    return path


def _ec_cert(pki: Pki, key):  # type: ignore[no-untyped-def]
    from datetime import timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.x509.oid import NameOID

    now = datetime.now(UTC)
    return (x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "EC")]))
            .issuer_name(pki.root.cert.subject).public_key(key.public_key())
            .serial_number(x509.random_serial_number()).not_valid_before(now)
            .not_valid_after(now + timedelta(days=1)).sign(pki.root.key, hashes.SHA256()))
