"""The snippets extension (pymdownx.snippets) as the page scan sees it: whether a page
reads other files in, and which of the snippets it names the extension finds nowhere.

Unless told to check its paths, the extension leaves a line naming a snippet it finds in
none of its folders out of the page: the page shows nothing in its place, and MkDocs says
nothing either. So the scan records each name the extension's lookup finds nothing for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import markdown
from pymdownx.snippets import SnippetPreprocessor

from generator.errors import Problem
from generator.models import Page

SNIPPETS = "pymdownx.snippets"
SNIPPET_MARKER = re.compile(r"-+8<-+")
"""What a line of pymdownx.snippets that reads in a file, or a block of such lines, is
marked with (``--8<-- "steps.md"``); anywhere in the text, which finds more than the
extension reads, never less."""


def _reader(converter: markdown.Markdown) -> SnippetPreprocessor | None:
    return next(
        (found for found in converter.preprocessors if isinstance(found, SnippetPreprocessor)),
        None,
    )


def includes_files(converter: markdown.Markdown, body: str) -> bool:
    """Whether converting ``body`` read other files into it: a snippet line, or the files
    the snippets extension appends to every page (``auto_append``)."""
    reader = _reader(converter)
    return reader is not None and bool(reader.auto_append or SNIPPET_MARKER.search(body))


def record_missing(converter: markdown.Markdown, missing: Callable[[str], None]) -> None:
    """Tell ``missing`` each snippet the snippets extension of ``converter`` (if it has it)
    finds in none of its folders, by the name the page gives it."""
    reader = _reader(converter)
    if reader is None:
        return
    find = reader.get_snippet_path

    def finding(name: str) -> str | None:
        found: str | None = find(name)
        if found is None:
            missing(name)
        return found

    reader.get_snippet_path = finding


def snippet_lines_shown(page: Page, text: str) -> Iterator[Problem]:
    """Each line of ``text`` (the body, code left as empty lines) that reads a file in as the
    snippets extension has it (``--8<-- "steps.md"``, or a block's ``--8<--``), on a course
    whose mkdocs.yml does not add that extension: the site shows the line as it is."""
    for number, line in enumerate(text.splitlines(), page.body_line):
        found = SnippetPreprocessor.RE_ALL_SNIPPETS.match(line)
        if found is None or found["escape"]:
            continue
        yield Problem(
            page.source.path,
            number,
            found.start("all") + 1,
            f"'{found['all']}' reads a file in with the snippets extension, which mkdocs.yml "
            "does not add, so the page shows the line as it is",
            f"add '- {SNIPPETS}' under markdown_extensions in mkdocs.yml, or write the "
            "text itself here",
            "page.snippets-not-added",
        )
