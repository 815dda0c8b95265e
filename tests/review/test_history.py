"""The "Riwayat Penyusunan" page from the workflow facts of two real rounds."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import markdown
import pygit2
import pytest
from lxml import html as lxml_html
from review_helpers import RETURN_NOTE, ReportOffice

from pipeline.review.history import (
    PAGE_NAME,
    history_files,
    history_markdown,
    link_map,
    redline_links,
)
from pipeline.review.site import site_pages
from pipeline.workflow.status import CycleStatus, read_cycle

DAY = 86400


def _status(ro: ReportOffice, now_offset: int = 0) -> CycleStatus:
    status = read_cycle(ro.office.repo)
    return read_cycle(ro.office.repo, now=status.start.time + now_offset) if now_offset else status


def _rows(page: str, marker: str) -> list[list[str]]:
    """The cells (inner HTML) of the history tables' rows that contain ``marker``."""
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", page)
    return [re.findall(r"<td[^>]*>(.*?)</td>", row) for row in rows if marker in row]


def test_history_tells_every_round_with_people_notes_and_verification(
        rounds_office: ReportOffice) -> None:
    a = rounds_office.office.actors
    links = {"2025/2": ("2025/1", "redline/2025-1-2025-2.html")}
    page = history_markdown(_status(rounds_office), links)
    assert page.startswith("---\ncetak: false\n---\n")  # site only, not in the PDF
    assert "## Putaran 2025/1" in page and "## Putaran 2025/2" in page
    assert "Status: dikembalikan." in page and "Status: sedang dikoreksi." in page
    assert "[Redline terhadap putaran 2025/1](redline/2025-1-2025-2.html)" in page
    submitted = _rows(page, "serah terima")
    assert len(submitted) == 2 and all(r[3].startswith(a["staf"].name + "<br>") for r in submitted)
    (returned,) = _rows(page, "<td>pengembalian</td>")
    assert returned[1] == "Kepala Sub Bagian Perencanaan"
    assert returned[3] == f"{a['kasubbag'].name}<br>NIP {a['kasubbag'].nip}"
    assert returned[7] == "terverifikasi"
    (note,) = _rows(page, RETURN_NOTE)  # the note runs under its event, across the table
    assert note == ["", f"Catatan: {RETURN_NOTE}"]
    assert page.index(f"<td>{a['kasubbag'].name}<br>") < page.index(RETURN_NOTE)
    assert returned[6] == "12 hari kerja"  # step 6's mutu baku, in working time
    assert "18 hari 2 jam kerja" in submitted[0][6]  # drafting: steps 2-5 together
    assert "Menunggu: mengoreksi lalu memberi paraf" in page

    html = markdown.markdown(page.split("---\n", 2)[2], extensions=["tables"])
    assert html.count('<table class="lkjip-table lkjip-history">') == 2
    assert 'href="redline/' in html


def test_history_marks_what_exceeded_its_time_standard(rounds_office: ReportOffice) -> None:
    status = _status(rounds_office, now_offset=40 * DAY)
    first = status.rounds[0]
    # Thirteen working days after the hand-off (step 6 allows twelve), however many
    # weekends and holidays lie between: the same measure as lkjip status.
    handoff = first.verdict.handoff.time
    day = status.calendar.hours.day_seconds
    late = dataclasses.replace(first.verdict.returned,
                               time=status.calendar.deadline(handoff, 13 * day))
    rounds = (dataclasses.replace(first, verdict=dataclasses.replace(first.verdict,
                                                                     returned=late)),
              *status.rounds[1:])
    page = history_markdown(dataclasses.replace(status, rounds=rounds))
    (returned,) = _rows(page, "<td>pengembalian</td>")
    assert returned[5] == "13 hari kerja (melebihi)"
    on_time = history_markdown(_status(rounds_office))
    assert "melebihi" not in on_time
    # The open step is told by dates, not by "waited so far": the page does not age.
    assert "melebihi mutu baku" not in page and page == history_markdown(
        dataclasses.replace(_status(rounds_office, now_offset=41 * DAY), rounds=rounds))
    assert "paling lambat" in page


def test_redline_links_pair_each_round_with_the_one_before(rounds_office: ReportOffice) -> None:
    links = redline_links(_status(rounds_office))
    assert [(x.round, x.old, x.new) for x in links] == [("2025/2", "review/2025/1",
                                                        "review/2025/2")]
    assert link_map(links) == {"2025/2": ("2025/1", "redline/2025-1-2025-2.html")}


