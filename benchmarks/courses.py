"""Synthetic courses: the real course's modules copied until the course has N modules.

Copy ``g`` of module ``01-significance`` is ``01-significance-00g``: its page and quiz
are the original's with every objective id and question id suffixed with ``-00g``, every
link to a module page (review links and links in the text) pointed at the same copy of
that module (at the original, in a last round without a copy of it), and ``（副本 g）``
added to a plain title. A copy has no exam-only questions (``exam_questions:``), which the
exam would have to draw from. The home page, the glossary, the trainer's guide and
``quizzes/exam.yml`` are the real ones, so the exam still draws from the original modules
and every copy passes ``python -m generator check``, with the course's standards warning
only about the exam-only questions a copy leaves out.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.build import check
from generator.models import Module
from generator.project import COURSE_FOLDER, QUIZ_FOLDER, Project

PROJECT = Path(__file__).resolve().parent.parent
SETTINGS = ("mkdocs.yml", "search-terms.txt")
PLAIN_TITLE = re.compile(r"^(title:\s*)([^\"'|>\s].*?)\s*$", re.MULTILINE)
EXAM_QUESTIONS = re.compile(r"^exam_questions:.*?(?=^\S|\Z)", re.MULTILINE | re.DOTALL)
"""A quiz's exam-only questions: the key and its indented lines, up to the next key."""


@dataclass(frozen=True)
class Original:
    """What a copy of one real module must rename."""

    name: str
    ids: frozenset[str]


def copy_real_course(target: Path) -> Path:
    """A project folder at ``target`` holding the real course and its settings."""
    target.mkdir(parents=True, exist_ok=True)
    for settings in SETTINGS:
        shutil.copy(PROJECT / settings, target / settings)
    for folder in (COURSE_FOLDER, QUIZ_FOLDER):
        shutil.copytree(PROJECT / folder, target / folder)
    return target


def synthesise(target: Path, modules: int) -> Path:
    """A project at ``target`` with ``modules`` modules (or the real course, if it has as
    many or more): the real ones, then numbered copies."""
    root = copy_real_course(target)
    originals = read_originals(Project(root))
    copies = [
        (originals[index % len(originals)], index // len(originals) + 1)
        for index in range(len(originals), modules)
    ]
    written = {copy_name(original.name, number) for original, number in copies}
    for original, copy_number in copies:
        write_copy(Project(root), originals, original, copy_number, written)
    return root


def read_originals(project: Project) -> list[Original]:
    """The real modules, in order, with the ids their copies rename."""
    return [_original(module) for module in check(project).course.modules]


def _original(module: Module) -> Original:
    objectives = {objective.id for objective in module.meta.objectives}
    questions = {question.id for _, listed in module.quiz.question_lists() for question in listed}
    return Original(module.page.name, frozenset(objectives | questions))


def copy_name(name: str, copy_number: int) -> str:
    return f"{name}-{copy_number:03d}"


def write_copy(
    project: Project,
    originals: list[Original],
    original: Original,
    copy_number: int,
    written: set[str],
) -> None:
    """Write copy ``copy_number`` of ``original``'s page and quiz into ``project``, among
    the copies ``written``."""
    name = copy_name(original.name, copy_number)
    page = (project.course_dir / f"{original.name}.md").read_text(encoding="utf-8")
    quiz = project.quiz_file(original.name).read_text(encoding="utf-8")
    front, fence, body = page.partition("\n---\n")
    front = PLAIN_TITLE.sub(rf"\g<1>\g<2>（副本 {copy_number}）", front, count=1)
    page = rename_ids(front, original.ids, copy_number) + fence + body
    quiz = rename_ids(EXAM_QUESTIONS.sub("", quiz), original.ids, copy_number)
    (project.course_dir / f"{name}.md").write_text(
        relink(page, originals, copy_number, written), encoding="utf-8"
    )
    quiz = relink(quiz, originals, copy_number, written)
    project.quiz_file(name).write_text(quiz, encoding="utf-8")


def rename_ids(text: str, ids: frozenset[str], copy_number: int) -> str:
    """Suffix the values of ``id:`` and ``objective:`` keys that are among ``ids``."""
    pattern = re.compile(r"^(\s*(?:-\s+)?(?:id|objective):\s*)([a-z0-9-]+)\s*$", re.MULTILINE)

    def renamed(match: re.Match[str]) -> str:
        value = match.group(2)
        return match.group(1) + (copy_name(value, copy_number) if value in ids else value)

    return pattern.sub(renamed, text)


def relink(text: str, originals: list[Original], copy_number: int, written: set[str]) -> str:
    """Point links to the real modules' pages at the same copy of those modules, where the
    course has that copy (in a last, partial round of copies, it may not: the link stays)."""
    names = "|".join(re.escape(original.name) for original in originals)
    pattern = re.compile(rf"(?<![\w-])({names})\.md(?=[#)\s]|$)", re.MULTILINE)

    def relinked(match: re.Match[str]) -> str:
        copy = copy_name(match.group(1), copy_number)
        return f"{copy if copy in written else match.group(1)}.md"

    return pattern.sub(relinked, text)
