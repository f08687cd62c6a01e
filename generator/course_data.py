"""What the runtime needs to know about the course, as one JSON document.

The dashboard on the home page, the exam and the certificate read it from a
``data-course`` attribute: the course's identity (from its name, which the learner's
record keeps), module titles, links and stages, which question counts towards
which stage, each module's exam-only questions and the stage of each, the module to
review for each stage until the learner has answered one that teaches it, the names of
the stages, the pass marks and the exam settings.
The scripts hold none of these facts themselves. A key keeps its shape from build to
build, and what is new comes as a key of its own: a runtime of an earlier build, still
running in a tab when the course is published again, reads the keys it knows as it knew
them (a runtime reading a page of an earlier build does without the new keys).
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any

from generator.models import AREA_NAMES, EODC_STAGES, Course, Module
from generator.project import CERTIFICATE_PAGE, EXAM_PAGE, page_url

DEFAULT_TITLE = "课程"


def course_identity(site_name: str) -> str:
    """The course's identifier, from its name (``site_name``): the same for every version
    of the course, another for a course of another name. A learner's record keeps it (the
    runtime's ``claim``, in mot-rehome.js): a course published where another was finds
    the other's record is not its own; a SCORM package keeps the record under it."""
    return "mot-course-" + hashlib.sha256(site_name.encode("utf-8")).hexdigest()[:12]


def course_title(course: Course) -> str:
    return course.home.meta.title if course.home else DEFAULT_TITLE


def course_data(course: Course) -> str:
    """The course as JSON for a ``data-course`` attribute (Jinja2 escapes it)."""
    data = {
        "id": course.identity,
        "title": course_title(course),
        "passMarks": {"module": course.pass_marks.module, "exam": course.pass_marks.exam},
        "areas": [{"id": area, "name": name} for area, name in AREA_NAMES.items()],
        "modules": [_module_entry(module) for module in course.modules],
        "stages": [_stage_entry(course, stage) for stage in EODC_STAGES],
        "exam": _exam_entry(course),
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _module_entry(module: Module) -> dict[str, Any]:
    return {
        "id": module.page.name,
        "title": module.meta.title,
        "url": page_url(module.page.filename),
        "stage": module.meta.stage,
        "questions": {question.id: module.area_of(question) for question in module.quiz.questions},
        "examQuestions": [question.id for question in module.quiz.exam_questions],
        "examStages": {
            question.id: module.area_of(question) for question in module.quiz.exam_questions
        },
    }


def _stage_entry(course: Course, stage: str) -> dict[str, Any]:
    review = _review_module(course, stage)
    return {
        "id": stage,
        "name": AREA_NAMES[stage],
        "review": None
        if review is None
        else {"title": review.meta.title, "url": page_url(review.page.filename)},
    }


def _review_module(course: Course, stage: str) -> Module | None:
    """The module with the most questions on ``stage``: the one to review for it until the
    learner has answered a module teaching it (the dashboard then names the one done worst)."""
    counts = Counter(
        module.page.name
        for module in course.modules
        for question in module.quiz.questions
        if module.area_of(question) == stage
    )
    if not counts:
        return None
    best = counts.most_common(1)[0][0]
    return next(module for module in course.modules if module.page.name == best)


def _exam_entry(course: Course) -> dict[str, Any] | None:
    if course.exam is None:
        return None
    exam = course.exam.config
    return {
        "title": exam.title,
        "url": page_url(EXAM_PAGE),
        "passMark": exam.pass_mark,
        "shuffleOptions": exam.shuffle_options,
        "draw": exam.draw,
        "certificateUrl": page_url(CERTIFICATE_PAGE),
    }
