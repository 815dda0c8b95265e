"""The import layers of ``pipeline/``: a package may import its own layer and those below it,
never one above. A new upward import (rendering reaching Git, the core reaching the CLI, data
reaching content) fails here, with the file and the line."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "pipeline"

# Lowest first. The CLI layer (commands, cli) may use everything; nothing may use it.
LAYERS: list[set[str]] = [
    {"__init__", "errors", "messages", "terminal", "logs", "problem_formats", "model",
     "formatting", "templating", "textfile", "cache", "error_handler", "page_policy",
     "forked"},
    {"data"},  # YAML with lines, schema, consistency: the one data gate
    {"macro"},  # the macro language: finding {{ ... }}, the registry, judging a use
    # how macros print, tables, charts, print HTML, PDF, the MkDocs plugin: no Git; and the
    # Project (configuration, pages, Report: the inputs of one command, read once)
    {"render", "project"},
    {"content"},  # what a reviewer would send back in content/*.md
    {"check", "build"},  # the check service and the build, side by side
    {"workflow"},  # the SOP in Git: roster, rounds, paraf, verification
    {"review", "publish", "exchange", "serve", "init"},
    {"commands", "cli"},
    {"__main__"},
]
LEVEL = {name: level for level, names in enumerate(LAYERS) for name in names}
# Packages that must never touch a repository, whatever their layer allows.
NO_GIT = ("model", "data", "macro", "render", "project", "content", "formatting", "templating",
          "build", "check")


def _top(path: Path) -> str:
    parts = path.relative_to(PACKAGE).with_suffix("").parts
    return parts[0]


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every import of ``path``, lazy ones inside functions included."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "pipeline":
                found += [(node.lineno, f"pipeline.{a.name}") for a in node.names]
            else:
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
    return found


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    missing = sorted({_top(p) for p in _sources()} - LEVEL.keys())
    assert not missing, f"give these a layer in LAYERS: {missing}"


def upward_imports(path: Path, here: str) -> list[str]:
    """Every import of ``path`` (in package ``here``) that reaches above its layer."""
    upward = []
    for line, module in _imports(path):
        parts = module.split(".")
        if parts[0] == "pygit2" and here in NO_GIT:
            upward.append(f"{path.name}:{line} imports pygit2 ({here} never talks to Git)")
        if parts[0] != "pipeline" or len(parts) < 2:
            continue
        target = parts[1] if parts[1] in LEVEL else "__init__"
        if LEVEL[target] > LEVEL[here]:
            upward.append(f"{path.name}:{line} imports {module} ({here} is below {target})")
    return upward


@pytest.mark.parametrize("path", _sources(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_upward_import(path: Path) -> None:
    upward = upward_imports(path, _top(path))
    assert not upward, "\n".join(upward)


def test_content_does_not_reach_the_renderer() -> None:
    """The content checks and the renderer share the macro language and the page policy from
    below; neither needs the other."""
    found = [f"{path.relative_to(PACKAGE)}:{line} imports {module}"
             for path in sorted((PACKAGE / "content").rglob("*.py"))
             for line, module in _imports(path) if module.startswith("pipeline.render")]
    assert not found, "\n".join(found)


def test_the_check_catches_an_upward_import(tmp_path: Path) -> None:
    """A test that cannot fail is a defect: an upward import in a file is found."""
    bad = tmp_path / "bad.py"
    bad.write_text("import pygit2\n\ndef f():\n    from pipeline.review import history\n")
    assert upward_imports(bad, "render") == [
        "bad.py:1 imports pygit2 (render never talks to Git)",
        "bad.py:4 imports pipeline.review (render is below review)"]
    assert upward_imports(bad, "commands") == []


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _module_graph() -> dict[str, set[str]]:
    """Module -> the pipeline modules it imports (lazy imports included; a name imported from
    a package counts as its submodule when there is one)."""
    modules = {_module_name(p) for p in _sources()}
    graph: dict[str, set[str]] = {}
    for path in _sources():
        edges = set()
        for _line, module in _imports(path):
            if not module.startswith("pipeline"):
                continue
            edges.add(module if module in modules else module.rpartition(".")[0])
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module in modules:
                edges |= {f"{node.module}.{a.name}" for a in node.names} & modules
        graph[_module_name(path)] = {m for m in edges if m in modules}
    return graph


def import_cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                cycles.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return cycles


def test_no_import_cycle() -> None:
    graph = _module_graph()
    assert "pipeline.publish.archive" in graph["pipeline.publish.delivery"]
    assert not import_cycles(graph)


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert import_cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
