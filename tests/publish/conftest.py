"""Fixtures for the publish tests: the workflow tests' real repositories and real keys.

The workflow fixtures are reused as they are (loaded from ``tests/workflow/conftest.py``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_WORKFLOW = Path(__file__).resolve().parent.parent / "workflow"
if str(_WORKFLOW) not in sys.path:
    sys.path.insert(0, str(_WORKFLOW))

_spec = importlib.util.spec_from_file_location("workflow_conftest", _WORKFLOW / "conftest.py")
assert _spec is not None and _spec.loader is not None
_workflow_conftest = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_workflow_conftest)

isolated_git = _workflow_conftest.isolated_git
actors = _workflow_conftest.actors
office = _workflow_conftest.office
real_check = _workflow_conftest.real_check
passing_check = _workflow_conftest.passing_check
