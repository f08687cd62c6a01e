"""Pictures with no text alternative, links with no address or to a script, and web
addresses written as text, which all passed ``check``: a learner with a screen reader heard
nothing of ``![](images/kano.png)``, ``[讲义]()`` only reloaded the page, and
``https://…`` in the text could not be clicked. ``check`` reports each at its place, the
fix it offers gives what was meant, and what the site shows as meant passes."""

from __future__ import annotations

from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from tests.conftest import run_generator
from tests.test_page_links import PAGE, add_files, add_to_page, problems

KANO = "images/kano.png"
NO_TEXT = (
    "has no text between its brackets, which the site makes its alt text: a screen reader "
    "passes the picture over, and a learner who cannot see it misses what it shows; describe "
    "what it shows between the brackets"
)
DECORATIVE = (
    f'if it only decorates the page, write it in HTML with an empty alt: <img src="{KANO}" alt="">'
)
ALT_CODE = "[page.missing-alt-text]"
RELOADS = "has no address, so the site makes it a link to the page itself, which only reloads it"
SCHEME_FIX = (
    "link to a page or a file of the course (03-explore.md, media/name.pdf) or to a web "
    "address (https://…); if it is no link, keep its text without the brackets [link.scheme]"
)
NOT_CLICKABLE = "is written as text, which the site shows as it is: the learner cannot click it"


