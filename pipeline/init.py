"""``lkjip init FOLDER``: a new office's LKjIP repository, ready for ``lkjip build``.

The skeleton (package data in ``pipeline/init_template``): the chapters with the report's
outline and ``[isi ...]`` placeholders (which ``lkjip check --lengkap`` refuses until they are
written), example data marked as example, ``mkdocs.yml``, an empty roster, and a Git
repository on ``main`` with the skeleton as its first commit (unsigned: nobody is in the
roster yet).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from importlib.resources import as_file
from importlib.resources import files as package_files
from pathlib import Path

import pygit2

from pipeline.errors import UserError
from pipeline.messages import exchange as msg
from pipeline.messages import workflow as wmsg
from pipeline.workflow.roster import (
    ROSTER_PATH,
    Roster,
    dump_roster,
    normalize_nip,
    parse_public_key,
)
from pipeline.workflow.sop import Sop, load_sop

TEMPLATE = "init_template"


Ask = Callable[[str], str]
Say = Callable[[str], None]


def init_project(folder: Path, guide: tuple[Ask, Say] | None = None) -> Sop:
    """Create the project in ``folder``; return the SOP whose roles the roster needs.

    With ``guide`` (a question function and a print function), the first people are asked
    for, role by role, and written to the roster before the first commit.
    """
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
    sop = load_sop()
    people = Roster()
    if guide is not None:
        people = guided_roster(sop, *guide)
    roster.write_text(dump_roster(people), encoding="utf-8")
    if guide is not None:
        guide[1](msg.GUIDE_DONE.format(path=ROSTER_PATH, count=len(people.people)))
    _first_commit(folder)
    return sop


def guided_roster(sop: Sop, ask: Ask, say: Say) -> Roster:
    """The first holder of each role, asked for in the SOP's order; a wrong NIP or key file
    is asked again with the reason, an empty name skips the role."""
    roster = Roster()
    default_key = str(Path.home() / ".ssh" / "id_ed25519.pub")
    say(msg.GUIDE_START)
    for role in sop.roles:
        title = sop.title_of(role)
        say(msg.GUIDE_ROLE.format(title=title, role=role))
        name = ask(msg.GUIDE_NAME).strip()
        if not name:
            continue
        while True:
            try:
                nip = normalize_nip(ask(msg.GUIDE_NIP))
                key_file = ask(msg.GUIDE_KEY.format(default=default_key)).strip() or default_key
                try:
                    key = parse_public_key(Path(key_file).expanduser().read_text("utf-8"))
                except (OSError, ValueError):
                    raise UserError(wmsg.ROSTER_KEY_FILE.format(path=key_file)) from None
                roster = roster.add(sop, role=role, name=name, nip=nip, jabatan=title, key=key)
                break
            except UserError as exc:
                say(msg.GUIDE_RETRY.format(problem=exc))
        say(msg.GUIDE_ADDED.format(name=name, title=title))
    return roster


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
