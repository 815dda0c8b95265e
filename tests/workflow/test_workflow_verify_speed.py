"""Verification over a long history stays exact: the in-process Ed25519 check, the remembered
signature verdicts and the shared reading of main give the answers stock ssh-keygen and git
give, and the answers lkjip gave before any of them."""

from __future__ import annotations

import base64
import struct
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pygit2
import pytest
from workflow_helpers import STAFF, Actor, Office, expect_error, roster_of

from pipeline.errors import UserError
from pipeline.messages import workflow as msg
from pipeline.publish.mainline import judge_main
from pipeline.workflow import ed25519, facts, gitrepo, rounds, signing
from pipeline.workflow.commits import format_message
from pipeline.workflow.facts import MainLine
from pipeline.workflow.roster import dump_roster
from pipeline.workflow.signing import (
    SshSig,
    decode_sshsig,
    ed25519_parts,
    sshsig_signed_data,
    verify_signature,
)

PAYLOAD = b"tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\n\nisi\n"
ORDER_L = 2**252 + 27742317777372353535851937790883648493  # the Ed25519 group order


@pytest.fixture(autouse=True)
def fresh_verdicts() -> Iterator[None]:
    """Every test starts (and leaves) with no remembered signature verdict."""
    signing._verify_signature.cache_clear()
    yield
    signing._verify_signature.cache_clear()


@pytest.fixture
def ssh_keygen_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """No in-process check: every signature goes to ssh-keygen, as before the speed-up."""
    monkeypatch.setattr(ed25519, "verify", lambda *_args: False)


def sign_with(tmp_path: Path, key: Path, payload: bytes = PAYLOAD, namespace: str = "git",
              *options: str) -> str:
    data = tmp_path / "payload"
    data.write_bytes(payload)
    sig = tmp_path / "payload.sig"
    sig.unlink(missing_ok=True)
    subprocess.run(["ssh-keygen", "-Y", "sign", "-n", namespace, "-f", str(key), *options,
                    str(data)], check=True, capture_output=True)
    return sig.read_text()


def stock_accepts(tmp_path: Path, armoured: str, payload: bytes = PAYLOAD) -> bool:
    """What ``ssh-keygen -Y verify`` says, with the signature's own key allowed (as git
    does with a roster holding that key)."""
    key = decode_sshsig(armoured).key
    allowed = tmp_path / "allowed"
    allowed.write_text(f'signer namespaces="git" {key.openssh}\n')
    sig = tmp_path / "check.sig"
    sig.write_text(armoured)
    result = subprocess.run(["ssh-keygen", "-Y", "verify", "-f", str(allowed), "-I", "signer",
                             "-n", "git", "-s", str(sig)], input=payload, capture_output=True)
    return result.returncode == 0


def armour(sig: SshSig, *, key_blob: bytes | None = None, reserved: bytes | None = None,
           signature: bytes | None = None, text: Callable[[str], str] = str) -> str:
    """``sig`` armoured again, with fields replaced (forgeries and odd-but-valid forms)."""
    fields = [sig.key_blob if key_blob is None else key_blob, sig.namespace,
              sig.reserved if reserved is None else reserved, sig.hash_algorithm,
              sig.signature if signature is None else signature]
    blob = b"SSHSIG\x00\x00\x00\x01" + b"".join(struct.pack(">I", len(f)) + f for f in fields)
    encoded = text(base64.b64encode(blob).decode())
    lines = [encoded[i:i + 70] for i in range(0, len(encoded), 70)]
    return "\n".join(["-----BEGIN SSH SIGNATURE-----", *lines,
                      "-----END SSH SIGNATURE-----"]) + "\n"


def _s_plus_order(sig: SshSig) -> bytes:
    """The same signature with S + L for S: OpenSSH accepts it, OpenSSL refuses it."""
    raw = sig.signature[-64:]
    s = int.from_bytes(raw[32:], "little") + ORDER_L
    return sig.signature[:-64] + raw[:32] + s.to_bytes(32, "little")


