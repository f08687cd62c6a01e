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
