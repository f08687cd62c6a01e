"""Links, pictures, anchors and ids in a page body, checked as MkDocs will build them.

``check`` must reject what ``build`` rejects (MkDocs in strict mode) and what the site
would publish broken, each at its line with a fix, and accept what works on the site.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from generator.load import load_course
from generator.markdown_config import markdown_settings
from generator.page_box_lines import lines_out_of_boxes
from generator.page_checks import chinese_line_breaks
from generator.page_heading_ids import ATTRIBUTES_AS_TEXT
from generator.page_scan import new_converter
from generator.page_text import searchable_lines
from generator.project import Project
from tests.conftest import FIXTURES, PROJECT, run_generator

PAGE = "course/01-sample.md"
SITE_MARKDOWN = new_converter(*markdown_settings(Project(PROJECT)))
"""Markdown as the course's site converts it."""


ANCHOR_FIX = (
    "at the end of the heading it should open, in place of any id the heading has (a heading "
    "takes one), or change this link to the heading's id"
)
"""The fix for a link to an id no heading has, nor one like it: a trainer who renamed the
heading's id, told to add the old one, gave the heading two, and was told off for that."""


def add_to_page(root: Path, text: str) -> int:
    """Append ``text`` after a blank line to the sample module; return its first line number."""
    path = root / PAGE
    old = path.read_text(encoding="utf-8")
    path.write_text(f"{old}\n{text}", encoding="utf-8")
    return old.count("\n") + 2


def add_files(root: Path, *names: str) -> None:
    for name in names:
        path = root / "course" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"%PDF-1.4 or a picture")


def problems(root: Path, capsys: pytest.CaptureFixture[str], command: str = "check") -> list[str]:
    """What ``command`` reports, one line each; [] when it succeeds."""
    status = run_generator(root, command)
    error = capsys.readouterr().err
    assert "Traceback" not in error
    lines = [line for line in error.splitlines() if line.startswith("course/")]
    assert (status == 0) == (lines == []), error
    return lines


def test_links_to_files_the_site_publishes_pass_check_and_build(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_files(minimal_project, "media/guide.pdf", "images/x.png", "pictures/y.png")
    add_to_page(
        minimal_project,
        "[下载讲义](media/guide.pdf) [查看大图](images/x.png) [另一张](./pictures/y.png)\n\n"
        '![小图](images/x.png)\n\n<img src="pictures/y.png" alt="图">\n',
    )
    assert problems(minimal_project, capsys) == []
    assert problems(minimal_project, capsys, "build") == []
    site = minimal_project / "site"
    assert (site / "media/guide.pdf").is_file() and (site / "pictures/y.png").is_file()


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        (
            "[讲义](media/none.pdf)",
            6,
            "link to 'media/none.pdf', which is neither a page nor a file the site publishes; "
            "put the file at course/media/none.pdf (pictures and downloads go in "
            "course/images/ or course/media/), or correct the path [link.missing-file]",
        ),
        (
            "![缺失的图](images/nope.png)",
            9,
            "link to 'images/nope.png', which is neither a page nor a file the site publishes; "
            "put the file at course/images/nope.png (pictures and downloads go in "
            "course/images/ or course/media/), or correct the path [link.missing-file]",
        ),
        (
            "[找不到](404.html)",
            7,
            "link to '404.html', which is neither a page nor a file the site publishes; "
            "'404.html' is where MkDocs writes the site's own 'page not found' page, not a file "
            "of the course; link to a page instead, or put the file in course/images/ or "
            "course/media/ and link to it there [link.missing-file]",
        ),
        (
            "[样式](assets/mot.css)",
            6,
            "link to 'assets/mot.css', which is neither a page nor a file the site publishes; "
            "'assets/mot.css' is where the generator puts the quiz runtime, not a file of the "
            "course; link to a page instead, or put the file in course/images/ or course/media/ "
            "and link to it there [link.missing-file]",
        ),
        (
            "[讲义](../outside.pdf)",
            6,
            "link to '../outside.pdf', which is outside course/; link to a page or a file "
            "in course/ by its path from this page, such as 'media/guide.pdf' "
            "[link.outside-course]",
        ),
        (
            "[倾听](/01-sample.md#listening)",
            6,
            "link to '/01-sample.md#listening', which starts with '/': it leads out of "
            "course/, to the top of the web server, where the course is not; links start from "
            "this page: drop the '/' and write 01-sample.md#listening [link.outside-course]",
        ),
    ],
)
def test_links_to_missing_files_are_reported_at_their_line(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    column: int,
    expected: str,
) -> None:
    """A file the site writes itself (404.html) or the runtime's folder had been told to be
    put at course/404.html, which check refuses as a clash with the site's own."""
    line = add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == [f"{PAGE}:{line}:{column}: {expected}"]


MISTYPED = "which leads nowhere: the {wrong}; {fix} [link.mistyped]"


@pytest.mark.parametrize(
    ("text", "column", "expected"),
    [
        (
            "[第二章](02-second.md #centre)",
            7,
            "link to '02-second.md #centre', "
            + MISTYPED.format(
                wrong="space before '#centre' makes the site read it as part of the file's "
                "name, not as a section",
                fix="remove the space before '#': 02-second.md#centre",
            ),
        ),
        (
            "[第二章](02-second.md＃centre)",
            7,
            "link to '02-second.md＃centre', "
            + MISTYPED.format(
                wrong="'＃' is typed full-width, so the site reads '＃centre' as part of the "
                "file's name, not as a section",
                fix="type '#' half-width: 02-second.md#centre",
            ),
        ),
        (
            "[第二章](02-second#centre)",
            7,
            "link to '02-second#centre', "
            + MISTYPED.format(
                wrong="page's file is named 02-second.md, '.md' included",
                fix="add '.md' after the page's name: 02-second.md#centre",
            ),
        ),
        (
            "[第二章](02-second.MD)",
            7,
            "link to '02-second.MD', "
            + MISTYPED.format(
                wrong="page's file is named 02-second.md, '.md' in small letters",
                fix="write '.md' in small letters: 02-second.md",
            ),
        ),
        (
            "![图](images/eodc.png “EODC”)",
            6,
            "link to 'images/eodc.png “EODC”', "
            + MISTYPED.format(
                wrong="title “EODC” is in curly quotes, so the site reads it as part of the "
                "file's name",
                fix='a title goes in straight double quotes: images/eodc.png "EODC"',
            ),
        ),
    ],
    ids=["space-before-hash", "full-width-hash", "no-suffix", "capital-suffix", "curly-title"],
)
def test_a_mistyped_link_is_told_its_slip(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    column: int,
    expected: str,
) -> None:
    """Python-Markdown reads each whole as the address, and the site finds no such file:
    the trainer was told to put a file at that path, the page being there all along."""
    add_files(minimal_project, "images/eodc.png")
    line = add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == [f"{PAGE}:{line}:{column}: {expected}"]


