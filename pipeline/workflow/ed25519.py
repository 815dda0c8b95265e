"""Ed25519 signature checks inside the process, with pyca/cryptography.

Only a speed-up for :mod:`pipeline.workflow.signing`: a check there costs one ``ssh-keygen``
process (about 6 ms), and ``lkjip verify --branch main`` over a long history makes thousands.
The answer here is trusted only when it is "valid"; a refusal goes to ``ssh-keygen``, which
stays the authority (its verdict and its words). So this can make verification faster, never
different.

cryptography (OpenSSL) accepts no Ed25519 signature that OpenSSH's ``crypto_sign_ed25519_open``
refuses: both compare the encoding of ``[S]B - [H(R,A,M)]A`` with ``R`` byte for byte (no
cofactor), and OpenSSL additionally refuses ``S >= L``, which OpenSSH lets through.
"""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey


def verify(public: bytes, signature: bytes, message: bytes) -> bool:
    """Is ``signature`` a valid Ed25519 signature by ``public`` over ``message``?

    False for anything else, a malformed key or signature included.
    """
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
    except (InvalidSignature, ValueError):
        return False
    return True
