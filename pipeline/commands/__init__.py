"""One module per ``lkjip`` command. Register a new command by adding it to COMMANDS."""

from __future__ import annotations

from types import ModuleType

from pipeline.commands import (
    build,
    check,
    completion,
    diff,
    export,
    hook,
    import_,
    init,
    merge,
    paraf,
    release,
    return_,
    review,
    roster,
    serve,
    sign,
    start,
    status,
    submit,
    verify,
    verify_archive,
)

COMMANDS: list[ModuleType] = [build, check]
COMMANDS += [roster, start, submit, paraf, sign, return_, verify, status]
COMMANDS += [merge, hook, release, verify_archive]
COMMANDS += [diff, review]
COMMANDS += [init, export, import_, serve, completion]
