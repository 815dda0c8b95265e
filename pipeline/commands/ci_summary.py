"""``lkjip ci-summary [--out FILE] [--strict]``: what CI publishes from this checkout, and which
step of the office's set-up is missing, as Markdown for the forge's job summary.

The judgement is :func:`pipeline.publish.mainline.standing`, the one ``lkjip build`` uses for
the DRAF mark. Exit 0 while the office is setting up (no anchor yet: a DRAF preview is
published) and when the checkout verifies; 1 when an anchor is set and the checkout does not
verify (then nothing must be published as final). ``--strict`` (tags): 1 unless final.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from pipeline.commands.build import judge
from pipeline.messages import publish as msg
from pipeline.project import Project
from pipeline.publish.mainline import Standing


def add_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("ci-summary", help=msg.CI_HELP, description=msg.CI_HELP)
    parser.add_argument("--out", type=Path, metavar="BERKAS", help=msg.CI_HELP_OUT)
    parser.add_argument("--strict", action="store_true", help=msg.CI_HELP_STRICT)
    parser.set_defaults(func=run)


def forge(environ: dict[str, str] | os._Environ[str]) -> str:
    """Which forge runs this job, by the variables each sets (for the menu path to show)."""
    if environ.get("GITLAB_CI"):
        return "gitlab"
    if environ.get("GITEA_ACTIONS") or environ.get("FORGEJO_ACTIONS"):
        return "gitea"
    if environ.get("GITHUB_ACTIONS"):
        return "github"
    return "local"


def summary(judged: Standing, where: str, strict: bool = False) -> str:
    """The job summary: the verdict first, then the set-up checklist, each item with its fix.
    ``strict`` (a release tag): nothing is published unless final."""
    title = msg.CI_TITLE_FINAL if judged.final else (
        msg.CI_TITLE_NO_RELEASE if strict else msg.CI_TITLE_DRAFT)
    lines = [title, ""]
    if judged.final and judged.verdict is not None:
        lines.append(msg.CI_FINAL.format(commit=(judged.head or "?")[:10],
                                         anchor=(judged.anchor or "?")[:10],
                                         merges=len(judged.verdict.merges)))
    elif strict:
        lines.append(msg.CI_NO_RELEASE)
    elif judged.anchor is not None:
        lines.append(msg.CI_FAILED)
    else:
        lines.append(msg.CI_PREVIEW)
    lines += ["", msg.CI_CHECKLIST]
    done, todo = "- [x] ", "- [ ] "
    lines.append((done if judged.roster else todo) + (
        msg.CI_ROSTER_OK if judged.roster else msg.CI_ROSTER_MISSING))
    if judged.anchor is not None:
        lines.append(done + msg.CI_ANCHOR_OK.format(anchor=judged.anchor[:10]))
    else:
        where_text = msg.CI_ANCHOR_WHERE[where]
        lines.append(todo + msg.CI_ANCHOR_MISSING.format(where=where_text))
        if judged.candidate is not None:
            lines.append("  " + msg.CI_ANCHOR_CANDIDATE.format(commit=judged.candidate))
    if judged.anchor is None:
        lines.append(todo + msg.CI_VERIFY_WAITING)
    elif judged.verdict is not None and judged.verdict.ok and not judged.changed:
        lines.append(done + msg.CI_VERIFY_OK)
    else:
        lines.append(todo + msg.CI_VERIFY_FAILED)
        if judged.verdict is not None:
            lines += [f"  - {p}" for p in judged.verdict.problems]
        lines += [f"  - {msg.CI_CHANGED.format(path=p)}" for p in judged.changed]
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    judged = judge(Project(Path.cwd().resolve()))
    text = summary(judged, forge(os.environ), args.strict)
    print(text, end="")
    if args.out is not None:
        with args.out.open("a", encoding="utf-8") as out:  # the forge's summary file: append
            out.write(text)
    if judged.final:
        return 0
    return 1 if args.strict or judged.anchor is not None else 0
