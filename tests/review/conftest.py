"""Fixtures for the review tests: the workflow tests' real repositories and real keys, holding
the project's real report (content/, data/, mkdocs.yml), with two rounds of corrections.

The workflow fixtures are reused as they are (loaded from ``tests/workflow/conftest.py``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

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

from review_helpers import ReportOffice, two_rounds  # noqa: E402
from workflow_helpers import STAFF, init_office, roster_of  # noqa: E402


@pytest.fixture
def report_office(office: object) -> ReportOffice:
    """An office repository whose main holds the real report, cycle 2025 started."""
    return ReportOffice.setup(office)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def rounds_office(tmp_path_factory: pytest.TempPathFactory, actors: dict) -> ReportOffice:
    """Read-only for the tests that use it: round 2025/1 returned by the Kasubbag with a note,
    round 2025/2 submitted with a changed realisasi (IKU-01) and an edited paragraph (Bab I)."""
    path = tmp_path_factory.mktemp("rounds") / "lkjip"
    office = init_office(path, actors, roster_of(actors, *STAFF))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("pipeline.data.check.check_project", lambda root, complete=False: [])
        return two_rounds(ReportOffice.setup(office))
