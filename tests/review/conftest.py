"""Fixtures for the review tests: the workflow tests' real repositories and real keys, holding
the project's real report (content/, data/, mkdocs.yml), with two rounds of corrections.

The workflow fixtures are reused as they are (``tests/workflow/workflow_fixtures.py``).
"""

from __future__ import annotations

import pytest
import workflow_fixtures as shared
from review_helpers import ReportOffice, two_rounds
from workflow_helpers import STAFF, init_office, roster_of

from pipeline.check import CheckResult

# pytest finds fixtures by name in a conftest: bind the shared ones here.
isolated_git, actors, office = shared.isolated_git, shared.actors, shared.office
real_check, passing_check = shared.real_check, shared.passing_check


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
        mp.setattr("pipeline.check.run_check",
                            lambda root, complete=False: CheckResult([]))
        return two_rounds(ReportOffice.setup(office))
