"""``lkjip check``: every problem in data/ and content/, all at once.

Order of work: read and schema-check every data file; consistency rules over the files that
passed; the model (when every file passed) for the macro check; the content checks; with
``complete`` the SOP's completeness rules. Nothing is written anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipeline.check.completeness import Missing, check_completeness, people_of_objectives
from pipeline.check.staleness import stale_prose
from pipeline.content.check import CONTENT_DIR, check_content, read_content
from pipeline.data import schema
from pipeline.data.consistency import IND, RENSTRA
from pipeline.data.load import DATA_DIR, Documents, to_report
from pipeline.errors import CannotRun, Problem
from pipeline.messages import data as msg
from pipeline.project import Project
from pipeline.render.siteconfig import CONFIG_FILE, read_site_config
from pipeline.textfile import symlink_problems


@dataclass
class CheckResult:
    problems: list[Problem]
    missing: list[Missing] = field(default_factory=list)  # also among problems (--lengkap)


def check_project(source: Project | Path, *, complete: bool = False) -> list[Problem]:
    """Return every problem found in the project (a :class:`Project` or its folder); empty
    when all is well.

    ``complete`` adds the SOP's completeness rules (``lkjip check --lengkap``). Raises
    :class:`CannotRun` when the folder is not a project at all.
    """
    return run_check(source, complete=complete).problems


def run_check(source: Project | Path, *, complete: bool = False) -> CheckResult:
    """:func:`check_project`, keeping the completeness items for the summary."""
    project = source if isinstance(source, Project) else Project(source)
    root = project.root
    if not (root / DATA_DIR).is_dir():
        raise CannotRun(msg.NOT_A_PROJECT.format(root=root))
    docs, found = project.data  # the same gate the build and the renderers pass
    problems = list(found)
    problems.extend(symlink_problems(root))
    if (root / CONFIG_FILE).exists():
        problems.extend(read_site_config(root)[1])
    report = to_report(docs) if len(docs) == len(schema.FILES) else None

    files = []
    if (root / CONTENT_DIR).is_dir():
        files, found = read_content(root)
        problems.extend(found)
        problems.extend(check_content(root, files, _codes(docs), report))
    else:
        problems.append(Problem(CONTENT_DIR, None, msg.CONTENT_MISSING))

    missing: list[Missing] = []
    if complete:
        missing = check_completeness(docs, files)
        if report is not None:
            missing += stale_prose(files, report, people_of_objectives(docs))
        problems.extend(m.problem for m in missing)
    return CheckResult(sorted(set(problems), key=_order), missing)


def _codes(docs: Documents) -> dict[str, set[str]]:
    """The codes the data defines, per kind; a kind whose file is unusable is left out."""
    codes: dict[str, set[str]] = {}
    if RENSTRA in docs:
        goals = docs[RENSTRA].value["tujuan"]
        codes["T"] = {t["kode"] for t in goals}
        codes["SS"] = {s["kode"] for t in goals for s in t["sasaran"]}
    if IND in docs:
        codes["IKU"] = {i["kode"] for i in docs[IND].value["indikator"]}
    return codes


def _order(problem: Problem) -> tuple[str, int, str]:
    return (problem.path, problem.line or 0, problem.message)
