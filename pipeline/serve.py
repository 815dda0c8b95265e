"""``lkjip serve``: the site on this computer, rebuilt and reloaded on every save.

MkDocs' own ``serve`` watches only the docs folder and mkdocs.yml; here ``data/`` is watched
too, the site carries the same extra pages as ``lkjip build`` (the triwulan monitoring page),
and every rebuild runs ``lkjip check``: its problems are printed in the terminal and shown in
the site (a "Masalah Pemeriksaan" page in the navigation, or, when the site cannot be built
at all, a page with the problems in place of every page). Pages come from autoescaped Jinja
templates. The server listens on 127.0.0.1 unless told otherwise. This is for the author's own
working tree: it is not a way to render an unapproved revision.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import jinja2

from pipeline.check import check_project
from pipeline.errors import UserError
from pipeline.messages import exchange as msg
from pipeline.project import Project
from pipeline.render.quarterly_page import monitoring_pages

_TEMPLATES = jinja2.Environment(
    loader=jinja2.PackageLoader("pipeline", "serve_templates"), autoescape=True)

Report = Callable[[str], None]


def _problems_page(problems: list[str]) -> str:
    body = _TEMPLATES.get_template("problems.html").render(
        title=msg.SERVE_PROBLEMS_TITLE, problems=problems,
        intro=msg.SERVE_PROBLEMS_INTRO.format(count=len(problems)))
    return f"# {msg.SERVE_PROBLEMS_TITLE}\n\n{body}\n"


def _failed_page(problems: list[str]) -> str:
    return _TEMPLATES.get_template("failed.html").render(
        title=msg.SERVE_FAILED_TITLE, intro=msg.SERVE_FAILED_INTRO, problems=problems)


def make_builder(root: Path, site_dir: Path, serve_url: str, dev_addr: str,
                 say: Report) -> Callable[[], None]:
    """A builder for MkDocs' live-reload server: never raises, shows problems instead."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    from pipeline.render.mkdocs_plugin import LkjipPlugin
    from pipeline.render.siteconfig import SiteConfig, mkdocs_config

    def builder() -> None:
        try:
            problems = [str(p) for p in check_project(root)]
        except UserError as exc:
            problems = [str(exc)]
        for problem in problems:
            say(problem)
        try:
            # Read and validated by lkjip (never MkDocs' loader, which runs Python tags).
            project = Project(root)  # read again on every save, once per rebuild
            config = mkdocs_config(SiteConfig(project.config), root, site_dir=str(site_dir),
                                   dev_addr=dev_addr)
            config.site_url = serve_url
            monitoring = monitoring_pages()
            pages = dict(monitoring.make(project.report))
            nav = list(monitoring.nav)
            if problems:
                pages[msg.SERVE_PROBLEMS_PAGE] = _problems_page(problems)
                nav.insert(0, (msg.SERVE_PROBLEMS_TITLE, msg.SERVE_PROBLEMS_PAGE))
            for plugin in config.plugins.values():
                if isinstance(plugin, LkjipPlugin):
                    plugin.project = project
                    plugin.add_pages(pages, nav)
            config.plugins.on_startup(command="serve", dirty=False)
            try:
                mkdocs_build(config, serve_url=serve_url)
            finally:
                config.plugins.on_shutdown()
            say(msg.SERVE_BUILT.format(count=len(problems)))
        except (MkDocsException, SystemExit, UserError, OSError) as exc:
            _show_failure(site_dir, problems or [str(exc)])
            say(msg.SERVE_FAILED)

    return builder


def _show_failure(site_dir: Path, problems: list[str]) -> None:
    """Every page of the site becomes the problem list (the 404 handler serves it too)."""
    page = _failed_page(problems)
    for entry in site_dir.iterdir():
        if entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)
    (site_dir / "index.html").write_text(page, encoding="utf-8")
    (site_dir / "404.html").write_text(page, encoding="utf-8")


def serve(root: Path, dev_addr: str = "127.0.0.1:8000", say: Report = print) -> None:
    """Serve until interrupted (Ctrl+C)."""
    from mkdocs.livereload import LiveReloadServer

    host, _, port = dev_addr.rpartition(":")
    serve_url = f"http://{dev_addr}/"
    site_dir = Path(tempfile.mkdtemp(prefix="lkjip-serve-"))
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    builder = make_builder(root, site_dir, serve_url, dev_addr, say)
    server = LiveReloadServer(builder=builder, host=host, port=int(port), root=str(site_dir))

    def error_handler(code: int) -> bytes | None:
        page = site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    server.error_handler = error_handler
    try:
        builder()
        for watched in ("content", "data", "mkdocs.yml"):
            if (root / watched).exists():
                server.watch(str(root / watched))
        say(msg.SERVE_AT.format(addr=dev_addr))
        sys.stdout.flush()
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        shutil.rmtree(site_dir, ignore_errors=True)
