"""Command-line habits: the project found from a subfolder, problems as data, completion."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from pipeline import cli

sys.path.insert(0, str(Path(__file__).resolve().parent / "data"))
from check_helpers import copy_project, replace  # noqa: E402


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A project copy with one known problem at a known line."""
    root = copy_project(tmp_path_factory.mktemp("cli") / "proyek")
    line = replace(root, "data/indikator.yaml", "polaritas: negatif", "polaritas: turun")
    (root / "line").write_text(str(line))
    return root


def test_check_from_a_subfolder_finds_the_project(
        broken: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(broken / "content")
    assert cli.main(["check"]) == 1
    line = (broken / "line").read_text()
    assert f"data/indikator.yaml:{line}: " in capsys.readouterr().out


def test_outside_any_project_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check"]) == 2
    assert "galat" in capsys.readouterr().err


@pytest.mark.parametrize("kind", ["json", "github", "gitlab"])
def test_check_formats(broken: Path, kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["check", "--root", str(broken), "--format", kind]) == 1
    out = capsys.readouterr().out
    line = int((broken / "line").read_text())
    if kind == "json":
        found = json.loads(out)
        assert {"path": "data/indikator.yaml", "line": line} == {
            k: found[0][k] for k in ("path", "line")}
        assert "turun" in found[0]["message"]
    elif kind == "github":
        assert out.startswith(f"::error file=data/indikator.yaml,line={line}::")
    else:
        found = json.loads(out)
        assert found[0]["location"] == {"path": "data/indikator.yaml", "lines": {"begin": line}}
        assert found[0]["severity"] == "major" and len(found[0]["fingerprint"]) == 64


def test_completion_and_version_help_in_indonesian(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["completion", "bash"]) == 0
    script = capsys.readouterr().out
    assert "complete" in script and "export" in script and "import" in script
    with pytest.raises(SystemExit):
        cli.main(["--help"])
    assert re.search(r"--version +tampilkan versi lkjip lalu keluar", capsys.readouterr().out)