def test_history_files_hold_the_page_and_the_redlines_it_links(
        rounds_office: ReportOffice, tmp_path: Path) -> None:
    files = history_files(rounds_office.office.repo)
    assert set(files) == {PAGE_NAME, "redline/2025-1-2025-2.html"}
    assert "3,05 Level" in files["redline/2025-1-2025-2.html"]
    assert "(redline/2025-1-2025-2.html)" in files[PAGE_NAME]

    empty = tmp_path / "kosong"
    pygit2.init_repository(str(empty), initial_head="main")
    (empty / "a").write_text("a")
    rounds_office.office.git("-C", str(empty), "add", "a")
    rounds_office.office.git("-C", str(empty), "-c", "user.name=A", "-c", "user.email=a@b",
                             "commit", "-q", "-m", "awal")
    page = history_files(pygit2.Repository(str(empty)))[PAGE_NAME]
    assert "# Riwayat Penyusunan" in page and "belum dimulai" in page


def _build(clone: Path) -> subprocess.CompletedProcess[str]:
    """``lkjip build`` as a user runs it: the installed command, in the clone."""
    lkjip = Path(sys.executable).with_name("lkjip")
    return subprocess.run([str(lkjip), "build"], cwd=clone, capture_output=True, text=True,
                          env={**os.environ, "SOURCE_DATE_EPOCH": "1767225600"})


@pytest.mark.slow
def test_built_site_has_the_history_page(rounds_office: ReportOffice, tmp_path: Path) -> None:
    # A fresh clone of main, as CI has it: the rounds exist only as remote-tracking branches.
    clone = tmp_path / "klon"
    rounds_office.office.git("clone", "-q", "-b", "main", str(rounds_office.path), str(clone))
    first = _build(clone)
    assert first.returncode == 0, first.stderr

    site = clone / "site"
    page = (site / "riwayat-penyusunan.html").read_text(encoding="utf-8")
    text = " ".join(lxml_html.fromstring(page).text_content().split())
    a = rounds_office.office.actors
    for expected in ("Riwayat Penyusunan", "Putaran 2025/1", "Putaran 2025/2",
                     "Status: dikembalikan", RETURN_NOTE, a["staf"].name, a["kasubbag"].name,
                     a["kasubbag"].nip, "terverifikasi", "Mutu baku", "12 hari kerja",
                     "paling lambat"):
        assert expected in text, expected
    assert "WIB" in text
    # The redline link works inside the site and shows the changed figure.
    href = "redline/2025-1-2025-2.html"
    assert f'href="{href}"' in page
    assert "3,05 Level" in (site / href).read_text(encoding="utf-8")
    # The page is in the site's navigation, but not in the PDF.
    assert 'href="riwayat-penyusunan.html"' in (site / "index.html").read_text(encoding="utf-8")
    pdf = subprocess.run(["pdftotext", str(clone / "dist" / "lkjip-2025.pdf"), "-"],
                         check=True, capture_output=True, text=True).stdout
    assert "Riwayat Penyusunan" not in pdf and "Putaran 2025/1" not in pdf

    # Nothing moved: the outputs are reused. A round branch went: the site is rebuilt.
    again = _build(clone)
    assert again.returncode == 0 and "dipakai ulang" in again.stdout, again.stdout
    rounds_office.office.git("-C", str(clone), "update-ref", "-d",
                             "refs/remotes/origin/review/2025/2")
    moved = _build(clone)
    assert moved.returncode == 0 and "dipakai ulang" not in moved.stdout, moved.stdout
    assert href not in (site / "riwayat-penyusunan.html").read_text(encoding="utf-8")


def test_site_pages_only_for_the_work_tree_of_a_repository(
        rounds_office: ReportOffice, tmp_path: Path) -> None:
    assert site_pages(tmp_path) is None  # a plain folder has no history to tell
    inner = rounds_office.path / "content"
    assert site_pages(inner) is None  # a folder inside someone's repository is not its root
    pages = site_pages(rounds_office.path)
    assert pages is not None and pages.nav == (("Riwayat Penyusunan", PAGE_NAME),)
    assert "refs/heads/review/2025/1 " in pages.key and "refs/heads/main " in pages.key
    assert "draft/lkjip" not in pages.key  # an author's own branch does not age the page
