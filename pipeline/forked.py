"""A function run in a forked process, answering through a pipe: the second core.

The forked process shares everything this one has read or laid out (copy-on-write), so
nothing is read twice and nothing large is sent; only small values and the answers go through
the pipe. What the function raises is raised again in the process that waits for it.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any


class Forked:
    """``function(conn, *args)`` in a forked process; its return value is its last answer.

    The function may talk through ``conn`` before it returns (``conn.recv()`` what
    :meth:`send` sends, ``conn.send(("ok", value))`` an answer of its own).
    """

    def __init__(self, function: Callable[..., Any], *args: Any) -> None:
        context = multiprocessing.get_context("fork")
        self._conn, child_end = context.Pipe()
        self._process = context.Process(target=_answering, args=(child_end, function, args))
        self._process.start()
        child_end.close()

    def send(self, value: Any) -> None:
        try:
            self._conn.send(value)
        except OSError:  # it has ended: what it raised is waiting to be read
            self.answer()
            raise

    def answer(self) -> Any:
        """Its next answer; what it raised is raised here."""
        try:
            kind, value = self._conn.recv()
        except EOFError:  # killed (memory, a signal) before it could answer
            self._process.join()
            raise RuntimeError(
                f"forked process ended with code {self._process.exitcode}") from None
        if kind == "error":
            raise value
        return value

    def stop(self) -> None:
        """Kill it if it still runs (whoever waited for it failed first), and wait."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._conn.close()


def _answering(conn: Any, function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    try:
        conn.send(("ok", function(conn, *args)))
    except BaseException as exc:  # handed to the waiting process, which raises it
        try:
            conn.send(("error", exc))
        except OSError:  # nobody waits any more
            pass
        except Exception:  # an exception that cannot be pickled: its words, at least
            conn.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))
    finally:
        conn.close()
