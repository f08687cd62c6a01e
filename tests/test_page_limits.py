"""The quick counts that let a page far within the limits skip the line-by-line checks
(:mod:`generator.page_limits`) must never let a page over a limit through."""

from __future__ import annotations

import dataclasses
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

PIECES = [*"<>[]()&*_`\\ a价\n", "\n\n", "<b", "&amp;", "  \n", "```\n", "- ", "| --- |\n"]
"""What the checks count, line ends (Python's and others) and what ends a paragraph."""
LINE_ENDS = ["\r", "\r\n", "\u2028", "\x0b", "\x85"]
LIMITS = {
    "MAX_STRAY_TAG_STARTS": 2,
    "MAX_BRACKET_DEPTH": 2,
    "MAX_PARAGRAPH_MARKUP": 6,
    "MAX_PAGE_MARKUP": 12,
}
"""Limits low enough for short texts to pass them."""
QUICK_COUNTS = ("_may_have_strays", "_may_nest_deep", "_may_hold_much_markup")
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
        assert not page_limits._may_have_strays(searchable_lines(page)), page.filename
        assert not page_limits._may_nest_deep(page), page.filename
        assert not page_limits._may_hold_much_markup(page), page.filename
