"""Course terms that Chinese search must keep whole.

MkDocs' search plugin splits Chinese text into words with jieba when it builds the
index. jieba splits course terms such as 服务补救 into 服务 + 补救, and a learner who
searches for the whole term then finds nothing. The terms listed in
``search-terms.txt`` are added to jieba's dictionary before MkDocs runs (in this
process, which is the one that builds or serves the site); the live preview applies an
edited list to its next build.
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
    """Add the project's terms to jieba's dictionary."""
    add_search_terms(read_search_terms(project))


def add_search_terms(terms: list[str]) -> None:
    """Add ``terms`` to jieba's dictionary (imported here: only builds need it)."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it reports loading its dictionary on every build
    for term in terms:
        jieba.add_word(term)


def replace_search_terms(old: list[str], new: list[str]) -> None:
    """Give jieba's dictionary the terms ``new`` in place of ``old`` (the live preview's list
    was edited).

    jieba cannot take a word back as if it had never been added (``del_word`` forces it
    apart, even a word of jieba's own dictionary), so a term taken out reloads the dictionary.
    """
    import jieba

    if set(old) - set(new):
        jieba.dt.initialized = False
        jieba.initialize()
    add_search_terms(new)
