"""``lkjip release`` and ``lkjip verify-archive`` (SOP step 10: archive and deliver).

A release is made from a ``main`` that verifies. The commit's tree is exported to a
temporary folder (never the work tree: what is released is exactly what was approved), the
PDF/A-3b is built from it with the lembar pengesahan, the data YAML and a source manifest
embedded, the site is built around that PDF, and an archive bundle is written::

    dist/arsip/lkjip-2025/
      lkjip-2025.pdf  site.zip  data/*.yaml  records/...  allowed_signers
      manifest.json   manifest.json.sig

``manifest.json`` names the commit, the tree, the full paraf chain and the SHA-256 of every
other file; ``manifest.json.sig`` is its SSH signature (namespace ``lkjip-archive``) by the
releasing key, checkable offline against ``allowed_signers`` (the roster of the commit).
The PDF embeds the *source* manifest (commit, tree, chain, data hashes), not the bundle's:
the bundle's manifest holds the PDF's hash, so it cannot be inside it.

Every date in the PDF comes from the commit, never the clock: the same commit always gives
the same PDF bytes, so anyone can rebuild a release and compare hashes. Finally an annotated
tag signed like ``git tag -s`` (``lkjip-2025``, then ``lkjip-2025-rev1``...) names the commit
and the manifest's hash.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
import time
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

import pygit2

from pipeline.errors import UserError
from pipeline.formatting import date_in_words
from pipeline.messages import WIB
from pipeline.messages import publish as msg
from pipeline.messages.events import event_name
from pipeline.project import Project
from pipeline.publish.mainline import judge_main, problem_lines
from pipeline.publish.tte import TteOptions, sign_release
from pipeline.render.approval import ApprovalRow, EmbeddedFile, approval_sheet
from pipeline.review import snapshot
from pipeline.workflow import gitrepo
from pipeline.workflow.facts import commit_fact, roster_at, sop_at
from pipeline.workflow.records import export_records
from pipeline.workflow.roster import Roster
from pipeline.workflow.signing import SigningKey, sign
from pipeline.workflow.verify import ChainEntry

ARCHIVE_NAMESPACE = "lkjip-archive"
ARCHIVE_DIR = "dist/arsip"
PDF_VARIANT = "pdf/a-3b"
MANIFEST = "manifest.json"
SIGNATURE = "manifest.json.sig"
ALLOWED = "allowed_signers"
FORMAT = "lkjip-archive/1"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Released:
    tag: str
    commit: str
    bundle: Path


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# --- pure helpers -------------------------------------------------------------------------


def next_tag(existing: set[str], year: str) -> str:
    """``lkjip-2025``, or the next ``lkjip-2025-revN`` when earlier releases exist."""
    name = f"lkjip-{year}"
    n = 0
    while name in existing:
        n += 1
        name = f"lkjip-{year}-rev{n}"
    return name


def chain_json(entries: list[ChainEntry]) -> list[dict[str, object]]:
    return [{"step": e.step, "role": e.role, "action": e.action, "name": e.name, "nip": e.nip,
             "time": e.time, "fingerprint": e.fingerprint, "commit": e.commit}
            for e in entries]


def deterministic_zip(folder: Path, target: Path) -> None:
    """Zip ``folder`` with sorted names, fixed timestamps and modes: same files, same bytes."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(path.relative_to(folder).as_posix(), _ZIP_TIME)
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())


# --- the release PDF ----------------------------------------------------------------------


def release_pdf(project: Project, target: Path, *, when: datetime, sheet: str,
                attachments: list[EmbeddedFile], commit: str,
                signed_on: date | None = None) -> None:
    """Lay out and write the PDF/A-3b of ``project`` (no Git here).

    ``signed_on`` is the day of the Inspektur's signature in the chain: the Kata Pengantar is
    dated that day too (one source for both dates), whatever the data's draft date says.
    """
    from pipeline.build import report_pdf

    if signed_on is not None:
        report = project.report
        org = replace(report.organisation, signing_date=signed_on.isoformat())
        project = project.with_report(replace(report, organisation=org))
    report_pdf(project, target, when=when, front=sheet, variant=PDF_VARIANT,
               attachments=attachments, custom={"LkjipCommit": commit})


def _day(entry: ChainEntry) -> date:
    return datetime.fromtimestamp(entry.time, WIB).date()


