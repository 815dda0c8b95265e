"""SSH signatures made and checked with ``ssh-keygen -Y``, exactly as git does with
``gpg.format=ssh``: namespace ``git``, the armoured signature stored in ``gpgsig``.

Checking answers one factual question: "is this a valid ``git``-namespace signature over
these bytes, and by which key?" Whether that key may sign is policy, decided in
:mod:`pipeline.workflow.verify`. An Ed25519 signature in the exact form ssh-keygen writes is
confirmed in-process (:mod:`pipeline.workflow.ed25519`); ssh-keygen answers everything else.
"""

from __future__ import annotations

import base64
import binascii
import functools
import hashlib
import os
import shutil
import struct
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import CannotRun, UserError
from pipeline.messages import workflow as msg
from pipeline.workflow import ed25519
from pipeline.workflow.roster import PublicKey, parse_public_key

NAMESPACE = "git"
_BEGIN = "-----BEGIN SSH SIGNATURE-----"
_END = "-----END SSH SIGNATURE-----"


@dataclass(frozen=True)
class SigningKey:
    """What ``ssh-keygen -Y sign -f`` is given, and the public key it must sign with."""

    path: str  # a private key file, or a public key file (then ssh-agent holds the secret)
    public: PublicKey
    literal: bool = False  # ``key::...``: path is written to a temporary file when signing


@dataclass(frozen=True)
class SignatureCheck:
    """The facts about one signature: by which key, and whether it is valid."""

    key: PublicKey | None
    valid: bool
    reason: str | None = None  # user-facing, when not valid


def _ssh_keygen() -> str:
    path = shutil.which("ssh-keygen")
    if path is None:
        raise CannotRun(msg.NO_SSH_KEYGEN)
    return path


def resolve_signing_key(spec: str) -> SigningKey:
    """Interpret ``--key`` or ``user.signingkey`` the way git does (path or ``key::`` line)."""
    if spec.startswith("key::") or spec.startswith("ssh-"):
        literal = spec.removeprefix("key::")
        try:
            return SigningKey(literal, parse_public_key(literal), literal=True)
        except ValueError:
            raise UserError(msg.KEY_UNREADABLE.format(path=spec[:40])) from None
    path = Path(os.path.expanduser(spec))
    if not path.is_file():
        raise UserError(msg.KEY_NOT_FOUND.format(path=spec))
    public_file = path if path.name.endswith(".pub") else path.with_name(path.name + ".pub")
    if public_file.is_file():
        text = public_file.read_text("utf-8", "replace")
    else:
        result = subprocess.run([_ssh_keygen(), "-y", "-f", str(path)],
                                capture_output=True, text=True)
        if result.returncode != 0:
            raise UserError(msg.KEY_UNREADABLE.format(path=spec))
        text = result.stdout
    try:
        return SigningKey(str(path), parse_public_key(text))
    except ValueError:
        raise UserError(msg.KEY_UNREADABLE.format(path=spec)) from None


def sign(payload: bytes, key: SigningKey, namespace: str = NAMESPACE) -> str:
    """Sign ``payload`` as git does; returns the armoured signature (with final newline).

    ``namespace`` is ``git`` for commits and tags; an archive manifest uses its own.

    The signature is checked before it is returned: a key file whose ``.pub`` does not match
    its secret half must not produce a commit attributed to the wrong key (fail closed).
    """
    with tempfile.TemporaryDirectory(prefix="lkjip-sign-") as tmp:
        key_path = key.path
        if key.literal:
            key_path = os.path.join(tmp, "key.pub")
            Path(key_path).write_text(key.public.openssh + "\n")
        data = os.path.join(tmp, "payload")
        Path(data).write_bytes(payload)
        # stdin stays the terminal: ssh-keygen may ask for a passphrase there, as under git.
        result = subprocess.run(
            [_ssh_keygen(), "-Y", "sign", "-n", namespace, "-f", key_path, data],
            capture_output=True, text=True,
        )
        if result.returncode != 0:
            detail = (result.stderr.strip().splitlines() or ["?"])[-1]
            raise UserError(msg.SIGN_FAILED.format(detail=detail))
        signature = Path(data + ".sig").read_text("ascii")
    check = verify_signature(payload, signature, namespace)
    if not check.valid or check.key != key.public:
        raise UserError(msg.SIGN_WRONG_KEY)
    return signature


