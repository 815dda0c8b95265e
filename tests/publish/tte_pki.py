"""A certificate authority made in the test (``cryptography``), a local RFC 3161 TSA and a fake
remote hash-signing service, both on 127.0.0.1: what `lkjip release --tte` meets in an office.

The CA issues the Inspektur's certificate (RSA, non-repudiation, as a BSrE TTE) and the TSA's,
and a CRL; a second CA stands for a root the verifier does not trust. Nothing is mocked: the
TSA answers real timestamp requests over HTTP, signed with its key (pyHanko's
``DummyTimeStamper`` does the RFC 3161 encoding), and the service signs real digests.
"""

from __future__ import annotations

import asyncio
import base64
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from asn1crypto import keys as asn1_keys
from asn1crypto import tsp
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from publish_helpers import QuietHandler

NOW = datetime.now(UTC)
CRL_URL = "http://127.0.0.1:9/ca.crl"  # never fetched: verification is offline


def _name(cn: str, org: str = "Balai Sertifikasi Elektronik Uji") -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Ca:
    key: rsa.RSAPrivateKey
    cert: x509.Certificate

    @classmethod
    def make(cls, cn: str) -> Ca:
        key = _key()
        name = _name(cn)
        cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                .public_key(key.public_key()).serial_number(x509.random_serial_number())
                .not_valid_before(NOW - timedelta(days=1))
                .not_valid_after(NOW + timedelta(days=3650))
                .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(False, False, False, False, False, True, True,
                                             False, False), critical=True)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                               critical=False)
                .sign(key, hashes.SHA256()))
        return cls(key, cert)

    def issue(self, cn: str, *, tsa: bool = False) -> tuple[rsa.RSAPrivateKey, x509.Certificate]:
        key = _key()
        builder = (x509.CertificateBuilder().subject_name(_name(cn, "Pemerintah Kabupaten Uji"))
                   .issuer_name(self.cert.subject).public_key(key.public_key())
                   .serial_number(x509.random_serial_number())
                   .not_valid_before(NOW - timedelta(hours=1))
                   .not_valid_after(NOW + timedelta(days=365))
                   .add_extension(x509.BasicConstraints(ca=False, path_length=None), True)
                   .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
                       self.key.public_key()), False)
                   .add_extension(x509.CRLDistributionPoints([x509.DistributionPoint(
                       [x509.UniformResourceIdentifier(CRL_URL)], None, None, None)]), False))
        if tsa:
            builder = (builder.add_extension(x509.KeyUsage(True, False, False, False, False,
                                                           False, False, False, False), True)
                       .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]),
                                      critical=True))
        else:
            builder = builder.add_extension(
                x509.KeyUsage(True, True, False, False, False, False, False, False, False), True)
        return key, builder.sign(self.key, hashes.SHA256())

    def crl(self) -> bytes:
        crl = (x509.CertificateRevocationListBuilder().issuer_name(self.cert.subject)
               .last_update(NOW - timedelta(hours=1)).next_update(NOW + timedelta(days=30))
               .sign(self.key, hashes.SHA256()))
        return crl.public_bytes(serialization.Encoding.DER)

    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)


@dataclass
class Pki:
    root: Ca
    stranger: Ca  # a root nobody in the test trusts
    inspektur_key: rsa.RSAPrivateKey
    inspektur: x509.Certificate
    tsa_key: rsa.RSAPrivateKey
    tsa: x509.Certificate
    folder: Path

    @classmethod
    def make(cls, folder: Path, name: str) -> Pki:
        root, stranger = Ca.make("Root CA Uji"), Ca.make("Root CA Lain")
        key, cert = root.issue(name)
        tsa_key, tsa = root.issue("TSA Uji", tsa=True)
        folder.mkdir(parents=True, exist_ok=True)
        pki = cls(root, stranger, key, cert, tsa_key, tsa, folder)
        (folder / "root.pem").write_bytes(root.pem())
        (folder / "stranger.pem").write_bytes(stranger.pem())
        (folder / "ca.crl").write_bytes(root.crl())
        return pki

    def p12(self, password: bytes, *, key: rsa.RSAPrivateKey | None = None,
            cert: x509.Certificate | None = None, ca: Ca | None = None) -> Path:
        ca = ca or self.root
        path = self.folder / f"tte-{len(list(self.folder.glob('*.p12')))}.p12"
        path.write_bytes(pkcs12.serialize_key_and_certificates(
            b"inspektur", key or self.inspektur_key, cert or self.inspektur, [ca.cert],
            serialization.BestAvailableEncryption(password)))
        return path

    def chain_pem(self) -> list[str]:
        return [c.public_bytes(serialization.Encoding.PEM).decode()
                for c in (self.inspektur, self.root.cert)]


def tsa_handler(pki: Pki) -> type[BaseHTTPRequestHandler]:
    """An RFC 3161 TSA over HTTP (application/timestamp-query)."""
    from pyhanko.sign.timestamps import DummyTimeStamper

    stamper = DummyTimeStamper(
        tsa_cert=asn1_x509.Certificate.load(pki.tsa.public_bytes(serialization.Encoding.DER)),
        tsa_key=asn1_keys.PrivateKeyInfo.load(pki.tsa_key.private_bytes(
            serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption())))

    class Tsa(QuietHandler):
        requests = 0

        def do_POST(self) -> None:  # noqa: N802
            Tsa.requests += 1
            body = self.rfile.read(int(self.headers["Content-Length"]))
            request = tsp.TimeStampReq.load(body)
            answer = asyncio.run(stamper.async_request_tsa_response(request))
            self.reply(200, answer.dump(), "application/timestamp-reply")

    return Tsa


def signing_service(pki: Pki, nik: str, passphrase: str) -> type[BaseHTTPRequestHandler]:
    """The fake BSrE-like service: certificates by NIK, a signature of a hash on request."""

    class Service(QuietHandler):
        seen: list[dict[str, str]] = []

        def do_GET(self) -> None:  # noqa: N802
            url = urlsplit(self.path)
            if url.path != "/api/sertifikat" or parse_qs(url.query).get("nik") != [nik]:
                self.reply(404, json.dumps({"pesan": "NIK tidak terdaftar"}).encode(),
                           "application/json")
                return
            self.reply(200, json.dumps({"sertifikat": pki.chain_pem()}).encode(),
                       "application/json")

        def do_POST(self) -> None:  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            Service.seen.append(body)
            if self.path != "/api/tandatangan" or body.get("nik") != nik:
                self.reply(404, json.dumps({"pesan": "NIK tidak terdaftar"}).encode(),
                           "application/json")
                return
            if body.get("passphrase") != passphrase:
                self.reply(401, json.dumps({"pesan": "passphrase salah"}).encode(),
                           "application/json")
                return
            digest = base64.b64decode(body["hash"])
            signature = pki.inspektur_key.sign(digest, padding.PKCS1v15(),
                                               Prehashed(hashes.SHA256()))
            self.reply(200, json.dumps({"tandatangan": base64.b64encode(signature).decode()})
                       .encode(), "application/json")

    return Service
