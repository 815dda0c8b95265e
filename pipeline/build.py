"""``lkjip build``: data + content in, site/ and dist/lkjip-<year>.pdf out, both or neither.

Order of work, on both cores: a forked child starts on the PDF's imports while this process
reads the :class:`Project` once (data, pages) and expands every macro of every page (all
problems at once, with file:line); the child is then handed the Project and lays the PDF out
into a staging file (itself on both cores, in parts: :mod:`pipeline.render.pdf_parts`) while
this process builds the site, from the same expansions, into a temporary folder next to site/;
the staged PDF is copied into the site (the "Unduh PDF" link), and only then are both moved
into place. A build that fails at any step leaves the previous site/ and PDF as they were; one
killed outright leaves staging files that the next build removes (or, killed between the two
renames of site/, puts the previous site/ back).
Nothing here talks to Git.

Two flags change what is built, both decided by the caller (the command layer, which may ask
Git; this module never does): ``public`` leaves out every page that is not part of the report
(pages with ``publik: false`` such as the Panduan Format Data, and the extra pages such as the
Riwayat Penyusunan), and ``draft`` marks every site page with a "DRAF" banner and every PDF page
with a watermark: anything not built from a verified main is a draft.

Before any of that, the inputs are hashed (:mod:`pipeline.cache`): when they are those of the
outputs in place and the outputs are intact, the build stops there, in well under a second.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from pipeline import cache
from pipeline.data.load import DATA_DIR
from pipeline.errors import CannotRun, UserError
from pipeline.forked import Forked
from pipeline.logs import collected_warnings
from pipeline.macro.registry import MacroError
from pipeline.messages import WIB
from pipeline.messages import build as msg
from pipeline.messages import safety as safety_msg
from pipeline.model.report import Report
from pipeline.project import Project
from pipeline.render import pages as content
from pipeline.render.approval import EmbeddedFile
from pipeline.render.pages import SitePages
from pipeline.render.siteconfig import CONFIG_FILE
from pipeline.textfile import symlink_problems

SITE_DIR = "site"
DIST_DIR = "dist"

Step = Callable[[str], None]


@dataclass
class BuildResult:
    site: Path | None = None
    pdf: Path | None = None
    page_count: int | None = None
    warnings: list[str] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)
    cached: bool = False  # nothing changed: the previous outputs were kept as they were


def document_date(report: Report, environ: Mapping[str, str]) -> datetime:
    """The PDF's dates: SOURCE_DATE_EPOCH when set, else the signing date; never the clock."""
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise UserError(msg.BAD_EPOCH.format(value=epoch))
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    day = date.fromisoformat(str(report.organisation.signing_date))
    return datetime(day.year, day.month, day.day, tzinfo=WIB)


