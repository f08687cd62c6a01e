"""Slips in pages that the site publishes broken, or shows otherwise than meant: each told
at its line and column, with its fix (and nothing told where the site shows what was
meant)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import run_generator
from tests.test_page_links import ON_COMPUTER, PAGE, add_to_page, problems


@pytest.mark.parametrize(
    ("written", "column", "address"),
    [
        (
            '<div style="background: url(file:///C:/Users/li/eodc.png)">背景</div>',
            29,
            "file:///C:/Users/li/eodc.png",
        ),
        (
            "<style>\n.eodc { background: url('C:\\Users\\li\\eodc.png'); }\n</style>",
            26,
            "C:\\Users\\li\\eodc.png",
        ),
        ('<style>@import "/Users/li/eodc.png";</style>', 17, "/Users/li/eodc.png"),
    ],
    ids=["style-attribute", "style-block", "import"],
)
def test_css_that_loads_a_file_on_the_trainers_computer_is_told_to_copy_it_in(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    column: int,
    address: str,
) -> None:
    """A picture named as ![](file:///…) was refused; the same file in CSS was published,
    for no learner to see, with nothing said."""
    line = add_to_page(minimal_project, f"{written}\n") + (1 if "\n" in written else 0)
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:{column}: '{address}' {ON_COMPUTER}; copy the file into "
        "course/images/ and write images/eodc.png [link.local-file]"
    ]


def test_a_shared_folder_s_path_is_told_at_its_first_backslash(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    r"""Markdown reads '\\server' as '\server', which was found one column late."""
    line = add_to_page(minimal_project, "![EODC](\\\\server\\share\\eodc.png)\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:9: '\\server\\share\\eodc.png' {ON_COMPUTER}; copy the file into "
        "course/images/ and write images/eodc.png [link.local-file]"
    ]


@pytest.mark.parametrize(
    ("text", "reported"),
    [
        (
            "服务补救[^1]。\n\n［^1］: 来源：《关键时刻》。\n",
            [
                (
                    2,
                    1,
                    "'［^1］' is typed with full-width '［］', so the line defines no footnote "
                    "and the page shows it as written; type the brackets half-width: "
                    "[^1]: 来源：《关键时刻》。",
                )
            ],
        ),
        (
            "服务补救［^1］。\n\n【^1】：来源。\n",
            [
                (
                    0,
                    5,
                    "'［^1］' is typed with full-width '［］', so the site shows it as written, "
                    "not as a reference to the footnote [^1]; type the brackets half-width: [^1]",
                ),
                (
                    2,
                    1,
                    "'【^1】' is typed with full-width '【】', so the line defines no footnote "
                    "and the page shows it as written; type the brackets and the colon "
                    "half-width: [^1]: 来源。",
                ),
            ],
        ),
        (
            "服务补救[^1]，再说一次［^1］。\n\n[^1]: 来源。\n",
            [
                (
                    0,
                    14,
                    "'［^1］' is typed with full-width '［］', so the site shows it as written, "
                    "not as a reference to the footnote [^1]; type the brackets half-width: [^1]",
                )
            ],
        ),
    ],
    ids=["definition", "both", "reference-of-a-footnote-in-use"],
)
def test_a_footnote_typed_full_width_is_told_wherever_it_is(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    reported: list[tuple[int, int, str]],
) -> None:
    """A definition typed '［^1］:' was told nowhere, or the reference was told defined
    nowhere; a full-width reference was told only if the footnote had no other."""
    line = add_to_page(minimal_project, text)
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + row}:{column}: {message} [page.footnote-full-width]"
        for row, column, message in reported
    ]


def test_a_face_in_brackets_is_no_footnote(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_page(minimal_project, "客户笑了【^_^】。\n")
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("written", "column", "shown", "marks", "fix"),
    [
        (
            '见[探索]（02-second.md "第二章"）。',
            6,
            '[探索]（02-second.md "第二章"）',
            "（）",
            'type its brackets half-width: [探索](02-second.md "第二章")',
        ),
        (
            "见【探索】(02-second.md '第二章')。",
            2,
            "【探索】(02-second.md '第二章')",
            "【】",
            "type its brackets half-width: [探索](02-second.md '第二章')",
        ),
        (
            "见[探索]（02-second.md “第二章”）。",
            6,
            "[探索]（02-second.md “第二章”）",
            "（）",
            "type its brackets half-width, and its title's quotes straight: "
            '[探索](02-second.md "第二章")',
        ),
    ],
    ids=["title", "single-quoted-title", "curly-title"],
)
def test_a_full_width_link_with_a_title_is_named_with_its_fix(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    column: int,
    shown: str,
    marks: str,
    fix: str,
) -> None:
    """Without a title it was told; with one, the site showed it as text, with nothing said."""
    line = add_to_page(minimal_project, f"{written}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:{column}: the link '{shown}' is typed with full-width '{marks}', so "
        f"the site shows it as text; {fix} [page.full-width-link]"
    ]


def test_a_line_that_opens_with_a_code_span_is_checked_as_text(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Blanked, the code span looked like four spaces of indent: after a blank line the line
    was taken for indented code, and no check of the page's text read it."""
    line = add_to_page(minimal_project, "`mkdocs.yml` 的写法见［这里］（02-second.md）。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:18: the link '［这里］（02-second.md）' is typed with full-width "
        "'［］（）', so the site shows it as text; type its brackets half-width: "
        "[这里](02-second.md) [page.full-width-link]"
    ]


@pytest.mark.parametrize(
    ("written", "column", "kind", "fixed"),
    [
        ("!!! 注意", 5, "注意", '!!! note "注意"'),
        ('!!! 警告 "别打断客户"', 5, "警告", '!!! warning "别打断客户"'),
        ("???+ 提示", 6, "提示", '???+ tip "提示"'),
        ("!!! 注意 事项", 5, "注意", '!!! note "注意 事项"'),
        ("!!! 须知", 5, "须知", '!!! note "须知"'),
        ("!!! ｔｉｐ", 5, "ｔｉｐ", '!!! tip "提示"'),
        ('!!! Ｗａｒｎｉｎｇ "小心"', 5, "Ｗａｒｎｉｎｇ", '!!! warning "小心"'),
    ],
    ids=[
        "note",
        "warning-with-title",
        "collapsible",
        "two-words",
        "unknown-word",
        "full-width-kind",
        "full-width-kind-with-title",
    ],
)
def test_a_box_kind_typed_in_chinese_is_told_the_english_kind(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    column: int,
    kind: str,
    fixed: str,
) -> None:
    """The site shows a box of any kind it does not know as a note, and check said nothing
    ('!!! 注意 事项' was told its title was unquoted, and the box titled '注意'; '!!! 注意'
    over a line of Chinese was told a line break between Chinese characters)."""
    line = add_to_page(minimal_project, f"{written}\n    先听客户说完。\n")
    assert run_generator(minimal_project, "check") == 0
    reported = [found for found in capsys.readouterr().err.splitlines() if found.startswith(PAGE)]
    assert reported == [
        f"{PAGE}:{line}:{column}: warning: '{kind}' is no kind of box the site knows (their "
        "kinds are English words: note, tip, warning, example, question, quote, abstract, "
        "success, failure), so it shows a note box, in a note's colour; name the kind in "
        "English and put the title in straight double quotes: "
        f"{fixed} [page.box-kind-chinese]"
    ]


GLUED = (
    "the table's first row follows the line above it with no blank line between, so the site "
    "shows the table as lines of text; leave a blank line above the table's first row"
)


@pytest.mark.parametrize(
    ("table", "row", "column", "expected"),
    [
        ("先看表格：\n| 步骤 | 做法 |\n| --- | --- |\n| 望 | 观察 |", 1, 1, GLUED),
        ("先看表格：\n步骤 | 做法\n--- | ---\n望 | 观察", 1, 1, GLUED),
        ("## 望闻问切\n先看表格：\n| 步骤 | 做法 |\n| --- | --- |", 2, 1, GLUED),
        (
            '!!! tip "表格"\n    先看表格：\n    | 步骤 | 做法 |\n    | --- | --- |',
            2,
            5,
            GLUED,
        ),
        (
            "先看表格：\n步骤 ｜ 做法\n--- ｜ ---",
            1,
            1,
            f"{GLUED}, and type every '｜' of the table half-width, as '|'",
        ),
        (
            "步骤 ｜ 做法\n--- ｜ ---\n望 ｜ 观察",
            0,
            4,
            "the table's pipes are typed full-width, '｜', so the site shows the table as "
            "lines of text; type every '｜' of the table half-width, as '|'",
        ),
    ],
    ids=[
        "under-text",
        "no-outer-pipes",
        "under-a-heading-s-text",
        "in-a-box",
        "full-width",
        "full-width-no-outer-pipes",
    ],
)
def test_a_table_the_site_shows_as_text_under_a_line_is_named(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    table: str,
    row: int,
    column: int,
    expected: str,
) -> None:
    """The tables extension looks for a table where a block starts: one right under a line
    of text was shown as that paragraph's lines, with nothing said; so was one with
    full-width pipes and none at its ends."""
    line = add_to_page(minimal_project, f"{table}\n\n正文。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + row}:{column}: {expected} [page.broken-table]"
    ]


def test_tables_the_site_shows_under_a_heading_a_rule_or_a_box_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each starts a block of its own, as the site shows it: under a heading or a rule,
    after a box's text when not indented into it, and a table's later rows."""
    add_to_page(
        minimal_project,
        "## 表格\n步骤 | 做法\n--- | ---\n\n***\n| 一 | 二 |\n| --- | --- |\n\n"
        '!!! tip "表格"\n    先看表格。\n| 三 | 四 |\n| --- | --- |\n\n'
        "| 五 | 六 |\n| --- | --- |\n| 望 | 观察 |\n| 七 | 八 |\n| --- | --- |\n",
    )
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        (
            "[第二章](02-secnd.md #centre)",
            7,
            "link to '02-secnd.md #centre', which leads nowhere: the space before '#centre' "
            "makes the site read it as part of the file's name, not as a section; written as "
            "meant, 02-secnd.md#centre, it is still broken: link to '02-secnd.md', which is "
            "not a page of the course; remove the space before '#', and did you mean "
            "'02-second.md'? write 02-second.md#centre [link.mistyped]",
        ),
        (
            "[第二章](02-second.md＃nowhere)",
            7,
            "link to '02-second.md＃nowhere', which leads nowhere: the '＃' is typed "
            "full-width, so the site reads '＃nowhere' as part of the file's name, not as a "
            "section; written as meant, 02-second.md#nowhere, it is still broken: link to "
            "'#nowhere', which is not a heading of 02-second.md; type '#' half-width, and "
            "write '{#nowhere}' at the end of the heading it should open, in place of any id "
            "the heading has (a heading takes one), or change this link to the heading's id "
            "[link.mistyped]",
        ),
        (
            "![图](images/eodc.png “EODC”)",
            6,
            "link to 'images/eodc.png “EODC”', which leads nowhere: the title “EODC” is in "
            "curly quotes, so the site reads it as part of the file's name; written as meant, "
            "images/eodc.png, it is still broken: link to 'images/eodc.png', which is neither "
            "a page nor a file the site publishes; a title goes in straight double quotes, and "
            "put the file at course/images/eodc.png (pictures and downloads go in "
            "course/images/ or course/media/), or correct the path [link.mistyped]",
        ),
    ],
    ids=["space-before-hash", "full-width-hash", "curly-title"],
)
def test_a_mistyped_link_whose_meant_address_is_broken_too_is_told_so(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str, column: int, expected: str
) -> None:
    """The fix named the address meant, which led nowhere either, and said nothing of it."""
    line = add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == [f"{PAGE}:{line}:{column}: {expected}"]


INDENTED_HEADING = (
    "has spaces before its '#', so the site shows it as text, not as a heading; delete the "
    "spaces before the '#' (in a list item or a box, indent it four spaces) "
    "[page.indented-heading]"
)


@pytest.mark.parametrize(
    "written",
    [" ## 小结", "   ### 小结 {#wrap-up}", "1. 第一步\n\n   ## 小结"],
    ids=["one-space", "three-spaces-and-an-id", "under-a-numbered-item"],
)
def test_a_heading_with_spaces_before_its_hashes_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """Python-Markdown takes '#' as a heading's only first on the line: the site showed
    '## 小结' as a paragraph, and check passed."""
    line = add_to_page(minimal_project, f"{written}\n") + written.count("\n")
    heading = written.splitlines()[-1].lstrip()
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: the heading '{heading}' {INDENTED_HEADING}"
    ]


def test_a_link_to_an_indented_heading_is_told_of_the_heading_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three review links to '#recovery' were told to write '{#recovery}' at the end of a
    heading that had it, and nothing of the space before its '#'."""
    page = minimal_project / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## 服务补救", " ## 服务补救"), encoding="utf-8")
    line = text[: text.index("## 服务补救")].count("\n") + 1
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: the heading '## 服务补救 {{#recovery}}' {INDENTED_HEADING}"
    ]


