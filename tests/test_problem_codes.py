"""AUTHORING.md's "Problem codes" names every code the generator can report, and no other.

The codes are read from the generator's source, as a trainer's ``[code]`` comes from it:
every string literal shaped like a code (``"quiz.single-two-correct"``), less the file
names and the settings' names shaped like one; and the codes built from a prefix
(``f"schema.{code}"``), with the endings the functions that build them return or are given.
A code added to the generator without a line in the index fails here, and so does a line
whose code the generator no longer has.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

from tests.conftest import PROJECT

GENERATOR = PROJECT / "generator"
AUTHORING = PROJECT / "AUTHORING.md"
INDEX_HEADING = "## Problem codes"
LITERAL = re.compile(r'"([a-z-]+\.[a-z0-9-]+)"')
FILE_NAME = re.compile(r"\.(css|html|js|json|md|pdf|txt|xml|yml|zip)$")
"""A literal that names a file (``"mkdocs.yml"``, ``"mot-core.js"``), not a problem."""
NOT_CODES = {
    "mkdocs.config",  # the logger MkDocs reports its settings' problems on
    "navigation.instant",  # theme features the offline and SCORM exports turn off or on
    "navigation.tracking",
    "pymdownx.details",  # Markdown extensions the pages need (settings.needed-extension)
    "pymdownx.superfences",
    "pymdownx.snippets",  # whose files the preview watches
}
"""Literals shaped like a code that are not one."""
ENDING = re.compile(r"[a-z]+(?:-[a-z0-9]+)*")
BUILT = re.compile(r'f"([a-z-]+\.[a-z0-9-]*)\{')
NOT_BUILT_CODES = {"theme."}  # f"theme.{key} is not set …": a message naming a setting
INDEX_ROW = re.compile(r"^\| `([^`]+)` \|", re.MULTILINE)


def tree(name: str) -> ast.Module:
    return ast.parse((GENERATOR / name).read_text(encoding="utf-8"))


def texts(node: ast.expr) -> set[str]:
    """The code endings ``node`` may be: ``"folder"``, or ``"too-few" if … else "too-many"``."""
    if isinstance(node, ast.IfExp):
        return texts(node.body) | texts(node.orelse)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return {node.value} if ENDING.fullmatch(node.value) else set()
    return set()


def returned(node: ast.AST) -> set[str]:
    """The last values of the tuples returned in ``node``: ``(message, fix, "folder")``."""
    return {
        text
        for found in ast.walk(node)
        if isinstance(found, ast.Return) and isinstance(found.value, ast.Tuple)
        for text in texts(found.value.elts[-1])
    }


def function(module: ast.Module, name: str) -> ast.FunctionDef:
    return next(
        node for node in ast.walk(module) if isinstance(node, ast.FunctionDef) and node.name == name
    )


def given(module: ast.Module, name: str, index: int) -> set[str]:
    """The values passed as argument ``index`` to the function ``name`` in ``module``."""
    return {
        text
        for call in ast.walk(module)
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == name
        for text in texts(call.args[index])
    }


BUILDERS: dict[str, Callable[[], set[str]]] = {
    # Problem(…, f"schema.{code}"): what each description of a pydantic error returns
    "schema.": lambda: {
        code
        for name in (
            "schema_problems.py",
            "schema_numbers.py",
            "schema_patterns.py",
            "schema_keys.py",
        )
        for code in returned(tree(name))
    },
    # Problem(…, f"link.{code}"): what link_problem returns, media.py's helpers' too
    "link.": lambda: returned(tree("page_links.py")) | returned(tree("media.py")),
    # Problem(…, f"review.{code}"): what broken_link (_unknown_page, _unknown_anchor) returns for a
    # question's review link
    "review.": lambda: {
        code
        for name in ("broken_link", "_unknown_page", "_unknown_anchor")
        for code in returned(function(tree("page_links.py"), name))
    },
    # repeated_texts(…, noun, at) reports f"quiz.duplicate-{noun}"
    "quiz.duplicate-": lambda: given(tree("validate.py"), "repeated_texts", 2),
}


def generator_codes() -> set[str]:
    source = "".join(path.read_text(encoding="utf-8") for path in GENERATOR.rglob("*.py"))
    literals = {code for code in LITERAL.findall(source) if not FILE_NAME.search(code)}
    built = {prefix + ending for prefix, build in BUILDERS.items() for ending in build()}
    return (literals - NOT_CODES) | built


def index_codes() -> list[str]:
    text = AUTHORING.read_text(encoding="utf-8")
    _, found, section = text.partition(f"\n{INDEX_HEADING}\n")
    assert found, f"AUTHORING.md has no section '{INDEX_HEADING}'"
    return INDEX_ROW.findall(section.split("\n## ")[0])


def test_every_code_is_built_in_a_way_read_here() -> None:
    """A new kind of built code (``f"giveaway.{rule}"``) needs a builder above."""
    source = "".join(path.read_text(encoding="utf-8") for path in GENERATOR.rglob("*.py"))
    assert set(BUILT.findall(source)) == set(BUILDERS) | NOT_BUILT_CODES
    assert all(build() for build in BUILDERS.values())


def test_the_index_names_every_code_once() -> None:
    listed = index_codes()
    codes = generator_codes()
    assert len(codes) > 150
    assert sorted(codes - set(listed)) == [], "codes with no line in AUTHORING.md's index"
    assert sorted(set(listed) - codes) == [], "lines for codes the generator does not have"
    assert len(listed) == len(set(listed)), "a code listed twice"
