"""Lists the site would show as text, or flatten, are named where they go wrong; and what
the checks say agrees with the course's own Markdown, before and after the fix."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from generator.markdown_config import markdown_settings
from generator.page_scan import new_converter
from generator.project import Project
from tests.conftest import PROJECT, run_generator
from tests.test_page_links import PAGE, add_to_page, problems

UNDER_TEXT = (
    "this list item follows the line above it with no blank line between, so the site runs "
    "the list on into that line as text; leave a blank line above the list's first item "
    "[page.list-under-text]"
)
NOT_NESTED = (
    "further in than the list's first item, which the site does not take for a list inside "
    "the item above: it shows it as one more item of the outer list; indent it 4 spaces "
    "further than the item it belongs under (or start it where the list's first item "
    "starts, if it is one more item of that list) [page.list-indent]"
)
NUMBERS_FIX = "'1. ', '2. ' and so on (half-width digits)"
WRONG = {
    "dashes": ("要点：\n- 先倾听\n- 再提议", 1, 1, UNDER_TEXT),
    "numbered": ("步骤：\n1. 先倾听\n2. 再提议", 1, 1, UNDER_TEXT),
    "stars": ("要点：\n* 先倾听\n* 再提议", 1, 1, UNDER_TEXT),
    "in-a-box": ('!!! tip "小贴士"\n    记住：\n    - 先倾听\n    - 再提议', 2, 5, UNDER_TEXT),
    "in-a-box-by-tab": ('!!! tip "小贴士"\n\t记住：\n\t- 先倾听\n\t- 再提议', 2, 2, UNDER_TEXT),
    "two-spaces": ("- 父项\n  - 子项", 1, 3, f"this item is 2 spaces {NOT_NESTED}"),
    "three-spaces": ("1. 第一步\n   - 细节", 1, 4, f"this item is 3 spaces {NOT_NESTED}"),
    "word-bullets": (
        "• 先倾听\n• 再提议",
        0,
        1,
        "'•' is not a list item's mark in Markdown, so the site runs these lines together "
        "as one paragraph of text; write '- ' in place of '•' on lines {0}-{1}, with a blank "
        "line above the list [page.word-bullet]",
    ),
    **{
        case: (
            text,
            0,
            1,
            f"'{mark}'{unspaced} does not start a list item in Markdown, so the site runs these "
            f"lines together as one paragraph of text; write {fix} in place of '{mark}' on "
            "lines {0}-{1}, with a blank line above the list [page.chinese-list-mark]",
        )
        for case, (text, mark, unspaced, fix) in {
            "word-numbering": ("1、先倾听\n2、再提议", "1、", "", NUMBERS_FIX),
            "ime-dash": ("—— 先倾听\n—— 再提议", "——", "", "'- '"),
            "full-width-dash": ("－ 先倾听\n－ 再提议", "－", "", "'- '"),
            "full-width-star": ("＊ 先倾听\n＊ 再提议", "＊", "", "'- '"),
            "full-width-plus": ("＋ 先倾听\n＋ 再提议", "＋", "", "'- '"),
            "full-width-digits": ("１．先倾听\n２．再提议", "１．", "", NUMBERS_FIX),
            "full-width-stop": ("1．先倾听\n2．再提议", "1．", "", NUMBERS_FIX),
            "parenthesised": ("（1）先倾听\n（2）再提议", "（1）", "", NUMBERS_FIX),
            "circled": ("① 先倾听\n② 再提议", "①", "", NUMBERS_FIX),
            "chinese-numerals": ("一、先倾听\n二、再提议", "一、", "", NUMBERS_FIX),
            "dash-unspaced": ("-先倾听\n-再提议", "-", " with no space after it", "'- '"),
            "number-unspaced": ("1.先倾听\n2.再提议", "1.", " with no space after it", NUMBERS_FIX),
        }.items()
    },
}
"""Each case: the text, the line (counted from its first) and column named, the message."""
FIXED = {
    "dashes": "要点：\n\n- 先倾听\n- 再提议",
    "numbered": "步骤：\n\n1. 先倾听\n2. 再提议",
    "stars": "要点：\n\n* 先倾听\n* 再提议",
    "in-a-box": '!!! tip "小贴士"\n    记住：\n\n    - 先倾听\n    - 再提议',
    "in-a-box-by-tab": '!!! tip "小贴士"\n\t记住：\n\n\t- 先倾听\n\t- 再提议',
    "two-spaces": "- 父项\n    - 子项",
    "three-spaces": "1. 第一步\n    - 细节",
    "word-bullets": "- 先倾听\n- 再提议",
    **{
        case: "- 先倾听\n- 再提议"
        for case in ("ime-dash", "full-width-dash", "full-width-star", "full-width-plus")
    },
    **dict.fromkeys(
        (
            "word-numbering",
            "full-width-digits",
            "full-width-stop",
            "parenthesised",
            "circled",
            "chinese-numerals",
            "number-unspaced",
        ),
        "1. 先倾听\n2. 再提议",
    ),
    "dash-unspaced": "- 先倾听\n- 再提议",
}
"""Each case as its message says to write it."""
NESTED_CASES = {"two-spaces", "three-spaces"}
CONVERTER = new_converter(*markdown_settings(Project(PROJECT)))


class ListItems(HTMLParser):
    """How deep each list item of an HTML text is: 0 in a list of its own, 1 in a list
    inside an item."""

    def __init__(self) -> None:
        super().__init__()
        self.lists, self.depths = 0, list[int]()

    def handle_starttag(self, tag: str, attrs: object) -> None:
        if tag in {"ul", "ol"}:
            self.lists += 1
        elif tag == "li":
            self.depths.append(self.lists - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"ul", "ol"}:
            self.lists -= 1


def items(text: str) -> list[int]:
    """How deep each list item of ``text`` is, as the course's Markdown renders it."""
    CONVERTER.reset()
    found = ListItems()
    found.feed(CONVERTER.convert(text))
    return found.depths


