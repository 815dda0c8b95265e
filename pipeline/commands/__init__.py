"""One module per ``lkjip`` command. Register a new command by adding it to COMMANDS.

Modules are imported only when their command runs (or for ``lkjip --help``): some need
WeasyPrint, pyHanko or openpyxl, which take a second to import that ``lkjip check`` should
not pay.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from types import ModuleType

# The name on the command line -> its module here, in the order ``lkjip --help`` lists them.
COMMANDS: dict[str, str] = {
    "build": "build", "check": "check",
    "roster": "roster", "start": "start", "meeting": "meeting", "submit": "submit",
    "paraf": "paraf", "sign": "sign", "return": "return_", "verify": "verify",
    "status": "status",
    "merge": "merge", "hook": "hook", "release": "release", "deliver": "deliver",
    "verify-archive": "verify_archive", "verify-pdf": "verify_pdf",
    "diff": "diff", "review": "review",
    "init": "init", "export": "export", "import": "import_", "serve": "serve",
    "completion": "completion",
    "ci-summary": "ci_summary", "release-assets": "release_assets",
}


def load(names: Iterable[str]) -> list[ModuleType]:
    """The modules of the commands ``names``."""
    return [importlib.import_module(f"{__name__}.{COMMANDS[name]}") for name in names]
