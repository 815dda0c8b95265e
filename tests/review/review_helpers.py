"""Helpers for the review tests: an office repository holding the project's real report."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from workflow_helpers import Office

PROJECT = Path(__file__).resolve().parents[2]
REPORT_FILES = ("content", "data", "mkdocs.yml")

OLD_ACTUAL = "2024: 3.05, 2025: 3.18}"  # IKU-01's realisasi line in data/indikator.yaml
NEW_ACTUAL = "2024: 3.05, 2025: 3.05}"
OLD_SENTENCE = "Penyelenggaraan pemerintahan yang baik menuntut"
NEW_SENTENCE = "Tata kelola pemerintahan yang baik mewajibkan"
RETURN_NOTE = "Realisasi IKU-01 belum sesuai laporan BPKP; mohon diperbaiki."


@dataclass
class ReportOffice:
    office: Office

    @classmethod
    def setup(cls, office: Office) -> ReportOffice:
        for name in REPORT_FILES:
            source, target = PROJECT / name, office.path / name
            if source.is_dir():
                shutil.copytree(source, target, dirs_exist_ok=True)
            else:
                shutil.copy(source, target)
        office.git("add", ".")
        office.git("commit", "-q", "-m", "laporan LKjIP 2025 (draf awal)")
        office.ok("start", "--year", "2025", as_="inspektur")
        office.git("switch", "-q", "-c", "draft/lkjip", "main")
        return cls(office)

    @property
    def path(self) -> Path:
        return self.office.path

    def edit(self, rel: str, old: str, new: str) -> None:
        file = self.path / rel
        text = file.read_text(encoding="utf-8")
        assert old in text, (rel, old)
        file.write_text(text.replace(old, new, 1), encoding="utf-8")


def two_rounds(ro: ReportOffice) -> ReportOffice:
    """Round 1 returned with a note; round 2 with a changed realisasi and paragraph."""
    office = ro.office
    office.ok("submit", as_="staf")
    office.ok("return", "--note", RETURN_NOTE, as_="kasubbag")
    office.git("switch", "-q", "draft/lkjip")
    ro.edit("data/indikator.yaml", OLD_ACTUAL, NEW_ACTUAL)
    ro.edit("content/bab-1-pendahuluan.md", OLD_SENTENCE, NEW_SENTENCE)
    office.git("commit", "-q", "-am", "perbaikan sesuai catatan Kasubbag")
    office.ok("submit", as_="staf")
    assert office.branch() == "review/2025/2"
    return ro
