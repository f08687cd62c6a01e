"""The quick counts that let a page far within the limits skip the line-by-line checks
(:mod:`generator.page_limits`) must never let a page over a limit through."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator import page_limits
from generator.load import load_course
from generator.models import Page
from generator.page_text import searchable_lines
from generator.project import Project
from tests.conftest import FIXTURES
from tests.test_properties import SETTINGS

PIECES = [*"<>[]()&*_`\\ \ta价\n", "\n\n", "<b", "&amp;", "  \n", "```\n", "- ", "| --- |\n"]
"""What the checks count, line ends (Python's and others) and what ends a paragraph."""
LINE_ENDS = ["\r", "\r\n", "\u2028", "\x0b", "\x85"]
LIMITS = {
    "MAX_PAGE_LINES": 30,
    "MAX_BLOCK_PIECES": 3,
    "MAX_STRAY_TAG_STARTS": 2,
    "MAX_BRACKET_DEPTH": 2,
    "MAX_PARAGRAPH_MARKUP": 6,
    "MAX_PAGE_MARKUP": 12,
    "MAX_SPACE_RUN": 3,
    "SPACE_RUN": re.compile(r"(?<=[^ \t\n])[ \t]+(?=[^ \t\n])"),  # from one space on
}
"""Limits low enough for short texts to pass them."""
QUICK_COUNTS = (
    "_may_have_many_pieces",
    "_may_have_strays",
    "_may_nest_deep",
    "_may_nest_blocks_deep",
    "_may_hold_much_markup",
    "_may_have_wide_space_runs",
)
PAGE = load_course(Project(FIXTURES / "minimal")).pages[0]


def costly(body: str) -> str | None:
    page: Page = dataclasses.replace(PAGE, body=body)
    problem = page_limits.costly_markup(page, searchable_lines(page))
    return None if problem is None else str(problem)


@settings(SETTINGS, max_examples=2000)
@given(st.lists(st.sampled_from(PIECES + LINE_ENDS), max_size=40).map("".join))
def test_the_quick_counts_find_every_page_over_a_limit(body: str) -> None:
    with pytest.MonkeyPatch.context() as patch:
        for name, limit in LIMITS.items():
            patch.setattr(page_limits, name, limit)
        quick = costly(body)
        for name in QUICK_COUNTS:
            patch.setattr(page_limits, name, lambda *_: True)
        assert quick == costly(body)


def test_the_course_modules_skip_the_line_by_line_checks() -> None:
    """What the quick counts are for: the real modules, far within the limits, need no
    line-by-line check (the glossary, one long table of links, is read for its brackets)."""
    project = Project(Path(__file__).parent.parent)
    for module in load_course(project).modules:
        page = module.page
        assert not page_limits._may_have_many_pieces(page), page.filename
        assert not page_limits._may_have_strays(searchable_lines(page)), page.filename
        assert not page_limits._may_nest_deep(page), page.filename
        assert not page_limits._may_nest_blocks_deep(searchable_lines(page)), page.filename
        assert not page_limits._may_hold_much_markup(page), page.filename
        assert not page_limits._may_have_wide_space_runs(page), page.filename


BLOCK_PIECES = (
    "this block (lines with no blank line between them) has more than 200 lines that the "
    "site's Markdown converter takes out of it one at a time, reading the rest of the block "
    "again after each, which takes minutes: headings, lines of '-' or '=' (an empty list "
    "item '- ' too), rules, abbreviations, definitions, tabs, admonitions, fences; put a "
    "blank line after each of them, or delete the empty list items and stray lines of '-' "
    "[page.block-pieces]"
)


@pytest.mark.parametrize(
    ("lines", "first"),
    [
        (["- "] * 201, 3),
        (["## 标题", "***"] * 101, 3),
        (["段落", "", "正文", *(["*[a]: b"] * 201)], 5),
        (["> 引文", *([">     # 标题"] * 201)], 3),
    ],
    ids=["empty-items", "headings-and-rules", "abbreviations", "in-a-quote"],
)
def test_a_block_of_many_pieces_is_reported_at_its_first_line(lines: list[str], first: int) -> None:
    """Python-Markdown reads the rest of the block again after each piece it takes from it:
    10,000 lines of '- ' took eight seconds."""
    body = "\n".join(["开篇。", "", *lines]) + "\n"
    assert costly(body) == f"{PAGE.source.path}:{PAGE.body_line + first - 1}:1: {BLOCK_PIECES}"


def test_a_blank_line_holds_spaces_and_tabs_alone() -> None:
    """As Python-Markdown reads it: a full-width space makes no blank line."""
    assert costly("\n".join((["- "] * 200 + [" \t"]) * 2)) is None
    body = "\n".join(["- "] * 100 + ["\u3000"] + ["- "] * 101)
    assert costly(body) == f"{PAGE.source.path}:{PAGE.body_line}:1: {BLOCK_PIECES}"


def test_long_lists_and_tables_are_one_piece() -> None:
    table = ["| 术语 | 说明 |", "| --- | --- |", *(["| 术语 | 说明 |"] * 2000)]
    assert costly("\n".join([*table, "", *(["- 要点"] * 900)]) + "\n") is None


def test_a_page_with_too_many_lines_is_reported_at_the_first_line_over() -> None:
    body = "\n".join(["段落。", ""] * 1501) + "\n"
    assert costly(body) == (
        f"{PAGE.source.path}:{PAGE.body_line + 3000}:1: the page has 3,002 lines, more than "
        "the 3,000 a page may have (this is the first line over): a course page needs far "
        "fewer, and some kinds of line (list items, headings, code blocks) take the site's "
        "Markdown converter seconds to minutes by the thousand; split the page into shorter "
        "pages "
        "[page.too-many-lines]"
    )
    assert costly("\n".join(["段落。", ""] * 1500) + "\n") is None


def space_run(width: str, line: int, column: int) -> str:
    return (
        f"{PAGE.source.path}:{PAGE.body_line + line - 1}:{column}: {width} spaces in a row "
        "between two words here (a tab counts as four), more than the 1,000 a page may have: "
        "in a heading, a table cell or a definition term the site's Markdown converter takes "
        "time growing with the square of their number (100,000 take three seconds, 300,000 "
        "half a minute); leave one space between the words: the page lays out the text itself "
        "[page.space-run]"
    )


@pytest.mark.parametrize(
    ("line", "column"),
    [("## 标题{}x", 6), ("| 术语{}x | 说明 |", 5), ("- 要点{}x", 5)],
    ids=["heading", "table-cell", "list-item"],
)
def test_a_wide_run_of_spaces_between_words_is_reported_where_it_starts(
    line: str, column: int
) -> None:
    """Python-Markdown's attribute lists read a heading with 300,000 spaces between two words
    for half a minute."""
    table = ["| 术语 | 说明 |", "| --- | --- |"]
    body = "\n".join(["开篇。", "", *table, line.format(" " * 300_000), ""])
    assert costly(body) == space_run("300,000", 5, column)


def test_a_tab_in_a_run_of_spaces_counts_as_four() -> None:
    assert costly("## 标题" + "\t" * 250 + "x\n") is None
    assert costly("## 标题" + " \t" * 200 + "x\n") is None  # 1,000
    assert costly("## 标题" + " \t" * 200 + " x\n") == space_run("1,001", 1, 6)


def test_spaces_that_indent_or_end_a_line_may_be_many() -> None:
    """Python-Markdown strips them from a heading before its attribute lists read it."""
    wide = " " * 300_000
    assert costly(f"## 标题{wide}\n\n{wide}- 代码\n") is None


TOO_DEEP = (
    "the page nests lists, quotes, emphasis or HTML blocks more than 100 levels deep, more "
    "than the site's Markdown converter can follow; flatten the deepest part, or close the "
    "'*' and '_' that are left open [page.too-deep]"
)


@pytest.mark.parametrize(
    ("step", "text"),
    [("> ", "一步"), ("    ", "- 一步"), ("   ", "1. 一步"), ("- > ", "一步")],
    ids=["quotes", "list", "numbered-list", "list-of-quotes"],
)
def test_a_staircase_nested_too_deep_is_reported_before_it_is_converted(
    step: str, text: str
) -> None:
    """Python-Markdown reads a nested block's lines again at each level: 1,000 lines of '>',
    each with one more than the last, took it 20 seconds to find the page too deep, 700 of
    '- ' each indented a level more, as long. Told at the deepest line, as after
    converting; a staircase within the limit is left to the converter."""
    steps = [step * level + text for level in range(300)]
    deepest = PAGE.body_line + 299
    assert costly("\n".join(steps) + "\n") == f"{PAGE.source.path}:{deepest}:1: {TOO_DEEP}"
    assert costly("\n".join(steps[:50]) + "\n") is None
