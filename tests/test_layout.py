"""The shape of the code: no import circles, data flowing one way, small modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parent.parent / "src"
PACKAGE = SOURCE / "backplan"

# Each room may import from the rooms listed for it, and from the top-level modules
# (paths, files, errors, config, when, defaults) that every room shares.
ROOMS = ("catalogue", "training", "documents", "store", "render", "cli")
ALLOWED = {
    "catalogue": set(),
    "training": {"catalogue"},
    # The JSON documents: what --json prints and the export writes, in one home that
    # the store and the screen both read.
    "documents": {"catalogue", "training"},
    "store": {"catalogue", "training", "documents"},
    "render": {"catalogue", "training", "documents"},
    "cli": {"catalogue", "training", "documents", "store", "render"},
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SOURCE).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _imports(name: str) -> set[str]:
    """The backplan modules a module imports, at the top or inside a function."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name in MODULES)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                whole = f"{node.module}.{alias.name}"
                found.add(whole if whole in MODULES else node.module)
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name) for name in MODULES}


def _room(name: str) -> str | None:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ROOMS else None


def test_no_import_circles() -> None:
    # A package's __init__ re-exporting its own modules is not a circle.
    def edges(name: str) -> set[str]:
        return {m for m in GRAPH[name] if not name.startswith(m + ".")}

    state: dict[str, int] = {}
    path: list[str] = []

    def visit(name: str) -> None:
        state[name] = 1
        path.append(name)
        for target in sorted(edges(name)):
            if state.get(target) == 1:
                circle = [*path[path.index(target) :], target]
                pytest.fail("import circle: " + " -> ".join(circle))
            if target not in state:
                visit(target)
        path.pop()
        state[name] = 2

    for name in sorted(MODULES):
        if name not in state:
            visit(name)


@pytest.mark.parametrize("name", sorted(n for n in MODULES if _room(n)))
def test_data_flows_one_way(name: str) -> None:
    room = _room(name)
    assert room is not None
    for target in GRAPH[name]:
        other = _room(target)
        if other is None or other == room:
            continue
        allowed = ALLOWED[room]
        short = target.removeprefix("backplan.")
        assert other in allowed or short in allowed, f"{name} reaches {target}"


@pytest.mark.parametrize("name", sorted(MODULES))
def test_modules_are_small_and_say_what_they_hold(name: str) -> None:
    text = MODULES[name].read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 400, f"{name} has {len(text.splitlines())} lines"
    docstring = ast.get_docstring(ast.parse(text))
    assert docstring, f"{name} does not open with a line saying what it holds"
