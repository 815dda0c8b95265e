"""Excel round trip: export, edit with openpyxl, import; what changes and what must not."""

from __future__ import annotations

import difflib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pipeline import cli
from pipeline.build import build

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "tests" / "data"))
from check_helpers import copy_project  # noqa: E402


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A project copy and the workbook ``lkjip export xlsx`` made of it (never edited)."""
    root = copy_project(tmp_path_factory.mktemp("xlsx") / "proyek")
    book = root.parent / "lkjip.xlsx"
    assert cli.main(["export", "xlsx", "--root", str(root), "--out", str(book)]) == 0
    return root, book


@pytest.fixture
def project(exported: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    root, book = exported
    copy = tmp_path / "proyek"
    shutil.copytree(root, copy)
    return copy, book


def _data(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / "data").glob("*"))}


Edit = tuple[str, str, int | None, str, object]  # sheet, code, year, header, value


def _set(book: Path, out: Path, sheet: str, code: str, year: int | None, header: str,
         value: object) -> str:
    wb = load_workbook(book)
    ws = wb[sheet]
    col = [c.value for c in ws[1]].index(header)
    for row in ws.iter_rows(min_row=2):
        if row[0].value == code and (year is None or row[2].value == year):
            row[col].value = value
            wb.save(out)
            return f"{sheet}!{row[col].coordinate}"
    raise AssertionError((code, year))


def _import(project: tuple[Path, Path], tmp_path: Path, edits: list[Edit]) -> int:
    """Make ``edits`` in a copy of the exported workbook, one after the other, and import it."""
    root, book = project
    edited = tmp_path / "ubah.xlsx"
    source = book
    for edit in edits:
        _set(source, edited, *edit)
        source = edited
    return cli.main(["import", str(edited), "--root", str(root)])


def _changed_lines(before: str, after: str) -> list[str]:
    """The removed (-) and added (+) lines from ``before`` to ``after``, in order."""
    return [d for d in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0,
                                            lineterm="")
            if d[:1] in "+-" and d[:3] not in ("---", "+++")]


def test_workbook_holds_numbers_indonesian_sheets_validation_and_locked_capaian(
        exported: tuple[Path, Path]) -> None:
    wb = load_workbook(exported[1])
    assert wb.sheetnames == ["Indikator", "Target dan Realisasi", "Triwulan", "Anggaran",
                             "Capaian"]
    years = wb["Target dan Realisasi"]
    row = next(r for r in years.iter_rows(min_row=2, values_only=True)
               if r[0] == "IKU-01" and r[2] == 2025)
    assert row[3] == 3.2 and row[5] == 3.18  # numbers, not "3,18"
    assert wb["Capaian"].protection.sheet is True
    assert wb["Indikator"].protection.sheet is False
    lists = [dv.formula1 for dv in wb["Indikator"].data_validations.dataValidation]
    assert '"positif,negatif"' in lists
    assert any(dv.type == "decimal" for dv in years.data_validations.dataValidation)
    capaian = list(wb["Capaian"].iter_rows(values_only=True))
    assert capaian[0] == ("No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target",
                          "Realisasi", "Capaian (%)", "Kategori")
    assert capaian[4][2:] == ("Persentase rekomendasi hasil pengawasan yang ditindaklanjuti",
                              "%", 85, 82.46, 97.01, "Sangat Baik")


def test_export_then_import_unchanged_changes_no_byte(
        project: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    root, book = project
    before = _data(root)
    assert cli.main(["import", str(book), "--root", str(root)]) == 0
    assert "Tidak ada perubahan" in capsys.readouterr().out
    assert _data(root) == before


@pytest.mark.parametrize(("edits", "fragments"), [
    pytest.param(
        # A good change first, so that refusing must also throw it away.
        [("Target dan Realisasi", "IKU-01", 2025, "Realisasi", 3.3),
         ("Triwulan", "IKU-06", 2025, "Realisasi TW III", "87,9 persen")],
        ["Triwulan!J7: harus berupa angka"],
        id="bad-cell-named-by-sheet-and-cell"),
    pytest.param(
        # Triwulan IV no longer equals the written level 3: the check refuses the result.
        [("Triwulan", "IKU-03", 2025, "Realisasi TW IV", 2)],
        ["data/indikator.yaml:", "realisasi IKU-03 tahun 2025"],
        id="result-would-make-data-invalid"),
])
def test_refused_import_writes_nothing(
        project: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str],
        edits: list[Edit], fragments: list[str]) -> None:
    before = _data(project[0])
    assert _import(project, tmp_path, edits) == 1
    err = capsys.readouterr().err
    for fragment in fragments:
        assert fragment in err, err
    assert _data(project[0]) == before


@pytest.mark.slow
def test_two_edited_cells_reach_the_pdf_and_nothing_else_changes(
        project: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project[0]
    before = (root / "data" / "indikator.yaml").read_text(encoding="utf-8")
    assert _import(project, tmp_path, [
        ("Target dan Realisasi", "IKU-01", 2025, "Realisasi", 3.21),
        ("Triwulan", "IKU-06", 2025, "Realisasi TW IV", 93)]) == 0
    out = capsys.readouterr().out
    assert "IKU-01 realisasi 2025: 3,18 → 3,21" in out
    assert "IKU-06 realisasi triwulan IV 2025: 89 → 93" in out
    after = (root / "data" / "indikator.yaml").read_text(encoding="utf-8")
    assert _changed_lines(before, after) == [
        "-    realisasi: {2021: 2.75, 2022: 2.91, 2023: 3.02, 2024: 3.05, 2025: 3.18}",
        "+    realisasi: {2021: 2.75, 2022: 2.91, 2023: 3.02, 2024: 3.05, 2025: 3.21}",
        "-        realisasi: [82.50, 84.00, 87.34, 89.00]",
        "+        realisasi: [82.50, 84.00, 87.34, 93]",
    ]
    assert [ln for ln in after.splitlines() if ln.lstrip().startswith("#")] == \
        [ln for ln in before.splitlines() if ln.lstrip().startswith("#")]
    result = build(root, site=False, environ={})
    assert result.pdf is not None
    text = subprocess.run(["pdftotext", "-layout", str(result.pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "3,21" in text
    # IKU-06 averages its quarters: (82,5 + 84 + 87,34 + 93) / 4 = 86,71
    assert "86,71" in text


def test_budget_quarters_are_added_in_place(
        project: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = project[0]
    before = (root / "data" / "anggaran.yaml").read_text(encoding="utf-8")
    assert _import(project, tmp_path, [
        ("Anggaran", "6.01.01.2.01.0001", None, "Target TW II (Rp)", 20000000),
        ("Anggaran", "6.01.01.2.01.0001", None, "Realisasi TW I (Rp)", 9500000)]) == 0
    out = capsys.readouterr().out
    assert "6.01.01.2.01.0001 target anggaran triwulan II: (kosong) → 20.000.000" in out
    assert "6.01.01.2.01.0001 realisasi anggaran triwulan I: (kosong) → 9.500.000" in out
    after = (root / "data" / "anggaran.yaml").read_text(encoding="utf-8")
    assert _changed_lines(before, after) == ["+            target_triwulan: [null, 20000000]",
                     "+            realisasi_triwulan: [9500000]"]
    assert cli.main(["check", "--root", str(root)]) == 0
