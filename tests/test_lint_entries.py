"""A list entry indented a space too deep is read as more of the text of the entry above."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.lint.entries import entries_in_text_problems
from generator.yaml_source import parse_yaml
from tests.conftest import run_generator
from tests.test_schema_messages import QUIZ, edit

MESSAGE = (
    "this line, indented deeper, goes on the text above it, so YAML reads its '-' as "
    "text, not as a new entry"
)


def found(text: str) -> list[str]:
    """Each warning about ``text`` as ``line:column: message``."""
    source = parse_yaml(text, Path(QUIZ))
    return [f"{p.line}:{p.column}: {p.message}" for p in entries_in_text_problems(source)]


@pytest.mark.parametrize(
    ("text", "warned"),
    [
        (
            "items:\n  - 道歉\n   - 紧急复原\n  - 跟踪\n",
            "3:4: an entry of 'items' reads '道歉 - 紧急复原'",
        ),
        ("items:\n  - 道歉\n    - 紧急复原\n", "3:5: an entry of 'items' reads '道歉 - 紧急复原'"),
        ("items:\n  - 先\n    道歉\n    -\n", "4:5: an entry of 'items' reads '先道歉 -'"),
        ("text: 先道歉\n  - 再复原\n", "2:3: 'text' reads '先道歉 - 再复原'"),
    ],
)
def test_a_dash_on_a_line_the_text_goes_on_to_is_named(text: str, warned: str) -> None:
    assert found(text) == [f"{warned}: {MESSAGE}"]


@pytest.mark.parametrize(
    "text",
    [
        "items:\n  - 道歉\n  - 紧急复原\n",  # lined up
        "items:\n  - 道歉\n  - - 紧急复原\n",  # a list in the list
        "prompt: |\n  步骤：\n  - 道歉\n    - 紧急复原\n",  # a block keeps its lines
        'text: "先道歉\n  - 再复原"\n',  # in quotes
        "prompt: 先道歉\nitems:\n  - 跟踪\n",  # the next key ends the text
    ],
)
def test_a_dash_the_text_does_not_reach_is_left_alone(text: str) -> None:
    assert found(text) == []


def test_an_ordering_item_a_space_too_deep_is_warned_about_at_check(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check said OK, and the site showed one item, 道歉 - 紧急复原."""
    edit(minimal_project, QUIZ, "      - 紧急复原\n", "       - 紧急复原\n")
    assert run_generator(minimal_project, "check") == 0
    assert (
        f"{QUIZ}:48:8: warning: an entry of 'items' reads '道歉 - 紧急复原': {MESSAGE}; to make "
        "it an entry of a list, line its '-' up with the other entries' (or under the key the "
        "list belongs to); if the '-' is text, put the whole text in quotes "
        "[text.entry-in-text]"
    ) in capsys.readouterr().err