RAW_HTML = {
    "comment": "<!--\n#TODO 补充案例\n1、待补充\n2、待补充\n-->",
    "pre": "<pre>\n#今日要点\n1、倾听\n2、提议\n</pre>",
    "div": '<div class="note">\n#话题 不是标题\n1、倾听\n2、提议\n</div>',
    "style": "<style>\n#mot-box { color: red; }\n</style>",
    "table-cells": "编号 | 做法\n--- | ---\n#1 | 倾听\n#2 | 提议",
}
"""Lines Python-Markdown passes through as raw HTML, and a table's cells, that start as a
heading or a Chinese list item would."""


@pytest.mark.parametrize("text", list(RAW_HTML.values()), ids=list(RAW_HTML))
def test_raw_html_and_table_cells_are_no_headings_or_list_items(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """A '#' or '1、' at the start of a line inside a comment, <pre>, <div> or <style>, or
    of a table's cell, was told to be a second title or a list run together: the site
    shows no heading and no paragraph there."""
    add_to_page(minimal_project, f"{text}\n")
    told = problems(minimal_project, capsys)
    assert [line for line in told if "level-one-heading" in line or "list-mark" in line] == []
    CONVERTER.reset()
    assert "<h1" not in CONVERTER.convert(text)


def marks_told(root: Path, capsys: pytest.CaptureFixture[str], text: str) -> list[str]:
    """The Chinese list marks told once ``text`` is added to the page of the course at
    ``root``."""
    add_to_page(root, f"{text}\n")
    return [line for line in problems(root, capsys) if "chinese-list-mark" in line]


@pytest.mark.parametrize("case", WRONG, ids=list(WRONG))
def test_a_list_the_site_shows_as_text_or_flattens_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    """Each passed check, and the site showed 要点： - 先倾听 - 再提议 as one paragraph,
    a list inside an item as more items of the outer one, and Word's bullets run together."""
    text, line, column, message = WRONG[case]
    first = add_to_page(minimal_project, f"{text}\n")
    told = problems(minimal_project, capsys)
    assert told[0] == f"{PAGE}:{first + line}:{column}: {message.format(first, first + 1)}"
    assert len(told) == 1


@pytest.mark.parametrize(
    "text",
    [
        "地铁停运的通知：\n1、2 号线今天停运。",
        "1、2 号线今天停运。\n\n3、4 号线照常运行。",
        "—— 摘自《关键时刻》",
        "１. 先倾听\n２. 再提议",
        "＊＊客户：＊＊您好。\n＊＊员工：＊＊您好。",
    ],
    ids=["one-line", "apart", "attribution", "full-width-digits-list", "full-width-bold"],
)
def test_a_line_starting_with_a_chinese_mark_alone_is_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """One such line in a paragraph is prose, lines apart are paragraphs apart; '１. ' in
    full-width digits starts a list item (Python-Markdown reads any digit); '＊＊' is
    full-width bold, told as such."""
    assert marks_told(minimal_project, capsys, text) == []


ONE_ITEM = {
    "first": ("1、先倾听\n2. 再提议\n3. 再执行", 0, "1、", "'1. '"),
    "middle": ("1. 先倾听\n2、再提议\n3. 再执行", 1, "2、", "'2. '"),
    "last": ("1. 先倾听\n2. 再提议\n3、再执行", 2, "3、", "'3. '"),
    "parenthesised": ("（1）先倾听\n2. 再提议\n3. 再执行", 0, "（1）", "'1. '"),
    "dash": ("- 先倾听\n- 再提议\n－ 再执行", 2, "－", "'- '"),
}
"""Each case: a list with one item typed with a Chinese mark, its line (counted from the
first), the mark and the fix."""


@pytest.mark.parametrize("case", ONE_ITEM, ids=list(ONE_ITEM))
def test_one_item_of_a_list_typed_with_a_chinese_mark_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    """A Chinese input method types one item's mark (``1、`` over ``2. ``): only the list
    under it was named, as under a line of text, and with the blank line it asked for, the
    site showed 1、 as text and numbered the list from 1 again (two items read 1)."""
    text, line, mark, fix = ONE_ITEM[case]
    first = add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first + line}:1: '{mark}' does not start a list item in Markdown, so the "
        f"site shows this line as text, not as an item of the list by it; write {fix} in "
        f"place of '{mark}' on line {first + line}, with a blank line above the list "
        "[page.chinese-list-mark]"
    ]
    assert len(items(text)) < 3, "the marked line is no item (and a list under it, text)"
    written = text.split("\n")
    written[line] = written[line].replace(mark, fix.strip("'"), 1)
    assert len(items("\n".join(written))) == 3


