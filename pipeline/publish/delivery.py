"""``lkjip deliver``: SOP step 10, the hand-over of the released LKjIP, recorded.

After ``lkjip release`` the Staf hands hard and soft copies to the Bagian Organisasi
Sekretariat Daerah. ``deliver`` checks the release (the signed tag, and the local archive
against it), then writes two things:

- the step-10 record, a signed commit on ``catatan/<year>`` by the SOP's delivering role
  (:mod:`pipeline.workflow.records`): release tag, commit, PDF name and SHA-256, recipient,
  time, number of copies and the scanned receipt, if any;
- an addendum to the archive, ``<arsip>/penyerahan/``: the same record and receipt, and
  ``penyerahan.json`` (their SHA-256, the SHA-256 of the release's ``manifest.json`` and the
  record's commit) signed in the archive's namespace. The release's own files and signature
  stay exactly as released; ``lkjip verify-archive`` checks the addendum too
  (:func:`check_addendum`).
"""

from __future__ import annotations

import json
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import pygit2

from pipeline.errors import UserError
from pipeline.messages import WIB
from pipeline.messages import publish as msg
from pipeline.publish.archive import ADDENDUM, ADDENDUM_DIR, ADDENDUM_SIG, verify_archive
from pipeline.publish.release import ARCHIVE_DIR, ARCHIVE_NAMESPACE, MANIFEST, sha256
from pipeline.workflow import records
from pipeline.workflow.signing import SigningKey, sign
from pipeline.workflow.status import latest_release

FORMAT = "lkjip-delivery/1"
RECEIPT_TYPES = (".pdf", ".jpg", ".jpeg", ".png")


def _release(repo: pygit2.Repository, tag: str) -> tuple[pygit2.Tag, str]:
    """The release tag (annotated, signed by a key of the roster) and the commit it names."""
    from pipeline.publish.hook import tag_signature_problem

    ref = repo.references.get(f"refs/tags/{tag}")
    if ref is None:
        raise UserError(msg.DELIVER_NO_TAG.format(tag=tag))
    obj = repo.get(ref.target)
    if not isinstance(obj, pygit2.Tag):
        raise UserError(msg.DELIVER_TAG_INVALID.format(tag=tag, reason=msg.HOOK_TAG_NOT_ANNOTATED))
    commit = str(obj.peel(pygit2.Commit).id)
    problem = tag_signature_problem(repo, obj, commit)
    if problem:
        raise UserError(msg.DELIVER_TAG_INVALID.format(tag=tag, reason=problem))
    return obj, commit


def deliver(repo: pygit2.Repository, key: SigningKey, *, to: str, copies: int,
            receipt: Path | None = None, tag: str | None = None,
            archive_dir: Path | None = None, year: int | None = None,
            ) -> tuple[records.Record, Path]:
    """Record the hand-over of a release; returns the record and the archive addendum."""
    year = records.cycle_year(repo, year)
    tag = tag or latest_release(repo, year)
    if tag is None:
        raise UserError(msg.DELIVER_NO_RELEASE.format(year=year))
    to = " ".join(to.split())
    if not to:
        raise UserError(msg.DELIVER_HELP)
    if copies < 1:
        raise UserError(msg.DELIVER_COPIES)
    tag_obj, commit = _release(repo, tag)
    base = Path(repo.workdir) if repo.workdir else Path.cwd()
    bundle = (archive_dir or base / ARCHIVE_DIR) / tag
    if not (bundle / MANIFEST).is_file():
        raise UserError(msg.DELIVER_NO_ARCHIVE.format(path=bundle))
    if (bundle / ADDENDUM_DIR).exists():
        raise UserError(msg.DELIVER_ALREADY.format(tag=tag, path=bundle / ADDENDUM_DIR))
    checked = verify_archive(bundle, repo=repo)  # keys from the repository, never the bundle
    if not checked.ok:
        raise UserError(msg.DELIVER_ARCHIVE_INVALID.format(
            path=bundle, problems="\n".join(f"  {p}" for p in checked.problems)))
    manifest_digest = sha256((bundle / MANIFEST).read_bytes())
    if manifest_digest not in (tag_obj.message or "") or checked.manifest.get("commit") != commit:
        raise UserError(msg.DELIVER_ARCHIVE_NOT_TAG.format(path=bundle, tag=tag))
    files = checked.manifest["files"]
    assert isinstance(files, dict)
    pdf = next(name for name in sorted(files) if name.endswith(".pdf") and "/" not in name)
    receipt_bytes = None
    if receipt is not None:
        if receipt.suffix.lower() not in RECEIPT_TYPES:
            raise UserError(msg.DELIVER_RECEIPT_TYPE.format(path=receipt))
        try:
            receipt_bytes = receipt.read_bytes()
        except OSError:
            raise UserError(msg.DELIVER_NO_ARCHIVE.format(path=receipt)) from None
    folder = f"{records.RECORDS_DIR}/{year}"
    receipt_path = (f"{folder}/10-tanda-terima-{tag}{receipt.suffix.lower()}"
                    if receipt is not None else None)
    fields = {
        "langkah": 10, "tag": tag, "commit": commit, "pdf": pdf, "sha256_pdf": files[pdf],
        "sha256_manifest": manifest_digest, "kepada": to,
        "waktu": datetime.fromtimestamp(int(time.time()), UTC).astimezone(WIB).isoformat(),
        "eksemplar": copies,
        "tanda_terima": None if receipt_path is None else {
            "berkas": receipt_path.rpartition("/")[2], "sha256": sha256(receipt_bytes or b"")},
    }
    written = {f"{folder}/10-penyerahan-{tag}.yaml": records._yaml(fields)}
    if receipt_path is not None and receipt_bytes is not None:
        written[receipt_path] = receipt_bytes
    body = msg.DELIVER_SUBJECT_BODY.format(tag=tag, pdf=pdf, digest=files[pdf], to=to,
                                           copies=copies)
    from pipeline.messages import workflow as wmsg

    record = records.add_record(repo, key, year, "deliver", written,
                                wmsg.RECORD_SUBJECT["deliver"].format(year=year, tag=tag, to=to),
                                body)
    return record, write_addendum(bundle, written, manifest_digest, record.commit, key)


def write_addendum(bundle: Path, written: dict[str, bytes], manifest_digest: str,
                   commit: str, key: SigningKey) -> Path:
    """``<bundle>/penyerahan/``: the record's files and a signed list of them (atomic)."""
    staged = bundle / f".{ADDENDUM_DIR}-{os.getpid()}"
    shutil.rmtree(staged, ignore_errors=True)
    staged.mkdir()
    try:
        hashes = {}
        for path, data in sorted(written.items()):
            name = path.rpartition("/")[2]
            (staged / name).write_bytes(data)
            hashes[name] = sha256(data)
        addendum = {"format": FORMAT, "manifest_sha256": manifest_digest, "record": commit,
                    "files": hashes}
        data = json.dumps(addendum, indent=2, ensure_ascii=False).encode() + b"\n"
        (staged / ADDENDUM).write_bytes(data)
        (staged / ADDENDUM_SIG).write_text(sign(data, key, ARCHIVE_NAMESPACE))
        os.replace(staged, bundle / ADDENDUM_DIR)
    finally:
        shutil.rmtree(staged, ignore_errors=True)
    return bundle / ADDENDUM_DIR
