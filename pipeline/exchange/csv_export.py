"""``lkjip export csv``: the capaian table for e-SAKIP and the Bagian Organisasi.

Comma-separated, UTF-8 with a byte-order mark (Excel then opens the Indonesian text right),
numbers with a decimal point so that any program reads them as numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from pipeline.exchange.table import achievement_rows
from pipeline.messages import exchange as msg
from pipeline.model.report import Report


def capaian_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(msg.ACHIEVEMENT_HEADERS)
    for row in achievement_rows(report):
        writer.writerow(["" if v is None else v for v in row])
    return out.getvalue()


def write_csv(report: Report, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.tmp")
    staged.write_text("\ufeff" + capaian_csv(report), encoding="utf-8", newline="")
    staged.replace(path)
