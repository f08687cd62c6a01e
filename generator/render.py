"""Render stage: turn the loaded course into the Markdown pages MkDocs builds."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.answer_key import (
    answer_digest,
    blank_digests,
    match_choices,
    option_key,
    salt_for,
    shown_items,
    turn_digest,
)
from generator.markdown_config import Anchors
from generator.models import BLANK, EODC_STAGES, STAGE_NAMES, Course, FillIn, Module, Question
from generator.progress_data import CERTIFICATE_PAGE, EXAM_PAGE, course_data, module_pass_mark

Rendered = dict[str, str]
"""Output file name (relative to the docs folder) -> its text."""

OUTLINE_MARKER = "<!-- mot:outline -->"
"""A line in a page that the generator replaces with the table of modules."""
PROGRESS_MARKER = "<!-- mot:progress -->"
"""A line in a page that the generator replaces with the learner's progress dashboard."""


def template_environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals.update(
        option_key=option_key,
        stage_names=STAGE_NAMES,
        eodc_stages=EODC_STAGES,
        shown_items=shown_items,
        match_choices=match_choices,
        blank_digests=blank_digests,
        blank_parts=blank_parts,
        turn_digest=turn_digest,
    )
    environment.filters["yaml_string"] = yaml_string
    return environment


def yaml_string(value: str) -> Markup:
    """Quote ``value`` for YAML front matter (a JSON string is a valid YAML scalar)."""
    return Markup(json.dumps(value, ensure_ascii=False))


def blank_parts(question: FillIn) -> list[str]:
    """The text of a fill-in question around its blanks."""
    return question.text.split(BLANK)


def render_course(course: Course, anchors: Anchors) -> Rendered:
    """Render every page of ``course``; modules get their objectives and quiz.

    With ``quizzes/exam.yml`` the course also gets an exam page and a certificate page.
    """
    environment = template_environment()
    modules = {module.page.name: module for module in course.modules}
    outline = render_outline(course)
    dashboard = render_dashboard(environment, course)
    rendered: Rendered = {}
    for page in course.pages:
        module = modules.get(page.name)
        quiz_html = render_quiz(environment, module, anchors, course) if module else None
        body = page.body.replace(OUTLINE_MARKER, outline).replace(PROGRESS_MARKER, dashboard)
        rendered[page.filename] = environment.get_template("page.md.j2").render(
            page=page, meta=page.meta, module=module, body=Markup(body), quiz=quiz_html
        )
    if course.exam is not None:
        rendered[EXAM_PAGE] = render_exam(environment, course, anchors)
        rendered[CERTIFICATE_PAGE] = environment.get_template("certificate.md.j2").render(
            course_json=course_data(course)
        )
    return rendered


def render_dashboard(environment: Environment, course: Course) -> str:
    """The progress dashboard for the course home (filled in by mot-progress.js)."""
    return environment.get_template("dashboard.html.j2").render(
        modules=course.modules,
        exam=course.exam,
        course_json=course_data(course),
        exam_url=_page_url(EXAM_PAGE, ""),
        certificate_url=_page_url(CERTIFICATE_PAGE, ""),
    )


def render_exam(environment: Environment, course: Course, anchors: Anchors) -> str:
    """The final exam page: every module's question pool; the runtime draws from it."""
    assert course.exam is not None
    include_quiz = course.exam.config.include_quiz_questions
    pools = {
        module.page.name: [
            render_question(environment, question, number, module, anchors, EXAM_PAGE)
            for number, question in enumerate(module.exam_pool(include_quiz), 1)
        ]
        for module in course.modules
        if module.page.name in course.exam.config.draw
    }
    return environment.get_template("exam.md.j2").render(
        exam=course.exam.config,
        pools=pools,
        total=sum(course.exam.config.draw.values()),
        course_json=course_data(course),
    )


def render_outline(course: Course, link_prefix: str = "") -> str:
    """The table of modules (objectives, minutes, questions) as Markdown."""
    return (
        template_environment()
        .get_template("outline.md.j2")
        .render(
            modules=course.modules,
            link_prefix=link_prefix,
            objective_total=sum(len(module.meta.objectives) for module in course.modules),
            minutes_total=sum(module.meta.minutes for module in course.modules),
            question_total=course.question_count,
        )
    )


def render_quiz(
    environment: Environment, module: Module, anchors: Anchors, course: Course
) -> Markup:
    questions = [
        render_question(environment, question, number, module, anchors, module.page.filename)
        for number, question in enumerate(module.quiz.questions, 1)
    ]
    html = environment.get_template("quiz.html.j2").render(
        module=module, questions=questions, pass_mark=module_pass_mark(course)
    )
    return Markup(html)


def render_question(
    environment: Environment,
    question: Question,
    number: int,
    module: Module,
    anchors: Anchors,
    current_page: str,
) -> Markup:
    """Render one question of ``module`` with the partial for its type, for ``current_page``."""
    review_page, _, review_anchor = question.review.partition("#")
    review_page = review_page or module.page.filename
    html = environment.get_template(f"questions/{question.type}.html.j2").render(
        question=question,
        number=number,
        stage=module.area_of(question),
        salt=salt_for(question.id),
        digest=answer_digest(question),
        review_href=_page_url(review_page, current_page) + "#" + review_anchor,
        review_title=anchors[review_page][review_anchor],
    )
    return Markup(html)


def _page_url(target_page: str, current_page: str) -> str:
    """URL of ``target_page`` from ``current_page``; pages are flat and URLs end in .html."""
    if target_page == current_page:
        return ""
    return Path(target_page).with_suffix(".html").name
