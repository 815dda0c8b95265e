"""Column widths of the report's own tables, decided once per kind of table.

With ``table-layout: auto`` WeasyPrint measures every cell before laying a table out, a third
of the layout time of a table-heavy report. See the comment below for how the widths are found
instead; :func:`fixed_table_columns` is applied to the print HTML by
:func:`pipeline.render.print_html.print_html`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape

from weasyprint.formatting_structure.boxes import TableBox

from pipeline.logs import collected_warnings
from pipeline.render.pdf import PrintHTML

# --- column widths of the report's tables -------------------------------------------------
#
# With ``table-layout: auto`` WeasyPrint measures the smallest and largest width of every cell
# before laying a table out: each cell's text is shaped twice more, a third of the layout time
# of a table-heavy report. The report's own tables (tables.py) come in a dozen kinds, and all
# tables of one kind share their columns. So WeasyPrint's own automatic layout is run once per
# kind, on a small table made of the cells that decide the widths (the longest text and the
# longest unbreakable word of each column, over every table of the kind), and the widths it
# finds are written into each table as <col> widths for the fixed layout, which measures no
# cell. Same algorithm, same CSS, a few rows instead of thousands; and every table of a kind
# gets the same columns. Tables written in Markdown keep the automatic layout.

# The tables as tables.table_html writes them (python-markdown passes them through as they are).
_TABLE = re.compile(
    r'<div class="(?P<wrap>[^"]*)">\s*<table class="(?P<classes>lkjip-table\b[^"]*)"'
    r' id="(?P<id>[^"]*)">(?P<body>.*?)</table>', re.DOTALL)
_CAPTION_END = "</caption>"
_SECTION = re.compile(r"<(thead|tbody|tfoot)(?:\s[^>]*)?>(.*?)</\1>", re.DOTALL)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.DOTALL)
_CELL = re.compile(r"<(t[hd])((?:\s[^>]*)?)>(.*?)</\1>", re.DOTALL)
_ROWSPAN = re.compile(r'\srowspan="\d+"')
_SPAN = re.compile(r'\s(colspan|rowspan)="(\d+)"')
_CLASS = re.compile(r'\sclass="([^"]*)"')
_TAG = re.compile(r"<[^>]+>")
_NOWRAP = {"num", "nowrap"}  # classes of tables.py cells kept on one line by print.css
# Cells per column and measure. Characters only approximate widths, so take a few of each.
_CANDIDATES = 3
FIXED_CLASS = "lkjip-fixed"  # print.css gives these tables the fixed layout


@dataclass(frozen=True)
class _Cell:
    html: str  # as written, without rowspan: a sample row is one row high
    text: str
    colspan: int
    rowspan: int
    nowrap: bool

    @property
    def word(self) -> int:
        """Length of the longest part that cannot wrap (the whole text when nowrap)."""
        if self.nowrap:
            return len(self.text)
        return max((len(w) for w in self.text.split()), default=0)


def _cells(row: str) -> list[_Cell]:
    found = []
    for tag, attrs, inner in _CELL.findall(row):
        spans = {name: int(value) for name, value in _SPAN.findall(attrs)}
        classes = set(c for m in _CLASS.findall(attrs) for c in m.split())
        found.append(_Cell(
            f"<{tag}{_ROWSPAN.sub('', attrs)}>{inner}</{tag}>",
            unescape(_TAG.sub("", inner)).strip(), spans.get("colspan", 1),
            spans.get("rowspan", 1), bool(classes & _NOWRAP)))
    return found


@dataclass
class _Kind:
    """The tables sharing one set of columns: same classes, page and header row."""

    wrap: str
    classes: str
    head: str
    columns: int
    by_column: dict[int, list[_Cell]] = field(default_factory=dict)
    whole_rows: list[str] = field(default_factory=list)  # rows sampled as they are

    def add_body(self, rows: list[str]) -> None:
        """Sort the cells of body rows into their grid columns (rowspans push cells right).

        A row with a cell spanning columns is kept whole: its cells have no single column.
        """
        covered: dict[int, int] = {}  # column -> rows still covered by a rowspan from above
        for row in rows:
            column, cells = 0, _cells(row)
            if any(c.colspan > 1 for c in cells):
                self.add_whole([row])
            for cell in cells:
                while covered.get(column, 0) > 0:
                    column += 1
                if cell.colspan == 1:
                    self.by_column.setdefault(column, []).append(cell)
                if cell.rowspan > 1:
                    covered.update(dict.fromkeys(range(column, column + cell.colspan),
                                                 cell.rowspan))
                column += cell.colspan
            covered = {c: n - 1 for c, n in covered.items() if n > 1}

    def add_whole(self, rows: list[str]) -> None:
        self.whole_rows += [f"<tr>{_ROWSPAN.sub('', row)}</tr>" for row in rows]

    def sample(self) -> str:
        """A table with the header and the cells deciding each column's width."""
        picked = {}
        for column, cells in self.by_column.items():
            chosen: list[_Cell] = []
            for key in (lambda c: len(c.text), lambda c: c.word):
                for cell in sorted(cells, key=key, reverse=True)[:_CANDIDATES]:
                    if cell not in chosen:
                        chosen.append(cell)
            picked[column] = chosen
        height = max((len(c) for c in picked.values()), default=0)
        rows = [
            "<tr>" + "".join(picked[c][i].html if c in picked and i < len(picked[c])
                             else "<td></td>" for c in range(self.columns)) + "</tr>"
            for i in range(height)
        ]
        rows += sorted(self.whole_rows, key=len, reverse=True)[:_CANDIDATES]
        return f"<thead>{self.head}</thead><tbody>{''.join(rows)}</tbody>"


