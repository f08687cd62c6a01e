"""The README's console examples are the real course's output, not copies that go stale.

Each block in README.md that follows ``<!-- example: ARGUMENTS -->`` shows
``$ python -m generator ARGUMENTS`` and what it prints. The test runs the command on a copy
of the real course and compares; ``pytest --update-golden`` rewrites the block.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import PROJECT, copy_project, run_generator

README = PROJECT / "README.md"
EXAMPLE = re.compile(
    r"<!-- example: (?P<arguments>[^>]+?) -->\n```console\n(?P<shown>.*?)```\n", re.DOTALL
)


def examples() -> list[str]:
    return [match["arguments"] for match in EXAMPLE.finditer(README.read_text(encoding="utf-8"))]


def shown_output(arguments: str) -> str:
    for match in EXAMPLE.finditer(README.read_text(encoding="utf-8")):
        if match["arguments"] == arguments:
            return match["shown"]
    raise AssertionError(f"README.md has no example of {arguments!r}")


def rewrite(arguments: str, output: str) -> None:
    text = README.read_text(encoding="utf-8")
    block = f"<!-- example: {arguments} -->\n```console\n{output}```\n"
    marker = re.compile(rf"<!-- example: {re.escape(arguments)} -->\n```console\n.*?```\n", re.S)
    README.write_text(marker.sub(lambda _: block, text, count=1), encoding="utf-8")


def test_the_readme_has_its_examples() -> None:
    assert {"check", "export offline", "export gift"} <= set(examples())


@pytest.mark.parametrize("arguments", examples())
def test_a_readme_example_is_the_real_output(
    arguments: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], update_golden: bool
) -> None:
    root = copy_project(tmp_path / "course")
    assert run_generator(root, *shlex.split(arguments)) == 0
    printed = capsys.readouterr()
    output = f"$ python -m generator {arguments}\n{printed.out}{printed.err}"
    if update_golden:
        rewrite(arguments, output)
    assert shown_output(arguments) == output, "README example is stale: --update-golden"
