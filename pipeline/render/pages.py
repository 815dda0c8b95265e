"""The content pages as the report sees them: nav order, front matter, chapter numbers.

Read straight from ``mkdocs.yml`` and ``content/`` (not through MkDocs) so that the print path
and ``lkjip check`` do not depend on MkDocs internals.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pipeline.macro.syntax import FRONT_MATTER  # MkDocs' own pattern, said once
from pipeline.model.report import Report
from pipeline.page_policy import PDF_DIR as PDF_DIR  # the build and plugin read it here
from pipeline.render.siteconfig import DEFAULT_DOCS_DIR, load_site_config

PRINT_KEY = "cetak"  # front matter: ``cetak: false`` keeps a page out of the PDF
PUBLIC_KEY = "publik"  # front matter: ``publik: false`` keeps a page out of a public site

_CHAPTER = re.compile(r"^bab-(\d+)\b")


@dataclass(frozen=True)
class Page:
    """One Markdown file of the report: where it is and what it says."""

    src: str  # path relative to docs_dir, e.g. ``bab-1-pendahuluan.md``
    path: str  # path relative to the repository, for messages: ``content/bab-1-pendahuluan.md``
    meta: dict[str, Any]
    body: str  # Markdown without the front matter
    line_offset: int  # lines taken by the front matter: body line 1 is file line offset+1
    source: str = ""  # the file as read (MkDocs is handed this, not the file again)

    @property
    def stem(self) -> str:
        return Path(self.src).with_suffix("").as_posix().replace("/", "-")

    @property
    def printed(self) -> bool:
        return self.meta.get(PRINT_KEY, True) is not False

    @property
    def public(self) -> bool:
        return self.meta.get(PUBLIC_KEY, True) is not False


def read_config(root: Path) -> dict[str, Any]:
    """``mkdocs.yml`` of the project as plain data, validated (:mod:`.siteconfig`); raises
    :class:`UserError` naming ``mkdocs.yml:line`` when it asks for anything not allowed."""
    return load_site_config(root).data


def docs_dir(root: Path, config: dict[str, Any]) -> Path:
    return root / str(config.get("docs_dir", DEFAULT_DOCS_DIR))


def nav_sources(config: dict[str, Any]) -> list[str]:
    """Markdown files of the nav, in reading order (sections flattened, links skipped)."""
    found: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, str):
            if item.endswith(".md") and "://" not in item:
                found.append(item)
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for child in item.values():
                walk(child)

    walk(config.get("nav", []))
    return found


def split_front_matter(text: str) -> tuple[dict[str, Any], str, int]:
    """(meta, body, line_offset) of a Markdown file, as MkDocs splits it."""
    text = text.replace("\r\n", "\n")
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text, 0
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return {}, text, 0
    if not isinstance(meta, dict):
        return {}, text, 0
    body = text[match.end():].lstrip("\n")
    return meta, body, line_offset(text, body)


def line_offset(source: str, body: str) -> int:
    """How many lines of ``source`` precede ``body`` (which MkDocs cut from its end)."""
    source = source.replace("\r\n", "\n")
    if not body or not source.endswith(body):
        return 0
    return source[: len(source) - len(body)].count("\n")


def read_page(root: Path, config: dict[str, Any], src: str) -> Page:
    base = docs_dir(root, config)
    file = base / src
    source = file.read_text(encoding="utf-8")
    meta, body, offset = split_front_matter(source)
    return Page(src, _display_path(root, file), meta, body, offset, source)


def read_pages(root: Path, config: dict[str, Any] | None = None) -> list[Page]:
    """Every page of the nav, in order."""
    config = read_config(root) if config is None else config
    return [read_page(root, config, src) for src in nav_sources(config)]


def chapter_label(path: str) -> str | None:
    """``bab-3-...md`` -> ``3``; ``lampiran.md`` -> ``L``; other pages have no chapter."""
    name = Path(path).name
    if match := _CHAPTER.match(name):
        return match.group(1)
    if name.startswith("lampiran"):
        return "L"
    return None


def _display_path(root: Path, file: Path) -> str:
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.as_posix()


def pdf_name(year: int) -> str:
    """File name of the PDF, in dist/ and in the site."""
    return f"lkjip-{year}.pdf"


@dataclass(frozen=True)
class SitePages:
    """Pages the site carries besides the docs folder, made elsewhere (the "Riwayat
    Penyusunan" history is read from Git by :mod:`pipeline.review.site`): the build only
    places them, so it never reads Git itself."""

    key: str  # what the pages are made from (e.g. branch tips): part of the cache key
    # site path -> text, from the build's Report; called only when the site is built
    make: Callable[[Report], Mapping[str, str]]
    nav: tuple[tuple[str, str], ...] = ()  # (title, site path) appended to the site's nav
