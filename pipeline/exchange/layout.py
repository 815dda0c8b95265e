"""The workbook's sheets and columns, shared by export and import (one place, so a column
written is a column read)."""

from __future__ import annotations

from pipeline.messages import exchange as msg
from pipeline.model.quarters import QUARTER_NAMES

INDICATOR_COLUMNS = (msg.CODE, msg.OBJECTIVE, msg.DESCRIPTION, msg.UNIT, msg.POLARITY,
                     msg.AGGREGATION, msg.RENSTRA_TARGET)
YEAR_COLUMNS = (msg.CODE, msg.DESCRIPTION, msg.YEAR, msg.TARGET, msg.TARGET_HIGH, msg.ACTUAL,
                msg.NOTE)
QUARTER_COLUMNS = (msg.CODE, msg.DESCRIPTION, msg.YEAR,
                   *(msg.QUARTER_TARGET.format(q=q) for q in QUARTER_NAMES),
                   *(msg.QUARTER_ACTUAL.format(q=q) for q in QUARTER_NAMES))
BUDGET_COLUMNS = (msg.CODE, msg.DESCRIPTION, msg.LEVEL, msg.OBJECTIVE, msg.CEILING, msg.SPENT,
                  *(msg.QUARTER_PLAN.format(q=q) for q in QUARTER_NAMES),
                  *(msg.QUARTER_SPENT.format(q=q) for q in QUARTER_NAMES), msg.NOTE)
BUDGET_QUARTER_FIELDS = (("target_triwulan", 7), ("realisasi_triwulan", 11))  # first column

POLARITIES = ("positif", "negatif")
AGGREGATIONS = ("terakhir", "jumlah", "rata_rata")


def column(columns: tuple[str, ...], name: str) -> int:
    """1-based column number of ``name``."""
    return columns.index(name) + 1
