"""``main`` as a whole: read its facts from the trust anchor and judge them (``verify_main``).

The server hook passes the pushed tip before the ref moves; the CLI passes the ``main`` ref.
Both get the same :class:`~pipeline.workflow.verify.MainVerdict` and the same words.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pygit2

from pipeline.workflow import gitrepo
from pipeline.workflow.facts import configured_anchor, default_anchor, main_facts
from pipeline.workflow.roster import ROSTER_PATH
from pipeline.workflow.verify import MainVerdict, verify_main


def judge_main(repo: pygit2.Repository, tip: pygit2.Oid | str) -> MainVerdict:
    return verify_main(main_facts(repo, tip))


def problem_lines(verdict: MainVerdict, indent: str = "  - ") -> str:
    return "\n".join(f"{indent}{p}" for p in verdict.problems)


# --- is a build final or a draft? ---------------------------------------------------------


@dataclass(frozen=True)
class Standing:
    """What a build of the work tree at ``root`` is: the final report only when the files it
    reads are exactly those of a commit that verifies as main from the configured anchor.

    The fields say which step of the set-up is missing (for CI's job summary)."""

    final: bool
    head: str | None = None  # the commit checked out, when there is one
    roster: bool = False  # sop/roster.yaml is in that commit
    anchor: str | None = None  # the configured trust anchor (git config or LKJIP_ANCHOR)
    candidate: str | None = None  # without an anchor: the first main commit with the roster
    changed: tuple[str, ...] = ()  # report inputs that differ from the commit
    verdict: MainVerdict | None = None  # judged only when an anchor is configured


def standing(root: Path, inputs: tuple[str, ...]) -> Standing:
    """Judge the build at ``root`` (``inputs``: the folders and files the build reads, relative
    to ``root``). Fails closed: no repository, no commit, uncommitted changes to the inputs, no
    anchor, or a main that does not verify from it, all give a draft."""
    found = pygit2.discover_repository(str(root))
    if found is None:
        return Standing(False)
    repo = pygit2.Repository(found)
    if repo.workdir is None or Path(repo.workdir).resolve() != root.resolve() \
            or repo.head_is_unborn:
        return Standing(False)
    head = repo.head.peel(pygit2.Commit).id
    roster = gitrepo.blob_id_at(repo, head, ROSTER_PATH) is not None
    prefixes = tuple(i.rstrip("/") for i in inputs)
    changed = tuple(sorted(
        path for path, flags in repo.status().items()
        if flags != pygit2.enums.FileStatus.CURRENT
        and not flags & pygit2.enums.FileStatus.IGNORED
        and any(path == p or path.startswith(p + "/") for p in prefixes)))
    anchor = configured_anchor(repo)
    if anchor is None:
        line = gitrepo.first_parent_line(repo, head)
        return Standing(False, str(head), roster, None, default_anchor(repo, line), changed)
    verdict = judge_main(repo, head)
    return Standing(verdict.ok and not changed, str(head), roster, anchor, None, changed,
                    verdict)
