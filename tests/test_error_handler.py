"""A bug in lkjip: one line naming a log file that holds the traceback, and its own exit code."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from pipeline import cli
from pipeline.commands import check
from pipeline.error_handler import BUG_EXIT


def test_a_bug_is_one_line_a_log_file_and_its_own_exit_code(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    def broken(_args: argparse.Namespace) -> int:
        raise ZeroDivisionError("pembagian dengan nol di dalam lkjip")

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv("LKJIP_DEBUG", raising=False)
    monkeypatch.setattr(check, "run", broken)
    assert cli.main(["check"]) == BUG_EXIT  # not 1 (problems found), not 2 (cannot run)
    err = capsys.readouterr().err
    log = tmp_path / "cache" / "lkjip" / "lkjip.log"
    assert err.strip().splitlines() == [
        f"galat: Terjadi kesalahan internal pada lkjip (ZeroDivisionError). Ini bukan kesalahan "
        f"Anda; kirimkan berkas {log} kepada pengelola lkjip."]
    text = log.read_text(encoding="utf-8")
    assert "perintah: lkjip check" in text and "Traceback" in text
    assert "pembagian dengan nol di dalam lkjip" in text and "def broken" not in err


def test_a_user_error_stays_one_line_without_a_log(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    assert cli.main(["check"]) == 2  # not a project
    assert capsys.readouterr().err.startswith("galat: ")
    assert not (tmp_path / "cache").exists()
