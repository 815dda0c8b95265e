"""``lkjip export xlsx``: the year's data as an Excel workbook that ``lkjip import`` reads back.

Cells hold numbers (never formatted text), headers and sheet names are Indonesian, number
columns carry data validation and list columns a drop-down. The computed capaian sit in a
protected sheet: they follow from the other sheets and are never imported.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.data.load import Documents
from pipeline.exchange import layout
from pipeline.exchange.table import achievement_rows
from pipeline.messages import data as dmsg
from pipeline.messages import exchange as msg
from pipeline.model.report import Report

HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
COMPUTED_FILL = PatternFill("solid", fgColor="EEEEEE")
WIDTHS = {msg.DESCRIPTION: 50, msg.NOTE: 40, "Sasaran Strategis": 40, "Indikator Kinerja": 50}


def export_workbook(docs: Documents, report: Report) -> Workbook:
    """The workbook of the year, from the data documents (as written) and the model."""
    book = Workbook()
    first = book.active
    assert first is not None
    indicators = docs["indikator.yaml"].value["indikator"]
    _indicators(_sheet(book, first, msg.SHEET_INDICATORS, layout.INDICATOR_COLUMNS), indicators)
    _years(_sheet(book, None, msg.SHEET_YEARS, layout.YEAR_COLUMNS), indicators, report)
    _quarters(_sheet(book, None, msg.SHEET_QUARTERS, layout.QUARTER_COLUMNS), indicators,
              report.year)
    _budget(_sheet(book, None, msg.SHEET_BUDGET, layout.BUDGET_COLUMNS),
            docs["anggaran.yaml"].value)
    sheet = _sheet(book, None, msg.SHEET_ACHIEVEMENT, msg.ACHIEVEMENT_HEADERS)
    for row in achievement_rows(report):
        sheet.append(list(row))
    for cell in sheet["G"][1:]:
        cell.number_format = "0.00"
    sheet.protection.sheet = True  # computed: read only
    return book


def write_workbook(book: Workbook, path: Path) -> None:
    """Save atomically: a half-written workbook never replaces a good one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.tmp")
    book.save(staged)
    staged.replace(path)


def _sheet(book: Workbook, sheet: Worksheet | None, title: str,
           columns: tuple[str, ...]) -> Worksheet:
    if sheet is None:
        sheet = book.create_sheet(title)
    sheet.title = title
    sheet.append(list(columns))
    for number, name in enumerate(columns, start=1):
        cell = sheet.cell(row=1, column=number)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        sheet.column_dimensions[get_column_letter(number)].width = WIDTHS.get(
            name, max(12, len(name) + 2))
    sheet.freeze_panes = "B2"
    return sheet


def _numbers(sheet: Worksheet, columns: tuple[str, ...], names: list[str]) -> None:
    check = DataValidation(type="decimal", operator="between", formula1="-1000000000000000",
                           formula2="1000000000000000", allow_blank=True,
                           errorTitle=msg.VALIDATION_TITLE, error=msg.VALIDATION_NUMBER,
                           showErrorMessage=True)
    sheet.add_data_validation(check)
    for name in names:
        letter = get_column_letter(layout.column(columns, name))
        check.add(f"{letter}2:{letter}{max(sheet.max_row, 2)}")


def _choices(sheet: Worksheet, columns: tuple[str, ...], name: str,
             choices: tuple[str, ...]) -> None:
    check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"',
                           allow_blank=True, error=msg.VALIDATION_LIST, showErrorMessage=True)
    sheet.add_data_validation(check)
    letter = get_column_letter(layout.column(columns, name))
    check.add(f"{letter}2:{letter}{max(sheet.max_row, 2)}")


def _target_cells(value: Any) -> tuple[Any, Any]:
    if isinstance(value, list):
        return value[0], value[1]
    return value, None


