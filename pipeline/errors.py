"""User errors: a problem the user can fix, reported as one clean line and an exit code.

Core code raises :class:`UserError` with a message from :mod:`pipeline.messages`; the CLI
(and every other entry point: hook, review page) turns it into text, never a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    """A place in a file, for messages of the form ``path:line: message``."""

    path: str
    line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


class UserError(Exception):
    """A failure caused by input or state the user controls (exit code 1 by default)."""

    exit_code = 1

    def __init__(self, message: str, location: Location | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        return f"{self.location}: {self.message}" if self.location else self.message


class CannotRun(UserError):
    """The command could not do its job at all (missing tool, not a repository): exit 2."""

    exit_code = 2


@dataclass(frozen=True, order=True)
class Problem:
    """One finding of a check, printed as ``path:line: message`` (line may be unknown)."""

    path: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"