def test_a_path_to_a_picture_gets_the_path_meant(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A path written from the project rather than the page, in other letter case, up and
    back into course/, or to the picture's folder: the fix is a path that works, never
    course/course/..."""
    add_files(minimal_project, "images/eodc.png")
    line = add_to_page(
        minimal_project,
        "![d](course/images/EODC.png)\n\n![e](../course/images/eodc.png)\n\n[f](images/)\n\n"
        "[g](images)\n\n[h](media/)\n",
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:6: link to 'course/images/EODC.png', which is neither a page nor a "
        "file the site publishes; drop 'course/' from the path: links start from the page, "
        "so write images/eodc.png [link.missing-file]",
        f"{PAGE}:{line + 2}:6: link to '../course/images/eodc.png', which is outside course/; "
        "links start from the page, already in course/, so write images/eodc.png "
        "[link.outside-course]",
        f"{PAGE}:{line + 4}:5: link to 'images/', a folder, which the site has no page for; "
        "link to a file in the folder, such as images/eodc.png [link.folder]",
        f"{PAGE}:{line + 6}:5: link to 'images', a folder, which the site has no page for; "
        "link to a file in the folder, such as images/eodc.png [link.folder]",
        f"{PAGE}:{line + 8}:5: link to 'media/', a folder, which the site has no page for; "
        "link to a file in the folder [link.folder]",
    ]


def test_link_syntax_in_code_is_not_checked(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_page(
        minimal_project,
        "写法是 `[探索](03-explore.md#nope)`。\n\n"
        "    [缩进代码](nowhere.md)\n\n"
        '```html\n<a href="nothere.md">x</a> ![图](images/nope.png)\n```\n\n'
        "``[两个反引号](missing.md)``\n",
    )
    assert problems(minimal_project, capsys) == []
    assert problems(minimal_project, capsys, "build") == []


def test_a_reference_link_is_reported_at_its_definition(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, "[参考][ref]\n\n[ref]: missing-page.md#x\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 2}:8: link to 'missing-page.md', which is not a page of the course; "
        "link to one of: 01-sample.md, 02-second.md, exam.md, exam_certificate.md, index.md, "
        "mistakes.md [link.unknown-page]"
    ]


def test_links_in_raw_html_are_checked(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(
        minimal_project,
        '<a href="nothere.md">一</a> <a href="02-second.md#no-such">二</a>\n\n'
        '<p><img src="images/missing.png" alt="图"> <a href="#nope">三</a></p>\n',
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:10: link to 'nothere.md', which is not a page of the course; "
        "link to one of: 01-sample.md, 02-second.md, exam.md, exam_certificate.md, index.md, "
        "mistakes.md [link.unknown-page]",
        f"{PAGE}:{line}:37: HTML link to '02-second.md#no-such', which the site "
        "leaves as it is: a broken link to the page's Markdown file; write a Markdown "
        "link instead: [text](02-second.md#no-such) [link.html-to-page]",
        f"{PAGE}:{line + 2}:14: link to 'images/missing.png', which is neither a page nor a "
        "file the site publishes; put the file at course/images/missing.png (pictures and "
        "downloads go in course/images/ or course/media/), or correct the path "
        "[link.missing-file]",
        f"{PAGE}:{line + 2}:52: link to '#nope', which is not a heading of 01-sample.md; "
        f"write '{{#nope}}' {ANCHOR_FIX} [link.unknown-anchor]",
    ]


def test_an_html_link_to_an_existing_page_gets_a_fix(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs rewrites Markdown links only: on the site ``02-second.md`` is not found."""
    line = add_to_page(
        minimal_project,
        '见[第二章](02-second.md)、<a href="02-second.md#need">一</a>和 '
        '<a href="02-second.md">二</a>。\n',
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:31: HTML link to '02-second.md#need', which the site leaves as it is: "
        "a broken link to the page's Markdown file; write a Markdown link instead: "
        "[text](02-second.md#need) [link.html-to-page]",
        f"{PAGE}:{line}:66: HTML link to '02-second.md', which the site leaves as it is: "
        "a broken link to the page's Markdown file; write a Markdown link instead: "
        "[text](02-second.md) [link.html-to-page]",
    ]


def test_a_link_copied_from_the_browser_is_to_name_the_pages_file(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(
        minimal_project, '见[第二章](02-second.html#centre)和<a href="02-second.html">二</a>。\n'
    )
    fix = "to the page's file instead, which the site turns into its address"
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:8: link to '02-second.html#centre', which is the address of "
        f"02-second.md on the published site, not a file in course/; link {fix}: "
        "02-second.md#centre [link.page-address]",
        f"{PAGE}:{line}:40: link to '02-second.html', which is the address of 02-second.md "
        f"on the published site, not a file in course/; write a Markdown link {fix}: "
        "[text](02-second.md) [link.page-address]",
    ]


def test_an_id_written_in_capitals_gets_the_id_meant(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, "见[第二章](02-second.md#Centre)和[倾听](#LISTENING)。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:8: link to '#Centre', which is not a heading of 02-second.md (ids are "
        "lower case); did you mean '#centre'? write 02-second.md#centre [link.unknown-anchor]",
        f"{PAGE}:{line}:34: link to '#LISTENING', which is not a heading of 01-sample.md (ids "
        "are lower case); did you mean '#listening'? write #listening [link.unknown-anchor]",
    ]


def test_a_heading_id_written_in_capitals_is_to_be_lower_cased(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The link, in lower case as AUTHORING.md asks, was told to take the heading's capitals."""
    line = add_to_page(minimal_project, "## 全程 {#Full-Cycle}\n\n见[全程](#full-cycle)。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 2}:7: link to '#full-cycle', which is not a heading of 01-sample.md: "
        "the heading's id is written {#Full-Cycle}; ids are lower case: change the heading's "
        "id to {#full-cycle} [link.unknown-anchor]"
    ]


def test_a_misspelt_id_gets_the_id_meant(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A slip of the keyboard (a letter left out) was told to add the misspelt id to a
    heading; the id meant is named, and an id like none on the page still gets that fix.
    The same message tells a trainer who changed a heading's id, links and all, to put it
    back: it named only the links to change."""
    line = add_to_page(minimal_project, "见[第二章](02-second.md#cente)和[倾听](#zzz)。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:8: link to '#cente', which is not a heading of 02-second.md; did you "
        "mean '#centre'? write 02-second.md#centre; or, if you changed that heading's id "
        "from '{#cente}', change it back: ids never change once published, as learners' "
        "saved links use them [link.unknown-anchor]",
        f"{PAGE}:{line}:33: link to '#zzz', which is not a heading of 01-sample.md; write "
        f"'{{#zzz}}' {ANCHOR_FIX} [link.unknown-anchor]",
    ]


def test_a_link_to_a_section_moved_to_another_page_is_told_that_page(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A trainer moved a section, id and all, to another module: the links to it were told to
    give a heading of the old page that id again, which would have made two."""
    line = add_to_page(minimal_project, "见[倾听](02-second.md#listening)。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:7: link to '#listening', which is not a heading of 02-second.md; "
        "01-sample.md has it; if the section moved there, link to "
        "01-sample.md#listening [link.unknown-anchor]"
    ]


def test_a_link_to_a_chinese_id_is_told_to_give_the_heading_an_ascii_one(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was told to give a heading '{#聆听}', where ids are lower-case ASCII."""
    line = add_to_page(minimal_project, "见[第二章](02-second.md#聆听)。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:8: link to '#聆听', which is not a heading of 02-second.md; ids are "
        "lower-case English letters, digits and hyphens: give the heading it should open one "
        "at the end of its line, such as '{#my-section}', in place of any id the heading has, "
        "and link to it: 02-second.md#my-section [link.unknown-anchor]"
    ]


def test_footnotes_html_ids_and_email_addresses_pass(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_page(
        minimal_project,
        '服务[^1]，见[图](#eodc)和<a href="#eodc">图</a>。\n\n'
        '<div id="eodc">图</div>\n\n写信给 <trainer@example.com> 或 [我们](mailto:x@y.z)。\n\n'
        "[^1]: 注释。\n",
    )
    assert problems(minimal_project, capsys) == []
    assert problems(minimal_project, capsys, "build") == []


UNUSED_FOOTNOTE = (
    PAGE + ":{line}:1: the footnote [^1] is never referred to in the text: the page lists it "
    "at its foot under a number no text carries, and its ↩ link back leads nowhere; write "
    "[^1] in the text where the source is cited, or delete this definition "
    "[page.footnote-unused]"
)
UNDEFINED_FOOTNOTE = (
    PAGE + ":{line}:5: the footnote [^{name}] is defined nowhere on the page, so the page "
    "shows '[^{name}]' as written; add a line '[^{name}]: 来源：……' with its text at the end "
    "of the page, or correct the name to a footnote the page defines{unused} "
    "[page.footnote-undefined]"
)


def test_a_footnote_the_text_never_refers_to_is_reported_at_its_definition(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page lists it at its foot all the same, with a link back to no place: not a
    link to a heading the trainer wrote. A second check, which reads the page's scan from
    the cache, says so too."""
    line = add_to_page(minimal_project, "服务补救。\n\n[^1]: 来源：《关键时刻》。\n")
    for _ in range(2):
        assert problems(minimal_project, capsys) == [UNUSED_FOOTNOTE.format(line=line + 2)]


def test_a_footnote_misspelt_in_the_text_is_reported_at_both_ends(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, "服务补救[^l]。\n\n[^1]: 来源：《关键时刻》。\n")
    unused = " but the text never refers to: [^1]"
    assert problems(minimal_project, capsys) == [
        UNDEFINED_FOOTNOTE.format(line=line, name="l", unused=unused),
        UNUSED_FOOTNOTE.format(line=line + 2),
    ]


def test_a_footnote_never_defined_is_reported_where_the_text_refers_to_it(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The page shows '[^2]' as written; in code it is text, and rightly so."""
    line = add_to_page(minimal_project, "服务补救[^2]，写作 `[^3]`。\n\n```\n[^4]\n```\n")
    assert problems(minimal_project, capsys) == [
        UNDEFINED_FOOTNOTE.format(line=line, name="2", unused="")
    ]


def test_a_footnote_defined_with_a_full_width_colon_is_reported_at_its_definition(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, "服务补救[^1]。\n\n[^1]：来源：《关键时刻》。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 2}:1: [^1] is followed by a full-width colon '：', so the line "
        "defines no footnote and the page shows it as written; write a half-width ':' after "
        "it, and a space: [^1]: 来源：《关键时刻》。 [page.footnote-full-width-colon]"
    ]


@pytest.mark.parametrize(
    ("reference", "typed", "fix"),
    [
        ("［^1］", "［］", "the brackets"),
        ("【^1】", "【】", "the brackets"),
        ("［＾1］", "［＾］", "the brackets and the '^'"),
    ],
)
def test_a_footnote_referred_to_in_full_width_is_reported_where_it_is_typed(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    reference: str,
    typed: str,
    fix: str,
) -> None:
    """Only the definition was named, as never referred to."""
    line = add_to_page(minimal_project, f"服务补救{reference}。\n\n[^1]: 来源：《关键时刻》。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:5: '{reference}' is typed with full-width '{typed}', so the site shows "
        "it as written, not as a reference to the footnote [^1]; type "
        f"{fix} half-width: [^1] [page.footnote-full-width]"
    ]


@pytest.mark.parametrize(
    ("gap", "shown"),
    [("\n", "as code"), ("", "as a line of the paragraph above")],
    ids=["after-a-blank-line", "under-the-paragraph"],
)
def test_a_footnote_defined_indented_is_told_to_start_at_the_left_edge(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], gap: str, shown: str
) -> None:
    """It was told to be defined nowhere, at the reference and at the definition itself."""
    line = add_to_page(minimal_project, f"服务补救[^1]。\n{gap}    [^1]: 来源：《关键时刻》。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 1 + len(gap)}:1: the definition of [^1] is indented, so the site "
        f"shows it {shown}, not as a footnote; start the line at the left edge, with no "
        "spaces before it: [^1]: 来源：《关键时刻》。 [page.footnote-indented]"
    ]


def test_two_elements_with_one_id_are_reported(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, "## 一 {#same}\n\n正文\n\n## 二 { #same }\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 4}:9: the id 'same' is given to 2 elements of the page, and a link "
        "to '#same' opens only the first; give each its own id, such as "
        "'{#same-2}' [page.duplicate-id]"
    ]


def test_a_heading_with_the_quiz_sections_id_is_reported(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, "## 小测 {#quiz}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:9: the id 'quiz' is the one the generator gives its heading "
        "'本模块测验' at the end of the module; give the heading another id, such as "
        "'{#quiz-2}' [page.duplicate-id]"
    ]


@pytest.mark.parametrize(
    ("given", "taken_by"),
    [
        (
            "s1-fill-in-1",
            "starts like the ids of the options, blanks and hint of the quiz question "
            "'s1-fill-in' on this page; give it an id that does not start with 's1-fill-in-'",
        ),
        (
            "question-s1-single",
            "is the one the generator gives the quiz question 's1-single' on this page; give "
            "it another id, such as '{#question-s1-single-2}'",
        ),
        (
            "mot-results-01-sample",
            "is one the generator gives an element it adds to this page; give it another "
            "id, such as '{#mot-results-01-sample-2}'",
        ),
        (
            "",
            "is empty: no link can name it; write a name right "
            "after '#', with no space between, such as '{#my-section}', or delete the braces",
        ),
        (
            "__drawer",
            "starts with '__', as the ids of the theme's own controls do ('__drawer', "
            "'__search'); give it an id that does not start with '__'",
        ),
    ],
)
def test_an_id_the_built_page_gives_an_element_of_its_own_is_reported(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], given: str, taken_by: str
) -> None:
    """Built anyway, a blank's label then focused the heading and an option's label ticked
    nothing; the results panel's region took the heading for its name."""
    line = add_to_page(minimal_project, f"## 小节 {{#{given}}}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:9: the id '{given}' {taken_by} [page.duplicate-id]"
    ]


@pytest.mark.parametrize(
    ("written", "column"), [("{# my-section}", 9), ("{#}", 9), ('{: id="" }', 14)]
)
def test_an_empty_id_is_reported_at_its_line_only(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, column: int
) -> None:
    """It was reported at every ``id="`` of the page as well: the ids of a figure's parts,
    lines the trainer had not touched."""
    add_to_page(minimal_project, "<p id=\"note-a\">注</p>\n\n<span id='note-b'>注</span>\n")
    line = add_to_page(minimal_project, f"## 小节 {written}\n")
    found = problems(minimal_project, capsys)
    assert [problem.split(": ", 1)[0] for problem in found] == [f"{PAGE}:{line}:{column}"]
    assert "the id '' is empty" in found[0]


def test_tabs_pass_check_and_build_with_their_labels(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The tabs' own ids start with '__' like the theme's; the trainer wrote none of them."""
    add_to_page(minimal_project, '## 选项卡\n\n=== "网页"\n\n    内容\n\n=== "电话"\n\n    内容\n')
    assert problems(minimal_project, capsys) == []
    assert problems(minimal_project, capsys, "build") == []
    built = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    assert built.count('<label for="__tabbed_1_') == 2


def test_an_id_written_with_the_themes_prefix_is_reported_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, '=== "网页"\n\n    内容\n\n正文\n{: #__x }\n')
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 5}:5: the id '__x' starts with '__', as the ids of the theme's own "
        "controls do ('__drawer', '__search'); give it an id that does not start with '__' "
        "[page.duplicate-id]"
    ]


def test_ids_that_only_look_generated_pass(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_page(minimal_project, "## 关键时刻 {#mot-origin}\n\n## 题型 {#s1-overview}\n")
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("marker", "told"),
    [
        ("progress", "the learner's progress once; keep one of the lines [page.duplicate-id]"),
        ("outline", "the course's modules once; keep one of the lines [page.marker-twice]"),
    ],
)
def test_a_second_progress_dashboard_or_outline_on_a_page_is_reported(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], marker: str, told: str
) -> None:
    """The dashboard twice gives its elements the same ids twice; the outline twice showed
    the list of modules twice, without a word (a warning)."""
    home, written = minimal_project / "course/index.md", f"<!-- mot:{marker} -->"
    lines = home.read_text(encoding="utf-8").split("\n")
    while lines.count(written) < 2:
        lines += ["", written]
    home.write_text("\n".join([*lines, ""]), encoding="utf-8")
    second = [number for number, line in enumerate(lines, 1) if line == written][1]
    assert run_generator(minimal_project, "check", "--strict") == 1
    label = "warning: " if marker == "outline" else ""
    said = f"{label}the page has '{written}' a second time; it shows {told}"
    assert f"course/index.md:{second}:1: {said}" in capsys.readouterr().err


UNCLOSED_COMMENT = (
    "'<!--' is never closed, so the site shows it and the rest of its paragraph as text; "
    "add '-->' where the comment ends [page.unclosed-comment]"
)


@pytest.mark.parametrize(
    "text",
    [
        "## 注释\n\n    <!-- 缩进代码块里的注释开头\n    <div>\n\n正文。\n",
        "## 注释\n    <!-- 紧跟标题的缩进代码块\n    <div>\n    a < b\n\n正文。\n",
        "- 列表\n\n## 注释\n    <div>\n",
    ],
    ids=["after-a-blank-line", "right-under-a-heading", "under-a-heading-after-a-list"],
)
def test_html_in_an_indented_code_block_is_code(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """Lines indented four spaces after a blank line or a heading are code on the site."""
    add_to_page(minimal_project, text)
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    "text",
    ["正文 <!-- 没有结束", "- 列表\n\n    <!-- 列表里的", '!!! tip "提示"\n\n    <!-- 提示里的'],
    ids=["paragraph", "list-item", "admonition"],
)
def test_a_comment_never_closed_outside_code_is_reported(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """Indented under a list item or an admonition, a line is its content, not code."""
    line = add_to_page(minimal_project, f"{text}\n\n正文。\n") + text.count("\n")
    column = text.splitlines()[-1].index("<") + 1
    assert problems(minimal_project, capsys) == [f"{PAGE}:{line}:{column}: {UNCLOSED_COMMENT}"]


def test_an_html_block_left_open_is_reported_not_the_headings_it_swallows(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The headings after the block are text on the site: links to them (from the quiz's
    review links, from another page) are checked once the block is closed."""
    page = minimal_project / PAGE
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("## 要求与需求", "<div>\n\n## 要求与需求"), encoding="utf-8")
    line = text[: text.index("## 要求与需求")].count("\n") + 1
    other = minimal_project / "course/02-second.md"
    other.write_text(
        f"{other.read_text(encoding='utf-8')}\n[补救](01-sample.md#recovery)\n", encoding="utf-8"
    )
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err == (
        f"{PAGE}:{line}:1: '<div>' is not closed by the end of the page; the Markdown after "
        "it, the quiz heading included, would be shown as literal text; add '</div>' where "
        "the block ends [page.unclosed-html]\nFAILED: 1 problem\n"
    )


SWALLOWS = ["xmp", "title", "template", "select", "noembed"]
KEPT_OPEN = ["dialog", "button", "marquee", "search", "listing", "applet", "dir"]


@pytest.mark.parametrize("tag", SWALLOWS + KEPT_OPEN)
def test_an_element_that_swallows_the_page_is_reported_when_left_open(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], tag: str
) -> None:
    """Not block HTML for Python-Markdown, which passes it through inside a paragraph; the
    browser then reads the rest of the page into it, the quiz included (as text, or
    hidden), or keeps it open past the paragraph's end: an unclosed <dialog> hid the quiz,
    a <button> kept it from starting. Closed, it is the trainer's to use."""
    line = add_to_page(minimal_project, f"前文<{tag}>\n")
    what = (
        "the browser keeps it open to the end, with the rest of the page, the quiz included, "
        "inside it (hidden in a <dialog>, one button in a <button>)"
        if tag in KEPT_OPEN
        else "the Markdown after it, the quiz heading included, would be shown as literal text"
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:3: '<{tag}>' is not closed by the end of the page; {what}; add "
        f"'</{tag}>' where the block ends [page.unclosed-html]"
    ]
    add_to_page(minimal_project, f"</{tag}>\n")
    assert problems(minimal_project, capsys) == []


def test_plaintext_which_nothing_closes_is_reported(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, "<plaintext>\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: '<plaintext>' has no end: the browser shows the rest of the page "
        "after it, the quiz included, as text; delete it; to show code, use a fenced code "
        "block, or write '&lt;plaintext>' [page.unclosed-html]"
    ]


def nested_list(levels: int) -> str:
    return "\n".join("    " * level + "- x" for level in range(levels))


@pytest.mark.parametrize(
    "text",
    [
        nested_list(51),
        nested_list(260),
        "*" * 3000 + "x" + "*" * 3000,
        ">" * 1000 + "x",
        "| 步骤 | 说明 |\n| --- | --- |\n" + "> " * 1000 + "x",
    ],
    ids=[
        "list-over-the-limit",
        "list-too-deep-for-python",
        "emphasis-too-deep-for-python",
        "quote-too-deep-for-python",
        "quote-marks-in-a-table-row",
    ],
)
def test_nesting_too_deep_is_a_problem_not_a_traceback(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """At its deepest line, the last of the text (a thousand quote marks had the other
    checks of the page follow them until Python's stack ran out, in a table row too, which
    the converter reads as no quote: a traceback). Only the page is
    reported: links to its headings (from its quiz, from another page) are checked once it
    is fixed."""
    deepest = add_to_page(minimal_project, f"{text}\n") + text.count("\n")
    other = minimal_project / "course/02-second.md"
    other.write_text(
        f"{other.read_text(encoding='utf-8')}\n[倾听](01-sample.md#listening)\n", encoding="utf-8"
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{deepest}:1: the page nests lists, quotes, emphasis or HTML blocks more than 100 "
        "levels deep, more than the site's Markdown converter can follow; flatten the deepest "
        "part, or close the '*' and '_' that are left open [page.too-deep]"
    ]


def test_nesting_just_below_the_limit_builds(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Checked with a margin: a page that passes ``check`` never overflows MkDocs' stack."""
    add_to_page(minimal_project, nested_list(50))
    assert problems(minimal_project, capsys) == []
    assert problems(minimal_project, capsys, "build") == []


STRAY_TAG_STARTS = (
    "'<' on this page open no tag (no '>' before the next '<'; a page may have 20), the first "
    "here: the site's Markdown converter reads on from each to the next '>', which takes "
    "minutes when they are many; write '&lt;' for a '<' that is text, or end each tag with "
    "'>' [page.stray-tag-starts]"
)

INLINE_MARKUP = (
    "pieces of inline markup (entities such as '&amp;', '*', '`', '\\', '<', '['): the site's "
    "Markdown converter takes minutes over so many; write the characters themselves instead "
    "of entities, leave out markup that does nothing, or split the text into shorter "
    "paragraphs or pages [page.inline-markup]"
)
PARAGRAPH_MARKUP = f"this paragraph holds more than 2,000 {INLINE_MARKUP}"


@pytest.mark.parametrize(
    ("text", "column", "message"),
    [
        ("<a " * 4000, 1, f"4000 {STRAY_TAG_STARTS}"),
        ("价格 a <b" * 2000, 6, f"2000 {STRAY_TAG_STARTS}"),
        ("<![CDATA[ " * 2000, 1, f"2000 {STRAY_TAG_STARTS}"),
        (
            "[" * 2000 + "x" + "]" * 2000 + "(y)",
            21,
            "'[' nests more than 20 deep in this paragraph: the site's Markdown converter reads "
            "on from each '[' to its ']', which takes minutes when they are many; write '\\[' "
            "for a '[' that is text, or close each with ']' [page.bracket-depth]",
        ),
        (
            "[a](" * 2000,
            84,
            "'(' nests more than 20 deep in this paragraph: the site's Markdown converter reads "
            "on from each '(' to its ')', which takes minutes when they are many; write '\\(' "
            "for a '(' that is text, or close each with ')' [page.bracket-depth]",
        ),
        ("&amp;" * 2001, 1, PARAGRAPH_MARKUP),
        ("*强调* " * 1001, 1, PARAGRAPH_MARKUP),
        ("`a` " * 1001, 1, PARAGRAPH_MARKUP),
        ("\n".join(["&amp;" * 20] * 101), 1, PARAGRAPH_MARKUP),
        ("\n".join(["| " + "&amp;" * 20] * 101), 1, PARAGRAPH_MARKUP),
        ("- a\n" + "\n".join(["    - " + "&amp;" * 20] * 101), 1, PARAGRAPH_MARKUP),
    ],
    ids=[
        "tag-starts",
        "comparisons",
        "cdata",
        "nested-brackets",
        "link-parentheses",
        "entities",
        "emphasis",
        "code-spans",
        "entities-on-many-lines",
        "lines-with-bars-not-a-table",
        "nested-items-counted-with-theirs",
    ],
)
def test_what_would_take_minutes_to_convert_is_reported_before(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str, column: int, message: str
) -> None:
    """Only that problem: the page is not converted, so links to its headings are not
    checked (it may have none yet), nor are its own."""
    line = add_to_page(minimal_project, f"见[没有](nowhere.md)。\n\n{text}\n")
    other = minimal_project / "course/02-second.md"
    other.write_text(
        f"{other.read_text(encoding='utf-8')}\n[倾听](01-sample.md#nowhere)\n", encoding="utf-8"
    )
    assert problems(minimal_project, capsys) == [f"{PAGE}:{line + 2}:{column}: {message}"]


def test_a_page_with_much_inline_markup_is_reported_where_it_passes_the_limit(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Paragraphs each below their limit, eleven of which take the page over its own."""
    line = add_to_page(minimal_project, "\n\n".join(["*强调* " * 999] * 11) + "\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 20}:1: with this paragraph the page holds more than 20,000 {INLINE_MARKUP}"
    ]


GLOSSARY_ROW = (
    "| **术语{n}** | *Term {n}* | 客户第一次接触时的感受<br>例如：前台 `Ctrl+F` 查询 | "
    "[意义](02-second.md#centre)、[原则](01-sample.md#listening) |"
)


@pytest.mark.parametrize(
    "text",
    [
        "| 术语 | 英文 | 说明 | 见 |\n| --- | --- | --- | --- |\n"
        + "\n".join(GLOSSARY_ROW.format(n=n) for n in range(1000)),
        "\n".join(f"- {GLOSSARY_ROW.format(n=n).strip('|')}" for n in range(1000)),
    ],
    ids=["table", "list"],
)
def test_a_long_table_or_list_is_read_a_row_or_an_item_at_a_time(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """The converter takes each cell and each item on its own: 1,000 rows take it a
    fraction of a second, though they hold some 9,000 pieces of inline markup."""
    add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == []


def test_a_table_row_with_too_much_inline_markup_is_reported_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, f"| 说明 |\n| --- |\n| 一 |\n| {'&amp;' * 2001} |\n")
    assert problems(minimal_project, capsys) == [f"{PAGE}:{line + 3}:1: {PARAGRAPH_MARKUP}"]


def test_a_few_stray_tag_starts_brackets_and_entities_build(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = "a <b " * 20 + "\n\n" + "[" * 20 + "x" + "]" * 20 + "\n\n" + "&amp;" * 2000
    add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == []
    assert problems(minimal_project, capsys, "build") == []


@pytest.mark.parametrize(
    "text",
    [
        "<script>for (var i = 0; i<n; i++) {}</script>\n\n<div>块</div>",
        "<!-- 旧写法：a<b 放在 <div> 里 -->\n\n<div>块</div>",
        '<img\n  src="images/a.png"\n  alt="多行的标签">\n\n<div title="a<b">块</div>',
    ],
    ids=["script", "comment", "multi-line-tag"],
)
def test_a_less_than_sign_that_is_no_tag_is_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """A tag that runs on into a block is reported; these hold '<' that is no tag, or a
    tag that does end."""
    add_files(minimal_project, "images/a.png")
    add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == []


CHINESE_LINE_BREAK = (
    "warning: a line break between two Chinese characters shows as a space on the page; "
    "join this line and the next: a paragraph can be one long line [page.line-break-in-chinese]"
)


def test_a_paragraph_broken_between_chinese_characters_is_a_warning(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Chromium shows such a break as a space; headings, table rows, comments, code and
    English are left alone."""
    first = add_to_page(
        minimal_project,
        "倾听时要望闻问切，\n先听客户说完。\n\n"
        '!!! tip "小贴士"\n    听完再复述一遍客户的话，\n    确认没有听错。\n\n'
        "## 复述\n复述客户的话。\n\n"
        "| 步骤 | 做法 |\n| --- | --- |\n| 望 | 观察 |\n| 闻 | 倾听 |\n\n"
        "<!-- 备注\n说明 -->\n\n"
        "```text\n代码里的中文\n换行不算\n```\n\n"
        "We listen first,\nthen we answer. 先听\nthen 再答。\n",
    )
    assert run_generator(minimal_project, "check") == 0
    warned = [line for line in capsys.readouterr().err.splitlines() if "line-break" in line]
    assert warned == [
        f"{PAGE}:{first}:9: {CHINESE_LINE_BREAK}",
        f"{PAGE}:{first + 4}:16: {CHINESE_LINE_BREAK}",
    ]
    assert run_generator(minimal_project, "check", "--strict") == 1


def test_rows_with_full_width_pipes_and_headings_with_full_width_hashes_are_no_line_breaks() -> (
    None
):
    """They are told as a table and a heading the site shows as text
    ([page.broken-table], [page.full-width-heading]), not as a paragraph broken in two."""
    page = load_course(Project(FIXTURES / "minimal")).pages[0]
    page = dataclasses.replace(
        page, body="｜ 步骤 ｜ 做法 ｜\n｜ 望 ｜ 观察 ｜\n\n＃＃ 小节\n正文。\n"
    )
    lines = searchable_lines(page)
    assert list(chinese_line_breaks(page, lines, lines_out_of_boxes(lines))) == []


@pytest.mark.parametrize("end", ["  ", "<br>", "<br />"])
def test_a_line_that_ends_in_a_line_break_is_no_space_between_chinese(end: str) -> None:
    """The site shows such a line as two lines, as meant: it was told to join them."""
    page = load_course(Project(FIXTURES / "minimal")).pages[0]
    page = dataclasses.replace(page, body=f"客户：你好，我想问一下{end}\n营业员：您请说。\n")
    lines = searchable_lines(page)
    assert list(chinese_line_breaks(page, lines, lines_out_of_boxes(lines))) == []
    SITE_MARKDOWN.reset()
    assert "<br" in SITE_MARKDOWN.convert(page.body)


@pytest.mark.parametrize(
    "body",
    [
        "要点：\n－ 先倾听，\n－ 再提议。\n",
        "要点：\n\n1、先倾听，\n2、再提议。\n",
        "要点：\n\n—— 先倾听，\n—— 再提议。\n",
        "要点：\n\n１. 先倾听，\n２. 再提议。\n",
    ],
    ids=["full-width-dash", "word-numbering", "ime-dash", "full-width-digits"],
)
def test_the_lines_of_a_list_are_no_line_breaks(body: str) -> None:
    """A list marked as a Chinese keyboard types one (told as such, [page.chinese-list-mark])
    and a list numbered in full-width digits (a list on the site) were told to join their
    lines, which made them less of a list still."""
    page = load_course(Project(FIXTURES / "minimal")).pages[0]
    page = dataclasses.replace(page, body=body)
    lines = searchable_lines(page)
    assert list(chinese_line_breaks(page, lines, lines_out_of_boxes(lines))) == []


@pytest.mark.parametrize(
    "text",
    [
        "<pre><code>第一行\n\n第二行\n</code></pre>",
        "这是<b>重点，命令是\n`ping 10.0.0.1`\n要记住</b>。",
        '<a href="#listening">倾听时要**望闻问切**</a>。',
        "写 `<b>` 不会加粗。",
    ],
    ids=["blank-line-in-pre", "code-span-alone-on-a-line", "markdown-inside", "in-code-span"],
)
def test_an_inline_tag_closed_where_the_browser_closes_it_passes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """A blank line inside a block of raw HTML ends no paragraph, nor does a line that holds
    a code span alone."""
    add_to_page(minimal_project, f"{text}\n")
    assert problems(minimal_project, capsys) == []


def test_an_inline_tag_left_open_above_a_heading_is_reported(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A heading ends the paragraph above it, blank line or not: a tag closed only below
    the heading is left open above it, and the heading and what follows turned bold."""
    line = add_to_page(minimal_project, "这是<b>重点\n## 下一节 {#next}\n正文</b>。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:3: '<b>' is not closed in its paragraph; the browser carries it on "
        "into every paragraph after it (the rest of the page turns bold, italic or into a "
        "link); add '</b>' where it should end, in the same paragraph [page.unclosed-html]"
    ]


EMPTY_BOX = (
    "is empty: the lines after it are not indented 4 spaces under it, so the site shows them "
    "below the box; indent the box's text 4 spaces more than this line; a box with its title "
    "alone is better written as a heading or a bold line [page.empty-box]"
)


def test_a_box_whose_text_is_not_indented_under_it_is_a_warning(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text written after a box's first line, but not indented under it, left the box
    empty, its title alone, and the text below it as the page's, with nothing said. A box
    whose text is indented, after a blank line or a fenced code block, is left alone."""
    first = add_to_page(
        minimal_project,
        '!!! tip "先听后说"\n\n先让客户把话说完。\n\n'
        '!!! note "倾听"\n  倾听时要望闻问切。\n\n'
        '!!! example "做得好"\n\n    先复述一遍客户的要求。\n\n'
        '??? note "代码"\n    ```text\n    听\n    ```\n\n'
        '!!! tip "制表符"\n\t用制表符缩进也在框里。\n\n'
        '!!! warning "只有标题"\n',
    )
    assert run_generator(minimal_project, "check") == 0
    warned = [line for line in capsys.readouterr().err.splitlines() if "empty-box" in line]
    assert warned == [
        f"{PAGE}:{first}:1: warning: the box '!!! tip \"先听后说\"' {EMPTY_BOX}",
        f"{PAGE}:{first + 4}:1: warning: the box '!!! note \"倾听\"' {EMPTY_BOX}",
        f"{PAGE}:{first + 19}:1: warning: the box '!!! warning \"只有标题\"' {EMPTY_BOX}",
    ]


LEVEL_ONE = (
    "level-1 heading in the page body; start sections at '##'; the page title comes from "
    "'title:' [page.level-one-heading]"
)


@pytest.mark.parametrize(
    "text",
    [
        "- 列表\n\n    标题\n    ===",
        "1. 列表\n\n    - 子项\n\n        标题\n        ===",
        "!!! note\n\n    标题\n    ===",
        '!!! tip "提示"\n    标题\n    ===',
        '=== "网页"\n\n    标题\n    ===',
        "## 小节\n标题\n===",
        "> 标题\n> ===",
        "正文\n> 标题\n> ===",
        "> > 标题\n> > ===",
        "- 列表\n\n    > 标题\n    > ===",
        "- > 标题\n  > ===",
        "1. > 标题\n   > ===",
        "- 列表\n\n    - > 标题\n      > ===",
        "正文\n---\n- > 标题\n  > ===",
        "> !!! note\n>     标题\n>     ===",
        "<div markdown>\n标题\n===\n</div>",
        "<div>\n说明\n</div>\n标题\n===",
        "<!-- 备注 -->\n标题\n===",
        "正文\n<!-- 备注\n说明 -->\n标题\n===",
        "*[MOT]: Moments of Truth\n标题\n===",
        "!!! note\n    说明\n    *[MOT]: Moments of Truth\n    标题\n    ===",
        "[手册]: https://example.com/\n标题\n===",
        "---\n标题\n===",
    ],
    ids=[
        "list-item",
        "nested-list-item",
        "admonition",
        "admonition-first-line",
        "tab",
        "heading",
        "quote",
        "quote-after-paragraph",
        "nested-quote",
        "quote-in-list-item",
        "quote-on-list-marker",
        "quote-on-numbered-marker",
        "quote-on-nested-list-marker",
        "quote-on-list-marker-after-rule",
        "admonition-in-quote",
        "markdown-div",
        "after-html-block",
        "after-comment",
        "after-comment-of-lines",
        "after-abbreviation",
        "after-abbreviation-in-admonition",
        "after-link-reference",
        "after-rule",
    ],
)
def test_a_heading_underlined_with_equals_in_a_block_is_level_one(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """The site shows these as level-1 headings, as it does at the top level: a blockquote
    and a ``<div markdown>`` hold blocks, and an abbreviation, a link reference, a rule or
    raw HTML ends the block above them."""
    first = add_to_page(minimal_project, f"{text}\n")
    line = first + next(n for n, row in enumerate(text.splitlines()) if "标题" in row)
    assert problems(minimal_project, capsys) == [f"{PAGE}:{line}:1: {LEVEL_ONE}"]


@pytest.mark.parametrize(
    "text",
    [
        "标题一\n===\n标题二\n===",
        "> 标题一\n> ===\n> 标题二\n> ===",
        "!!! note\n    标题一\n    ===\n    标题二\n    ===",
        "- 列表\n\n    标题一\n    ===\n    标题二\n    ===",
        "标题一\n===\n- > 标题二\n  > ===",
    ],
    ids=["top-level", "quote", "admonition", "list-item", "quote-on-list-marker"],
)
def test_headings_underlined_one_under_the_other_are_each_level_one(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """Python-Markdown reads on from the line after an '=' line as a block of its own: the
    second heading was reported only once the first was mended."""
    first = add_to_page(minimal_project, f"{text}\n")
    lines = [first + n for n, row in enumerate(text.splitlines()) if "标题" in row]
    assert problems(minimal_project, capsys) == [f"{PAGE}:{line}:1: {LEVEL_ONE}" for line in lines]


@pytest.mark.parametrize(
    "text",
    [
        "MOT\n标题一\n===\n标题二\n===",
        '!!! note "注意"\n===',
        "!!! note\n\n        Title\n        ===",  # code: Chinese would be box-text-as-code
        "!!! note\n\n    ```\n    标题\n    ===\n    ```",
        "正文\n\n    - 列表\n\n        标题\n        ===",
        "- list\n    标题\n    ===",
        "!!! note\n\n    标题\n\n    ===",
        "```\n代码\n```\n标题\n===",
        "> 正文\n> 标题\n> ===",
        ">     标题\n>     ===",
        "- 列表\n    > 标题\n    > ===",
        "- > 正文\n  > 标题\n  > ===",
        "- >     标题\n  >     ===",
        "- > 标题\n- > ===",
        "[手册]: https://example.com/\n- > 标题\n  > ===",
        "- 列表\n    *[MOT]: Moments of Truth\n    标题\n    ===",
        "!!! note\n    <!-- 备注 -->\n    标题\n    ===",
        "<!-- 备注 --> note\n标题\n===",
        '<div markdown="span">\n标题\n===\n</div>',
        "<div>\n标题\n===\n</div>",
        "见注[^1]。\n\n[^1]: A note.\n标题\n===",
    ],
    ids=[
        "headings-under-a-paragraph-line",
        "note-box-over-equals",
        "code",
        "fenced",
        "list-in-code",
        "paragraph",
        "after-blank",
        "after-fence",
        "quote-paragraph",
        "quote-code",
        "quote-in-list-item-text",
        "quote-on-list-marker-paragraph",
        "quote-on-list-marker-code",
        "quotes-on-two-list-markers",
        "quote-on-list-marker-after-link-reference",
        "abbreviation-in-list-item-text",
        "comment-in-admonition",
        "after-comment-and-text",
        "markdown-span",
        "raw-div",
        "in-footnote",
    ],
)
def test_equals_under_code_or_a_paragraph_line_is_no_heading(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    """(A box over '===' has nothing under it: it is warned about as empty, not as a heading.)"""
    add_to_page(minimal_project, f"{text}\n")
    assert run_generator(minimal_project, "check") == 0
    assert "level-one-heading" not in capsys.readouterr().err


BROKEN_BLOCK = (
    "this line starts a note box or a tab, but the site shows it as a line of text; "
    "write it as: {fixed} [page.broken-block]"
)


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("!!! failure “处理得不好”", '!!! failure "处理得不好"'),
        ("!!! tip '小贴士'", '!!! tip "小贴士"'),
        ('！！！ note "注意"', '!!! note "注意"'),
        ("??? example ‘展开案例’", '??? example "展开案例"'),
        ('？？？+ tip "提示"', '???+ tip "提示"'),
        ("=== “网页”", '=== "网页"'),
        ('＝＝＝ "手机"', '=== "手机"'),
        ('!! warning "注意"', '!!! warning "注意"'),
        ("！！ tip “小贴士”", '!!! tip "小贴士"'),
        ('!!!! note "注意"', '!!! note "注意"'),
        ("?? example 展开案例", '??? example "展开案例"'),
        ("!!! warning 注意：先道歉", '!!! warning "注意：先道歉"'),
        ("=== 网页", '=== "网页"'),
    ],
    ids=[
        "curly-quotes",
        "single-quotes",
        "full-width-marks",
        "collapsible",
        "full-width-open",
        "tab",
        "full-width-tab",
        "two-marks",
        "two-full-width-marks",
        "four-marks",
        "two-question-marks-unquoted",
        "unquoted-title-with-punctuation",
        "unquoted-tab",
    ],
)
def test_a_note_box_typed_on_a_chinese_keyboard_is_named_with_its_fix(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], line: str, fixed: str
) -> None:
    """Curly or single quotes around the title, or full-width marks, leave the line as text
    on the page: only the extensions' own form opens a box."""
    number = add_to_page(minimal_project, f"{line}\n    **客户：**我要退货。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{number}:1: {BROKEN_BLOCK.format(fixed=fixed)}"
    ]


@pytest.mark.parametrize(
    ("line", "column"),
    [(' !!! success "处理得好"', 2), ('   ??? tip "提示"', 4), ('  === "网页"', 3)],
    ids=["box", "collapsible", "tab"],
)
def test_a_note_box_with_spaces_before_its_marks_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], line: str, column: int
) -> None:
    """Python-Markdown takes a box's marks only first on the line (or four spaces in, in a
    list item or a box): the site showed ' !!! success "处理得好"' and its text as a
    paragraph, and check passed."""
    number = add_to_page(minimal_project, f"- 项\n\n{line}\n    **客户：**我要退货。\n") + 2
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{number}:{column}: this line starts a note box or a tab, but the site shows it "
        "as a line of text; delete the spaces before its marks (in a list item or a box, indent "
        "it four spaces) [page.broken-block]"
    ]


@pytest.mark.parametrize(
    ("space", "name"), [("\u00a0", "a no-break space"), ("\u3000", "a full-width space")]
)
def test_a_note_box_line_ending_in_an_odd_space_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], space: str, name: str
) -> None:
    """Python-Markdown takes only spaces after a box's title: the site showed the box as a
    paragraph, and check, which stripped every kind of space, passed."""
    number = add_to_page(minimal_project, f'!!! note "权重背后的道理"{space}\n    先看权重。\n')
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{number}:1: this line starts a note box or a tab, but the site shows it as a "
        f"line of text; delete {name} (U+{ord(space):04X}) at the end of the line, which the "
        "site does not take for a space [page.broken-block]"
    ]


@pytest.mark.parametrize(
    "text",
    [
        '!!! failure "处理得不好"\n    **客户：**我要退货。',
        "!!! note\n    没有标题的提示。",
        '???+ tip "提示"\n    展开的提示。',
        "```\n!!! tip “代码里的例子”\n```",
        "    !!! tip “缩进代码里的例子”",
        '=== "网页"\n    网页上的说明。',
        "标题\n===",
        "!!! note inline end\n    旁注。",
        "!!重要的事说三遍！！\n\n??怎么办",
        '- 项\n\n    !!! tip "提示"\n        列表里的提示。',
        '!!! note "外"\n    外面的提示。\n\n    !!! tip "内"\n        里面的提示。',
    ],
    ids=[
        "admonition",
        "no-title",
        "collapsible-open",
        "fenced-code",
        "indented-code",
        "tab",
        "underline",
        "styles-after-kind",
        "exclamations-in-text",
        "in-a-list-item",
        "in-a-box",
    ],
)
def test_a_note_box_the_site_opens_is_no_broken_block(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    add_to_page(minimal_project, f"{text}\n")
    reported = problems(minimal_project, capsys)
    assert [problem for problem in reported if "block]" in problem or "title-" in problem] == []


@pytest.mark.parametrize(
    ("line", "column", "title", "kind", "fixed"),
    [
        ("!!! warning 注意", 13, "注意", "Warning", '!!! warning "注意"'),
        ("??? tip 小贴士 先道歉", 9, "小贴士 先道歉", "Tip", '??? tip "小贴士 先道歉"'),
        ("    !!! note 备注", 14, "备注", "Note", '!!! note "备注"'),
    ],
    ids=["admonition", "collapsible", "in-a-list"],
)
def test_a_note_box_title_without_quotes_is_named_with_its_fix(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    line: str,
    column: int,
    title: str,
    kind: str,
    fixed: str,
) -> None:
    """The box opens, but the site takes the words after its kind for styles and titles it
    in English: '!!! warning 注意' showed a box titled 'Warning', and check said nothing."""
    text = (
        f"- 列表\n\n{line}\n        正文。\n" if line.startswith(" ") else f"{line}\n    正文。\n"
    )
    number = add_to_page(minimal_project, text) + (2 if line.startswith(" ") else 0)
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{number}:{column}: the box's title '{title}' is not in quotes, so the site "
        f"does not show it: it titles the box '{kind}', in English; put the title in straight "
        f"double quotes: {fixed} [page.box-title-unquoted]"
    ]


@pytest.mark.parametrize(
    ("written", "column", "kind", "shown", "marks", "fixed"),
    [
        (
            "见[倾听]（#listening）。",
            6,
            "link",
            "[倾听]（#listening）",
            "（）",
            "[倾听](#listening)",
        ),
        (
            "见[探索](02-second.md#centre）一节。",
            26,
            "link",
            "[探索](02-second.md#centre）",
            "）",
            "[探索](02-second.md#centre)",
        ),
        (
            "【探索】(02-second.md)",
            1,
            "link",
            "【探索】(02-second.md)",
            "【】",
            "[探索](02-second.md)",
        ),
        (
            "![EODC 循环]（images/eodc.png）",
            11,
            "picture",
            "![EODC 循环]（images/eodc.png）",
            "（）",
            "![EODC 循环](images/eodc.png)",
        ),
        (
            "太好了！【官网】(https://example.com/)",
            5,
            "link",
            "【官网】(https://example.com/)",
            "【】",
            "[官网](https://example.com/)",
        ),
    ],
    ids=["round-brackets", "closing-bracket", "square-brackets", "picture", "after-a-sentence"],
)
def test_a_link_typed_with_full_width_brackets_is_named_with_its_fix(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    column: int,
    kind: str,
    shown: str,
    marks: str,
    fixed: str,
) -> None:
    """A Chinese keyboard types the brackets full-width: the site showed the link as text,
    and check said nothing."""
    add_files(minimal_project, "images/eodc.png")
    line = add_to_page(minimal_project, f"{written}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:{column}: the {kind} '{shown}' is typed with full-width '{marks}', so "
        f"the site shows it as text; type its brackets half-width: {fixed} "
        "[page.full-width-link]"
    ]


def test_a_picture_after_a_full_width_exclamation_mark_is_a_warning(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'！[图](images/eodc.png)' is a '！' and a link to the picture, not the picture."""
    add_files(minimal_project, "images/eodc.png")
    line = add_to_page(minimal_project, "！[EODC 循环](images/eodc.png)\n")
    assert run_generator(minimal_project, "check") == 0
    warned = [line for line in capsys.readouterr().err.splitlines() if "[page." in line]
    assert warned == [
        f"{PAGE}:{line}:1: warning: the '！' before '[EODC 循环](images/eodc.png)' is "
        "full-width, so the site shows a link to the picture, not the picture; to show the "
        "picture, write ![EODC 循环](images/eodc.png); if the '！' ends a sentence, put a "
        "space after it [page.full-width-picture]"
    ]


def test_chinese_brackets_that_hold_no_address_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Round and square brackets are everyday Chinese punctuation: only a link's shape,
    around what is plainly an address, is told."""
    add_to_page(
        minimal_project,
        "客户（尤其是老客户）说【重点】(一定要听完)，见注[1]（2019 年）。\n\n"
        "真好！[探索](02-second.md) 和 ！[讲义](media/guide.pdf)\n\n"
        "`[探索]（02-second.md）` 写在代码里。\n\n```\n【探索】(02-second.md)\n```\n",
    )
    add_files(minimal_project, "media/guide.pdf")
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("written", "marks", "fixed"),
    [
        ("＃＃ 新的小节", "＃＃", "## 新的小节"),
        ("＃＃＃小节 {#part}", "＃＃＃", "### 小节 {#part}"),
    ],
    ids=["with-space", "no-space"],
)
def test_a_heading_typed_with_full_width_hashes_is_named_with_its_fix(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, marks: str, fixed: str
) -> None:
    """'＃＃ 新的小节' is a line of text on the site; a topic such as ＃话题＃ is no heading."""
    line = add_to_page(minimal_project, f"{written}\n正文。\n\n＃话题＃ 是一个话题。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: '{marks}' is typed full-width, so the site shows '{written}' as "
        "text, not as a heading; type the '#' half-width, with a space after them: "
        f"{fixed} [page.full-width-heading]"
    ]


@pytest.mark.parametrize(
    ("table", "row", "column", "message", "fix"),
    [
        (
            "| 步骤 | 做法 |\n| 望 | 观察 |",
            1,
            1,
            "the table has no line of '| --- |' under its first row",
            "put this line under its first row, a '---' for each of its cells: | --- | --- |",
        ),
        (
            "| 步骤 | 做法 |\n| —— | —— |\n| 望 | 观察 |",
            1,
            3,
            "the line under the table's first row is made of dashes, not of '-'",
            "type it with the '-' key, half-width: | --- | --- |",
        ),
        (
            "| 步骤 | 做法 |\n| --- |\n| 望 | 观察 |",
            1,
            1,
            "the line under the table's first row does not have its 2 cells",
            "give it one '---' for each cell of the first row: | --- | --- |",
        ),
        (
            "｜ 步骤 ｜ 做法 ｜\n｜ --- ｜ --- ｜\n｜ 望 ｜ 观察 ｜",
            0,
            1,
            "the table's pipes are typed full-width, '｜'",
            "type every '｜' of the table half-width, as '|'",
        ),
        (
            "- 列表\n\n    ｜ 步骤 ｜ 做法 ｜\n    ｜ 望 ｜ 观察 ｜",
            2,
            5,
            "the table's pipes are typed full-width, '｜'",
            "type every '｜' of the table half-width, as '|', and put this line under its "
            "first row: | --- | --- |",
        ),
    ],
    ids=["no-dashes", "long-dashes", "too-few-cells", "full-width-pipes", "in-a-list"],
)
def test_a_table_the_site_shows_as_text_is_named_with_its_fix(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    table: str,
    row: int,
    column: int,
    message: str,
    fix: str,
) -> None:
    """The site showed these rows as a paragraph of text, and check said nothing (or, for
    full-width pipes, warned of line breaks between Chinese characters)."""
    line = add_to_page(minimal_project, f"{table}\n\n正文。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + row}:{column}: {message}, so the site shows the table as lines of "
        f"text; {fix} [page.broken-table]"
    ]


def test_tables_the_site_shows_and_pipes_in_text_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_page(
        minimal_project,
        "| 步骤 | 做法 |\n|:---|---:|\n| 望 | 观察 |\n\n## 表格\n| 一列 |\n| --- |\n\n"
        "正文里有 | 竖线。\n| 接在正文后面 |\n| 不是表格 |\n\n"
        "```\n| 代码 | 里 |\n| 的 | 表 |\n```\n",
    )
    assert problems(minimal_project, capsys) == []


@pytest.mark.parametrize(
    ("row", "cells", "lost"),
    [("| 望 | 观察 | 看神色 |", 3, "看神色"), ("望 | 观察 | 看神色 | 听声音", 4, "看神色、听声音")],
    ids=["one-cell-more", "two-more-no-border"],
)
def test_a_row_with_more_cells_than_its_table_has_columns_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], row: str, cells: int, lost: str
) -> None:
    """The site left out the cells after the table's last column, and check said nothing."""
    table = f"| 步骤 | 做法 |\n| --- | --- |\n{row}\n| 闻 | `a|b` \\| 听 | |\n"
    line = add_to_page(minimal_project, f"{table}\n正文。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 2}:1: this row has {cells} cells and the table 2 columns, so the site "
        f"leaves out what is after its cell 2 ({lost}); add a column to the table's first row "
        "and to the '| --- |' line under it, or move the text into the row's first 2 cells "
        "(a '|' in a cell's text is written '\\|') [page.table-cells-lost]"
    ]
    SITE_MARKDOWN.reset()
    shown = SITE_MARKDOWN.convert(table)
    assert "听" in shown and "看神色" not in shown  # the site as the message says


