"""``lkjip export docx``: the whole report as an editable Word document.

Made with python-docx from the same print HTML the PDF is laid out from (so the chapters,
numbers and tables are the PDF's): every heading becomes a Word heading style (``Heading 1``
... so Word's navigation pane and its own table of contents work), every table a Word table,
lists Word list paragraphs. The PDF's own cover and tables of contents are left out (Word makes
its own). Charts are SVG in the HTML, which Word documents cannot hold portably: each is drawn
again as PNG by the same chart code (:mod:`pipeline.render.charts`), found by its caption.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import lxml.html
from docx import Document
from docx.document import Document as DocxDocument
from docx.shared import Inches, Pt
from lxml.html import HtmlElement

from pipeline.model.report import Report
from pipeline.render import pages as content

SKIPPED_SECTIONS = {"cover", "toc"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


def report_docx(root: Path, report: Report) -> DocxDocument:
    from pipeline.render.print_html import print_html  # WeasyPrint-free, but heavy imports

    config = content.read_config(root)
    html = print_html(content.read_pages(root, config), report, config)
    tree = lxml.html.document_fromstring(html)
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    body = tree.find("body")
    _blocks(document, body if body is not None else tree, _charts(report))
    return document


def _charts(report: Report) -> dict[str, Callable[[], bytes]]:
    """Caption text -> PNG of the chart, for every chart a page can show."""
    from pipeline.messages import render as rmsg
    from pipeline.render import charts

    def png(figure: Any) -> bytes:
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png", dpi=150, bbox_inches="tight")
        return buffer.getvalue()

    renstra = report.renstra
    found: dict[str, Callable[[], bytes]] = {
        rmsg.CAP_CHART_BUDGET.format(year=report.year):
            lambda: png(charts.budget_figure(charts.budget_series(report)))}
    for indicator in report.indicators:
        caption = rmsg.CAP_CHART_INDICATOR.format(indicator=indicator.description,
                                                  start=renstra.start, end=renstra.end)
        found[caption] = (lambda i=indicator: png(
            charts.indicator_figure(charts.indicator_series(report, i))))
    return found


def write_docx(root: Path, report: Report, path: Path) -> None:
    document = report_docx(root, report)
    path.parent.mkdir(parents=True, exist_ok=True)
    staged = path.with_name(f".{path.name}.tmp")
    document.save(str(staged))
    staged.replace(path)


def _text(element: HtmlElement) -> str:
    return " ".join(element.text_content().split())


def _blocks(document: DocxDocument, parent: HtmlElement,
            charts: dict[str, Callable[[], bytes]]) -> None:
    for element in parent:
        if not isinstance(element.tag, str):
            continue
        tag = element.tag
        classes = set((element.get("class") or "").split())
        if tag in ("script", "style", "head", "nav") or classes & SKIPPED_SECTIONS:
            continue
        if tag in HEADINGS:
            document.add_heading(_text(element), level=HEADINGS[tag])
        elif tag == "p":
            if _text(element):
                document.add_paragraph(_text(element))
        elif tag in ("ul", "ol"):
            style = "List Bullet" if tag == "ul" else "List Number"
            for item in element.findall("li"):
                document.add_paragraph(_text(item), style=style)
        elif tag == "table":
            _table(document, element)
        elif tag == "figure":
            caption = element.find(".//figcaption")
            if caption is None:
                continue
            label = caption.find("span")
            text = _text(caption)
            title = text.removeprefix(_text(label)).strip() if label is not None else text
            if title in charts:
                document.add_picture(io.BytesIO(charts[title]()), width=Inches(6))
            document.add_paragraph(text, style="Caption")
        else:
            _blocks(document, element, charts)


def _table(document: DocxDocument, element: HtmlElement) -> None:
    caption = element.find("caption")
    if caption is not None:
        document.add_paragraph(_text(caption), style="Caption")
    rows = [tr for tr in element.iter("tr")]
    grid: dict[tuple[int, int], str] = {}
    spans: list[tuple[int, int, int, int]] = []
    width = 0
    for r, tr in enumerate(rows):
        c = 0
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            while (r, c) in grid:
                c += 1
            rowspan, colspan = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid[(r + dr, c + dc)] = _text(cell) if (dr, dc) == (0, 0) else ""
            if rowspan > 1 or colspan > 1:
                spans.append((r, c, r + rowspan - 1, c + colspan - 1))
            c += colspan
            width = max(width, c)
    if not rows or not width:
        return
    table = document.add_table(rows=len(rows), cols=width)
    table.style = "Table Grid"
    for (r, c), text in grid.items():
        if r < len(rows) and c < width and text:
            table.cell(r, c).text = text
    for r1, c1, r2, c2 in spans:
        table.cell(r1, c1).merge(table.cell(min(r2, len(rows) - 1), min(c2, width - 1)))