@pytest.mark.parametrize(
    "text",
    [
        "一、倾听\n\n1. 先倾听\n2. 再提议",
        "1. 先倾听\n2. 再提议\n\n3、4 号线照常运行。",
        "- 客户的抱怨是送给我们的礼物。\n——某位店长",
    ],
    ids=["numeral-title", "apart", "source-under-a-quotation"],
)
def test_a_chinese_mark_apart_from_a_list_or_a_numeral_s_is_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """A section's title (一、倾听) over a list, a paragraph past a blank line and a
    quotation's source (——某位店长) under an item are text."""
    assert marks_told(minimal_project, capsys, text) == []


def test_a_list_under_chinese_marked_lines_that_end_in_line_breaks_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The marked lines show one under another, as meant, but the list item under them runs
    on into their paragraph as text: the item's list, not told its marks, is told so."""
    first = add_to_page(minimal_project, "1、先倾听  \n2、再提议  \n3. 再执行\n")
    assert problems(minimal_project, capsys) == [f"{PAGE}:{first + 2}:1: {UNDER_TEXT}"]


@pytest.mark.parametrize(
    "text",
    [
        "1、倾听  \n2、提议  \n3、执行",
        "①倾听<br>\n②提议",
        "一、倾听<br />\n二、提议<BR/>\n三、执行",
    ],
    ids=["two-spaces", "br", "br-slash"],
)
def test_chinese_marks_on_lines_that_end_in_a_line_break_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """Lines ending in two spaces or ``<br>`` show one under another, as meant: they were
    told the site runs them together as one paragraph."""
    assert marks_told(minimal_project, capsys, text) == []
    CONVERTER.reset()
    shown = CONVERTER.convert(text)
    assert len(re.findall(r"<br ?/?>\n", shown, re.IGNORECASE)) == text.count("\n")


