"""``lkjip verify-archive``: an archive bundle checked offline, trusting only keys from outside it.

What is checked: every file against the signed manifest, the manifest's SSH signature by a key
of the ``allowed`` signers file the user gives or of the released commit's roster (after its
chain verifies), the PDF's electronic signature when the manifest records one, and the
delivery addendum (step 10, :mod:`pipeline.publish.delivery`) when the bundle has one.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pygit2
from asn1crypto.x509 import Certificate

from pipeline.errors import UserError
from pipeline.messages import publish as msg
from pipeline.publish.mainline import judge_main, problem_lines
from pipeline.publish.release import (
    ARCHIVE_NAMESPACE,
    MANIFEST,
    SIGNATURE,
    allowed_signers_text,
    sha256,
)
from pipeline.publish.tte import archive_pdf_problems
from pipeline.workflow.facts import roster_at
from pipeline.workflow.signing import parse_sshsig, signer_in

ADDENDUM_DIR = "penyerahan"
ADDENDUM = "penyerahan.json"
ADDENDUM_SIG = "penyerahan.json.sig"


@dataclass(frozen=True)
class ArchiveCheck:
    problems: tuple[str, ...]
    manifest: dict[str, object]
    signer: str = ""  # the principal (NIP) of the trusted key that verified the manifest
    fingerprint: str = ""  # that key's fingerprint (never the manifest's own claim)

    @property
    def ok(self) -> bool:
        return not self.problems


def compare_files(manifest_files: dict[str, str], present: dict[str, str]) -> list[str]:
    """Pure: hash mismatches, missing and unlisted files, each naming the file."""
    problems = []
    for name, expected in sorted(manifest_files.items()):
        actual = present.get(name)
        if actual is None:
            problems.append(msg.ARCHIVE_MISSING.format(name=name))
        elif actual != expected:
            problems.append(msg.ARCHIVE_CHANGED.format(name=name, actual=actual[:16],
                                                       expected=expected[:16]))
    for name in sorted(set(present) - set(manifest_files) - {MANIFEST, SIGNATURE}):
        problems.append(msg.ARCHIVE_EXTRA.format(name=name))
    return problems


def trusted_keys_from_repo(repo: pygit2.Repository, manifest: dict[str, object]) -> tuple[
        str | None, list[str]]:
    """The allowed-signers text for the released commit, taken from the repository (never the
    bundle): the roster at that commit, once main up to it verifies from the configured
    anchor and the commit's tree is the manifest's. (None, problems) otherwise."""
    commit = str(manifest.get("commit", ""))
    obj = repo.get(commit) if re.fullmatch(r"[0-9a-f]{40}", commit) else None
    if not isinstance(obj, pygit2.Commit):
        return None, [msg.ARCHIVE_COMMIT_UNKNOWN.format(commit=commit[:40] or "?")]
    if str(obj.tree_id) != manifest.get("tree"):
        return None, [msg.ARCHIVE_TREE_DIFFERS.format(commit=commit[:10])]
    verdict = judge_main(repo, commit)
    if not verdict.ok:
        return None, [msg.ARCHIVE_CHAIN_INVALID.format(commit=commit[:10],
                                                       problems=problem_lines(verdict))]
    return allowed_signers_text(roster_at(repo, commit)), []


def read_listing(path: Path) -> tuple[bytes, dict] | None:
    """A signed JSON listing of files (an archive's manifest, a delivery addendum): its exact
    bytes (what the signature covers) and its content, None when unreadable or without a
    ``files`` mapping."""
    try:
        data = path.read_bytes()
        listing = json.loads(data)
    except (OSError, ValueError):
        return None
    if not isinstance(listing, dict) or not isinstance(listing.get("files"), dict):
        return None
    return data, listing


def verify_archive(bundle: Path, allowed: Path | None = None,
                   repo: pygit2.Repository | None = None,
                   trust: Sequence[Certificate] | None = None) -> ArchiveCheck:
    """Check a bundle offline: every file's SHA-256, the manifest's SSH signature and, when
    the manifest records one, the PDF's electronic signature against the roots ``trust``.

    The keys trusted come from outside the bundle: the ``allowed`` signers file the user
    gives (``lkjip roster allowed-signers`` writes one), or the roster of the released commit
    in ``repo`` after its chain verifies. The bundle's own ``allowed_signers`` is information
    only: whoever could edit the PDF could edit it too.
    """
    listing = read_listing(bundle / MANIFEST)
    if listing is None:
        raise UserError(msg.ARCHIVE_NO_MANIFEST.format(path=bundle))
    manifest_bytes, manifest = listing
    files = manifest["files"]
    present = {p.relative_to(bundle).as_posix(): sha256(p.read_bytes())
               for p in sorted(bundle.rglob("*")) if p.is_file()
               and p.relative_to(bundle).parts[0] != ADDENDUM_DIR}  # step 10, checked below
    problems = compare_files(files, present)
    signer = fingerprint = ""
    signature = bundle / SIGNATURE
    with tempfile.TemporaryDirectory(prefix="lkjip-verify-archive-") as tmp:
        trusted: Path | None = allowed
        if repo is not None:
            text, found = trusted_keys_from_repo(repo, manifest)
            problems += found
            if text is not None:
                trusted = Path(tmp) / "allowed_signers"
                trusted.write_text(text, "utf-8")
        elif allowed is None:
            problems.append(msg.ARCHIVE_NO_TRUST)
        problems += check_addendum(bundle, manifest_bytes, trusted)  # the same keys, never
        if not signature.is_file():                                   # the bundle's own
            problems.append(msg.ARCHIVE_NO_SIGNATURE)
        elif trusted is not None:
            signer = signer_in(manifest_bytes, signature, trusted, ARCHIVE_NAMESPACE)
            if signer:
                try:
                    fingerprint = parse_sshsig(signature.read_text("ascii"))[0].fingerprint
                except (ValueError, UnicodeDecodeError):  # ssh-keygen accepted it: not expected
                    signer = ""
            if not signer:
                problems.append(msg.ARCHIVE_BAD_SIGNATURE)
    problems += archive_pdf_problems(bundle, manifest, trust)
    return ArchiveCheck(tuple(problems), manifest, signer, fingerprint)


def check_addendum(bundle: Path, manifest_bytes: bytes, allowed: Path | None) -> list[str]:
    """The delivery addendum of an archive, if it has one: signed by a trusted key, naming
    this archive's manifest, every file as listed (empty: fine, or no addendum)."""
    folder = bundle / ADDENDUM_DIR
    if not folder.exists():
        return []
    listing = read_listing(folder / ADDENDUM)
    if listing is None:
        return [msg.ADDENDUM_BROKEN]
    data, addendum = listing
    files = addendum["files"]
    problems = []
    if allowed is None or not signer_in(data, folder / ADDENDUM_SIG, allowed,
                                        ARCHIVE_NAMESPACE):
        problems.append(msg.ADDENDUM_BAD_SIGNATURE)
    if addendum.get("manifest_sha256") != sha256(manifest_bytes):
        problems.append(msg.ADDENDUM_OTHER_ARCHIVE)
    present = {f"{ADDENDUM_DIR}/{p.relative_to(folder).as_posix()}": sha256(p.read_bytes())
               for p in sorted(folder.rglob("*")) if p.is_file()
               and p.name not in (ADDENDUM, ADDENDUM_SIG)}
    listed = {f"{ADDENDUM_DIR}/{name}": digest for name, digest in files.items()}
    return problems + compare_files(listed, present)
