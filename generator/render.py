"""Render stage: turn the checked course into the Markdown pages MkDocs builds."""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, Template
from markupsafe import Markup, escape

from generator.course_data import course_data
from generator.course_scan import Anchors
from generator.kept_numbers import body_with_numbers_kept, keep_numbers
from generator.models import AREA_NAMES, EODC_STAGES, Course, Module, Page, Question
from generator.page_markers import fill_in_markers
from generator.plain_text import markdown_text
from generator.project import (
    CERTIFICATE_PAGE,
    EXAM_PAGE,
    HOME_PAGE,
    HOME_TITLE,
    MISTAKES_PAGE,
    OUTLINE_MARKER,
    PROGRESS_MARKER,
    bank_file,
    page_url,
)
from generator.runtime import page_parts, page_styles
from generator.views import Link, Placement, QuestionView, placed_view, placement

Rendered = dict[str, str]
"""Output file name (relative to the docs folder) -> its text."""
QuestionKey = tuple[str, Placement]
"""A question's content (its JSON) and where it is shown: all its HTML is made from."""


class QuestionMemo:
    """The HTML of the questions the last render made, by :data:`QuestionKey`.

    The live preview renders the whole course again on every save, and a save changes few
    questions: the rest are taken from here. A question is known by its content, so an
    edited one is rendered afresh, and what a render did not use is forgotten after it.
    """

    def __init__(self) -> None:
        self.last: dict[QuestionKey, Markup] = {}
        self.current: dict[QuestionKey, Markup] = {}

    def html(self, question: Question, placed: Placement) -> Markup:
        key = (question.model_dump_json(), placed)
        found = self.current.get(key, self.last.get(key))
        if found is None:
            found = render_question(placed_view(question, placed))
        self.current[key] = found
        return found

    def next_render(self) -> None:
        """Start a render: keep only what the one before it used."""
        self.last, self.current = self.current, {}


@cache
def template_environment() -> Environment:
    """The one Jinja2 environment: autoescaped, strict, templates compiled once. Each plain
    text a template writes keeps its numbers on the line of the Chinese beside them
    (:mod:`generator.kept_numbers`) and is escaped (:func:`_plain`); markup made already (a
    page's body, JSON) is left."""
    environment = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        finalize=_plain,
    )
    environment.filters["yaml_string"] = yaml_string
    environment.filters["colon"] = with_colon
    environment.filters["markdown_text"] = markdown_text
    return environment


SENTENCE_END = "。？！；：…?!;:."


def _plain(value: object) -> object:
    """A plain text with its numbers kept (:func:`keep_numbers`), escaped, its ``{`` too;
    markup is written as made. A Markdown extension's preprocessor reads a page's text before
    its HTML is set aside: ``pymdownx.critic`` made a quiz's ``{++新++}`` an insertion mark."""
    if type(value) is not str:
        return value
    return Markup(str(escape(keep_numbers(value))).replace("{", "&#123;"))


def with_colon(text: str) -> str:
    """``text：`` as a label, but never a doubled stop such as ``客户是谁？：``."""
    return text if text.endswith(tuple(SENTENCE_END)) else f"{text}："


def yaml_string(value: str) -> Markup:
    """Quote ``value`` for YAML front matter (a JSON string is a valid YAML scalar)."""
    return Markup(json.dumps(value, ensure_ascii=False))


def render_course(course: Course, anchors: Anchors, memo: QuestionMemo | None = None) -> Rendered:
    """Render every page of ``course``; modules get their objectives and quiz.

    With ``quizzes/exam.yml`` the course also gets an exam page and a certificate page.
    With a ``memo``, questions it holds are not rendered again.
    """
    if memo is not None:
        memo.next_render()
    modules = {module.page.filename: module for module in course.modules}
    markers = {
        OUTLINE_MARKER: render_outline(course, "home_outline.md.j2"),
        PROGRESS_MARKER: render_dashboard(course),
    }
    rendered = {
        page.filename: render_page(page, modules.get(page.filename), markers, anchors, course, memo)
        for page in course.pages
    }
    if course.exam is not None:
        rendered[EXAM_PAGE] = render_exam(course, anchors, memo)
        rendered[CERTIFICATE_PAGE] = _template("certificate.md.j2").render(
            course_json=course_data(course),
            exam_title=course.exam.config.title,
            parts=page_parts([], "certificate"),
            styles=page_styles("certificate"),
        )
    if course.modules:
        rendered[MISTAKES_PAGE] = render_mistakes(course)
        rendered.update(render_banks(course, anchors, memo))
    return rendered


