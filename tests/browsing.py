"""Steps the browser tests of the exports share: answer a question, search, watch requests."""

from __future__ import annotations

import re

from playwright.sync_api import FrameLocator, Locator, Page, expect

from generator.answer_key import option_key
from generator.models import Module, MultipleChoice, SingleChoice

Surface = Page | FrameLocator
"""A top-level page or a page inside a frame (the SCORM package in its LMS)."""


def answer(surface: Surface, module: Module, index: int = 0, right: bool = True) -> Locator:
    """Answer question ``index`` of ``module`` right or wrong by clicking; returns its form."""
    question = module.quiz.questions[index]
    if isinstance(question, SingleChoice | MultipleChoice):
        correct = [option_key(i) for i, option in enumerate(question.options) if option.correct]
        wrong = [option_key(i) for i, option in enumerate(question.options) if not option.correct]
        keys = correct if right else wrong[:1]
    else:
        keys = ["true" if question.answer == right else "false"]
    form = surface.locator(f'form[data-question-id="{question.id}"]')
    for key in keys:
        form.locator(f'label[for="{question.id}-{key}"]').click()
    form.get_by_role("button", name="提交答案").click()
    expect(form).to_have_attribute("data-result", "correct" if right else "incorrect")
    return form


def search(page: Page, term: str) -> Locator:
    """Type ``term`` into Material's search and return the first result once it shows."""
    box = page.locator("input.md-search__input")
    box.click()
    box.fill(term)
    box.press("End")
    first = page.locator(".md-search-result__item").first
    expect(first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result mark").first).to_have_text(term)
    return first


def record_requests(page: Page) -> list[str]:
    """Every URL ``page`` requests from now on (frames and workers included)."""
    urls: list[str] = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


def leaving(urls: list[str], origin: str) -> list[str]:
    """The URLs that go anywhere but ``origin`` (data: and blob: stay in the page)."""
    own = re.compile(rf"^({re.escape(origin)}/|data:|blob:|about:)")
    return [url for url in urls if not own.match(url)]
