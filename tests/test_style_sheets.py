"""A trainer's own style sheets (``extra_css``) load nothing from another site nor from the
trainer's computer, and each file they name is in course/ and published
(generator/style_sheets.py): they were never read, and every page loaded Google Fonts."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_generator
from tests.test_page_links import ON_COMPUTER, add_files
from tests.test_settings_files import STYLE_SHEETS, add_file
from tests.test_settings_printed_raw import edit_settings

SHEET = "course/stylesheets/extra.css"
ELSEWHERE = (
    "is loaded from another site: every page would wait on it where the site is blocked (as "
    "many are in mainland China), and tell it who reads the page; save the file under "
    "course/ (a picture in course/images/, a font beside the style sheet) and name it by its "
    "path from the style sheet's folder [page.resource-elsewhere]"
)


def with_style_sheet(project: Path, css: str) -> None:
    add_file(project, "stylesheets/extra.css", css)
    edit_settings(project, STYLE_SHEETS, f"{STYLE_SHEETS}  - stylesheets/extra.css\n")


def problems(project: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    status = run_generator(project, "check")
    error = capsys.readouterr().err
    assert "Traceback" not in error
    found = [line for line in error.splitlines() if line.startswith("course/")]
    assert (status == 0) == (found == []), error
    return found


def test_what_a_style_sheet_loads_is_held_to_a_page_s_rules(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with_style_sheet(
        minimal_project,
        '@import url("https://fonts.googleapis.com/css2?family=Noto+Sans+SC");\n'
        "/* @import url(https://commented.example/out.css); */\n"
        "body { background: url(https://e1.example/bg.png); }\n"
        ".a { background: u\\rl('//e2.example/a.png'); }\n"
        ".b { background: url(file:///C:/Users/li/b.png); }\n"
        ".c { background: url(../images/nope.png); }\n"
        ".d { background: url(../../outside.png); }\n",
    )
    assert problems(minimal_project, capsys) == [
        f"{SHEET}:1:14: 'https://fonts.googleapis.com/css2?family=Noto+Sans+SC' {ELSEWHERE}",
        f"{SHEET}:3:24: 'https://e1.example/bg.png' {ELSEWHERE}",
        f"{SHEET}:4:24: '//e2.example/a.png' {ELSEWHERE}",
        f"{SHEET}:5:22: 'file:///C:/Users/li/b.png' {ON_COMPUTER}; copy the file into "
        "course/images/ and write ../images/b.png [link.local-file]",
        f"{SHEET}:6:22: '../images/nope.png' names course/images/nope.png, which is not "
        "there; put the file at course/images/nope.png, or correct the path: it starts from "
        "course/stylesheets/, the style sheet's folder [link.missing-file]",
        f"{SHEET}:7:22: '../../outside.png' leads outside course/, where the site has no "
        "files; name a file under course/ by its path (it starts from course/stylesheets/, "
        "the style sheet's folder), such as ../images/bg.png [link.outside-course]",
    ]


def test_the_files_a_style_sheet_names_are_published(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A font outside course/images/ and course/media/ that no page names was left out of
    the site, and the style sheet asked for it in vain."""
    add_files(minimal_project, "fonts/kai.woff2", "images/bg.png")
    with_style_sheet(
        minimal_project,
        '@font-face { font-family: kai; src: url("../fonts/kai.woff2") format("woff2"); }\n'
        "body { background: url(../images/bg.png), url(data:image/gif;base64,R0lGOD); }\n"
        "svg { clip-path: url(#clip); }\n",
    )
    assert run_generator(minimal_project, "build") == 0, capsys.readouterr().err
    assert (minimal_project / "site/fonts/kai.woff2").is_file()
