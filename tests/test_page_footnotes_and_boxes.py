"""Footnotes named in Chinese, defined twice, and titled in Chinese; an address in curly
quotes; a box's first line with text after its title, and a box's text indented with
full-width spaces: each told as what it is, with a fix that gives what was meant."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_generator
from tests.test_page_boxes import html, warned
from tests.test_page_links import PAGE, add_files, add_to_page, problems

FULL_WIDTH_REFERENCE = (
    "'{typed}' is typed with full-width '{marks}', so the site shows it as written, not as a "
    "reference to the footnote [^{name}]; type {what} half-width: [^{name}] "
    "[page.footnote-full-width]"
)
TWICE = (
    "the footnote [^{name}] is defined twice, here and on line {first}, but the site shows one "
    "footnote under each name, with one of the two texts: the other source is lost; {renamed}: "
    "[^{other}]: 来源：卡尔森《关键时刻》。; if it is the same source, delete one of the two "
    "definitions [page.footnote-twice]"
)
ANOTHER_SOURCE = (
    "if this is another source, give it a name of its own and write [^{other}] in the text "
    "where it is cited"
)


def site_page(root: Path) -> str:
    return (root / "site" / "01-sample.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name",
    ["注1", "1", "１", "source-a", "来源"],
    ids=["chinese", "digit", "full-width-digit", "english", "chinese-word"],
)
def test_a_footnote_of_any_name_typed_half_width_passes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    """'[^注1]' was told it was typed with full-width '' (nothing named) and to type it as
    it was typed; the site shows it as a footnote."""
    text = f"服务补救[^{name}]。\n\n[^{name}]: 来源：《关键时刻》课程讲义。\n"
    add_to_page(minimal_project, text)
    assert problems(minimal_project, capsys) == []
    shown = html(text)
    assert f'<sup id="fnref:{name}">' in shown and "[^" not in shown


@pytest.mark.parametrize(
    ("typed", "defined", "marks", "what", "name"),
    [
        ("［^注1］", "注1", "［］", "the brackets", "注1"),
        ("[＾注1]", "注1", "＾", "the '^'", "注1"),
        ("【＾注1】", "注1", "【＾】", "the brackets and the '^'", "注1"),
        ("［^１］", "1", "［］", "the brackets", "1"),
        ("［^１］", "１", "［］", "the brackets", "１"),
    ],
    ids=["brackets", "caret", "all", "digit-meant-half-width", "digit-defined-full-width"],
)
def test_a_reference_typed_full_width_names_its_marks_and_the_footnote_meant(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    typed: str,
    defined: str,
    marks: str,
    what: str,
    name: str,
) -> None:
    """Each mark typed full-width is named, and only those are told to be retyped; the name
    is the one the page defines. Written as told, the page passes."""
    line = add_to_page(minimal_project, f"服务补救{typed}。\n\n[^{defined}]: 来源。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:5: "
        + FULL_WIDTH_REFERENCE.format(typed=typed, marks=marks, what=what, name=name)
    ]
    page = minimal_project / PAGE
    page.write_text(page.read_text("utf-8").replace(typed, f"[^{name}]"), encoding="utf-8")
    assert problems(minimal_project, capsys) == []


def test_a_footnote_defined_twice_is_told_at_its_second_definition(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Check said OK, and the page showed one of the two sources. Given a name of its own
    and cited, as told, both show."""
    line = add_to_page(
        minimal_project,
        "服务补救[^1]。\n\n[^1]: 来源：《关键时刻》课程讲义。\n[^1]: 来源：卡尔森《关键时刻》。\n",
    )
    renamed = ANOTHER_SOURCE.format(other=2)
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 3}:1: " + TWICE.format(name=1, first=line + 2, renamed=renamed, other=2)
    ]
    page = minimal_project / PAGE
    text = page.read_text("utf-8").replace("[^1]: 来源：卡尔森", "[^2]: 来源：卡尔森")
    page.write_text(text.replace("服务补救[^1]。", "服务补救[^1][^2]。"), encoding="utf-8")
    assert problems(minimal_project, capsys) == []
    assert problems(minimal_project, capsys, "build") == []
    shown = site_page(minimal_project)
    assert "课程讲义" in shown and "卡尔森" in shown


