"""Lines the site shows otherwise than written: text right under a table (one more row of
it), a paragraph's line with ``---`` right under it (a heading), a heading with a full-width
space before its '#' (text), and an id with one before its '{' (text). ``check`` tells each
at its place, the fix it gives shows what was meant, and what the site shows as written
passes."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from tests.conftest import run_generator
from tests.test_page_links import PAGE, SITE_MARKDOWN, add_to_page, problems

TABLE = "| 国家 | 比重 |\n| --- | --- |\n| 中国 | 34 |\n"
PARAGRAPH = "表中的发达国家无一例外都在 60% 以上。"


def shown(text: str) -> lxml.html.HtmlElement:
    """``text`` as the site converts it."""
    SITE_MARKDOWN.reset()
    return lxml.html.fromstring(f"<div>{SITE_MARKDOWN.convert(text)}</div>")


def told(root: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """What ``check`` returns and reports, warnings too, one line each."""
    status = run_generator(root, "check")
    error = capsys.readouterr().err
    assert "Traceback" not in error
    return status, [line for line in error.splitlines() if line.startswith("course/")]


ROW = (
    "this line follows the table's rows with no blank line between, so the site shows it as "
    "one more row of the table, its text in the first cell; leave a blank line between the "
    "table and this line [page.text-in-table]"
)


@pytest.mark.parametrize(
    ("text", "column"),
    [
        (f"{TABLE}{PARAGRAPH}", 1),
        (f"{TABLE}- 列表的一项", 1),
        (f"{TABLE}## 小结", 1),
        ('!!! note "数据"\n\n    ' + TABLE.replace("\n|", "\n    |") + f"    {PARAGRAPH}", 5),
    ],
    ids=["paragraph", "list", "heading", "in-a-box"],
)
def test_a_line_right_under_a_table_is_told_it_shows_as_a_row(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str, column: int
) -> None:
    """The paragraph under a table showed in its first cell, and check passed."""
    first = add_to_page(minimal_project, f"{text}\n")
    line = first + text.count("\n")
    assert problems(minimal_project, capsys) == [f"{PAGE}:{line}:{column}: {ROW}"]
    assert "60%" not in shown(TABLE + PARAGRAPH).xpath("string(//p)")  # as the message says


def test_a_line_right_under_a_table_of_one_column_is_told_the_table_shows_as_text(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = f"| 要点 |\n| --- |\n| 先倾听 |\n{PARAGRAPH}"
    first = add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first + 3}:1: this line follows the table's rows with no blank line between, "
        "so the site shows the table and this line as lines of text; leave a blank line "
        "between the table and this line [page.broken-table]"
    ]
    assert shown(text).find(".//table") is None


@pytest.mark.parametrize(
    "text",
    [
        f"{TABLE}\n{PARAGRAPH}",
        f"{TABLE}| 美国 | 80 |\n| 日本 |",
        f"{TABLE}<!-- 数据来自世界银行 -->\n{PARAGRAPH}",
        '!!! note "数据"\n\n    ' + TABLE.replace("\n|", "\n    |") + f"\n{PARAGRAPH}",
        f"```text\n{TABLE}{PARAGRAPH}\n```",
    ],
    ids=["blank-line", "rows", "comment", "box-then-paragraph", "code"],
)
def test_what_is_no_text_under_a_table_passes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == []


def test_the_fix_for_text_under_a_table_shows_it_below_the_table() -> None:
    content = shown(f"{TABLE}\n{PARAGRAPH}")
    assert [row.xpath("string()").split() for row in content.iter("tr")] == [
        ["国家", "比重"],
        ["中国", "34"],
    ]
    assert content.xpath("string(//p)") == PARAGRAPH


SEPARATOR = "探索首先是一种想法，其次才是一套技巧。"
UNDERLINED = (
    "makes that line a level-2 heading, which the site shows large and lists in the page's "
    "contents, not a line across the page; for a line across the page, {across}; for a "
    "heading, write it '## {text}' and delete the '{dashes}' [page.underlined-heading]"
)


@pytest.mark.parametrize(
    ("text", "column", "warning", "across"),
    [
        (f"{SEPARATOR}\n---", 1, "", "leave a blank line above it"),
        ("小结\n---", 1, "warning: ", "leave a blank line above it"),
        ("客户成功，我们才更成功：\n-", 1, "", "leave a blank line above it and write it '---'"),
        ("> 小结\n> --", 3, "warning: ", "leave a blank line above it and write it '---'"),
        ('!!! note "说明"\n    小结\n    ---', 5, "warning: ", "leave a blank line above it"),
    ],
    ids=["sentence", "maybe-a-heading", "one-dash", "in-a-quote", "in-a-box"],
)
def test_a_line_of_dashes_under_a_paragraph_line_is_told_it_makes_a_heading(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    column: int,
    warning: str,
    across: str,
) -> None:
    """'---' meant as a line across the page made the paragraph above it a heading, listed
    in the page's contents, and check passed. A sentence is an error; a short line with no
    sentence's punctuation may be a heading meant, and is warned of."""
    first = add_to_page(minimal_project, f"{text}\n")
    line = first + text.count("\n")
    heading, dashes = (row.lstrip("> ").strip() for row in text.splitlines()[-2:])
    status, reported = told(minimal_project, capsys)
    assert reported == [
        f"{PAGE}:{line}:{column}: {warning}the '{dashes}' right under the line '{heading}' "
        + UNDERLINED.format(across=across, text=heading, dashes=dashes)
    ]
    assert status == (0 if warning else 1)
    assert [element.text for element in shown(text).iter("h2")] == [heading]  # as told


