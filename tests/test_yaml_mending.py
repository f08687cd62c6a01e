"""A file with several slips reports each of them in one run, and no slip it does not have.

YAML stops at its first error. Past a slip whose fix is certain the reader fixes it in a
copy and reads on (generator/yaml_mending.py): a trainer who typed ``prompt：`` with a
Chinese input method on every question learnt of one line per run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import yaml_source
from generator.errors import PROBLEMS_PER_FILE
from generator.yaml_mending import MENDS, mended
from generator.yaml_source import MAX_SLIPS, YamlSyntaxError, parse_yaml
from tests.conftest import PROJECT

SLIPS = {
    "full-width colon": ("prompt：一位客户", "prompt: 一位客户", "yaml.full-width-colon"),
    "no colon": ("prompt 一位客户", "prompt: 一位客户", "yaml.missing-colon"),
    "no space": ("prompt:一位客户", "prompt: 一位客户", "yaml.space-after-colon"),
    "full-width space": ("prompt:\u3000一位客户", "prompt: 一位客户", "yaml.space-after-colon"),
    "needs quotes": ("prompt: [注意] 一位客户", 'prompt: "[注意] 一位客户"', "yaml.needs-quotes"),
    "backslash": ('prompt: "D:\\资料"', 'prompt: "D:\\\\资料"', "yaml.bad-escape"),
    "full-width hash": ("＃ 注：一位客户", "# 注：一位客户", "yaml.full-width-comment"),
}
"""A slip on a question's line, the line as its fix writes it, and the problem's code."""


def quiz(*prompt_lines: str) -> str:
    """A quiz with one question for each of ``prompt_lines``, on lines 3, 6, 9 …"""
    return "questions:\n" + "".join(
        f"  - id: q{number}\n    {line}\n    explanation: 好\n"
        for number, line in enumerate(prompt_lines)
    )


def slips_of(text: str) -> list[tuple[int, str]]:
    """The line and code of each problem reading ``text`` reports."""
    with pytest.raises(YamlSyntaxError) as raised:
        parse_yaml(text, Path("quiz.yml"))
    return [(problem.line, problem.code) for problem in raised.value.problems]


def test_every_slip_with_a_certain_fix_is_tried() -> None:
    assert {code for _, _, code in SLIPS.values()} == set(MENDS)


@pytest.mark.parametrize(("slip", "fixed", "code"), SLIPS.values(), ids=SLIPS)
def test_a_slip_is_fixed_as_its_message_says(slip: str, fixed: str, code: str) -> None:
    with pytest.raises(YamlSyntaxError) as raised:
        parse_yaml(quiz(slip), Path("quiz.yml"))
    [problem] = raised.value.problems
    assert (problem.line, problem.code) == (3, code)
    assert problem.fix.endswith(fixed) or f"{fixed};" in problem.fix
    lines = quiz(slip).split("\n")
    hint = (problem.line, problem.column, problem.message, problem.fix, problem.code)
    assert mended(lines, hint) == quiz(fixed).split("\n")
    parse_yaml(quiz(fixed), Path("quiz.yml"))


def test_every_slip_of_a_file_is_reported_in_one_run() -> None:
    lines = [slip for slip, _, _ in SLIPS.values()]
    expected = [(3 + 3 * place, code) for place, (_, _, code) in enumerate(SLIPS.values())]
    assert slips_of(quiz(*lines)) == expected


def test_a_slip_whose_fix_is_a_guess_ends_the_reading() -> None:
    """Where an unclosed quote should close is a guess: a wrong one would report slips
    the trainer never made. The full-width colon below it waits for the next run."""
    text = quiz("prompt：一位客户", "prompt: '一位客户", "prompt：一位客户")
    assert slips_of(text) == [(3, "yaml.full-width-colon"), (6, "yaml.unclosed-quote")]


@pytest.mark.parametrize("path", sorted((PROJECT / "quizzes").glob("0*.yml")), ids=str)
def test_a_real_quiz_typed_with_full_width_colons_reports_each(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    slipped = [n for n, line in enumerate(lines, 1) if line.startswith("    prompt: ")]
    for number in slipped:
        lines[number - 1] = lines[number - 1].replace("prompt: ", "prompt：", 1)
    found = slips_of("\n".join(lines))
    assert found == [(n, "yaml.full-width-colon") for n in slipped][:MAX_SLIPS]


def test_reading_stops_after_the_most_slips_and_says_so() -> None:
    """The preview and ``check`` listed 50 slips and said ``FAILED: 50 problems``, as if that
    were all: ten more waited below. One line says where reading stopped, and it is among
    the lines a file shows."""
    text = quiz(*["prompt：一位客户"] * (MAX_SLIPS + 10))
    found = slips_of(text)
    assert found[:-1] == [(3 + 3 * place, "yaml.full-width-colon") for place in range(MAX_SLIPS)]
    assert found[-1] == (3 * MAX_SLIPS, "yaml.read-no-further")
    assert len(found) <= PROBLEMS_PER_FILE


def test_a_large_file_is_read_again_only_within_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each reading after a slip costs the whole text again (about 4 s for a megabyte): with
    a budget of two texts and a half, the text is read again twice after the first time."""
    text = quiz(*["prompt：一位客户"] * 10)
    monkeypatch.setattr(yaml_source, "REREAD_BUDGET", 2.5 * len(text))
    assert slips_of(text) == [
        (3, "yaml.full-width-colon"),
        (6, "yaml.full-width-colon"),
        (9, "yaml.full-width-colon"),
        (9, "yaml.read-no-further"),
    ]


