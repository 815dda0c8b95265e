"""What the review workflow adds to the built site: the "Riwayat Penyusunan" page.

Kept apart from :mod:`pipeline.review.history` so that ``lkjip build`` with nothing changed
pays only for reading the branch tips (the cache key), not for importing the redline.
"""

from __future__ import annotations

from pathlib import Path

import pygit2
import pygit2.enums

from pipeline.messages import review as msg
from pipeline.render.pages import SitePages
from pipeline.review import HISTORY_PAGE
from pipeline.workflow import gitrepo

PAGE_NAME = HISTORY_PAGE
RECORDS_PREFIX = "catatan/"  # pipeline.workflow.records.BRANCH_PREFIX (not imported: kept light)
RELEASE_TAGS = "refs/tags/lkjip-"


def branches_key(repo: pygit2.Repository) -> str:
    """The tips of main, of every round and records branch (local and remote-tracking) and
    the release tags: the history page and its redlines are a function of these (and of
    lkjip's own code)."""
    wanted = []
    for name in repo.references:
        short = name.removeprefix("refs/heads/")
        if name.startswith("refs/remotes/"):
            short = name.removeprefix("refs/remotes/").partition("/")[2]
        if (short == gitrepo.MAIN or short.startswith((gitrepo.ROUND_PREFIX, RECORDS_PREFIX))
                or name.startswith(RELEASE_TAGS)):  # records and releases: steps 2-3, 5, 10
            ref = repo.references.get(name)
            if ref is not None and ref.type == pygit2.enums.ReferenceType.DIRECT:
                wanted.append(f"{name} {ref.target}")
    return "\n".join(sorted(wanted))


def site_pages(root: Path) -> SitePages | None:
    """The history for ``lkjip build`` when ``root`` is the work tree of a Git repository;
    None for a plain folder (a copy without history has none to tell)."""
    found = pygit2.discover_repository(str(root))
    if found is None:
        return None
    repo = pygit2.Repository(found)
    if repo.workdir is None or Path(repo.workdir).resolve() != root.resolve():
        return None
    return SitePages(key=branches_key(repo), make=lambda _report: _history_files(repo),
                     nav=((msg.HISTORY_TITLE, PAGE_NAME),))


def _history_files(repo: pygit2.Repository) -> dict[str, str]:
    from pipeline.review.history import history_files  # the redline: lxml, the renderer

    return history_files(repo)