def _sections(body: str) -> dict[str, str]:
    """thead, tbody, tfoot -> their rows (a table's row groups, <tbody class="lkjip-group">,
    one after the other)."""
    found: dict[str, str] = {}
    for name, inner in _SECTION.findall(body):
        found[name] = found.get(name, "") + inner
    return found


def _column_count(head: str) -> int:
    first = _ROW.search(head)
    return sum(c.colspan for c in _cells(first.group(1))) if first else 0


def fixed_table_columns(html: str) -> str:
    """``html`` with the columns of the report's tables set (see the comment above)."""
    kinds: dict[tuple[str, str, str], _Kind] = {}
    keys: dict[str, tuple[str, str, str]] = {}
    for match in _TABLE.finditer(html):
        sections = _sections(match["body"])
        head = sections.get("thead", "")
        columns = _column_count(head)
        if not columns:
            continue
        key = (match["wrap"], match["classes"], head)
        kind = kinds.setdefault(key, _Kind(match["wrap"], match["classes"], head, columns))
        kind.add_body(_ROW.findall(sections.get("tbody", "")))
        kind.add_whole(_ROW.findall(sections.get("tfoot", "")))  # the total rows
        keys[match["id"]] = key
    widths = _measure(html, list(kinds.values()))
    # A kind WeasyPrint did not lay out as expected keeps the automatic layout.
    fixed = {key: w for (key, kind), w in zip(kinds.items(), widths, strict=True)
             if len(w) == kind.columns}

    def fix(match: re.Match[str]) -> str:
        percents = fixed.get(keys.get(match["id"], ("", "", "")))
        if percents is None:
            return match[0]
        body = match["body"]
        cols = "<colgroup>" + "".join(f'<col style="width: {p:.3f}%">' for p in percents) \
            + "</colgroup>"
        at = body.find(_CAPTION_END)
        at = 0 if at < 0 else at + len(_CAPTION_END)
        start = match[0][:match.start("body") - match.start()]
        start = start.replace(f'class="{match["classes"]}"',
                              f'class="{match["classes"]} {FIXED_CLASS}"', 1)
        return f"{start}{body[:at]}{cols}{body[at:]}</table>"

    return _TABLE.sub(fix, html)


def _measure(html: str, kinds: list[_Kind]) -> list[list[float]]:
    """Each kind's column widths in percent, from WeasyPrint's automatic layout of its sample."""
    if not kinds:
        return []
    head_end = html.find("<body")
    head = html[:head_end] if head_end >= 0 else ""
    tables = "".join(
        f'<div class="{k.wrap}"><table class="{k.classes}" id="lkjip-kind-{i}">'
        f"{k.sample()}</table></div>"
        for i, k in enumerate(kinds)
    )
    with collected_warnings("weasyprint"):
        document = PrintHTML(string=f"{head}<body>{tables}</body></html>").render()
    found: dict[int, list[float]] = {}
    for page in document.pages:
        for box in page._page_box.descendants():
            element = getattr(box, "element", None)
            table_id = element.get("id", "") if element is not None else ""
            if isinstance(box, TableBox) and table_id.startswith("lkjip-kind-"):
                total = sum(box.column_widths)
                if total > 0:
                    found.setdefault(int(table_id.rsplit("-", 1)[1]),
                                     [100 * w / total for w in box.column_widths])
    return [found.get(i, []) for i in range(len(kinds))]