def told(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What ``check`` prints about the sample page, warnings too."""
    run_generator(root, "check")
    error = capsys.readouterr().err
    assert "Traceback" not in error
    return [line for line in error.splitlines() if line.startswith(PAGE)]


def follow_fixes(root: Path, *fixes: tuple[str, str]) -> None:
    """Write each of ``fixes`` (what is wrong, and its fix) into the sample page."""
    path = root / PAGE
    text = path.read_text(encoding="utf-8")
    for wrong, fixed in fixes:
        assert wrong in text
        text = text.replace(wrong, fixed)
    path.write_text(text, encoding="utf-8")


def built_page(root: Path, capsys: pytest.CaptureFixture[str]) -> lxml.etree._Element:
    """The sample page's content, as the site builds it (``check`` passes it first)."""
    assert run_generator(root, "check") == 0, capsys.readouterr().err
    assert run_generator(root, "build") == 0, capsys.readouterr().err
    page = (root / "site/01-sample.html").read_text(encoding="utf-8")
    (article,) = lxml.html.fromstring(page).iter("article")  # the page's text, not the theme's
    return article


def test_pictures_without_a_text_alternative_are_told_at_their_place(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_files(minimal_project, KANO)
    first = add_to_page(
        minimal_project,
        f'![]({KANO})\n\n要点 ![ ]({KANO} "卡诺") 见上。\n\n![][kano]\n\n[kano]: {KANO}\n\n'
        f'<img src="{KANO}" width="400">\n\n<IMG\n  SRC="{KANO}" />\n',
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first}:1: the picture '![]({KANO})' {NO_TEXT}: ![what the picture shows]"
        f"({KANO}); {DECORATIVE} {ALT_CODE}",
        f"{PAGE}:{first + 2}:4: the picture '![ ]({KANO} \"卡诺\")' {NO_TEXT}: "
        f'![what the picture shows]({KANO} "卡诺"); {DECORATIVE} {ALT_CODE}',
        f"{PAGE}:{first + 4}:1: the picture '![][kano]' {NO_TEXT}: ![what the picture shows]"
        f"[kano]; {DECORATIVE} {ALT_CODE}",
        f'{PAGE}:{first + 8}:1: the picture \'<img src="{KANO}" width="400">\' has no alt '
        'text: a screen reader reads out its file name, or says only "image", and a learner '
        "who cannot see it misses what it shows; describe what it shows in an alt attribute: "
        f'<img src="{KANO}" width="400" alt="what the picture shows">; if it only decorates '
        f'the page, write alt="" {ALT_CODE}',
        f"{PAGE}:{first + 10}:1: the picture '<IMG   SRC=\"{KANO}\" />' has no alt text: a "
        'screen reader reads out its file name, or says only "image", and a learner who '
        "cannot see it misses what it shows; describe what it shows in an alt attribute: "
        f'<IMG   SRC="{KANO}" alt="what the picture shows"/>; if it only decorates the page, '
        f'write alt="" {ALT_CODE}',
    ]
    follow_fixes(
        minimal_project,
        (f"![]({KANO})", f"![卡诺模型：三类需求与满意度的关系]({KANO})"),
        (f'![ ]({KANO} "卡诺")', f'![卡诺模型]({KANO} "卡诺")'),
        ("![][kano]", "![卡诺模型图][kano]"),
        ('width="400">', 'width="400" alt="卡诺模型：三类需求">'),
        ('SRC="images/kano.png" />', 'SRC="images/kano.png" alt=""/>'),
    )
    alts = [picture.get("alt") for picture in built_page(minimal_project, capsys).iter("img")]
    assert alts == [
        "卡诺模型：三类需求与满意度的关系",
        "卡诺模型",
        "卡诺模型图",
        "卡诺模型：三类需求",
        "",
    ]


NAMED_OTHERWISE = [
    f"<hr>\n\n![卡诺模型]({KANO})",
    f'<img src="{KANO}" alt="">',
    f'<img src="{KANO}" title="卡诺模型">',
    f'<img src="{KANO}" aria-label="卡诺模型">',
    f'<img src="{KANO}" role="presentation">',
    f'<img src="{KANO}" aria-hidden="true">',
    f'![]({KANO}){{ alt="卡诺模型" }}',
    f"<figure markdown>\n![]({KANO})\n<figcaption>图：卡诺模型</figcaption>\n</figure>",
    f'<figure>\n<img src="{KANO}">\n<figcaption>图：<b>卡诺模型</b></figcaption>\n</figure>',
    f'<!-- ![]({KANO}) <img src="{KANO}"> -->',
    f'写法是 `![]({KANO})` 或 `<img src="{KANO}">`。',
    f"```\n![]({KANO})\n```",
    '<figure class="mot-figure">\n<svg viewBox="0 0 640 400" role="img" aria-labelledby="k-t">'
    '<title id="k-t">卡诺模型</title></svg>\n<figcaption>图：卡诺模型</figcaption>\n</figure>',
]


@pytest.mark.parametrize("text", NAMED_OTHERWISE)
def test_a_picture_with_text_or_a_name_passes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """Each with a picture told after it: the check runs, and tells that one alone."""
    add_files(minimal_project, KANO)
    first = add_to_page(minimal_project, f"{text}\n\n![]({KANO})\n")
    last = first + text.count("\n") + 2
    assert [line.partition(": ")[0] for line in problems(minimal_project, capsys)] == [
        f"{PAGE}:{last}:1"
    ]


def test_links_and_pictures_with_no_address_are_told(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = add_to_page(
        minimal_project,
        '[点击这里下载讲义]()，或[讲义](<> "讲义")\n\n![图]()\n\n[]()\n\n'
        "`[代码]()` 与 \\[转义]() <!-- [注释]() --> [顶部](#)\n",
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first}:1: the link '[点击这里下载讲义]()' {RELOADS}; write the address of the "
        "file or page it leads to between the parentheses ([点击这里下载讲义](media/name.pdf), "
        "[点击这里下载讲义](03-explore.md)); if it is no link, drop the brackets: 点击这里下载讲义 "
        "[link.empty-address]",
        f"{PAGE}:{first}:15: the link '[讲义](<> \"讲义\")' {RELOADS}; write the address of the "
        "file or page it leads to between the parentheses ([讲义](media/name.pdf), "
        "[讲义](03-explore.md)); if it is no link, drop the brackets: 讲义 [link.empty-address]",
        f"{PAGE}:{first + 2}:1: the picture '![图]()' has no address, so the page shows no "
        "picture there; write the picture's address between the parentheses: "
        "![图](images/name.png) [link.empty-address]",
        f"{PAGE}:{first + 4}:1: the link '[]()' {RELOADS}; delete it, or write its text and "
        "address: [text](media/name.pdf) [link.empty-address]",
    ]
    add_files(minimal_project, "media/guide.pdf", "images/name.png")
    follow_fixes(
        minimal_project,
        ("[点击这里下载讲义]()", "[点击这里下载讲义](media/guide.pdf)"),
        ('[讲义](<> "讲义")', "讲义"),
        ("![图]()", "![图](images/name.png)"),
        ("[]()", ""),
    )
    content = built_page(minimal_project, capsys)
    links = [link.get("href") for link in content.iter("a")]
    assert "media/guide.pdf" in links and "" not in links
    assert [picture.get("src") for picture in content.iter("img")] == ["images/name.png"]


def test_markdown_links_to_a_script_or_data_are_told(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = add_to_page(
        minimal_project,
        "[打开测验](javascript:void(0)) [测验][js] [文件](data:text/html,hi)\n\n"
        "[js]: JavaScript:void(0)\n\n"
        '<a href="javascript:void(0)">HTML 的链接</a> ![点](data:image/png;base64,iVBORw0KGgo=)\n',
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{first}:8: link to 'javascript:void(0)', a 'javascript:' address: a script, "
        f"run when the link is clicked, not a page or a file; {SCHEME_FIX}",
        f"{PAGE}:{first}:42: link to 'data:text/html,hi', a 'data:' address, which holds a "
        f"file in itself: browsers do not open one from a link; {SCHEME_FIX}",
        f"{PAGE}:{first + 2}:7: link to 'JavaScript:void(0)', a 'javascript:' address: a "
        f"script, run when the link is clicked, not a page or a file; {SCHEME_FIX}",
    ]


def test_web_addresses_written_as_text_are_warned_of(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first = add_to_page(
        minimal_project,
        "参见 https://www.example.com/mot。**https://a.example/x_(y)**，见[^1]。\n\n"
        "| 表 | 网址 |\n| --- | --- |\n| 一 | http://b.example:8000/a?x=1&y=2. |\n\n"
        "<https://c.example> [https://d.example](https://d.example) [名称][r] "
        "`https://e.example` <!-- https://f.example --> 例如 http://…:8000/\n\n"
        '<a href="https://g.example">https://g.example</a>\n\n<div>\nhttps://h.example\n</div>\n\n'
        "[r]: https://i.example\n\n[^1]: 来源：https://j.example/paper.pdf\n",
    )
    assert told(minimal_project, capsys) == [
        f"{PAGE}:{line}:{column}: warning: '{address}' {NOT_CLICKABLE}; make it a link: "
        f"<{address}>, or give it a name: [name]({address}) [page.bare-address]"
        for line, column, address in [
            (first, 4, "https://www.example.com/mot"),
            (first, 34, "https://a.example/x_(y)"),
            (first + 4, 7, "http://b.example:8000/a?x=1&y=2"),
            (first + 16, 10, "https://j.example/paper.pdf"),
        ]
    ]
    follow_fixes(
        minimal_project,
        ("参见 https://www.example.com/mot。", "参见 <https://www.example.com/mot>。"),
        ("**https://a.example/x_(y)**", "**[名称](https://a.example/x_(y))**"),
        ("| http://b.example:8000/a?x=1&y=2. |", "| <http://b.example:8000/a?x=1&y=2>. |"),
        ("来源：https://j.example/paper.pdf", "来源：<https://j.example/paper.pdf>"),
    )
    assert told(minimal_project, capsys) == []
    links = {link.get("href") for link in built_page(minimal_project, capsys).iter("a")}
    assert {
        "https://www.example.com/mot",
        "https://a.example/x_(y)",
        "http://b.example:8000/a?x=1&y=2",
        "https://j.example/paper.pdf",
    } <= links
