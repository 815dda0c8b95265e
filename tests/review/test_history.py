"""The "Riwayat Penyusunan" page from the workflow facts of two real rounds."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import markdown
import pygit2
from review_helpers import RETURN_NOTE, ReportOffice

from pipeline.review.history import (
    PAGE_NAME,
    history_files,
    history_markdown,
    link_map,
    redline_links,
)
from pipeline.workflow.status import CycleStatus, read_cycle

DAY = 86400


def _status(ro: ReportOffice, now_offset: int = 0) -> CycleStatus:
    status = read_cycle(ro.office.repo)
    return read_cycle(ro.office.repo, now=status.start.time + now_offset) if now_offset else status


def _rows(page: str, marker: str) -> list[list[str]]:
    return [[c.strip() for c in line.strip("|").split(" | ")]
            for line in page.splitlines() if line.startswith("|") and marker in line]


def test_history_tells_every_round_with_people_notes_and_verification(
        rounds_office: ReportOffice) -> None:
    a = rounds_office.office.actors
    links = {"2025/2": ("review/2025/1", "redline/review-2025-1-review-2025-2.html")}
    page = history_markdown(_status(rounds_office), links)
    assert page.startswith("---\ncetak: false\n---\n")  # site only, not in the PDF
    assert "## Putaran 2025/1" in page and "## Putaran 2025/2" in page
    assert "Status: dikembalikan." in page and "Status: terbuka." in page
    assert "[Redline terhadap review/2025/1](redline/review-2025-1-review-2025-2.html)" in page
    submitted = _rows(page, "diajukan")
    assert len(submitted) == 2 and all(r[3] == a["staf"].name for r in submitted)
    (returned,) = _rows(page, "| dikembalikan |")
    assert returned[1] == "Kepala Sub Bagian Perencanaan" and returned[3] == a["kasubbag"].name
    assert returned[4] == a["kasubbag"].nip and returned[8] == "terverifikasi"
    assert returned[9] == RETURN_NOTE
    assert returned[7] == "12 hari"  # step 6's mutu baku
    assert "18 hari 2 jam 5 menit" in submitted[0][7]  # drafting: steps 2-5 together
    assert "Menunggu mengoreksi lalu memberi paraf" in page

    html = markdown.markdown(page.split("---\n", 2)[2], extensions=["tables"])
    assert html.count("<table>") == 2 and 'href="redline/' in html


def test_history_marks_what_exceeded_its_time_standard(rounds_office: ReportOffice) -> None:
    status = _status(rounds_office, now_offset=40 * DAY)
    first = status.rounds[0]
    late = dataclasses.replace(first.verdict.returned, time=first.verdict.returned.time + 13 * DAY)
    rounds = (dataclasses.replace(first, verdict=dataclasses.replace(first.verdict,
                                                                     returned=late)),
              *status.rounds[1:])
    page = history_markdown(dataclasses.replace(status, rounds=rounds))
    (returned,) = _rows(page, "| dikembalikan |")
    assert returned[6].startswith("13 hari") and returned[6].endswith("(melebihi)")
    assert "(melebihi mutu baku)" in page  # the open step waited 40 days
    on_time = history_markdown(_status(rounds_office))
    assert "melebihi" not in on_time


def test_redline_links_pair_each_round_with_the_one_before(rounds_office: ReportOffice) -> None:
    links = redline_links(_status(rounds_office))
    assert [(x.round, x.old, x.new) for x in links] == [("2025/2", "review/2025/1",
                                                        "review/2025/2")]
    assert link_map(links) == {"2025/2": ("review/2025/1",
                                          "redline/review-2025-1-review-2025-2.html")}


def test_history_files_hold_the_page_and_the_redlines_it_links(
        rounds_office: ReportOffice, tmp_path: Path) -> None:
    files = history_files(rounds_office.office.repo)
    assert set(files) == {PAGE_NAME, "redline/review-2025-1-review-2025-2.html"}
    assert "3,05 Level" in files["redline/review-2025-1-review-2025-2.html"]
    assert "(redline/review-2025-1-review-2025-2.html)" in files[PAGE_NAME]

    empty = tmp_path / "kosong"
    pygit2.init_repository(str(empty), initial_head="main")
    (empty / "a").write_text("a")
    rounds_office.office.git("-C", str(empty), "add", "a")
    rounds_office.office.git("-C", str(empty), "-c", "user.name=A", "-c", "user.email=a@b",
                             "commit", "-q", "-m", "awal")
    page = history_files(pygit2.Repository(str(empty)))[PAGE_NAME]
    assert "# Riwayat Penyusunan" in page and "belum dimulai" in page