def render_page(
    page: Page,
    module: Module | None,
    markers: dict[str, str],
    anchors: Anchors,
    course: Course,
    memo: QuestionMemo | None = None,
) -> str:
    body = fill_in_markers(replace(page, body=body_with_numbers_kept(page)), markers)
    return _template("page.md.j2").render(
        page=page,
        meta=page.meta,
        nav_title=HOME_TITLE if page.filename == HOME_PAGE else page.meta.title,
        module=module,
        stage_label=_stage_label(module),
        body=Markup(body),
        quiz=render_quiz(module, anchors, course, memo) if module else None,
    )


def _stage_label(module: Module | None) -> str:
    """What the module's facts line says about its stage."""
    if module is None or module.meta.stage is None:
        return ""
    kind = "EODC 阶段" if module.meta.stage in EODC_STAGES else "主题"
    return f"{kind}：{AREA_NAMES[module.meta.stage]}"


def render_dashboard(course: Course) -> str:
    """The progress dashboard for the course home (filled in by the runtime)."""
    return _template("dashboard.html.j2").render(
        modules=course.modules,
        module_urls={module.page.name: page_url(module.page.filename) for module in course.modules},
        stages=[(stage, AREA_NAMES[stage]) for stage in EODC_STAGES],
        exam=course.exam,
        course_json=course_data(course),
        exam_url=page_url(EXAM_PAGE),
        certificate_url=page_url(CERTIFICATE_PAGE),
        mistakes_url=page_url(MISTAKES_PAGE),
    )


def render_exam(course: Course, anchors: Anchors, memo: QuestionMemo | None = None) -> str:
    """The final exam page: every module's exam pool; the runtime draws from it."""
    assert course.exam is not None
    config = course.exam.config
    drawn_from = [module for module in course.modules if module.page.name in config.draw]
    pools = {
        module.page.name: module.exam_pool(config.include_quiz_questions) for module in drawn_from
    }
    return _template("exam.md.j2").render(
        exam=config,
        pools={
            module.page.name: render_questions(
                pools[module.page.name], module, anchors, EXAM_PAGE, memo=memo, best_path=True
            )
            for module in drawn_from
        },
        parts=page_parts([question for pool in pools.values() for question in pool], "exam"),
        styles=page_styles("exam"),
        total=sum(config.draw.values()),
        course_json=course_data(course),
        certificate_url=page_url(CERTIFICATE_PAGE),
        mistakes_url=page_url(MISTAKES_PAGE),
    )


def render_mistakes(course: Course) -> str:
    """错题本: a group per module and stage; the runtime fills in, from the question banks
    (:func:`render_banks`), the questions the learner got wrong and has not answered right
    since, so the page stays small whatever the size of the course. The course's data says
    which module each question is in now, for answers kept under a module's old name."""
    groups = [
        {
            "name": module.page.name,
            "title": module.meta.title,
            "stages": [
                {"id": area, "name": AREA_NAMES[area]}
                for area in dict.fromkeys(
                    module.area_of(question) or "" for question in module.quiz.every_question
                )
            ],
        }
        for module in course.modules
    ]
    every = [question for module in course.modules for question in module.quiz.every_question]
    return _template("mistakes.md.j2").render(
        groups=groups,
        parts=page_parts(every, "mistakes"),
        course_json=course_data(course),
        exam_title=course.exam.config.title if course.exam else None,
    )


def render_banks(course: Course, anchors: Anchors, memo: QuestionMemo | None = None) -> Rendered:
    """Each module's question bank: a script that hands the 错题本 every question of the
    module (quiz and exam pool) as ``[id, HTML]`` pairs, in the module's order. The banks
    can be fetched before the exam is handed in, so an exam-only dialogue is shown there
    as on the exam, along its best replies (see :meth:`Scenario.best_path`)."""
    banks = {}
    for module in course.modules:
        questions = _bank_questions(module, anchors, memo)
        arguments = json.dumps([module.page.name, questions], ensure_ascii=False)[1:-1]
        banks[bank_file(module.page.name)] = f"window.mot.bank({arguments});\n"
    return banks


def _bank_questions(
    module: Module, anchors: Anchors, memo: QuestionMemo | None
) -> list[tuple[str, str]]:
    exam_only = {question.id for question in module.quiz.exam_questions}
    questions = []
    for question in module.quiz.every_question:
        best_path = question.id in exam_only
        placed = placement(question, 0, module, anchors, MISTAKES_PAGE, best_path=best_path)
        questions.append((question.id, str(question_html(question, placed, memo))))
    return questions


