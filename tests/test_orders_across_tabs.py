"""Two tabs of one module show its questions in one order: the order the progress record
keeps, which a reload shows too, whichever tab drew it.

Each attempt shows a question's options in an order drawn from a seed the record keeps. A
tab that showed an order drawn by itself or an earlier one, while the record kept another,
went on showing it until the learner answered there; a reload then put the options in
other places.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from generator.models import Course, Module, Shuffled
from tests.browsing import (
    FOLLOWING_SAVES,
    SHOWN_ORDERS,
    STORAGE_KEY,
    answer,
    caught_up,
    seed_progress,
)
from tests.conftest import new_window
from tests.journeys import open_module, stored_record

pytestmark = pytest.mark.browser

OWN_SAVES = (
    f"window.__ownSaves = 0; const countedKey = {json.dumps(STORAGE_KEY)};"
    + """
const storeCounted = Storage.prototype.setItem;
Storage.prototype.setItem = function (key, value) {
  if (key === countedKey) { window.__ownSaves += 1; }
  return storeCounted.call(this, key, value);
};"""
)
"""Counts the progress record's saves a tab makes itself, in ``__ownSaves``."""


MOST_OPTIONS = """() => [...document.querySelectorAll('.mot-quiz .mot-question[data-shuffle]')]
  .map(form => [form.querySelectorAll('.mot-option').length, form.dataset.questionId])
  .sort((a, b) => b[0] - a[0])[0][1]"""
"""The shuffled question of the quiz with the most options to tick."""


def shuffled_module(course: Course) -> Module:
    """The first module with a question whose options are shuffled."""
    return next(
        m
        for m in course.modules
        if any(isinstance(q, Shuffled) and q.shuffle for q in m.quiz.questions)
    )


def opened(tab: Page, url: str, module: Module) -> Page:
    tab.add_init_script(FOLLOWING_SAVES)
    open_module(tab, url, module)
    return tab


def orders_on_arrival(context: BrowserContext, url: str, module: Module) -> dict[str, list[str]]:
    """Each question's order as a tab opened now shows it: the record's."""
    tab = opened(new_window(context), url, module)
    orders: dict[str, list[str]] = tab.evaluate(SHOWN_ORDERS)
    tab.close()
    return orders


def differing(shown: dict[str, list[str]], kept: dict[str, list[str]]) -> list[str]:
    return [question_id for question_id in kept if shown[question_id] != kept[question_id]]


def test_a_retry_shows_one_new_order_in_both_tabs(
    context: BrowserContext, site_url: str, course: Course
) -> None:
    """重新作答 in one tab draws the new orders in the save that clears the answers: the
    other tab shows them, and saves nothing of its own. Told first of the clear alone, it
    had drawn orders of its own, and kept showing those once the record held the first
    tab's."""
    module = shuffled_module(course)
    retrying = opened(new_window(context), site_url, module)
    for index in range(3):
        answer(retrying, module, index, right=index != 1)
    following = new_window(context)
    following.add_init_script(OWN_SAVES)
    opened(following, site_url, module)
    before = stored_record(retrying)["shuffles"]
    retrying.once("dialog", lambda dialog: dialog.accept())
    retrying.get_by_role("button", name="重新作答").click()
    expect(following.locator(".mot-question[data-result]")).to_have_count(0)
    for tab in (retrying, following):
        caught_up(tab)
    redrawn = stored_record(retrying)["shuffles"]
    assert [id_ for id_ in before if redrawn[id_] == before[id_]] == [], "a retry redraws"
    assert following.evaluate("window.__ownSaves") == 0, "the following tab only shows"
    kept = orders_on_arrival(context, site_url, module)
    assert differing(retrying.evaluate(SHOWN_ORDERS), kept) == []
    assert differing(following.evaluate(SHOWN_ORDERS), kept) == [], "the other tab's orders"


def test_an_order_another_tab_drew_is_shown(
    context: BrowserContext, site_url: str, course: Course
) -> None:
    """Two tabs opening a module at once each draw its orders, and the record keeps the
    later save's: the tab whose orders were not kept shows the kept ones as it hears of
    them, and the option the learner was on keeps the focus as it moves. Here the other
    tab's save is made from a page that runs none of the course."""
    module = shuffled_module(course)
    tab = opened(new_window(context), site_url, module)
    drawn_first = tab.evaluate(SHOWN_ORDERS)
    on = tab.evaluate(MOST_OPTIONS)
    option = tab.locator(f'form[data-question-id="{on}"] .mot-option input').first
    option.evaluate("input => { input.dataset.learnerWasHere = ''; input.focus(); }")
    for _ in range(3):  # again, should new seeds leave that question's order as it was
        record = stored_record(tab)
        record["shuffles"] = {id_: (seed + 1) % 2**32 for id_, seed in record["shuffles"].items()}
        seed_progress(new_window(context), site_url, json.dumps(record))
        caught_up(tab)
        kept = orders_on_arrival(context, site_url, module)
        if on in differing(drawn_first, kept):
            break
    assert on in differing(drawn_first, kept), "the test draws another order"
    assert differing(tab.evaluate(SHOWN_ORDERS), kept) == []
    assert tab.evaluate("'learnerWasHere' in document.activeElement.dataset"), "focus kept"
