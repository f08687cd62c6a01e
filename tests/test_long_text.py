"""Text with no place to break (a web address, a product code) wraps inside its question.

The fixture course gets a long web address after every text of its quizzes: prompts,
options, items, matches, dialogue lines, feedback and explanations. Each question is
answered wrong on a phone, down to WCAG's 320 px reflow width, so that every tag, right
answer and feedback shows; nothing may run past the question's edge or make the page
scroll sideways.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page, expect
from ruamel.yaml import YAML

from generator.load import load_course
from generator.models import Module
from generator.project import Project
from tests.browsing import answer
from tests.conftest import FIXTURES, build_and_serve, copy_project
from tests.journeys import OVERFLOWING

pytestmark = pytest.mark.browser

ADDRESS = " https://www.example.com/service/policy/complaint-handling-procedure-2024.html"
KEEP = {"id", "type", "objective", "review", "next", "stage", "accept"}
"""Keys whose values are not shown as written, or must stay as they are to be answered."""


def lengthen(node: Any) -> Any:
    """Every shown text in ``node`` with ADDRESS after it."""
    if isinstance(node, str):
        return node + ADDRESS
    if isinstance(node, list):
        for index, item in enumerate(node):
            node[index] = lengthen(item)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key not in KEEP:
                node[key] = lengthen(value)
    return node


@pytest.fixture(scope="module")
def long_text_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    root = copy_project(tmp_path_factory.mktemp("long-text"), FIXTURES / "minimal")
    yaml = YAML()
    for quiz in (root / "quizzes").glob("0*.yml"):
        yaml.dump(lengthen(yaml.load(quiz)), quiz)
    for url in build_and_serve(root):
        yield root, url


@pytest.mark.parametrize("width", [390, 320])
def test_long_unbroken_text_wraps_on_a_phone(
    page: Page, long_text_site: tuple[Path, str], width: int
) -> None:
    root, url = long_text_site
    page.set_viewport_size({"width": width, "height": 800})
    for module in load_course(Project(root)).modules:
        assert ADDRESS in module.quiz.questions[0].prompt
        page.goto(f"{url}{module.page.name}.html")
        expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
        answer_every_question_wrong(page, module)
        forms = page.locator(".mot-quiz .mot-question")
        assert forms.evaluate_all(OVERFLOWING) == [], module.page.name
        assert page.evaluate("document.scrollingElement.scrollWidth") <= width


def answer_every_question_wrong(page: Page, module: Module) -> None:
    for index in range(len(module.quiz.questions)):
        answer(page, module, index, right=False)
