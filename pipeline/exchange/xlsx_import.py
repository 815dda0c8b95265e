"""``lkjip import FILE.xlsx``: the workbook's values back into ``data/*.yaml``.

Rows are found by their code and year (the user may sort or filter them). Every cell is
checked first; one bad cell refuses the whole import with ``Sheet!C12: message`` and nothing is
written. The values that differ are then written into the YAML text in place
(:mod:`pipeline.exchange.yamledit`: comments, order and layout stay), the changed files are
validated as a whole (schema, consistency, triwulan) before any of them is replaced, and each
file is replaced atomically. A workbook exported and imported unchanged changes no byte.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from dataclasses import field as dc_field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from pipeline.data import schema
from pipeline.data.consistency import check_consistency
from pipeline.data.load import DATA_DIR, read_documents
from pipeline.data.quarterly import check_quarters
from pipeline.data.yamlfile import parse_yaml
from pipeline.errors import UserError
from pipeline.exchange import layout, yamledit
from pipeline.formatting import auto_number
from pipeline.messages import exchange as msg
from pipeline.model.quarters import QUARTER_NAMES, same_value

IND = "indikator.yaml"
BUDGET = "anggaran.yaml"


@dataclass
class Change:
    what: str
    old: Any
    new: Any

    def __str__(self) -> str:
        return msg.CHANGE_LINE.format(what=self.what, old=_show(self.old), new=_show(self.new))


@dataclass
class ImportResult:
    changes: list[Change] = dc_field(default_factory=list)
    written: list[str] = dc_field(default_factory=list)


class ImportRefused(UserError):
    def __init__(self, header: str, lines: list[str]) -> None:
        super().__init__("\n".join([header.format(count=len(lines)), *(f"  {x}" for x in lines)]))
        self.lines = lines


def _show(value: Any) -> str:
    if value is None:
        return msg.EMPTY
    if isinstance(value, int | float) and not isinstance(value, bool):
        return auto_number(value, 6)
    return str(value)


class _Cells:
    """Reads cells and collects the bad ones as ``Sheet!C12: message``."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def bad(self, sheet: Worksheet, row: int, col: int, message: str) -> None:
        letter = sheet.cell(row=row, column=col).column_letter
        self.problems.append(f"{sheet.title}!{letter}{row}: {message}")

    def number(self, sheet: Worksheet, row: int, col: int) -> float | int | None:
        value = sheet.cell(row=row, column=col).value
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.bad(sheet, row, col, msg.CELL_NOT_NUMBER.format(value=repr(value)))
            return None
        return value

    def choice(self, sheet: Worksheet, row: int, col: int,
               choices: tuple[str, ...]) -> str | None:
        value = sheet.cell(row=row, column=col).value
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if not isinstance(value, str) or value.strip() not in choices:
            self.bad(sheet, row, col, msg.CELL_NOT_CHOICE.format(
                choices=", ".join(choices), value=repr(value)))
            return None
        return value.strip()


