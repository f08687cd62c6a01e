"""The generator stays readable: short functions, modules of one job.

The same limits hold for the runtime's JavaScript through ESLint (eslint.config.mjs).
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import PROJECT

MAX_FUNCTION_LINES = 40
MAX_MODULE_LINES = 400
SOURCES = sorted((PROJECT / "generator").rglob("*.py"))


def test_no_function_is_longer_than_forty_lines() -> None:
    long = []
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{path.relative_to(PROJECT)}:{node.lineno}: {node.name} {length}")
    assert len(SOURCES) > 20
    assert long == []


def test_no_module_is_longer_than_four_hundred_lines() -> None:
    long = [
        f"{path.relative_to(PROJECT)}: {count}"
        for path in SOURCES
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert long == []


def test_nothing_imports_the_command_line() -> None:
    importers = [
        path.relative_to(PROJECT).as_posix()
        for path in [
            *SOURCES,
            *(PROJECT / "tests").glob("*.py"),
            *(PROJECT / "benchmarks").glob("*.py"),
        ]
        if "generator.cli" in path.read_text(encoding="utf-8")
        and path.name not in {"__main__.py", "conftest.py", Path(__file__).name}
    ]
    assert importers == []


def top_level_names(tree: ast.Module) -> list[str]:
    """The names a module binds at its top: its assignments, functions and classes."""
    names: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.append(node.name)
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets += [node.target] if isinstance(node, ast.AnnAssign) else []
        names += [target.id for target in targets if isinstance(target, ast.Name)]
    return names


def test_no_module_binds_a_top_level_name_twice() -> None:
    """A second constant of the same name, further down a test module, silently replaced
    the first for every test above it, which then failed for no reason of their own."""
    twice = []
    folders = ("generator", "tests", "benchmarks", "scripts")
    for path in sorted(path for folder in folders for path in (PROJECT / folder).rglob("*.py")):
        names = top_level_names(ast.parse(path.read_text(encoding="utf-8")))
        twice += [
            f"{path.relative_to(PROJECT)}: {name}" for name in set(names) if names.count(name) > 1
        ]
    assert twice == []
