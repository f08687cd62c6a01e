"""A customer dialogue left half way in a module quiz, kept for the learner's return.

A module quiz judges a dialogue turn by turn. The turns played are kept as each is played:
a reload, a return by the browser's Back after instant navigation, or another tab shows
them, each with its verdict and feedback, and offers the next turn. The module is started
(进行中), but until the dialogue ends it counts nowhere: not in the quiz's score, the home
page's counts or the 错题本. 重新作答 and 只重做答错的题 clear it as they clear other answers, and a
dialogue the trainer has changed since starts afresh. Runs on the real course; answers
come from its YAML.
"""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import Locator, Page, expect

from generator.digests import opaque_key
from generator.models import Course, Module, Scenario
from tests.browsing import (
    Confirms,
    answer,
    dialogue_path,
    expect_no_storage_notice,
    seed_progress,
)
from tests.conftest import new_window
from tests.journeys import stored_record
from tests.test_learner import SPOKEN

pytestmark = pytest.mark.browser

Step = tuple[str, str, str]
"""A turn played: (turn id, reply key, next turn id or "end")."""


@pytest.fixture(scope="module")
def found(course: Course) -> tuple[Module, Scenario]:
    """The first dialogue of a module quiz whose first reply, right or wrong, leads on."""
    for module in course.modules:
        for question in module.quiz.questions:
            if isinstance(question, Scenario) and all(
                len(dialogue_path(question, right)) > 1 for right in (True, False)
            ):
                return module, question
    raise AssertionError("the course has a dialogue of two turns or more in a module quiz")


