"""A real ``git commit`` with the project's hooks installed: refused with broken data,
accepted once it is fixed. Offline: every hook is a local one from the virtual environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from check_helpers import REPO, copy_project, replace

pytestmark = pytest.mark.slow

VENV_BIN = Path(sys.executable).parent


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(
        PATH=f"{VENV_BIN}{os.pathsep}{env.get('PATH', '')}",  # lkjip and the hygiene hooks
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_CONFIG_GLOBAL=str(home / ".gitconfig"),
        PRE_COMMIT_HOME=str(home / "pre-commit"),
        PIP_NO_INDEX="1",  # no network: nothing may be downloaded
    )
    return env


def _git(repo: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                          timeout=120, check=False)


@pytest.fixture
def repo(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    if shutil.which("git") is None:
        pytest.skip("git tidak terpasang")
    home = tmp_path / "home"
    home.mkdir()
    (home / ".gitconfig").write_text("")
    env = _env(home)
    root = copy_project(tmp_path / "kantor")
    shutil.copy2(REPO / ".pre-commit-config.yaml", root / ".pre-commit-config.yaml")
    for args in (["init", "-q", "-b", "main"], ["config", "user.name", "Staf Uji"],
                 ["config", "user.email", "staf@contoh.id"]):
        assert _git(root, env, *args).returncode == 0
    installed = subprocess.run([str(VENV_BIN / "pre-commit"), "install"], cwd=root, env=env,
                               capture_output=True, text=True, timeout=120, check=False)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    _git(root, env, "add", "-A")
    first = _git(root, env, "commit", "-q", "-m", "Data awal")
    assert first.returncode == 0, first.stdout + first.stderr
    return root, env


def test_commit_refused_with_broken_data_and_accepted_when_fixed(
    repo: tuple[Path, dict[str, str]],
) -> None:
    root, env = repo
    head = _git(root, env, "rev-parse", "HEAD").stdout
    line = replace(root, "data/indikator.yaml", "2025: 3.2,", '2025: "tiga",')
    _git(root, env, "add", "data/indikator.yaml")
    refused = _git(root, env, "commit", "-m", "Ubah target")
    assert refused.returncode != 0
    assert f"data/indikator.yaml:{line}: 'indikator.0.target.2025' harus berupa angka" in \
        refused.stdout + refused.stderr
    assert _git(root, env, "rev-parse", "HEAD").stdout == head

    replace(root, "data/indikator.yaml", '2025: "tiga",', "2025: 3.25,")
    _git(root, env, "add", "data/indikator.yaml")
    accepted = _git(root, env, "commit", "-m", "Ubah target")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert _git(root, env, "rev-parse", "HEAD").stdout != head


def test_published_hook_manifest_is_valid() -> None:
    result = subprocess.run([str(VENV_BIN / "pre-commit"), "validate-manifest",
                             str(REPO / ".pre-commit-hooks.yaml")],
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
