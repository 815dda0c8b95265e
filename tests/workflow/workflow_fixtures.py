"""Fixtures for the workflow, publish and review tests: real repositories (pygit2, temp dirs),
real ed25519 keys made by ssh-keygen, and an isolated git configuration.

Each of those folders' conftest.py imports them (``tests/workflow`` is on pytest's
``pythonpath``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygit2
import pytest
from workflow_helpers import PEOPLE, STAFF, Actor, Office, init_office, make_key, roster_of

from pipeline.check import CheckResult


@pytest.fixture(scope="session", autouse=True)
def isolated_git(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """No user or system git configuration, no ssh-agent: tests see only what they set."""
    home = tmp_path_factory.mktemp("home")
    (home / ".gitconfig").write_text("")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        mp.setenv("XDG_CONFIG_HOME", str(home / ".config"))
        mp.setenv("GIT_CONFIG_NOSYSTEM", "1")
        mp.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
        mp.delenv("SSH_AUTH_SOCK", raising=False)
        for var in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME",
                    "GIT_COMMITTER_EMAIL", "GIT_AUTHOR_DATE", "GIT_COMMITTER_DATE"):
            mp.delenv(var, raising=False)
        levels = pygit2.enums.ConfigLevel
        saved = {lvl: pygit2.settings.search_path[lvl]
                 for lvl in (levels.GLOBAL, levels.XDG, levels.SYSTEM)}
        for lvl in saved:
            pygit2.settings.search_path[lvl] = str(home)
        yield home
        for lvl, value in saved.items():
            pygit2.settings.search_path[lvl] = value


@pytest.fixture(scope="session")
def actors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Actor]:
    keys = tmp_path_factory.mktemp("keys")
    return {short: Actor(short, role, name, nip, make_key(keys / f"id_{short}"))
            for short, (role, name, nip) in PEOPLE.items()}


@pytest.fixture
def office(tmp_path: Path, actors: dict[str, Actor]) -> Office:
    return init_office(tmp_path / "lkjip", actors, roster_of(actors, *STAFF))




@pytest.fixture
def real_check() -> None:
    """Request this to run ``lkjip check --lengkap`` for real inside ``lkjip submit``."""


@pytest.fixture(autouse=True)
def passing_check(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """The office repositories hold no report data, so the completeness check (another
    module's job) is replaced by one that passes, unless a test asks for ``real_check``."""
    if "real_check" not in request.fixturenames:
        monkeypatch.setattr("pipeline.check.run_check",
                            lambda root, complete=False: CheckResult([]))
