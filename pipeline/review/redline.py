"""The redline: what changed in the rendered report between two versions, in the report's form.

Both versions go through the same print pipeline (macros, tables, charts; no PDF, no MkDocs).
Per chapter, running text is compared with lxml's ``htmldiff`` (inserted text in ``<ins>``,
deleted text in ``<del>``). Tables and figures are taken out first and compared on their own:
htmldiff does not keep a table's columns aligned, so tables are compared row by row and cell
by cell (a changed cell shows old -> new), and a chart whose picture changed is flagged.
The computed figures (target, realisasi, capaian of every indicator, budget totals) are
compared on the two :class:`Report` objects and listed in the summary with the data files
that changed.

Everything here but :func:`redline_between` is pure: rendered versions in, HTML out.
"""

from __future__ import annotations

import copy
import difflib
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import html as lxml_html
from lxml.html.diff import htmldiff
from markupsafe import Markup

from pipeline.errors import UserError
from pipeline.messages import review as msg
from pipeline.model.report import Report
from pipeline.project import Project
from pipeline.render.macros import expand
from pipeline.render.print_html import ChapterConverter, render_chapter
from pipeline.render.sanitize import clean_html
from pipeline.templating import macros, render

# --- rendering one version ----------------------------------------------------------------


@dataclass(frozen=True)
class RenderedChapter:
    src: str  # content path relative to docs_dir, the chapter's identity across versions
    title: str
    html: str  # the chapter's <section>, or "" when it could not be rendered
    error: str = ""  # why it could not be rendered (a macro error, in the user's words)


Figures = dict[str, tuple[str, str]]  # key -> (label, text as the report prints it)


@dataclass(frozen=True)
class Version:
    name: str  # how the user named it (a round, a branch, a commit)
    figures: Figures
    chapters: tuple[RenderedChapter, ...]


_TAGS = re.compile(r"<[^>]+>")
_H1_TEXT = re.compile(r"<h1[^>]*>(.*?)</h1>", re.DOTALL)


def _title(html_text: str, fallback: str) -> str:
    match = _H1_TEXT.search(html_text)
    if not match:
        return fallback
    return " ".join(_TAGS.sub(" ", match.group(1)).split()) or fallback


def render_version(root: Path, name: str) -> Version:
    """Every printed chapter of the project at ``root`` as HTML (the PDF's content)."""
    project = Project(root)  # one revision, read once
    try:
        report = project.report
        pages = [p for p in project.pages if p.printed]
    except (UserError, OSError) as exc:
        raise UserError(msg.VERSION_UNRENDERABLE.format(rev=name, error=exc)) from None
    converter = ChapterConverter(project.config)
    chapters = []
    for page in pages:
        try:
            chapter = render_chapter(converter, page, report, expand=project.expansion)
        except UserError as exc:
            chapters.append(RenderedChapter(page.src, page.src, "", str(exc)))
            continue
        chapters.append(RenderedChapter(page.src, _title(chapter.html, page.src), chapter.html))
    return Version(name, figures(report), tuple(chapters))


# --- computed figures ---------------------------------------------------------------------


@dataclass(frozen=True)
class FigureChange:
    label: str
    old: str
    new: str


