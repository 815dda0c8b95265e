"""The SOP to its last step, scripted as the office runs it, with real keys, the real report,
a real release and a real server hook: what ``lkjip status`` says after each of the ten steps,
a return and resubmission named correctly, the returned round never called merged, and the
records of steps 2, 3, 5 and 10 signed, shown and archived."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from workflow_helpers import Office, expect_error, git

from pipeline.messages import workflow as msg
from pipeline.publish.release import sha256
from pipeline.review.history import history_markdown
from pipeline.workflow import records
from pipeline.workflow.status import read_cycle

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
MISSING = "2024: 3.05, 2025: 3.18}"  # IKU-01's realisasi in data/indikator.yaml
RETURN_NOTE = "Analisis capaian sasaran 1 belum membandingkan dengan tahun lalu."
TO = "Bagian Organisasi Sekretariat Daerah"


def _status(office: Office) -> str:
    return office.ok("status").out


def _next(text: str) -> str:
    """The "Berikutnya" line (and "Sesudah itu", when there is one) of lkjip status."""
    return "\n".join(line for line in text.splitlines()
                     if line.startswith(("Berikutnya:", "Sesudah itu:")))


def _who(office: Office, short: str) -> str:
    actor = office.actors[short]
    return f"{actor.name} (NIP {actor.nip})"


def _expect_next(office: Office, role: str, short: str, step: int) -> None:
    """lkjip status names ``role`` (the actor ``short``, by name) for step ``step`` next."""
    text = _status(office)
    assert _next(text).startswith(
        f"Berikutnya: {role} ({_who(office, short)}), langkah {step}:"), text


def test_full_cycle_status_records_and_archive(office: Office, real_check: None,
                                               tmp_path: Path) -> None:
    a = office.actors

    # --- step 1: the Inspektur opens the cycle -------------------------------------------
    office.ok("start", "--year", "2025", as_="inspektur")
    text = _status(office)
    assert msg.POS_STARTED in text
    assert _next(text) == (f"Berikutnya: Sekretaris ({_who(office, 'sekretaris')}), langkah 2: "
                           f"{msg.WHAT_AGENDA}")
    assert "sisa 5 menit kerja" in text or "terlambat" in text  # working time, never calendar

    # --- step 2: the Sekretaris puts the meeting on the agenda ---------------------------
    agenda_args = ("meeting", "agenda", "--date", "2025-01-15", "--time", "09:00",
                   "--place", "Ruang Rapat Inspektorat", "--topic", "Penyusunan LKjIP 2025")
    expect_error(office.lkjip(*agenda_args, as_="staf"), "yang dapat Sekretaris")
    office.ok(*agenda_args, as_="sekretaris")
    text = _status(office)
    assert "Rapat sudah diagendakan (langkah 2): 2025-01-15 09:00, Ruang Rapat" in text
    assert _next(text) == (f"Berikutnya: Sekretaris ({_who(office, 'sekretaris')}), langkah 3: "
                           f"{msg.WHAT_MINUTES}")
    assert "langkah 2 agenda rapat: 2025-01-15 09:00, Ruang Rapat Inspektorat" in text

    # --- step 3: the meeting and its notulen, from the template the command writes --------
    notulen = tmp_path / "notulen.md"
    office.ok("meeting", "minutes", str(notulen), "--template", as_="sekretaris")
    template = notulen.read_text(encoding="utf-8")
    assert "2025-01-15" in template and "Ruang Rapat Inspektorat" in template
    expect_error(office.lkjip("meeting", "minutes", str(notulen), as_="sekretaris"),
                 "masih memuat isian templat")
    filled = "\n".join(line for line in template.splitlines() if records.TEMPLATE_MARKER
                       not in line) + "\nDipimpin oleh Sekretaris. Peserta: tim LKjIP.\n"
    notulen.write_text(filled, encoding="utf-8")
    office.ok("meeting", "minutes", str(notulen), as_="sekretaris")
    text = _status(office)
    assert msg.POS_MINUTES in text
    drafting = (f"Berikutnya: Inspektur Pembantu, Kepala Sub Bagian Perencanaan "
                f"({_who(office, 'irban')}, {_who(office, 'kasubbag')}), langkah 4: "
                f"{msg.WHAT_DRAFT}\n"
                f"Sesudah itu: Staf / Jabatan Fungsional Umum ({_who(office, 'staf')}), "
                f"langkah 5: {msg.WHAT_THEN_SUBMIT}")
    assert _next(text) == drafting

    # --- step 4: the Irban and the Kasubbag draft (a realisasi still missing) -------------
    office.git("switch", "-q", "-c", "draft/lkjip-2025", "main")
    for name in ("content", "data"):
        shutil.copytree(REPO / name, office.path / name, dirs_exist_ok=True)
    shutil.copy(REPO / "mkdocs.yml", office.path / "mkdocs.yml")
    indicators = office.path / "data/indikator.yaml"
    indicators.write_text(indicators.read_text(encoding="utf-8").replace(
        MISSING, "2024: 3.05, 2025: null}", 1), encoding="utf-8")
    office.git("add", ".")
    office.git("commit", "-q", "-m", "draft LKjIP 2025 per sub kegiatan")
    assert _next(_status(office)) == drafting  # drafting goes on until staf submits

    # --- step 5: staf finds the data incomplete and records the return --------------------
    expect_error(office.lkjip("submit", as_="staf"), "IKU-01")
    office.ok("submit", "--record-return", as_="staf")
    text = _status(office)
    assert ("Data draft belum lengkap: dikembalikan oleh Staf kepada Inspektur Pembantu, "
            "Kepala Sub Bagian Perencanaan (langkah 5)") in text
    assert _next(text).startswith(
        f"Berikutnya: Inspektur Pembantu, Kepala Sub Bagian Perencanaan "
        f"({_who(office, 'irban')}, {_who(office, 'kasubbag')}), langkah 4: memperbaiki")
    assert f"Sesudah itu: Staf / Jabatan Fungsional Umum ({_who(office, 'staf')})" in text
    returned = records.read_records(office.repo, 2025).latest("data-return")
    assert returned is not None and any("IKU-01" in m for m in returned.fields["kekurangan"])
    assert returned.fields["kepada"] == ["Inspektur Pembantu", "Kepala Sub Bagian Perencanaan"]

    indicators.write_text(indicators.read_text(encoding="utf-8").replace(
        "2024: 3.05, 2025: null}", MISSING, 1), encoding="utf-8")
    office.git("commit", "-q", "-am", "realisasi IKU-01 dilengkapi")
    office.ok("submit", as_="staf")
    _expect_next(office, "Kepala Sub Bagian Perencanaan", "kasubbag", 6)

    # --- steps 6 and 7: a paraf, then the Sekretaris returns the round --------------------
    office.ok("paraf", as_="kasubbag")
    _expect_next(office, "Sekretaris", "sekretaris", 7)
    office.ok("return", "--note", RETURN_NOTE, as_="sekretaris")
    text = _status(office)
    assert ("Putaran 2025/1 dikembalikan oleh Sekretaris kepada Kepala Sub Bagian "
            "Perencanaan") in text
    # Who corrects (the Kasubbag, whom the SOP addresses), then who submits (staf): by name.
    assert _next(text) == (
        f"Berikutnya: Kepala Sub Bagian Perencanaan ({_who(office, 'kasubbag')}), langkah 6: "
        f"{msg.WHAT_FIX_DRAFT.format(note=RETURN_NOTE)}\n"
        f"Sesudah itu: Staf / Jabatan Fungsional Umum ({_who(office, 'staf')}), langkah 5: "
        f"{msg.WHAT_THEN_SUBMIT}")
    assert "lkjip submit" not in text.splitlines()[2]  # the Kasubbag is not told to submit
    office.git("switch", "-q", "draft/lkjip-2025")
    office.git("merge", "-q", "--no-edit", "review/2025/1")
    expect_error(office.lkjip("submit", as_="kasubbag"), "Staf")  # and could not

    # The Kasubbag corrects, staf submits again: round 2025/2.
    office.commit("content/bab-3-akuntabilitas-kinerja.md",
                  (office.path / "content/bab-3-akuntabilitas-kinerja.md").read_text(
                      encoding="utf-8") + "\nDibandingkan dengan tahun lalu, capaian naik.\n",
                  "perbaikan sesuai catatan Sekretaris")
    office.ok("submit", as_="staf")
    office.ok("paraf", as_="kasubbag")
    office.ok("paraf", as_="sekretaris")
    _expect_next(office, "Inspektur", "inspektur", 8)

    # --- step 8: the Inspektur signs ------------------------------------------------------
    office.ok("sign", as_="inspektur")
    _expect_next(office, "Kepala Sub Bagian Perencanaan", "kasubbag", 9)

    # --- step 9: merged into main; step 10 is named, the cycle is not done ----------------
    office.ok("merge", as_="kasubbag")
    text = _status(office)
    assert "sudah digabung ke main (langkah 9)" in text and "langkah 10" in text
    assert _next(text) == (f"Berikutnya: Staf / Jabatan Fungsional Umum "
                           f"({_who(office, 'staf')}), langkah 10: {msg.WHAT_DELIVER}")
    assert msg.STATUS_DONE not in text and "selesai" not in text.lower()
    # The returned round reached main inside the corrected draft: it is still "dikembalikan".
    assert "  2025/1 (review/2025/1): dikembalikan" in text
    assert "  2025/2 (review/2025/2): sudah digabung ke main" in text
    data = json.loads(office.ok("status", "--json").out)
    assert [(r["state"], r["merged"]) for r in data["rounds"]] == [("returned", False),
                                                                  ("complete", True)]
    assert data["done"] is False
    page = history_markdown(read_cycle(office.repo))
    first = page[page.index("## Putaran 2025/1"):page.index("## Putaran 2025/2")]
    assert "Status: dikembalikan." in first and "digabung" not in first

    # --- step 10: release, then the hand-over, recorded with the receipt -----------------
    office.ok("release", as_="staf")
    assert msg.WHAT_DELIVER_RELEASED.format(tag="lkjip-2025") in _status(office)
    receipt = tmp_path / "tanda-terima.pdf"
    receipt.write_bytes(b"%PDF-1.4\n% hasil pindai tanda terima\n")
    expect_error(office.lkjip("deliver", "--to", TO, "--copies", "3", as_="kasubbag"),
                 "yang dapat Staf")
    office.ok("deliver", "--to", TO, "--copies", "3", "--receipt", str(receipt), as_="staf")
    text = _status(office)
    assert "LKjIP 2025 selesai: lkjip-2025 diserahkan kepada " + TO in text
    assert "(3 eksemplar)" in text and msg.STATUS_DONE_DELIVERED in text
    assert "Berikutnya" not in text
    assert json.loads(office.ok("status", "--json").out)["done"] is True

    # Every record is a signed commit by the role the SOP names; stock git agrees.
    log = records.read_records(office.repo, 2025)
    assert not log.problems
    assert [(r.action, r.step, r.role, r.name) for r in log.records] == [
        ("agenda", 2, "sekretaris", a["sekretaris"].name),
        ("minutes", 3, "sekretaris", a["sekretaris"].name),
        ("data-return", 5, "staf", a["staf"].name),
        ("deliver", 10, "staf", a["staf"].name)]
    for record in log.records:
        assert office.git_verify(record.commit).returncode == 0

    # The release archive carries steps 2, 3 and 5; its delivery addendum carries step 10.
    bundle = office.path / "dist/arsip/lkjip-2025"
    names = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    assert {"records/2025/02-agenda-rapat-1.yaml", "records/2025/03-notulen-rapat-1.md",
            "records/2025/05-pengembalian-data-1.yaml"} <= names
    delivered = yaml.safe_load(
        (bundle / "penyerahan/10-penyerahan-lkjip-2025.yaml").read_text(encoding="utf-8"))
    assert delivered["tag"] == "lkjip-2025" and delivered["kepada"] == TO
    assert delivered["eksemplar"] == 3
    assert delivered["commit"] == office.tip("main")
    assert delivered["sha256_pdf"] == sha256((bundle / "lkjip-2025.pdf").read_bytes())
    assert delivered["tanda_terima"]["sha256"] == sha256(receipt.read_bytes())
    assert (bundle / "penyerahan/10-tanda-terima-lkjip-2025.pdf").read_bytes() == (
        receipt.read_bytes())
    assert office.ok("verify-archive", str(bundle), "--repo", str(office.path)).rc == 0
    (bundle / "penyerahan/10-tanda-terima-lkjip-2025.pdf").write_bytes(b"lain")
    failed = office.lkjip("verify-archive", str(bundle), "--repo", str(office.path))
    assert failed.rc == 1
    assert "penyerahan/10-tanda-terima-lkjip-2025.pdf" in failed.out + failed.err

    # The history page lists the records, each measured in working time.
    page = history_markdown(read_cycle(office.repo))
    assert "## Catatan langkah 2, 3, 5 dan 10" in page
    for kind in ("agenda rapat", "notulen rapat", "pengembalian data", "penyerahan LKjIP"):
        assert f"<td>{kind}</td>" in page
    assert "kerja" in page

    # The server: the records branch is accepted as it is, a forged record is refused.
    server = tmp_path / "server.git"
    git(tmp_path, "init", "-q", "--bare", "-b", "main", str(server))
    office.git("push", "-q", str(server), "main")
    hook = subprocess.run([sys.executable, "-m", "pipeline", "hook", "install", str(server)],
                          cwd=office.path, capture_output=True, text=True)
    assert hook.returncode == 0, hook.stderr
    pushed = office.git("push", str(server), "catatan/2025", "review/2025/1", "review/2025/2",
                        "lkjip-2025", check=False)
    assert pushed.returncode == 0, pushed.stderr
    staf = a["staf"]
    office.forge("irban", {"Action": "agenda", "Year": "2025", "Step": "2",
                           "Role": "sekretaris", "Name": a["irban"].name,
                           "NIP": a["irban"].nip, "Decision": "recorded",
                           "Base": office.tip("main")}, branch="catatan/2025")
    refused = office.git("push", str(server), "catatan/2025", check=False)
    assert refused.returncode != 0
    assert "DITOLAK refs/heads/catatan/2025" in refused.stderr
    assert staf.name not in refused.stderr  # the refusal is about the forger
    assert "hanya boleh menambah" in refused.stderr or "yang berhak" in refused.stderr
    deleted = office.git("push", str(server), ":catatan/2025", check=False)
    assert deleted.returncode != 0
