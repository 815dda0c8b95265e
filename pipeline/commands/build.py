"""``lkjip build``: the HTML site into site/ and the PDF into dist/, with a progress display."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from pipeline.build import build
from pipeline.errors import UserError
from pipeline.messages import build as msg
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
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.pdf and not args.site:
        raise UserError(msg.NOTHING_TO_DO)
    console = Console(file=raw_stderr())
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

            result = build(args.root, site=args.site, pdf=args.pdf, step=step,
                           force=args.force, extra=combine(site_pages(args.root.resolve()),
                                                           monitoring_pages(args.root.resolve())))
    except UserError as exc:
        # Every failure happens before anything is moved into place: tell the user so, after
        # the error itself (the CLI prints an exception's notes under its message).
        exc.add_note(msg.UNCHANGED)
        raise
    for warning in result.warnings:
        console.print(f"{msg.WARNING}: {warning}", style="yellow", highlight=False, markup=False)
    out = Console()
    if result.cached:
        out.print(msg.DONE_CACHED, highlight=False, markup=False, soft_wrap=True)
    if result.site:
        out.print(msg.DONE_SITE.format(path=result.site), highlight=False, markup=False)
    if result.pdf:
        out.print(msg.DONE_PDF.format(path=result.pdf, pages=result.page_count),
                  highlight=False, markup=False)
    seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
    out.print(msg.DONE_TIME.format(seconds=seconds), highlight=False)
    return 0
