"""One module per ``lkjip`` command. Register a new command by adding it to COMMANDS."""

from __future__ import annotations

from types import ModuleType

from pipeline.commands import build

COMMANDS: list[ModuleType] = [build]