def test_headings_the_site_shows_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In a list item or a box, four spaces in; in a comment or code, no heading at all."""
    add_to_page(
        minimal_project,
        "- 第一步\n\n    ## 小结\n\n<!--\n  ## 旧的小节\n-->\n\n```text\n  ## 代码\n```\n"
        "\n`  ## 代码`\n",
    )
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("text", "line", "column", "marker", "name", "fixed"),
    [
        ("- 先听\n-\u3000再问", 1, 2, "-", "a full-width space (U+3000)", "- 再问"),
        ("1.\u00a0先听", 0, 3, "1.", "a no-break space (U+00A0)", "1. 先听"),
        ("> -\u3000引文", 0, 4, "-", "a full-width space (U+3000)", "- 引文"),
    ],
    ids=["under-an-item", "numbered", "in-a-quote"],
)
def test_a_list_item_typed_with_a_full_width_space_is_named(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    line: int,
    column: int,
    marker: str,
    name: str,
    fixed: str,
) -> None:
    """Python-Markdown takes only a space after a list item's marker: the site ran '-　再问'
    on into the item above as text, and check passed."""
    first = add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first + line}:{column}: '{marker}' is followed by {name}, so the site shows "
        f"this line as text, not as a list item; type a half-width space after '{marker}': "
        f"{fixed} [page.list-marker-space]"
    ]


def test_a_note_mark_or_code_with_a_full_width_space_is_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_page(minimal_project, "*\u3000数据来自统计。\n\n```text\n-\u3000代码\n```\n")
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("separator", "column", "name"),
    [
        ("| --- | --- |\u3000", 14, "a full-width space (U+3000)"),
        ("|\u00a0--- | --- |", 2, "a no-break space (U+00A0)"),
    ],
    ids=["full-width-at-the-end", "no-break-inside"],
)
def test_a_table_line_with_an_odd_space_is_told_of_the_space(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    separator: str,
    column: int,
    name: str,
) -> None:
    """The table was told it had no line of '| --- |' under its first row, and to put in
    the very line it had."""
    line = add_to_page(minimal_project, f"| 步骤 | 做法 |\n{separator}\n| 望 | 观察 |\n") + 1
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:{column}: the line under the table's first row holds {name}, which the "
        "site does not take for a space, so the site shows the table as lines of text; type "
        "its spaces half-width: | --- | --- | [page.broken-table]"
    ]


@pytest.mark.parametrize(
    ("text", "column", "space", "fence", "went_on"),
    [
        (
            "```text\n代码一\n```\u3000\n\n段落\n\n```text\n代码二\n```\n",
            4,
            "a full-width space (U+3000) after",
            "```",
            "the block goes on to line {closing}, and the site shows the text between as code",
        ),
        (
            "```\n代码\n```\u00a0\n\n段落\n",
            4,
            "a no-break space (U+00A0) after",
            "```",
            "no line closes the block, and the site shows the code as text",
        ),
        (
            "~~~\n代码\n\u3000~~~\n",
            1,
            "a full-width space (U+3000) before",
            "~~~",
            "no line closes the block, and the site shows the code as text",
        ),
    ],
    ids=["closed-by-the-next-block", "never-closed", "space-before"],
)
def test_a_code_fence_with_an_odd_space_is_told_at_the_line_meant_to_close_it(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    column: int,
    space: str,
    fence: str,
    went_on: str,
) -> None:
    """A closing fence with a full-width space after it closes nothing: the next block's
    closing fence closed it instead, and the page between was published as code with
    nothing said; or the opening fence was told, not the line to fix."""
    first = add_to_page(minimal_project, text)
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first + 2}:{column}: this line does not close the code block opened on line "
        f"{first}: it has {space} its {fence}, which the site does not take for a space, so "
        f"{went_on.format(closing=first + 8)}; delete {space} the {fence} [page.unclosed-fence]"
    ]


def test_a_fence_with_ascii_spaces_before_it_is_told_as_it_was(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Spaces and tabs around a fence are no odd space: such a line is told as the block's
    fence left open was, where looking for an odd space in it raised StopIteration."""
    line = add_to_page(minimal_project, "```text\n代码\n  ```\n\n段落\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: this line opens a code block with ```, but no line after it closes "
        "the block (a line of ``` alone, indented as this one), so the site shows ``` as text; "
        "end the code with a line of ``` at this line's indent, or delete this line "
        "[page.unclosed-fence]"
    ]