@dataclass(frozen=True)
class SshSig:
    """The fields of an SSHSIG blob (PROTOCOL.sshsig), as raw bytes."""

    key: PublicKey
    key_blob: bytes
    namespace: bytes
    reserved: bytes
    hash_algorithm: bytes
    signature: bytes
    canonical_armour: bool  # the base64 is exactly what ssh-keygen writes for this blob


def decode_sshsig(armoured: str) -> SshSig:
    """The fields of an armoured SSH signature; ValueError (user text) if malformed."""
    lines = armoured.strip("\n").split("\n")
    if len(lines) < 3 or lines[0] != _BEGIN or lines[-1] != _END:
        raise ValueError(msg.SIG_NOT_SSH)
    text = "".join(lines[1:-1])
    try:
        blob = base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError(msg.SIG_MALFORMED) from None
    if not blob.startswith(b"SSHSIG") or blob[6:10] != b"\x00\x00\x00\x01":
        raise ValueError(msg.SIG_MALFORMED)
    fields, offset = [], 10
    for _ in range(5):  # publickey, namespace, reserved, hash_algorithm, signature
        if offset + 4 > len(blob):
            raise ValueError(msg.SIG_MALFORMED)
        (length,) = struct.unpack(">I", blob[offset:offset + 4])
        offset += 4
        if offset + length > len(blob):
            raise ValueError(msg.SIG_MALFORMED)
        fields.append(blob[offset:offset + length])
        offset += length
    if offset != len(blob):
        raise ValueError(msg.SIG_MALFORMED)
    key_blob = fields[0]
    (type_length,) = struct.unpack(">I", key_blob[:4]) if len(key_blob) >= 4 else (0,)
    key_type = key_blob[4:4 + type_length].decode("ascii", "replace")
    try:
        key = parse_public_key(f"{key_type} {base64.b64encode(key_blob).decode()}")
    except ValueError:
        raise ValueError(msg.SIG_MALFORMED) from None
    # ssh-keygen refuses base64 whose unused final bits are not zero; Python does not.
    canonical = base64.b64encode(blob).decode("ascii") == text
    return SshSig(key, key_blob, fields[1], fields[2], fields[3], fields[4], canonical)


def parse_sshsig(armoured: str) -> tuple[PublicKey, str]:
    """The signer's public key and namespace of an SSHSIG; ValueError (user text) if malformed."""
    sig = decode_sshsig(armoured)
    return sig.key, sig.namespace.decode("utf-8", "replace")


def _ssh_string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def sshsig_signed_data(namespace: bytes, hash_algorithm: str, payload: bytes) -> bytes:
    """The bytes an SSHSIG signature is made over (PROTOCOL.sshsig).

    The reserved field is always empty here: ssh-keygen signs and checks it empty, whatever
    the blob carries.
    """
    digest = hashlib.new(hash_algorithm, payload).digest()
    return (b"SSHSIG" + _ssh_string(namespace) + _ssh_string(b"")
            + _ssh_string(hash_algorithm.encode("ascii")) + _ssh_string(digest))


_ED25519_KEY = _ssh_string(b"ssh-ed25519") + struct.pack(">I", 32)  # then the 32-byte key
_ED25519_SIG = _ssh_string(b"ssh-ed25519") + struct.pack(">I", 64)  # then R and S
_HASH_ALGORITHMS = (b"sha512", b"sha256")  # ssh-keygen's HASHALG_ALLOWED
_P25519 = 2**255 - 19


