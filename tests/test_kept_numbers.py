"""Numbers kept on the line of the Chinese beside them: a no-break space where a trainer
typed a space between a number and Chinese, outside code, in every text the site shows.
Drawn on a phone: test_details.test_every_table_fits_a_phone_with_its_words_whole."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import markdown
import pytest
from lxml.html import HtmlElement

from generator.kept_numbers import NO_BREAK_SPACE, body_with_numbers_kept, keep_numbers
from generator.markdown_config import markdown_settings
from generator.models import Page, PageMeta
from generator.project import Project
from generator.yaml_source import parse_yaml
from tests.conftest import PROJECT, run_generator
from tests.test_page_scan import with_missing_snippet

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


@pytest.mark.parametrize(
    "written",
    [
        '<a href="media/第 3 讲.pdf"\n   title="第 3 讲">',
        "<pre>\n第 1 行\n</pre>",
        '<script>\nshow("第 2 题");\n</script>',
        '<style>\n.x { background: url("图 1.png"); }\n</style>',
        "<!-- 第 4 讲 -->",
        "<https://example.com/第 5 讲>",
        '[问答](<问答 2 篇.md#s2> "第 2 篇")',
        "<code>cd 第 2 课</code>",
        "<kbd>F 5</kbd> 或 <samp>共 3 项</samp>",
    ],
    ids=[
        "tag-on-two-lines",
        "pre",
        "script",
        "style",
        "comment",
        "autolink",
        "link-address",
        "html-code",
        "kbd-samp",
    ],
)
def test_what_is_not_shown_text_keeps_its_spaces(written: str) -> None:
    """HTML, what the browser runs, and a link's ``(address "title")`` are left as written;
    the text around them keeps its numbers."""
    kept = body_with_numbers_kept(a_page(f"共 2 段{written}共 3 段\n"))
    assert kept == f"共{NB}2{NB}段{written}共{NB}3{NB}段\n"


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


PICTURE = "images/图 1 流程.png"
HANDOUT = "media/第 3 讲.pdf"
QUESTIONS = "问答 2 篇.md"


def with_named_files(root: Path, text: str) -> None:
    """The sample page of the project at ``root`` with ``text`` added, and the files and page
    it may name, each with a number and Chinese a space apart in its name."""
    course = root / "course"
    for name in (PICTURE, HANDOUT):
        (course / name).parent.mkdir(exist_ok=True)
        (course / name).write_bytes(b"\x89PNG\r\n\x1a\n not really a picture")
    page = "---\ntitle: 问答\n---\n\n## 第二节 {#s2}\n\n答案在这里。\n"
    (course / QUESTIONS).write_text(page, encoding="utf-8")
    sample = course / "01-sample.md"
    sample.write_text(f"{sample.read_text(encoding='utf-8')}\n{text}\n", encoding="utf-8")


def sample_content(site: Path) -> HtmlElement:
    tree = lxml.html.fromstring((site / "01-sample.html").read_text(encoding="utf-8"))
    found = tree.xpath(CONTENT)
    assert isinstance(found, list) and isinstance(found[0], HtmlElement)
    return found[0]


def named_files(content: HtmlElement) -> set[str]:
    """The files ``content`` names, its pictures', links' and CSS's addresses decoded, other
    than its own sections (``#listening``) and the quiz's links (which have a class)."""
    named = [*content.xpath(".//img/@src"), *content.xpath(".//a[not(@class)]/@href")]
    named += re.findall(r"url\('([^']*)'\)", " ".join(content.xpath(".//@style")))
    return {unquote(str(address).partition("#")[0]) for address in named if address[:1] != "#"}


@pytest.mark.parametrize(
    ("text", "file"),
    [
        (f'<img src="{PICTURE}" alt="流程">', PICTURE),
        (f'<a href="{HANDOUT}">讲义</a>', HANDOUT),
        (f"<div style=\"background: url('{PICTURE}')\">流程</div>", PICTURE),
        (f"[问答](<{QUESTIONS}#s2>)", "问答 2 篇.html"),
        (f"![流程](<{PICTURE}>)", PICTURE),
        (f'![流程]({PICTURE} "流程")', PICTURE),
    ],
    ids=["html-picture", "html-link", "css", "link", "picture", "picture-spaced"],
)
def test_a_file_name_keeps_its_spaces_where_the_page_names_it(
    minimal_project: Path, text: str, file: str
) -> None:
    """A picture ``images/图 1 流程.png`` named in HTML was published under its name, but the
    page named ``图\u00a01\u00a0流程.png``: a broken picture, and ``check`` and ``build``
    both passed. Named in Markdown, ``(<问答 2 篇.md#s2>)``, it was not found, and ``build``
    failed where ``check`` passed."""
    with_named_files(minimal_project, text)
    assert run_generator(minimal_project, "check") == 0
    assert run_generator(minimal_project, "build") == 0
    site = minimal_project / "site"
    assert named_files(sample_content(site)) == {file}
    assert (site / file).is_file()


def test_the_text_beside_a_name_still_keeps_its_numbers(minimal_project: Path) -> None:
    """A Markdown picture's text (its ``alt``) is shown, and keeps its numbers; an HTML tag
    is left whole, its ``alt`` and ``title`` too."""
    text = (
        f'<img src="{PICTURE}" alt="流程 1 图" title="第 1 张">\n\n'
        f"![图 1 流程](<{PICTURE}>) 共 2 个，[第 2 篇](<{QUESTIONS}#s2>) 正文 3 段\n"
    )
    with_named_files(minimal_project, text)
    assert run_generator(minimal_project, "build") == 0
    content = sample_content(minimal_project / "site")
    pictures = content.xpath(".//img")
    assert [(picture.get("alt"), picture.get("title")) for picture in pictures] == [
        ("流程 1 图", "第 1 张"),
        (f"图{NB}1{NB}流程", None),
    ]
    shown = "".join(content.itertext())
    assert all(kept in shown for kept in (f"共{NB}2{NB}个", f"第{NB}2{NB}篇", f"正文{NB}3{NB}段"))


def test_a_snippet_named_with_a_number_is_read_in(minimal_project: Path) -> None:
    """A line naming a snippet, ``--8<-- "第 2 步.md"`` or a name in a block of them, named
    ``第\u00a02\u00a0步.md``: the snippets extension found no such file, and left the line
    out of the page without a word."""
    folder, _ = with_missing_snippet(minimal_project, check_paths=False)
    (folder / "steps.md").write_text("先倾听。\n", encoding="utf-8")
    (folder / "第 2 步.md").write_text("再提问。\n", encoding="utf-8")
    (folder / "第 3 步.md").write_text("最后确认。\n", encoding="utf-8")
    page = minimal_project / "course/01-sample.md"
    lines = '\n--8<-- "第 2 步.md"\n\n--8<--\n第 3 步.md\n--8<--\n'
    page.write_text(page.read_text(encoding="utf-8") + lines, encoding="utf-8")
    assert run_generator(minimal_project, "build") == 0
    shown = "".join(sample_content(minimal_project / "site").itertext())
    assert all(text in shown for text in ("先倾听", "再提问", "最后确认"))
