"""The inputs of one command, read once: :class:`Project`.

A command makes one ``Project`` and hands it down (check, build, the MkDocs plugin, release,
the renderers of diff and review), so the validated ``mkdocs.yml``, every Markdown page and
the :class:`Report` are each read once, and every page's macros are resolved once per build
(the site and the PDF print the same expansion). Everything is read on first use: a build whose
outputs are up to date reads the configuration only. Nothing here talks to Git; a revision of
the repository is a ``Project`` of the folder it was exported to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pipeline.data.load import DataError, Documents, read_data, to_report
from pipeline.errors import Problem
from pipeline.messages import build as msg
from pipeline.model.report import Report
from pipeline.render.pages import Page, docs_dir, nav_sources, read_config, read_page

if TYPE_CHECKING:
    from pipeline.render.macros import Expansion


@dataclass
class Project:
    """The project at ``root``: its configuration, pages and Report, each read once."""

    root: Path
    _given_report: Report | None = field(default=None, repr=False)
    _expansions: dict[str, Expansion] = field(default_factory=dict, repr=False)

    @cached_property
    def config(self) -> dict[str, Any]:
        """``mkdocs.yml``, validated (:mod:`pipeline.render.siteconfig`)."""
        return read_config(self.root)

    @cached_property
    def data(self) -> tuple[Documents, list[Problem]]:
        """``data/`` through the one data gate: the usable documents and every problem
        (``lkjip check`` reports them; the Report is made only when there is none)."""
        return read_data(self.root)

    @cached_property
    def report(self) -> Report:
        """The Report; :class:`DataError` when ``data/`` has any problem."""
        if self._given_report is not None:
            return self._given_report
        docs, problems = self.data
        if problems:
            raise DataError(problems)
        return to_report(docs)

    @property
    def docs(self) -> Path:
        return docs_dir(self.root, self.config)

    @cached_property
    def files(self) -> dict[str, Page]:
        """Every Markdown page of the docs folder (what MkDocs builds), by its path there."""
        docs = self.docs
        return {src: read_page(self.root, self.config, src)
                for src in sorted(f.relative_to(docs).as_posix() for f in docs.rglob("*.md"))}

    @property
    def pages(self) -> list[Page]:
        """The pages of the nav, in reading order (the PDF's chapters)."""
        return [self.files[src] for src in nav_sources(self.config) if src in self.files]

    def with_report(self, report: Report) -> Project:
        """The same pages with another Report (a release dates the report by its signature);
        nothing expanded with the old one is kept."""
        other = Project(self.root, report)
        for name in ("config", "files"):
            if name in self.__dict__:
                other.__dict__[name] = self.__dict__[name]
        return other

    def expansion(self, page: Page) -> Expansion:
        """``page`` with its macros replaced, computed once; :class:`MacroError` when wrong."""
        from pipeline.render.macros import expand_page  # tables and charts: only when needed

        if page.src not in self._expansions:
            self._expansions[page.src] = expand_page(page.body, page.path, self.report,
                                                     line_offset=page.line_offset)
        return self._expansions[page.src]

    def problems(self) -> list[Problem]:
        """Nav entries with no file and every macro problem of every page; the pages that
        have none are expanded on the way (and kept for the site and the PDF)."""
        from pipeline.macro.registry import MacroError

        docs = self.docs.relative_to(self.root).as_posix()
        problems = [Problem(f"{docs}/{src}", None, msg.PAGE_MISSING)
                    for src in nav_sources(self.config) if src not in self.files]
        for page in self.files.values():
            try:
                self.expansion(page)
            except MacroError as exc:
                problems += exc.problems
        return problems