def build(
    source: Project | Path,
    *,
    site: bool = True,
    pdf: bool = True,
    environ: Mapping[str, str] | None = None,
    step: Step = lambda _text: None,
    force: bool = False,
    extra: SitePages | None = None,
    public: bool = False,
    draft: bool = False,
) -> BuildResult:
    """Build the report of ``source`` (a :class:`Project`, or its folder); see the module
    docstring for the guarantees.

    ``force`` rebuilds even when the cache says the outputs are up to date; ``extra`` are
    pages for the site only (never in the PDF, never in a ``public`` site); ``draft`` puts the
    DRAF mark on the site and the PDF.
    """
    project = source if isinstance(source, Project) else Project(source.resolve())
    root = project.root
    if not (root / CONFIG_FILE).is_file() or not (root / DATA_DIR).is_dir():
        raise CannotRun(msg.NOT_IN_PROJECT.format(root=root))
    environ = os.environ if environ is None else environ
    clean_leftovers(root)
    config = project.config
    if symlinks := symlink_problems(root, (str(config.get("docs_dir", "content")), DATA_DIR)):
        raise UserError(safety_msg.SYMLINKS_REFUSED.format(
            problems="\n".join(f"  {p}" for p in symlinks)))
    # Only a full build is cached: with --no-pdf the site links whatever PDF is in dist/.
    if public:
        extra = None  # the history and other generated pages are for the office only
    key = cache_key(root, config, environ, extra, public=public, draft=draft) \
        if site and pdf else None
    if key is not None and not force and (hit := cache.lookup(root, key)):
        return _reused(root, hit)
    result = BuildResult()
    clock = time.monotonic()

    # Both cores: the PDF's child starts now, the site is built here.
    both = pdf and site
    with _pdf_worker(environ, draft=draft) if both else nullcontext() as worker:
        step(msg.STEP_DATA)
        report = project.report

        step(msg.STEP_CHECK)  # every page expanded here, once, for the site and the PDF
        problems = project.problems()
        if problems:
            raise MacroError(problems)

        final_pdf = root / DIST_DIR / content.pdf_name(report.year)
        final_site = root / SITE_DIR
        with _staging(root, final_pdf) as (staged_pdf, staged_site):
            if worker is not None:
                step(msg.STEP_PRINT_HTML)
                worker.start(project, staged_pdf)
                step(msg.STEP_SITE)
                result.warnings += _build_site(project, staged_site, PDF_LATER, extra,
                                               public=public, draft=draft)
                result.seconds["site"] = time.monotonic() - clock
                step(msg.STEP_LAYOUT)
                result.page_count, warnings = worker.done()
                result.warnings += warnings
                result.seconds["pdf"] = time.monotonic() - clock
                step(msg.STEP_WRITE_PDF)
                (staged_site / content.PDF_DIR).mkdir(exist_ok=True)
                shutil.copyfile(staged_pdf, staged_site / content.PDF_DIR / final_pdf.name)
            elif pdf:
                _build_pdf(project, staged_pdf, environ, step, result, draft=draft)
                result.seconds["pdf"] = time.monotonic() - clock
            elif site:
                step(msg.STEP_SITE)
                result.warnings += _build_site(project, staged_site, None, extra,
                                               public=public, draft=draft)
                result.seconds["site"] = time.monotonic() - clock
            step(msg.STEP_PUBLISH)
            cache.forget(root)  # from here until store() the outputs are not those of any key
            if pdf:
                os.replace(staged_pdf, final_pdf)
                result.pdf = final_pdf
            if site:
                _swap_dir(staged_site, final_site)
                result.site = final_site
    if key is not None:
        cache.store(root, key, site=SITE_DIR, pdf=final_pdf.relative_to(root).as_posix(),
                    page_count=result.page_count)
    return result


def report_inputs(project: Project) -> tuple[str, ...]:
    """The files and folders a build reads, relative to the project's folder (what a final
    build must have unchanged from its commit)."""
    config = project.config
    inputs = [str(config.get("docs_dir", "content")), DATA_DIR, CONFIG_FILE]
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        inputs.append(str(theme["custom_dir"]))
    return tuple(inputs)


def cache_key(root: Path, config: dict, environ: Mapping[str, str],
              extra: SitePages | None = None, *, public: bool = False,
              draft: bool = False) -> str:
    """The build cache's key: every input that can change site/ or the PDF."""
    docs = content.docs_dir(root, config)
    inputs = {"docs": docs, DATA_DIR: root / DATA_DIR,
              CONFIG_FILE: root / CONFIG_FILE}
    theme = config.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        inputs["theme"] = root / str(theme["custom_dir"])
    # The PDF's dates come from data/ unless SOURCE_DATE_EPOCH overrides them.
    params = {"SOURCE_DATE_EPOCH": environ.get("SOURCE_DATE_EPOCH", "").strip(),
              "extra": extra.key if extra is not None else "",
              "public": "1" if public else "", "draft": "1" if draft else ""}
    return cache.input_key(root, inputs, params)


