"""Links the site would show as text, a mark left out or out of place (``[确认](06-x.md``,
``[执行] (05-do.md)``, ``[提议][offer]`` never defined): ``check`` reports each at its place,
and the fix it offers builds a link; brackets that are no link pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_page_markers import HOME, built_home, passes_check, reported, write_home

SHOWN = "so the site shows it as text"
CODE = "[page.link-shown-as-text]"


def test_each_link_shown_as_text_is_told_at_its_place(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_home(
        minimal_project,
        "详见[示例](01-sample.md#listening\n\n"
        "再看[第二模块][second]和[示例] (01-sample.md)，还有![图](images/x.png。\n",
    )
    assert reported(minimal_project, capsys) == [
        f"{HOME}:{first}:3: the link '[示例](01-sample.md#listening' has no ')' after its "
        f"address, {SHOWN}; close it: [示例](01-sample.md#listening) {CODE}",
        f"{HOME}:{first + 2}:3: the link '[第二模块][second]' names the reference 'second', "
        f"which no line of the page defines, {SHOWN}; add a line '[second]: address' below "
        f"its paragraph, or write the address in the link: [第二模块](address) {CODE}",
        f"{HOME}:{first + 2}:18: the link '[示例] (01-sample.md)' has a space between ']' and "
        f"'(', {SHOWN}; delete the space: [示例](01-sample.md) {CODE}",
        f"{HOME}:{first + 2}:40: the link '![图](images/x.png' has no ')' after its address, "
        f"{SHOWN}; close it: ![图](images/x.png) {CODE}",
    ]


NO_SLIP = [
    '详见[示例](01-sample.md#listening "倾听")和[第二模块][second]。\n\n[Second]: 02-second.md',
    "见[示例][]。\n\n[示例]: 01-sample.md",
    "文献[1][2]说过；[注] (见下文)；数组 a[i] 不是链接。",
    "写法是 `[示例](01-sample.md`，或\n\n```\n[示例] (01-sample.md)\n```",
    "[维基](https://zh.wikipedia.org/wiki/A_(B))",
]


@pytest.mark.parametrize("body", NO_SLIP)
def test_what_is_no_link_shown_as_text_passes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    passes_check(minimal_project, capsys, body)


def test_the_fixes_build_links(minimal_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_home(
        minimal_project,
        "详见[示例](01-sample.md#listening)和[示例](01-sample.md)。\n\n"
        "再看[第二模块][second]。\n\n[second]: 02-second.md\n",
    )
    content = built_home(minimal_project, capsys)
    links = [(link.text_content(), link.get("href")) for link in content.iter("a")]
    for link in [("示例", "01-sample.html#listening"), ("示例", "01-sample.html")]:
        assert link in links
    assert ("第二模块", "02-second.html") in links
    assert "](" not in content.text_content()
