"""A page loads nothing from another site (AUTHORING.md): pictures, scripts, styles, frames
and media from elsewhere are problems at their line; links to other sites are fine."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_page_links import PAGE, add_to_page, problems

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
    add_to_page(
        minimal_project,
        f'[官网]({ADDRESS}) 和 <a href="{ADDRESS}">官网</a>，`<img src="{ADDRESS}.png">`\n\n'
        f'```html\n<script src="{ADDRESS}.js"></script>\n```\n',
    )
    assert problems(minimal_project, capsys) == []