def _indicators(sheet: Worksheet, indicators: list[dict[str, Any]]) -> None:
    for i in indicators:
        renstra, _high = _target_cells(i["target_renstra"])
        sheet.append([i["kode"], i["sasaran"], i["uraian"], i["satuan"], i["polaritas"],
                      i.get("agregasi_triwulan"), renstra])
    _choices(sheet, layout.INDICATOR_COLUMNS, msg.POLARITY, layout.POLARITIES)
    _choices(sheet, layout.INDICATOR_COLUMNS, msg.AGGREGATION, layout.AGGREGATIONS)


def _years(sheet: Worksheet, indicators: list[dict[str, Any]], report: Report) -> None:
    for i in indicators:
        for year in report.renstra.years:
            low, high = _target_cells(i["target"].get(str(year)))
            actual = i["realisasi"].get(str(year))
            note = None
            if actual is None and str(year) in (i.get("triwulan") or {}):
                note = msg.NOTE_FROM_QUARTERS.format(
                    rule=dmsg.AGGREGATION_NAMES[i["agregasi_triwulan"]])
            sheet.append([i["kode"], i["uraian"], year, low, high, actual, note])
    _numbers(sheet, layout.YEAR_COLUMNS, [msg.TARGET, msg.TARGET_HIGH, msg.ACTUAL])


def _quarters(sheet: Worksheet, indicators: list[dict[str, Any]], report_year: int) -> None:
    for i in indicators:
        quarters = i.get("triwulan") or {}
        years = sorted({*map(int, quarters), report_year})
        for year in years:
            q = quarters.get(str(year)) or {}
            targets = _four(q.get("target"))
            actuals = _four(q.get("realisasi"))
            sheet.append([i["kode"], i["uraian"], year, *targets, *actuals])
    names = [c for c in layout.QUARTER_COLUMNS[3:]]
    _numbers(sheet, layout.QUARTER_COLUMNS, names)


def _four(values: list[Any] | None) -> list[Any]:
    values = list(values or [])
    return values + [None] * (4 - len(values))


def _budget(sheet: Worksheet, budget: dict[str, Any]) -> None:
    for program in budget["program"]:
        start = sheet.max_row + 1
        sheet.append([program["kode"], program["nama"], msg.LEVEL_PROGRAM,
                      program.get("sasaran")])
        for activity in program["kegiatan"]:
            sheet.append([activity["kode"], activity["nama"], msg.LEVEL_ACTIVITY,
                          activity.get("sasaran")])
            for sub in activity["sub_kegiatan"]:
                sheet.append([sub["kode"], sub["nama"], msg.LEVEL_SUB, sub.get("sasaran"),
                              sub["pagu"], sub["realisasi"],
                              *_four(sub.get("target_triwulan")),
                              *_four(sub.get("realisasi_triwulan")), None])
        _sum_rows(sheet, start)
    for row in sheet.iter_rows(min_row=2):
        for cell in row[4:14]:
            cell.number_format = "#,##0"
    _numbers(sheet, layout.BUDGET_COLUMNS,
             [msg.CEILING, msg.SPENT, *layout.BUDGET_COLUMNS[6:14]])


def _sum_rows(sheet: Worksheet, start: int) -> None:
    """Program and kegiatan rows: totals of the sub kegiatan below them (values, greyed)."""
    rows = list(sheet.iter_rows(min_row=start, max_row=sheet.max_row))
    for n, row in enumerate(rows):
        level = row[2].value
        if level == msg.LEVEL_SUB:
            continue
        below = []
        for other in rows[n + 1:]:
            if other[2].value == msg.LEVEL_PROGRAM or (
                    level == msg.LEVEL_ACTIVITY and other[2].value == msg.LEVEL_ACTIVITY):
                break
            if other[2].value == msg.LEVEL_SUB:
                below.append(other)
        for column in (4, 5):
            values = [r[column].value for r in below]
            row[column].value = (None if any(v is None for v in values)
                                 else sum(values))
        row[14].value = msg.NOTE_SUM_ROW
        for cell in row:
            cell.fill = COMPUTED_FILL