STOPPED = "quiz.yml:{line}:1: the file was read no further than this line, after {why}"
"""The line that says reading stopped, on the line of the last slip listed."""


@pytest.mark.parametrize(
    ("budget", "line", "told"),
    [
        (0.5, 3, "1 slip: past each one the whole file is read again, and this file is too "
         "long to be read again for more of them in one run, so more may follow below it; "
         "fix that slip, then check again"),
        (2.5, 9, "3 slips: past each one the whole file is read again, and this file is too "
         "long to be read again for more of them in one run, so more may follow below it; "
         "fix those 3 slips, then check again"),
        (None, 3 * MAX_SLIPS, f"{MAX_SLIPS} slips (the most read past in one run), so more "
         "may follow below it; fix the slips above, then check again"),
    ],
    ids=["one-read-again", "three-read-again", "most-slips"],
)  # fmt: skip
def test_where_reading_stopped_says_why_and_how_many_slips_it_lists(
    monkeypatch: pytest.MonkeyPatch, budget: float | None, line: int, told: str
) -> None:
    """Stopped by what it may read again, it said "after 49 slips (the most read past in one
    run)" below the 21 it listed: 4,000 lines typed with full-width colons at a quiz's end."""
    text = quiz(*["prompt：一位客户"] * (MAX_SLIPS + 10))
    if budget is not None:
        monkeypatch.setattr(yaml_source, "REREAD_BUDGET", budget * len(text))
    with pytest.raises(YamlSyntaxError) as raised:
        parse_yaml(text, Path("quiz.yml"))
    *slips, stopped = raised.value.problems
    assert len(slips) == int(told.split()[0])
    assert str(stopped) == STOPPED.format(line=line, why=told) + " [yaml.read-no-further]"


@pytest.mark.parametrize(
    ("slip", "meant"),
    [
        (
            'prompt: "The customer said "refund", now what?"',
            'The customer said "refund", now what?',
        ),
        ("prompt: 'Say 'sorry' first'", "Say 'sorry' first"),
    ],
)
def test_a_text_in_quotes_that_holds_them_too_is_requoted_without_its_own(
    slip: str, meant: str
) -> None:
    """Quoting the whole line, the old fix, showed learners the quotes the trainer wrote to
    mark the text; the fix keeps them as another way, named second."""
    with pytest.raises(YamlSyntaxError) as raised:
        parse_yaml(quiz(slip), Path("quiz.yml"))
    [problem] = raised.value.problems
    assert problem.code == "yaml.needs-quotes"
    first_fix = problem.fix.split("; ")[0]
    fixed_line = first_fix.split("may stand inside: ")[1]
    hint = (problem.line, problem.column, problem.message, problem.fix, problem.code)
    assert mended(quiz(slip).split("\n"), hint) == quiz(fixed_line).split("\n")
    assert parse_yaml(quiz(fixed_line), Path("quiz.yml")).tree["questions"][0]["prompt"] == meant
    shown = problem.fix.split("first and last quotes as well: ")[1]
    assert parse_yaml(quiz(shown), Path("quiz.yml")).tree["questions"][0]["prompt"] == slip[8:]


@pytest.mark.parametrize(
    "slip", ['prompt: "客户说"我要退货"，怎么办？"', "prompt: '客户说'我要退货'，怎么办？'"]
)
def test_chinese_text_in_quotes_that_holds_them_too_is_told_to_write_them_curly(
    slip: str,
) -> None:
    """Put in the other quotes, as a text in English is told, the straight quotes inside
    a Chinese text were warned about next (text.straight-quote), which make test refuses."""
    with pytest.raises(YamlSyntaxError) as raised:
        parse_yaml(quiz(slip), Path("quiz.yml"))
    [problem] = raised.value.problems
    assert problem.code == "yaml.needs-quotes"
    fixed_line = problem.fix.split("as Chinese text does: ")[1]
    assert fixed_line == f"prompt: {slip[8]}客户说“我要退货”，怎么办？{slip[8]}"
    tree = parse_yaml(quiz(fixed_line), Path("quiz.yml")).tree
    assert tree["questions"][0]["prompt"] == "客户说“我要退货”，怎么办？"
