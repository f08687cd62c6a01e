"""A diagram label a phone would draw too small to read is told at its line by ``check``
(a warning: the site builds); the browser tests measure the real course's labels as drawn
(test_diagrams.py)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.page_diagrams import LABEL_GROWTH, PHONE_TEXT_WIDTH
from generator.runtime import runtime_assets
from tests.conftest import run_generator
from tests.test_diagrams import SCREENS
from tests.test_page_links import PAGE, add_to_page

DIAGRAM = """<figure class="mot-figure">
<svg viewBox="0 0 640 300" role="img" aria-label="示意图">
<rect x="10" y="10" width="300" height="80"/>
<text x="160" y="50" font-size="14" text-anchor="middle">客户<tspan>期望</tspan></text>
<text x="160" y="80" font-size="16" text-anchor="middle">客户感知</text>
<text x="30" y="200" font-size="18" transform="rotate(-90 30 200)">满意度</text>
<text x="300" y="200" style="font-size: 12px">说明</text>
<text x="300" y="250">页面字号</text>
</svg>
<figcaption>图：示意</figcaption>
</figure>
"""

SMALL = """<figure class="mot-figure">
<svg viewBox="0 0 400 200" role="img" aria-label="小图">
<text x="10" y="50" font-size="12">小图的字</text>
</svg>
</figure>
"""
"""A diagram drawn from a narrower viewBox: its labels are drawn larger."""


def warnings(root: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert run_generator(root, "check") == 0
    return [line for line in capsys.readouterr().err.splitlines() if "diagram label" in line]


def test_a_label_a_phone_draws_too_small_is_told_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = add_to_page(minimal_project, DIAGRAM + "\n" + SMALL)
    tail = "[page.diagram-label-small]"
    assert warnings(minimal_project, capsys) == [
        f"{PAGE}:{line + 3}:1: warning: the diagram label '客户 期望' (font-size 14) is drawn "
        "9.3 px high on a phone 360 px wide, under the 10 px a label needs to be read; set "
        f"its font-size to at least 16 {tail}",
        f"{PAGE}:{line + 5}:1: warning: the diagram label '满意度' (font-size 18) is drawn "
        "9.2 px high on a phone 360 px wide, under the 10 px a label needs to be read; set "
        "its font-size to at least 20, or write it level: a turned label does not grow on a "
        f"phone {tail}",
        f"{PAGE}:{line + 6}:1: warning: the diagram label '说明' (font-size 12) is drawn "
        "7.9 px high on a phone 360 px wide, under the 10 px a label needs to be read; set "
        f"its font-size to at least 16 {tail}",
    ]
    assert run_generator(minimal_project, "check", "--strict") == 1


def test_labels_in_code_or_outside_a_diagram_are_left_alone(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    add_to_page(minimal_project, f"```html\n{DIAGRAM}```\n\n" + DIAGRAM.replace("mot-figure", "x"))
    assert warnings(minimal_project, capsys) == []


def test_the_check_reckons_with_the_growth_and_the_phone_the_pages_have() -> None:
    """The check's figures are the style sheet's and the browser tests' own (the browser
    tests measure against its SMALLEST_LABEL)."""
    css = runtime_assets()["assets/mot.css"].decode()
    rule = re.search(r"@container\s*\(max-width:\s*(\d+)px\)\s*\{(.*?)\}\s*\}", css, re.DOTALL)
    assert rule, "mot.css grows no label on a phone"
    assert f"scale:{LABEL_GROWTH}" in rule[2].replace(" ", "")
    assert int(rule[1]) >= PHONE_TEXT_WIDTH
    assert SCREENS["small phone"][0] - 32 == PHONE_TEXT_WIDTH