def _when(entry: ChainEntry) -> str:
    """``3 Desember 2026, pukul 14.30 WIB`` (the time the commit claims)."""
    moment = datetime.fromtimestamp(entry.time, WIB)
    return msg.SHEET_WHEN.format(date=date_in_words(moment.date()),
                                 time=moment.strftime("%H.%M"))


def _rows(entries: list[ChainEntry], titles: dict[str, str],
          rank_of: Callable[[str], str] = lambda nip: "") -> list[ApprovalRow]:
    return [ApprovalRow(str(e.step), event_name(e.action, capital=True),
                        titles.get(e.role, e.role), e.name, e.nip, _when(e), rank_of(e.nip))
            for e in entries]


def source_files(src: Path) -> tuple[list[Path], list[Path]]:
    """(data YAML, records) of an exported tree: what the bundle archives besides outputs."""
    data = sorted((src / "data").glob("*.yaml"))
    records = sorted(p for p in (src / "records").rglob("*") if p.is_file()) \
        if (src / "records").is_dir() else []
    records += [p for p in (src / "sop/roster.yaml", src / "sop/sop.yaml") if p.is_file()]
    return data, records


def build_release(repo: pygit2.Repository, commit: str, chain: list[ChainEntry],
                  round_name: str, src: Path, out: Path) -> dict[str, object]:
    """Export ``commit`` to ``src`` and build PDF, site.zip, data and records into ``out``.

    Returns the source manifest (embedded in the PDF). The same commit and chain give the
    same PDF bytes.
    """
    obj = repo.get(commit)
    tree = str(obj.tree_id)
    snapshot.write_tree(repo, obj.tree, src)
    when = datetime.fromtimestamp(obj.commit_time, UTC)
    data, records = source_files(src)
    year = round_name.partition("/")[0]
    source = {"format": FORMAT, "commit": commit, "tree": tree, "round": round_name,
              "chain": chain_json(chain),
              "data": {p.relative_to(src).as_posix(): sha256(p.read_bytes()) for p in data}}
    source_bytes = json.dumps(source, indent=2, ensure_ascii=False).encode() + b"\n"
    attachments = [EmbeddedFile("manifest-sumber.json", source_bytes, msg.ATTACH_MANIFEST,
                                "application/json")]
    attachments += [EmbeddedFile(p.name, p.read_bytes(), msg.ATTACH_DATA, "application/yaml")
                    for p in data]
    sop = sop_at(repo, commit)
    project = Project(src)  # the exported commit, read once for the PDF and the site
    ranks = project.report.organisation.rank_of  # pangkat/golongan from the data
    rows = _rows(chain, {k: r.title for k, r in sop.roles.items()}, ranks)
    signed = next((e for e in chain if e.action == "sign"), None)
    signatory = next((r for e, r in zip(chain, rows, strict=True) if e.action == "sign"), None)
    sheet = approval_sheet(rows, commit, tree, round_name, signatory)
    pdf_name = f"lkjip-{year}.pdf"
    # The site links dist/<pdf> when it exists: put the release PDF there, then build.
    (src / "dist").mkdir(exist_ok=True)
    release_pdf(project, src / "dist" / pdf_name, when=when, sheet=sheet,
                attachments=attachments, commit=commit,
                signed_on=_day(signed) if signed else None)
    from pipeline.build import build

    # The public site (no authors' guide, no history with names and notes), not a draft: the
    # release is made only from a main that verified.
    build(project, pdf=False, site=True, environ={"SOURCE_DATE_EPOCH": str(obj.commit_time)},
          public=True, draft=False)
    out.mkdir(parents=True)
    shutil.copyfile(src / "dist" / pdf_name, out / pdf_name)
    deterministic_zip(src / "site", out / "site.zip")
    for path in (*data, *records):
        rel = path.relative_to(src)
        dest = out / ("records" / rel if rel.parts[0] == "sop" else rel)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, dest)
    return source


# --- the tag ------------------------------------------------------------------------------


def create_signed_tag(repo: pygit2.Repository, name: str, target: str, message: str,
                      key: SigningKey) -> pygit2.Oid:
    """An annotated tag signed exactly as ``git tag -s`` with ``gpg.format=ssh`` signs it."""
    who = gitrepo.signature_identity(repo)
    offset = who.offset
    tz = f"{'+' if offset >= 0 else '-'}{abs(offset) // 60:02d}{abs(offset) % 60:02d}"
    payload = (f"object {target}\ntype commit\ntag {name}\n"
               f"tagger {who.name} <{who.email}> {int(time.time())} {tz}\n\n{message}")
    signature = sign(payload.encode("utf-8"), key)
    oid = repo.odb.write(pygit2.enums.ObjectType.TAG, payload.encode("utf-8") + signature.encode())
    repo.create_reference(f"refs/tags/{name}", oid)
    return oid


