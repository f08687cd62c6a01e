"""A line that falls out of a note box, and a box of a kind the site does not know, are
named where they are; what the checks say agrees with the course's own Markdown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_generator
from tests.test_page_links import PAGE, add_to_page, problems
from tests.test_page_lists import CONVERTER

OUT_OF_BOX = (
    "warning: this line starts further left than the text of the box that line {opened} "
    "opens, so the site shows it below the box as a paragraph of its own; indent it 4 spaces "
    "further than line {opened} if it belongs in the box; if it belongs below the box, leave "
    "a blank line above it [page.line-out-of-box]"
)
FALLS_OUT = {
    "a tip": ('!!! tip "小贴士"\n    先倾听，\n再提议。', 2, 0),
    "collapsible": ('??? example "案例"\n    客户来电。\n主管回电。', 2, 0),
    "in-a-box": (
        '!!! note "外层"\n    外层的话。\n\n    !!! tip "内层"\n        内层的话。\n'
        "    外层的又一段。",
        5,
        3,
    ),
}
"""Each case: the text, the line (from its first) that falls out, the line opening its box."""


def warned(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What a passing ``check`` warns of in the sample page."""
    assert run_generator(root, "check") == 0
    return [line for line in capsys.readouterr().err.splitlines() if line.startswith(PAGE)]


def html(text: str) -> str:
    CONVERTER.reset()
    return CONVERTER.convert(text)


@pytest.mark.parametrize("case", FALLS_OUT, ids=list(FALLS_OUT))
def test_a_line_that_falls_out_of_a_box_is_named_not_told_to_join(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    """The line below a box's text, further left, was told that its line break showed as a
    space and to join it to the line above, which would move it into the box; the site
    shows it below the box."""
    text, line, opened = FALLS_OUT[case]
    out = text.splitlines()[line].strip()
    shown = html(text)
    box_end = re.search("</(div|details)>", shown)
    assert box_end and shown.index(f"<p>{out}</p>") > box_end.start(), "below the box"
    first = add_to_page(minimal_project, f"{text}\n")
    assert warned(minimal_project, capsys) == [
        f"{PAGE}:{first + line}:{text.splitlines()[line].index(out[0]) + 1}: "
        + OUT_OF_BOX.format(opened=first + opened)
    ]


def test_lines_in_or_below_a_box_as_meant_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        '!!! tip "小贴士"\n    先倾听，再提议。\n\n正文接着讲。\n\n'
        "- 列表项。\n\n继续说。\n\n"
        '!!! note "说明"\n\n    空一行再写也在框里。\n\n'
        '!!! tip "小贴士"\n    框里的话。\n## 下一节\n\n'
        '!!! tip "小贴士"\n    框里的话。\n- 框下的列表\n'
    )
    add_to_page(minimal_project, text)
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("line", "column", "fix"),
    [
        ('!!! tips "小贴士"', 5, 'write !!! tip "小贴士"'),
        ("??? exmaple", 5, "write ??? example"),
        (
            '!!! zzz "什么"',
            5,
            "name one of the kinds the course uses: note, tip, warning, example, question, "
            "quote, abstract, success, failure",
        ),
    ],
    ids=["plural", "misspelt", "unlike-any"],
)
def test_a_box_of_a_kind_the_site_does_not_know_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], line: str, column: int, fix: str
) -> None:
    """A kind misspelt gave a box in a note's colour, with no word from check."""
    kind = line.split()[1]
    assert re.search(f'class="(admonition )?{kind}"', html(f"{line}\n    先倾听。"))
    first = add_to_page(minimal_project, f"{line}\n    先倾听。\n")
    assert warned(minimal_project, capsys) == [
        f"{PAGE}:{first}:{column}: warning: '{kind}' is no kind of box the site knows, so it "
        f"shows a note box, in a note's colour; {fix} [page.box-kind-unknown]"
    ]


def test_every_kind_the_theme_knows_passes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_page(
        minimal_project, '!!! danger "危险"\n    先倾听。\n\n!!! faq "常见问题"\n    再提议。\n'
    )
    assert problems(minimal_project, capsys) == []
