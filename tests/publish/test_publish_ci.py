"""The CI templates stay thin and cannot rot: every lkjip command in them parses."""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from publish_helpers import template_text

from pipeline.cli import build_parser

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = [".github/workflows/lkjip.yml", ".gitea/workflows/lkjip.yml", ".gitlab-ci.yml"]


def _scripts(node: object) -> Iterator[str]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "run" and isinstance(value, str):
                yield from value.splitlines()
            elif key in ("script", "before_script") and isinstance(value, list):
                yield from (str(v) for v in value)
            else:
                yield from _scripts(value)
    elif isinstance(node, list):
        for item in node:
            yield from _scripts(item)


def _lkjip_commands(line: str) -> Iterator[list[str]]:
    for part in line.replace("&&", ";").replace("||", ";").split(";"):
        if "lkjip " not in part:
            continue
        words = shlex.split(part)
        while words and words[0] in ("then", "else", "do", "{", "!"):
            words = words[1:]
        if words and words[0] == "lkjip":
            yield [w for w in words[1:] if w != ">" and not w.endswith(".json")]


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_lkjip_step_is_a_real_command(template: str) -> None:
    lines = list(_scripts(yaml.safe_load(template_text(REPO / template))))
    commands = [c for line in lines for c in _lkjip_commands(line)]
    used = {c[0] for c in commands}
    assert {"check", "verify", "build", "ci-summary"} <= used, used
    assert ["verify", "--branch", "main"] in commands
    parser = build_parser()
    for argv in commands:
        try:
            parser.parse_args(argv)
        except SystemExit:  # argparse's way of saying "unknown command or option"
            pytest.fail(f"{template}: 'lkjip {' '.join(argv)}' is not a valid command")


# --- least privilege and the anchor ---------------------------------------------------------

PUBLISHING_REFS = ("refs/heads/main", "refs/tags/lkjip-")


def _load(template: str) -> dict:
    return yaml.safe_load((REPO / template).read_text())


def _writes(permissions: object) -> bool:
    return isinstance(permissions, dict) and any(v == "write" for v in permissions.values()) \
        or permissions == "write-all"


def _needs(jobs: dict, name: str) -> set[str]:
    """Every job ``name`` waits for, transitively."""
    direct = jobs[name].get("needs", [])
    direct = [direct] if isinstance(direct, str) else list(direct)
    return set(direct).union(*(_needs(jobs, d) for d in direct)) if direct else set()


@pytest.mark.parametrize("template", [".github/workflows/lkjip.yml",
                                      ".gitea/workflows/lkjip.yml"])
def test_actions_tokens_are_read_only_except_after_main_verifies(template: str) -> None:
    workflow = _load(template)
    assert workflow["permissions"] == {"contents": "read"}  # the default of every job
    jobs = workflow["jobs"]
    verify = jobs["verify-main"]
    assert verify["env"]["LKJIP_ANCHOR"] == "${{ vars.LKJIP_ANCHOR }}"
    assert all(p in verify["if"] for p in PUBLISHING_REFS)
    assert not _writes(verify.get("permissions"))
    assert ["verify", "--branch", "main"] in [
        c for line in _scripts(verify) for c in _lkjip_commands(line)]
    writers = [name for name, job in jobs.items() if _writes(job.get("permissions"))]
    for name in writers:
        job = jobs[name]
        # Only main and lkjip-* tags, only after main verified (and never the branch check).
        assert "if" in job and "refs/heads/review" not in job["if"], name
        assert any(ref in job["if"] for ref in PUBLISHING_REFS), name
        assert "verify-main" in _needs(jobs, name), name
    for name, job in jobs.items():
        if name not in writers:
            assert not _writes(job.get("permissions")), name
    # The job every branch runs never holds a token that can write.
    assert "if" not in jobs["check"] and not _writes(jobs["check"].get("permissions"))
    assert writers == ["release"] if template.startswith(".gitea") else ["pages", "release"]


def test_github_checkout_keeps_no_credentials() -> None:
    jobs = _load(".github/workflows/lkjip.yml")["jobs"]
    for name, job in jobs.items():
        for step in job.get("steps", []):
            if str(step.get("uses", "")).startswith("actions/checkout"):
                assert step["with"]["persist-credentials"] is False, name


def test_gitlab_publishes_only_main_and_tags_after_verify_main() -> None:
    ci = _load(".gitlab-ci.yml")
    rules = [r["if"] for r in ci["verify-main"]["rules"]]
    assert rules == ['$CI_COMMIT_BRANCH == "main"', "$CI_COMMIT_TAG =~ /^lkjip-/"]
    for name in ("pages", "release-files"):
        assert "verify-main" in ci[name]["needs"], name
        assert ci[name]["stage"] == "publish"
        assert all("main" in r["if"] or "lkjip-" in r["if"] for r in ci[name]["rules"])
    assert "LKJIP_ANCHOR" in (REPO / ".gitlab-ci.yml").read_text()


def test_gitlab_release_links_the_files_of_the_tag_job() -> None:
    ci = _load(".gitlab-ci.yml")
    job = ci["release"]
    assert job["needs"] == ["release-files"] and job["stage"] == "release"
    links = job["release"]["assets"]["links"]
    assert [link["url"].rsplit("/", 1)[1] for link in links] == ["$PDF_NAME", "lkjip-situs.zip"]
    assert all("$FILES_JOB" in link["url"] for link in links)
    assert ci["release-files"]["artifacts"]["reports"]["dotenv"] == "release.env"
