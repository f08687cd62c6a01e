"""Trainer's answer key: every question with its answer, feedback and review link, by module.

Written as printable HTML and printed to PDF, into dist/ (never into site/: learners must
not find it). Each question type has its own partial in ``templates/export/answer_key/``.

A question's review section is named by page and heading, with its place in the site
(``01-x.html#id``); it is a link to the published site only when mkdocs.yml gives the
site's address (the Pages workflow's SITE_URL), not the live preview's local one.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.course_scan import Anchors
from generator.export.job import ExportJob
from generator.export.pdf import print_pdf
from generator.markdown_config import published_site_url, site_config
from generator.models import (
    END_OF_DIALOGUE,
    Course,
    Module,
    Question,
    Reply,
    ResultFeedback,
    Scenario,
)
from generator.project import review_target
from generator.publish import scratch_folder
from generator.render import template_environment
from generator.views import Link
from generator.write import write_outputs

TYPE_NAMES = {
    "single": "单选题",
    "multiple": "多选题",
    "true_false": "判断题",
    "ordering": "排序题",
    "matching": "配对题",
    "fill_in": "填空题",
    "scenario": "情景对话",
}
DIALOGUE_END = "对话结束"


@dataclass(frozen=True)
class KeyedQuestion:
    question: Question
    number: int
    review: Link
    """The review section's page › heading, and its address: on the published site when
    known, else its place in the site (``01-x.html#id``), printed but not linked."""
    review_linked: bool
    result_feedback: ResultFeedback | None


@dataclass(frozen=True)
class KeyedModule:
    name: str
    title: str
    questions: list[KeyedQuestion]
    exam_questions: list[KeyedQuestion]


def export_answer_key(job: ExportJob) -> list[Path]:
    site_name = site_config(job.project).site_name
    course, anchors = job.checked.course, job.checked.anchors
    html = render_answer_key(course, anchors, published_site_url(job.project), site_name)
    html_file, pdf_file = answer_key_files(job.output)
    with scratch_folder(job.project) as scratch:
        draft_html, draft_pdf = scratch / "answer-key.html", scratch / "answer-key.pdf"
        draft_html.write_text(html, encoding="utf-8")
        job.progress("printing the PDF with headless Chromium")
        print_pdf(draft_html, draft_pdf)
        return write_outputs(
            {
                html_file: partial(shutil.copyfile, draft_html),
                pdf_file: partial(shutil.copyfile, draft_pdf),
            }
        )


def answer_key_files(output: Path) -> list[Path]:
    """The HTML named ``output`` and the PDF beside it; when ``output`` names the PDF, the
    HTML beside that instead, so that the PDF never replaces the HTML."""
    if output.suffix.lower() == ".pdf":
        return [output.with_suffix(".html"), output]
    return [output, output.with_suffix(".pdf")]


def render_answer_key(course: Course, anchors: Anchors, site_url: str, title: str) -> str:
    """The answer key as one HTML file. Review sections link to the published site when
    ``site_url`` is its address; when it is "", they are named with their place in the site."""
    page_titles = {page.filename: page.meta.title for page in course.pages}
    modules = [keyed_module(module, anchors, page_titles, site_url) for module in course.modules]
    template = template_environment().get_template("export/answer-key.html.j2")
    return template.render(
        title=title,
        modules=modules,
        question_count=course.question_count,
        exam_question_count=course.exam_question_count,
        type_names=TYPE_NAMES,
        turn_name=turn_name,
        next_turn_name=next_turn_name,
    )


def turn_name(number: int) -> str:
    """A dialogue's turn as the key names it, by its place from 1 (第 2 轮): its ``id`` is
    the YAML's own name for it, in English, which the trainer reading the key never sees."""
    return f"第 {number} 轮"


def next_turn_name(question: Scenario, index: int, reply: Reply) -> str:
    """Where ``reply`` at turn ``index`` leads (:meth:`Scenario.next_turn`), as the key names
    it: 第 2 轮, or 对话结束."""
    following = question.next_turn(index, reply)
    if following == END_OF_DIALOGUE:
        return DIALOGUE_END
    ids = [turn.id for turn in question.turns]
    return turn_name(ids.index(following) + 1)


def keyed_module(
    module: Module, anchors: Anchors, page_titles: dict[str, str], site_url: str
) -> KeyedModule:
    def keyed(questions: list[Question]) -> list[KeyedQuestion]:
        return [
            keyed_question(question, number, module, anchors, page_titles, site_url)
            for number, question in enumerate(questions, 1)
        ]

    return KeyedModule(
        module.page.name,
        module.meta.title,
        keyed(module.quiz.questions),
        keyed(module.quiz.exam_questions),
    )


def keyed_question(
    question: Question,
    number: int,
    module: Module,
    anchors: Anchors,
    page_titles: dict[str, str],
    site_url: str,
) -> KeyedQuestion:
    target = review_target(question.review, module.page.filename)
    title = f"{page_titles[target.page]} › {anchors[target.page][target.anchor]}"
    feedback = getattr(question, "feedback", None)
    return KeyedQuestion(
        question,
        number,
        Link(target.href(base_url=site_url), title),
        bool(site_url),
        feedback if isinstance(feedback, ResultFeedback) else None,
    )