def open_module(page: Page, url: str, module: Module) -> None:
    page.goto(f"{url}{module.page.name}.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)


def form_of(page: Page, question: Scenario) -> Locator:
    return page.locator(f'form[data-question-id="{question.id}"]')


def play(form: Locator, question: Scenario, steps: list[Step]) -> None:
    """Reply at each of ``steps`` with the mouse, waiting for each turn's verdict."""
    for turn_id, key, following in steps:
        form.locator(f'label[for="{question.id}-{turn_id}-{key}"]').click()
        form.get_by_role("button", name="回复").click()
        if following != "end":
            played = form.locator(f'.mot-turn[data-turn="{turn_id}"]')
            expect(played.locator(".mot-reply-feedback:visible")).to_have_count(1)


def expect_left_after_the_first_turn(form: Locator, question: Scenario, right: bool) -> None:
    """The first turn played (the reply chosen, its verdict and feedback, the better reply
    when it was not the best), the next turn offered, and the dialogue not graded."""
    turn_id, key, following = dialogue_path(question, right)[0]
    turn = question.turns[0]
    reply = next(r for r in turn.replies if opaque_key(question.id, r.text) == key)
    played = form.locator(".mot-turn[data-played]")
    expect(played).to_have_count(1)
    expect(played).to_have_attribute("data-turn", turn_id)
    expect(played.locator(".mot-chosen")).to_contain_text(reply.text)
    verdict = "回复得当：" if right else "回复欠妥："
    expect(played.locator(".mot-reply-feedback:visible")).to_contain_text(verdict + reply.feedback)
    better = played.locator('.mot-option[data-solution="true"]')
    expect(better).to_have_count(0 if right else 1)
    if not right:
        expect(better).to_contain_text(next(r.text for r in turn.replies if r.correct))
    offered = form.locator(f'.mot-turn[data-turn="{following}"]')
    expect(offered).to_be_visible()
    expect(offered.locator("input").first).to_be_enabled()
    expect(offered.locator("input:checked")).to_have_count(0)
    expect(form.get_by_role("button", name="回复")).to_be_visible()
    expect(form).not_to_have_attribute("data-result", re.compile(".*"))


def expect_fresh(form: Locator, question: Scenario) -> None:
    """The dialogue at its start: nothing played, the first turn offered."""
    expect(form.locator(".mot-turn[data-played]")).to_have_count(0)
    expect(form.locator(".mot-turn:visible")).to_have_count(1)
    expect(form.locator(f'.mot-turn[data-turn="{question.turns[0].id}"]')).to_be_visible()
    expect(form).not_to_have_attribute("data-result", re.compile(".*"))


def score(module: Module, done: int, right: int) -> str:
    return f"已作答 {done}/{len(module.quiz.questions)} 题，答对 {right} 题"


@pytest.mark.parametrize("right", [True, False], ids=["right", "wrong"])
def test_a_dialogue_left_after_a_turn_goes_on_from_there_after_a_reload(
    page: Page, site_url: str, found: tuple[Module, Scenario], right: bool
) -> None:
    module, question = found
    path = dialogue_path(question, right)
    open_module(page, site_url, module)
    form = form_of(page, question)
    play(form, question, path[:1])
    page.add_init_script(f"document.addEventListener('readystatechange', {SPOKEN}, {{once: true}})")
    page.reload()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    expect_left_after_the_first_turn(form, question, right)
    expect_no_storage_notice(page)  # the record read whole
    expect(page.locator(".mot-score")).to_have_text(score(module, 0, 0))
    assert page.evaluate("window.__spoken") == [], "a return is not read out"
    play(form, question, path[1:])
    expect(form).to_have_attribute("data-result", "correct" if right else "incorrect")
    good = len(path) if right else 0
    expect(form.locator(".mot-status")).to_contain_text(f"{len(path)} 轮中有 {good} 轮回复得当")
    expect(page.locator(".mot-score")).to_have_text(score(module, 1, int(right)))
    page.reload()
    expect(form).to_have_attribute("data-result", "correct" if right else "incorrect")
    expect(form.locator(".mot-turn[data-played]")).to_have_count(len(path))


def test_a_dialogue_under_way_starts_the_module_but_counts_nowhere_until_it_ends(
    page: Page, site_url: str, found: tuple[Module, Scenario]
) -> None:
    """The module reads 进行中 from the first turn played, on its page and the home page, whose
    button offers to go on; the dialogue is not in the quiz's score, the home page's stage
    scores or the 错题本, though its first reply was wrong."""
    module, question = found
    open_module(page, site_url, module)
    first = dialogue_path(question, right=False)[0]
    statuses = page.locator(".mot-module-status")
    expect(statuses.first).to_have_text("本模块状态：未开始")
    play(form_of(page, question), question, [first])
    for index in range(statuses.count()):
        expect(statuses.nth(index)).to_have_text("本模块状态：进行中")
    entry = {"quiz": module.page.name, "answer": [f"{first[0]}:{first[1]}", ""]}
    assert stored_record(page)["questions"] == {question.id: entry}
    assert stored_record(page)["mistakes"] == {}
    page.reload()
    expect(page.locator(".mot-quiz[data-ready] .mot-score")).to_have_text(score(module, 0, 0))
    expect(statuses.first).to_have_text("本模块状态：进行中")
    page.goto(site_url)
    board = page.locator(".mot-dashboard[data-ready]")
    expect(board.locator(f'tr[data-module="{module.page.name}"] [data-status]')).to_have_text(
        "进行中"
    )
    expect(board.locator("[data-continue]")).to_contain_text("继续学习：")
    scores = board.locator(".mot-stage-scores [data-score]")
    assert set(scores.all_text_contents()) == {"尚未作答"}
    expect(board.locator("[data-mistakes]")).to_have_text("没有错题")


def test_the_mistakes_book_keeps_a_dialogue_until_it_is_played_again_to_its_end(
    page: Page, site_url: str, found: tuple[Module, Scenario]
) -> None:
    module, question = found
    open_module(page, site_url, module)
    answer(page, module, module.quiz.questions.index(question), right=False)
    form = form_of(page, question)
    form.get_by_role("button", name="重来这段对话").click()
    right = dialogue_path(question, right=True)
    play(form, question, right[:1])
    page.goto(f"{site_url}mistakes.html")
    expect(page.locator(".mot-mistakes[data-ready] .mot-mistakes-count")).to_contain_text(
        "错题本里有 1 道题"
    )
    expect_fresh(form_of(page, question), question)  # asked afresh there
    open_module(page, site_url, module)
    expect_left_after_the_first_turn(form, question, right=True)
    play(form, question, right[1:])
    expect(form).to_have_attribute("data-result", "correct")
    page.goto(site_url)
    expect(page.locator(".mot-dashboard[data-ready] [data-mistakes]")).to_have_text("没有错题")


def test_starting_the_quiz_again_clears_a_dialogue_under_way(
    page: Page, site_url: str, found: tuple[Module, Scenario]
) -> None:
    module, question = found
    open_module(page, site_url, module)
    other = next(i for i, q in enumerate(module.quiz.questions) if q.id != question.id)
    answer(page, module, other, right=True)
    form = form_of(page, question)
    play(form, question, dialogue_path(question, right=True)[:1])
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="重新作答").click()
    expect_fresh(form, question)
    page.reload()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    expect_fresh(form, question)
    assert question.id not in stored_record(page)["questions"]


