"""Typed answers are normalised as a Chinese learner types them (the browser side: test_learner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.normalise import normalise

CASES = json.loads((Path(__file__).parent / "normalisation_cases.json").read_text("utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[case["input"] for case in CASES])
def test_python_normal_form(case: dict[str, str]) -> None:
    assert normalise(case["input"]) == case["normalised"]