def test_a_code_block_left_open_is_named_and_the_page_after_it_checked(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A fence no line closes is text on the site, and so is all that follows it: check
    skipped the rest of the page as code, and said nothing."""
    line = add_to_page(minimal_project, "```\n示例代码\n\n见[下一章](02-missing.md)。\n")
    reported = problems(minimal_project, capsys)
    assert reported[0] == (
        f"{PAGE}:{line}:1: this line opens a code block with ```, but no line after it closes "
        "the block (a line of ``` alone, indented as this one), so the site shows ``` as text; "
        "end the code with a line of ``` at this line's indent, or delete this line "
        "[page.unclosed-fence]"
    )
    assert len(reported) == 2 and reported[1].startswith(f"{PAGE}:{line + 3}:")


def test_a_heading_id_typed_full_width_is_named_and_a_half_width_one_passes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only the braces and the '#' are looked at: a half-width {#谁在意} is an id MkDocs
    takes (it was told to write itself as it was), and classes after the id are kept."""
    line = add_to_page(
        minimal_project, "## 谁在意 {#谁在意}\n\n## 谁真的在意 ｛#who-cares .wide｝\n"
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line + 2}:10: the heading's id '｛#who-cares .wide｝' is written full-width, "
        "so the site shows it as text and no link can reach the section; write the braces "
        "and the '#' half-width: {#who-cares .wide} [page.full-width-id]"
    ]


