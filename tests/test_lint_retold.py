"""An exam-only question that names a person its module page tells of retells the page's
case (``standards.exam-retells-page``): the exam asks for recall, not for the skill."""

from __future__ import annotations

from typing import Any

import pytest

from generator.lint.retold import people
from tests.conftest import PROJECT
from tests.test_lint_standards import PARTS, body, module, questions, standards

Data = dict[str, Any]
CODE = "standards.exam-retells-page"
PAGE_CASE = "周一一早，林女士来到营业厅，调度员小周说工单已完成，老李在一旁叹气。"
"""A page's case, with three people named the ways the course names them."""
OLD_PROMPTS = {
    "04-offer": "老客户赵先生的女儿九月出国读书。他想把一笔定期提前支取、换成外币，"
    "再给女儿办一张境外能用的卡，“最好这个星期就全部弄好”。你是接待他的理财经理；"
    "购汇今天就能办，境外卡的制卡要七到十个工作日。",
    "06-confirm": "你是装维师傅，刚在林女士家装好宽带，测试已经能上网。她办的是 300 兆的"
    "套餐，平时主要在书房用电脑。请一步步完成确认。",
}
"""The prompts of m4-exam-study-abroad-dialogue and m6-exam-install-confirm-dialogue, which
retold the opening cases of their pages until they were written anew."""


def exam_with(place: str, text: str) -> list[Data]:
    """The standard exam-only questions, the first single-choice one holding ``text`` at
    ``place``: its prompt, an option, its feedback or its explanation."""
    exam = questions("e", 6, 3)
    chosen = next(q for q in exam if q["type"] == "single")
    if place == "option":
        chosen["options"][1]["text"] = text
    elif place == "feedback":
        chosen["options"][1]["feedback"] = text
    else:
        chosen[place] = text
    return exam


def retold(exam: list[Data], page: str = PAGE_CASE, has_exam: bool = True) -> list[str]:
    text = body(parts=[*PARTS, page])
    found = standards(module(exam=exam, text=text), has_exam=has_exam)
    return [problem.message for problem in found if problem.code == CODE]


@pytest.mark.parametrize("person", ["林女士", "小周", "老李"])
@pytest.mark.parametrize(("place", "said"), [("prompt", "prompt"), ("option", "option 2")])
def test_an_exam_only_question_naming_a_person_of_the_page_is_warned(
    person: str, place: str, said: str
) -> None:
    text = f"{person}又来问宽带的事，你会怎么说？"
    exam = exam_with(place, text)
    written = module(exam=exam, text=body(parts=[*PARTS, PAGE_CASE]))
    found = standards(written)
    assert [problem.code for problem in found] == [CODE]
    chosen = next(q for q in exam if text in str(q))
    assert found[0].message.startswith(
        f"exam-only question '{chosen['id']}': its {said} names {person}, of whom "
        "01-sample.md tells"
    )
    assert found[0].path.as_posix() == "quizzes/01-sample.yml"
    assert text in written.quiz_source.lines[found[0].line - 1]


def test_a_question_is_warned_about_once_at_the_first_text_naming_one() -> None:
    exam = exam_with("prompt", "林女士和小周又来了。")
    exam[0]["options"][0]["text"] = "请老李来"
    assert len(retold(exam)) == 1
    assert "names 小周、林女士" in retold(exam)[0]


@pytest.mark.parametrize(
    ("place", "text"),
    [
        ("feedback", "就像林女士那样，客户要的是书房里用得上。"),  # shown after hand-in
        ("explanation", "开篇的林女士也是这样。"),
        ("prompt", "张先生又来问宽带的事，你会怎么说？"),  # a person the page does not name
        ("prompt", "老顾客的小孙子用小程序下单，你会怎么说？"),  # words, not people
    ],
)
def test_what_the_paper_does_not_show_or_no_person_of_the_page_is_not_warned(
    place: str, text: str
) -> None:
    page = f"{PAGE_CASE}老顾客的小孙子会用小程序。"
    assert retold(exam_with(place, text), page) == []


def test_the_module_quiz_and_a_course_without_an_exam_are_not_read() -> None:
    """The module quiz may well go back to the page's case; an exam-only question in a
    course without an exam is asked of no one (standards.exam-only-unasked says so)."""
    quiz = questions("q", 12, 4)
    quiz[0]["prompt"] = "林女士又来了，你会怎么说？"
    found = standards(module(quiz=quiz, text=body(parts=[*PARTS, PAGE_CASE])))
    assert found == []
    assert retold(exam_with("prompt", "林女士又来了。"), has_exam=False) == []


@pytest.mark.parametrize(("page", "person"), [("04-offer", "赵先生"), ("06-confirm", "林女士")])
def test_the_questions_that_retold_the_real_pages_are_warned(page: str, person: str) -> None:
    """The real page's own text tells of the person the old question named."""
    real = (PROJECT / "course" / f"{page}.md").read_text(encoding="utf-8").split("---\n", 2)[2]
    assert person in people(real)
    found = retold(exam_with("prompt", OLD_PROMPTS[page]), page=real)
    assert len(found) == 1
    assert f"names {person}" in found[0]
