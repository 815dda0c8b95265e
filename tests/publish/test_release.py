"""``lkjip release`` and ``lkjip verify-archive`` on a real repository holding the report."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from datetime import datetime
from pathlib import Path

import pytest
from publish_helpers import with_report
from pypdf import PdfReader
from workflow_helpers import Office

from pipeline.formatting import date_in_words, spaced_nip
from pipeline.messages import WIB
from pipeline.publish.archive import compare_files, verify_archive
from pipeline.publish.mainline import judge_main
from pipeline.publish.release import (
    _full_chain,
    build_release,
    deterministic_zip,
    next_tag,
    sha256,
)
from pipeline.workflow.facts import roster_at
from pipeline.workflow.signing import resolve_signing_key, sign
from pipeline.workflow.verify import ChainEntry

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]


def test_release_bundle_pdf_and_offline_verification(office: Office, tmp_path: Path) -> None:
    with_report(office, REPO)
    office.ok("merge", as_="kasubbag")
    commit = office.tip("main")
    done = office.ok("release", as_="staf")
    assert "lkjip-2025" in done.out
    bundle = office.path / "dist/arsip/lkjip-2025"
    names = sorted(p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert {"lkjip-2025.pdf", "site.zip", "manifest.json", "manifest.json.sig",
            "allowed_signers", "data/organisasi.yaml", "records/2025/notulen-rapat-1.md",
            "records/sop/roster.yaml"} <= set(names)
    manifest = json.loads((bundle / "manifest.json").read_text())
    assert manifest["commit"] == commit
    assert manifest["tree"] == str(office.repo.get(commit).tree_id)
    assert [e["action"] for e in manifest["chain"]] == ["submit", "paraf", "paraf", "sign",
                                                         "merge"]
    assert set(manifest["files"]) == set(names) - {"manifest.json", "manifest.json.sig"}

    # The tag: annotated, signed as git tag -s, accepted by stock git.
    allowed = office.allowed_signers()
    tag = office.git("-c", f"gpg.ssh.allowedSignersFile={allowed}", "verify-tag",
                     "lkjip-2025", check=False)
    assert tag.returncode == 0, tag.stderr
    assert office.git("rev-parse", "lkjip-2025^{commit}").stdout.strip() == commit

    # Offline verification: keys from outside the bundle only. The file that
    # 'lkjip roster allowed-signers' writes is accepted; so is the repository itself.
    staf_fingerprint = office.actors["staf"].public_key.fingerprint
    default = office.lkjip("verify-archive", str(bundle))
    assert default.rc == 1 and "kunci yang dipercaya belum diberikan" in default.out
    for trust in (["--allowed-signers", str(allowed)], ["--repo", str(office.path)]):
        ok = office.ok("verify-archive", str(bundle), *trust)
        assert "sah" in ok.out and office.actors["staf"].nip in ok.out
        assert staf_fingerprint in ok.out
    genuine = tmp_path / "asli"
    shutil.copytree(bundle, genuine)
    _forge_archive(office, genuine, tmp_path / "palsu")
    forged = tmp_path / "palsu"
    bad = office.lkjip("verify-archive", str(forged))
    assert bad.rc == 1 and "TIDAK sah" in bad.out and "belum diberikan" in bad.out
    for trust in (["--allowed-signers", str(allowed)], ["--repo", str(office.path)]):
        bad = office.lkjip("verify-archive", str(forged), *trust)
        assert bad.rc == 1 and "tanda tangan manifest tidak sah" in bad.out, bad.out

    # One altered byte named.
    data = bundle / "data/organisasi.yaml"
    raw = bytearray(data.read_bytes())
    raw[10] ^= 0x01
    data.write_bytes(bytes(raw))
    bad = office.lkjip("verify-archive", str(bundle), "--allowed-signers", str(allowed))
    assert bad.rc == 1 and "berkas data/organisasi.yaml berubah" in bad.out
    raw[10] ^= 0x01
    data.write_bytes(bytes(raw))
    (bundle / "manifest.json").write_text(
        (bundle / "manifest.json").read_text().replace(commit, "0" * 40))
    bad = office.lkjip("verify-archive", str(bundle), "--allowed-signers", str(allowed))
    assert bad.rc == 1 and "tanda tangan manifest tidak sah" in bad.out
    bad = office.lkjip("verify-archive", str(bundle), "--repo", str(office.path))
    assert bad.rc == 1 and "commit 0000000000" in bad.out

    # The PDF: PDF/A-3b metadata, attachments, commit, fonts, lembar pengesahan.
    pdf = bundle / "lkjip-2025.pdf"
    reader = PdfReader(pdf)
    assert reader.metadata is not None and reader.metadata["/LkjipCommit"] == commit
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert re.search(r"pdfaid:part[^0-9]*3", xmp) and re.search(r"pdfaid:conformance[^A-Z]*B", xmp)
    assert "/OutputIntents" in reader.trailer["/Root"]
    assert "/AF" in reader.trailer["/Root"]
    attached = reader.attachments
    assert "manifest-sumber.json" in attached and "organisasi.yaml" in attached
    source = json.loads(attached["manifest-sumber.json"][0])
    assert source["commit"] == commit and len(source["chain"]) == 5
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts)  # the "emb" column
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert "LEMBAR PENGESAHAN" in text and commit in text.replace("\n", "")
    for short in ("kasubbag", "sekretaris", "inspektur"):
        assert spaced_nip(office.actors[short].nip) in text  # "19740705 200604 1 007"
    # One date for the head's signature: the Kata Pengantar is dated the day of the sign commit
    # (in words), the day the lembar pengesahan shows.
    signed = next(e for e in source["chain"] if e["action"] == "sign")
    day = date_in_words(datetime.fromtimestamp(signed["time"], WIB).date())
    kata_pengantar = next(page for page in text.split("\f") if "KATA PENGANTAR" in page
                          and "Puji syukur" in page)
    assert f"Ngabang, {day}" in kata_pengantar
    assert f"{day}, pukul" in " ".join(text.split())  # the lembar pengesahan's date column

    # Reproducible: the same commit built again gives the same PDF and site.zip bytes.
    again = tmp_path / "lagi"
    build_release(office.repo, commit, _chain(office, commit), "2025/1", again / "src",
                  again / "out")
    assert (again / "out/lkjip-2025.pdf").read_bytes() == pdf.read_bytes()
    assert (again / "out/site.zip").read_bytes() == (bundle / "site.zip").read_bytes()
    # The release's site is the public one: no authors' guide, no history with names and NIPs,
    # and no DRAF mark (a release is made only from a main that verifies).
    with zipfile.ZipFile(bundle / "site.zip") as site:
        names = set(site.namelist())
        assert "index.html" in names and "search/search_index.js" in names
        assert not names & {"panduan-data.html", "riwayat-penyusunan.html"}
        assert b'data-lkjip="draf"' not in site.read("index.html")


def _forge_archive(office: Office, genuine: Path, forged: Path) -> None:
    """What an outsider does: edit the PDF, re-hash it, list an own key under the
    inspektur's NIP in the bundle's allowed_signers and re-sign the manifest with it."""
    shutil.copytree(genuine, forged)
    pdf = next(forged.glob("*.pdf"))
    pdf.write_bytes(pdf.read_bytes() + b"%edited\n")
    manifest = json.loads((forged / "manifest.json").read_text())
    manifest["files"][pdf.name] = sha256(pdf.read_bytes())
    outsider = office.actors["outsider"]
    inspektur = office.actors["inspektur"]
    key = outsider.public_key
    (forged / "allowed_signers").write_text(
        f'{inspektur.nip} namespaces="lkjip-archive" {key.openssh}\n')
    manifest["files"]["allowed_signers"] = sha256((forged / "allowed_signers").read_bytes())
    manifest["signer"] = {"name": inspektur.name, "nip": inspektur.nip,
                          "fingerprint": inspektur.public_key.fingerprint}
    data = json.dumps(manifest, indent=2, ensure_ascii=False).encode() + b"\n"
    (forged / "manifest.json").write_bytes(data)
    (forged / "manifest.json.sig").write_text(
        sign(data, resolve_signing_key(str(outsider.key)), "lkjip-archive"))
    # The forgery is self-consistent: the bundle's own file would have accepted it.
    assert verify_archive(forged, forged / "allowed_signers").ok


def _chain(office: Office, commit: str) -> list[ChainEntry]:
    verdict = judge_main(office.repo, commit)
    merge, round_verdict = verdict.merges[-1]
    return _full_chain(office.repo, merge, round_verdict.handoff, list(round_verdict.chain),
                       roster_at(office.repo, commit))


def test_release_units(tmp_path: Path) -> None:
    assert next_tag(set(), "2025") == "lkjip-2025"
    assert next_tag({"lkjip-2025", "lkjip-2025-rev1"}, "2025") == "lkjip-2025-rev2"
    assert compare_files({"a": "1", "b": "2"}, {"a": "1", "b": "3", "c": "4"}) == [
        "berkas b berubah (sha256 3, seharusnya 2)", "berkas c tidak tercantum di manifest"]
    folder = tmp_path / "site"
    (folder / "x").mkdir(parents=True)
    (folder / "x/a.html").write_text("a")
    (folder / "b.css").write_text("b")
    deterministic_zip(folder, tmp_path / "1.zip")
    (folder / "b.css").touch()
    deterministic_zip(folder, tmp_path / "2.zip")
    assert (tmp_path / "1.zip").read_bytes() == (tmp_path / "2.zip").read_bytes()