@pytest.mark.parametrize(
    ("written", "column", "fixed"),
    [
        ("{#who-cares}。", 8, "{#who-cares}"),
        ("{#who-cares} {.wide}", 8, "{#who-cares .wide}"),
        ("{#who} {#who-cares}", 8, "{#who}"),
        ("{.wide} {#who-cares}", 8, "{#who-cares .wide}"),
    ],
)
def test_a_heading_id_the_site_shows_as_text_is_named_and_links_to_it_are_not(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    column: int,
    fixed: str,
) -> None:
    """Python-Markdown takes a heading's '{…}' only alone at the end of the line; check
    said nothing, and a link to the id was told to add it to the heading, which had it.
    Closing '#'s, with a space before them or not, are no part of the line's end."""
    line = add_to_page(
        minimal_project,
        f"## 谁在意 {written}\n\n见[谁在意](#who-cares)。\n\n"
        "## 谁真的在意 {: #really .wide } ##\n\n## 在意 {#care}##\n\n见[在意](#wide)。\n",
    )
    found = ATTRIBUTES_AS_TEXT.search(written)
    assert found is not None
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:{column}: the heading's '{found[0]}' is not the one '{{…}}' that ends "
        "the line, so the site shows it as text, and the heading does not get the id; put "
        f"the id and any classes in one pair of braces, last on the line: {fixed} "
        "[page.id-as-text]",
        f"{PAGE}:{line + 8}:7: link to '#wide', which is not a heading of 01-sample.md; write "
        f"'{{#wide}}' {ANCHOR_FIX} [link.unknown-anchor]",
    ]


