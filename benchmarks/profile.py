"""Where ``generator check`` and ``generator build`` spend their time, stage by stage.

``python -m benchmarks.profile [--modules 300]`` writes a synthetic course of that size,
runs each command once under ``python -m cProfile`` (a whole process, imports included),
keeps the profiles in ``build/profile/`` (open them with ``python -m pstats``) and prints
a table: for each stage, the seconds spent in it (cumulative, so a stage includes the
stages nested under it) and its share of the profiled time. A row whose functions no
longer exist says so: rename the pattern in STAGES when the code it names changes.
cProfile slows pure-Python code more than C, so read the shares rather than the seconds.
"""

from __future__ import annotations

import argparse
import fnmatch
import marshal
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.commands import PYTHON, Command, run
from benchmarks.courses import PROJECT, synthesise
from benchmarks.stats import say
from benchmarks.tables import table

Function = tuple[str, int, str]
"""cProfile's key for a function: file, first line, name."""
Profile = dict[Function, tuple[int, int, float, float, dict[Function, tuple[Any, ...]]]]
"""cProfile's data: calls, primitive calls, own time, cumulative time, callers' edges."""


@dataclass(frozen=True)
class Stage:
    """Time entering the functions matching ``functions`` from outside them.

    ``callers`` restricts that to calls from code matching it (e.g. the generator's own
    use of Jinja, not MkDocs's). Patterns are ``fnmatch`` patterns on ``file:function``.
    Name entry points rather than a whole library that calls back into itself through
    other code (a parser's handlers), whose nested calls would be counted twice.
    """

    name: str
    functions: tuple[str, ...]
    callers: str = "*"
    depth: int = 0
    """How far the stage is nested in the one above it in the table."""


ANCHORS = "*/generator/course_scan.py"
"""Scans every page's Markdown for its headings' anchors (and the files it uses): started
while the course loads (so counted in that stage too), collected after."""
SEARCH = "*/material/plugins/search/plugin.py"
"""Material's search plugin; its hooks, not its parser's callbacks, mark the stage."""
STAGES = (
    Stage("Python start-up: imports", ("<frozen importlib._bootstrap>:_find_and_load",)),
    Stage("loading (pages, quizzes)", ("*/generator/load.py:load_course",)),
    Stage("YAML parsing (ruamel.yaml)", ("*/generator/yaml_source.py:parse_yaml",), depth=1),
    Stage("schema validation (pydantic)", ("*/generator/yaml_source.py:validate_model",), depth=1),
    Stage("anchor collection", (f"{ANCHORS}:start", f"{ANCHORS}:scan")),
    Stage("Markdown to HTML", ("*/markdown/core.py:convert",), "*/generator/*", depth=1),
    Stage("course checks", ("*/generator/validate.py:validate_course",)),
    Stage("giveaway lint", ("*/generator/lint/__init__.py:lint_course",)),
    Stage("rendering the docs folder", ("*/generator/build.py:docs_contents",)),
    Stage("hashing (answer digests)", ("*/generator/digests.py:*",), depth=1),
    Stage("Jinja rendering", ("*/jinja2/*", "*.j2:*"), "*/generator/*.py:*", depth=1),
    Stage("writing the docs folder", ("*/generator/write.py:sync_docs",)),
    Stage("MkDocs build", ("*/generator/mkdocs_run.py:run_mkdocs",)),
    Stage("reading mkdocs.yml and plugins", ("*/mkdocs/config/base.py:load_config",), depth=1),
    Stage("Markdown to HTML", ("*/markdown/core.py:convert",), "*/mkdocs/*", depth=1),
    Stage("theme templates (Jinja)", ("*/jinja2/*", "*/templates/*:*"), "*/mkdocs/*", depth=1),
    Stage("search index", (f"{SEARCH}:on_page_context", f"{SEARCH}:on_post_build"), depth=1),
    Stage("Chinese word splitting (jieba)", ("*/jieba/*",), depth=2),
    Stage("jieba dictionary loading", ("*/jieba/__init__.py:initialize",), depth=3),
    Stage("copying static files", ("*/mkdocs/structure/files.py:copy_file",), depth=1),
    Stage("publishing site/ (swap)", ("*/generator/publish.py:publish_site",)),
)


def load(path: Path) -> Profile:
    """The data of a profile written by ``python -m cProfile -o``."""
    data: Profile = marshal.loads(path.read_bytes())
    return data


def matches(function: Function, patterns: tuple[str, ...]) -> bool:
    text = f"{function[0]}:{function[2]}"
    return any(fnmatch.fnmatchcase(text, pattern) for pattern in patterns)


def stage_seconds(profile: Profile, stage: Stage) -> float | None:
    """Cumulative seconds of calls into the stage from outside it; None: no such function."""
    inside = [
        function
        for function in profile
        if function[2] != "<module>" and matches(function, stage.functions)
    ]  # a module's top-level code runs when it is imported: that is import time
    if not inside:
        return None
    if len(inside) == 1 and stage.callers == "*":
        return profile[inside[0]][3]  # cProfile's own cumulative time copes with recursion
    members = set(inside)
    return sum(
        float(edge[3])
        for function in inside
        for caller, edge in profile[function][4].items()
        if caller not in members and matches(caller, (stage.callers,))
    )


def total_seconds(profile: Profile) -> float:
    return sum(entry[2] for entry in profile.values())


def stage_table(profiles: dict[str, Profile]) -> str:
    rows = []
    for stage in STAGES:
        cells = []
        for profile in profiles.values():
            found = stage_seconds(profile, stage)
            share = f"{found:.2f} s, {found / total_seconds(profile):.0%}" if found else "—"
            cells.append(share)
        rows.append(("\u2003" * stage.depth + stage.name, *cells))
    totals = [f"{total_seconds(profile):.2f} s" for profile in profiles.values()]
    rows.append(("**profiled in all**", *totals))
    return table(("stage", *profiles), rows)


def top_functions(profile: Profile, count: int = 12) -> str:
    ranked = sorted(profile.items(), key=lambda item: item[1][2], reverse=True)[:count]
    total = total_seconds(profile)
    rows = [
        (
            f"`{Path(key[0]).name}:{key[1]}({key[2]})`",
            f"{entry[2]:.2f} s",
            f"{entry[2] / total:.0%}",
        )
        for key, entry in ranked
    ]
    return table(("function", "own time", "share"), rows)


def profile_command(root: Path, command: str, output: Path) -> Profile:
    argv = (PYTHON, "-m", "cProfile", "-o", str(output), "-m", "generator", "--root", str(root))
    say(f"Profiling generator {command} ({output})")
    run(Command(f"profile {command}", (*argv, command), root))
    return load(output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.profile", description=__doc__)
    parser.add_argument("--modules", type=int, default=300, help="course size (default 300)")
    parser.add_argument("--output", type=Path, default=PROJECT / "build/profile")
    arguments = parser.parse_args(argv)
    arguments.output.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="mot-profile-") as scratch:
        say(f"Writing the {arguments.modules}-module course")
        root = synthesise(Path(scratch) / "course", arguments.modules)
        profiles = {
            f"`{command}`": profile_command(root, command, arguments.output / f"{command}.prof")
            for command in ("check", "build")
        }
    print(f"**Where the time goes at {arguments.modules} modules** (cProfile)\n")
    print(stage_table(profiles))
    for name, profile in profiles.items():
        print(f"\n**{name}: functions by own time**\n\n{top_functions(profile)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
