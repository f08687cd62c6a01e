"""Checks of a page body: level-1 headings, links and anchors, ids, nesting, balanced HTML.

Links, pictures and ids are taken from the page as Python-Markdown converts it
(:mod:`generator.page_scan`): what looks like a link in code is text there, and
reference-style links and raw HTML are links like any other. Each is then looked for in
the page's text, outside code, for its line and column.

Raw HTML in the body is checked by :mod:`generator.page_html`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass

from generator.course_scan import CourseScan
from generator.errors import Problem, Severity
from generator.line_folds import is_wide
from generator.models import Course, Page
from generator.page_blocks import (
    unclosed_fences,
)
from generator.page_box_lines import box_lines_out, lines_out_of_boxes
from generator.page_diagrams import small_labels
from generator.page_footnotes import footnote_problems
from generator.page_heading_ids import (
    ids_shown_as_text,
)
from generator.page_html import UNCLOSED, html_problems
from generator.page_ids import id_problems, taken_ids
from generator.page_indented_code import box_paragraphs_shown_as_code, prose_shown_as_code
from generator.page_joined_lines import lines_told_joined
from generator.page_links import LinkProblem, Targets, link_problem
from generator.page_lists import HARD_BREAK, breaks_list
from generator.page_markers import misplaced_markers, standing_markers, unknown_markers
from generator.page_nesting import nested_too_deep
from generator.page_resources import picture_elsewhere, resource_problems
from generator.page_scan import PageLink, PageScan
from generator.page_snippets import snippet_lines_shown
from generator.page_tag_names import unknown_tags
from generator.page_text import Lines, Place, searchable_lines, searchable_text, text_places
from generator.page_text_checks import LINE_CHECKS, TEXT_CHECKS
from generator.problem_cache import UNKEPT, ProblemCache
from generator.project import OUTLINE_MARKER, PROGRESS_MARKER

QUOTED = re.compile(r"'([^'\n]+)'|\"([^\"\n]+)\"")
"""A name an error message quotes."""
ATTRIBUTE_START = "\"'="
"""What comes just before an address written as an HTML attribute value."""
ADDRESS_END = ")\"'> \t"
"""What may follow an address written whole (a line's end as well)."""
ADDRESS_START = "(<\"'= \t"
"""What may come before an address written whole (a line's start as well): not a part of
a longer address (``/images/y.png`` in ``../images/y.png``)."""


def page_problems(
    course: Course, scan: CourseScan, files: Collection[str], kept: ProblemCache = UNKEPT
) -> tuple[list[Problem], set[str]]:
    """Every problem of the page bodies, and the pages an HTML block left open cuts short
    (see :func:`link_targets`); ``files`` are those under course/ a link may name. Each
    page's own problems are ``kept`` for what they read."""
    lines = scan.lines
    listed = sorted(files)
    ahead = scan.own_problems if scan.checked_by == OwnChecks(frozenset(files)) else {}
    own = {
        page.filename: _kept_own_problems(page, scan, files, listed, kept, ahead)
        for page in course.pages
    }
    cut_short = {name for name, found in own.items() if any(p.code == UNCLOSED for p in found)}
    problems = [problem for found in own.values() for problem in found]
    ids = {name: found.ids for name, found in scan.pages.items()}
    anchors = {name: {*headings, *ids.get(name, [])} for name, headings in scan.anchors.items()}
    targets = link_targets(anchors, scan, cut_short)  # any id, as for MkDocs
    taken = taken_ids(course)
    for page in course.pages:
        found = scan.pages[page.filename]
        if page.filename in scan.costly or found.too_deep or found.failure:
            continue
        problems += _link_problems(page, lines[page.filename], found, targets, files)
        problems += id_problems(page, lines[page.filename], found, taken[page.filename])
    return problems, cut_short


@dataclass(frozen=True)
class OwnChecks:
    """A page's own checks, for the files under course/ a link may name, run where the page
    is scanned (:class:`generator.course_scan.CourseScanner`): in the worker processes
    that scan the pages on a first check of a large course."""

    files: frozenset[str]

    def __call__(self, page: Page, found: PageScan, reads_snippets: bool) -> list[Problem]:
        """The problems of ``page`` that no other page bears on; ``found``: its scan."""
        lines = searchable_lines(page)
        alone = CourseScan(
            {}, {}, {page.filename: found}, {}, {page.filename: lines}, reads_snippets
        )
        return list(_own_problems(page, lines, alone, self.files))


def _kept_own_problems(
    page: Page,
    scan: CourseScan,
    files: Collection[str],
    listed: list[str],
    kept: ProblemCache,
    ahead: Mapping[str, list[Problem]],
) -> list[Problem]:
    """The problems of ``page`` that no other page bears on, found again only when its
    text, the files it may name (``listed``) or the snippets setting changed; not kept
    when its scan read other files in (:attr:`PageScan.keepable`). Those found ``ahead``,
    where the page was scanned, for the same files and settings, are taken as found."""

    def find() -> Iterable[Problem]:
        if page.filename in ahead:
            return ahead[page.filename]
        return _own_problems(page, scan.lines[page.filename], scan, files)

    if not scan.pages[page.filename].keepable:
        return list(find())
    source = page.source
    written = [source.path.as_posix(), *source.lines, page.body, str(page.body_line)]
    return kept.problems(["page", *written, str(scan.reads_snippets), *listed], find)


def _own_problems(
    page: Page, lines: Lines, scan: CourseScan, files: Collection[str]
) -> Iterator[Problem]:
    """The problems of ``page`` that no other page bears on; ``files``: those under course/."""
    if page.filename in scan.costly:
        yield scan.costly[page.filename]
        return
    if scan.pages[page.filename].too_deep:  # the other checks would follow it all the way down
        yield nested_too_deep(page, lines)
        return
    if failure := scan.pages[page.filename].failure:
        yield failed_conversion(page, lines, failure)
        return
    yield from missing_snippets(page, lines, scan.pages[page.filename].missing_snippets)
    text = searchable_text(page, lines)
    if not scan.reads_snippets:
        yield from snippet_lines_shown(page, text)
    for line_check in LINE_CHECKS:
        yield from line_check(page, lines)
    for text_check in TEXT_CHECKS:
        yield from text_check(page, text)
    yield from box_paragraphs_shown_as_code(page, lines)
    yield from prose_shown_as_code(page, lines)
    yield from unclosed_fences(page)
    out_of_boxes = lines_out_of_boxes(lines)
    yield from chinese_line_breaks(page, lines, out_of_boxes)
    yield from box_lines_out(page, lines, out_of_boxes)
    yield from _second_markers(page, text)
    yield from misplaced_markers(page, text)
    yield from unknown_markers(page, text)
    yield from footnote_problems(page, lines, text, scan.pages[page.filename])
    yield from html_problems(page, text)
    yield from unknown_tags(page, text, scan.pages[page.filename].unknown_tags)
    yield from resource_problems(page, text, files)
    yield from small_labels(page, text)


def _naming(page: Page, lines: Lines, names: list[str]) -> tuple[int, int]:
    """The line and column of the first line outside code that holds one of ``names``;
    else the page body's first line."""
    places = (
        (number, line.find(name) + 1)
        for number, line in lines.items()
        for name in names
        if name in line
    )
    return next(places, (page.body_line, 1))


def failed_conversion(page: Page, lines: Lines, failure: str) -> Problem:
    """A Markdown extension raised converting the page (:attr:`PageScan.failure`), told at
    the first line outside code that holds a name the error quotes, if any."""
    quoted = [next(filter(None, found)) for found in QUOTED.findall(failure)]
    return Problem(
        page.source.path,
        *_naming(page, lines, quoted),
        f"a Markdown extension failed to convert the page, so the site cannot be built: {failure}",
        "correct what the message names, or the extension's settings under "
        "markdown_extensions in mkdocs.yml",
        "page.conversion-failed",
    )


def missing_snippets(page: Page, lines: Lines, names: list[str]) -> Iterator[Problem]:
    """The snippets the page names that the snippets extension finds in none of its folders
    (:attr:`PageScan.missing_snippets`), each once: the page shows nothing in their place."""
    for name in dict.fromkeys(names):
        yield Problem(
            page.source.path,
            *_naming(page, lines, [name]),
            f"the snippet '{name}' is in none of the folders the snippets extension reads "
            "(its base_path), so the page shows nothing in its place",
            "correct the name, or write the file into one of those folders",
            "page.snippet-missing",
        )


def chinese_line_breaks(
    page: Page, lines: Lines, out_of_boxes: Collection[int]
) -> Iterator[Problem]:
    """A paragraph broken between two Chinese characters: the page keeps the line break,
    and Chromium (Chrome, Edge, WeChat) shows it as a space. Headings, table rows, comments
    and a note box's first line (``!!! 注意``) are single lines of their own, not a
    paragraph's; so are those typed with a full-width '＃' or '｜', which are told as such
    (:mod:`generator.page_full_width`, :mod:`generator.page_tables`), and so are lines
    marked as a list's items with marks the site shows as text (``－ ``, ``1、``, ``•``),
    which joined would be less of a list still, and the line above a list's item (``１.``
    in full-width digits starts one too). A line that falls out of a box (one of
    ``out_of_boxes``), or runs on into the line above it where it was meant to stand apart
    (a dialogue's turn, a paragraph under a list), is told as such: joined, it would move
    into the box, the turn above it or the list's item. A line that ends in a line break
    (two spaces, or ``<br>``) shows as two lines, as meant."""
    told_joined = lines_told_joined(page, lines)
    for number, line in lines.items():
        before, after = line.rstrip(), lines.get(number + 1, "").lstrip()
        if number + 1 in out_of_boxes or number + 1 in told_joined or breaks_list(lines, number):
            continue
        if HARD_BREAK.search(line):  # shown as a line break, not a space
            continue
        if not (before and after and is_wide(before[-1]) and is_wide(after[0])):
            continue
        if before.lstrip().startswith(("#", "＃", "!!!", "???")) or any(
            mark in text for text in (before, after) for mark in ("|", "｜", "<!--", "-->")
        ):
            continue
        yield Problem(
            page.source.path,
            number,
            len(before),
            "a line break between two Chinese characters shows as a space on the page",
            "join this line and the next: a paragraph can be one long line",
            "page.line-break-in-chinese",
            Severity.WARNING,
        )


def link_targets(
    anchors: Mapping[str, Collection[str]], scan: CourseScan, cut_short: Collection[str]
) -> Targets:
    """``anchors`` for checking links, but any anchor of a page nested too deep, not
    converted at all or cut short by an HTML block left open (whose headings after it are
    text): its headings may be unknown, and the page is reported itself. So is a heading
    whose id the site shows as text (typed full-width, or not last on the line), which
    links to it count as found."""
    unread = {name for name, found in scan.pages.items() if found.too_deep or found.failure}
    unread |= {*scan.costly, *cut_short}
    return {
        name: _EveryAnchor()
        if name in unread
        else {*found, *ids_shown_as_text(scan.lines.get(name, {}))}
        for name, found in anchors.items()
    }


class _EveryAnchor:
    def __contains__(self, anchor: object) -> bool:
        return True


def _link_problems(
    page: Page, lines: Lines, found: PageScan, targets: Targets, files: Collection[str]
) -> Iterator[Problem]:
    """The broken links of ``page``, and its pictures from another site."""
    yield from _placed(
        page,
        lines,
        found.links,
        lambda address, raw: link_problem(address, raw, page.filename, targets, files),
        "link.",
    )
    pictures = [(address, False) for address in found.pictures]
    yield from _placed(page, lines, pictures, lambda address, _: picture_elsewhere(address))


def _placed(
    page: Page,
    lines: Lines,
    links: list[PageLink],
    problem_of: Callable[[str, bool], LinkProblem | None],
    area: str = "",
) -> Iterator[Problem]:
    """What ``problem_of`` finds wrong with each of ``links``, its code after ``area``; the
    n-th link to an address is placed where the address is written for the n-th time (or
    the last time: a reference-style link's definition)."""
    seen: Counter[PageLink] = Counter()
    reported: set[Problem] = set()
    for address, raw in links:
        seen[address, raw] += 1
        broken = problem_of(address, raw)
        if broken is None:
            continue
        places = _link_places(lines, address, raw) or [(page.body_line, 1)]
        line, column = places[min(seen[address, raw], len(places)) - 1]
        message, fix, code = broken
        problem = Problem(page.source.path, line, column, message, fix, f"{area}{code}")
        if problem not in reported:
            reported.add(problem)
            yield problem


def _link_places(lines: Lines, address: str, raw: bool) -> list[Place]:
    """Where ``address`` is written whole, as an attribute value if ``raw`` and elsewhere if
    not; failing that, wherever it is written."""
    written = _written_places(lines, address, raw)
    whole = [
        (number, column)
        for number, column, length in written
        if lines[number][column - 1 + length :][:1] in ADDRESS_END  # "" at the end too
        and lines[number][max(column - 2, 0) : column - 1] in ADDRESS_START  # "" at the start
    ]
    fitting = [
        (number, column)
        for number, column in whole
        if (column > 1 and lines[number][column - 2] in ATTRIBUTE_START) == raw
    ]
    return fitting or whole or [(number, column) for number, column, _ in written]


def _written_places(lines: Lines, address: str, raw: bool) -> list[tuple[int, int, int]]:
    """Each line and column where ``address`` is written, and its length there: in Markdown
    (not ``raw``) a backslash may be written twice, as Markdown reads ``\\\\`` as one
    (``\\\\server\\share`` is the address ``\\server\\share``)."""
    if raw or "\\" not in address:
        return [(number, column, len(address)) for number, column in text_places(lines, address)]
    escaped = re.compile(re.escape(address).replace("\\\\", "\\\\\\\\?"))
    return [
        (number, found.start() + 1, len(found[0]))
        for number, line in lines.items()
        for found in escaped.finditer(line)
    ]


def _second_markers(page: Page, text: str) -> Iterator[Problem]:
    """The dashboard twice on one page would give its elements the same ids twice; the
    course's outline twice shows the list of modules twice, which is no error."""
    standing = standing_markers(text).items()
    for marker, shows, code, severity in (
        (PROGRESS_MARKER, "the learner's progress", "page.duplicate-id", Severity.ERROR),
        (OUTLINE_MARKER, "the course's modules", "page.marker-twice", Severity.WARNING),
    ):
        places = [page.body_line + index for index, found in standing if found == marker]
        if len(places) > 1:
            yield Problem(
                page.source.path,
                places[1],
                1,
                f"the page has '{marker}' a second time; it shows {shows} once",
                "keep one of the lines",
                code,
                severity,
            )
