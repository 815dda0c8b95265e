"""Tanda tangan elektronik (TTE): a PAdES signature on the release PDF/A-3b, and its check.

A TTE with legal force (PP 71/2019) is a certificate-based PDF signature. Here pyHanko makes
it and checks it; lkjip adds what binds it to the Git chain.

**Signing.** :func:`sign_release_pdf` adds, in one incremental update that keeps PDF/A-3b:
the signature field on the lembar pengesahan's empty box (found by its named destination,
:data:`~pipeline.render.approval.SIGNATURE_BOX`), its visible appearance (a QR code, the
Inspektur's name, NIP and the date, in an embedded font as PDF/A requires), and the PAdES
signature: B-B always, B-T with an RFC 3161 timestamp from ``tsa``, B-LT when certificate
revocation lists are given (then the chain, the CRLs and the TSA's chain go into the DSS of
the *same* revision, so the signature still covers the whole file). The unsigned PDF is not
changed: it is the first revision, byte for byte, and its SHA-256 is in the QR code.

The QR code encodes what a verifier needs offline (:func:`qr_payload`)::

    LKJIP-TTE/1
    tag=lkjip-2025
    commit=<40 hex>
    sha256=<SHA-256 of the unsigned PDF, the content the signature approves>

The same text is the field's alternate description (``/TU``), so :func:`verify_pdf` reads it
without decoding an image.

**Signers.** pyHanko's interrupted signing keeps the key out of the PDF code: the document
digest and the CMS signed attributes are prepared, only the hash of those attributes goes to
a :class:`TteSigner`, and the raw signature it returns is checked against the certificate
before it is embedded. Two signers exist: :class:`Pkcs12Signer` (a local ``.p12``) and
:class:`RemoteSigner`, a hash-signing service reached by URL, as BSrE signs a hash sent with
the signer's NIK and passphrase. Passphrases are only passed through, never stored.

**Verification.** :func:`verify_pdf` judges fail-closed: exactly one signature field; the
signature intact, valid and covering the entire file (an appended incremental update is
refused even though pyHanko still calls the signature intact); the chain trusted by the roots
given (never roots from the PDF); the QR code consistent with the unsigned revision; and it
reports who signed and when. :func:`check_commit` adds, inside the repository, whether the
commit and tree the PDF names are a verified ``main``.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import io
import ipaddress
import json
import re
import subprocess
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import pygit2
from asn1crypto import crl as asn1_crl
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509 as pyca_x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import Prehashed
from cryptography.hazmat.primitives.serialization import pkcs12

from pipeline.errors import UserError
from pipeline.logs import collected_warnings
from pipeline.messages import WIB
from pipeline.messages import tte as msg
from pipeline.render.approval import SIGNATURE_BOX

FIELD_NAME = "TTE-Inspektur"
QR_FORMAT = "LKJIP-TTE/1"
DIGEST = "sha256"
COMMIT_KEY = "/LkjipCommit"  # the document-information entry a release writes
SOURCE_MANIFEST = "manifest-sumber.json"
_TIMEOUT = 30  # seconds for a remote signer or a TSA


# --- the signer interface -----------------------------------------------------------------


class TteSigner(Protocol):
    """Who signs: a certificate chain, and a raw signature over a SHA-256 digest.

    ``sign_digest`` gets the digest of the CMS signed attributes (never the document) and
    returns an RSA PKCS#1 v1.5 signature of it (RSA: an EC key would make pyHanko raise the
    PDF version to 2.0, which PDF/A-3 does not allow).
    """

    def certificates(self) -> tuple[asn1_x509.Certificate, tuple[asn1_x509.Certificate, ...]]:
        """(the signer's certificate, the other certificates of its chain)."""
        ...

    def sign_digest(self, digest: bytes, algorithm: str) -> bytes: ...


def _asn1(cert: pyca_x509.Certificate) -> asn1_x509.Certificate:
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


class Pkcs12Signer:
    """A TTE from a local PKCS#12 file (``.p12``/``.pfx``) and its password."""

    def __init__(self, path: Path, password: bytes) -> None:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(msg.P12_UNREADABLE.format(path=path, reason=exc.strerror)) from None
        try:
            key, cert, others = pkcs12.load_key_and_certificates(data, password)
        except ValueError:
            raise UserError(msg.P12_BAD.format(path=path)) from None
        if key is None or cert is None:
            raise UserError(msg.P12_INCOMPLETE.format(path=path))
        if not isinstance(key, rsa.RSAPrivateKey):
            raise UserError(msg.P12_NOT_RSA.format(path=path))
        self._key = key
        self._cert = _asn1(cert)
        self._chain = tuple(_asn1(c) for c in others)

    def certificates(self) -> tuple[asn1_x509.Certificate, tuple[asn1_x509.Certificate, ...]]:
        return self._cert, self._chain

    def sign_digest(self, digest: bytes, algorithm: str) -> bytes:
        if algorithm != DIGEST:
            raise UserError(msg.UNSUPPORTED_DIGEST.format(algorithm=algorithm))
        return self._key.sign(digest, padding.PKCS1v15(), Prehashed(hashes.SHA256()))


class RemoteSigner:
    """A hash-signing service, e.g. an adapter in front of BSrE, configured by URL.

    The protocol (JSON over HTTPS; plain HTTP only to this machine, for tests)::

        GET  {url}/sertifikat?nik=NIK
             -> {"sertifikat": ["-----BEGIN CERTIFICATE-----...", ...]}  signer's first
        POST {url}/tandatangan  {"nik": NIK, "passphrase": ..., "algoritma": "sha256",
                                 "hash": base64(digest)}
             -> {"tandatangan": base64(RSA PKCS#1 v1.5 signature of the digest)}

    A refusal is an HTTP error with ``{"pesan": "..."}``. The passphrase is held only for
    the one request that needs it.
    """

    def __init__(self, url: str, nik: str, passphrase: str) -> None:
        self.url = _checked_url(url)
        self.nik = nik
        self._passphrase = passphrase
        self._certs: tuple[asn1_x509.Certificate, tuple[asn1_x509.Certificate, ...]] | None \
            = None

    def certificates(self) -> tuple[asn1_x509.Certificate, tuple[asn1_x509.Certificate, ...]]:
        if self._certs is None:
            query = urllib.parse.urlencode({"nik": self.nik})
            answer = self._call(f"{self.url}/sertifikat?{query}", None)
            try:
                certs = [_load_cert(text.encode()) for text in answer["sertifikat"]]
            except (KeyError, TypeError, ValueError):
                raise UserError(msg.REMOTE_BAD_ANSWER.format(url=self.url)) from None
            if not certs:
                raise UserError(msg.REMOTE_BAD_ANSWER.format(url=self.url))
            self._certs = certs[0], tuple(certs[1:])
        return self._certs

    def sign_digest(self, digest: bytes, algorithm: str) -> bytes:
        body = {"nik": self.nik, "passphrase": self._passphrase, "algoritma": algorithm,
                "hash": base64.b64encode(digest).decode()}
        answer = self._call(f"{self.url}/tandatangan", body)
        self._passphrase = ""  # one signature per release: forget it as soon as it is used
        try:
            return base64.b64decode(answer["tandatangan"], validate=True)
        except (KeyError, TypeError, ValueError):
            raise UserError(msg.REMOTE_BAD_ANSWER.format(url=self.url)) from None

    def _call(self, url: str, body: dict[str, str] | None) -> dict[str, object]:
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(url, data=data, method="GET" if body is None else "POST",
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=_TIMEOUT) as response:  # noqa: S310
                answer = json.loads(response.read())
        except urllib.error.HTTPError as exc:
            try:
                reason = str(json.loads(exc.read()).get("pesan", exc.reason))
            except (ValueError, AttributeError):
                reason = str(exc.reason)
            raise UserError(msg.REMOTE_REFUSED.format(url=self.url, code=exc.code,
                                                      reason=reason)) from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise UserError(msg.REMOTE_UNREACHABLE.format(url=self.url, reason=exc)) from None
        if not isinstance(answer, dict):
            raise UserError(msg.REMOTE_BAD_ANSWER.format(url=self.url))
        return answer


def _checked_url(url: str) -> str:
    """HTTPS, or HTTP to this machine only: a passphrase never crosses a network in clear."""
    parts = urllib.parse.urlsplit(url)
    host = parts.hostname or ""
    local = host == "localhost"
    try:
        local = local or ipaddress.ip_address(host).is_loopback
    except ValueError:
        pass
    if parts.scheme == "https" or (parts.scheme == "http" and local):
        return url.rstrip("/")
    raise UserError(msg.REMOTE_URL_INSECURE.format(url=url))


def _load_cert(data: bytes) -> asn1_x509.Certificate:
    if pem.detect(data):
        _, _, data = pem.unarmor(data)
    return asn1_x509.Certificate.load(data)


def load_certificates(path: Path) -> list[asn1_x509.Certificate]:
    """Every certificate in a PEM (or single DER) file: trust roots given by the user."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UserError(msg.ROOTS_UNREADABLE.format(path=path, reason=exc.strerror)) from None
    try:
        if pem.detect(data):
            certs = [asn1_x509.Certificate.load(der) for kind, _, der in pem.unarmor(data, True)
                     if kind == "CERTIFICATE"]
        else:
            certs = [asn1_x509.Certificate.load(data)]
        for cert in certs:
            cert.native  # noqa: B018  (parse now: a broken file fails here, not later)
    except ValueError:
        raise UserError(msg.ROOTS_BAD.format(path=path)) from None
    if not certs:
        raise UserError(msg.ROOTS_BAD.format(path=path))
    return certs


def load_crls(paths: Sequence[Path]) -> list[asn1_crl.CertificateList]:
    crls = []
    for path in paths:
        try:
            data = path.read_bytes()
            ders = [der for _, _, der in pem.unarmor(data, True)] if pem.detect(data) \
                else [data]
            for der in ders:
                crl = asn1_crl.CertificateList.load(der)
                crl.native  # noqa: B018
                crls.append(crl)
        except OSError as exc:
            raise UserError(msg.CRL_UNREADABLE.format(path=path, reason=exc.strerror)) \
                from None
        except ValueError:
            raise UserError(msg.CRL_BAD.format(path=path)) from None
    return crls


# --- signing ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Signatory:
    """Who signs, as the stamp shows it (from the roster and the SOP, not the certificate)."""

    name: str
    nip: str
    title: str


@dataclass(frozen=True)
class SignedPdf:
    data: bytes
    record: dict[str, object]  # what the archive manifest records about the signature


def qr_payload(tag: str, commit: str, unsigned_sha256: str) -> str:
    return f"{QR_FORMAT}\ntag={tag}\ncommit={commit}\nsha256={unsigned_sha256}"


def parse_qr_payload(text: str) -> dict[str, str]:
    lines = text.strip().splitlines()
    start = lines.index(QR_FORMAT) if QR_FORMAT in lines else -1
    if start < 0:
        return {}
    pairs = (line.partition("=") for line in lines[start + 1:])
    return {k: v for k, sep, v in pairs if sep}


def sign_release_pdf(unsigned: bytes, signer: TteSigner, signatory: Signatory, *, tag: str,
                     commit: str, year: str, tsa: str | None = None,
                     crls: Sequence[asn1_crl.CertificateList] = (),
                     when: datetime | None = None) -> SignedPdf:
    """Sign the unsigned release PDF as ``signatory``; the input bytes stay a prefix."""
    # pyHanko warns that nothing is fetched (on purpose: the CRLs are given) and fontTools that
    # it drops a table it cannot subset: both are expected, neither is for the user.
    with collected_warnings("pyhanko"), collected_warnings("fontTools"):
        return asyncio.run(_sign(unsigned, signer, signatory, tag=tag, commit=commit,
                                 year=year, tsa=tsa, crls=list(crls),
                                 when=when or datetime.now(WIB)))


async def _sign(unsigned: bytes, signer: TteSigner, signatory: Signatory, *, tag: str,
                commit: str, year: str, tsa: str | None,
                crls: list[asn1_crl.CertificateList], when: datetime) -> SignedPdf:
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers
    from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
    from pyhanko.sign.signers.pdf_signer import (
        DSSContentSettings,
        PdfTBSDocument,
        SigDSSPlacementPreference,
    )
    from pyhanko.sign.timestamps import HTTPTimeStamper
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    cert, chain = signer.certificates()
    if cert.public_key.algorithm != "rsa":
        raise UserError(msg.P12_NOT_RSA.format(path=cert.subject.human_friendly))
    unsigned_sha = hashlib.sha256(unsigned).hexdigest()
    payload = qr_payload(tag, commit, unsigned_sha)
    writer = IncrementalPdfFileWriter(io.BytesIO(unsigned))
    _same_producer(writer)
    page, box = signature_box(writer.prev)
    fields.append_signature_field(writer, fields.SigFieldSpec(FIELD_NAME, on_page=page, box=box))
    for name, _, ref in fields.enumerate_sig_fields(writer):
        if name == FIELD_NAME:
            ref.get_object()["/TU"] = generic.pdf_string(msg.FIELD_DESCRIPTION + "\n" + payload)
    registry = SimpleCertificateStore.from_certs([cert, *chain])
    placeholder = signers.ExternalSigner(cert, registry,
                                         signature_value=bytes(cert.public_key.byte_size))
    timestamper = HTTPTimeStamper(tsa, timeout=_TIMEOUT) if tsa else None
    long_term = bool(crls)
    context = None
    if long_term:
        roots = [c for c in (cert, *chain) if c.self_signed == "maybe" or c.self_signed == "yes"]
        context = ValidationContext(trust_roots=roots, other_certs=list(chain), crls=crls,
                                    allow_fetching=False, revocation_mode="hard-fail")
    meta = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME, md_algorithm=DIGEST, subfilter=fields.SigSeedSubFilter.PADES,
        reason=msg.SIGN_REASON.format(year=year, tag=tag), name=signatory.name,
        embed_validation_info=long_term, validation_context=context,
        dss_settings=DSSContentSettings(
            placement=SigDSSPlacementPreference.TOGETHER_WITH_SIGNATURE, include_vri=False))
    pdf_signer = signers.PdfSigner(meta, signer=placeholder, timestamper=timestamper,
                                   stamp_style=_stamp_style())
    text = {"url": payload, "nama": signatory.name, "nip": signatory.nip,
            "jabatan": signatory.title, "tanggal": _indonesian_date(when)}
    try:
        prepared, tbs, output = await pdf_signer.async_digest_doc_for_signing(
            writer, existing_fields_only=True, appearance_text_params=text)
        attrs = await placeholder.signed_attrs(
            prepared.document_digest, DIGEST, attr_settings=PdfCMSSignedAttributes(
                signing_time=when), use_pades=True, timestamper=timestamper)
        to_sign = hashlib.sha256(attrs.dump()).digest()
        raw = signer.sign_digest(to_sign, DIGEST)
        _check_raw_signature(cert, raw, to_sign)
        final = signers.ExternalSigner(cert, registry, signature_value=raw)
        cms = await final.async_sign_prescribed_attributes(DIGEST, attrs,
                                                           timestamper=timestamper)
        await PdfTBSDocument.async_finish_signing(
            output, prepared, cms, post_sign_instr=tbs.post_sign_instructions,
            validation_context=tbs.validation_context)
    except UserError:
        raise
    except Exception as exc:  # pyHanko's signing, TSA and validation errors
        raise UserError(msg.SIGN_FAILED.format(reason=_reason(exc))) from None
    output.seek(0)
    data = output.read()
    if not data.startswith(unsigned):
        raise UserError(msg.SIGN_FAILED.format(reason="revisi pertama berubah"))
    level = "B-LT" if long_term else "B-T" if tsa else "B-B"
    record = {
        "format": "PAdES", "level": level, "field": FIELD_NAME, "qr": payload,
        "unsigned_sha256": unsigned_sha, "unsigned_size": len(unsigned),
        "signer": _who(cert.subject), "name": signatory.name, "nip": signatory.nip,
        "certificate_sha256": hashlib.sha256(cert.dump()).hexdigest(),
        "issuer": _who(cert.issuer), "claimed_time": when.isoformat(timespec="seconds"),
        "timestamped": bool(tsa),
    }
    return SignedPdf(data, record)


def _same_producer(writer) -> None:  # type: ignore[no-untyped-def]
    """Keep the document information and the XMP metadata equal, as PDF/A requires.

    pyHanko writes ``pdf:Producer`` in the XMP as its own name, but *appends* its name to
    the information dictionary's ``/Producer`` ("WeasyPrint 70.0; pyHanko 0.38.0"): the two
    would then disagree. Setting ``/Producer`` to pyHanko's name first keeps them equal.
    """
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.metadata.model import VENDOR

    if "/Info" in writer.trailer:
        info = writer.trailer["/Info"]
        info["/Producer"] = generic.TextStringObject(VENDOR)
        writer.update_container(info)


def _check_raw_signature(cert: asn1_x509.Certificate, raw: bytes, digest: bytes) -> None:
    """A signer that returns garbage (or signs with another key) is caught here."""
    key = serialization.load_der_public_key(cert.public_key.dump())
    try:
        assert isinstance(key, rsa.RSAPublicKey)
        key.verify(raw, digest, padding.PKCS1v15(), Prehashed(hashes.SHA256()))
    except (InvalidSignature, AssertionError):
        raise UserError(msg.SIGNER_WRONG_SIGNATURE) from None


def _who(name: asn1_x509.Name) -> str:
    """``HERI ADIWIJAYA (Pemerintah Kabupaten Uji)``: common name and organisation."""
    native = name.native
    common = native.get("common_name") or name.human_friendly
    org = native.get("organization_name")
    if isinstance(common, list):
        common = ", ".join(common)
    if isinstance(org, list):
        org = ", ".join(org)
    return f"{common} ({org})" if org else str(common)


def _reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:300]


_MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
           "September", "Oktober", "November", "Desember")


def _indonesian_date(moment: datetime) -> str:
    local = moment.astimezone(WIB)
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year}, {local:%H:%M} WIB"


@lru_cache(maxsize=1)
def _stamp_font() -> str:
    """A TrueType font file to embed in the stamp (PDF/A allows no unembedded font)."""
    for family in ("Liberation Sans", "DejaVu Sans"):
        try:
            found = subprocess.run(["fc-match", "--format=%{file}", family],
                                   capture_output=True, text=True, timeout=10).stdout
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found.endswith((".ttf", ".otf")) and Path(found).is_file():
            return found
    for path in ("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
                 "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"):
        if Path(path).is_file():
            return path
    raise UserError(msg.NO_STAMP_FONT)


@lru_cache(maxsize=2)
def _font_in_thousandths(path: str) -> bytes:
    """The font's Latin glyphs, rescaled to 1000 units per em.

    pyHanko 0.38 writes a subset font's glyph widths (``/W``) in the font's own units, which
    PDF reads as thousandths of an em: a 2048-unit TrueType font (Liberation, DejaVu) is then
    drawn with every glyph twice as far apart. fontTools rescales the font; nothing else changes.
    """
    from fontTools import subset
    from fontTools.ttLib import TTFont
    from fontTools.ttLib.scaleUpem import scale_upem

    font = TTFont(path)
    # Rescaling every glyph of the font takes seconds; the stamp needs Latin letters only
    # (names, NIP, dates), so keep those first (pyHanko subsets again what is drawn).
    options = subset.Options()
    options.layout_features, options.name_IDs, options.hinting = ["*"], ["*"], False
    keep = subset.Subsetter(options)
    keep.populate(unicodes=[*range(0x20, 0x7F), *range(0xA0, 0x250)])
    keep.subset(font)
    if font["head"].unitsPerEm != 1000:
        scale_upem(font, 1000)
    out = io.BytesIO()
    font.save(out)
    return out.getvalue()


def _stamp_style():  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulator, GlyphAccumulatorFactory
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import QRPosition, QRStampStyle

    class ThousandthsFont(GlyphAccumulatorFactory):
        def create_font_engine(self, writer, obj_stream=None):  # type: ignore[no-untyped-def]
            if obj_stream is None and writer.stream_xrefs and self.create_objstream_if_needed:
                obj_stream = writer.prepare_object_stream()
            return GlyphAccumulator(writer=writer,
                                    font_handle=io.BytesIO(_font_in_thousandths(self.font_file)),
                                    font_size=self.font_size, obj_stream=obj_stream)

    size = 9
    return QRStampStyle(
        stamp_text=msg.STAMP_TEXT, border_width=0, background=None, innsep=3,
        qr_position=QRPosition.LEFT_OF_TEXT,
        text_box_style=TextBoxStyle(font=ThousandthsFont(_stamp_font(), font_size=size),
                                    font_size=size, leading=size + 2))


def _name_tree(node: object, depth: int = 0) -> Iterator[tuple[str, object]]:
    """(name, value) pairs of a PDF name tree (``/Names`` leaves, ``/Kids`` inside)."""
    if depth > 32 or not hasattr(node, "get"):
        return
    names = node.get("/Names")  # type: ignore[attr-defined]
    if names is not None:
        for i in range(0, len(names) - 1, 2):
            yield str(names[i]), names[i + 1]
    for kid in node.get("/Kids", ()):  # type: ignore[attr-defined]
        yield from _name_tree(kid.get_object(), depth + 1)


def _page_refs(reader) -> list[object]:  # type: ignore[no-untyped-def]
    """References of the pages, in order (pyHanko dereferences array items: use raw_get)."""
    refs: list[object] = []

    def walk(ref, depth: int) -> None:  # type: ignore[no-untyped-def]
        node = ref.get_object()
        if node.get("/Type") == "/Pages" and depth < 64:
            kids = node["/Kids"]
            for i in range(len(kids)):
                walk(kids.raw_get(i), depth + 1)
        else:
            refs.append(ref.reference)

    walk(reader.root.raw_get("/Pages"), 0)
    return refs


def signature_box(reader) -> tuple[int, tuple[int, int, int, int]]:  # type: ignore[no-untyped-def]
    """(page index, rectangle) of the lembar pengesahan's empty signature box."""
    dests = reader.root.get("/Names", {}).get("/Dests")
    target = None
    if dests is not None:
        target = next((v for k, v in _name_tree(dests.get_object()) if k == SIGNATURE_BOX.id),
                      None)
    if target is None:
        raise UserError(msg.NO_SIGNATURE_BOX.format(id=SIGNATURE_BOX.id))
    target = target.get_object()
    if hasattr(target, "get") and "/D" in target:
        target = target["/D"]
    page_ref = target.raw_get(0).reference
    page = _page_refs(reader).index(page_ref)
    left, top = round(float(target[2])), round(float(target[3]))
    # Rounded corner first, then the fixed size: the field is the box's size wherever the
    # layout puts it (rounding both corners could lose a point either way).
    box = (left, top - round(SIGNATURE_BOX.height_pt),
           left + round(SIGNATURE_BOX.width_pt), top)
    return page, box


# --- verification -------------------------------------------------------------------------


@dataclass
class PdfCheck:
    """What :func:`verify_pdf` found: problems (refusals) and facts (the explanation)."""

    problems: list[str] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    commit: str = ""
    tree: str = ""
    tag: str = ""
    signer: str = ""
    certificate_sha256: str = ""
    unsigned_sha256: str = ""
    subject: asn1_x509.Name | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_pdf(data: bytes, roots: Sequence[asn1_x509.Certificate]) -> PdfCheck:
    """Judge a signed release PDF offline against ``roots`` (fail closed).

    pyHanko logs a failed path search with its traceback; the reason reaches the user in
    :class:`PdfCheck`'s words instead, so those logs are kept off stderr.
    """
    with collected_warnings("pyhanko"), collected_warnings("pyhanko_certvalidator"):
        return _verify_pdf(data, roots)


def _verify_pdf(data: bytes, roots: Sequence[asn1_x509.Certificate]) -> PdfCheck:
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields
    from pyhanko.sign.general import UnacceptableSignerError
    from pyhanko.sign.validation import DocumentSecurityStore, validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext
    from pyhanko_certvalidator.errors import PathBuildingError

    check = PdfCheck()
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        sig_fields = [name for name, _, _ in enumerate_sig_fields(reader)]
        signatures = reader.embedded_signatures
    except Exception as exc:  # noqa: BLE001  (anything unreadable is refused, with the reason)
        check.problems.append(msg.NOT_A_PDF.format(reason=_reason(exc)))
        return check
    if not signatures:
        check.problems.append(msg.NOT_SIGNED)
        return check
    if len(sig_fields) != 1:
        check.problems.append(msg.FIELD_COUNT.format(count=len(sig_fields),
                                                     names=", ".join(sig_fields)))
    signature = next((s for s in signatures if s.field_name == FIELD_NAME), signatures[0])
    if signature.field_name != FIELD_NAME:
        check.problems.append(msg.FIELD_NAME.format(name=signature.field_name,
                                                    expected=FIELD_NAME))
    dss = None
    try:
        dss = DocumentSecurityStore.read_dss(reader)
    except Exception:  # noqa: BLE001  (no DSS, or a broken one: validate without it)
        pass
    revinfo = dss is not None and bool(dss.crls or dss.ocsps)
    check.certificate_sha256 = hashlib.sha256(signature.signer_cert.dump()).hexdigest()
    try:
        # Roots only from the caller; the DSS may add intermediates and revocation data.
        settings = {"trust_roots": list(roots), "allow_fetching": False,
                    "revocation_mode": "hard-fail" if revinfo else "soft-fail"}
        context = dss.as_validation_context(settings) if dss is not None \
            else ValidationContext(**settings)
        status = validate_pdf_signature(signature, context)
    except (SignatureValidationError, UnacceptableSignerError, PathBuildingError, PdfError,
            ValueError, KeyError, TypeError) as exc:
        check.problems.append(msg.CANNOT_VALIDATE.format(reason=_reason(exc)))
        return check
    except Exception as exc:  # noqa: BLE001  (the PDF is attacker input: fail closed, say why)
        check.problems.append(msg.CANNOT_VALIDATE.format(reason=_reason(exc)))
        return check
    cert = status.signing_cert
    check.signer = _who(cert.subject)
    check.subject = cert.subject
    if not (status.intact and status.valid):
        check.problems.append(msg.NOT_INTACT)
    else:
        check.facts.append(msg.FACT_INTACT)
    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        check.facts.append(msg.FACT_WHOLE_FILE)
    else:
        check.problems.append(msg.NOT_WHOLE_FILE.format(
            size=len(data), covered=_covered(signature)))
    if status.trusted and not status.revoked:
        root = status.validation_path[0] if status.validation_path is not None else None
        check.facts.append(msg.FACT_TRUSTED.format(
            root=_who(root.subject) if root is not None and hasattr(root, "subject") else "?"))
    elif status.revoked:
        check.problems.append(msg.REVOKED)
    else:
        check.problems.append(msg.NOT_TRUSTED.format(issuer=_who(cert.issuer)))
    if not status.bottom_line and not check.problems:
        check.problems.append(msg.NOT_VALID.format(summary=status.summary()))
    check.facts.append(msg.FACT_SIGNER.format(
        subject=_who(cert.subject), issuer=_who(cert.issuer),
        fingerprint=check.certificate_sha256[:16]))
    check.facts.append(_time_fact(status))
    check.facts.append(msg.FACT_LEVEL.format(level=_level(status, revinfo)))
    _check_content(data, reader, signature, check)
    return check


def _covered(signature) -> int:  # type: ignore[no-untyped-def]
    byte_range = signature.sig_object.get("/ByteRange", [0, 0, 0, 0])
    return int(byte_range[2]) + int(byte_range[3])


def _time_fact(status) -> str:  # type: ignore[no-untyped-def]
    stamp = status.timestamp_validity
    if stamp is not None and stamp.intact and stamp.valid and stamp.trusted:
        return msg.FACT_TIMESTAMP.format(time=_local(stamp.timestamp),
                                         tsa=_who(stamp.signing_cert.subject))
    if stamp is not None:
        return msg.FACT_TIMESTAMP_UNTRUSTED.format(time=_local(stamp.timestamp))
    claimed = status.signer_reported_dt
    return msg.FACT_CLAIMED_TIME.format(time=_local(claimed) if claimed else "?")


def _local(moment: datetime) -> str:
    return moment.astimezone(WIB).strftime("%d-%m-%Y %H:%M:%S WIB")


def _level(status, revinfo: bool) -> str:  # type: ignore[no-untyped-def]
    stamp = status.timestamp_validity is not None
    return "B-LT" if stamp and revinfo else "B-T" if stamp else "B-B"


def unsigned_revision(data: bytes, reader, signature) -> bytes:  # type: ignore[no-untyped-def]
    """The bytes of the revision the signature was added to: the unsigned release PDF."""
    revision = signature.signed_revision
    if revision < 1:
        return b""
    start = reader.xrefs.get_startxref_for_revision(revision - 1)
    end = data.find(b"%%EOF", start)
    if end < 0:
        return b""
    end += 5
    while end < len(data) and data[end:end + 1] in (b"\r", b"\n"):
        end += 1
    return data[:end]


def _check_content(data: bytes, reader, signature, check: PdfCheck) -> None:  # type: ignore[no-untyped-def]
    """The unsigned revision: the commit and tree it names, its hash, the QR payload."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    unsigned = unsigned_revision(data, reader, signature)
    if not unsigned:
        check.problems.append(msg.NO_UNSIGNED_REVISION)
        return
    check.unsigned_sha256 = hashlib.sha256(unsigned).hexdigest()
    try:
        base = PdfFileReader(io.BytesIO(unsigned), strict=False)
        info = base.trailer_view.get("/Info")
        commit = str(info.get_object().get(COMMIT_KEY, "")) if info is not None else ""
        source = _embedded_file(base, SOURCE_MANIFEST)
        manifest = json.loads(source) if source else {}
    except Exception as exc:  # noqa: BLE001  (a broken unsigned revision is a refusal)
        check.problems.append(msg.UNSIGNED_UNREADABLE.format(reason=_reason(exc)))
        return
    check.commit = commit
    check.tree = str(manifest.get("tree", "")) if isinstance(manifest, dict) else ""
    if not re.fullmatch(r"[0-9a-f]{40}", commit):
        check.problems.append(msg.NO_COMMIT)
    elif not isinstance(manifest, dict) or manifest.get("commit") != commit:
        check.problems.append(msg.MANIFEST_COMMIT_MISMATCH.format(commit=commit))
    described = signature.sig_field.get("/TU")
    payload = parse_qr_payload(str(described)) if described is not None else {}
    check.tag = payload.get("tag", "")
    if not payload:
        check.problems.append(msg.NO_QR)
    elif payload.get("commit") != commit or payload.get("sha256") != check.unsigned_sha256:
        check.problems.append(msg.QR_MISMATCH.format(
            qr_commit=payload.get("commit", "?")[:10], commit=commit[:10],
            qr_sha=payload.get("sha256", "?")[:16], sha=check.unsigned_sha256[:16]))
    else:
        check.facts.append(msg.FACT_QR.format(tag=check.tag, commit=commit,
                                              sha=check.unsigned_sha256))
    if _is_pdfa3b(reader):
        check.facts.append(msg.FACT_PDFA)
    else:
        check.problems.append(msg.NOT_PDFA)


def _embedded_file(reader, name: str) -> bytes | None:  # type: ignore[no-untyped-def]
    files = reader.root.get("/Names", {}).get("/EmbeddedFiles")
    if files is None:
        return None
    for key, spec in _name_tree(files.get_object()):
        spec = spec.get_object()
        if key == name or str(spec.get("/UF", "")) == name:
            return spec["/EF"]["/F"].get_object().data
    return None


def _is_pdfa3b(reader) -> bool:  # type: ignore[no-untyped-def]
    metadata = reader.root.get("/Metadata")
    if metadata is None:
        return False
    xmp = metadata.get_object().data.decode("utf-8", "replace")
    part = re.search(r"pdfaid:part(?:>|=\")\s*3", xmp)
    conformance = re.search(r"pdfaid:conformance(?:>|=\")\s*B", xmp)
    return bool(part and conformance)


# --- the repository -----------------------------------------------------------------------


def _plain_name(name: str) -> str:
    """``Dra. SITI AMINAH, M.Si.`` -> ``SITI AMINAH``: a name without degrees, for comparing."""
    words = name.split(",")[0].split()
    return " ".join(w for w in words if not w.endswith(".")).upper()


def certificate_names(subject: asn1_x509.Name, name: str, nip: str) -> bool:
    """Does a certificate subject name this person (their name, or their NIP anywhere)?"""
    native = subject.native
    values = [v for value in native.values() for v in (value if isinstance(value, list)
                                                        else [value])]
    common = native.get("common_name") or ""
    common = ", ".join(common) if isinstance(common, list) else str(common)
    return bool(nip and any(nip in str(v) for v in values)) or (
        bool(_plain_name(name)) and _plain_name(common) == _plain_name(name))


def check_commit(repo: pygit2.Repository, commit: str, tree: str, tag: str,
                 subject: asn1_x509.Name | None = None) -> list[str]:
    """Problems with the commit a PDF names: not ``main``, not verified, other tree, tag; and,
    with ``subject``, a certificate that does not name the head who signed that round.

    The trust roots of a TTE (BSrE's) certify every civil servant: a trusted signature says
    *who* signed, and only the approval chain says who had to.
    """
    from pipeline.publish.mainline import judge_main
    from pipeline.workflow import gitrepo

    try:
        obj = repo.get(commit) if re.fullmatch(r"[0-9a-f]{40}", commit) else None
    except ValueError:
        obj = None
    if not isinstance(obj, pygit2.Commit):
        return [msg.COMMIT_UNKNOWN.format(commit=commit or "?")]
    problems = []
    if tree and str(obj.tree_id) != tree:
        problems.append(msg.TREE_MISMATCH.format(commit=commit[:10], tree=tree[:10],
                                                 actual=str(obj.tree_id)[:10]))
    try:
        tip = gitrepo.main_tip(repo)
    except UserError:
        return [*problems, msg.NO_MAIN]
    if str(tip) != commit and not repo.descendant_of(tip, obj.id):
        return [*problems, msg.COMMIT_NOT_ON_MAIN.format(commit=commit[:10])]
    verdict = judge_main(repo, commit)
    if not verdict.ok or not verdict.merges:
        problems.append(msg.COMMIT_NOT_VERIFIED.format(commit=commit[:10]))
    elif subject is not None:
        head = next((e for e in verdict.merges[-1][1].chain if e.action == "sign"), None)
        if head is None:
            problems.append(msg.NO_SIGNATORY)
        elif not certificate_names(subject, head.name, head.nip):
            problems.append(msg.SIGNER_NOT_HEAD.format(
                signer=_who(subject), name=head.name, nip=head.nip))
    if tag:
        ref = repo.references.get(f"refs/tags/{tag}")
        if ref is not None and str(ref.peel(pygit2.Commit).id) != commit:
            problems.append(msg.TAG_ELSEWHERE.format(tag=tag, commit=commit[:10]))
    return problems


# --- the release and its archive ----------------------------------------------------------


@dataclass(frozen=True)
class TteOptions:
    """How ``lkjip release --tte`` signs: the signer, a TSA URL (B-T), CRLs (B-LT)."""

    signer: TteSigner
    tsa: str | None = None
    crls: tuple[asn1_crl.CertificateList, ...] = ()


def sign_release(repo: pygit2.Repository, pdf: Path, source: dict[str, object], tag: str,
                 year: str, options: TteOptions) -> dict[str, object]:
    """Sign the release PDF in place as the head who signed the round; returns the record.

    The signatory is the chain's ``sign`` step (the Inspektur), with the title of that role
    in the SOP of the released commit.
    """
    from pipeline.workflow.facts import sop_at

    commit = str(source["commit"])
    chain = source.get("chain") or []
    step = next((e for e in chain if isinstance(e, dict) and e.get("action") == "sign"), None)
    if step is None:
        raise UserError(msg.NO_SIGNATORY)
    roles = sop_at(repo, commit).roles
    role = str(step.get("role", ""))
    title = roles[role].title if role in roles else role
    signed = sign_release_pdf(pdf.read_bytes(), options.signer,
                              Signatory(str(step.get("name", "")), str(step.get("nip", "")),
                                        title),
                              tag=tag, commit=commit, year=year, tsa=options.tsa,
                              crls=options.crls)
    partial = pdf.with_name(f".{pdf.name}.tmp")
    partial.write_bytes(signed.data)
    partial.replace(pdf)
    return {"file": pdf.name, **signed.record}


def archive_pdf_problems(bundle: Path, manifest: dict[str, object],
                         roots: Sequence[asn1_x509.Certificate] | None) -> list[str]:
    """``verify-archive``'s share: the bundle's signed PDF judged as ``verify-pdf`` does."""
    record = manifest.get("pdf_signature")
    if not isinstance(record, dict):
        return []
    name = str(record.get("file", ""))
    if not roots:
        return [msg.ARCHIVE_PDF_NO_TRUST.format(name=name)]
    try:
        data = (bundle / name).read_bytes()
    except OSError:
        return []  # a missing file is already named by the manifest's hash check
    check = verify_pdf(data, roots)
    problems = [msg.ARCHIVE_PDF_PROBLEM.format(name=name, problem=p) for p in check.problems]
    if check.commit and check.commit != manifest.get("commit"):
        problems.append(msg.ARCHIVE_PDF_OTHER_COMMIT.format(
            name=name, pdf=check.commit[:10], manifest=str(manifest.get("commit", "?"))[:10]))
    if check.certificate_sha256 != record.get("certificate_sha256"):
        problems.append(msg.ARCHIVE_PDF_OTHER_CERT.format(name=name))
    chain = manifest.get("chain") or []
    head = next((e for e in chain if isinstance(e, dict) and e.get("action") == "sign"), None)
    if check.subject is not None and (head is None or not certificate_names(
            check.subject, str(head.get("name", "")), str(head.get("nip", "")))):
        who = msg.SIGNER_NOT_HEAD.format(signer=check.signer,
                                         name=head.get("name", "?") if head else "?",
                                         nip=head.get("nip", "?") if head else "?")
        problems.append(msg.ARCHIVE_PDF_PROBLEM.format(name=name, problem=who))
    return problems
