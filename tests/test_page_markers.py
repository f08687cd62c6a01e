"""``<!-- mot:outline -->`` and ``<!-- mot:progress -->``: filled in where they stand alone
on a line, shown as written in code, and reported where they would break the page."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tests.conftest import run_generator

HOME = "course/index.md"
OUTLINE = "<!-- mot:outline -->"
PROGRESS = "<!-- mot:progress -->"


def write_home(root: Path, body: str) -> int:
    """Give the home page ``body`` after its front matter; the line number it starts on."""
    path = root / HOME
    front = path.read_text(encoding="utf-8").split("---\n")[1]
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    return front.count("\n") + 4


def passes_check(root: Path, capsys: pytest.CaptureFixture[str], body: str) -> None:
    """Give the home page ``body`` (a line); ``check`` passes it."""
    write_home(root, f"{body}\n")
    assert run_generator(root, "check") == 0, capsys.readouterr().err


def built_home(root: Path, capsys: pytest.CaptureFixture[str]) -> lxml.html.HtmlElement:
    assert run_generator(root, "build") == 0, capsys.readouterr().err
    page = (root / "site/index.html").read_text(encoding="utf-8")
    return lxml.html.fromstring(page)


def outlines(content: lxml.html.HtmlElement) -> int:
    """How many lists of modules ``content`` shows, each item a module's link and figures."""
    items = [[item.text_content() for item in listed.iter("li")] for listed in content.iter("ol")]
    return sum(all("个学习目标" in item for item in listed) for listed in items if listed)


def reported(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert run_generator(root, "check") == 1
    error = capsys.readouterr().err
    assert "Traceback" not in error
    return [line for line in error.splitlines() if line.startswith(HOME)]


def test_a_marker_in_code_is_shown_as_written(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A trainer's note on how to use a marker had the whole table pasted into its code
    span, and the dashboard's HTML source into a code block."""
    write_home(
        minimal_project,
        f"在首页单独一行写 `{OUTLINE}`，就会显示模块一览表。\n\n"
        f"```html\n{PROGRESS}\n```\n\n{PROGRESS}\n",
    )
    content = built_home(minimal_project, capsys)
    codes = ["".join(code.itertext()) for code in content.iter("code")]
    assert codes == [OUTLINE, f"{PROGRESS}\n"]
    assert len(content.find_class("mot-dashboard")) == 1
    assert outlines(content) == 0


def test_a_marker_right_under_a_line_of_text_is_filled_in(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_home(minimal_project, f"各模块一览：\n{OUTLINE}\n以上共一个模块。\n")
    content = built_home(minimal_project, capsys)
    assert outlines(content) == 1
    assert "以上共一个模块。" in [paragraph.text for paragraph in content.iter("p")]


@pytest.mark.parametrize(
    ("body", "lists", "dashboards"),
    [
        (f'!!! tip "课程一览"\n\n    {OUTLINE}\n\n    以上是全部模块。\n', 1, 0),
        (f'<div class="box">\n  {PROGRESS}\n</div>\n', 0, 1),
    ],
    ids=["outline-in-a-box", "progress-in-an-html-block"],
)
def test_an_indented_marker_is_filled_in_where_it_stands(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    body: str,
    lists: int,
    dashboards: int,
) -> None:
    """In a box the outline's lines were not indented: the box ended after its first line,
    the rest showed as text and the box's last paragraph as code."""
    write_home(minimal_project, body)
    content = built_home(minimal_project, capsys)
    assert outlines(content) == lists
    assert len(content.find_class("mot-dashboard")) == dashboards
    if lists:
        box = content.xpath("//div[contains(@class, 'admonition')]")[0]
        assert outlines(box) == 1
        assert "以上是全部模块。" in [paragraph.text for paragraph in box.iter("p")]


def test_a_marker_sharing_its_line_with_text_is_reported(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = write_home(minimal_project, f"各模块一览：{OUTLINE}\n")
    assert reported(minimal_project, capsys) == [
        f"{HOME}:{line}:7: '{OUTLINE}' is filled in only on a line of its own; here it shares "
        "its line with other text, and the page would show nothing in its place; put it on a "
        "line of its own; to show the marker itself as text, put it in backticks "
        "[page.misplaced-marker]"
    ]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("<!-- mot:progess -->", PROGRESS),
        ("<!--mot:progress-->", PROGRESS),
        ("<!-- mot：Outline -->", OUTLINE),
        ("<!-- mot:dashboard -->", f"{OUTLINE} or {PROGRESS}"),
    ],
    ids=["misspelt", "no-spaces", "full-width-colon", "no-such-marker"],
)
def test_a_marker_written_otherwise_is_reported(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, meant: str
) -> None:
    """The generator fills in only a marker written exactly: the dashboard was left out,
    a comment, and check passed."""
    line = write_home(minimal_project, f"{written}\n")
    assert reported(minimal_project, capsys) == [
        f"{HOME}:{line}:1: '{written}' is no marker the generator fills in, so the page would "
        f"show nothing in its place; write it exactly as {meant}, on a line of its own "
        "[page.unknown-marker]"
    ]


def test_comments_and_code_that_name_mot_are_no_markers(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_home(minimal_project, "<!-- MOT：关键时刻的说明 -->\n\n`<!-- mot:progess -->`\n")
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err
