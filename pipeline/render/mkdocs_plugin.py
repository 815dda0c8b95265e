"""The ``lkjip`` MkDocs plugin: macros in every page, the report's stylesheet, the PDF download.

It also makes the site work opened from disk (``file://``, as in a release's ``site.zip``):
Material's ``offline`` plugin inlines the search index, and the Web Worker shim it needs is
shipped here instead of fetched. Set by :mod:`pipeline.build`: ``public`` drops every page
that is not in the nav (the nav of a public build has only the report's pages) and ``draft``
puts a "DRAF" banner at the top of every page.

The build hands the plugin its :class:`Project` (pages read and macros expanded once, for the
site and the PDF alike): MkDocs is given each page's text from it (``on_page_read_source``)
and each page's expansion (``on_page_markdown``). Run by ``mkdocs build`` on its own, the plugin
makes the Project itself. A wrong macro aborts the build with ``path:line: message`` (a
:class:`PluginError`, which MkDocs reports without a traceback).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from html import escape
from importlib.resources import files as package_files
from pathlib import Path

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page as MkDocsPage

from pipeline.data.load import DataError
from pipeline.errors import UserError
from pipeline.macro.registry import MacroError
from pipeline.messages import render as msg
from pipeline.project import Project
from pipeline.render.macros import expand
from pipeline.render.pages import PDF_DIR, Page, nav_sources, pdf_name
from pipeline.render.sanitize import clean_html, is_plain_text
from pipeline.templating import render

SITE_CSS = "assets/lkjip.css"
# Material's offline plugin adds an unpkg.com URL unless a polyfill naming iframe-worker is set.
WORKER_SHIM = "assets/javascripts/iframe-worker-shim.js"
_BODY = re.compile(r"<body\b[^>]*>", re.IGNORECASE)


class LkjipPluginConfig(Config):
    """No options: what the site publishes is decided by lkjip, not by mkdocs.yml."""


class LkjipPlugin(BasePlugin[LkjipPluginConfig]):
    def __init__(self) -> None:
        super().__init__()
        # Set by pipeline.build; made in on_config when MkDocs runs the plugin on its own.
        self.project: Project | None = None
        # Set by pipeline.build to the PDF just written (not yet moved into dist/).
        self.pdf_path: Path | None = None
        # Pages made outside the docs folder (the history): site path -> text, nav entries.
        self.extra_files: dict[str, str] = {}
        self.extra_nav: list[tuple[str, str]] = []
        self.public = False  # only the pages of the nav (pipeline.build filters the nav)
        self.draft = False  # the DRAF banner on every page

    def add_pages(self, files: Mapping[str, str], nav: Iterable[tuple[str, str]] = ()) -> None:
        """Carry ``files`` in the site and append ``nav`` (title, path) to its navigation.

        Only the site's in-memory nav is extended: mkdocs.yml's nav is also the PDF's chapter
        list, and these pages are not chapters.
        """
        self.extra_files.update(files)
        self.extra_nav.extend(nav)

    @event_priority(50)  # before Material's offline plugin looks at the polyfills
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config.extra["polyfills"] = [WORKER_SHIM]
        if self.project is None:
            self.project = Project(Path(config.config_file_path or "mkdocs.yml").resolve().parent)
        try:
            self.project.report  # noqa: B018 -- read now: a data error stops the build here
        except (DataError, UserError) as exc:
            raise PluginError(str(exc)) from exc
        config.extra_css.append(SITE_CSS)
        if config.nav is not None:
            config.nav = [*config.nav, *({title: path} for title, path in self.extra_nav)]
        return config

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        css = package_files("pipeline.render").joinpath("site.css").read_text(encoding="utf-8")
        files.append(File.generated(config, SITE_CSS, content=css))
        shim = package_files("pipeline.render").joinpath("iframe-worker-shim.js")
        files.append(File.generated(config, WORKER_SHIM, content=shim.read_text(encoding="utf-8")))
        if self.public:
            # A page outside the nav would still be built (and indexed for search).
            listed = set(nav_sources({"nav": config.nav or []}))
            for file in list(files):
                if file.is_documentation_page() and file.src_uri not in listed:
                    files.remove(file)
        for path, text in self.extra_files.items():
            files.append(File.generated(config, path, content=text))
        pdf = self._pdf()
        if pdf is not None and self.project is not None:
            src = f"{PDF_DIR}/{pdf_name(self.project.report.year)}"
            files.append(File.generated(config, src, abs_src_path=str(pdf)))
        return files

    def _pdf(self) -> Path | None:
        if self.pdf_path is not None:
            return self.pdf_path
        if self.project is not None:
            built = self.project.root / "dist" / pdf_name(self.project.report.year)
            return built if built.is_file() else None
        return None

    def _page(self, page: MkDocsPage) -> Page | None:
        """The project's own reading of ``page`` (None for a page lkjip made)."""
        if self.project is None or page.file.src_uri in self.extra_files:
            return None
        return self.project.files.get(page.file.src_uri)

    def on_page_read_source(self, *, page: MkDocsPage, config: MkDocsConfig) -> str | None:
        read = self._page(page)
        return read.source if read is not None else None  # None: MkDocs reads it

    def on_page_markdown(
        self, markdown: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        assert self.project is not None  # on_config ran
        page.meta = safe_meta(page.meta)
        read = self._page(page)
        if read is None:
            return markdown  # made by lkjip (the history): text, not macros
        try:
            if read.body == markdown:  # as MkDocs split it: the expansion the PDF uses too
                return self.project.expansion(read).text
            return expand(markdown, read.path, self.project.report, line_offset=read.line_offset)
        except MacroError as exc:
            raise PluginError(str(exc)) from exc


    def on_page_content(
        self, html: str, *, page: MkDocsPage, config: MkDocsConfig, files: Files
    ) -> str:
        # Whatever raw HTML the Markdown carried, only what a report may contain is published.
        if page.title and not is_plain_text(page.title):
            page.title = escape(page.title)  # Material prints the title unescaped
        return clean_html(html)

    def on_post_page(self, output: str, *, page: MkDocsPage, config: MkDocsConfig) -> str:
        # After the search plugin read the page: the banner is on the page, not in the index.
        return self._marked(output)

    def on_post_template(self, output_content: str, *, template_name: str,
                         config: MkDocsConfig) -> str:
        return self._marked(output_content) if template_name.endswith(".html") \
            else output_content  # 404.html; sitemap.xml stays as it is

    def _marked(self, html: str) -> str:
        if not self.draft:
            return html
        banner = render("pipeline.render", "draft_banner.html",
                        title=msg.DRAFT_BANNER_TITLE, text=msg.DRAFT_BANNER)
        return _BODY.sub(lambda m: m.group(0) + banner, html, count=1)


# Front matter a page may set; Material prints these unescaped, so they must be plain text.
_META = {"title", "description", "cetak", "publik", "hide"}


def safe_meta(meta: dict) -> dict:
    """The page's front matter without anything Material would print as HTML or act on."""
    kept = {}
    for key, value in meta.items():
        if key not in _META:
            continue
        if isinstance(value, str) and is_plain_text(value):
            kept[key] = value
        elif isinstance(value, bool):
            kept[key] = value
        elif isinstance(value, list) and all(isinstance(v, str) and v.isalpha() for v in value):
            kept[key] = value
    return kept
