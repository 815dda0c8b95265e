"""The ``lkjip`` command itself: help and usage errors in Bahasa Indonesia, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from pipeline import cli

LKJIP = Path(sys.executable).with_name("lkjip")
REPO = Path(__file__).resolve().parents[1]


def test_help_is_in_indonesian() -> None:
    result = subprocess.run([str(LKJIP), "build", "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stdout.startswith("cara pakai: lkjip build")
    assert "opsi:" in result.stdout and "tampilkan bantuan ini" in result.stdout
    assert "options" not in result.stdout and "usage" not in result.stdout


@pytest.mark.parametrize(("argv", "expected"), [
    (["bulid"], "pilihan tidak dikenal: 'bulid'"),
    (["check", "--nope"], "argumen tidak dikenal: --nope"),
    (["verify", "--branch", "x"], "argumen --branch: pilihan tidak dikenal: 'x'"),
    ([], "argumen berikut wajib diisi: PERINTAH"),
])
def test_usage_errors_are_one_indonesian_line_and_exit_2(
        argv: list[str], expected: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert expected in err and ": galat: " in err and "error" not in err


def test_a_reader_that_leaves_early_is_no_error() -> None:
    # `lkjip ... | head -1`: here the reader is gone before lkjip writes its first byte.
    process = subprocess.Popen([str(LKJIP), "check", "--root", str(REPO)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait() == 1
    assert err == "", err  # no traceback, no "internal error"
