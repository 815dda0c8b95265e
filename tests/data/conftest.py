"""Fixtures for the ``lkjip check`` tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from check_helpers import copy_project

from pipeline.check import check_project
from pipeline.errors import Problem


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A fresh copy of the repository's data/, content/ and mkdocs.yml."""
    return copy_project(tmp_path / "proyek")


@pytest.fixture
def before(project: Path) -> list[Problem]:
    """The problems of the untouched copy (the content is being written as we speak)."""
    return check_project(project)
