"""Trainer's answer key: every question with its answer, feedback and review link, by module.

Written as printable HTML and printed to PDF, into dist/ (never into site/: learners must
not find it).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from generator.errors import CourseError
from generator.export.job import ExportJob, environment_problem
from generator.export.pdf import print_pdf
from generator.markdown_config import Anchors, site_config
from generator.models import Course, Module, Question
from generator.render import template_environment
from generator.write import SITE_FOLDER, scratch_folder, write_output

TYPE_NAMES = {
    "single": "单选题",
    "multiple": "多选题",
    "true_false": "判断题",
    "ordering": "排序题",
    "matching": "配对题",
    "fill_in": "填空题",
    "scenario": "情景对话",
}


@dataclass(frozen=True)
class KeyedQuestion:
    question: Question
    review_href: str
    review_title: str


@dataclass(frozen=True)
class KeyedModule:
    name: str
    title: str
    questions: list[KeyedQuestion]


def export_answer_key(job: ExportJob) -> list[Path]:
    refuse_site_folder(job.output, job.root)
    settings = site_config(job.config_file)
    html = render_answer_key(job.course, job.anchors, settings.site_url or "", settings.site_name)
    pdf = job.output.with_suffix(".pdf")
    with scratch_folder(job.root) as scratch:
        draft_html, draft_pdf = scratch / "answer-key.html", scratch / "answer-key.pdf"
        draft_html.write_text(html, encoding="utf-8")
        job.progress("printing the PDF with headless Chromium")
        print_pdf(draft_html, draft_pdf)
        return [
            write_output(job.output, partial(shutil.copyfile, draft_html)),
            write_output(pdf, partial(shutil.copyfile, draft_pdf)),
        ]


def refuse_site_folder(output: Path, root: Path) -> None:
    if output.resolve().is_relative_to((root / SITE_FOLDER).resolve()):
        raise CourseError(
            [
                environment_problem(
                    output,
                    "the answer key would be written into the published site",
                    "write it outside site/, for example to dist/ (the default)",
                )
            ]
        )


def render_answer_key(course: Course, anchors: Anchors, site_url: str, title: str) -> str:
    """The answer key as one HTML file; review links are absolute when site_url is set."""
    page_titles = {page.filename: page.meta.title for page in course.pages}
    modules = [keyed_module(module, anchors, page_titles, site_url) for module in course.modules]
    template = template_environment().get_template("export/answer-key.html.j2")
    return template.render(
        title=title,
        modules=modules,
        question_count=course.question_count,
        type_names=TYPE_NAMES,
    )


def keyed_module(
    module: Module, anchors: Anchors, page_titles: dict[str, str], site_url: str
) -> KeyedModule:
    questions = []
    for question in module.quiz.questions:
        page, _, anchor = question.review.partition("#")
        page = page or module.page.filename
        href = f"{site_url}{Path(page).with_suffix('.html').name}#{anchor}"
        title = f"{page_titles[page]} › {anchors[page][anchor]}"
        questions.append(KeyedQuestion(question, href, title))
    return KeyedModule(module.page.name, module.meta.title, questions)
