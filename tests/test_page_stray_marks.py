"""Marks the site takes for markup a trainer meant as text, and marks of other editors the
site does not have: ``check`` reports each at its place, and the fix it offers shows on
the page what was meant; marks the site shows as meant pass."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tests.conftest import run_generator
from tests.test_page_markers import HOME, built_home, write_home

EMPHASIS = "[page.mark-as-emphasis]"
ATTRIBUTES = "[page.text-as-attributes]"
ALERT = "[page.alert-shown]"
MARKUP = "[page.markup-shown]"
LEFT_OUT = "and the page leaves them out: learners read"
FULL_WIDTH = "type the brackets full-width:"
NO_MARKS = "which the site does not have: the site shows the marks as written"


def told(root: Path, capsys: pytest.CaptureFixture[str], status: int) -> list[str]:
    """What ``check`` says of the home page; it ends with ``status``."""
    assert run_generator(root, "check") == status
    error = capsys.readouterr().err
    assert "Traceback" not in error
    return [line for line in error.splitlines() if line.startswith(HOME)]


def shown_text(element: lxml.html.HtmlElement) -> str:
    """The text of ``element``, the no-break spaces the build puts between Chinese and a
    number as the spaces the trainer typed."""
    return str(element.text_content()).replace("\xa0", " ")


def test_stars_and_blanks_meant_as_text_are_told_and_the_fix_shows_them(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_home(
        minimal_project,
        "热线 7*24 小时有人接听，门店 5*8 小时营业。\n\n"
        "价格*：199 元（*以门店公告为准）\n\n"
        "请填写姓名：____，电话：____。\n\n"
        '!!! tip "小贴士"\n    热线 7*24 小时，\n    门店 5*8 小时。\n',
    )
    assert told(minimal_project, capsys, 1) == [
        f"{HOME}:{first}:5: the stars in '7*24' and '5*8' are taken to mark italic text "
        f"between them, {LEFT_OUT} '724 小时有人接听，门店 58'; write 7×24 and 5×8 {EMPHASIS}",
        f"{HOME}:{first + 2}:3: the stars in '格*：' and '（*以' are taken to mark italic text "
        f"between them, {LEFT_OUT} '格：199 元（以'; write 格\\*： and （\\*以 {EMPHASIS}",
        f"{HOME}:{first + 4}:7: the underscores in '：____，' and '：____。' are taken to mark "
        f"bold text between them, {LEFT_OUT} '：，电话：。'; write ：＿＿＿＿， and ：＿＿＿＿。 "
        f"{EMPHASIS}",
        f"{HOME}:{first + 7}:9: the stars in '7*24' and '5*8' are taken to mark italic text "
        f"between them, {LEFT_OUT} '724 小时， 门店 58'; write 7×24 and 5×8 {EMPHASIS}",
    ]
    write_home(
        minimal_project,
        "热线 7×24 小时有人接听，门店 5×8 小时营业。\n\n"
        "价格\\*：199 元（\\*以门店公告为准）\n\n"
        "请填写姓名：＿＿＿＿，电话：＿＿＿＿。\n",
    )
    content = built_home(minimal_project, capsys)
    shown = [shown_text(paragraph) for paragraph in content.iter("p")]
    for meant in (
        "热线 7×24 小时有人接听，门店 5×8 小时营业。",
        "价格*：199 元（*以门店公告为准）",
        "请填写姓名：＿＿＿＿，电话：＿＿＿＿。",
    ):
        assert meant in shown
    assert not [*content.iter("em")]


def test_braces_taken_for_attributes_are_told_and_the_fix_shows_their_words(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_home(
        minimal_project,
        "话术模板：“您好，**张先生**{称呼可换成女士}，您的工单已处理。”\n\n"
        "填写要求：`工号`{必填}。\n\n"
        "## 价格说明 {含税}\n\n"
        "| 项目 | 价格 {含税} |\n| --- | --- |\n| 套餐 | 18 元 |\n",
    )
    assert told(minimal_project, capsys, 1) == [
        f"{HOME}:{first}:17: '{{称呼可换成女士}}' right after bold text is read as attributes "
        f"for it (attr_list), and the page leaves it out; {FULL_WIDTH} （称呼可换成女士）, or a "
        f"backslash before '{{' to show the braces: \\{{称呼可换成女士}} {ATTRIBUTES}",
        f"{HOME}:{first + 2}:10: '{{必填}}' right after code is read as attributes for it "
        f"(attr_list), and the page leaves it out; {FULL_WIDTH} （必填）, or a backslash "
        f"before '{{' to show the braces: \\{{必填}} {ATTRIBUTES}",
        f"{HOME}:{first + 4}:9: '{{含税}}' ending a heading is read as attributes for it "
        f"(attr_list), and the page leaves it out; {FULL_WIDTH} （含税）, or a backslash "
        f"before '{{' to show the braces: \\{{含税}} {ATTRIBUTES}",
        f"{HOME}:{first + 6}:11: '{{含税}}' ending a table's cell is read as attributes for "
        f"it (attr_list), and the page leaves it out; {FULL_WIDTH} （含税）, or a backslash "
        f"before '{{' to show the braces: \\{{含税}} {ATTRIBUTES}",
    ]
    write_home(
        minimal_project,
        "话术模板：“您好，**张先生**（称呼可换成女士），您的工单已处理。”\n\n"
        "填写要求：`工号`\\{必填}。\n\n"
        "## 价格说明 （含税）\n\n"
        "| 项目 | 价格 \\{含税} |\n| --- | --- |\n| 套餐 | 18 元 |\n",
    )
    content = built_home(minimal_project, capsys)
    text = shown_text(content)
    for meant in ("张先生（称呼可换成女士），", "工号{必填}。", "价格说明 （含税）", "价格 {含税}"):
        assert meant in text


MEANT_AS_WRITTEN = [
    "先问清楚客户的*真实*需求，“*真实*”的需求，*（选填）*，*注意*：探索不是审问。",
    "帮助客户成功是一种**投资**：客户的事业做成了。\n\n**客户：**您好，**【重要】**提示。",
    "热线 7 * 24 小时，门店 5 * 8 小时；热线 7*24 小时。",
    "热线 7\\*24 小时，门店 5\\*8 小时；`7*24` 和 `5*8`。",
    "得分**90**分，第*3*步，文件 a_b_c 和 7_24_8。",
    "姓名 ____ 电话 ____。\n\n答案是 **____**。",
    '您好，**张先生** {称呼可换成女士}，**重要**{: .big}，*提示*{title="中文提示"}。',
    "## 价格说明 {#prices}",
    "5~10 天，3~5 人，5~~10天，3~~5人，a^2+b^2，价格 $5 或 $10，时间 10:30:45。",
    '=== "网页"\n    内容在这里，a == b == c。\n\n<!-- ==注释里的标记== -->',
    "如果 a==b 且 c==d，就通过；x==1 或 y==2 时重来。",
    "参见`==高亮==`和 `:smile:`，以及 [^1]。\n\n[^1]: 来源：《关键时刻》课程讲义。",
]


@pytest.mark.parametrize("body", MEANT_AS_WRITTEN)
def test_marks_the_site_shows_as_meant_pass(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], body: str
) -> None:
    write_home(minimal_project, f"{body}\n")
    assert told(minimal_project, capsys, 0) == []


def test_a_note_box_written_as_a_quote_is_told_and_the_fix_makes_a_box(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_home(
        minimal_project,
        "> [!NOTE]\n> 探索不是审问。\n\n> [!tip]- 小贴士\n> 先问自己。\n\n> [!CAUTION]\n> 小心。\n",
    )
    assert told(minimal_project, capsys, 1) == [
        f"{HOME}:{first}:3: '> [!NOTE]' opens a note box in GitHub or Obsidian, not on the "
        "site, which shows a quote starting with '[!NOTE]'; write the box's first line as "
        '!!! note "注意", and its text on the lines below, each indented 4 spaces in place '
        f"of '>' {ALERT}",
        f"{HOME}:{first + 3}:3: '> [!tip]- 小贴士' opens a note box in GitHub or Obsidian, "
        "not on the site, which shows a quote starting with '[!tip]'; write the box's first "
        'line as ??? tip "小贴士", and its text on the lines below, each indented 4 spaces '
        f"in place of '>' {ALERT}",
        f"{HOME}:{first + 6}:3: '> [!CAUTION]' opens a note box in GitHub or Obsidian, not on "
        "the site, which shows a quote starting with '[!CAUTION]'; write the box's first line "
        'as !!! warning "小心", and its text on the lines below, each indented 4 spaces in '
        f"place of '>' {ALERT}",
    ]
    write_home(
        minimal_project,
        '!!! note "注意"\n    探索不是审问。\n\n??? tip "小贴士"\n    先问自己。\n',
    )
    content = built_home(minimal_project, capsys)
    assert [box.text_content().strip() for box in content.find_class("note")] == [
        "注意\n探索不是审问。"
    ]
    assert [box.get("class") for box in content.iter("details")] == ["tip"]
    assert "[!" not in content.text_content()


def test_marks_of_other_editors_are_warned_of_and_the_fixes_pass(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write_home(
        minimal_project,
        "探索首先是==一种想法==，其次才是~~先谈技巧~~。\n\n"
        "一种想法^注^，H~2~O，2^10^。\n\n"
        "$$\nP = \\frac{a}{b}\n$$\n\n公式 $x^2$。\n\n"
        "- [ ] 回想一次经历\n- [x] 写下来\n\n好的:smile: :+1:\n",
    )
    warned = f"{HOME}:{{}}:{{}}: warning: "
    assert told(minimal_project, capsys, 0) == [
        warned.format(first, 6) + f"'==一种想法==' is highlighted text in Typora or Obsidian, "
        f"{NO_MARKS}; make it bold: **一种想法** {MARKUP}",
        warned.format(first, 19) + "'~~先谈技巧~~' is struck-out text in GitHub or Typora, "
        f"{NO_MARKS}; delete the '~~' marks and say in words that it is wrong "
        f"(不要说：“先谈技巧”), or delete the text {MARKUP}",
        warned.format(first + 2, 5) + f"'^注^' is raised text in Typora, {NO_MARKS}; delete "
        f"the '^' marks; for a note, cite a footnote ([^1]) and define it at the end of the "
        f"page {MARKUP}",
        warned.format(first + 2, 9) + f"'H~2~O' is lowered text in Typora, {NO_MARKS}; write "
        f"the lowered digits: H₂O {MARKUP}",
        warned.format(first + 2, 15) + f"'2^10^' is raised text in Typora, {NO_MARKS}; write "
        f"the raised digits: 2¹⁰ {MARKUP}",
        warned.format(first + 4, 1) + "'$$' opens a formula in Typora, which the site does "
        "not have: it shows the formula's marks as written; write the formula as text "
        f"(a ÷ b, x², 7 × 24), or show it as a picture {MARKUP}",
        warned.format(first + 8, 4) + "'$x^2$' is a formula in Typora, which the site does "
        "not have: it shows the formula's marks as written; write the formula as text "
        f"(a ÷ b, x², 7 × 24), or show it as a picture {MARKUP}",
        warned.format(first + 10, 3) + "'[ ]' is a tick box in GitHub or Typora, which the "
        "site does not have: it shows the brackets as written; delete '[ ]': the list's item "
        f"reads the same without it {MARKUP}",
        warned.format(first + 11, 3) + "'[x]' is a tick box in GitHub or Typora, which the "
        "site does not have: it shows the brackets as written; delete '[x]': the list's item "
        f"reads the same without it {MARKUP}",
        warned.format(first + 13, 3) + "':smile:' is an emoji's code in GitHub or Typora, "
        "which the site does not have: it shows the code as written; type the emoji itself: "
        f"😄 {MARKUP}",
        warned.format(first + 13, 11) + "':+1:' is an emoji's code in GitHub or Typora, "
        "which the site does not have: it shows the code as written; type the emoji itself: "
        f"👍 {MARKUP}",
    ]
    write_home(
        minimal_project,
        "探索首先是**一种想法**，其次才是技巧。\n\n一种想法，H₂O，2¹⁰。\n\n"
        "- 回想一次经历\n- 写下来\n\n好的😄 👍\n",
    )
    assert told(minimal_project, capsys, 0) == []
