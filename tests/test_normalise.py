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


@pytest.mark.browser
def test_browser_and_python_agree_on_every_assigned_character(
    page: Page, fixture_site_url: str
) -> None:
    """Each character between two letters, normalised in Chromium and here, gives one result.

    Characters this Python does not know yet (category Cn here) are left out: the browser's
    newer Unicode may fold them, and check rejects them in accepted answers.
    """
    page.goto(f"{fixture_site_url}01-sample.html")
    codes = assigned_code_points()
    in_browser = page.evaluate(
        "codes => codes.map(c => window.mot.normalise('a' + String.fromCodePoint(c) + 'a'))", codes
    )
    differ = [
        f"U+{code:04X} {unicodedata.name(chr(code), '?')}: {expected!r} != {found!r}"
        for code, found in zip(codes, in_browser, strict=True)
        if (expected := normalise(f"a{chr(code)}a")) != found
    ]
    assert len(codes) > 140_000
    assert differ == []
