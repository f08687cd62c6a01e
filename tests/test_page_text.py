"""Code spans are found as the site's Markdown converter finds them, in one pass over a line."""

from __future__ import annotations

import dataclasses
import re
import timeit
from xml.etree.ElementTree import Element

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown.inlinepatterns import BACKTICK_RE, BacktickInlineProcessor

from generator import page_ids
from generator.load import load_course
from generator.models import Page
from generator.page_text import code_spans, fenced_code, searchable_lines
from generator.project import Project
from tests.conftest import FIXTURES
from tests.test_properties import SETTINGS

PAGE = load_course(Project(FIXTURES / "minimal")).pages[0]


class RecordedBackticks(BacktickInlineProcessor):
    """Python-Markdown's own reading of code spans, keeping the text of each it finds."""

    def __init__(self) -> None:
        super().__init__(BACKTICK_RE)
        self.spans: list[str] = []

    def handleMatch(  # type: ignore[override]  # Python-Markdown overrides it so too
        self, m: re.Match[str], data: str
    ) -> tuple[Element | str | None, int | None, int | None]:
        element, start, end = super().handleMatch(m, data)
        if isinstance(element, Element):
            self.spans.append(data[start:end])
        return element, start, end


def python_markdown_spans(line: str) -> list[str]:
    converter = markdown.Markdown()
    recorded = RecordedBackticks()
    converter.inlinePatterns.register(recorded, "backtick", 190)
    converter.convert(f"x{line}")  # a paragraph, whatever the line starts with
    return recorded.spans


@settings(SETTINGS, max_examples=1000)
@given(st.lists(st.sampled_from(["`", "``", "\\", "a", " ", "价"]), max_size=30).map("".join))
def test_code_spans_are_those_python_markdown_finds(line: str) -> None:
    assert [line[start:end] for start, end in code_spans(line)] == python_markdown_spans(line)


@pytest.mark.parametrize(
    ("line", "blanked"),
    [
        ("见 `[链接](x.md)` 与 [链接](y.md)", "见              与 [链接](y.md)"),
        ("``a ` b`` 与 `c`", "          与    "),
        ("\\`[a](b)\\` 与 `c`", "\\`[a](b)\\` 与    "),  # an escaped backtick opens nothing
        ("``[a](b)`", "         "),  # a shorter closing run closes it
        ("`[a](b)``", "`[a](b)``"),  # a longer one does not
    ],
)
def test_code_spans_are_blanked(line: str, blanked: str) -> None:
    page = dataclasses.replace(PAGE, body=f"{line}\n")
    assert searchable_lines(page) == {PAGE.body_line: blanked}


def backtick_lines(runs: int) -> Page:
    """A page of a line of ``runs`` backticks in one run, then a line of ``runs`` spans."""
    return dataclasses.replace(PAGE, body=f"文{'`' * runs}\n{'`a` ' * runs}\n")


def seconds_to_read(page: Page) -> float:
    """The least of three timings, so that a busy machine does not count."""
    return min(timeit.repeat(lambda: searchable_lines(page), number=1, repeat=3))


def test_a_line_of_backticks_is_read_in_one_pass() -> None:
    """A run of backticks was matched against every later run of every length: a line of
    20,000 took a check a minute and a half. Eight times the backticks take about eight
    times as long, not sixty-four (timed against each other, not against a clock, so a
    slower machine reads both alike)."""
    small, large = backtick_lines(1_000), backtick_lines(8_000)
    assert seconds_to_read(large) < 24 * seconds_to_read(small)
    lines = searchable_lines(large)
    assert lines[PAGE.body_line] == f"文{'`' * 8_000}"
    assert lines[PAGE.body_line + 1] == " " * 32_000


FENCE_LINES = ["```", "````", "~~~", "  ```", "```python", "```text```", "L", "  L", ""]
"""Lines a page's fenced code is made of; each "L" gets a number, to be found again."""


def superfences_code(lines: list[str]) -> set[int]:
    """The indices of the numbered lines the site shows inside a fenced code block."""
    converter = markdown.Markdown(extensions=["pymdownx.superfences"])
    html = converter.convert("\n".join(lines))
    in_code = "".join(re.findall(r"<pre.*?</pre>", html, re.S))
    return {int(number) for number in re.findall(r"L(\d+)", in_code)}


@settings(SETTINGS, max_examples=500)
@given(st.lists(st.sampled_from(FENCE_LINES), max_size=12))
def test_fenced_code_is_what_superfences_finds(lines: list[str]) -> None:
    numbered = [line.replace("L", f"L{index}") for index, line in enumerate(lines)]
    found = fenced_code(numbered)
    numbers = {index for index, line in enumerate(lines) if "L" in line}
    assert found.lines & numbers == superfences_code(numbered)


@pytest.mark.parametrize(
    ("body", "unclosed"),
    [
        ("```\n代码\n", [(0, "```")]),
        ("~~~\n代码\n```\n", [(0, "~~~")]),  # a fence closes only one of its own
        ("````\n代码\n```\n", [(0, "````")]),  # of its own length
        ("- 列表\n    ```\n    代码\n正文\n", [(1, "```")]),  # a line indented less
        ("```python\n代码\n```\n", []),
        ("```text``` 不是围栏\n", []),
    ],
)
def test_a_fence_no_line_closes_is_found(body: str, unclosed: list[tuple[int, str]]) -> None:
    assert fenced_code(body.splitlines()).unclosed == unclosed


ID_PIECES = ["{#", "#", "id=", 'id="', "id='", "a", "a-1", "服务", ".", ":", "/", " ", "}", '"']


@settings(SETTINGS, max_examples=500)
@given(st.lists(st.lists(st.sampled_from(ID_PIECES), max_size=10).map("".join), max_size=4))
def test_ids_found_in_one_scan_are_those_found_one_by_one(rows: list[str]) -> None:
    """The page checks look for every id a page writes in one scan (a page of many tabs
    has as many ids): the places are those a search for each id on its own finds."""
    lines = dict(enumerate(rows, 1))
    written = page_ids._written_ids(lines)
    for name in ["a", "a-1", "服务", "a-1.服务", "a:a", *written]:
        assert written.get(name, []) == page_ids._id_places(lines, name), name
