"""A key given a text on its line and, below it, what it holds is named at that line.

``options: 四选一`` above the options was reported a line below, with YAML's advice to
quote that line; quoting it, as told, gave seven messages for one place, each quoting the
text once more (generator/yaml_text_and_block.py, generator/yaml_source.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import yaml_hints
from generator.yaml_source import YamlSyntaxError, parse_yaml
from tests.conftest import PROJECT

QUIZ = PROJECT / "quizzes/02-principles.yml"


def real_quiz_with(line: str, replacement: str) -> tuple[list[str], int]:
    """The real quiz's lines with the first line reading ``line`` (stripped) replaced, and
    that line's number."""
    lines = QUIZ.read_text(encoding="utf-8").split("\n")
    number = next(n for n, text in enumerate(lines, 1) if text.strip() == line)
    lines[number - 1] = lines[number - 1].replace(line, replacement)
    return lines, number


def problems_of(lines: list[str]) -> list[tuple[int, str, str]]:
    with pytest.raises(YamlSyntaxError) as raised:
        parse_yaml("\n".join(lines), QUIZ)
    return [(problem.line, problem.code, problem.fix) for problem in raised.value.problems]


@pytest.mark.parametrize(
    ("line", "what"),
    [("options:", "a list"), ("feedback:", "keys"), ("questions:", "a list")],
)
def test_a_text_beside_what_a_key_holds_is_named_at_the_keys_line(line: str, what: str) -> None:
    lines, number = real_quiz_with(line, f"{line} 见下")
    with pytest.raises(YamlSyntaxError) as raised:
        parse_yaml("\n".join(lines), QUIZ)
    [problem] = raised.value.problems
    assert (problem.line, problem.code) == (number, "yaml.text-and-block")
    assert problem.column == lines[number - 1].index("见下") + 1
    assert f"'{line}' has a text on its line (见下) and {what} below it" in problem.message
    assert f"so that the line reads '{line}'" in problem.fix
    assert f"{line}  # 见下" in problem.fix
    lines[number - 1] = lines[number - 1].replace(" 见下", "")
    parse_yaml("\n".join(lines), QUIZ)
    lines[number - 1] = lines[number - 1].replace(line, f"{line}  # 见下")
    parse_yaml("\n".join(lines), QUIZ)


def test_quoting_the_line_below_as_yaml_would_have_it_changes_nothing() -> None:
    """The trainer quoted the option's text, as the old message said: the message is the
    same, once."""
    lines, number = real_quiz_with("options:", "options: 四选一")
    below = lines[number]
    text = below.split("text: ", 1)[1]
    lines[number] = below.replace(text, f'"{text}"')
    assert [line for line, _, _ in problems_of(lines)] == [number]


@pytest.mark.parametrize(
    "text",
    [
        # a key beside the option's feedback, slipped further in: lined up, not deleted
        "options:\n  - text: 甲\n    feedback: 好\n      correct: true\n",
        # an ordering item, a text alone, with a key under it
        "items:\n  - 移情\n    correct: true\n",
    ],
)
def test_a_key_that_may_stand_beside_gets_another_hint(text: str) -> None:
    with pytest.raises(YamlSyntaxError) as raised:
        parse_yaml(text, Path("quiz.yml"))
    assert "yaml.text-and-block" not in {problem.code for problem in raised.value.problems}


def test_a_fix_that_does_not_take_is_made_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a hint for the slip above, YAML's own is to quote the line below, which
    starts with a quote: quoting it again and again, each time read anew, told the same
    place seven times."""
    monkeypatch.setattr(yaml_hints, "text_above_block", lambda *_: None)
    lines, number = real_quiz_with("options:", "options: 四选一")
    below = lines[number]
    text = below.split("text: ", 1)[1]
    lines[number] = below.replace(text, f'"{text}"')
    assert [(line, code) for line, code, _ in problems_of(lines)] == [
        (number + 1, "yaml.needs-quotes")
    ]