def _reused(root: Path, hit: cache.Manifest) -> BuildResult:
    return BuildResult(site=root / hit.site if hit.site else None,
                       pdf=root / hit.pdf if hit.pdf else None,
                       page_count=hit.page_count, cached=True)


# Staging names carry the builder's pid, so a build can tell its own from a dead one's.
_STAGED_SITE = re.compile(rf"^\.{SITE_DIR}-(old-)?(\d+)(-.*)?$")
_STAGED_PDF = re.compile(r"^\..+\.(\d+)\.(staged|tmp)$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def clean_leftovers(root: Path) -> None:
    """Remove what killed builds left behind; a site/ caught between renames is restored."""
    for entry in root.glob(f".{SITE_DIR}-*"):
        match = _STAGED_SITE.match(entry.name)
        if not match or not entry.is_dir() or _alive(int(match.group(2))):
            continue
        if match.group(1) and not (root / SITE_DIR).exists():
            os.replace(entry, root / SITE_DIR)  # the previous site, moved aside, never back
        else:
            shutil.rmtree(entry, ignore_errors=True)
    for entry in (root / DIST_DIR).glob(".*"):
        match = _STAGED_PDF.match(entry.name)
        if match and entry.is_file() and not _alive(int(match.group(1))):
            entry.unlink(missing_ok=True)


def report_pdf(project: Project, target: Path, *, when: datetime, front: str = "",
               draft: bool = False, variant: str | None = None,
               attachments: Sequence[EmbeddedFile] = (), custom: Mapping[str, str] | None = None,
               step: Step = lambda _text: None) -> tuple[int, list[str]]:
    """The PDF of ``project`` written to ``target``: (page count, WeasyPrint's warnings).

    The one way a PDF is made, for ``lkjip build`` and for a release (which adds ``front``,
    its lembar pengesahan, and writes PDF/A-3b with its sources attached).
    """
    # Imported here: WeasyPrint and matplotlib cost a second to import, --no-pdf should not pay.
    from pipeline.render.pdf_parts import write_report
    from pipeline.render.print_html import print_html

    step(msg.STEP_PRINT_HTML)
    html = print_html(project.pages, project.report, project.config, front, draft=draft,
                      expand=project.expansion)
    step(msg.STEP_LAYOUT)  # laid out and written on both cores (pdf_parts.py)
    return write_report(html, project.docs, target, when=when, variant=variant,
                        attachments=attachments, custom=custom)


def _build_pdf(project: Project, target: Path, environ: Mapping[str, str], step: Step,
               result: BuildResult, *, draft: bool = False) -> None:
    result.page_count, warnings = report_pdf(
        project, target, when=document_date(project.report, environ), draft=draft, step=step)
    result.warnings += [msg.WARNING_PDF.format(message=m) for m in warnings]


# The site is built before the PDF exists: it carries an empty file where the PDF goes, and the
# laid-out PDF is copied over it before the site is moved into place.
PDF_LATER = Path(os.devnull)


class _PdfWorker:
    """A forked child that lays out and writes the PDF while this process builds the site.

    It is started before the inputs are read, so that its imports (WeasyPrint, about a
    second) overlap the reading and the macro expansion here; :meth:`start` then hands it the
    Project as read (pages, Report, expansions: it reads nothing itself) and the target, and
    :meth:`done` waits for (page count, warnings), raising what the child raised.
    """

    def __init__(self, environ: Mapping[str, str], draft: bool) -> None:
        self._child = Forked(_pdf_child, dict(environ), draft)

    def start(self, project: Project, target: Path) -> None:
        self._child.send((project, target))

    def done(self) -> tuple[int, list[str]]:
        return self._child.answer()

    def stop(self) -> None:
        """Kill the child if it still runs (the caller failed first: no PDF is wanted)."""
        self._child.stop()


@contextmanager
def _pdf_worker(environ: Mapping[str, str], *, draft: bool) -> Iterator[_PdfWorker]:
    worker = _PdfWorker(environ, draft)
    try:
        yield worker
    finally:
        worker.stop()


def _pdf_child(conn: Any, environ: dict[str, str], draft: bool = False
               ) -> tuple[int, list[str]] | None:
    # What the PDF needs, imported while the parent reads the inputs.
    import pipeline.render.pdf_parts
    import pipeline.render.print_html  # noqa: F401

    try:
        project, target = conn.recv()
    except EOFError:  # the parent failed before handing over: nothing to do
        return None
    result = BuildResult()
    _build_pdf(project, target, environ, lambda _text: None, result, draft=draft)
    return result.page_count, result.warnings


@contextmanager
def _staging(root: Path, final_pdf: Path) -> Iterator[tuple[Path, Path]]:
    """A staging PDF path in dist/ and a staging folder next to site/; removed if left over."""
    final_pdf.parent.mkdir(parents=True, exist_ok=True)
    staged_pdf = final_pdf.with_name(f".{final_pdf.name}.{os.getpid()}.staged")
    staged_site = Path(tempfile.mkdtemp(prefix=f".{SITE_DIR}-{os.getpid()}-", dir=root))
    staged_site.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read it
    try:
        yield staged_pdf, staged_site
    finally:
        staged_pdf.unlink(missing_ok=True)
        shutil.rmtree(staged_site, ignore_errors=True)


def _build_site(project: Project, target: Path, staged_pdf: Path | None,
                extra: SitePages | None, *, public: bool = False,
                draft: bool = False) -> list[str]:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.exceptions import MkDocsException

    from pipeline.render.mkdocs_plugin import LkjipPlugin
    from pipeline.render.siteconfig import SiteConfig, mkdocs_config

    with collected_warnings("mkdocs") as messages:
        try:
            # The validated configuration, never the file: MkDocs' own loader runs Python tags.
            site_config = public_config(project) if public else project.config
            config = mkdocs_config(SiteConfig(site_config), project.root, site_dir=str(target))
            for plugin in config.plugins.values():
                if isinstance(plugin, LkjipPlugin):
                    plugin.project = project
                    plugin.pdf_path = staged_pdf
                    plugin.public = public
                    plugin.draft = draft
                    if extra is not None:
                        plugin.add_pages(extra.make(project.report), extra.nav)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                mkdocs_build(config)
            finally:
                config.plugins.on_shutdown()
        except (MkDocsException, SystemExit) as exc:
            # Abort is a SystemExit; MkDocs logged the reason before raising it.
            reason = "\n".join(f"  {m}" for m in messages) or f"  {exc}"
            raise UserError(msg.SITE_WARNINGS_FAILED.format(messages=reason)) from exc
    return [msg.WARNING_SITE.format(message=m) for m in messages]


def public_config(project: Project) -> dict:
    """The project's configuration with a nav of the pages for the public only: every page
    with front matter ``publik: false`` (the authors' guide, notes for the office) is left
    out."""
    config = project.config
    internal = {page.src for page in project.pages if not page.public}

    def keep(item: object) -> object | None:
        if isinstance(item, str):
            return None if item in internal else item
        if isinstance(item, list):
            kept = [k for k in (keep(child) for child in item) if k is not None]
            return kept or None
        if isinstance(item, dict):
            kept_map = {title: k for title, child in item.items()
                        if (k := keep(child)) is not None}
            return kept_map or None
        return item

    return {**config, "nav": keep(config.get("nav", [])) or []}


def _swap_dir(new: Path, final: Path) -> None:
    """Put ``new`` where ``final`` is: two renames, the old folder restored if the second fails."""
    old: Path | None = None
    if final.exists():
        old = final.with_name(f".{final.name}-old-{os.getpid()}")
        os.replace(final, old)
    try:
        os.replace(new, final)
    except OSError:
        if old is not None:
            os.replace(old, final)
        raise
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
