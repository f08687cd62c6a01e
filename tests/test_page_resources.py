"""A page loads nothing from another site (AUTHORING.md): pictures, scripts, styles, frames
and media from elsewhere are problems at their line; links to other sites are fine."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.test_page_links import PAGE, add_files, add_to_page, problems

ADDRESS = "https://cdn.example.com/x"


@pytest.mark.parametrize(
    ("written", "column"),
    [
        (f"![示意图]({ADDRESS}.png)", 8),
        (f'<img src="{ADDRESS}.png" alt="示意图">', 11),
        (f"<script src={ADDRESS.removeprefix('https:')}.js></script>", 13),
        (f'<iframe src="{ADDRESS}" title="视频"></iframe>', 14),
        (f'<link rel="stylesheet" href="{ADDRESS}.css">', 30),
        (f"<div style=\"background: url('{ADDRESS}.png')\">背景</div>", 30),
        (f'<style>@import "{ADDRESS}.css";</style>', 17),
        (f'<video poster="{ADDRESS}.jpg" controls></video>', 16),
        (f'<svg viewBox="0 0 9 9"><image href="{ADDRESS}.png"/></svg>', 37),
        (f'<svg viewBox="0 0 9 9"><image xlink:href="{ADDRESS}.png"/></svg>', 43),
    ],
    ids=[
        "picture",
        "img",
        "script",
        "iframe",
        "stylesheet",
        "css-url",
        "css-import",
        "poster",
        "svg-image",
        "svg-xlink",
    ],
)
def test_a_load_from_another_site_is_a_problem(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, column: int
) -> None:
    line = add_to_page(minimal_project, f"{written}\n")
    address = written[column - 1 :].split('"')[0].split("'")[0].split(")")[0].split(">")[0]
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:{column}: '{address}' is loaded from another site: the page would "
        "wait on it where the site is blocked (as many are in mainland China), and tell it "
        "who reads the page; save the file in course/images/ or course/media/ and name it "
        "from there; a link to the other site, [text](address), is fine "
        "[page.resource-elsewhere]"
    ]


def test_links_to_other_sites_and_code_that_shows_a_load_are_fine(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_files(minimal_project, "images/a.png")
    add_to_page(
        minimal_project,
        f'[官网]({ADDRESS}) 和 <a href="{ADDRESS}">官网</a>，`<img src="{ADDRESS}.png">`\n\n'
        f'```html\n<script src="{ADDRESS}.js"></script>\n```\n\n'
        f'[官网][site]、<a style="color: red" href="https:&#x2F;&#x2F;e.example/">官网</a>、'
        f'<img src="images/a.png" alt="url({ADDRESS}.png)" title="image-set(\'{ADDRESS}\')">'
        f"、`![图][site]`\n\n[site]: {ADDRESS}\n",
    )
    assert problems(minimal_project, capsys) == []


def elsewhere(place: str, written: str, read: str = "") -> str:
    """The problem of ``written`` at ``place`` (line:column), read by the browser as ``read``."""
    reading = f" (the browser reads it as '{read}')" if read else ""
    return (
        f"{PAGE}:{place}: '{written}'{reading} is loaded from another site: the page would "
        "wait on it where the site is blocked (as many are in mainland China), and tell it "
        "who reads the page; save the file in course/images/ or course/media/ and name it "
        "from there; a link to the other site, [text](address), is fine "
        "[page.resource-elsewhere]"
    )


@pytest.mark.parametrize(
    ("written", "column"),
    [
        ("![示意图][r]\n\n[r]: https://e9.example/x.png", 6),
        ("![示意图][]\n\n[示意图]: https://e9.example/x.png", 8),
        ("![示意图]\n\n[示意图]: https://e9.example/x.png", 8),
        ('![示意图][r]\n\n[r]: <https://e9.example/x.png> "示意图"', 7),
    ],
    ids=["full", "collapsed", "shortcut", "angle-brackets-and-title"],
)
def test_a_reference_picture_from_another_site_is_told_at_its_definition(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, column: int
) -> None:
    """Told nothing: only ![alt](address) was looked for, though the site shows the
    reference forms as pictures all the same."""
    line = add_to_page(minimal_project, f"{written}\n")
    assert problems(minimal_project, capsys) == [
        elsewhere(f"{line + 2}:{column}", "https://e9.example/x.png")
    ]


@pytest.mark.parametrize(
    ("written", "column", "address", "read"),
    [
        ('<img src="https:&#x2F;&#x2F;e1.example/x.png" alt="图">', 11, "", "//"),
        ('<img src=" https://e2.example/x.png" alt="图">', 12, "https://e2.example/x.png", ""),
        ('<img src="https:\\\\e3.example\\x.png" alt="图">', 11, "", "//e3.example/x"),
        ("![图](https:&#47;&#47;e4.example/x.png)", 6, "", "//"),
        (
            '<div style="background:url(&quot;https://e5.example/x.png&quot;)">背景</div>',
            34,
            "https://e5.example/x.png",
            "",
        ),
        ('<div style="background:u\\rl(https://e6.example/x.png)">背景</div>', 29, "", ""),
        ('<style>.a { background: image-set("https://e7.example/x.png" 1x) }</style>', 36, "", ""),
        ("<style>.a{background:-webkit-image-set('//e7.example/x.png' 1x)}</style>", 41, "", ""),
        ('<img srcset="images/a.png 1x, https://e8.example/x.png 2x" alt="图">', 31, "", ""),
    ],
    ids=[
        "character-references",
        "leading-space",
        "backslashes",
        "markdown-character-references",
        "css-character-references",
        "css-escape",
        "image-set",
        "webkit-image-set",
        "srcset-second",
    ],
)
def test_an_address_from_another_site_written_otherwise_is_a_problem(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    column: int,
    address: str,
    read: str,
) -> None:
    """Each was published with check saying OK: the browser reads character references,
    CSS escapes and backslashes, drops spaces around an address, and loads each picture of
    a srcset (``read``: what the address is read as, where that is not as written, when it
    has these characters)."""
    add_files(minimal_project, "images/a.png")
    line = add_to_page(minimal_project, f"{written}\n")
    found = problems(minimal_project, capsys)
    rest = written[column - 1 :]
    address = address or re.split(r"[\"')]| 1x| 2x", rest)[0]
    reading = address.replace("&#x2F;", "/").replace("&#47;", "/").replace("\\", "/")
    assert read in reading
    assert found == [elsewhere(f"{line}:{column}", address, "" if reading == address else reading)]


HEAD_FIX = (
    "delete it: the site writes each page's head itself; to lead to another page or site, "
    "link to it: [text](address) [page.head-element]"
)


@pytest.mark.parametrize(
    ("written", "wrong"),
    [
        (
            '<base href="https://e8.example/">',
            "'<base>' makes every address of the page start from the one it names: the theme's "
            "scripts and styles, the quiz's and the icon would load from there",
        ),
        ("<BASE target=_blank>", "'<base>' makes every address"),
        (
            '<meta http-equiv="refresh" content="0; url=https://e8.example/">',
            "'<meta http-equiv>' acts on the whole page ('refresh' sends the learner to another "
            "address, or reloads the page, and what they were doing is lost)",
        ),
    ],
    ids=["base-href", "base-target", "meta-refresh"],
)
def test_an_element_of_the_page_s_head_in_its_body_is_a_problem(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, wrong: str
) -> None:
    """A <base href> made Material's bundle, the quiz runtime and the favicon load from
    the site it named, and check said OK."""
    line = add_to_page(minimal_project, f"前文 {written}\n")
    [found] = problems(minimal_project, capsys)
    assert found.startswith(f"{PAGE}:{line}:4: {wrong}")
    assert found.endswith(f"; {HEAD_FIX}")


def test_a_base_in_code_and_a_basefont_are_fine(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_page(minimal_project, '`<base href="https://e8.example/">` 和 <basefont size="3">\n')
    assert problems(minimal_project, capsys) == []


def css_file(place: str, written: str, name: str, fix: str = "") -> str:
    return (
        f"{PAGE}:{place}: '{written}' names course/{name}, which is not there; "
        f"{fix or f'put the file at course/{name}, or correct the path'}: it starts from "
        "course/, the page's folder [link.missing-file]"
    )


@pytest.mark.parametrize(
    ("written", "column", "address", "name"),
    [
        ("<style>.mot-x { background: url(images/bg.png) }</style>", 33, "images/bg.png", ""),
        ('<p style="background: url(&quot;./images/bg.png&quot;)">背景</p>', 33, "", ""),
        ("<style>@import 'extra.css';</style>", 17, "extra.css", "extra.css"),
        (r"<style>.mot-x { background: u\rl(images/\62g.png) }</style>", 34, "", ""),
    ],
    ids=["style-block", "style-attribute", "import", "escaped"],
)
def test_a_file_the_page_s_css_names_that_is_not_there_is_a_problem(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    column: int,
    address: str,
    name: str,
) -> None:
    """Checked for a picture or a link (``link.missing-file``), but not for CSS, whose
    missing file showed a page without its background, and ``check`` said OK."""
    line = add_to_page(minimal_project, f"{written}\n")
    shown = address or written[column - 1 :].split(")")[0].split("&quot;")[0]
    assert problems(minimal_project, capsys) == [
        css_file(f"{line}:{column}", shown, name or "images/bg.png")
    ]


def test_a_file_the_page_s_css_names_is_published_or_told_how_it_is_written(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A file outside the media folders that only a page's CSS names was left out of the
    site ("not published"); one written in other letter case is told its name."""
    add_files(minimal_project, "backgrounds/Paper.png", "wall.png")
    line = add_to_page(
        minimal_project,
        "<style>.mot-x { background: url(backgrounds/paper.png) }</style>\n"
        '<p style="background-image: url(wall.png)">墙</p>\n'
        "<style>.mot-y { background: url(../wall.png) }</style>\n",
    )
    assert problems(minimal_project, capsys) == [
        css_file(
            f"{line}:33",
            "backgrounds/paper.png",
            "backgrounds/paper.png",
            "did you mean backgrounds/Paper.png? write it in the file's own letter case",
        ).replace(": it starts from course/, the page's folder", ""),
        f"{PAGE}:{line + 2}:33: '../wall.png' leads outside course/, where the site has no "
        "files; name a file under course/ by its path (it starts from course/, the page's "
        "folder), such as images/bg.png [link.outside-course]",
    ]
    add_to_page(minimal_project, "")
    page = minimal_project / PAGE
    text = page.read_text(encoding="utf-8").replace("paper.png", "Paper.png")
    page.write_text(text.replace("url(../wall.png)", "url(wall.png)"), encoding="utf-8")
    assert problems(minimal_project, capsys, "build") == []
    assert (minimal_project / "site" / "wall.png").is_file()
    assert (minimal_project / "site" / "backgrounds" / "Paper.png").is_file()


def test_a_link_that_pings_another_site_is_a_problem(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The link is fine; its ``ping`` made each learner who followed it tell another site
    (two here, the second written with a character reference), and check said OK."""
    line = add_to_page(
        minimal_project,
        '<a href="https://example.com/" ping="https://t1.example/p https:&#47;&#47;t2.example/q">'
        "链接</a>\n"
        '<a href="#need" ping="stats.html">本页</a> `<a ping="https://t3.example/">`\n',
    )
    told = (
        "is another site that the link's ping tells each time a learner follows the link: it "
        "would learn who reads the page; delete the ping attribute: the link works without it "
        "[page.resource-elsewhere]"
    )
    assert problems(minimal_project, capsys) == [
        f"{PAGE}:{line}:38: 'https://t1.example/p' {told}",
        f"{PAGE}:{line}:59: 'https:&#47;&#47;t2.example/q' (the browser reads it as "
        f"'https://t2.example/q') {told}",
    ]