def _flip_padding_bits(text: str) -> str:
    """Set an unused bit of the last base64 digit: ssh-keygen refuses, Python decodes."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    last = len(text.rstrip("=")) - 1
    return text[:last] + alphabet[alphabet.index(text[last]) | 1] + text[last + 1:]


def _flip_signature_byte(sig: SshSig) -> bytes:
    return sig.signature[:-1] + bytes([sig.signature[-1] ^ 1])


VARIANTS: dict[str, Callable[[SshSig, SshSig], str]] = {
    "as-signed": lambda sig, other: armour(sig),
    "signature-byte-changed": lambda sig, other: armour(sig, signature=_flip_signature_byte(sig)),
    "s-plus-group-order": lambda sig, other: armour(sig, signature=_s_plus_order(sig)),
    "reserved-field-filled": lambda sig, other: armour(sig, reserved=b"x"),
    "base64-padding-bits": lambda sig, other: armour(sig, text=_flip_padding_bits),
    "key-swapped": lambda sig, other: armour(sig, key_blob=other.key_blob),
}


@pytest.mark.parametrize("variant", sorted(VARIANTS))
@pytest.mark.parametrize("in_process", [True, False], ids=["in-process", "ssh-keygen-only"])
def test_verdict_agrees_with_ssh_keygen(tmp_path: Path, actors: dict[str, Actor],
                                        monkeypatch: pytest.MonkeyPatch, variant: str,
                                        in_process: bool) -> None:
    if not in_process:
        monkeypatch.setattr(ed25519, "verify", lambda *_args: False)
    sig = decode_sshsig(sign_with(tmp_path, actors["staf"].key))
    other = decode_sshsig(sign_with(tmp_path, actors["kasubbag"].key))
    armoured = VARIANTS[variant](sig, other)
    stock = stock_accepts(tmp_path, armoured)
    assert stock == (variant in ("as-signed", "s-plus-group-order", "reserved-field-filled"))
    for payload, expected in ((PAYLOAD, stock), (PAYLOAD + b"x", False)):
        check = verify_signature(payload, armoured)
        assert check.valid is expected
        if not expected:
            assert check.reason == msg.SIG_INVALID


def test_other_key_types_and_hashes_go_to_ssh_keygen(tmp_path: Path) -> None:
    subprocess.run(["ssh-keygen", "-q", "-t", "ecdsa", "-N", "", "-f", str(tmp_path / "id_ec")],
                   check=True)
    armoured = sign_with(tmp_path, tmp_path / "id_ec")
    assert ed25519_parts(decode_sshsig(armoured), "git", PAYLOAD) is None
    assert verify_signature(PAYLOAD, armoured).valid
    assert not verify_signature(PAYLOAD + b"x", armoured).valid


def test_sha256_signatures_are_checked_in_process(tmp_path: Path,
                                                  actors: dict[str, Actor]) -> None:
    armoured = sign_with(tmp_path, actors["staf"].key, PAYLOAD, "git", "-O", "hashalg=sha256")
    sig = decode_sshsig(armoured)
    assert sig.hash_algorithm == b"sha256"
    assert ed25519_parts(sig, "git", PAYLOAD) is not None
    assert verify_signature(PAYLOAD, armoured).valid == stock_accepts(tmp_path, armoured) is True


def test_ed25519_parts_is_strict(tmp_path: Path, actors: dict[str, Actor]) -> None:
    armoured = sign_with(tmp_path, actors["staf"].key)
    sig = decode_sshsig(armoured)
    public, signature, data = ed25519_parts(sig, "git", PAYLOAD) or (b"", b"", b"")
    assert public == base64.b64decode(actors["staf"].public_key.blob)[-32:]
    assert len(signature) == 64
    assert data == sshsig_signed_data(b"git", "sha512", PAYLOAD)
    assert ed25519_parts(sig, "file", PAYLOAD) is None
    assert ed25519_parts(decode_sshsig(armour(sig, reserved=b"x")), "git", PAYLOAD) is None
    padded = decode_sshsig(armour(sig, text=_flip_padding_bits))
    assert not padded.canonical_armour and ed25519_parts(padded, "git", PAYLOAD) is None
    long_sig = sig.signature[:-68] + struct.pack(">I", 65) + sig.signature[-64:] + b"\x00"
    assert ed25519_parts(decode_sshsig(armour(sig, signature=long_sig)), "git", PAYLOAD) is None


def test_signed_data_is_what_ssh_keygen_signs(tmp_path: Path, actors: dict[str, Actor]) -> None:
    sig = decode_sshsig(sign_with(tmp_path, actors["staf"].key))
    public = base64.b64decode(actors["staf"].public_key.blob)[-32:]
    raw = sig.signature[-64:]
    assert ed25519.verify(public, raw, sshsig_signed_data(b"git", "sha512", PAYLOAD)) is True
    assert ed25519.verify(public, raw, sshsig_signed_data(b"file", "sha512", PAYLOAD)) is False
    assert ed25519.verify(public, raw, sshsig_signed_data(b"git", "sha512", b"x")) is False


def test_a_valid_ed25519_signature_starts_no_process(tmp_path: Path, actors: dict[str, Actor],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    armoured = sign_with(tmp_path, actors["staf"].key)

    def no_process(*args: object, **kwargs: object) -> None:
        raise AssertionError("ssh-keygen started")

    monkeypatch.setattr(signing.subprocess, "run", no_process)
    assert verify_signature(PAYLOAD, armoured).valid


def test_verdicts_are_remembered_per_payload_and_signature(tmp_path: Path,
                                                           actors: dict[str, Actor],
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           ssh_keygen_only: None) -> None:
    armoured = sign_with(tmp_path, actors["staf"].key)
    calls: list[bytes] = []
    real = signing._ssh_keygen_verify

    def counting(payload: bytes, *args: object) -> signing.SignatureCheck:
        calls.append(payload)
        return real(payload, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(signing, "_ssh_keygen_verify", counting)
    assert verify_signature(PAYLOAD, armoured).valid
    assert verify_signature(PAYLOAD, armoured).valid
    assert calls == [PAYLOAD]
    # The same signature over other bytes is a new question, and a forgery stays one.
    assert not verify_signature(PAYLOAD + b"x", armoured).valid
    assert not verify_signature(PAYLOAD + b"x", armoured).valid
    assert calls == [PAYLOAD, PAYLOAD + b"x"]


# --- on real repositories, against stock git ----------------------------------------------


def _verdict_codes(office: Office, rev: str = "HEAD") -> list[str]:
    judged = rounds.judge(office.repo, office.tip(rev))
    assert judged is not None
    return [p.code for p in judged[2].problems]


def test_remembered_verdict_does_not_outlive_a_revoked_key(office: Office) -> None:
    """A signature verdict says "valid, by this key"; whether the key may sign is decided
    again for every round against the roster in force, so a revocation still voids it."""
    a = office.actors
    office.round_at("kasubbag")
    office.ok("paraf", as_="kasubbag")
    assert _verdict_codes(office) == []  # the paraf's verdict is now remembered
    office.git("switch", "-q", "main")
    office.commit("sop/roster.yaml", dump_roster(roster_of(a, "inspektur", "sekretaris",
                                                            "staf", "irban")), "cabut kasubbag")
    office.git("switch", "-q", "review/2025/1")
    assert _verdict_codes(office) == ["key-revoked"]
    expect_error(office.lkjip("verify"), msg.V_KEY_REVOKED.format(
        name=a["kasubbag"].name, nip=a["kasubbag"].nip,
        fingerprint=a["kasubbag"].public_key.fingerprint))


def _signed_commit(office: Office, who: str, trailers: dict[str, str], *,
                   namespace: str = "git") -> str:
    """A paraf on the current branch signed by ``who``, in ``namespace``, behind lkjip."""
    repo = office.repo
    branch = office.branch()
    parent = repo.branches.local[branch].target
    identity = gitrepo.signature_identity(repo)
    content = repo.create_commit_string(identity, identity, format_message("paraf", "", trailers),
                                        repo.get(parent).tree_id, [parent])
    armoured = sign_with(office.path.parent, office.actors[who].key, content.encode(), namespace)
    oid = repo.create_commit_with_signature(content, armoured.rstrip("\n"), "gpgsig")
    repo.references[f"refs/heads/{branch}"].set_target(oid)
    return str(oid)


@pytest.mark.parametrize(("case", "code"), [
    ("genuine", None), ("forged", "bad-signature"), ("wrong-namespace", "bad-signature"),
    ("not-in-roster", "key-not-in-roster"),
])
def test_commit_verdicts_agree_with_git_verify_commit(office: Office, case: str,
                                                      code: str | None) -> None:
    office.round_at("kasubbag")
    who = "outsider" if case == "not-in-roster" else "kasubbag"
    trailers = office.trailers("kasubbag")
    oid = _signed_commit(office, who, trailers,
                         namespace="file" if case == "wrong-namespace" else "git")
    if case == "forged":
        # The genuine signature kept, the content (here the note) changed under it.
        _, raw = office.repo.read(oid)
        forged = raw.replace(b"\n\nparaf\n", b"\n\nparaf, diubah\n")
        assert forged != raw
        oid = str(office.repo.odb.write(pygit2.enums.ObjectType.COMMIT, forged))
        office.repo.references["refs/heads/review/2025/1"].set_target(oid)
    stock = office.git_verify(oid)
    assert (stock.returncode == 0) == (code is None), stock.stderr
    assert _verdict_codes(office) == ([] if code is None else [code])
    fact = facts.commit_fact(office.repo, oid)
    assert fact.signature is not None
    assert fact.signature.valid == (case in ("genuine", "not-in-roster"))


# --- main read once -----------------------------------------------------------------------


def _approved_and_merged(office: Office, draft: str, text: str, *, start: bool) -> None:
    if start:
        office.ok("start", "--year", "2025", as_="inspektur")
    office.draft(draft, text)
    office.approve_and_merge()


@pytest.fixture
def history(office: Office) -> Office:
    """Two merged rounds (the second changes the roster) and a third, open round."""
    a = office.actors
    _approved_and_merged(office, "draft/1", "# Bab III v1\n", start=True)
    office.git("switch", "-q", "-c", "draft/2", "main")
    office.ok("roster", "add", "--role", "irban", "--name", a["outsider"].name,
              "--nip", a["outsider"].nip, "--key", str(a["outsider"].pub))
    office.git("commit", "-q", "-am", "tambah irban")
    office.approve_and_merge()
    office.draft("draft/3", "# Bab III v3\n")
    office.ok("submit", as_="staf")
    office.ok("paraf", as_="kasubbag")
    return office


def test_merge_point_is_the_oldest_main_commit_containing_the_commit(history: Office) -> None:
    repo = history.repo
    main = MainLine.of_main(repo)
    everything = history.git("rev-list", "--all").stdout.split()
    for oid in everything:
        # The definition: the oldest commit of main's line, walking back from the tip, while
        # every commit so far contains ``oid``.
        expected = None
        for index, line_oid in enumerate(main.line):
            if not gitrepo.is_ancestor(repo, oid, line_oid):
                break
            expected = index
        assert main.merge_point(oid) == expected, oid
        assert MainLine.of_main(repo).merge_point(oid) == expected, oid  # without the index


def test_shared_main_line_changes_no_verdict(history: Office) -> None:
    repo = history.repo
    main = MainLine.of_main(repo)
    for branch in ("review/2025/1", "review/2025/2", "review/2025/3"):
        alone = rounds.judge(repo, history.tip(branch))
        shared = rounds.judge(repo, history.tip(branch), main=main)
        assert alone is not None and alone == shared
    assert [rounds.judge(repo, history.tip(b), main=main)[2].state  # type: ignore[index]
            for b in ("review/2025/1", "review/2025/2", "review/2025/3")] \
        == ["complete", "complete", "open"]
    # The round opened after the roster change sees that change, approved by its merge.
    judged = rounds.judge(repo, history.tip("review/2025/3"), main=main)
    assert judged is not None
    changes = judged[1].roster_changes
    assert len(changes) == 1 and changes[0].merged_round is not None


def test_main_verdict_is_the_same_with_ssh_keygen_only(history: Office,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    tip = history.tip("main")
    fast = judge_main(history.repo, tip)
    assert fast.ok and len(fast.merges) == 2
    signing._verify_signature.cache_clear()
    monkeypatch.setattr(ed25519, "verify", lambda *_args: False)
    assert judge_main(history.repo, tip) == fast


def test_rosters_between_reads_each_roster_once(history: Office) -> None:
    main = MainLine.of_main(history.repo)
    everything = main.rosters_between(0, len(main.line))
    assert len(everything) == len(set(main.roster_blobs)) == 2  # before and after round 2
    assert {len(r.people) for r in everything} == {len(STAFF), len(STAFF) + 1}


def test_an_invalid_roster_fails_every_time(office: Office) -> None:
    office.commit("sop/roster.yaml", "people: [rusak\n", "rusak")
    for _ in range(2):
        with pytest.raises(UserError):
            facts.roster_at(office.repo, office.head())
