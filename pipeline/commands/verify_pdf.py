"""``lkjip verify-pdf FILE.pdf [--trust ROOTS.pem]``: judge a release PDF's electronic signature.

Offline, and explained in Bahasa Indonesia: intact and covering the whole file; trusted by
the roots given (never roots from the PDF); who signed and when; the QR code; and, inside
the repository, whether the commit and tree the PDF names are a verified ``main``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import pygit2

from pipeline.commands.tte_options import trust_roots
from pipeline.errors import UserError
from pipeline.messages import tte as msg
from pipeline.publish import tte


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("verify-pdf", help=msg.HELP_VERIFY_PDF)
    parser.add_argument("pdf", type=Path, metavar="BERKAS.pdf")
    parser.add_argument("--trust", type=Path, metavar="AKAR.pem", help=msg.HELP_TRUST)
    parser.set_defaults(func=run)


def _repository() -> pygit2.Repository | None:
    found = pygit2.discover_repository(".")
    return pygit2.Repository(found) if found else None


def run(args: argparse.Namespace) -> int:
    try:
        data = args.pdf.read_bytes()
    except OSError as exc:
        raise UserError(msg.PDF_UNREADABLE.format(path=args.pdf, reason=exc.strerror)) from None
    repo = _repository()
    roots = trust_roots(args.trust, repo.config if repo is not None else None)
    if not roots:
        raise UserError(msg.NO_TRUST)
    check = tte.verify_pdf(data, roots)
    notes = []
    if repo is None:
        notes.append(msg.OUTSIDE_REPO)
    elif check.commit:
        problems = tte.check_commit(repo, check.commit, check.tree, check.tag, check.subject)
        check.problems += problems
        if not problems:
            check.facts.append(msg.FACT_MAIN.format(commit=check.commit[:10],
                                                    tree=check.tree[:10], name=check.signer))
    if check.ok:
        print(msg.PDF_OK.format(path=args.pdf))
        for line in (*check.facts, *notes):
            print(f"  - {line}")
        return 0
    print(msg.PDF_FAILED.format(path=args.pdf))
    for problem in check.problems:
        print(f"  - {problem}")
    if check.facts or notes:
        print(msg.PDF_EXPLAIN)
        for line in (*check.facts, *notes):
            print(f"  - {line}")
    return 1