def test_a_dialogue_under_way_alone_can_be_cleared_by_starting_the_quiz_again(
    page: Page, site_url: str, found: tuple[Module, Scenario]
) -> None:
    """With nothing else answered, 重新作答 was hidden (已作答 0): the turns played stayed,
    and so did 进行中, with no way to clear them until the dialogue ended."""
    module, question = found
    open_module(page, site_url, module)
    retry = page.get_by_role("button", name="重新作答")
    expect(retry).to_be_hidden()
    form = form_of(page, question)
    play(form, question, dialogue_path(question, right=True)[:1])
    expect(retry).to_be_visible()
    page.reload()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    expect(retry).to_be_visible()
    page.once("dialog", lambda dialog: dialog.accept())  # the replies so far go: it asks
    retry.click()
    expect_fresh(form, question)
    expect(retry).to_be_hidden()
    expect(page.locator(".mot-quiz .mot-module-status")).to_have_text("本模块状态：未开始")


def test_retrying_the_wrong_answers_starts_the_dialogue_afresh_and_keeps_it_from_then(
    page: Page, site_url: str, found: tuple[Module, Scenario]
) -> None:
    module, question = found
    open_module(page, site_url, module)
    for index in range(len(module.quiz.questions)):
        answer(page, module, index, right=False)
    page.get_by_role("button", name="只重做答错的题").click()
    form = form_of(page, question)
    expect_fresh(form, question)
    page.reload()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    expect_fresh(form, question)
    play(form, question, dialogue_path(question, right=False)[:1])
    page.reload()
    expect_left_after_the_first_turn(form, question, right=False)
    expect(page.locator(".mot-score")).to_have_text(score(module, 0, 0))


def changed_paths(question: Scenario) -> dict[str, list[str]]:
    """Dialogues left half way that the dialogue as published now no longer has."""
    right = [f"{turn}:{key}" for turn, key, _ in dialogue_path(question, right=True)]
    second = question.turns[1]
    return {
        "turns reordered": [f"{second.id}:{opaque_key(question.id, second.replies[0].text)}", ""],
        "reply reworded": [f"{question.turns[0].id}:{opaque_key(question.id, '改写过的回复')}", ""],
        "turn removed": [right[0], "removed:0123abcd", ""],
        "now ends there": [*right, ""],
    }


@pytest.mark.parametrize(
    "change", ["turns reordered", "reply reworded", "turn removed", "now ends there"]
)
def test_a_dialogue_the_trainer_changed_since_starts_afresh(
    page: Page, site_url: str, found: tuple[Module, Scenario], change: str
) -> None:
    module, question = found
    entry = {"quiz": module.page.name, "answer": changed_paths(question)[change]}
    record = {"version": 1, "questions": {question.id: entry}, "quizzes": {}}
    seed_progress(page, site_url, json.dumps(record))
    open_module(page, site_url, module)
    expect_fresh(form_of(page, question), question)
    expect(page.locator(".mot-score")).to_have_text(score(module, 0, 0))
    expect_no_storage_notice(page)
    assert question.id not in stored_record(page)["questions"]


