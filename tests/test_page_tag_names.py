"""Tags in a page body that name no HTML element (``按 <Enter> 键``): the browser drops them,
with what they say, so ``check`` reports each at its place; what is not such a tag (a link's
address or an abbreviation's title in angle brackets, code, SVG, ...) passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_page_markers import HOME, built_home, passes_check, reported, write_home

FIX = (
    "to show it as text, write '&lt;' for its '<' (or put it in backticks); if it is meant "
    "as HTML, correct the element's name [page.unknown-tag]"
)


def unknown(written: str, name: str) -> str:
    return (
        f"'{written}' reads as an HTML tag, but no element is named '{name}': the browser "
        f"drops it, and the learner sees nothing of what it says; {FIX}"
    )


def test_each_tag_no_browser_knows_is_told_at_its_place(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Keys in angle brackets, a comparison read as a tag, an end tag, and a tag after a
    backslash, which escapes no '<' (it is shown, and the tag dropped)."""
    first = write_home(
        minimal_project,
        "按 <Enter> 键确认，复制用 <Ctrl+C>。\n\n"
        "若 X<Y 且 Z>W，就先处理 X。\n\n"
        "<div>结束时按 </Esc> 和 \\<Tab></div>\n",
    )
    assert reported(minimal_project, capsys) == [
        f"{HOME}:{first}:3: {unknown('<Enter>', 'Enter')}",
        f"{HOME}:{first}:19: {unknown('<Ctrl+C>', 'Ctrl+C')}",
        f"{HOME}:{first + 2}:4: {unknown('<Y 且 Z>', 'Y')}",
        f"{HOME}:{first + 4}:11: {unknown('</Esc>', 'Esc')}",
        f"{HOME}:{first + 4}:21: {unknown('<Tab>', 'Tab')}",
    ]


NOT_UNKNOWN = [
    "按 `<Enter>` 键，或按 &lt;Tab&gt; 键。",
    "```\n<Shift> 在代码里\n```",
    "说明：\n\n    <Alt> 在缩进的代码里",
    "见 <https://example.com/a>，或写信到 <service@example.com>。",
    "见[模块一](<01-sample.md>)和[首页][home]。\n\n[home]: <index.md>",
    "SLA 是约定。\n\n*[SLA]: <Service Level Agreement>",
    "按 <kbd>Esc</kbd> 键；<mot-note>自定义元素</mot-note>；1<2 且 3>2；a < b > c。",
    "<!-- <Draft> 待定 -->",
    '<svg viewBox="0 0 10 10"><text x="1" y="5">字</text><foreignObject></foreignObject></svg>',
    '<script>const tag = "<Enter>";</script>',
]


@pytest.mark.parametrize("body", NOT_UNKNOWN)
def test_what_is_no_unknown_tag_passes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    passes_check(minimal_project, capsys, body)


def test_the_fix_shows_the_key_as_written(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_home(minimal_project, "按 &lt;Enter> 键确认，或按 `<Tab>` 键。\n")
    content = built_home(minimal_project, capsys)
    shown = [paragraph.text_content() for paragraph in content.iter("p")]
    assert "按 <Enter> 键确认，或按 <Tab> 键。" in shown