@pytest.mark.parametrize(
    "text",
    [
        f"{SEPARATOR}\n\n---",
        f"{SEPARATOR}\n***",
        f"{SEPARATOR}\n___",
        f"{SEPARATOR}\n- - -",
        f"先说 MOT\n{SEPARATOR}\n---",
        TABLE.replace("| --- | --- |", "|---|---|"),
        "```text\n小结\n---\n```",
        "## 小结\n---",
    ],
    ids=[
        "blank-line",
        "stars",
        "underscores",
        "spaced-dashes",
        "second-line",
        "table",
        "code",
        "heading",
    ],
)
def test_a_line_across_the_page_passes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """The site shows these as written: a rule, a table or code (a '---' under a heading, or
    under a paragraph's second line, is a rule too)."""
    add_to_page(minimal_project, f"{text}\n")
    assert told(minimal_project, capsys) == (0, [])
    assert len(shown(text).findall(".//h2")) == text.count("## ")


def test_the_fixes_for_a_line_of_dashes_show_a_rule_or_a_heading(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed = f"{SEPARATOR}\n\n---\n\n## 小结\n"
    add_to_page(minimal_project, fixed)
    assert told(minimal_project, capsys) == (0, [])
    content = shown(fixed)
    assert content.xpath("string(//p)") == SEPARATOR
    assert content.find(".//hr") is not None
    assert [heading.text for heading in content.iter("h2")] == ["小结"]


INDENTED = (
    "before its '#', so the site shows it as text, not as a heading; delete the spaces "
    "before the '#' (in a list item or a box, indent it four half-width spaces) "
    "[page.indented-heading]"
)


@pytest.mark.parametrize(
    ("written", "name"),
    [
        ("\u3000## 补充说明 {#extra-notes}", "a full-width space (U+3000)"),
        ("\u3000\u3000### 补充说明", "a full-width space (U+3000)"),
        (" \u00a0## 补充说明", "a no-break space (U+00A0)"),
    ],
    ids=["full-width", "two-full-width", "no-break"],
)
def test_a_heading_with_an_odd_space_before_its_hashes_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, name: str
) -> None:
    """Word's first-line indent (首行缩进) put a full-width space before '## 补充说明': the
    site showed the line as text, and check passed."""
    line = add_to_page(minimal_project, f"{written}\n")
    heading = written.lstrip(" \u3000\u00a0")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: the heading '{heading}' has {name} {INDENTED}"
    ]
    assert shown(written).find(".//h2") is None  # as the message says


def test_a_review_link_to_a_heading_with_a_full_width_space_is_told_of_the_heading_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Three review links to '#recovery' were told to write '{#recovery}' at the end of a
    heading that had it, and nothing of the full-width space before its '#'."""
    page = minimal_project / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## 服务补救", "\u3000## 服务补救"), encoding="utf-8")
    line = text[: text.index("## 服务补救")].count("\n") + 1
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: the heading '## 服务补救 {{#recovery}}' has a full-width space "
        f"(U+3000) {INDENTED}"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "\u3000\u3000#关键时刻# 话题在朋友圈里传开了。",
        "```text\n\u3000## 代码\n```",
        "## 小结\u3000",
        "## 小结 {#wrap-up}\u3000",
    ],
    ids=["hashtag", "code", "space-after-heading", "space-after-id"],
)
def test_full_width_spaces_the_site_shows_as_meant_pass(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("spaces", "replaced"),
    [
        ("\u3000", "full-width space"),
        ("\u00a0", "no-break space"),
        (" \u3000", "spaces before '{'"),
    ],
    ids=["full-width", "no-break", "space-and-full-width"],
)
def test_an_odd_space_before_a_heading_id_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], spaces: str, replaced: str
) -> None:
    """It was told its '{#customer-success}' was "not the one '{…}' that ends the line",
    which it was, and nothing of the full-width space before it."""
    written = f"## 客户成功，我们才更成功{spaces}{{#customer-success}}"
    line = add_to_page(minimal_project, f"{written}\n")
    name = "a no-break space (U+00A0)" if "\u00a0" in spaces else "a full-width space (U+3000)"
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:{written.index('{') + 1}: the heading's '{{#customer-success}}' has "
        f"{name} before it, not an ordinary one, so the site shows it as text, and the "
        f"heading does not get the id; replace the {replaced} with one ordinary space: "
        "… {#customer-success} [page.id-as-text]"
    ]
    assert shown(written).xpath("//h2/@id") != ["customer-success"]


def test_the_fix_for_an_odd_space_before_a_heading_id_gives_the_heading_its_id(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fixed = "## 客户成功，我们才更成功 {#customer-success}"
    add_to_page(minimal_project, f"{fixed}\n\n见[客户成功](#customer-success)。\n")
    assert problems(minimal_project, capsys) == []
    assert shown(fixed).xpath("//h2/@id") == ["customer-success"]