def render_outline(course: Course, template: str, link_prefix: str = "") -> str:
    """The modules (objectives, minutes, questions) as Markdown: README's table
    (``outline.md.j2``) or the home page's list (``home_outline.md.j2``)."""
    return _template(template).render(
        modules=course.modules,
        link_prefix=link_prefix,
        objective_total=sum(len(module.meta.objectives) for module in course.modules),
        minutes_total=sum(module.meta.minutes for module in course.modules),
        question_total=course.question_count,
    )


def render_quiz(
    module: Module, anchors: Anchors, course: Course, memo: QuestionMemo | None = None
) -> Markup:
    questions = render_questions(
        module.quiz.questions, module, anchors, module.page.filename, numbered_of=True, memo=memo
    )
    objectives = {objective.id: objective.text for objective in module.meta.objectives}
    step = next_step(course, module)
    html = _template("quiz.html.j2").render(
        module=module,
        questions=questions,
        module_names=" ".join(each.page.name for each in course.modules),
        course_id=course.identity,
        pass_mark=course.pass_marks.module,
        objectives_json=json.dumps(objectives, ensure_ascii=False, separators=(",", ":")),
        parts=page_parts(module.quiz.questions, "quiz"),
        next_step=step,
        last_module_steps_json=last_module_steps(course, module, step),
        mistakes_url=page_url(MISTAKES_PAGE),
    )
    return Markup(html)


def next_step(course: Course, module: Module) -> Link:
    """Where a learner goes after passing ``module``: the next module, else the exam, else
    (a course without one) the home page and its progress table."""
    following = course.modules[course.modules.index(module) + 1 :]
    if following:
        return Link(page_url(following[0].page.filename), f"下一模块：{following[0].meta.title}")
    if course.exam is not None:
        return Link(page_url(EXAM_PAGE), f"参加{course.exam.config.title}")
    return Link(page_url(HOME_PAGE), f"回到{HOME_TITLE}")


EXAM_STEP = "exam"
"""The id of the exam's step among the last module's next steps (a module's id never is)."""


def last_module_steps(course: Course, module: Module, step: Link) -> str:
    """Where the last module's next step (``step``, the exam or the home page) goes, for
    the runtime to choose from, as the home page chooses: the other modules (module id,
    address, link text), then the exam (``exam``, and its link text for a paper begun) and
    the certificate (no id), or the home page (no id) in a course without an exam, as JSON.
    The learner goes to the first step not passed yet. Empty for a module whose next step
    is the next module."""
    if course.modules[-1] is not module:
        return ""
    others = [
        (other.page.name, page_url(other.page.filename), f"继续学习：{other.meta.title}")
        for other in course.modules
        if other is not module
    ]
    if course.exam is None:
        return _steps_json([*others, ("", step.href, step.title)])
    certificate = ("", page_url(CERTIFICATE_PAGE), "领取结业证书")
    exam = (EXAM_STEP, step.href, step.title, f"继续{course.exam.config.title}")
    return _steps_json([*others, exam, certificate])


def _steps_json(steps: list[tuple[str, ...]]) -> str:
    return json.dumps(steps, ensure_ascii=False, separators=(",", ":"))


def render_questions(
    questions: list[Question],
    module: Module,
    anchors: Anchors,
    current_page: str,
    numbered_of: bool = False,
    memo: QuestionMemo | None = None,
    best_path: bool = False,
) -> list[Markup]:
    """Render ``questions`` of ``module``, numbered from 1, for ``current_page``.

    ``numbered_of`` numbers them "第 3/15 题" (a module quiz); otherwise the page's
    runtime renumbers what it shows (the exam's draw, the 错题本). ``best_path`` shows
    dialogues along their best replies only (the exam: see :meth:`Scenario.best_path`).
    """
    total = len(questions) if numbered_of else 0
    return [
        question_html(
            question,
            placement(question, number, module, anchors, current_page, total, best_path),
            memo,
        )
        for number, question in enumerate(questions, 1)
    ]


def question_html(question: Question, placed: Placement, memo: QuestionMemo | None) -> Markup:
    """``question`` shown where ``placed`` says, from ``memo`` if it holds it."""
    if memo is not None:
        return memo.html(question, placed)
    return render_question(placed_view(question, placed))


def render_question(view: QuestionView) -> Markup:
    """One question, with the partial for its type."""
    template = _template(f"questions/{view.question.type}.html.j2")
    return Markup(template.render(view=view, question=view.question))


def _template(name: str) -> Template:
    return template_environment().get_template(name)
