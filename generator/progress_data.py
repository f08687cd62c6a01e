"""What the learner-progress scripts need to know about the course, as one JSON document.

The dashboard on the home page, the exam and the certificate read it from a
``data-course`` attribute: module titles and links, which question counts towards
which stage, the module to review for each stage, and the exam settings.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from generator.models import DEFAULT_PASS_MARK, EODC_STAGES, STAGE_NAMES, Course, Module

EXAM_PAGE = "exam.md"
CERTIFICATE_PAGE = "exam_certificate.md"
"""Named to follow the exam page in the navigation, which MkDocs sorts by file name."""
HOME_PAGE = "index"


def module_pass_mark(course: Course) -> int:
    return course.exam.config.module_pass_mark if course.exam else DEFAULT_PASS_MARK


def page_url(filename: str) -> str:
    return Path(filename).with_suffix(".html").name


def course_title(course: Course) -> str:
    home = next((page for page in course.pages if page.name == HOME_PAGE), None)
    return home.meta.title if home else "课程"


def _module_entry(module: Module) -> dict[str, Any]:
    return {
        "id": module.page.name,
        "title": module.meta.title,
        "url": page_url(module.page.filename),
        "questions": {question.id: module.area_of(question) for question in module.quiz.questions},
    }


def _review_module(course: Course, stage: str) -> Module | None:
    """The module with the most questions on ``stage``: the one to review for it."""
    counts = Counter(
        module.page.name
        for module in course.modules
        for question in module.quiz.questions
        if module.area_of(question) == stage
    )
    best = counts.most_common(1)
    return (
        next(module for module in course.modules if module.page.name == best[0][0])
        if best
        else None
    )


def _stage_entry(course: Course, stage: str) -> dict[str, Any]:
    review = _review_module(course, stage)
    return {
        "id": stage,
        "name": STAGE_NAMES[stage],
        "review": None
        if review is None
        else {"title": review.meta.title, "url": page_url(review.page.filename)},
    }


def course_data(course: Course) -> str:
    """The course as JSON for the ``data-course`` attribute (Jinja2 escapes it)."""
    exam = course.exam.config if course.exam else None
    data = {
        "title": course_title(course),
        "modulePassMark": module_pass_mark(course),
        "modules": [_module_entry(module) for module in course.modules],
        "stages": [_stage_entry(course, stage) for stage in EODC_STAGES],
        "exam": None
        if exam is None
        else {
            "title": exam.title,
            "url": page_url(EXAM_PAGE),
            "passMark": exam.pass_mark,
            "shuffleOptions": exam.shuffle_options,
            "draw": exam.draw,
            "certificateUrl": page_url(CERTIFICATE_PAGE),
        },
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