def test_a_footnote_defined_twice_is_told_to_take_the_name_the_text_cites_undefined(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The text cites [^1] and [^2], and the second definition was copied without renaming:
    the name it needs is the one the text cites and the page does not define."""
    line = add_to_page(
        minimal_project,
        "服务补救[^1]，再看[^2]。\n\n[^1]: 来源：课程讲义。\n[^1]: 来源：卡尔森《关键时刻》。\n",
    )
    renamed = (
        "if this is the source the text cites as [^2], which the page defines nowhere, name it so"
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:12: the footnote [^2] is defined nowhere on the page, so the page "
        "shows '[^2]' as written; add a line '[^2]: 来源：……' with its text at the end of the "
        "page, or correct the name to a footnote the page defines [page.footnote-undefined]",
        f"{PAGE}:{line + 3}:1: " + TWICE.format(name=1, first=line + 2, renamed=renamed, other=2),
    ]


def test_a_footnote_named_in_chinese_defined_twice_is_offered_the_next_number(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(
        minimal_project,
        "服务补救[^注1]，见[^注2]。\n\n[^注2]: 来源：讲义。\n[^注1]: 来源：课程讲义。\n"
        "[^注1]: 来源：卡尔森《关键时刻》。\n",
    )
    renamed = ANOTHER_SOURCE.format(other="注3")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 4}:1: "
        + TWICE.format(name="注1", first=line + 3, renamed=renamed, other="注3")
    ]


def test_a_definition_in_a_comment_or_in_code_is_not_a_second_one(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_page(
        minimal_project,
        "服务补救[^1]。\n\n<!--\n[^1]: 旧来源。\n-->\n\n```text\n[^1]: 例子\n```\n\n"
        "[^1]: 来源：课程讲义。\n",
    )
    assert problems(minimal_project, capsys) == []


def test_a_footnote_s_link_back_is_titled_in_chinese_on_the_site_and_in_check(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Its tooltip was 'Jump back to footnote 1 in the text'; check's converter agrees with
    the build."""
    text = "服务补救[^1]。\n\n[^1]: 来源：《关键时刻》课程讲义。\n"
    add_to_page(minimal_project, text)
    assert problems(minimal_project, capsys, "build") == []
    title = 'class="footnote-backref" href="#fnref:1" title="返回正文中脚注 1 的引用处"'
    assert title in site_page(minimal_project) and title in html(text)
    assert "Jump back" not in site_page(minimal_project)


@pytest.mark.parametrize(
    ("written", "column", "fix", "fixed"),
    [
        (
            "<img src=“images/kano.png” alt=“卡诺模型”>",
            10,
            "type the quotes straight (the tag's other values' too): \"images/kano.png\"",
            '<img src="images/kano.png" alt="卡诺模型">',
        ),
        (
            "<a href=‘images/kano.png’>卡诺模型</a>",
            9,
            "type the quotes straight (the tag's other values' too): \"images/kano.png\"",
            '<a href="images/kano.png">卡诺模型</a>',
        ),
        (
            "![卡诺模型](“images/kano.png”)",
            9,
            "delete the quotes, which an address in a Markdown link takes none of: images/kano.png",
            "![卡诺模型](images/kano.png)",
        ),
    ],
    ids=["html-double", "html-single", "markdown"],
)
def test_an_address_in_curly_quotes_is_told_to_take_straight_ones(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    column: int,
    fix: str,
    fixed: str,
) -> None:
    """It was told to put the file at course/“images/kano.png”, quotes and all."""
    add_files(minimal_project, "images/kano.png")
    line = add_to_page(minimal_project, f"{written}\n")
    address = written[column - 1 :].split()[0].split(">")[0].removesuffix(")")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:{column}: link to '{address}': its curly quotes are read as part of "
        f"the address, so it leads nowhere; {fix} [link.mistyped]"
    ]
    page = minimal_project / PAGE
    page.write_text(page.read_text("utf-8").replace(written, fixed), encoding="utf-8")
    assert problems(minimal_project, capsys) == []


