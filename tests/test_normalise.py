"""Typed answers are normalised as a Chinese learner types them, the same in Python and JS."""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import Page

from generator.normalise import case_folds, computed_case_folds, fold, normalise

CASES = json.loads((Path(__file__).parent / "normalisation_cases.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["input"] for case in CASES])
def test_python_normal_form(case: dict[str, str]) -> None:
    assert normalise(case["input"]) == case["normalised"]


def test_the_shared_fold_table_is_pythons_casefold() -> None:
    """generator/data/case-folds.json is what this Python's casefold() gives."""
    assert case_folds() == computed_case_folds()


def test_folding_equals_casefold_for_every_character() -> None:
    every = "".join(map(chr, assigned_code_points()))
    assert "".join(map(fold, every)) == every.casefold()


def assigned_code_points() -> list[int]:
    """Every code point this Python's Unicode database assigns, surrogates excepted."""
    return [
        code
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) not in {"Cs", "Cn"}
    ]


NORMALISE_ALL = """async ({codes, withTable}) => {
    if (withTable) { await window.mot.load("folds"); }
    return codes.map(c => {
        const text = 'a' + String.fromCodePoint(c) + ' ' + String.fromCodePoint(c) + 'a';
        return (window.mot.needsFolds(text) ? '1' : '0') + window.mot.normalise(text);
    }).join('\\u0000');
}"""
"""Each result as one text, the flag first, all joined by U+0000 (which no normalised text
holds): Playwright carries one long text far faster than 280,000 small lists."""


COMMON_INPUT = [
    *range(0x20, 0x7F),  # ASCII
    *range(0x3000, 0x3040),  # CJK punctuation
    *range(0x4E00, 0xA000),  # CJK unified ideographs
    *range(0xFF01, 0xFF5F),  # full-width ASCII
]
"""What Chinese learners type: none of it may need the fold table."""


def browser_differences(page: Page, with_table: bool) -> tuple[list[str], set[int]]:
    """Characters Chromium normalises otherwise than Python (twice between two letters, with a
    space between, which is dropped beside a Chinese character), and the
    ones that need the fold table; without it loaded, only those that do not need it count."""
    codes = assigned_code_points()
    joined = page.evaluate(NORMALISE_ALL, {"codes": codes, "withTable": with_table})
    found = [(text[0] == "1", text[1:]) for text in joined.split("\u0000")]
    differ = [
        f"U+{code:04X} {unicodedata.name(chr(code), '?')}: {expected!r} != {normal!r}"
        for code, (needs, normal) in zip(codes, found, strict=True)
        if (with_table or not needs)
        and (expected := normalise(f"a{chr(code)} {chr(code)}a")) != normal
    ]
    return differ, {code for code, (needs, _) in zip(codes, found, strict=True) if needs}


@pytest.mark.browser
def test_browser_and_python_agree_on_every_assigned_character(
    page: Page, fixture_site_url: str
) -> None:
    """Each character twice between two letters, with a space between, normalised in Chromium
    and here, gives one result:
    without the fold table for every character that does not need it, and with the table
    (mot-folds.js, loaded on demand) for every character.

    Characters this Python does not know yet (category Cn here) are left out: the browser's
    newer Unicode may fold them, and check rejects them in accepted answers.
    """
    page.goto(f"{fixture_site_url}01-sample.html")
    page.locator(".mot-quiz[data-ready]").wait_for()
    assert page.evaluate("window.mot.caseFolds") is None, "the table waits until needed"
    without, needing = browser_differences(page, with_table=False)
    assert without == []
    assert sorted(needing.intersection(COMMON_INPUT)) == [], "Chinese, ASCII, full-width: no table"
    assert any(chr(code).casefold() != chr(code).lower() for code in needing)
    with_table, _ = browser_differences(page, with_table=True)
    assert len(assigned_code_points()) > 140_000
    assert with_table == []
