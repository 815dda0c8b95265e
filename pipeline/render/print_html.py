"""The print version as one HTML document: cover, table of contents, chapters in nav order.

Built from the same Markdown as the site with python-markdown, the extensions of mkdocs.yml and
the same macro expansion, but not through MkDocs: a Material page makes a poor PDF and the PDF
must not depend on MkDocs internals. Pages with front matter ``cetak: false`` are left out.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from importlib.resources import files as package_files
from typing import Any

import markdown
from markdown.extensions.toc import slugify as default_slugify
from markupsafe import Markup

from pipeline.messages import render as msg
from pipeline.model.report import Report
from pipeline.render.macros import Caption, Expansion, expand_page
from pipeline.render.pages import Page, chapter_label
from pipeline.render.sanitize import clean_html
from pipeline.render.siteconfig import markdown_extensions
from pipeline.templating import render

FRONT_PAGE = "kata-pengantar"  # the table of contents follows it, as in printed LKjIPs
TOC_DEPTH = 3  # chapters, their sections and subsections (the Sasaran Strategis of Bab III)
# Where Arabic page numbers start (Bab I is page 1; everything before it is numbered i, ii, ...).
# pdf.layout finds the section carrying this class to write the PDF's page labels.
BODY_START_CLASS = "body-start"
_H1 = re.compile(r"<h1([^>]*)>(.*?)</h1>", re.DOTALL)
_CHAPTER_TITLE = re.compile(r"^(BAB\s+[IVXLC]+)\s+(.+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Heading:
    level: int
    element_id: str
    text: str  # plain text


@dataclass(frozen=True)
class Chapter:
    page: Page
    html: str
    headings: tuple[Heading, ...]
    captions: tuple[Caption, ...]


class ChapterConverter:
    """One python-markdown instance for every page, with ids unique across the document.

    Heading ids get the page's stem as a prefix; footnote ids stay unique across ``reset()``.
    """

    def __init__(self, config: dict[str, Any]) -> None:
        self.prefix = ""
        names, configs = markdown_extensions(config)  # the site's list, MkDocs' built-ins too
        configs["toc"] = {**configs.get("toc", {}), "permalink": False, "slugify": self._slugify}
        if "toc" not in names:
            names.append("toc")
        if "footnotes" in names:
            configs["footnotes"] = {**configs.get("footnotes", {}), "UNIQUE_IDS": True}
        self.md = markdown.Markdown(extensions=names, extension_configs=configs)

    def _slugify(self, value: str, separator: str) -> str:
        return f"{self.prefix}{separator}{default_slugify(value, separator)}"

    def convert(self, prefix: str, text: str) -> tuple[str, list[dict[str, Any]]]:
        self.md.reset()
        self.prefix = prefix
        html = self.md.convert(text)
        return html, list(getattr(self.md, "toc_tokens", []))


def _flatten(tokens: list[dict[str, Any]]) -> list[Heading]:
    found: list[Heading] = []
    for token in tokens:
        found.append(Heading(int(token["level"]), token["id"], unescape(str(token["name"]))))
        found += _flatten(token.get("children", []))
    return found


def _chapter_title(match: re.Match[str]) -> str:
    """``BAB I PENDAHULUAN`` -> two centred lines, as in printed reports."""
    attrs, inner = match.group(1), match.group(2)
    if title := _CHAPTER_TITLE.match(inner.strip()):
        inner = (f'<span class="chapter-number">{title.group(1)}</span> '
                 f'<span class="chapter-name">{title.group(2)}</span>')
    return f"<h1{attrs}>{inner}</h1>"


# A heading and the sentence introducing a landscape table go onto the table's landscape page:
# otherwise the change of page size leaves them alone at the foot of a portrait page.
_WIDE_INTRO = re.compile(
    r'(<h([2-4])\b[^>]*>(?:(?!</h\2>).)*</h\2>\s*(?:<p>(?:(?!</p>).)*</p>\s*)?)'
    r'(<div class="lkjip-table-wrap lkjip-wide">.*?</table>\s*</div>)', re.DOTALL)


def _keep_with_wide_table(match: re.Match[str]) -> str:
    return f'<div class="lkjip-wide lkjip-wide-intro">{match.group(1)}{match.group(3)}</div>'


Expand = Callable[[Page], Expansion]  # a page with its macros replaced (Project.expansion)


def render_chapter(converter: ChapterConverter, page: Page, report: Report,
                   part: str = "", expand: Expand | None = None) -> Chapter:
    """One page as a ``<section>``; ``part`` is ``front`` (numbered in roman), ``body-start``
    (Bab I: Arabic numbers start at 1) or empty. ``expand`` gives the page's expansion when
    the caller already made it (the build expands each page once for the site and the PDF)."""
    expansion = expand(page) if expand is not None else \
        expand_page(page.body, page.path, report, line_offset=page.line_offset)
    html, tokens = converter.convert(page.stem, expansion.text)
    html = _H1.sub(_chapter_title, clean_html(html))
    html = _WIDE_INTRO.sub(_keep_with_wide_table, html)
    section = render("pipeline.render", "chapter.html", stem=page.stem, part=part,
                     body=Markup(html))
    return Chapter(page, section, tuple(_flatten(tokens)), expansion.captions)


def body_start(pages: list[Page]) -> int:
    """Index in ``pages`` of the first numbered chapter (Bab I); ``len(pages)`` if none."""
    return next((n for n, p in enumerate(pages) if (chapter_label(p.path) or "").isdigit()),
                len(pages))


# --- front matter of the print version ----------------------------------------------------


@dataclass(frozen=True)
class TocEntry:
    kind: str  # level-1, level-2, caption
    element_id: str
    text: str
    label: str = ""
    front: bool = False  # in the front matter: its page number is roman


@dataclass(frozen=True)
class TocSection:
    anchor: str
    title: str
    entries: tuple[TocEntry, ...]


_LISTS = (
    (msg.LIST_OF_TABLES, "daftar-tabel", msg.TABLE),
    (msg.LIST_OF_FIGURES, "daftar-gambar", msg.FIGURE),
)


def _headings(chapters: list[Chapter], front: set[str]) -> list[TocEntry]:
    return [
        TocEntry(f"level-{h.level}", h.element_id, h.text, front=chapter.page.stem in front)
        for chapter in chapters for h in chapter.headings if h.level <= TOC_DEPTH
    ]


def _toc(before: list[Chapter], after: list[Chapter], front: set[str]) -> list[TocSection]:
    """Daftar isi (entries in page order), then the lists of tables and of figures.

    ``front`` names the pages of the front matter (stems): their entries get roman numbers.
    """
    captions = [(c, chapter.page.stem in front)
                for chapter in (*before, *after) for c in chapter.captions]
    lists = [item for item in _LISTS if any(c.kind == item[2] for c, _ in captions)]
    entries = [
        *_headings(before, front),
        *(TocEntry("level-1", anchor, title, front=True) for title, anchor, _ in lists),
        *_headings(after, front),
    ]
    sections = [TocSection("daftar-isi", msg.TOC_TITLE, tuple(entries))]
    for title, anchor, kind in lists:
        items = tuple(TocEntry("caption", c.element_id, c.text, f"{c.kind} {c.label}", in_front)
                      for c, in_front in captions if c.kind == kind)
        sections.append(TocSection(anchor, title, items))
    return sections


_CSS_ESCAPES = {"\\": "\\\\", '"': '\\"', "<": "\\3c ", ">": "\\3e ", "\n": "\\a "}


def css_string(text: str) -> Markup:
    """``text`` as a quoted CSS string, safe inside ``<style>`` (no quote, no tag, no line
    break can end it early)."""
    return Markup('"' + "".join(_CSS_ESCAPES.get(c, c) for c in text) + '"')


def print_stylesheet() -> str:
    return package_files("pipeline.render").joinpath("print.css").read_text(encoding="utf-8")


def print_html(pages: list[Page], report: Report, config: dict[str, Any],
               front: str = "", *, draft: bool = False, expand: Expand | None = None) -> str:
    """The whole print document for ``pages`` (nav order); pages not printed are skipped.

    ``front`` is HTML printed right after the cover (a release's lembar pengesahan). The
    report's tables come with their column widths (:func:`table_columns.fixed_table_columns`).
    Pages before Bab I are numbered i, ii, ...; Bab I starts at 1. ``draft`` puts a "DRAF"
    watermark on every page (a build from a revision that is not a verified main).
    """
    converter = ChapterConverter(config)
    printed = [p for p in pages if p.printed]
    start = body_start(printed)
    parts = ["front" if n < start else BODY_START_CLASS if n == start else ""
             for n in range(len(printed))]
    chapters = [render_chapter(converter, p, report, part, expand)
                for p, part in zip(printed, parts, strict=True)]
    front_stems = {p.stem for p in printed[:start]}
    split = next(
        (i + 1 for i, c in enumerate(chapters) if c.page.stem == FRONT_PAGE), 0
    )
    org = report.organisation
    document = render(
        "pipeline.render", "print.html",
        title=msg.DOC_TITLE.format(org=org.name, year=report.year),
        author=org.name,
        subject=msg.DOC_SUBJECT.format(org=org.name, year=report.year, regency=org.regency),
        keywords=msg.DOC_KEYWORDS.format(org=org.name, year=report.year),
        stylesheet=Markup(print_stylesheet()),  # lkjip's own file, from the package
        running_head=css_string(msg.RUNNING_HEAD.format(org=org.name, year=report.year)),
        cover_title=msg.COVER_TITLE.format(year=report.year),
        org_name=org.name, regency=org.regency, address=org.address,
        emblem=org.emblem, emblem_alt=msg.EMBLEM_ALT.format(regency=org.regency),
        draft=msg.DRAFT_MARK if draft else "",
        front=Markup(front),  # the release's lembar pengesahan, from its own template
        before=[Markup(c.html) for c in chapters[:split]],
        toc=_toc(chapters[:split], chapters[split:], front_stems),
        after=[Markup(c.html) for c in chapters[split:]],
        body_from=start - split if start >= split else None,  # where Bab I is in ``after``
    )
    # Imported here: WeasyPrint costs a second to import, and redline.py uses this module.
    from pipeline.render.table_columns import fixed_table_columns

    return fixed_table_columns(document)