def test_an_address_in_curly_quotes_to_no_file_is_told_both(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, "<img src=“images/kano.png” alt=“卡诺模型”>\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:10: link to '“images/kano.png”': its curly quotes are read as part of "
        "the address; written as meant, it is still broken: link to 'images/kano.png', which "
        "is neither a page nor a file the site publishes; type the quotes straight (the tag's "
        'other values\' too): "images/kano.png", and put the file at course/images/kano.png '
        "(pictures and downloads go in course/images/ or course/media/), or correct the path "
        "[link.mistyped]"
    ]


@pytest.mark.parametrize(
    ("written", "head"),
    [
        ('!!! tip "小贴士" 遇到问题，先问自己。', '!!! tip "小贴士"'),
        ("！！！ tip “小贴士”遇到问题，先问自己。", '!!! tip "小贴士"'),
        ('??? example "案例" 遇到问题，先问自己。', '??? example "案例"'),
    ],
    ids=["tip", "typed-in-chinese", "collapsible"],
)
def test_text_after_a_box_s_title_is_told_to_go_on_the_next_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, head: str
) -> None:
    """It was told to write the marks half-width and the title in straight quotes, which
    they were. Written as told, the text is in the box."""
    line = add_to_page(minimal_project, f"{written}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: this line starts a note box or a tab, but the site shows it as a "
        f"line of text; end the line after the title: {head}; and move the text after it, "
        "'遇到问题，先问自己。', to the next line, indented 4 spaces more than this line "
        "[page.broken-block]"
    ]
    fixed = f"{head}\n    遇到问题，先问自己。\n"
    page = minimal_project / PAGE
    page.write_text(page.read_text("utf-8").replace(f"{written}\n", fixed), encoding="utf-8")
    assert problems(minimal_project, capsys) == []
    in_box = "<p>遇到问题，先问自己。</p>\n</"
    assert html(fixed).endswith((f"{in_box}div>", f"{in_box}details>"))


@pytest.mark.parametrize(
    ("indent", "blank", "space", "named"),
    [
        ("\u3000\u3000", "\n", "\u3000", "full-width spaces (U+3000)"),
        ("\u3000" * 4, "", "\u3000", "full-width spaces (U+3000)"),
        ("\u00a0" * 4, "\n", "\u00a0", "no-break spaces (U+00A0)"),
    ],
    ids=["two-full-width", "four-full-width", "no-break"],
)
def test_a_box_s_text_indented_with_full_width_spaces_is_told_so(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    indent: str,
    blank: str,
    space: str,
    named: str,
) -> None:
    """Two full-width spaces were told 'not indented 4 spaces' without a word of them; four
    were taken for an indent and told nothing, and the site showed the text below the box."""
    text = f'!!! note "说明"\n{blank}{indent}盒子里的话。\n'
    assert "<p>盒子里的话。</p>" in html(text).split("</div>")[-1]
    line = add_to_page(minimal_project, text)
    kind = named.partition(" (")[0]
    assert warned(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: warning: the box '!!! note \"说明\"' is empty: the text after it "
        f"is indented with {named}, which the site does not take for spaces, so it shows the "
        f"text below the box; indent the box's text with 4 ordinary spaces in place of the "
        f"{kind} [page.empty-box]"
    ]
    page = minimal_project / PAGE
    page.write_text(page.read_text("utf-8").replace(indent, "    "), encoding="utf-8")
    assert warned(minimal_project, capsys) == []


def test_a_box_s_text_indented_with_spaces_then_a_full_width_one_is_in_the_box(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = '!!! note "说明"\n    \u3000盒子里的话。\n'
    assert "<p>盒子里的话。</p>\n</div>" in html(text)
    add_to_page(minimal_project, text)
    assert run_generator(minimal_project, "check") == 0
    assert PAGE not in capsys.readouterr().err