@pytest.mark.parametrize(
    "text",
    [
        "步骤 | 说明\n--- | ---\n1、倾听 | 不打断\n2、提议 | 给方案",
        "1、倾听 | 不打断\n--- | ---\n2、提议 | 给方案",
    ],
    ids=["rows", "header-row"],
)
def test_chinese_marks_in_a_table_with_no_leading_pipes_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """The rows of a table written without a '|' at their start, as the tables extension
    takes one, were told they run together as one paragraph: the site shows a table."""
    assert marks_told(minimal_project, capsys, text) == []
    CONVERTER.reset()
    shown = CONVERTER.convert(text)
    assert "<td>2、提议</td>" in shown and "<p>" not in shown


@pytest.mark.parametrize("case", WRONG, ids=list(WRONG))
def test_what_the_list_checks_say_agrees_with_the_site(case: str) -> None:
    """Each case renders as the message says (no list, or one item more of the outer
    list), and as a list, or a list inside the item, once fixed as it says."""
    nested = case in NESTED_CASES
    assert items(WRONG[case][0]) == ([0, 0] if nested else [])
    assert items(FIXED[case]) == ([0, 1] if nested else [0, 0])


JOINED = {
    "numbers-after-bullets": ("- 甲\n- 乙\n\n1. 第一步\n2. 第二步", 3, "numbered", ["ul"]),
    "bullets-after-numbers": ("1. 第一步\n   做法\n\n- 甲\n- 乙", 3, "bulleted", ["ol"]),
    "with-no-blank-line": ("- 甲\n1. 第一步\n2. 第二步", 1, "numbered", ["ul"]),
    "in-a-box": ('!!! tip "小贴士"\n    - 甲\n\n    1. 第一步', 3, "numbered", ["ul"]),
}
"""Each case: a list right after one of the other kind, the line (counted from the first)
named, its kind, and the lists the site shows."""


@pytest.mark.parametrize("case", JOINED, ids=list(JOINED))
def test_a_list_the_site_joins_to_the_list_above_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    """A numbered list after a bulleted one lost its numbers, a bulleted one was numbered
    on: Python-Markdown makes their items one list. A line of text between parts them."""
    text, line, kind, shown = JOINED[case]
    other = "bulleted" if kind == "numbered" else "numbered"
    column = 5 if case == "in-a-box" else 1
    first = add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first + line}:{column}: this {kind} list comes right after a {other} list, "
        "so the site shows its items as more items of that list, "
        f"{'with bullets, not numbers' if kind == 'numbered' else 'numbered on from it'}; "
        "put a line of text between the two lists, such as a lead-in to this one (具体做法：), "
        "with a blank line above and below it [page.list-joined]"
    ]
    assert lists(text) == shown
    lines = text.splitlines()
    lines.insert(line, f"\n{' ' * (column - 1)}具体做法：\n")
    assert lists("\n".join(lines)) == [*shown, "ol" if kind == "numbered" else "ul"]


def lists(text: str) -> list[str]:
    """The lists of ``text`` that are not inside another, as the site renders it."""
    CONVERTER.reset()
    return re.findall(r"^\s*<(ul|ol)>", CONVERTER.convert(text), re.MULTILINE)


SHOWN_AS_LISTS = (
    "## 要点\n- 先倾听\n- 再提议\n\n要点：\n\n1. 先倾听\n2. 再提议\n    - 细节\n\n- - -\n\n"
    "文字\n- - -\n\n| 步骤 | 做法 |\n| --- | --- |\n| 望 | 观察 |\n\n• 单独一行的圆点\n\n"
    '!!! tip "小贴士"\n    - 先倾听\n    - 再提议\n\n```text\n说明：\n- 代码里的横线\n```\n\n'
    "- 父项\n\t- 子项，缩进用的是制表符\n\n- 甲\n\n<!-- 分开两个列表 -->\n\n1. 第一步\n\n"
    "```text\n代码\n```\n\n- 乙\n"
)
"""Lists right under a heading, after a blank line, inside an item 4 spaces in and in a
box; rules of dashes, under text too; a table; one line with a bullet; a list in code; a
list inside an item a tab in (4 columns, as Python-Markdown reads a tab); lists of two
kinds parted by a comment or by code."""


