"""Numbers kept on the line of the Chinese beside them: a no-break space where a trainer
typed a space between a number and Chinese, outside code, in every text the site shows.
Drawn on a phone: test_details.test_every_table_fits_a_phone_with_its_words_whole."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import markdown
import pytest
from lxml.html import HtmlElement

from generator.kept_numbers import NO_BREAK_SPACE, body_with_numbers_kept, keep_numbers
from generator.markdown_config import markdown_settings
from generator.models import Page, PageMeta
from generator.project import Project
from generator.yaml_source import parse_yaml
from tests.conftest import PROJECT

NB = NO_BREAK_SPACE
PARTED = re.compile(r"[0-9%] [\u4e00-\u9fff]|[\u4e00-\u9fff] [0-9]")
"""A number and the Chinese beside it, a breakable space apart."""
CODE = {"code", "pre", "script", "style"}
CONTENT = "//div[contains(concat(' ', @class, ' '), ' md-content ')]"
"""Material's content: the page less its header, navigation and contents sidebar."""


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("坏消息传给 10 人", f"坏消息传给{NB}10{NB}人"),
        ("第 3 步", f"第{NB}3{NB}步"),
        ("80% 的客户", f"80%{NB}的客户"),
        ("2024 年 3 月", f"2024{NB}年{NB}3{NB}月"),
        ("4P 走向 4C", f"4P 走向{NB}4C"),  # 4P is a name, not a number before Chinese
        ("IBM 的 3 个部门", f"IBM 的{NB}3{NB}个部门"),
        ("版本 v2 和 10 GB", f"版本 v2{NB}和{NB}10 GB"),  # a Latin unit is left as written
        ("10 20", "10 20"),
    ],
)
def test_a_space_between_a_number_and_chinese_no_longer_breaks(written: str, kept: str) -> None:
    assert keep_numbers(written) == kept


def a_page(body: str) -> Page:
    front = "title: 示例\n"
    source = parse_yaml(front, Path("course/index.md"), line_offset=1)
    return Page("index", source, PageMeta(title="示例"), body, front.count("\n") + 3)


def test_code_keeps_its_spaces_and_everything_else_is_as_written() -> None:
    """A reader may copy code: fenced, indented and in backticks, it is left as typed. A note
    box's indented paragraph is text, not code."""
    body = (
        "正文 3 个要点，`共 3 项` 不变。\n"
        "\n"
        "```text\n"
        "第 1 行\n"
        "```\n"
        "\n"
        "    缩进的代码 2 行\n"
        "\n"
        '!!! note "提示"\n'
        "\n"
        "    框里 5 分钟\n"
        "\n"
        "| 时间 | 30 分钟 |\n"
    )
    kept = body_with_numbers_kept(a_page(body))
    assert kept == (
        body.replace("正文 3 个", f"正文{NB}3{NB}个")
        .replace("框里 5 分钟", f"框里{NB}5{NB}分钟")
        .replace("| 30 分钟", f"| 30{NB}分钟")
    )


def test_a_heading_keeps_its_id() -> None:
    """A heading with no id of its own has one made from its text: the same as before."""
    extensions, configs = markdown_settings(Project(PROJECT))
    ids = []
    for text in ("## 差距 3 的来历", f"## 差距{NB}3{NB}的来历", "## 第 2 步 {#step-2}"):
        html = markdown.Markdown(extensions=extensions, extension_configs=configs).convert(text)
        ids.append(lxml.html.fromstring(html).get("id"))
    assert ids[0] == ids[1] and ids[2] == "step-2"


def test_no_page_of_the_real_course_parts_a_number_from_its_word(built_site: Path) -> None:
    """Every text of every page's content, hidden ones too (an explanation before its
    answer), outside code. (Python-Markdown writes a heading into the contents sidebar with
    its spaces made plain, and the runtime writes its own texts.)"""
    parted = {}
    for html_file in sorted(built_site.glob("*.html")):
        tree = lxml.html.fromstring(html_file.read_text(encoding="utf-8"))
        found = tree.xpath(CONTENT)
        assert isinstance(found, list)
        content = [element for element in found if isinstance(element, HtmlElement)]
        assert len(content) == 1, html_file.name
        texts = [text for text in texts_outside_code(content[0]) if PARTED.search(text)]
        if texts:
            parted[html_file.name] = texts
    assert parted == {}


def texts_outside_code(tree: HtmlElement) -> list[str]:
    """The text of each element, and the text after it, outside code."""
    found = []
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        around = {ancestor.tag for ancestor in element.iterancestors()}
        if element.text and not CODE & {element.tag, *around}:
            found.append(element.text)
        if element.tail and not CODE & around:
            found.append(element.tail)
    return found


HAN = "\u4e00-\u9fff"
SPACED_NUMBER = re.compile(rf'[{HAN}] "\s*\+|\+\s*" [{HAN}]|"[^"\n]*?({PARTED.pattern})')
"""In the runtime's source, a text that ends in Chinese and a space with a number joined
after it (``"答对 " + right``), that begins with a space and Chinese after one, or that
holds a number and Chinese a space apart (``"得 0 分"``)."""
COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)


def spaced_numbers(path: Path) -> list[str]:
    """Where ``path``'s code, its comments left out, writes a breakable space beside a number."""
    source = COMMENT.sub(lambda comment: "\n" * comment[0].count("\n"), path.read_text("utf-8"))
    return [
        f"{path.relative_to(PROJECT)}:{source.count(chr(10), 0, found.start()) + 1}"
        for found in SPACED_NUMBER.finditer(source)
    ]


def test_the_runtime_keeps_the_numbers_it_writes_with_their_words() -> None:
    """The runtime writes scores, counts and places into its texts (答对 3/15 题, 3 轮中有
    2 轮): a plain space beside the number let a phone's line end there, as a dialogue's
    closing line did on a phone 390 px wide (a number at a line's end, its 轮 on the next)."""
    assets = sorted((PROJECT / "generator" / "assets").rglob("*.js"))
    spaced = [place for path in assets for place in spaced_numbers(path)]
    assert spaced == [], "write a no-break space (\\u00a0) between the number and the Chinese"
