"""One module per ``lkjip`` command. Register a new command by adding it to COMMANDS."""

from __future__ import annotations

from types import ModuleType

from pipeline.commands import (
    build,
    check,
    ci_summary,
    completion,
    deliver,
    diff,
    export,
    hook,
    import_,
    init,
    meeting,
    merge,
    paraf,
    release,
    release_assets,
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
    verify_pdf,
)

COMMANDS: list[ModuleType] = [build, check]
COMMANDS += [roster, start, meeting, submit, paraf, sign, return_, verify, status]
COMMANDS += [merge, hook, release, deliver, verify_archive, verify_pdf]
COMMANDS += [diff, review]
COMMANDS += [init, export, import_, serve, completion]
COMMANDS += [ci_summary, release_assets]
