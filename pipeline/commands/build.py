"""``lkjip build``: the HTML site into site/ and the PDF into dist/, with a progress display.

Here, not in :mod:`pipeline.build` (which never talks to Git), the build is judged final or a
draft: final only when the work tree's report files are those of a commit that verifies as
main from the trust anchor (:func:`pipeline.publish.mainline.standing`, the same verification
as ``lkjip verify --branch main``). Anything else carries the DRAF mark.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from pipeline.build import build, report_inputs
from pipeline.errors import UserError
from pipeline.messages import build as msg
from pipeline.project import Project
from pipeline.publish.mainline import Standing, standing
from pipeline.render.quarterly_page import combine, monitoring_pages
from pipeline.review.site import site_pages
from pipeline.terminal import raw_stderr

# Steps announced by pipeline.build, for the progress bar's total.
STEPS_ALWAYS = 3  # data, macros, publish
STEPS_PDF = 3
STEPS_SITE = 1


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("build", help=msg.HELP, description=msg.HELP)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help=msg.HELP_ROOT)
    parser.add_argument("--no-pdf", dest="pdf", action="store_false", help=msg.HELP_NO_PDF)
    parser.add_argument("--no-site", dest="site", action="store_false", help=msg.HELP_NO_SITE)
    parser.add_argument("--force", action="store_true", help=msg.HELP_FORCE)
    parser.add_argument("--public", action="store_true", help=msg.HELP_PUBLIC)
    parser.add_argument("--zip", type=Path, metavar="BERKAS", help=msg.HELP_ZIP)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.pdf and not args.site:
        raise UserError(msg.NOTHING_TO_DO)
    console = Console(file=raw_stderr())
    project = Project(args.root.resolve())  # read once, handed to every step
    judged = judge(project)
    draft = not judged.final
    total = STEPS_ALWAYS + STEPS_PDF * args.pdf + STEPS_SITE * args.site
    started = time.monotonic()
    progress = Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    )
    try:
        with progress:
            task = progress.add_task("", total=total)

            def step(text: str) -> None:
                progress.update(task, description=text, advance=1)

            # The public sees the report only: no history, no monitoring page.
            extra = None if args.public else combine(site_pages(project.root),
                                                     monitoring_pages())
            result = build(project, site=args.site, pdf=args.pdf, step=step, force=args.force,
                           extra=extra, public=args.public, draft=draft)
    except UserError as exc:
        # Every failure happens before anything is moved into place: tell the user so, after
        # the error itself (the CLI prints an exception's notes under its message).
        exc.add_note(msg.UNCHANGED)
        raise
    for warning in result.warnings:
        console.print(f"{msg.WARNING}: {warning}", style="yellow", highlight=False, markup=False)
    if draft:
        console.print(msg.DRAFT_NOTE.format(reason=draft_reason(judged)), style="yellow",
                      highlight=False, markup=False, soft_wrap=True)
    out = Console()
    if result.cached:
        out.print(msg.DONE_CACHED, highlight=False, markup=False, soft_wrap=True)
    if result.site:
        out.print(msg.DONE_SITE.format(path=result.site), highlight=False, markup=False)
    if result.pdf:
        out.print(msg.DONE_PDF.format(path=result.pdf, pages=result.page_count),
                  highlight=False, markup=False)
    if args.zip is not None and result.site is not None:
        from pipeline.publish.release import deterministic_zip

        target = args.zip if args.zip.is_absolute() else Path.cwd() / args.zip
        target.parent.mkdir(parents=True, exist_ok=True)
        staged = target.with_name(f".{target.name}.tmp")
        deterministic_zip(result.site, staged)
        staged.replace(target)
        out.print(msg.DONE_ZIP.format(path=target), highlight=False, markup=False)
    seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
    out.print(msg.DONE_TIME.format(seconds=seconds), highlight=False)
    return 0


def judge(project: Project) -> Standing:
    """Final or draft: see the module docstring."""
    try:
        inputs = report_inputs(project)
    except UserError:  # no or a refused mkdocs.yml: the build says so; judge the usual inputs
        inputs = ("content", "data", "mkdocs.yml")
    return standing(project.root, inputs)


def draft_reason(judged: Standing) -> str:
    """Why the build is a draft, in one line."""
    if judged.head is None:
        return msg.DRAFT_NO_COMMIT
    if judged.changed:
        return msg.DRAFT_CHANGED.format(files=", ".join(judged.changed[:5]))
    if not judged.roster:
        return msg.DRAFT_NO_ROSTER
    if judged.anchor is None:
        return msg.DRAFT_NO_ANCHOR
    return msg.DRAFT_NOT_VERIFIED.format(commit=judged.head[:10])