def ed25519_parts(sig: SshSig, namespace: str,
                  payload: bytes) -> tuple[bytes, bytes, bytes] | None:
    """(public key, signature, signed data) of an Ed25519 SSHSIG in exactly the form
    ``ssh-keygen -Y sign`` writes, for ``namespace``; None for anything else.

    Pure. Only these may be checked in-process: every unusual form (another key type, a
    non-empty reserved field, a non-canonical encoding, ...) is left to ssh-keygen, so
    that no difference between two parsers can let a signature through.
    """
    if not (sig.canonical_armour and sig.namespace == namespace.encode("utf-8")
            and sig.reserved == b"" and sig.hash_algorithm in _HASH_ALGORITHMS):
        return None
    key_blob, sig_blob = sig.key_blob, sig.signature
    if not (len(key_blob) == len(_ED25519_KEY) + 32 and key_blob.startswith(_ED25519_KEY)
            and len(sig_blob) == len(_ED25519_SIG) + 64 and sig_blob.startswith(_ED25519_SIG)):
        return None
    public = key_blob[-32:]
    if int.from_bytes(public, "little") & ~(1 << 255) >= _P25519:
        return None  # a non-canonical point encoding
    data = sshsig_signed_data(sig.namespace, sig.hash_algorithm.decode("ascii"), payload)
    return public, sig_blob[-64:], data


def verify_signature(payload: bytes, armoured: str, namespace: str = NAMESPACE) -> SignatureCheck:
    """Check an SSH signature over ``payload`` against the key it names, in ``namespace``.

    The answer depends on these three values alone (the roster is applied by the caller), so
    it is remembered for the rest of the process: a long history is checked once.
    """
    return _verify_signature(payload, armoured, namespace)


@functools.lru_cache(maxsize=8192)
def _verify_signature(payload: bytes, armoured: str, namespace: str) -> SignatureCheck:
    try:
        sig = decode_sshsig(armoured)
    except ValueError as exc:
        return SignatureCheck(None, False, str(exc))
    found = sig.namespace.decode("utf-8", "replace")
    if found != namespace:
        return SignatureCheck(sig.key, False, msg.SIG_NAMESPACE.format(namespace=found[:40]))
    parts = ed25519_parts(sig, namespace, payload)
    if parts is not None and ed25519.verify(*parts):
        return SignatureCheck(sig.key, True)
    # Every other answer, a refusal included, is ssh-keygen's: the in-process check may only
    # confirm what ssh-keygen would also accept (fail closed, same words).
    return _ssh_keygen_verify(payload, armoured, namespace, sig.key)


def _ssh_keygen_verify(payload: bytes, armoured: str, namespace: str,
                       key: PublicKey) -> SignatureCheck:
    with tempfile.TemporaryDirectory(prefix="lkjip-verify-") as tmp:
        allowed = os.path.join(tmp, "allowed")
        Path(allowed).write_text(f'signer namespaces="{namespace}" {key.openssh}\n')
        sig = os.path.join(tmp, "sig")
        Path(sig).write_text(armoured)
        result = subprocess.run(
            [_ssh_keygen(), "-Y", "verify", "-f", allowed, "-I", "signer", "-n", namespace,
             "-s", sig],
            input=payload, capture_output=True,
        )
    if result.returncode != 0:
        return SignatureCheck(key, False, msg.SIG_INVALID)
    return SignatureCheck(key, True)


def signer_in(payload: bytes, signature: Path, allowed: Path, namespace: str) -> str:
    """The principal (NIP) whose key in the ``allowed`` signers file made ``signature`` over
    ``payload`` in ``namespace``, or "" (what ``ssh-keygen -Y find-principals`` and
    ``-Y verify`` say: the file holder's own trust, not the roster's)."""
    if not allowed.is_file():
        return ""
    find = subprocess.run(
        [_ssh_keygen(), "-Y", "find-principals", "-f", str(allowed), "-s", str(signature)],
        capture_output=True, text=True)
    found = find.stdout.strip().splitlines() if find.returncode == 0 else []
    if not found:
        return ""
    result = subprocess.run(
        [_ssh_keygen(), "-Y", "verify", "-f", str(allowed), "-I", found[0], "-n", namespace,
         "-s", str(signature)],
        input=payload, capture_output=True, env={**os.environ, "LC_ALL": "C"})
    return found[0] if result.returncode == 0 else ""
