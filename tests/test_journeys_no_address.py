"""The real course built with no SITE_URL, as a trainer who copies ``site/`` may serve it:
every link reloads the whole page (the browser suite's other site is built for its
address, where Material's instant navigation keeps the page), and the exam still keeps
the paper across pages and grades it only when it is handed in."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.models import Course
from tests.browsing import every_question, hand_in
from tests.journeys import answer_some, expect_exam_results, open_page, paper_state
from tests.test_journeys_exam import expect_no_verdict

pytestmark = pytest.mark.browser

MARK_THE_PAGE = "window.__samePage = true"
"""Set on a page: still set after a link is followed when the link did not reload it."""


def follow(page: Page, link: Locator, address: str) -> None:
    """Follow ``link`` on ``page`` to ``address``, loaded anew: a site that names no address
    has no instant navigation."""
    page.evaluate(MARK_THE_PAGE)
    link.click()
    expect(page).to_have_url(address)
    page.wait_for_load_state()
    assert page.evaluate("window.__samePage === undefined"), "the link kept the page"


def test_an_exam_is_kept_resumed_and_graded_on_a_site_built_for_no_address(
    page: Page, no_address_site_url: str, course: Course
) -> None:
    """No verdict before hand-in; left for the home page and back, the same paper with its
    answers, and 继续作答 going to the first question left; handed in, the score, the
    verdict, each stage's score and each miss with its review link, which opens its
    section."""
    assert course.exam is not None
    url, questions = no_address_site_url, every_question(course)
    exam_link = page.locator(".mot-dashboard-links").get_by_role(
        "link", name=course.exam.config.title
    )
    open_page(page, url, ".mot-dashboard")
    follow(page, exam_link, f"{url}exam.html")
    page.get_by_role("button", name="开始考试").click()
    drawn = paper_state(page)["ids"]
    assert isinstance(drawn, list)
    answered = {0: True, 1: False, 3: True}  # the third question left: 继续作答 goes there
    paper = answer_some(page, questions, drawn, answered.get)
    expect_no_verdict(page)
    before = paper_state(page)
    follow(page, page.locator(".md-header__button.md-logo"), f"{url}index.html")
    expect(page.locator(".mot-dashboard[data-ready] [data-exam]")).to_have_text(
        f"进行中（已作答 {len(answered)}/{len(drawn)} 题）"
    )
    follow(page, exam_link, f"{url}exam.html")
    expect(page.locator(".mot-exam[data-ready]")).to_have_count(1)
    assert paper_state(page) == before, "the same paper, its answers with it"
    expect_no_verdict(page)
    page.get_by_role("button", name="继续作答：第 3 题").click()
    third = page.locator(f'.mot-exam-paper [data-question-id="{drawn[2]}"]')
    expect(third.locator(":focus")).to_have_count(1)
    hand_in(page, page)
    expect_exam_results(page, course, paper)
    review = page.locator(".mot-exam-misses").get_by_role("link", name=re.compile("^复习：")).first
    address = review.evaluate("link => link.href")
    follow(page, review, address)
    expect(page.locator(f"[id='{urlsplit(address).fragment}']")).to_be_in_viewport()
