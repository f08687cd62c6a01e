"""Render stage: turn the loaded course into the Markdown pages MkDocs builds."""

from __future__ import annotations

import json
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from generator.answer_key import answer_digest, option_key, salt_for
from generator.markdown_config import Anchors
from generator.models import STAGE_NAMES, Course, Module, Page, Question

Rendered = dict[str, str]
"""Output file name (relative to the docs folder) -> its text."""

OUTLINE_MARKER = "<!-- mot:outline -->"
"""A line in a page that the generator replaces with the table of modules."""


def template_environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("generator", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.globals.update(option_key=option_key, stage_names=STAGE_NAMES)
    environment.filters["yaml_string"] = yaml_string
    return environment


def yaml_string(value: str) -> Markup:
    """Quote ``value`` for YAML front matter (a JSON string is a valid YAML scalar)."""
    return Markup(json.dumps(value, ensure_ascii=False))


def render_course(course: Course, anchors: Anchors) -> Rendered:
    """Render every page of ``course``; modules get their objectives and quiz."""
    environment = template_environment()
    modules = {module.page.name: module for module in course.modules}
    outline = render_outline(course)
    rendered: Rendered = {}
    for page in course.pages:
        module = modules.get(page.name)
        quiz_html = render_quiz(environment, module, anchors) if module else None
        body = Markup(page.body.replace(OUTLINE_MARKER, outline))
        rendered[page.filename] = environment.get_template("page.md.j2").render(
            page=page, meta=page.meta, module=module, body=body, quiz=quiz_html
        )
    return rendered


def render_outline(course: Course, link_prefix: str = "") -> str:
    """The table of modules (objectives, minutes, questions) as Markdown."""
    template = template_environment().get_template("outline.md.j2")
    return template.render(
        modules=course.modules,
        link_prefix=link_prefix,
        objective_total=sum(len(module.meta.objectives) for module in course.modules),
        minutes_total=sum(module.meta.minutes for module in course.modules),
        question_total=course.question_count,
    )


def render_quiz(environment: Environment, module: Module, anchors: Anchors) -> Markup:
    questions = [
        render_question(environment, question, number, module.page, anchors)
        for number, question in enumerate(module.quiz.questions, 1)
    ]
    html = environment.get_template("quiz.html.j2").render(module=module, questions=questions)
    return Markup(html)


def render_question(
    environment: Environment, question: Question, number: int, page: Page, anchors: Anchors
) -> Markup:
    """Render one question with the partial for its type."""
    review_page, _, review_anchor = question.review.partition("#")
    review_page = review_page or page.filename
    html = environment.get_template(f"questions/{question.type}.html.j2").render(
        question=question,
        number=number,
        salt=salt_for(question.id),
        digest=answer_digest(question),
        review_href=_page_url(review_page, page.filename) + "#" + review_anchor,
        review_title=anchors[review_page][review_anchor],
    )
    return Markup(html)


def _page_url(target_page: str, current_page: str) -> str:
    """URL of ``target_page`` from ``current_page``; pages are flat and URLs end in .html."""
    if target_page == current_page:
        return ""
    return Path(target_page).with_suffix(".html").name