def figures(report: Report) -> Figures:
    """Key -> (label, text as the report prints it), computed through the report's macros."""
    wanted: list[tuple[str, str, str]] = []  # key, label, macro
    for indicator in report.agreement_indicators:
        code = indicator.code
        wanted += [
            (f"target {code}", msg.FIG_TARGET.format(code=code), f"target {code}"),
            (f"realisasi {code}", msg.FIG_ACTUAL.format(code=code), f"realisasi {code}"),
            (f"capaian {code}", msg.FIG_ACHIEVEMENT.format(code=code), f"capaian {code}"),
            (f"kategori {code}", msg.FIG_CATEGORY.format(code=code), f"kategori {code}"),
        ]
    for objective in report.renstra.objectives:
        code = objective.code
        if not report.indicators_of(code):
            continue
        wanted += [
            (f"sasaran {code}", msg.FIG_OBJECTIVE.format(code=code), f"capaian_sasaran {code}"),
            (f"kategori_sasaran {code}", msg.FIG_OBJECTIVE_CATEGORY.format(code=code),
             f"kategori_sasaran {code}"),
            (f"efisiensi {code}", msg.FIG_EFFICIENCY.format(code=code), f"efisiensi {code}"),
        ]
    scopes = [("", msg.FIG_WHOLE)] + [
        (p.code, msg.FIG_PROGRAM.format(code=p.code)) for p in report.budget.programs
    ]
    for code, what in scopes:
        arg = f" {code}" if code else ""
        wanted += [
            (f"pagu{arg}", msg.FIG_CEILING.format(what=what), f"pagu{arg}"),
            (f"realisasi_anggaran{arg}", msg.FIG_SPENT.format(what=what),
             f"realisasi_anggaran{arg}"),
            (f"serapan{arg}", msg.FIG_ABSORPTION.format(what=what), f"serapan{arg}"),
            (f"sisa_anggaran{arg}", msg.FIG_REMAINING.format(what=what), f"sisa_anggaran{arg}"),
        ]
    found: dict[str, tuple[str, str]] = {}
    for key, label, macro in wanted:
        try:
            found[key] = (label, expand("{{ " + macro + " }}", "-", report))
        except UserError:
            found[key] = (label, msg.ABSENT)
    return found


def figure_changes(before: Figures, after: Figures) -> list[FigureChange]:
    """Every computed figure whose printed text differs (new order, then ones that went away)."""
    keys = list(after) + [k for k in before if k not in after]
    changes = []
    for key in keys:
        label = (after.get(key) or before[key])[0]
        old_text = before[key][1] if key in before else msg.ABSENT
        new_text = after[key][1] if key in after else msg.ABSENT
        if old_text != new_text:
            changes.append(FigureChange(label, old_text, new_text))
    return changes


# --- tables and figures, compared on their own --------------------------------------------

_TOKEN = "LKJIPBLOK"
_WS = re.compile(r"\s+")


def _text(element: lxml_html.HtmlElement) -> str:
    return _WS.sub(" ", element.text_content()).strip()


def _block_key(element: lxml_html.HtmlElement) -> str:
    """What a table or figure is, independent of its number: its caption without the label."""
    caption = element.find(".//caption")
    if caption is None:
        caption = element.find(".//figcaption")
    if caption is None:
        return element.tag
    caption = copy.deepcopy(caption)
    for label in caption.find_class("lkjip-label"):
        label.drop_tree()
    return f"{element.tag}:{_text(caption)}"