# --- release ------------------------------------------------------------------------------


def release(repo: pygit2.Repository, key: SigningKey, out_dir: Path | None = None,
            tte: TteOptions | None = None) -> Released:
    tip = gitrepo.main_tip(repo)
    verdict = judge_main(repo, tip)
    if not verdict.ok:
        raise UserError(msg.RELEASE_MAIN_INVALID.format(problems=problem_lines(verdict)))
    if not verdict.merges:
        raise UserError(msg.RELEASE_NO_MERGE)
    merge_oid, round_verdict = verdict.merges[-1]
    roster = roster_at(repo, tip)
    person = roster.by_key(key.public)
    if person is None:
        raise UserError(msg.RELEASE_NOT_IN_ROSTER.format(fingerprint=key.public.fingerprint))
    commit = str(tip)
    chain = _full_chain(repo, merge_oid, round_verdict.handoff, list(round_verdict.chain),
                        roster)
    year = round_verdict.round.partition("/")[0]
    tags = {r.removeprefix("refs/tags/") for r in repo.references if r.startswith("refs/tags/")}
    tag = next_tag(tags, year)
    base = Path(repo.workdir) if repo.workdir else Path.cwd()
    bundle = (out_dir or base / ARCHIVE_DIR) / tag
    if bundle.exists():
        raise UserError(msg.RELEASE_EXISTS.format(path=bundle))
    bundle.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lkjip-release-") as tmp:
        staged = Path(tmp) / "bundle"
        source = build_release(repo, commit, chain, round_verdict.round, Path(tmp) / "src",
                               staged)
        signed = tte and sign_release(repo, staged / f"lkjip-{year}.pdf", source, tag, year, tte)
        (staged / ALLOWED).write_text(allowed_signers_text(roster))
        export_records(repo, int(year), staged / "records")  # steps 2, 3, 5: catatan/<year>
        files = {p.relative_to(staged).as_posix(): sha256(p.read_bytes())
                 for p in sorted(staged.rglob("*")) if p.is_file()}
        manifest = {**source, "tag": tag, "year": year, "merge": merge_oid,
                    "signer": {"name": person.name, "nip": person.nip,
                               "fingerprint": key.public.fingerprint},
                    **({"pdf_signature": signed} if signed else {}), "files": files}
        manifest_bytes = json.dumps(manifest, indent=2, ensure_ascii=False).encode() + b"\n"
        (staged / MANIFEST).write_bytes(manifest_bytes)
        (staged / SIGNATURE).write_text(sign(manifest_bytes, key, ARCHIVE_NAMESPACE))
        tree = str(repo.get(commit).tree_id)
        message = (msg.RELEASE_TAG_SUBJECT.format(year=year, tag=tag, round=round_verdict.round)
                   + "\n\n" + msg.RELEASE_TAG_BODY.format(digest=sha256(manifest_bytes),
                                                          commit=commit, tree=tree) + "\n")
        create_signed_tag(repo, tag, commit, message, key)
        shutil.copytree(staged, bundle)
    return Released(tag, commit, bundle)


def _full_chain(repo: pygit2.Repository, merge_oid: str, handoff: ChainEntry | None,
                chain: list[ChainEntry], roster: Roster) -> list[ChainEntry]:
    """Hand-off, parafs, signature and the merge (step 9): the whole paraf chain."""
    fact = commit_fact(repo, merge_oid)
    assert fact.signature is not None and fact.signature.key is not None  # verified above
    merged = ChainEntry(int(fact.trailers.get("Step", "0")), fact.trailers.get("Role", ""),
                        "merge", fact.trailers.get("Name", ""), fact.trailers.get("NIP", ""),
                        fact.time, fact.signature.key.fingerprint, merge_oid)
    return [*([handoff] if handoff else []), *chain, merged]


def allowed_signers_text(roster: Roster) -> str:
    return "".join(f'{p.nip} namespaces="{ARCHIVE_NAMESPACE}" {p.key.openssh}\n'
                   for p in roster.people)