def import_workbook(root: Path, workbook: Path, *, dry_run: bool = False) -> ImportResult:
    """Write the values of ``workbook`` into the data of the project at ``root``."""
    try:
        book = load_workbook(workbook, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not xlsx
        raise UserError(msg.NOT_WORKBOOK.format(file=workbook.name, reason=exc)) from exc
    docs, problems = read_documents(root)
    if problems:
        raise ImportRefused(msg.IMPORT_INVALID_RESULT, [str(p) for p in problems])
    texts = {name: (root / DATA_DIR / name).read_text(encoding="utf-8") for name in (IND, BUDGET)}
    trees = {name: yamledit.load(text) for name, text in texts.items()}
    edits = {name: yamledit.TextEdit(text) for name, text in texts.items()}
    cells = _Cells()
    sheets = {}
    for title, columns in ((msg.SHEET_INDICATORS, layout.INDICATOR_COLUMNS),
                           (msg.SHEET_YEARS, layout.YEAR_COLUMNS),
                           (msg.SHEET_QUARTERS, layout.QUARTER_COLUMNS),
                           (msg.SHEET_BUDGET, layout.BUDGET_COLUMNS)):
        if title not in book.sheetnames:
            raise ImportRefused(msg.IMPORT_REFUSED, [msg.SHEET_MISSING.format(
                sheet=title, file=workbook.name)])
        sheet = book[title]
        for n, name in enumerate(columns, start=1):
            found = sheet.cell(row=1, column=n).value
            if found != name:
                cells.bad(sheet, 1, n, msg.HEADER_WRONG.format(expected=name, found=repr(found)))
        sheets[title] = sheet
    if cells.problems:
        raise ImportRefused(msg.IMPORT_REFUSED, cells.problems)

    indicators = {i["kode"]: i for i in trees[IND]["indikator"]}
    changes: list[Change] = []
    merger = _Merger(edits[IND], changes, cells, IND)
    aggregation = _indicator_sheet(sheets[msg.SHEET_INDICATORS], indicators, cells, merger)
    _year_sheet(sheets[msg.SHEET_YEARS], indicators, cells, merger)
    _quarter_sheet(sheets[msg.SHEET_QUARTERS], indicators, cells, merger, aggregation)
    budget_merger = _Merger(edits[BUDGET], changes, cells, BUDGET)
    _budget_sheet(sheets[msg.SHEET_BUDGET], trees[BUDGET], cells, budget_merger)
    if cells.problems:
        raise ImportRefused(msg.IMPORT_REFUSED, cells.problems)

    result = ImportResult(changes)
    new_texts = {name: edit.result() for name, edit in edits.items() if edit.edits}
    new_texts = {name: text for name, text in new_texts.items() if text != texts[name]}
    if not new_texts:
        return result
    _validate(docs, new_texts)
    if not dry_run:
        for name, text in new_texts.items():
            _write_atomic(root / DATA_DIR / name, text)
            result.written.append(f"{DATA_DIR}/{name}")
    return result


def _validate(docs: Any, new_texts: dict[str, str]) -> None:
    """The data as it would be after the import must pass the schema and the checks."""
    new_docs = dict(docs)
    problems = []
    for name, text in new_texts.items():
        doc, found = parse_yaml(text, f"{DATA_DIR}/{name}")
        problems += found
        if doc is not None:
            invalid = schema.validate(name, doc)
            problems += invalid
            if not invalid and not found:
                new_docs[name] = doc
    if not problems:
        problems = check_consistency(new_docs) + check_quarters(new_docs)
        problems = [p for p in problems if p.path.removeprefix(f"{DATA_DIR}/") in new_texts]
    if problems:
        raise ImportRefused(msg.IMPORT_INVALID_RESULT, [str(p) for p in problems])


def _write_atomic(path: Path, text: str) -> None:
    staged = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    staged.write_bytes(text.encode("utf-8"))
    os.replace(staged, path)


def _differs(old: Any, new: Any) -> bool:
    if old is None or new is None:
        return (old is None) != (new is None)
    if isinstance(old, int | float) and isinstance(new, int | float):
        return not same_value(float(old), float(new))
    return str(old) != str(new)


class _Merger:
    """Turns "this value should now be X" into text edits and change lines."""

    def __init__(self, edit: yamledit.TextEdit, changes: list[Change], cells: _Cells,
                 file: str) -> None:
        self.file = f"{DATA_DIR}/{file}"
        self.edit = edit
        self.changes = changes
        self.cells = cells

    def set(self, mapping: Any, key: Any, new: Any, what: str,
            where: tuple[Worksheet, int, int]) -> None:
        present = key in mapping
        old = mapping[key] if present else None
        if isinstance(old, list):
            old = old[0]  # a range target's lower bound, handled with its upper bound
        if not _differs(old, new):
            return
        try:
            if present:
                self.edit.replace_value(mapping, key, new)
            else:
                self.edit.add_to_mapping(mapping, key, new)
        except yamledit.NotFlow:
            self.cells.bad(*where, msg.CELL_CANNOT_PLACE.format(file=self.file))
            return
        self.changes.append(Change(what, old, new))


def _rows(sheet: Worksheet) -> range:
    return range(2, sheet.max_row + 1)


def _code(sheet: Worksheet, row: int, known: dict[str, Any], cells: _Cells,
          file: str) -> str | None:
    value = sheet.cell(row=row, column=1).value
    if value is None:
        return None
    code = str(value).strip()
    if code not in known:
        cells.bad(sheet, row, 1, msg.CELL_UNKNOWN_CODE.format(code=code, file=file))
        return None
    return code


def _year(sheet: Worksheet, row: int, col: int, cells: _Cells) -> int | None:
    value = sheet.cell(row=row, column=col).value
    if isinstance(value, int) and not isinstance(value, bool) and 1900 <= value <= 2200:
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    cells.bad(sheet, row, col, msg.CELL_BAD_YEAR.format(value=repr(value)))
    return None


def _indicator_sheet(sheet: Worksheet, indicators: dict[str, Any], cells: _Cells,
                     merger: _Merger) -> dict[str, str | None]:
    cols = layout.INDICATOR_COLUMNS
    aggregation: dict[str, str | None] = {}
    for row in _rows(sheet):
        code = _code(sheet, row, indicators, cells, IND)
        if code is None:
            continue
        item = indicators[code]
        c_pol = layout.column(cols, msg.POLARITY)
        polarity = cells.choice(sheet, row, c_pol, layout.POLARITIES)
        if polarity is not None:
            merger.set(item, "polaritas", polarity, msg.WHAT_POLARITY.format(code=code),
                       (sheet, row, c_pol))
        c_agg = layout.column(cols, msg.AGGREGATION)
        rule = cells.choice(sheet, row, c_agg, layout.AGGREGATIONS)
        aggregation[code] = rule
        if rule is not None and "agregasi_triwulan" in item:
            merger.set(item, "agregasi_triwulan", rule,
                       msg.WHAT_AGGREGATION.format(code=code), (sheet, row, c_agg))
    return aggregation


def _indicator_years(sheet: Worksheet, indicators: dict[str, Any], cells: _Cells,
                     ) -> Iterator[tuple[int, str, int, Any]]:
    """(row, code, year, indicator) of every row naming a known indicator and a year once;
    a row that names them again is refused at its code cell."""
    seen: dict[tuple[str, int], int] = {}
    for row in _rows(sheet):
        code = _code(sheet, row, indicators, cells, IND)
        year = _year(sheet, row, 3, cells) if code else None
        if code is None or year is None:
            continue
        if (code, year) in seen:
            cells.bad(sheet, row, 1, msg.CELL_DUPLICATE.format(code=code, year=year,
                                                               row=seen[(code, year)]))
            continue
        seen[(code, year)] = row
        yield row, code, year, indicators[code]


def _year_sheet(sheet: Worksheet, indicators: dict[str, Any], cells: _Cells,
                merger: _Merger) -> None:
    cols = layout.YEAR_COLUMNS
    for row, code, year, item in _indicator_years(sheet, indicators, cells):
        c_low, c_high, c_act = (layout.column(cols, n)
                                for n in (msg.TARGET, msg.TARGET_HIGH, msg.ACTUAL))
        low, high = cells.number(sheet, row, c_low), cells.number(sheet, row, c_high)
        actual = cells.number(sheet, row, c_act)
        if high is not None and low is None:
            cells.bad(sheet, row, c_high, msg.CELL_RANGE_HIGH)
            continue
        _set_target(merger, item["target"], year, low, high, code, (sheet, row, c_low))
        if actual is not None or year in item["realisasi"]:
            merger.set(item["realisasi"], year, actual,
                       msg.WHAT_ACTUAL.format(code=code, year=year), (sheet, row, c_act))


def _set_target(merger: _Merger, targets: Any, year: int, low: Any, high: Any, code: str,
                where: tuple[Worksheet, int, int]) -> None:
    old = targets.get(year)
    if low is None and old is None:
        return
    new: Any = low if high is None else [low, high]
    old_parts = list(old) if isinstance(old, list) else [old, None]
    new_parts = list(new) if isinstance(new, list) else [new, None]
    if not any(_differs(a, b) for a, b in zip(old_parts, new_parts, strict=True)):
        return
    try:
        if year in targets:
            merger.edit.replace_value(targets, year, new)
        else:
            merger.edit.add_to_mapping(targets, year, new)
    except yamledit.NotFlow:
        merger.cells.bad(*where, msg.CELL_CANNOT_PLACE.format(file=IND))
        return
    merger.changes.append(Change(msg.WHAT_TARGET.format(code=code, year=year),
                                 old if not isinstance(old, list) else f"{old[0]}-{old[1]}",
                                 new if not isinstance(new, list) else f"{new[0]}-{new[1]}"))


def _quarter_sheet(sheet: Worksheet, indicators: dict[str, Any], cells: _Cells,
                   merger: _Merger, aggregation: dict[str, str | None]) -> None:
    for row, code, year, item in _indicator_years(sheet, indicators, cells):
        values = {field: [cells.number(sheet, row, 4 + offset + q) for q in range(4)]
                  for field, offset in (("target", 0), ("realisasi", 4))}
        quarters = item.get("triwulan")
        existing = quarters.get(year) if quarters is not None else None
        if existing is None:
            if all(v is None for vs in values.values() for v in vs):
                continue
            _add_quarters(sheet, row, item, year, values, merger, aggregation.get(code), code)
            continue
        for field, new in values.items():
            _set_quarter_list(existing, field, new, code, year, merger, (sheet, row, 4))


def _set_quarter_list(mapping: Any, field: str, new: list[Any], code: str, year: int,
                      merger: _Merger, where: tuple[Worksheet, int, int]) -> None:
    old = list(mapping.get(field) or [])
    old_padded = old + [None] * (4 - len(old))
    differing = [q for q in range(4) if _differs(old_padded[q], new[q])]
    if not differing:
        return
    what = msg.WHAT_QUARTER_TARGET if field == "target" else msg.WHAT_QUARTER_ACTUAL
    try:
        if field not in mapping:
            merger.edit.add_to_mapping(mapping, field, _trim(new))
        elif all(q < len(old) for q in differing):
            for q in differing:
                merger.edit.replace_item(mapping[field], q, new[q])
        else:
            merger.edit.replace_flow_list(mapping, field, _trim(new))
    except yamledit.NotFlow:
        merger.cells.bad(*where, msg.CELL_CANNOT_PLACE.format(file=IND))
        return
    for q in differing:
        merger.changes.append(Change(what.format(code=code, q=QUARTER_NAMES[q], year=year),
                                     old_padded[q], new[q]))


def _trim(values: list[Any]) -> list[Any]:
    values = list(values)
    while values and values[-1] is None:
        values.pop()
    return values


def _add_quarters(sheet: Worksheet, row: int, item: Any, year: int,
                  values: dict[str, list[Any]], merger: _Merger, rule: str | None,
                  code: str) -> None:
    entry = {field: _trim(v) for field, v in values.items() if any(x is not None for x in v)}
    if "triwulan" in item:
        merger.edit.add_block(item["triwulan"], list(item["triwulan"])[-1], {year: entry})
    else:
        if rule is None and "agregasi_triwulan" not in item:
            merger.cells.bad(sheet, row, 4, msg.CELL_NEEDS_AGGREGATION.format(
                code=code, sheet=msg.SHEET_INDICATORS))
            return
        block: dict[Any, Any] = {}
        if "agregasi_triwulan" not in item:
            block["agregasi_triwulan"] = rule
        block["triwulan"] = {year: entry}
        merger.edit.add_block(item, "realisasi", block)
        if "agregasi_triwulan" not in item:
            merger.changes.append(Change(msg.WHAT_AGGREGATION.format(code=code), None, rule))
    for field, vs in values.items():
        what = msg.WHAT_QUARTER_TARGET if field == "target" else msg.WHAT_QUARTER_ACTUAL
        for q, v in enumerate(vs):
            if v is not None:
                merger.changes.append(Change(what.format(code=code, q=QUARTER_NAMES[q],
                                                         year=year), None, v))


def _budget_sheet(sheet: Worksheet, budget: Any, cells: _Cells, merger: _Merger) -> None:
    subs = {s["kode"]: s for p in budget["program"] for k in p["kegiatan"]
            for s in k["sub_kegiatan"]}
    cols = layout.BUDGET_COLUMNS
    c_level = layout.column(cols, msg.LEVEL)
    for row in _rows(sheet):
        if sheet.cell(row=row, column=c_level).value != msg.LEVEL_SUB:
            continue  # program and kegiatan rows are totals: computed, never imported
        code = _code(sheet, row, subs, cells, BUDGET)
        if code is None:
            continue
        sub = subs[code]
        c_ceiling, c_spent = layout.column(cols, msg.CEILING), layout.column(cols, msg.SPENT)
        ceiling = cells.number(sheet, row, c_ceiling)
        spent = cells.number(sheet, row, c_spent)
        if ceiling is not None:
            merger.set(sub, "pagu", ceiling, msg.WHAT_CEILING.format(code=code),
                       (sheet, row, c_ceiling))
        merger.set(sub, "realisasi", spent, msg.WHAT_SPENT.format(code=code),
                   (sheet, row, c_spent))
        for name, first in layout.BUDGET_QUARTER_FIELDS:
            quarters = [cells.number(sheet, row, first + q) for q in range(4)]
            what = msg.WHAT_QUARTER_PLAN if name == "target_triwulan" else msg.WHAT_QUARTER_SPENT
            _budget_quarters(sub, name, quarters, code, what, merger, (sheet, row, first))


def _budget_quarters(sub: Any, name: str, quarters: list[Any], code: str, what: str,
                     merger: _Merger, where: tuple[Worksheet, int, int]) -> None:
    old = list(sub.get(name) or [])
    old_padded = old + [None] * (4 - len(old))
    differing = [q for q in range(4) if _differs(old_padded[q], quarters[q])]
    if not differing:
        return
    try:
        if name not in sub:
            merger.edit.add_block(sub, "realisasi", {name: _trim(quarters)})
        elif all(q < len(old) for q in differing):
            for q in differing:
                merger.edit.replace_item(sub[name], q, quarters[q])
        else:
            merger.edit.replace_flow_list(sub, name, _trim(quarters))
    except yamledit.NotFlow:
        sheet, row, first = where
        merger.cells.bad(sheet, row, first + differing[0], msg.CELL_CANNOT_PLACE.format(
            file=BUDGET))
        return
    for q in differing:
        merger.changes.append(Change(what.format(code=code, q=QUARTER_NAMES[q]),
                                     old_padded[q], quarters[q]))
