"""Course terms that Chinese search must keep whole.

MkDocs' search plugin splits Chinese text into words with jieba when it builds the
index. jieba splits course terms such as 服务补救 into 服务 + 补救, and a learner who
searches for the whole term then finds nothing. The terms listed in
``search-terms.txt`` are added to jieba's dictionary before MkDocs runs (in this
process, which is the one that builds or serves the site).
"""

from __future__ import annotations

import logging

from generator.errors import CourseError, Problem
from generator.project import Project
from generator.sources import read_source


def read_search_terms(project: Project) -> list[str]:
    """The terms of ``search-terms.txt``; raises CourseError if it cannot be read as text."""
    if not project.terms_file.exists():
        return []
    text = read_source(project.terms_file, project.relative(project.terms_file))
    if isinstance(text, Problem):
        raise CourseError([text])
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def register_search_terms(project: Project) -> None:
    """Add the project's terms to jieba's dictionary (imported here: only builds need it)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it reports loading its dictionary on every build
    for term in read_search_terms(project):
        jieba.add_word(term)
