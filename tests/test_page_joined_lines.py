"""Lines the site runs on into the line above, where the trainer meant them apart: a
dialogue's turns one a line, with no blank line between ([page.turns-joined]), and a
paragraph right under a list's last item ([page.paragraph-in-list]). ``check`` names the
line, says to leave a blank line above it, and does not tell it to join the line above
([page.line-break-in-chinese]); what the site shows as meant passes."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from generator.load import load_course
from generator.page_box_lines import lines_out_of_boxes
from generator.page_checks import chinese_line_breaks
from generator.page_text import searchable_lines
from generator.project import Project
from tests.conftest import FIXTURES
from tests.test_page_boxes import html, warned
from tests.test_page_links import PAGE, add_to_page, problems

TURNS_RUN_ON = (
    "this line starts with '{turn}' as the line above it starts with '{above}', with no "
    "blank line between, so the site runs the two on as one paragraph; {fix}, so that it "
    "starts a paragraph (a turn) of its own [page.turns-joined]"
)
BLANK_LINE = "leave a blank line above it"
IN_LIST = (
    "warning: this line is right under the list item of line {item}, at the list's left "
    "edge, with no blank line between, so the site shows it as more of that item's text, in "
    "the bullet, not as a paragraph after the list; leave a blank line above it to start a "
    "paragraph after the list; if it is more of the item's text, join it to the end of the "
    "line above [page.paragraph-in-list]"
)
DIALOGUE = (
    '!!! failure "处理得不好"\n'
    "    **客户：**姑娘，给我换个最便宜的套餐！\n"
    "    **营业员：**好的阿姨，最便宜的是十八元档。\n"
    "    **客户：**十八块好，就要它。\n\n"
    "> 客户：你们的系统怎么老出问题！\n"
    "> 营业员：又碰上系统故障，确实让人窝火。\n"
)
DIALOGUE_APART = (
    '!!! failure "处理得不好"\n'
    "    **客户：**姑娘，给我换个最便宜的套餐！\n\n"
    "    **营业员：**好的阿姨，最便宜的是十八元档。\n    \n"
    "    **客户：**十八块好，就要它。\n\n"
    "> 客户：你们的系统怎么老出问题！\n>\n"
    "> 营业员：又碰上系统故障，确实让人窝火。\n"
)
""":data:`DIALOGUE` as the messages say to write it."""


def paragraphs(text: str) -> list[str]:
    """The text of each paragraph of ``text`` as the course's Markdown renders it, its
    tags left out."""
    return [re.sub("<[^>]+>", "", found) for found in re.findall("<p>(.*?)</p>", html(text), re.S)]


def test_turns_one_a_line_are_told_at_each_turn_after_the_first(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """All four turns ran on as one paragraph, in the box and in the quote, and check said
    OK."""
    assert "客户：姑娘，给我换个最便宜的套餐！\n营业员：" in paragraphs(DIALOGUE)[0]
    first = add_to_page(minimal_project, DIALOGUE)
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first + 2}:5: "
        + TURNS_RUN_ON.format(turn="**营业员：**", above="**客户：**", fix=BLANK_LINE),
        f"{PAGE}:{first + 3}:5: "
        + TURNS_RUN_ON.format(turn="**客户：**", above="**营业员：**", fix=BLANK_LINE),
        f"{PAGE}:{first + 6}:3: "
        + TURNS_RUN_ON.format(
            turn="营业员：", above="客户：", fix="put a line holding only '>' above it"
        ),
    ]


def test_turns_apart_as_the_fix_says_pass_and_show_one_paragraph_each(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert paragraphs(DIALOGUE_APART) == [
        "客户：姑娘，给我换个最便宜的套餐！",
        "营业员：好的阿姨，最便宜的是十八元档。",
        "客户：十八块好，就要它。",
        "客户：你们的系统怎么老出问题！",
        "营业员：又碰上系统故障，确实让人窝火。",
    ]
    add_to_page(minimal_project, DIALOGUE_APART)
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("text", "line", "column", "turn", "above", "fix"),
    [
        ("**客户**：你好。\n**营业员**:您好。", 1, 1, "**营业员**:", "**客户**：", BLANK_LINE),
        (
            "**客户（生气地）：**怎么回事！\n**柜员（半小时后）：**您好。",
            1,
            1,
            "**柜员（半小时后）：**",
            "**客户（生气地）：**",
            BLANK_LINE,
        ),
        (
            "> > 客户：你好。\n> > 营业员：您好。",
            1,
            5,
            "营业员：",
            "客户：",
            "put a line holding only '> >' above it",
        ),
    ],
    ids=["colon-after-the-stars", "with-a-note", "quote-in-a-quote"],
)
def test_each_way_of_writing_a_name_is_told(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    line: int,
    column: int,
    turn: str,
    above: str,
    fix: str,
) -> None:
    first = add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first + line}:{column}: " + TURNS_RUN_ON.format(turn=turn, above=above, fix=fix)
    ]


TURNS_AS_MEANT = {
    "apart": "**客户：**你好。\n\n**营业员：**您好。",
    "line-break": "**客户：**你好。  \n**营业员：**您好。",
    "list": "- 客户：你好。\n- 营业员：您好。",
    "mid-sentence": "**探索**：了解客户的需求，\n**提议**：再给出方案。",
    "table": "| 角色 | 话术 |\n| --- | --- |\n| 客户：你好。 | 开场 |\n| 营业员：您好。 | 回应 |",
    "code": "```text\n客户：你好。\n营业员：您好。\n```",
}


def line_breaks(body: str) -> list[tuple[int, str]]:
    """The line breaks ``page.line-break-in-chinese`` tells of in the minimal course's
    first page given ``body``: each one's line, from the body's first, and its code."""
    page = load_course(Project(FIXTURES / "minimal")).pages[0]
    page = dataclasses.replace(page, body=body)
    lines = searchable_lines(page)
    found = chinese_line_breaks(page, lines, lines_out_of_boxes(lines))
    return [(problem.line - page.body_line, problem.code) for problem in found]


@pytest.mark.parametrize(
    "body",
    [
        "客户：我想问一下套餐\n营业员：好的，您说。\n",
        "要点：\n\n- 负责服务培训的内训师。\n不需要任何管理学基础。\n",
    ],
    ids=["turn", "paragraph-under-a-list"],
)
def test_a_line_told_joined_is_not_told_to_join_the_line_above(body: str) -> None:
    """Joined to the line above, it would stay in the turn above, in the list's item."""
    assert line_breaks(body) == []


