"""Each broken file in tests/bad_input/ is paired with the exact messages a trainer sees.

``case.yml`` replaces the quiz and ``case.md`` the module page of the minimal course;
``exam-*.yml`` replaces the exam settings. ``case.expected`` holds the expected output
of ``python -m generator check``; ``--update-golden`` rewrites them (review the diff).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import run_generator

BAD_INPUT = Path(__file__).parent / "bad_input"
CASES = sorted(path for path in BAD_INPUT.iterdir() if path.suffix in {".yml", ".md"})
TARGETS = {".yml": "quizzes/01-sample.yml", ".md": "course/01-sample.md"}
EXAM_TARGET = "quizzes/exam.yml"
"""Cases named exam-*.yml replace the exam settings."""


@pytest.mark.parametrize("case", CASES, ids=[case.stem for case in CASES])
def test_broken_file_gets_its_exact_message(
    case: Path, minimal_project: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    target = EXAM_TARGET if case.stem.startswith("exam-") else TARGETS[case.suffix]
    shutil.copy(case, minimal_project / target)
    exit_code = run_generator(minimal_project, "check")
    output = capsys.readouterr()
    if update_golden:
        case.with_suffix(".expected").write_text(output.err, encoding="utf-8")
    expected = case.with_suffix(".expected").read_text(encoding="utf-8")
    assert exit_code == 1
    assert output.out == ""
    assert output.err == expected
    assert "Traceback" not in output.err


def test_every_case_has_an_expectation() -> None:
    expectations = {path.stem for path in BAD_INPUT.glob("*.expected")}
    assert expectations == {case.stem for case in CASES}
