"""Build the MOT course: Markdown modules and YAML quizzes in, an MkDocs site out.

The pipeline runs in stages, one module each: :mod:`generator.load` reads the
sources, :mod:`generator.validate` checks them as a whole, :mod:`generator.render`
turns them into Markdown pages, and :mod:`generator.write` puts the pages on disk
and runs MkDocs.
"""

from generator.errors import CourseError, Problem
from generator.load import load_course
from generator.models import Course
from generator.render import render_course
from generator.validate import validate_course

__all__ = ["Course", "CourseError", "Problem", "load_course", "render_course", "validate_course"]