def test_a_heading_id_with_no_space_before_it_is_told_to_take_one(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was told it was "not the one '{…}' that ends the line", which it was."""
    line = add_to_page(minimal_project, "## 服务补救五步法{#service-recovery}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:11: the heading's '{{#service-recovery}}' has no space before it, so "
        "the site shows it as text, and the heading does not get the id; put a space before "
        "'{': … {#service-recovery} [page.id-as-text]"
    ]


def test_a_heading_of_an_id_alone_is_told_to_have_its_text_written(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was told its '{#empty-one}' was "not the one '{…}' that ends the line", which it was:
    with no text before it, no space parts it from the marks, and the site shows it as text."""
    line = add_to_page(minimal_project, "## {#empty-one}\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:4: the heading has no text before its '{{#empty-one}}', so the site "
        "shows it as text, and the heading does not get the id; write the heading's text "
        "before it: ## 标题 {#empty-one} [page.id-as-text]"
    ]


@pytest.mark.parametrize(("written", "brace"), [("{#who-cares", "}"), ("#who-cares}", "{")])
def test_a_heading_id_missing_a_brace_is_named_and_links_to_it_are_not(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, brace: str
) -> None:
    """The site showed '## 谁在意 {#who-cares' as it is, with the id '谁在意-who-cares': check
    passed, or told a link to '#who-cares' to link to '#谁在意-who-cares'."""
    line = add_to_page(minimal_project, f"## 谁在意 {written}\n\n见[谁在意](#who-cares)。\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:8: the heading's '{written}' has no '{brace}', so the site shows it as "
        "text, and the heading does not get the id; write the id in a pair of braces: "
        "{#who-cares} [page.id-as-text]"
    ]


def check_lines(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Every problem ``check`` prints, without the count at its end."""
    run_generator(root, "check")
    return [line for line in capsys.readouterr().err.splitlines() if "[" in line]


def test_a_renamed_module_is_named_to_its_old_links_and_draw(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A module renamed keeps its number: its review links and the exam's draw are told
    the new name (they were given every page's name, and 'the course does not have')."""
    for folder, suffix in (("course", ".md"), ("quizzes", ".yml")):
        (minimal_project / folder / f"02-second{suffix}").rename(
            minimal_project / folder / f"02-listen{suffix}"
        )
    found = check_lines(minimal_project, capsys)
    assert (
        "quizzes/02-listen.yml:16:5: question 's2-single': review link to '02-second.md', "
        "which is not a page of the course; did you mean '02-listen.md'? write "
        "02-listen.md#centre [review.unknown-page]"
    ) in found
    assert found[-1] == (
        "quizzes/exam.yml:7:3: the exam draws from module '02-second', which the course does "
        "not have; did you mean '02-listen'? write 02-listen: 2 [exam.unknown-module]"
    )
    # told once: it was also told to add '02-listen: K', and both gave a duplicate key
    assert not [line for line in found if line.endswith("[exam.not-drawn]")]


def first_review_problem(root: Path, capsys: pytest.CaptureFixture[str], link: str) -> str:
    """The first problem check prints when the first question's review link is ``link``."""
    quiz = root / "quizzes/01-sample.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace("review: 01-sample.md#listening", f"review: {link}", 1), "utf-8")
    return check_lines(root, capsys)[0]


def test_a_review_link_into_a_generated_page_is_told_it_cannot_get_a_heading(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was told to add '{#quiz}' to a heading of exam.md, which the generator writes."""
    assert first_review_problem(minimal_project, capsys, "exam.md#quiz") == (
        "quizzes/01-sample.yml:16:5: question 's1-single': review link to '#quiz', which is "
        "not a heading of exam.md; exam.md is written by the generator, and no heading can "
        "be added to it: link to a section of a page in course/ [review.unknown-anchor]"
    )


def test_a_link_to_one_of_the_theme_s_ids_is_not_told_to_give_a_heading_that_id(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It was told to add '{#__skip}' to a heading, which check then refuses."""
    assert first_review_problem(minimal_project, capsys, "index.md#__skip") == (
        "quizzes/01-sample.yml:16:5: question 's1-single': review link to '#__skip', which is "
        "not a heading of index.md: ids that start with '__' are the theme's own; link to one "
        "of the page's headings; no heading may take such an id [review.unknown-anchor]"
    )


def rename_modules(root: Path, renames: dict[str, str]) -> None:
    """Rename each module's page and quiz at once (two may swap names)."""
    for old, new in renames.items():
        for folder, suffix in (("course", ".md"), ("quizzes", ".yml")):
            (root / folder / f"{old}{suffix}").rename(root / folder / f"{new}{suffix}.tmp")
    for path in root.glob("*/*.tmp"):
        path.rename(path.with_suffix(""))


def test_links_to_two_modules_swapped_are_told_where_each_went(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each old name shares its number with one module and its name with the other: a link
    was told the module with its number, the wrong one, and its section was then missing.
    A link with a section is told the one page that has it; one without, and the exam's
    draw, both modules, the name's first."""
    rename_modules(minimal_project, {"01-sample": "02-sample", "02-second": "01-second"})
    found = check_lines(minimal_project, capsys)
    assert (
        "course/index.md:6:13: link to '01-sample.md', which is not a page of the course; did "
        "you mean '02-sample.md' (the same name) or '01-second.md' (the same number)? write "
        "02-sample.md or 01-second.md [link.unknown-page]"
    ) in found
    assert (
        "quizzes/01-second.yml:16:5: question 's2-single': review link to '02-second.md', "
        "which is not a page of the course; did you mean '01-second.md'? write "
        "01-second.md#centre [review.unknown-page]"
    ) in found
    assert found[-2:] == [
        "quizzes/exam.yml:6:3: the exam draws from module '01-sample', which the course does "
        "not have; did you mean '02-sample' (the same name) or '01-second' (the same number)? "
        "write 02-sample: 1 or 01-second: 1 [exam.unknown-module]",
        "quizzes/exam.yml:7:3: the exam draws from module '02-second', which the course does "
        "not have; did you mean '01-second' (the same name) or '02-sample' (the same number)? "
        "write 01-second: 2 or 02-sample: 2 [exam.unknown-module]",
    ]


def test_a_link_to_a_renamed_page_is_offered_the_section_as_that_page_has_it(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A slip in a link's page and in its section: it was told to write the page meant
    with the slip of its section, a link still broken. Told the section as written on the
    page meant; one the page has no heading for is told how to give a heading it."""
    line = add_to_page(
        minimal_project, "见[第二课](02-secnd.md#centr)和[别处](02-secnd.md#nowhere)。\n"
    )
    quiz = minimal_project / "quizzes/01-sample.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace("01-sample.md#listening", "02-secnd.md#Centre", 1), "utf-8")
    found = check_lines(minimal_project, capsys)
    assert (
        "quizzes/01-sample.yml:16:5: question 's1-single': review link to '02-secnd.md', which "
        "is not a page of the course; did you mean '02-second.md#centre'? write "
        "02-second.md#centre [review.unknown-page]"
    ) in found
    assert (
        f"{PAGE}:{line}:8: link to '02-secnd.md', which is not a page of the course; did you "
        "mean '02-second.md#centre'? write 02-second.md#centre [link.unknown-page]"
    ) in found
    assert (
        f"{PAGE}:{line}:32: link to '02-secnd.md', which is not a page of the course; did you "
        "mean '02-second.md'? write 02-second.md#nowhere; no heading of 02-second.md has the id "
        "'nowhere' yet: write '{#nowhere}' at the end of the heading it should open, in place "
        "of any id the heading has (a heading takes one), or change this link to the heading's "
        "id [link.unknown-page]"
    ) in found


def test_of_two_renamed_pages_only_the_one_with_the_section_is_offered(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two modules swapped: a link to the old name with a slip in its section was offered
    both pages, each with the slip; the one whose heading it names is the one meant."""
    rename_modules(minimal_project, {"01-sample": "02-sample", "02-second": "01-second"})
    quiz = minimal_project / "quizzes/02-sample.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace("01-sample.md#listening", "01-sample.md#centr", 1), "utf-8")
    assert (
        "quizzes/02-sample.yml:16:5: question 's1-single': review link to '01-sample.md', "
        "which is not a page of the course; did you mean '01-second.md#centre'? write "
        "01-second.md#centre [review.unknown-page]"
    ) in check_lines(minimal_project, capsys)


def test_a_module_renamed_after_another_s_name_is_not_offered_the_other(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """With modules 01-sample and 02-sample, 01-sample renamed 01-intro: its draw line was
    told 02-sample, which the draw already names (a duplicate key), and the new module to
    be added to the draw as well."""
    rename_modules(minimal_project, {"02-second": "02-sample"})
    exam = minimal_project / "quizzes/exam.yml"
    exam.write_text(exam.read_text(encoding="utf-8").replace("02-second:", "02-sample:"), "utf-8")
    for quiz in minimal_project.glob("quizzes/0*.yml"):
        text = quiz.read_text(encoding="utf-8")
        quiz.write_text(text.replace("02-second.md", "02-sample.md"), encoding="utf-8")
    assert check_lines(minimal_project, capsys) == []
    rename_modules(minimal_project, {"01-sample": "01-intro"})
    found = check_lines(minimal_project, capsys)
    assert found[-1] == (
        "quizzes/exam.yml:6:3: the exam draws from module '01-sample', which the course does "
        "not have; did you mean '01-intro'? write 01-intro: 1 [exam.unknown-module]"
    )
    assert not [line for line in found if line.endswith("[exam.not-drawn]")]


def test_a_link_is_placed_where_it_is_written_not_inside_a_longer_one(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """'/images/y.png' is written inside '../images/y.png' too: the second broken link was
    placed there, two columns into the first, and the third on the second's line."""
    line = add_to_page(
        minimal_project, "![b](../images/y.png) 和 ![c](/images/y.png)\n\n![d](/images/y.png)\n"
    )
    outside = (
        "which is outside course/; link to a page or a file in course/ by its path from this "
        "page, such as 'media/guide.pdf' [link.outside-course]"
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:6: link to '../images/y.png', {outside}",
        f"{PAGE}:{line}:30: link to '/images/y.png', {outside}",
        f"{PAGE}:{line + 2}:6: link to '/images/y.png', {outside}",
    ]


def test_a_path_written_with_backslashes_is_told_to_take_slashes(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Copied from Windows' Explorer: the fix said to put the file at
    course/images\\EODC 循环.png, where it already was, and never mentioned '/'."""
    add_files(minimal_project, "images/EODC 循环.png")
    line = add_to_page(minimal_project, "![循环](images\\EODC 循环.png)\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:7: link to 'images\\EODC 循环.png', which is neither a page nor a file "
        "the site publishes; write the path with '/', not '\\': images/EODC 循环.png "
        "[link.missing-file]"
    ]


ON_COMPUTER = (
    "is a file on your computer, which learners' browsers cannot open: the site would "
    "publish only its address"
)


@pytest.mark.parametrize(
    ("written", "column", "fix"),
    [
        ("![EODC 循环](C:\\Users\\li\\Desktop\\eodc.png)", 12, "images/eodc.png"),
        ("![EODC 循环](C:/Users/li/Desktop/eodc.png)", 12, "images/eodc.png"),
        ("![EODC 循环](file:///C:/Users/li/Desktop/eodc.png)", 12, "images/eodc.png"),
        ("![EODC 循环](/Users/li/Desktop/eodc.png)", 12, "images/eodc.png"),
        ('<img src="C:\\Users\\li\\Desktop\\eodc.png" alt="EODC 循环">', 11, "images/eodc.png"),
        ("[讲义](D:\\资料\\讲义.pdf)", 6, "media/讲义.pdf"),
        ('<a href="file:///D:/%E8%B5%84%E6%96%99/guide.pdf">讲义</a>', 10, "media/guide.pdf"),
    ],
    ids=["backslashes", "slashes", "file-address", "mac", "html", "download", "html-link"],
)
def test_a_file_on_the_trainers_computer_is_told_to_be_copied_in(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, column: int, fix: str
) -> None:
    """The site published <img src="C:/Users/…">, which no learner can open, and check said
    nothing; a file:/// address was told it was loaded from another site."""
    line = add_to_page(minimal_project, f"{written}\n")
    address = written[column - 1 :].split('"')[0].split(")")[0]
    folder = fix.split("/")[0]
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:{column}: '{address}' {ON_COMPUTER}; copy the file into "
        f"course/{folder}/ and write {fix} [link.local-file]"
    ]


def test_a_file_on_the_trainers_computer_already_copied_in_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_files(minimal_project, "images/eodc.png")
    line = add_to_page(minimal_project, "![EODC 循环](C:\\Users\\li\\Desktop\\eodc.png)\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:12: 'C:\\Users\\li\\Desktop\\eodc.png' {ON_COMPUTER}; "
        "course/images/eodc.png is there already: write images/eodc.png [link.local-file]"
    ]


def test_a_link_to_the_exam_of_a_course_without_one_says_where_the_exam_comes_from(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """It listed the pages to link to instead: the trainer who deleted quizzes/exam.yml had
    no way to tell that exam.md came from it."""
    (minimal_project / "quizzes/exam.yml").unlink()
    line = add_to_page(minimal_project, "[结业考试](exam.md) 和 [证书](exam_certificate.md)\n")
    fix = (
        "is a page of the final exam, which the generator writes from quizzes/exam.yml, and "
        "there is no such file: put it back, or delete the link [link.unknown-page]"
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:8: link to 'exam.md', which is not a page of the course; exam.md {fix}",
        f"{PAGE}:{line}:24: link to 'exam_certificate.md', which is not a page of the course; "
        f"exam_certificate.md {fix}",
    ]


@pytest.mark.parametrize("written", ["＊＊客户：＊＊", "**客户：＊＊", "＊＊客户：**"])
def test_bold_typed_with_full_width_stars_is_named_with_its_fix(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """The site showed the stars, and the text was not bold, with nothing said."""
    line = add_to_page(minimal_project, f"{written}先道歉。**好的**\n")
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:1: the stars around '客户：' are typed full-width (＊), so the site "
        "shows them, and the text is not bold; type them half-width: **客户：** "
        "[page.full-width-bold]"
    ]


def test_a_page_in_a_folder_is_told_where_pages_go_and_so_is_a_link_to_it(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """course/extra/appendix.md was left out of the site with only its name among the files
    not published, and a link to it was told to link to one of the course's pages. The
    media folders' Markdown files, hidden ones and Word's lock files are no page."""
    for name in ("extra/appendix.md", "extra/.draft.md", "extra/~$appendix.md", "media/x.md"):
        (minimal_project / "course" / name).parent.mkdir(exist_ok=True)
        (minimal_project / "course" / name).write_text("# 附录\n", encoding="utf-8")
    assert run_generator(minimal_project, "check") == 0
    warned = [line for line in capsys.readouterr().err.splitlines() if "warning:" in line]
    assert warned == [
        "course/extra/appendix.md:1:1: warning: a page in a folder (course/extra/), which the "
        "site does not publish: its pages are the Markdown files directly in course/; move it "
        "to course/appendix.md to publish it, with a link to it from another page; or, if it "
        "is a note for trainers, move it out of course/ [course.page-in-folder]"
    ]
    assert run_generator(minimal_project, "check", "--strict") == 1
    capsys.readouterr()
    links = "见[附录](extra/appendix.md#more)，[样例](extra/01-sample.md)"
    line = add_to_page(minimal_project, links)
    said = "a page in a folder, which the site does not publish: its pages are the Markdown "
    said += "files directly in course/"
    pages = sorted(path.name for path in (minimal_project / "course").glob("*.md"))
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:7: link to 'extra/appendix.md', {said}; move the page to "
        f"course/appendix.md and link to it there: appendix.md#more; or link to one of: "
        f"{', '.join(sorted([*pages, 'exam.md', 'exam_certificate.md', 'mistakes.md']))} "
        "[link.unknown-page]",
        f"{PAGE}:{line}:36: link to 'extra/01-sample.md', {said}; link to the page of that "
        "name in course/: 01-sample.md [link.unknown-page]",
    ]
