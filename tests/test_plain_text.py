"""A field the generator pastes into Markdown renders to exactly its text, wherever it lands.

The contexts are the ones the templates use: the page heading, the objectives list, a
cell of the outline table, and the summary paragraph inside the module's intro block.
They are converted with the site's own Markdown extensions (``mkdocs.yml``), so an
extension added later that reads more characters as syntax makes this test fail.
"""

from __future__ import annotations

import string

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import html

from generator.kept_numbers import keep_numbers
from generator.markdown_config import markdown_settings
from generator.plain_text import MAX_CHARACTERS, markdown_text, not_plain
from generator.project import Project
from tests.conftest import PROJECT

CONTEXTS = {
    "heading": ("# {}\n", "//h1"),
    "list item": ("- {}\n- 下一项\n", "//li[1]"),
    "table cell": ("| 模块 | 时间 |\n| --- | --- |\n| {} | 5 |\n", "//tbody/tr/td[1]"),
    "paragraph": ("<div markdown>\n\n{}\n\n<p>事实</p>\n\n</div>\n", "//div/p[1]"),
}
SYNTAX = [
    *"*_`[]{}#|\\<>&!?+-=.:~^",
    *["*强调*", "_强调_", "`代码`", "[链接](x.md)", "![图](x.png)", "[^1]", "*[MOT]: 关键时刻"],
    *["{onclick=x}", "{#id .class}", "\\*", "<b>粗</b>", "&amp;", "<http://x.cn>", "C#"],
    *["- ", "+ ", "* ", "1. ", "1) ", "# ", "> ", "!!! note ", "??? note ", '=== "标签" '],
    *["~~删~~", "==标记==", "^^插入^^", "  ", "\\.", "\\(", "\\-", "\\|"],
    *[":smile:", "++ctrl+c++", "(c)", "(tm)", "-->", "<--", "+/-", "1/2", "=/="],
    *["https://example.com", "www.example.com", "a@b.cn", "{++加++}", "{--删--}", "'单引号'"],
    *['"双引号"', "...", "--", "H~2~O", "x^2^", "`#!python x`"],
]
"""Markdown syntax, and syntax of extensions the site may turn on later."""
text = (
    st.lists(
        st.sampled_from(SYNTAX)
        | st.text(
            alphabet=st.sampled_from(string.punctuation + string.digits + " 客户")
            | st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]),
            max_size=6,
        ),
        min_size=1,
        max_size=8,
    )
    .map(lambda parts: "".join(parts).strip())
    .filter(bool)
)
"""One line of plain text, as check lets it through: no line breaks, no control characters."""


TRAINERS_EXTENSIONS = [
    *["pymdownx.mark", "pymdownx.tilde", "pymdownx.caret", "pymdownx.emoji", "pymdownx.keys"],
    *["pymdownx.smartsymbols", "pymdownx.magiclink", "pymdownx.betterem", "pymdownx.critic"],
    *["pymdownx.inlinehilite", "pymdownx.saneheaders", "abbr", "smarty"],
]
"""Extensions a trainer may add to mkdocs.yml that read more of a line as syntax: ==mark==,
~~strike~~, ^^insert^^, :emoji:, ++key++, (c) and -->, a bare web address, {++critic++},
'quotes'."""


def rendered(template: str, value: str, more: list[str] | None = None) -> html.HtmlElement:
    extensions, configs = markdown_settings(Project(PROJECT))
    extensions = [*extensions, *(more or [])]
    converter = markdown.Markdown(extensions=extensions, extension_configs=configs)
    page = converter.convert(template.format(markdown_text(value)))
    return html.fromstring(f"<body>{page}</body>")


def shown(element: html.HtmlElement) -> str:
    """The text of ``element`` as a reader sees it, without the heading's permalink."""
    for permalink in element.findall(".//a[@class='headerlink']"):
        permalink.drop_tree()
    return str(element.text_content())


@settings(max_examples=300, deadline=None)
@given(
    value=text.filter(lambda value: "{:" not in value),
    context=st.sampled_from(list(CONTEXTS)),
    more=st.sampled_from([[], TRAINERS_EXTENSIONS]),
)
def test_a_field_shows_exactly_as_written(value: str, context: str, more: list[str]) -> None:
    template, path = CONTEXTS[context]
    found = rendered(template, value, more).xpath(path)
    assert len(found) == 1, context
    assert shown(found[0]) == keep_numbers(value)  # a number's space next to Chinese no-break
    assert [child.tag for child in found[0]] == []


@pytest.mark.parametrize("context", list(CONTEXTS))
@pytest.mark.parametrize("more", [[], TRAINERS_EXTENSIONS], ids=["site", "trainer-s"])
def test_each_piece_of_syntax_stays_text(context: str, more: list[str]) -> None:
    template, path = CONTEXTS[context]
    for value in [f"{piece.strip()} 客户" for piece in SYNTAX if piece.strip()]:
        found = rendered(template, value, more).xpath(path)
        assert [shown(element) for element in found] == [keep_numbers(value)]


def test_a_one_line_text_holds_up_to_a_thousand_characters() -> None:
    """Markdown's time grows with the square of a title's punctuation: a limit, not a hang."""
    assert not_plain("问" * MAX_CHARACTERS) is None
    assert not_plain("*_[" * 334) == (
        "is 1,002 characters long; a one-line text holds at most 1,000",
        "shorten it, and move what explains at length into the page body",
        "text.too-long",
    )
