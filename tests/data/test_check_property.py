"""Property: whatever is written in a data file, the loader and the checker only report."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from check_helpers import complete_chapter, copy_project
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.check import check_project
from pipeline.data.load import read_documents
from pipeline.data.schema import FILES
from pipeline.data.yamlfile import parse_yaml
from pipeline.errors import Problem

SETTINGS = settings(max_examples=200, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.integers(min_value=-10**30, max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.text(max_size=20),
    st.sampled_from(["tiga", "", "SS-1", "IKU-01", "2025", "...", "TODO", "2026-02-30"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.text(max_size=8) | st.sampled_from(
                                ["kode", "sasaran", "target", "realisasi", "pagu", "2025"]),
                                inner, max_size=4)),
    max_leaves=12,
)
# Text that looks like YAML: its characters are the ones YAML cares about.
yaml_text = st.text(alphabet=st.sampled_from(list("ab1-:{}[],'\"#&*!|>%@`\t \n.?")),
                    max_size=200)


@pytest.fixture(scope="module")
def project() -> Iterator[Path]:
    # The data of the repository and a small complete Bab III: the content is not what
    # varies here, and a small one keeps 600 examples fast.
    with tempfile.TemporaryDirectory() as tmp:
        root = copy_project(Path(tmp) / "proyek")
        shutil.rmtree(root / "content")
        (root / "content").mkdir()
        (root / "content/bab-3-akuntabilitas-kinerja.md").write_text(
            complete_chapter(["SS-1", "SS-2", "SS-3"]), "utf-8")
        yield root


def _only_problems(found: list[Problem]) -> None:
    assert all(isinstance(p, Problem) and p.message for p in found)


@SETTINGS
@given(text=yaml_text | st.text(max_size=200))
def test_parse_never_raises(text: str) -> None:
    doc, problems = parse_yaml(text, "data/x.yaml")
    _only_problems(problems)
    assert doc is not None or problems


@SETTINGS
@given(name=st.sampled_from(sorted(FILES)), text=yaml_text | st.text(max_size=200))
def test_any_text_in_a_data_file(project: Path, name: str, text: str) -> None:
    file = project / "data" / name
    original = file.read_bytes()
    try:
        file.write_text(text, "utf-8")
        _only_problems(check_project(project, complete=True))
    finally:
        file.write_bytes(original)


def _paths(value: Any, key: tuple = ()) -> Iterator[tuple]:
    yield key
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, key + (k,))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, key + (i,))


def _set(document: Any, key: tuple, value: Any) -> Any:
    if not key:
        return value
    document[key[0]] = _set(document[key[0]], key[1:], value)
    return document


@SETTINGS
@given(data=st.data(), name=st.sampled_from(sorted(FILES)), value=values)
def test_any_value_anywhere_in_a_valid_document(
    project: Path, data: st.DataObject, name: str, value: Any
) -> None:
    file = project / "data" / name
    original = file.read_bytes()
    document = yaml.safe_load(original)
    key = data.draw(st.sampled_from(list(_paths(document))))
    try:
        file.write_text(yaml.safe_dump(_set(document, key, value), allow_unicode=True), "utf-8")
        docs, problems = read_documents(project)
        _only_problems(problems)
        _only_problems(check_project(project, complete=True))
    finally:
        file.write_bytes(original)
