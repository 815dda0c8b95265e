"""The print version as one HTML document: cover, table of contents, chapters in nav order.

Built from the same Markdown as the site with python-markdown, the extensions of mkdocs.yml and
the same macro expansion, but not through MkDocs: a Material page makes a poor PDF and the PDF
must not depend on MkDocs internals. Pages with front matter ``cetak: false`` are left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape, unescape
from importlib.resources import files as package_files
from typing import Any

import markdown
from markdown.extensions.toc import slugify as default_slugify

from pipeline.messages import render as msg
from pipeline.model.report import Report
from pipeline.render.macros import Caption, expand_page
from pipeline.render.pages import Page

FRONT_PAGE = "kata-pengantar"  # the table of contents follows it, as in printed LKjIPs
TOC_DEPTH = 2  # chapters and their sections
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


class _Converter:
    """One python-markdown instance for every page, with ids unique across the document.

    Heading ids get the page's stem as a prefix; footnote ids stay unique across ``reset()``.
    """

    def __init__(self, config: dict[str, Any]) -> None:
        self.prefix = ""
        names, configs = markdown_extensions(config)
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


def markdown_extensions(config: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """The ``markdown_extensions`` of mkdocs.yml as python-markdown wants them."""
    names: list[str] = []
    configs: dict[str, dict[str, Any]] = {}
    for item in config.get("markdown_extensions", []) or []:
        if isinstance(item, str):
            names.append(item)
        elif isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                configs[name] = dict(options or {})
    return names, configs


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


def render_chapter(converter: _Converter, page: Page, report: Report) -> Chapter:
    expansion = expand_page(page.body, page.path, report, line_offset=page.line_offset)
    html, tokens = converter.convert(page.stem, expansion.text)
    html = _H1.sub(_chapter_title, html)
    section = f'<section class="chapter" id="{page.stem}">\n{html}\n</section>'
    return Chapter(page, section, tuple(_flatten(tokens)), expansion.captions)


# --- front matter of the print version ----------------------------------------------------

def _cover(report: Report) -> str:
    org = report.organisation
    return (
        '<section class="cover">'
        f'<div><p class="cover-title">{escape(msg.COVER_TITLE.format(year=report.year))}</p>'
        '<div class="cover-rule"></div></div>'
        f'<div><p class="cover-org">{escape(org.name.upper())}</p>'
        f'<p class="cover-regency">{escape(org.regency.upper())}</p>'
        f'<p class="cover-address">{escape(org.address)}</p></div>'
        "</section>"
    )


def _toc_entry(kind: str, element_id: str, text: str, label: str = "") -> str:
    label_html = f'<span class="toc-label">{escape(label)}</span>' if label else ""
    return (f'<li class="{kind}"><a href="#{escape(element_id)}">'
            f"{label_html}{escape(text)}</a></li>")


_LISTS = (
    (msg.LIST_OF_TABLES, "daftar-tabel", msg.TABLE),
    (msg.LIST_OF_FIGURES, "daftar-gambar", msg.FIGURE),
)


def _headings(chapters: list[Chapter]) -> list[str]:
    return [
        _toc_entry(f"level-{h.level}", h.element_id, h.text)
        for chapter in chapters for h in chapter.headings if h.level <= TOC_DEPTH
    ]


def _toc(before: list[Chapter], after: list[Chapter], captions: list[Caption]) -> str:
    """Daftar isi (entries in page order), then the lists of tables and of figures."""
    lists = [item for item in _LISTS if any(c.kind == item[2] for c in captions)]
    entries = [
        *_headings(before),
        *(_toc_entry("level-1", anchor, title) for title, anchor, _ in lists),
        *_headings(after),
    ]
    parts = [_toc_section("daftar-isi", msg.TOC_TITLE, entries)]
    for title, anchor, kind in lists:
        items = [
            _toc_entry("caption", c.element_id, c.text, f"{c.kind} {c.label}")
            for c in captions if c.kind == kind
        ]
        parts.append(_toc_section(anchor, title, items))
    return "\n".join(parts)


def _toc_section(anchor: str, title: str, entries: list[str]) -> str:
    return (f'<section class="toc"><h1 id="{anchor}">{escape(title)}</h1>'
            f"<ul>{''.join(entries)}</ul></section>")


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def print_stylesheet() -> str:
    return package_files("pipeline.render").joinpath("print.css").read_text(encoding="utf-8")


def _head(report: Report) -> str:
    org = report.organisation
    title = msg.DOC_TITLE.format(org=org.name, year=report.year)
    subject = msg.DOC_SUBJECT.format(org=org.name, year=report.year, regency=org.regency)
    keywords = msg.DOC_KEYWORDS.format(org=org.name, year=report.year)
    running = msg.RUNNING_HEAD.format(org=org.name, year=report.year)
    return (
        '<head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        f'<meta name="author" content="{escape(org.name)}">'
        f'<meta name="description" content="{escape(subject)}">'
        f'<meta name="keywords" content="{escape(keywords)}">'
        f"<style>{print_stylesheet()}</style>"
        f"<style>@page {{ @top-center {{ content: {_css_string(running)}; }} }}</style>"
        "</head>"
    )


def print_html(pages: list[Page], report: Report, config: dict[str, Any],
               front: str = "") -> str:
    """The whole print document for ``pages`` (nav order); pages not printed are skipped.

    ``front`` is HTML printed right after the cover (a release's lembar pengesahan). The
    report's tables come with their column widths (:func:`table_columns.fixed_table_columns`).
    """
    converter = _Converter(config)
    chapters = [render_chapter(converter, p, report) for p in pages if p.printed]
    captions = [c for chapter in chapters for c in chapter.captions]
    split = next(
        (i + 1 for i, c in enumerate(chapters) if c.page.stem == FRONT_PAGE), 0
    )
    body = [
        _cover(report),
        *([front] if front else []),
        *(c.html for c in chapters[:split]),
        _toc(chapters[:split], chapters[split:], captions),
        *(c.html for c in chapters[split:]),
    ]
    document = (f'<!DOCTYPE html>\n<html lang="id">{_head(report)}<body>\n'
                + "\n".join(body) + "\n</body></html>\n")
    # Imported here: WeasyPrint costs a second to import, and redline.py uses this module.
    from pipeline.render.table_columns import fixed_table_columns

    return fixed_table_columns(document)