def _outermost_blocks(root: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    blocks = []
    for element in root.iter("table", "figure"):
        if any(a in blocks or a.tag in ("table", "figure") for a in element.iterancestors()):
            continue
        parent = element.getparent()
        if element.tag == "table" and parent is not None and "lkjip-table-wrap" in (
                parent.get("class") or ""):
            element = parent
        blocks.append(element)
    return blocks


def split_blocks(section: str) -> tuple[str, dict[str, str]]:
    """The chapter with every table and figure replaced by a one-word placeholder paragraph,
    and placeholder -> the block's HTML. Equal captions give equal placeholders, so htmldiff
    aligns the same table in both versions."""
    root = lxml_html.fragment_fromstring(section, create_parent="div")
    blocks: dict[str, str] = {}
    seen: dict[str, int] = {}
    for element in _outermost_blocks(root):
        key = _block_key(element)
        seen[key] = seen.get(key, 0) + 1
        digest = hashlib.sha1(f"{key}#{seen[key]}".encode()).hexdigest()[:16].upper()
        token = f"{_TOKEN}{digest}"
        blocks[token] = lxml_html.tostring(element, encoding="unicode", with_tail=False)
        placeholder = lxml_html.Element("p")
        placeholder.text = token
        placeholder.tail = element.tail
        element.getparent().replace(element, placeholder)
    inner = (root.text or "") + "".join(
        lxml_html.tostring(child, encoding="unicode") for child in root)
    return inner, blocks


def _add_class(element: lxml_html.HtmlElement, name: str) -> None:
    element.set("class", f"{element.get('class') or ''} {name}".strip())


def _mark_cell(cell: lxml_html.HtmlElement, old_text: str) -> None:
    """``cell`` (the new one) shows ``old -> new``, with its own markup kept for the new part."""
    new_part = lxml_html.Element("ins")
    new_part.text = cell.text
    for child in list(cell):
        new_part.append(child)
    cell.text = None
    old_part = lxml_html.Element("del")
    old_part.text = old_text or msg.ABSENT
    old_part.tail = " \u2192 "
    cell.append(old_part)
    cell.append(new_part)
    _add_class(cell, "rl-cell")


def _cells(row: lxml_html.HtmlElement) -> list[lxml_html.HtmlElement]:
    return [c for c in row if c.tag in ("td", "th")]


@dataclass
class BlockResult:
    html: str
    changed: bool
    cells: int = 0  # cells that changed


def compare_tables(old_html: str, new_html: str) -> BlockResult:
    """The new table with changed cells marked old -> new, added rows underlined and removed
    rows struck through (rows aligned with difflib on their cell texts)."""
    old = lxml_html.fragment_fromstring(old_html)
    new = lxml_html.fragment_fromstring(new_html)
    old_table = old if old.tag == "table" else old.find(".//table")
    new_table = new if new.tag == "table" else new.find(".//table")
    if old_table is None or new_table is None:
        return BlockResult(new_html, old_html != new_html)
    changed, cells = False, 0
    old_caption, new_caption = old_table.find("caption"), new_table.find("caption")
    if old_caption is not None and new_caption is not None and (
            _text(old_caption) != _text(new_caption)):
        _mark_cell(new_caption, _text(old_caption))
        changed = True
    old_rows, new_rows = list(old_table.iter("tr")), list(new_table.iter("tr"))
    signature = [tuple(_text(c) for c in _cells(r)) for r in old_rows]
    new_signature = [tuple(_text(c) for c in _cells(r)) for r in new_rows]
    matcher = difflib.SequenceMatcher(None, signature, new_signature, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        changed = True
        pairs = list(zip(range(i1, i2), range(j1, j2), strict=False)) if op == "replace" else []
        for i, j in pairs:
            old_cells, new_cells = _cells(old_rows[i]), _cells(new_rows[j])
            if len(old_cells) != len(new_cells):
                _add_class(new_rows[j], "rl-row-ins")
                _insert_deleted(new_rows[j], old_rows[i])
                continue
            for before, after in zip(old_cells, new_cells, strict=True):
                if _text(before) != _text(after):
                    _mark_cell(after, _text(before))
                    cells += 1
        for j in range(j1 + len(pairs), j2):
            _add_class(new_rows[j], "rl-row-ins")
        for i in range(i1 + len(pairs), i2):
            anchor = new_rows[j2] if j2 < len(new_rows) else None
            _insert_deleted(anchor, old_rows[i], after=new_rows[-1] if new_rows else None)
    result = lxml_html.tostring(new, encoding="unicode")
    return BlockResult(result, changed, cells)


def _insert_deleted(anchor: lxml_html.HtmlElement | None, old_row: lxml_html.HtmlElement,
                    after: lxml_html.HtmlElement | None = None) -> None:
    row = copy.deepcopy(old_row)
    row.tail = None
    _add_class(row, "rl-row-del")
    if anchor is not None:
        anchor.addprevious(row)
    elif after is not None:
        after.addnext(row)


def compare_blocks(old_html: str, new_html: str) -> BlockResult:
    """A table compared cell by cell; a figure flagged when its picture changed."""
    if old_html == new_html:
        return BlockResult(new_html, False)
    if "<table" in new_html and "<table" in old_html:
        return compare_tables(old_html, new_html)
    return BlockResult(str(_pieces().changed(Markup(new_html), msg.FIGURE_CHANGED,
                                             Markup(old_html))), True)


def _pieces() -> Any:
    """The redline's own markup, from an autoescaped template (templates/redline_blocks.html);
    the chapters' HTML it wraps was sanitized before (Markup)."""
    return macros("pipeline.review", "redline_blocks.html")


# --- one chapter --------------------------------------------------------------------------


@dataclass(frozen=True)
class ChapterDiff:
    src: str
    title: str
    status: str  # unchanged, changed, added, removed, error
    html: str  # the redline (or the chapter itself when unchanged)
    insertions: int = 0
    deletions: int = 0
    cells: int = 0
    error: str = ""

    @property
    def changed(self) -> bool:
        return self.status != "unchanged"


_INS_DEL = re.compile(r"(<ins>[^<]*</ins>)(\s*)(<del>[^<]*</del>)")


def old_before_new(diffed: str) -> str:
    """htmldiff writes a replacement as new-then-old; a reader expects old -> new."""
    return _INS_DEL.sub(r"\3\2\1", diffed)


_PLACEHOLDER = re.compile(
    r"<p>\s*(?:<(ins|del)>\s*)?(" + _TOKEN + r"[0-9A-F]{16})\s*(?:</(?:ins|del)>\s*)?</p>")


def compare_chapter(old: RenderedChapter | None, new: RenderedChapter | None) -> ChapterDiff:
    """The redline of one chapter (pure)."""
    chapter = new or old
    assert chapter is not None
    if new is None or old is None:
        status = "added" if old is None else "removed"
        tag = "ins" if old is None else "del"
        body = str(_pieces().whole(tag, Markup(chapter.html)))
        return ChapterDiff(chapter.src, chapter.title, status, body)
    if new.error or old.error:
        error = new.error or old.error
        return ChapterDiff(new.src, new.title, "error", new.html, error=error)
    if old.html == new.html:
        return ChapterDiff(new.src, new.title, "unchanged", new.html)
    old_text, old_blocks = split_blocks(old.html)
    new_text, new_blocks = split_blocks(new.html)
    diffed = old_before_new(htmldiff(old_text, new_text))
    insertions = len(re.findall(r"<ins>(?!\s*" + _TOKEN + ")", diffed))
    deletions = len(re.findall(r"<del>(?!\s*" + _TOKEN + ")", diffed))
    cells = 0

    def block(match: re.Match[str]) -> str:
        nonlocal cells, insertions, deletions
        mark, token = match.group(1), match.group(2)
        if mark == "del":
            if token in new_blocks:
                return ""  # moved: shown where it is now
            deletions += 1
            return str(_pieces().whole("del", Markup(old_blocks[token]), msg.TABLE_REMOVED))
        if token not in old_blocks:
            insertions += 1
            return str(_pieces().whole("ins", Markup(new_blocks[token]), msg.TABLE_ADDED))
        result = compare_blocks(old_blocks[token], new_blocks[token])
        cells += result.cells
        return result.html

    body = _PLACEHOLDER.sub(block, diffed)
    return ChapterDiff(new.src, new.title, "changed", body, insertions, deletions, cells)


def compare_versions(old: Version, new: Version) -> list[ChapterDiff]:
    """Chapters in the new version's order; chapters the new version dropped at the end."""
    before = {c.src: c for c in old.chapters}
    after = {c.src for c in new.chapters}
    diffs = [compare_chapter(before.get(c.src), c) for c in new.chapters]
    diffs += [compare_chapter(c, None) for c in old.chapters if c.src not in after]
    return diffs


# --- the page -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Redline:
    old: Version
    new: Version
    chapters: tuple[ChapterDiff, ...]
    figures: tuple[FigureChange, ...]
    data_files: tuple[str, ...] = field(default=())

    @property
    def changed_chapters(self) -> list[ChapterDiff]:
        return [c for c in self.chapters if c.changed]


def make_redline(old: Version, new: Version, data_files: list[str] | None = None) -> Redline:
    return Redline(old, new, tuple(compare_versions(old, new)),
                   tuple(figure_changes(old.figures, new.figures)), tuple(data_files or ()))


STYLE = """
body { font-family: "DejaVu Serif", "Times New Roman", serif; max-width: 60rem; margin: 1.5rem
  auto; padding: 0 1rem; line-height: 1.45; color: #1d1d1d; }
h1.rl-title { font-size: 1.4rem; }
.rl-summary { border: 1px solid #999; padding: .5rem 1rem; background: #f7f7f2; }
.rl-summary dt { font-weight: bold; } .rl-summary dd { margin: 0 0 .4rem 1rem; }
table { border-collapse: collapse; margin: .5rem 0; font-size: .9rem; }
th, td { border: 1px solid #888; padding: .15rem .4rem; vertical-align: top; }
caption { font-weight: bold; text-align: left; padding: .2rem 0; }
ins { color: #0a5d1e; background: #dff5e3; text-decoration: underline; }
del { color: #9b1111; background: #fbe2e2; text-decoration: line-through; }
.rl-cell, .rl-figure-changed td { background: #fff3b0; }
tr.rl-row-ins td { background: #dff5e3; } tr.rl-row-del td { background: #fbe2e2;
  text-decoration: line-through; color: #9b1111; }
.rl-whole-ins { outline: 3px solid #3a9d4f; } .rl-whole-del { outline: 3px solid #c0392b;
  opacity: .75; }
.rl-block-changed { outline: 3px solid #e0b000; padding: .3rem; }
section.rl-chapter { border-top: 2px solid #444; margin-top: 1.5rem; }
section.rl-chapter h2 { font-size: 1.2rem; }
details > summary { cursor: pointer; } details > summary > h2 { display: inline; }
.rl-body h1 { font-size: 1.3rem; }
.rl-badge { font-size: .8rem; font-family: sans-serif; padding: .1rem .4rem; border-radius: .3rem;
  background: #ddd; margin-left: .5rem; }
.rl-badge.changed, .rl-badge.added { background: #ffe27a; } .rl-badge.removed,
.rl-badge.error { background: #f3a6a6; }
img { max-width: 100%; } .rl-error { color: #9b1111; white-space: pre-wrap; }
.rl-note { font-size: .85rem; color: #555; }
"""

_BADGES = {
    "unchanged": msg.CHAPTER_UNCHANGED, "changed": msg.CHAPTER_CHANGED,
    "added": msg.CHAPTER_ADDED, "removed": msg.CHAPTER_REMOVED, "error": msg.CHAPTER_ERROR,
}


@dataclass(frozen=True)
class _ShownChapter:
    """A chapter's redline as the template shows it: the body sanitized once more."""

    diff: ChapterDiff
    body: Markup

    def __getattr__(self, name: str) -> object:
        return getattr(self.diff, name)


def redline_page(redline: Redline, notices: tuple[str, ...] = (),
                 footer: str = msg.OFFLINE_NOTE) -> str:
    """A self-contained HTML page: inline CSS, images as data URIs, nothing fetched, no
    script (its Content-Security-Policy says so too). ``notices`` come first (what changed
    outside the report, what could not be rendered)."""
    chapters = [_ShownChapter(d, Markup(clean_html(d.html))) for d in redline.chapters]
    return render("pipeline.review", "redline.html", redline=redline, chapters=chapters,
                  notices=notices, footer=footer, msg=msg, badges=_BADGES,
                  style=Markup(STYLE))
