"""``lkjip init FOLDER``: a new office's LKjIP repository, ready for ``lkjip build``.

The skeleton (package data in ``pipeline/init_template``): the chapters with the report's
outline and ``[isi ...]`` placeholders (which ``lkjip check --lengkap`` refuses until they are
written), example data marked as example, ``mkdocs.yml``, an empty roster, and a Git
repository on ``main`` with the skeleton as its first commit (unsigned: nobody is in the
roster yet).
"""

from __future__ import annotations

import shutil
from importlib.resources import as_file
from importlib.resources import files as package_files
from pathlib import Path

import pygit2

from pipeline.errors import UserError
from pipeline.messages import exchange as msg
from pipeline.workflow.roster import ROSTER_PATH, Roster, dump_roster
from pipeline.workflow.sop import Sop, load_sop

TEMPLATE = "init_template"


def init_project(folder: Path) -> Sop:
    """Create the project in ``folder``; return the SOP whose roles the roster needs."""
    if folder.exists() and any(folder.iterdir()):
        raise UserError(msg.INIT_NOT_EMPTY.format(folder=folder))
    folder.mkdir(parents=True, exist_ok=True)
    with as_file(package_files("pipeline").joinpath(TEMPLATE)) as template:
        for part in ("content", "data"):
            shutil.copytree(template / part, folder / part)
        shutil.copy(template / "mkdocs.yml", folder / "mkdocs.yml")
        shutil.copy(template / "gitignore", folder / ".gitignore")
    roster = folder / ROSTER_PATH
    roster.parent.mkdir(parents=True, exist_ok=True)
    roster.write_text(dump_roster(Roster()), encoding="utf-8")
    _first_commit(folder)
    return load_sop()


def _first_commit(folder: Path) -> None:
    repo = pygit2.init_repository(str(folder), initial_head="main")
    repo.index.add_all()
    repo.index.write()
    tree = repo.index.write_tree()
    try:
        author = repo.default_signature
    except (KeyError, pygit2.GitError):
        author = pygit2.Signature("lkjip init", "lkjip@localhost")
    repo.create_commit("HEAD", author, author, msg.INIT_COMMIT, tree, [])
