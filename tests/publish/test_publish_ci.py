"""The CI templates stay thin and cannot rot: every lkjip command in them parses."""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

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
        words = shlex.split(part)
        if words and words[0] == "lkjip":
            yield words[1:]


@pytest.mark.parametrize("template", TEMPLATES)
def test_every_lkjip_step_is_a_real_command(template: str) -> None:
    lines = list(_scripts(yaml.safe_load((REPO / template).read_text())))
    commands = [c for line in lines for c in _lkjip_commands(line)]
    used = {c[0] for c in commands}
    assert {"check", "verify", "build"} <= used, used
    assert ["verify", "--branch", "main"] in commands
    parser = build_parser()
    for argv in commands:
        try:
            parser.parse_args(argv)
        except SystemExit:  # argparse's way of saying "unknown command or option"
            pytest.fail(f"{template}: 'lkjip {' '.join(argv)}' is not a valid command")