def test_lists_the_site_shows_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert items(SHOWN_AS_LISTS) == [0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]
    add_to_page(minimal_project, SHOWN_AS_LISTS)
    assert problems(minimal_project, capsys) == []


def test_a_quote_in_a_list_item_under_text_is_named_as_the_list(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Run on into the line above, the item's quote is text: its '===' underlines no
    heading, and the list is what is wrong."""
    text = "正文\n- > 标题\n  > ==="
    assert items(text) == []
    first = add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == [f"{PAGE}:{first + 1}:1: {UNDER_TEXT}"]


RENUMBERED = "but the site numbers every list from 1"


@pytest.mark.parametrize(
    ("between", "kept_in"),
    [("中间的一段话。", "中间的一段话。"), ("   例如客户要套餐。", "例如客户要套餐。")],
    ids=["paragraph", "indented-3-spaces"],
)
def test_a_numbered_list_cut_by_a_paragraph_is_told_to_keep_it_in_the_item(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], between: str, kept_in: str
) -> None:
    """Steps 1, 2, a paragraph, 3 showed as 1, 2, then 1; a paragraph indented 3 spaces
    under a step, as other editors indent one, showed steps 1, then 1 again."""
    first = add_to_page(minimal_project, f"1. 看结果\n2. 问完整\n\n{between}\n\n3. 再确认\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first + 5}:1: this numbered list starts at 3, {RENUMBERED}: the lines from "
        f"line {first + 3} end the list above it; indent line {first + 3} and the lines after "
        "it 4 spaces, to keep them in the item above, so that the list goes on "
        "[page.list-renumbered]"
    ]
    page = minimal_project / PAGE
    text = page.read_text(encoding="utf-8").replace(between, f"    {kept_in}")
    page.write_text(text, encoding="utf-8")
    assert problems(minimal_project, capsys) == []
    assert run_generator(minimal_project, "build") == 0
    built = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    steps = r"<ol>\s*<li>看结果</li>\s*<li>\s*<p>问完整</p>\s*<p>{}</p>\s*</li>\s*<li>\s*<p>再确认"
    assert re.search(steps.format(kept_in), built)


def test_a_numbered_list_under_no_list_is_told_to_start_at_1(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = add_to_page(minimal_project, "## 第三步 {#step-3}\n\n3. 再确认\n4. 跟进\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first + 2}:1: this numbered list starts at 3, {RENUMBERED}; number its items "
        "from 1, or write them on in the list they follow [page.list-renumbered]"
    ]


def test_numbered_lists_the_site_numbers_as_written_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Items apart, an item's own paragraph between them, a list from 1 after a paragraph,
    an item's own list, and an item's paragraph and code indented with a tab."""
    add_to_page(
        minimal_project,
        "1. 看结果\n\n2. 问完整\n\n    问完整的说明。\n\n3. 再确认\n\n段落。\n\n1. 另一组\n"
        "    1. 里面的第一步\n\n正文。\n\n1. 先问清原因。\n\n\t比如账单突然变高。\n\n"
        "\t```text\n\t客户：你好\n\t```\n\n2. 再给出办法。\n",
    )
    assert problems(minimal_project, capsys) == []


def test_a_number_too_long_for_python_is_told_as_any_other(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python refuses to read a number of more than 4,300 digits: check crashed on one."""
    number = "9" * 5000
    first = add_to_page(minimal_project, f"段落。\n\n{number}. 第一步\n")
    [told] = problems(minimal_project, capsys)
    assert told.startswith(f"{PAGE}:{first + 2}:1: this numbered list starts at 999")
    assert told.endswith("[page.list-renumbered]")