def test_a_dialogue_under_way_is_there_after_instant_navigation_and_back(
    page: Page, site_url: str, found: tuple[Module, Scenario]
) -> None:
    module, question = found
    open_module(page, site_url, module)
    page.evaluate("window.__sameDocument = true")
    form = form_of(page, question)
    play(form, question, dialogue_path(question, right=False)[:1])
    page.locator('nav a.md-nav__link[href$="index.html"]').first.click()
    expect(page.locator(".mot-dashboard[data-ready]")).to_have_count(1)
    page.go_back()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_attribute(
        "data-quiz-id", module.page.name
    )
    expect_left_after_the_first_turn(form, question, right=False)
    assert page.evaluate("window.__sameDocument === true"), "navigation reloaded the page"


def test_another_tab_follows_a_dialogue_under_way(
    page: Page, site_url: str, found: tuple[Module, Scenario]
) -> None:
    module, question = found
    other = new_window(page.context)
    for tab in (page, other):
        open_module(tab, site_url, module)
    path = dialogue_path(question, right=True)
    play(form_of(page, question), question, path[:1])
    expect_left_after_the_first_turn(form_of(other, question), question, right=True)
    play(form_of(other, question), question, path[1:])
    expect(form_of(page, question)).to_have_attribute("data-result", "correct")


@pytest.mark.parametrize("right", [True, False])
def test_restarting_a_dialogue_asks_first_when_it_was_right(
    page: Page, site_url: str, found: tuple[Module, Scenario], right: bool
) -> None:
    """重来这段对话, after a dialogue played right, took its mark out of the quiz's score at
    once (a pass could go with it): it asks first, as 重新作答 does, and Cancel keeps the
    dialogue as it was. A dialogue played wrong goes at once, as 只重做答错的题 takes it."""
    module, question = found
    open_module(page, site_url, module)
    answer(page, module, module.quiz.questions.index(question), right=right)
    form = form_of(page, question)
    verdict = "correct" if right else "incorrect"
    expect(form).to_have_attribute("data-result", verdict)
    confirms = Confirms(page)
    restart = form.get_by_role("button", name="重来这段对话")
    restart.click()
    if right:
        assert confirms.asked == ["重新作答会清除你已经答过的\xa01\xa0道题。确定要重新作答吗？"]
        expect(form).to_have_attribute("data-result", verdict)
        expect(restart).to_be_focused()
        assert stored_record(page)["questions"][question.id]["result"] == verdict
        confirms.accepting = True
        restart.click()
    expect(form).not_to_have_attribute("data-result", re.compile(".*"))
    expect(form.locator(".mot-turn[data-played]")).to_have_count(0)
    assert question.id not in stored_record(page).get("questions", {})
    assert len(confirms.asked) == (2 if right else 0)


ASKED_FOR = {
    0: "重新作答会清除你进行到一半的对话。确定要重新作答吗？",
    1: "重新作答会清除你已经答过的\xa01\xa0道题和进行到一半的对话。确定要重新作答吗？",
}
"""What 重新作答 asks before clearing a dialogue under way, with this many questions answered."""


@pytest.mark.parametrize("answered", list(ASKED_FOR), ids=["dialogue-alone", "and-a-question"])
def test_retrying_the_quiz_asks_first_when_a_dialogue_is_under_way(
    page: Page, site_url: str, found: tuple[Module, Scenario], answered: int
) -> None:
    """重新作答 shows once a dialogue's first turn is played, and cleared that dialogue at
    once where it asks before clearing an answered question: the replies so far went
    without a word. It asks, names what goes, and Cancel keeps the dialogue as it was."""
    module, question = found
    open_module(page, site_url, module)
    others = [index for index, q in enumerate(module.quiz.questions) if q.id != question.id]
    for index in others[:answered]:
        answer(page, module, index, right=True)
    form = form_of(page, question)
    play(form, question, dialogue_path(question, right=False)[:1])
    confirms = Confirms(page)
    page.locator(".mot-quiz .mot-retry").click()
    assert confirms.asked == [ASKED_FOR[answered]]
    expect_left_after_the_first_turn(form, question, right=False)
    confirms.accepting = True
    page.locator(".mot-quiz .mot-retry").click()
    expect_fresh(form, question)
    assert confirms.asked == [ASKED_FOR[answered]] * 2
    assert stored_record(page).get("questions", {}) == {}