def test_a_line_break_in_an_item_broken_mid_sentence_is_told_to_join() -> None:
    assert line_breaks("要点：\n\n- 先听客户说完，\n再问清楚需求。\n") == [
        (2, "page.line-break-in-chinese")
    ]


LIST = "课程适合：\n\n- 一线员工；\n- 负责服务培训的内训师。\n"


def test_a_paragraph_right_under_a_list_is_told_not_to_join(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It showed in the last bullet, and check told only to join it to the line above, which
    would keep it there for good."""
    text = f"{LIST}不需要任何管理学基础。\n"
    assert re.search("<li>负责服务培训的内训师。\n不需要任何管理学基础。</li>", html(text))
    first = add_to_page(minimal_project, text)
    assert warned(minimal_project, capsys) == [
        f"{PAGE}:{first + 4}:1: " + IN_LIST.format(item=first + 3)
    ]


def test_a_paragraph_under_a_list_in_a_box_is_told(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = '!!! tip "小贴士"\n    - 先倾听；\n    - 再提议。\n    MOT 课程不需要任何基础。\n'
    assert "<li>再提议。\nMOT 课程不需要任何基础。</li>" in html(text)
    first = add_to_page(minimal_project, text)
    assert warned(minimal_project, capsys) == [
        f"{PAGE}:{first + 3}:5: " + IN_LIST.format(item=first + 2)
    ]


@pytest.mark.parametrize(
    ("fixed", "shown"),
    [
        (f"{LIST}\n不需要任何管理学基础。\n", "</ul>\n<p>不需要任何管理学基础。</p>"),
        (
            f"{LIST[:-1]}不需要任何管理学基础。\n",
            "<li>负责服务培训的内训师。不需要任何管理学基础。</li>",
        ),
    ],
    ids=["blank-line", "joined"],
)
def test_each_fix_of_a_paragraph_under_a_list_passes_and_shows_as_meant(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], fixed: str, shown: str
) -> None:
    """A paragraph after the list, or more of the item's text."""
    assert shown in html(fixed)
    add_to_page(minimal_project, fixed)
    assert problems(minimal_project, capsys) == []


UNDER_LISTS_AS_MEANT = {
    "indented": "- Front-line staff\n  And their managers.",
    "mid-sentence": "- A long item, which the editor broke after a comma,\nSo it went on.",
    "lower-case": "- a long item the editor broke\nat a space.",
    "line-break": "- first line  \nSecond line, in the same item.",
    "next-item": "- 先倾听；\n- 再提议。",
    "nested": "- 先倾听；\n    - 听完整。\n- 再提议。",
    "heading": "- 先倾听。\n\n## 下一节 {#next}\n\n正文。",
    "under-text": "正文。\n\n- 先倾听。\n\n正文。",
}


AS_MEANT = {
    **{f"turns-{name}": text for name, text in TURNS_AS_MEANT.items()},
    **{f"list-{name}": text for name, text in UNDER_LISTS_AS_MEANT.items()},
}
"""Turns the site shows apart or lines that go on, and lines of a list's item or after a
list, as meant."""


@pytest.mark.parametrize("text", AS_MEANT.values(), ids=list(AS_MEANT))
def test_turns_and_lines_under_a_list_as_meant_pass(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == []
