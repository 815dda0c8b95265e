"""Pure parts of the TTE module: the QR text, URLs that may carry a passphrase, names on a
certificate, and verify_pdf failing closed on files that are not signed release PDFs."""

from __future__ import annotations

import pytest
from asn1crypto import x509

from pipeline.errors import UserError
from pipeline.publish import tte


def test_qr_payload_round_trip() -> None:
    text = tte.qr_payload("lkjip-2025-rev1", "a" * 40, "b" * 64)
    assert text.splitlines()[0] == "LKJIP-TTE/1"
    assert tte.parse_qr_payload("keterangan\n" + text) == {
        "tag": "lkjip-2025-rev1", "commit": "a" * 40, "sha256": "b" * 64}
    assert tte.parse_qr_payload("tag=x\ncommit=y") == {}  # no format line: not ours


@pytest.mark.parametrize("url", ["https://tte.example.go.id/api/", "http://127.0.0.1:8080",
                                 "http://localhost/api", "http://[::1]:9/api"])
def test_remote_signer_urls_accepted(url: str) -> None:
    assert tte.RemoteSigner(url, "1", "p").url == url.rstrip("/")


@pytest.mark.parametrize("url", ["http://tte.example.go.id/api", "http://10.0.0.1/api",
                                 "ftp://127.0.0.1/", "tte.example.go.id"])
def test_remote_signer_urls_refused(url: str) -> None:
    with pytest.raises(UserError, match="https://"):
        tte.RemoteSigner(url, "1", "p")


def _subject(**values: str) -> x509.Name:
    return x509.Name.build(values)


def test_certificate_names_the_person() -> None:
    assert tte.certificate_names(_subject(common_name="HERI ADIWIJAYA"),
                                 "HERI ADIWIJAYA, SE", "197407052006041007")
    assert tte.certificate_names(_subject(common_name="Siti Aminah"), "Dra. SITI AMINAH", "1")
    assert tte.certificate_names(_subject(common_name="H. Adiwijaya",
                                          serial_number="197407052006041007"),
                                 "HERI ADIWIJAYA, SE", "197407052006041007")
    assert not tte.certificate_names(_subject(common_name="ORANG LUAR"),
                                     "HERI ADIWIJAYA, SE", "197407052006041007")
    assert not tte.certificate_names(_subject(common_name=""), "", "")


def test_verify_pdf_fails_closed_on_what_is_not_a_signed_pdf() -> None:
    assert tte.verify_pdf(b"bukan PDF", []).problems[0].startswith(
        "berkas tidak dapat dibaca sebagai PDF")
    minimal = (b"%PDF-1.7\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
               b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n")
    xref = len(minimal)
    minimal += (b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n"
                + f"{minimal.index(b'2 0 obj'):010d} 00000 n \n".encode()
                + b"trailer<</Size 3/Root 1 0 R>>\nstartxref\n" + str(xref).encode()
                + b"\n%%EOF\n")
    assert tte.verify_pdf(minimal, []).problems == ["PDF tidak memuat tanda tangan elektronik"]