@pytest.mark.parametrize(("mark", "named"), [("`", "backticks"), ("~", "tildes")])
def test_a_long_fence_left_open_is_named_by_its_length(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], mark: str, named: str
) -> None:
    """An unclosed fence of 300,000 backticks was quoted three times, each clipped to 140
    characters of backticks: no one could tell how many to write."""
    line = add_to_page(minimal_project, f"{mark * 300_000}\n代码\n")
    fence = f"300,000 {named}"
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: this line opens a code block with {fence}, but no line after it "
        f"closes the block (a line of {fence} alone, indented as this one), so the site shows "
        f"{fence} as text; end the code with a line of {fence} at this line's indent, or "
        "delete this line [page.unclosed-fence]"
    ]


def test_a_comment_in_a_paragraph_closed_paragraphs_later_is_told_at_its_opening(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The site showed '<!--', the paragraphs after it and the '-->' as text, and check
    passed: only a '<!--' with no '-->' anywhere after it was told."""
    line = add_to_page(minimal_project, "开篇 <!-- 以后再改\n\n第二段。\n\n第三段 --> 后文。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:4: '<!--' is closed only by the '-->' on line {line + 4}, past the end "
        "of its paragraph, so the site shows the comment as text, '<!--' and '-->' too; add "
        "'-->' where the comment ends, in its paragraph; to hide whole paragraphs, start the "
        "comment on a line of its own [page.unclosed-comment]"
    ]


def test_a_comment_on_its_own_line_ended_by_a_later_comment_is_told_what_it_hides(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its own '-->' left out, the comment ran on to the next comment's: the site hid the
    heading and paragraphs between, and check passed."""
    line = add_to_page(
        minimal_project, "<!-- 待修改：换一个例子\n\n## 新的小节\n\n正文。<!-- 好 -->\n\n末段。\n"
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: '<!--' is not closed before the comment on line {line + 4}, whose "
        f"'-->' ends this one, so the site hides all from here to the '-->' on line {line + 4}, "
        f"the heading on line {line + 2} too; add '-->' where this comment ends "
        "[page.unclosed-comment]"
    ]


def test_a_comment_on_its_own_line_ended_by_an_arrow_is_warned_of(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'——>' typed on a Chinese keyboard closes no comment: the arrow in a later paragraph
    did, and the site hid all between."""
    line = add_to_page(minimal_project, "<!-- 备注 ——>\n\n第二段。\n\n要求 --> 需求。\n")
    assert run_generator(minimal_project, "check") == 0
    reported = [found for found in capsys.readouterr().err.splitlines() if found.startswith(PAGE)]
    assert reported == [
        f"{PAGE}:{line}:1: warning: this comment runs on past the end of its paragraph to a "
        "'-->' with text after it, so the site hides all from here to the '-->' on line "
        f"{line + 4}; add '-->' where the comment ends (a '-->' in the text, as an arrow, ends "
        "a comment: write '→' instead); to hide paragraphs on purpose, put the '-->' on a line "
        "of its own [page.comment-hides-text]"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "开篇 <!-- 一条\n写了两行的注释 --> 后文。\n",
        "<!--\n旧的一段。\n\n## 旧的小节\n-->\n\n正文。\n",
        "<!-- 旧的一段：\n\n旧的一段。 -->\n\n正文。\n",
        "正文。\n\n```html\n<!-- 代码里的注释\n\n还是代码 -->\n```\n",
    ],
    ids=[
        "two-lines-of-a-paragraph",
        "paragraphs-hidden-on-purpose",
        "closed-at-a-line-end",
        "code",
    ],
)
def test_comments_that_hide_what_they_mean_to_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    add_to_page(minimal_project, text)
    assert problems(minimal_project, capsys) == []


def warnings_of(root: Path, capsys: pytest.CaptureFixture[str], code: str) -> list[str]:
    """The warnings of code ``code`` that ``check``, passing, prints for the course at ``root``."""
    assert run_generator(root, "check") == 0
    return [line for line in capsys.readouterr().err.splitlines() if line.endswith(f"[{code}]")]


def test_a_box_paragraph_shown_as_code_is_a_warning_naming_the_line_to_indent(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A box's paragraph that lost its indent ended the box, and the box's next paragraph
    was published as code, in a grey box, with nothing said. Indented text in a box, a list
    item or a figure's HTML, and an indented code block under a heading, are left alone."""
    first = add_to_page(
        minimal_project,
        '!!! example "情景"\n    第一段。\n\n'
        "第二段没有缩进，\n也没有空行。\n\n    第三段成了代码。\n\n"
        "## 小节 {#indented}\n\n    print('代码')\n\n"
        '!!! tip "框里"\n    第一段。\n\n    第二段。\n\n'
        "- 列表\n\n    列表的第二段。\n\n"
        '<figure>\n  <svg viewBox="0 0 1 1">\n\n    <title>图</title>\n  </svg>\n</figure>\n',
    )
    assert warnings_of(minimal_project, capsys, "page.box-paragraph-as-code") == [
        f"{PAGE}:{first + 6}:5: warning: this paragraph, indented under no box, shows as code, "
        f"in a grey box: the box '!!! example \"情景\"' (line {first}) ends at line "
        f"{first + 3}, which is not indented; indent line {first + 3} 4 spaces, as the box's "
        "other paragraphs are; if it is meant to follow the box, delete the spaces before "
        "this paragraph [page.box-paragraph-as-code]"
    ]
    assert run_generator(minimal_project, "build") == 0
    built = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    shown_as_code = re.findall(r"<pre><code>(.*?)\n", built)
    assert shown_as_code == ["第三段成了代码。", "print('代码')"]


def test_a_box_paragraph_that_left_opening_with_a_code_span_names_the_line_to_indent(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its code span, blank to the checks, looked like an indent: the box's next paragraph
    was prose-as-code, an error whose fix (delete the spaces) pushed it out of the box too."""
    first = add_to_page(
        minimal_project,
        '!!! tip "提示"\n\n    第一段在框里。\n\n'
        "`mkdocs.yml` 这一段本该缩进，框在这里结束了。\n\n    第二段还缩进着。\n",
    )
    told = warnings_of(minimal_project, capsys, "page.box-paragraph-as-code")
    assert [line.split(": warning")[0] for line in told] == [f"{PAGE}:{first + 6}:5"]
    assert f"ends at line {first + 4}, which is not indented" in told[0]


PROSE_AS_CODE = (
    "so the site shows it as code, in a grey monospace box, not as a paragraph; delete the "
    "{} before the paragraph: the site starts every paragraph at the left edge (to show text "
    "as code, put it between two lines of ``` instead) [page.prose-as-code]"
)


@pytest.mark.parametrize(
    ("indent", "how", "what"),
    [("    ", "4 spaces", "spaces"), ("\t", "with a tab", "tab"), ("      ", "6 spaces", "spaces")],
    ids=["four-spaces", "tab", "six-spaces"],
)
def test_a_paragraph_indented_as_chinese_paragraphs_are_is_not_shown_as_code(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], indent: str, how: str, what: str
) -> None:
    """A paragraph's first line indented (首行缩进, as Word indents one) passed check and
    build, and the site showed the paragraph as code, in a grey monospace box."""
    line = add_to_page(minimal_project, f"{indent}想以客户为中心，先要弄明白客户。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:{len(indent) + 1}: this paragraph is indented {how}, "
        f"{PROSE_AS_CODE.format(what)}"
    ]


def test_indented_code_full_width_spaces_and_box_paragraphs_are_no_prose_as_code(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Code starts half-width, even with Chinese in it, and goes on past a blank line; a
    box's, a list item's and a quote's indented paragraphs are theirs; two full-width spaces
    (　　) are stripped, the paragraph shown as any other; a paragraph that starts with
    inline code (blank to the checks) is not indented; a box's paragraph that shows as code
    is told as such."""
    add_to_page(
        minimal_project,
        "## 小节 {#code}\n\n    print('代码')\n\n        注释：代码的第二段\n\n"
        '!!! tip "框里"\n    第一段。\n\n    第二段。\n\n'
        "- 列表\n\n    列表的第二段。\n\n"
        "\u3000\u3000两个全角空格缩进的段落。\n\n"
        "`mot-quiz` 是测验的位置。\n\n"
        '!!! example "情景"\n    第一段。\n\n第二段没有缩进。\n\n    第三段成了代码。\n',
    )
    assert run_generator(minimal_project, "check") == 0
    told = capsys.readouterr().err
    assert "prose-as-code" not in told
    assert "[page.box-paragraph-as-code]" in told
    assert run_generator(minimal_project, "build") == 0
    built = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    assert "<p>两个全角空格缩进的段落。</p>" in built


@pytest.mark.parametrize(
    ("opening", "where"),
    [('!!! tip "小贴士"', 0), ('=== "网页"', 0), ('!!! tip "小贴士"', 2)],
    ids=["box", "tab", "second-paragraph"],
)
def test_a_box_s_paragraph_indented_twice_is_told_to_take_the_box_s_indent(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], opening: str, where: int
) -> None:
    """The Tab key pressed twice: the paragraph showed as code, in a grey monospace box
    inside the box, and check said nothing."""
    paragraphs = ["    先说一句。", "", "        遇到这种时刻，先问自己一个问题。"][where:]
    line = add_to_page(minimal_project, "\n".join([opening, *paragraphs, ""]))
    number = line + 1 + len(paragraphs) - 1
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{number}:9: this paragraph of the box '{opening}' (line {line}) is indented 8 "
        "spaces, 4 more than the box's text, so the site shows it as code, in a grey monospace "
        "box inside the box; indent it 4 spaces, as the box's other text is (to show text as "
        "code, put it between two lines of ``` instead) [page.box-text-as-code]"
    ]
    page = minimal_project / PAGE
    page.write_text(
        page.read_text(encoding="utf-8").replace("        遇到", "    遇到"), encoding="utf-8"
    )
    assert problems(minimal_project, capsys) == []
    assert run_generator(minimal_project, "build") == 0
    built = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    assert "<p>遇到这种时刻，先问自己一个问题。</p>" in built


def test_what_a_box_holds_indented_under_its_own_blocks_is_no_box_text_as_code(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A list item's second paragraph, a box in the box, and code that starts as code does."""
    add_to_page(
        minimal_project,
        '!!! tip "步骤"\n    - 第一步\n\n        第一步的说明。\n\n'
        '    !!! note "内层"\n        内层的文字。\n\n'
        "    代码：\n\n        print('你好')\n",
    )
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("opening", "written"),
    [
        ('！！！ example "情景"', '!!! example "情景"'),
        ("!!! example “情景”", '!!! example "情景"'),
        ("=== “网页”", '=== "网页"'),
    ],
    ids=["full-width-marks", "curly-quotes", "tab"],
)
def test_a_box_that_does_not_open_is_told_once_not_its_text_as_code(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], opening: str, written: str
) -> None:
    """Its second paragraph, still indented, was prose-as-code too, an error whose fix
    (delete the spaces) took the paragraph out of the box once the box was mended."""
    text = "周六上午，营业厅里排着长队。\n\n    马上办，还是先问一句？\n\n    这是本模块的问题。\n"
    line = add_to_page(minimal_project, f"{opening}\n    {text}")
    [told] = problems(minimal_project, capsys)
    assert told.startswith(f"{PAGE}:{line}:1: this line starts a note box or a tab, but ")
    assert told.endswith(f"; write it as: {written} [page.broken-block]")
    page = minimal_project / PAGE
    page.write_text(page.read_text(encoding="utf-8").replace(opening, written), encoding="utf-8")
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    "opening",
    ['!!! example "系统提示"', '??? note "系统提示"', '=== "系统提示"', "- 第一步"],
    ids=["box", "collapsible", "tab", "list-item"],
)
def test_a_paragraph_after_fenced_code_in_a_box_or_a_list_item_is_no_code(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], opening: str
) -> None:
    """A paragraph after a fenced code block in a box, a content tab or a list item, both
    indented under it, was an error: the fence after a blank line was read as the box's
    end, and the paragraph as code under no box. The site shows the code, then the
    paragraph, both in the box."""
    add_to_page(
        minimal_project,
        f"{opening}\n\n    ```text\n    订单已提交\n    ```\n\n"
        "    这段提示告诉客户订单已经提交成功。\n",
    )
    assert run_generator(minimal_project, "check") == 0
    told = capsys.readouterr().err
    assert "prose-as-code" not in told and "box-paragraph-as-code" not in told
    assert run_generator(minimal_project, "build") == 0
    built = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    paragraph_in_the_box = re.search(
        "订单已提交\n</code></pre></div>\n"
        "<p>这段提示告诉客户订单已经提交成功。</p>\n</(?:div|details|li)>",
        built,
    )
    assert paragraph_in_the_box is not None


