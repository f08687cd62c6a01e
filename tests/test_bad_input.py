"""Each broken input in tests/bad_input/ is paired with the exact messages a trainer sees.

``case.yml`` replaces the quiz and ``case.md`` the module page of the minimal course;
``exam-*.yml`` replaces the exam settings. A folder ``case/`` holds files copied onto the
minimal course at the same paths, and may hold ``setup.yml`` for what files cannot say:

- ``remove``: paths (globs) to delete first;
- ``fifo``: paths where a named pipe is made;
- ``link``: path -> where a symbolic link made at that path points;
- ``large``: path -> megabytes of comment lines appended to that file;
- ``command``: what to run instead of ``check`` (``build``).

``case.expected`` holds the expected output of ``python -m generator check`` (or the
command); ``--update-golden`` rewrites them (review the diff).
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import run_generator

BAD_INPUT = Path(__file__).parent / "bad_input"
CASES = sorted(
    path for path in BAD_INPUT.iterdir() if path.suffix in {".yml", ".md"} or path.is_dir()
)
TARGETS = {".yml": "quizzes/01-sample.yml", ".md": "course/01-sample.md"}
EXAM_TARGET = "quizzes/exam.yml"
"""Cases named exam-*.yml replace the exam settings."""
SETUP = "setup.yml"
UNICODE_VERSION = ("Unicode {unidata_version}", f"Unicode {unicodedata.unidata_version}")
"""How the .expected files name this Python's Unicode, which messages name (3.11 has 14.0.0,
3.12 15.0.0, 3.13 15.1.0)."""


def prepare(case: Path, project: Path) -> str:
    """Break the course at ``project`` as ``case`` says; return the command to run."""
    if not case.is_dir():
        target = EXAM_TARGET if case.stem.startswith("exam-") else TARGETS[case.suffix]
        shutil.copy(case, project / target)
        return "check"
    setup: dict[str, Any] = {}
    if (case / SETUP).exists():
        setup = YAML(typ="safe").load(case / SETUP)
    for pattern in setup.get("remove", []):
        for path in project.glob(pattern):
            path.unlink()
    for source in sorted(case.rglob("*")):
        if source.is_file() and source.name != SETUP:
            copy = project / source.relative_to(case)
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, copy)
    for path in setup.get("fifo", []):
        os.mkfifo(project / path)
    for path, target in setup.get("link", {}).items():
        (project / path).symlink_to(target)
    for path, megabytes in setup.get("large", {}).items():
        line = f"# {'填充' * 40}\n"
        with (project / path).open("a", encoding="utf-8") as handle:
            handle.write(line * (megabytes * 1024 * 1024 // len(line.encode()) + 1))
    return str(setup.get("command", "check"))


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_broken_input_gets_its_exact_message(
    case: Path, minimal_project: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    command = prepare(case, minimal_project)
    exit_code = run_generator(minimal_project, command)
    output = capsys.readouterr()
    if update_golden:
        written = output.err.replace(UNICODE_VERSION[1], UNICODE_VERSION[0])
        case.with_suffix(".expected").write_text(written, encoding="utf-8")
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")
    expected = expected.replace(*UNICODE_VERSION)
    assert exit_code == 1
    assert output.out == ""
    assert output.err == expected
    assert "Traceback" not in output.err


def test_every_case_has_an_expectation() -> None:
    expectations = {path.stem for path in BAD_INPUT.glob("*.expected")}
    assert expectations == {case.stem for case in CASES}
