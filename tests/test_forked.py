"""pipeline/forked.py: a function in a forked process, its answers and its failures."""

from __future__ import annotations

import os
import signal
from typing import Any

import pytest

from pipeline.forked import Forked


def _doubles(conn: Any, start: int) -> int:
    conn.send(("ok", start * 2))  # an answer before the last
    return conn.recv() * 2


def _fails(_conn: Any) -> None:
    raise ValueError("gagal di proses anak")


def _dies(_conn: Any) -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def test_answers_in_order_then_its_return_value() -> None:
    child = Forked(_doubles, 4)
    try:
        assert child.answer() == 8
        child.send(21)
        assert child.answer() == 42
    finally:
        child.stop()


def test_what_it_raises_is_raised_here_also_on_sending() -> None:
    child = Forked(_fails)
    try:
        with pytest.raises(ValueError, match="gagal di proses anak"):
            child.answer()
    finally:
        child.stop()
    child = Forked(_fails)
    try:
        with pytest.raises(ValueError, match="gagal di proses anak"):
            for _ in range(1000):  # until the pipe is seen closed
                child.send(b"x" * 65536)
    finally:
        child.stop()


def test_a_killed_process_is_an_error_with_its_exit_code() -> None:
    child = Forked(_dies)
    try:
        with pytest.raises(RuntimeError, match=f"code {-signal.SIGKILL}"):
            child.answer()
    finally:
        child.stop()