def test_a_heading_that_skips_a_level_is_a_warning(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'##' then '####' passed with nothing said: a screen reader's list of headings, which
    a blind learner moves through the page by, read as if a section were missing. A heading
    in a note box, or in code, is not the page's."""
    first = add_to_page(
        minimal_project,
        "## 小节 {#section-a}\n\n#### 细节 {#detail}\n\n### 要点\n\n"
        '!!! tip "框里"\n    #### 框里的标题\n\n```text\n#### 代码\n```\n',
    )
    assert warnings_of(minimal_project, capsys, "page.heading-level-skipped") == [
        f"{PAGE}:{first + 2}:1: warning: this heading is level 4 (####), but the heading on "
        f"line {first} is level 2: a screen reader's list of the page's headings reads as if a "
        "section were missing; make it level 3: ### 细节 {#detail} [page.heading-level-skipped]"
    ]


def test_a_level_one_heading_with_no_space_after_its_mark_is_a_second_title(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Python-Markdown reads '#标题' as a level-1 heading, space or none: the page had two
    titles, with nothing said, as the check looked for '# ' alone."""
    line = add_to_page(minimal_project, "#调整认知的三项原则 {#aligning}\n\n正文。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: level-1 heading in the page body (a '#' starts a heading with no "
        "space after it too); start sections at '##' and a space; the page title comes from "
        "'title:'; to show the '#' as text, write '\\#' [page.level-one-heading]"
    ]


NO_SPACE_SHOWN = (
    "the site shows a heading, but most Markdown editors (Typora, VS Code's preview) and "
    "sites (GitHub) show the line as text; type a half-width space after the '#'s"
)


def test_a_heading_with_no_space_after_its_marks_is_a_heading_and_a_warning(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'##客户' (or '##' and a full-width or no-break space) is a level-2 heading on the
    site; it was taken for text, so the level-3 heading under it was told it skipped a level
    and to become level 2, which broke the page's outline. Now the heading counts, and the
    missing space is a warning: other editors show the line as text."""
    first = add_to_page(
        minimal_project,
        "##小节 {#section-a}\n\n### 细节\n\n##\u3000全角 {#full}\n\n### 要点\n\n"
        "##\u00a0不换行\n\n### 其他\n",
    )
    assert run_generator(minimal_project, "check") == 0
    told = [line for line in capsys.readouterr().err.splitlines() if "heading" in line]
    assert told == [
        f"{PAGE}:{first}:3: warning: no space after '##': {NO_SPACE_SHOWN}: ## 小节 "
        "{#section-a} [page.heading-without-space]",
        f"{PAGE}:{first + 4}:3: warning: the space after '##' is a full-width space: "
        f"{NO_SPACE_SHOWN}: ## 全角 {{#full}} [page.heading-without-space]",
        f"{PAGE}:{first + 8}:3: warning: the space after '##' is a no-break space: "
        f"{NO_SPACE_SHOWN}: ## 不换行 [page.heading-without-space]",
    ]
    assert run_generator(minimal_project, "build") == 0
    built = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    assert re.findall(r"<h2 [^>]*>(小节|全角|不换行)", built) == ["小节", "全角", "不换行"]


def test_two_modules_of_one_title_are_a_warning(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A module copied to start the next kept its title: the navigation and the home page
    showed two modules of one name, with nothing said."""
    second = minimal_project / "course/02-second.md"
    second.write_text(
        second.read_text(encoding="utf-8").replace("title: 第二模块", "title: 示例模块"),
        encoding="utf-8",
    )
    assert warnings_of(minimal_project, capsys, "module.duplicate-title") == [
        "course/02-second.md:2:1: warning: the title '示例模块' is also the title of "
        "course/01-sample.md: the navigation and the home page show two modules of one name; "
        "give each module its own title [module.duplicate-title]"
    ]


@pytest.mark.parametrize(
    ("block", "line", "column", "markdown", "start"),
    [
        (
            "<details>\n<summary>点击查看参考答案</summary>\n\n**参考答案**：先问需求。\n\n</details>",
            3,
            1,
            "**参考答案**",
            "<details",
        ),
        ('<div class="note">\n\n- 第一条\n\n</div>', 2, 1, "- 第一条", '<div class="note"'),
        ("<p>详见[复习](01-sample.md)。</p>", 0, 6, "[复习](01-sample.md)", "<p"),
    ],
    ids=["details", "list-in-div", "link-in-p"],
)
def test_markdown_in_a_block_of_html_is_told_to_have_it_read(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    block: str,
    line: int,
    column: int,
    markdown: str,
    start: str,
) -> None:
    """The site showed the stars, the bracket and the list's dash as written."""
    first = add_to_page(minimal_project, f"{block}\n")
    tag = re.match(r"<(\w+)", start)
    assert tag is not None
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first + line}:{column}: '{markdown}' is Markdown inside a block of HTML "
        f"(<{tag[1]}>), which the site shows as written; add markdown to the block's start "
        f"tag, so that the site reads what it holds as Markdown: {start} markdown> "
        "[page.markdown-in-html]"
    ]
    page = minimal_project / PAGE
    text = page.read_text(encoding="utf-8").replace(f"{start}>", f"{start} markdown>")
    page.write_text(text, encoding="utf-8")
    assert problems(minimal_project, capsys) == []
    assert run_generator(minimal_project, "build") == 0
    built = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    assert markdown not in built


def test_html_blocks_that_hold_no_markdown_or_have_it_read_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Markdown's marks in code, a comment, an attribute, or a block shown as written on
    purpose (<pre>, <textarea>), where adding markdown would change what shows."""
    add_to_page(
        minimal_project,
        "<details markdown>\n<summary>答案</summary>\n\n**参考答案**：先问。\n\n</details>\n\n"
        "<div>\n<strong>粗体</strong>和 2 * 3 = 6\n</div>\n\n"
        "<!--\n**备注**：只给培训师看。\n-->\n\n"
        "正文里的 <span>**粗体**</span>。\n\n"
        '<div class="note">\n用 <code>**粗体**</code> 标出重点，<kbd>- 减号</kbd>。\n</div>\n\n'
        "<pre>\n**客户：**我要退货\n- 先倾听\n</pre>\n\n"
        "<div>\n<!-- **待补** [链接](x.md) -->\n<!--\n- 待补\n-->\n正文。\n</div>\n\n"
        '<div title="**不是粗体**">\n正文。\n</div>\n\n'
        "<table>\n<tr><td><code>**粗体**</code></td></tr>\n</table>\n\n"
        "<textarea>\n**x**\n</textarea>\n",
    )
    assert problems(minimal_project, capsys) == []


def test_a_block_of_html_left_open_is_told_once_not_for_the_markdown_it_swallows(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A rule (<hr>, which has no end tag) holds nothing; a <div> never closed swallows the
    page after it, which is told as such (page.unclosed-html), not as Markdown in it."""
    add_to_page(minimal_project, "<hr>\n\n**粗体**正文。\n\n<div>\n\n**粗体**还在里面。\n")
    told = problems(minimal_project, capsys)
    assert [line.rsplit("[", 1)[1] for line in told] == ["page.unclosed-html]"]
