"""Render stage: golden HTML per question type, page assembly, escaping and answer digests."""

from __future__ import annotations

import difflib
import itertools
import json
import re
from pathlib import Path

import lxml.html
import pytest
from markupsafe import Markup

import generator.render
from generator.course_scan import collect_anchors
from generator.digests import (
    answer_digest,
    correct_response,
    digest,
    opaque_key,
    salt_for,
    shown_items,
)
from generator.load import load_course
from generator.models import QUESTION_TYPES, Course, Ordering, Scenario
from generator.project import EXAM_PAGE, GENERATED_PAGES, MISTAKES_PAGE, Project, bank_file
from generator.render import QuestionMemo, question_html, render_course, with_colon
from generator.views import QuestionView, placement
from tests.browsing import dialogue_path
from tests.conftest import PROJECT, run_generator

GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture
def course(minimal_project: Path) -> Course:
    return load_course(Project(minimal_project))


def rendered_questions(course: Course, root: Path) -> dict[str, str]:
    anchors = collect_anchors(course, Project(root))
    module = course.modules[0]
    return {
        question.type: str(
            question_html(
                question, placement(question, number, module, anchors, module.page.filename), None
            )
        )
        for number, question in enumerate(module.quiz.questions, 1)
    }


@pytest.mark.parametrize("question_type", QUESTION_TYPES)
def test_question_html_matches_golden(
    question_type: str, course: Course, minimal_project: Path, update_golden: bool
) -> None:
    html = rendered_questions(course, minimal_project)[question_type]
    golden = GOLDEN / f"{question_type}.html"
    if update_golden:
        golden.write_text(html, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    diff = "".join(
        difflib.unified_diff(
            expected.splitlines(keepends=True),
            html.splitlines(keepends=True),
            fromfile=f"golden/{golden.name}",
            tofile="rendered",
        )
    )
    assert html == expected, f"rendered HTML differs (rerun with --update-golden):\n{diff}"


def test_rendered_html_has_no_blank_line(course: Course, minimal_project: Path) -> None:
    """A blank line would end Markdown's raw HTML block and break the quiz."""
    for html in rendered_questions(course, minimal_project).values():
        assert "\n\n" not in html


def test_no_answer_in_plain_text(course: Course, minimal_project: Path) -> None:
    for html in rendered_questions(course, minimal_project).values():
        assert re.search(r"data-correct|data-answer|checked|correct=|data-accept", html) is None


def test_ordering_items_are_never_shown_in_the_right_order(course: Course) -> None:
    ordering = course.modules[0].quiz.questions[3]
    assert isinstance(ordering, Ordering)
    for length in range(3, len(ordering.items) + 1):
        shortened = ordering.model_copy(update={"items": ordering.items[:length]})
        assert [text for _, text in shown_items(shortened)] != shortened.items


def test_the_order_shown_does_not_tell_the_right_order(course: Course) -> None:
    """Items were shown in key order unless that was the right order, which was then turned:
    a question shown out of key order told that the key order was right. Now the order
    shown follows from the right order, as the learner cannot: the same four items, in
    each of their 24 right orders, are shown in many orders, never the right one."""
    ordering = course.modules[0].quiz.questions[3]
    assert isinstance(ordering, Ordering)
    shown_orders = set()
    for right in map(list, itertools.permutations(ordering.items[:4])):
        shown = [text for _, text in shown_items(ordering.model_copy(update={"items": right}))]
        assert shown != right
        shown_orders.add(tuple(shown))
    assert len(shown_orders) >= 12, "the key order, or one like it, for every right order"


def swaps_to_right(shown: list[str], right: list[str]) -> int:
    """The fewest swaps of two items that put ``shown`` in the ``right`` order, found by
    making them: each item in turn is swapped into its place."""
    shown, swaps = list(shown), 0
    for place, item in enumerate(right):
        if shown[place] != item:
            where = shown.index(item)
            shown[place], shown[where] = shown[where], shown[place]
            swaps += 1
    return swaps


def test_the_order_shown_takes_half_the_items_in_swaps_to_put_right(course: Course) -> None:
    """A question of four steps (m2-buying-order) was solved by swapping its first two, and
    one of five had its first two in place: the order shown takes at least half as many
    swaps as there are items, in every right order of the fixture's items, and in every
    ordering question of the course."""
    ordering = course.modules[0].quiz.questions[3]
    assert isinstance(ordering, Ordering)
    questions = [
        ordering.model_copy(update={"items": list(right)})
        for length in range(2, len(ordering.items) + 1)
        for right in itertools.permutations(ordering.items[:length])
    ]
    real = load_course(Project(PROJECT))
    questions += [q for m in real.modules for q in m.quiz.every_question if isinstance(q, Ordering)]
    assert len(questions) > 150
    for question in questions:
        shown = [text for _, text in shown_items(question)]
        assert swaps_to_right(shown, question.items) >= (len(shown) + 1) // 2, question.id


def test_digest_matches_the_correct_response(course: Course) -> None:
    single, multiple, true_false, *_ = course.modules[0].quiz.questions
    assert correct_response(single) == opaque_key("s1-single", "专心倾听并确认理解")
    right = sorted(
        opaque_key("s1-multiple", text) for text in ("尽快恢复上网", "晚上能正常视频会议")
    )
    assert correct_response(multiple) == ",".join(right)
    assert correct_response(true_false) == "true"
    assert answer_digest(multiple) == digest(salt_for("s1-multiple"), ",".join(right))
    assert answer_digest(multiple) != digest(salt_for("s1-multiple"), right[0])
    assert salt_for("s1-single") != salt_for("s1-multiple")


def test_page_has_title_objectives_body_and_quiz(course: Course, minimal_project: Path) -> None:
    pages = render_course(course, collect_anchors(course, Project(minimal_project)))
    module_page = pages["01-sample.md"]
    assert module_page.startswith(
        '---\ntitle: "示例模块"\ndescription: "一个只为测试而写的模块。"\n---\n'
    )
    assert "\n# 示例模块\n" in module_page
    assert "预计学习时间：10&nbsp;分钟" in module_page
    assert "EODC 阶段：探索 Explore" in module_page
    assert "- 区分要求和需求\n" in module_page
    assert module_page.index("## 倾听 {#listening}") < module_page.index("## 本模块测验 {#quiz}")
    assert 'data-quiz-id="01-sample"' in module_page
    assert "mot-quiz" not in pages["index.md"]


@pytest.mark.parametrize("drawn", ["____", "______", "__________"])
def test_a_longer_blank_is_one_blank(drawn: str, course: Course, minimal_project: Path) -> None:
    """Three underscores or more mark one blank: the page shows one input, no stray '_'."""
    expected = rendered_questions(course, minimal_project)["fill_in"]
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(quiz.read_text().replace("、___、___。", f"、{drawn}、___。"))
    longer = load_course(Project(minimal_project))
    assert rendered_questions(longer, minimal_project)["fill_in"] == expected


def test_trainer_text_is_escaped(course: Course, minimal_project: Path) -> None:
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(
        quiz.read_text().replace(
            "prompt: 客户说话时，你首先应该怎么做？",
            "prompt: '<script>alert(1)</script> & \"引号\"'",
        )
    )
    course = load_course(Project(minimal_project))
    html = rendered_questions(course, minimal_project)["single"]
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;引号&#34;" in html


def test_trainer_text_stays_text_whatever_extensions_read_the_page(minimal_project: Path) -> None:
    """pymdownx.critic reads a page's text before its HTML is set aside: a quiz's
    ``{++新++}`` became an insertion mark on the module page, shown as written in the
    错题本."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text()
    settings.write_text(
        text.replace("markdown_extensions:\n", "markdown_extensions:\n  - pymdownx.critic\n", 1)
    )
    written = "先听完{++新++}{--旧--}{>>注<<}"
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(
        quiz.read_text().replace("prompt: 客户说话时，你首先应该怎么做？", f"prompt: {written}")
    )
    assert run_generator(minimal_project, "build") == 0
    page = lxml.html.parse(minimal_project / "site/01-sample.html").getroot()
    assert page.find_class("critic") == []
    legends = [legend.text_content() for legend in page.iter("legend")]
    assert any(legend.endswith(written) for legend in legends), legends


def test_review_link_on_the_same_page_is_a_bare_anchor(
    course: Course, minimal_project: Path
) -> None:
    html = rendered_questions(course, minimal_project)["true_false"]
    assert '<a href="#recovery"><span class="mot-review-verb">复习：</span>服务补救</a>' in html


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("客户是谁？", "客户是谁？"),
        ("先道歉。", "先道歉。"),
        ("先道歉", "先道歉："),
        ("Why?", "Why?"),
    ],
)
def test_a_label_gets_a_colon_unless_it_ends_in_punctuation(text: str, label: str) -> None:
    assert with_colon(text) == label


def test_the_mistakes_page_has_the_groups_and_the_banks_every_question_once(
    course: Course, minimal_project: Path
) -> None:
    rendered = render_course(course, collect_anchors(course, Project(minimal_project)))
    page = rendered[MISTAKES_PAGE]
    assert "data-question-id" not in page, "the questions come from the banks"
    for module in course.modules:
        assert f'data-module="{module.page.name}"' in page
        name, questions = bank_arguments(rendered[bank_file(module.page.name)])
        assert name == module.page.name
        assert [id_ for id_, _ in questions] == [q.id for q in module.quiz.every_question]
        assert all(html.count(f'data-question-id="{id_}"') == 1 for id_, html in questions)
    assert MISTAKES_PAGE in GENERATED_PAGES


def bank_arguments(bank: str) -> tuple[str, list[tuple[str, str]]]:
    """The module name and the [id, HTML] pairs a question bank script hands the 错题本."""
    name, questions = json.loads(
        "[" + bank.removeprefix("window.mot.bank(").removesuffix(");\n") + "]"
    )
    return name, [(id_, html) for id_, html in questions]


@pytest.mark.parametrize("question_type", ["single", "multiple", "matching", "scenario"])
def test_shuffle_false_keeps_the_written_order(
    question_type: str, course: Course, minimal_project: Path
) -> None:
    """Only a question that may be shuffled is marked data-shuffle; shuffle: false unmarks it."""
    anchors = collect_anchors(course, Project(minimal_project))
    module = course.modules[0]
    question = next(q for q in module.quiz.questions if q.type == question_type)
    for shuffle in (True, False):
        changed = question.model_copy(update={"shuffle": shuffle})
        placed = placement(changed, 1, module, anchors, module.page.filename)
        assert (" data-shuffle " in str(question_html(changed, placed, None))) is shuffle


@pytest.mark.parametrize("question_type", ["true_false", "ordering", "fill_in"])
def test_other_types_are_never_shuffled(
    question_type: str, course: Course, minimal_project: Path
) -> None:
    html = rendered_questions(course, minimal_project)[question_type]
    assert " data-shuffle " not in html


def test_a_memo_renders_again_only_the_questions_an_edit_changed(
    minimal_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The live preview keeps the questions' HTML between saves (QuestionMemo): its pages
    must be the pages a fresh render gives, after an edit to a question and after an edit
    to the heading a question's review link names."""
    project = Project(minimal_project)
    rendered: list[str] = []
    render = generator.render.render_question

    def counting(view: QuestionView) -> Markup:
        rendered.append(view.question.id)
        return render(view)

    monkeypatch.setattr(generator.render, "render_question", counting)
    memo = QuestionMemo()

    def render_both() -> dict[str, str]:
        course = load_course(project)
        anchors = collect_anchors(course, project)
        fresh = render_course(course, anchors)
        rendered.clear()
        remembered = render_course(course, anchors, memo)
        assert remembered == fresh
        return remembered

    render_both()
    render_both()
    assert rendered == []  # nothing changed: every question from the memo
    quiz = minimal_project / "quizzes" / "01-sample.yml"
    quiz.write_text(quiz.read_text().replace("首先应该怎么做", "最先应该做什么"), encoding="utf-8")
    pages = render_both()
    assert "最先应该做什么" in pages["01-sample.md"]
    assert set(rendered) == {"s1-single"}  # on the module page and in its bank
    page = minimal_project / "course" / "01-sample.md"
    page.write_text(page.read_text().replace("## 倾听 {#listening}", "## 认真倾听 {#listening}"))
    pages = render_both()
    assert "认真倾听" in pages["01-sample.md"]
    assert "s1-single" in rendered and len(set(rendered)) < len(
        load_course(project).modules[0].quiz.every_question
    )


def dialogue_turns(html: str, question_id: str) -> list[tuple[str, set[str]]]:
    """Each turn of the dialogue ``question_id`` in ``html``, in page order, and the turns
    its replies lead to."""
    found = re.search(f'<form [^>]*data-question-id="{question_id}".*?</form>', html, re.S)
    assert found, f"{question_id} is on the page"
    form = lxml.html.fragment_fromstring(found[0])
    return [
        (turn.get("data-turn"), {reply.get("data-next") for reply in turn.iter("input")})
        for turn in form.find_class("mot-turn")
    ]


def test_the_exam_shows_each_dialogue_along_its_best_replies() -> None:
    """In the exam a wrong reply ended the dialogue, or led to a turn of its own, while the
    best reply went on: the learner knew a reply wrong before hand-in, and could restart the
    dialogue to find the right path. The exam now shows only the turns the best replies
    reach, each reply of a turn leading on to the same next turn; so does the 错题本's
    question bank, which a learner can fetch before hand-in, for the exam-only dialogues.
    A module quiz's dialogues keep every branch, there and in the bank."""
    project = Project(PROJECT)
    course = load_course(project)
    rendered = render_course(course, collect_anchors(course, project))
    branching = 0
    for module in course.modules:
        bank = dict(bank_arguments(rendered[bank_file(module.page.name)])[1])
        for question in module.quiz.exam_questions:
            if not isinstance(question, Scenario):
                continue
            best = [(turn, {following}) for turn, _, following in dialogue_path(question, True)]
            assert dialogue_turns(rendered[EXAM_PAGE], question.id) == best
            assert dialogue_turns(bank[question.id], question.id) == best
            wrong = dialogue_path(question, right=False)
            branching += wrong != dialogue_path(question, right=False, along_best=True)
        for question in module.quiz.questions:
            if isinstance(question, Scenario):
                turns = dialogue_turns(bank[question.id], question.id)
                assert [turn for turn, _ in turns] == [turn.id for turn in question.turns]
                assert turns == dialogue_turns(rendered[module.page.filename], question.id)
    assert branching, "an exam dialogue whose wrong replies branch off: the test can fail"
    assert "客户按主线往下说，不随你的回复改变" in rendered[EXAM_PAGE]
