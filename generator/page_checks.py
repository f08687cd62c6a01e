"""Checks of a page body: level-1 headings, links and anchors, ids, nesting, balanced HTML.

Links, pictures and ids are taken from the page as Python-Markdown converts it
(:mod:`generator.page_scan`): what looks like a link in code is text there, and
reference-style links and raw HTML are links like any other. Each is then looked for in
the page's text, outside code, for its line and column.

Raw HTML in the body is checked by :mod:`generator.page_html`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Container, Iterable, Iterator, Mapping
from difflib import get_close_matches
from urllib.parse import urlsplit, urlunsplit

from generator.address_slips import address_slips
from generator.errors import Problem, Severity
from generator.layout import did_you_mean, renamed_modules
from generator.line_folds import is_wide
from generator.markdown_config import CourseScan
from generator.media import (
    computer_file_link,
    course_file,
    folder_link,
    missing_file,
    outside_course_link,
)
from generator.models import Course, Page
from generator.page_blocks import broken_blocks, empty_boxes, unclosed_fences, unquoted_titles
from generator.page_diagrams import small_labels
from generator.page_footnotes import footnote_problems
from generator.page_full_width import full_width_headings, full_width_links
from generator.page_heading_ids import full_width_ids, ids_not_last, ids_shown_as_text
from generator.page_headings import level_one_headings
from generator.page_html import UNCLOSED, html_problems
from generator.page_ids import EXAMPLE_ID, THEME_ID_PREFIX, id_problems, taken_ids
from generator.page_limits import deepest_line
from generator.page_markers import misplaced_markers, standing_markers
from generator.page_resources import resources_elsewhere
from generator.page_scan import MAX_NESTING, PageScan
from generator.page_tables import broken_tables
from generator.page_text import Lines, Place, searchable_text, text_places
from generator.project import GENERATED_PAGES, PROGRESS_MARKER

ANCHOR_CLOSENESS = 0.85
"""How alike a link's #id and a heading's must be for the one to be a slip for the other."""
ATTRIBUTE_START = "\"'="
"""What comes just before an address written as an HTML attribute value."""
ADDRESS_END = ")\"'> \t"
"""What may follow an address written whole (a line's end as well)."""
ADDRESS_START = "(<\"'= \t"
"""What may come before an address written whole (a line's start as well): not a part of
a longer address (``/images/y.png`` in ``../images/y.png``)."""

LinkProblem = tuple[str, str, str]
"""What is wrong with a link, how to fix it, and the last part of its code."""
Targets = Mapping[str, Container[str]]
"""Page file name -> the anchors a link to it may name."""


def page_problems(
    course: Course, scan: CourseScan, files: Collection[str]
) -> tuple[list[Problem], set[str]]:
    """Every problem of the page bodies, and the pages an HTML block left open cuts short
    (see :func:`link_targets`); ``files`` are those under course/ a link may name."""
    lines = scan.lines
    own = {
        page.filename: list(_own_problems(page, lines[page.filename], scan))
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
        if page.filename in scan.costly or found.too_deep:
            continue
        problems += _link_problems(page, lines[page.filename], found, targets, files)
        problems += id_problems(page, lines[page.filename], found, taken[page.filename])
    return problems, cut_short


def _own_problems(page: Page, lines: Lines, scan: CourseScan) -> Iterator[Problem]:
    """The problems of ``page`` that no other page bears on."""
    if page.filename in scan.costly:
        yield scan.costly[page.filename]
        return
    if scan.pages[page.filename].too_deep:  # the other checks would follow it all the way down
        yield _too_deep(page, lines)
        return
    text = searchable_text(page, lines)
    yield from level_one_headings(page, lines)
    yield from full_width_ids(page, lines)
    yield from ids_not_last(page, lines)
    yield from broken_blocks(page, text)
    yield from unquoted_titles(page, text)
    yield from full_width_headings(page, text)
    yield from full_width_links(page, text)
    yield from broken_tables(page, text)
    yield from empty_boxes(page, text)
    yield from unclosed_fences(page)
    yield from chinese_line_breaks(page, lines)
    yield from _second_progress_marker(page, text)
    yield from misplaced_markers(page, text)
    yield from footnote_problems(page, lines, text, scan.pages[page.filename])
    yield from html_problems(page, text)
    yield from resources_elsewhere(page, text)
    yield from small_labels(page, text)


def chinese_line_breaks(page: Page, lines: Lines) -> Iterator[Problem]:
    """A paragraph broken between two Chinese characters: the page keeps the line break,
    and Chromium (Chrome, Edge, WeChat) shows it as a space. Headings, table rows and
    comments are single lines of their own, not a paragraph's; so are those typed with a
    full-width '＃' or '｜', which are told as such (:mod:`generator.page_full_width`,
    :mod:`generator.page_tables`)."""
    for number, line in lines.items():
        before, after = line.rstrip(), lines.get(number + 1, "").lstrip()
        if not (before and after and is_wide(before[-1]) and is_wide(after[0])):
            continue
        if before.lstrip().startswith(("#", "＃")) or any(
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


def _too_deep(page: Page, lines: Lines) -> Problem:
    return Problem(
        page.source.path,
        deepest_line(lines) or page.body_line,
        1,
        f"the page nests lists, quotes, emphasis or HTML blocks more than {MAX_NESTING} "
        "levels deep, more than the site's Markdown converter can follow",
        "flatten the deepest part, or close the '*' and '_' that are left open",
        "page.too-deep",
    )


def link_targets(
    anchors: Mapping[str, Collection[str]], scan: CourseScan, cut_short: Collection[str]
) -> Targets:
    """``anchors`` for checking links, but any anchor of a page nested too deep, not
    converted at all or cut short by an HTML block left open (whose headings after it are
    text): its headings may be unknown, and the page is reported itself. So is a heading
    whose id the site shows as text (typed full-width, or not last on the line), which
    links to it count as found."""
    unread = {name for name, found in scan.pages.items() if found.too_deep}
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
    """The broken links of ``page``; the n-th link to an address is placed where the address
    is written for the n-th time (or the last time: a reference-style link's definition)."""
    seen: Counter[tuple[str, bool]] = Counter()
    reported: set[Problem] = set()
    for address, raw in found.links:
        seen[address, raw] += 1
        broken = link_problem(address, raw, page.filename, targets, files)
        if broken is None:
            continue
        places = _link_places(lines, address, raw) or [(page.body_line, 1)]
        line, column = places[min(seen[address, raw], len(places)) - 1]
        message, fix, code = broken
        problem = Problem(page.source.path, line, column, message, fix, f"link.{code}")
        if problem not in reported:
            reported.add(problem)
            yield problem


def link_problem(
    address: str, raw: bool, current_page: str, targets: Targets, files: Collection[str]
) -> LinkProblem | None:
    """What is wrong with a link or picture of ``current_page`` to ``address``, if anything.

    ``raw``: written in HTML, which MkDocs publishes as it is, without making a link to a
    page's Markdown file a link to the page.
    """
    parts = urlsplit(address)
    if (on_computer := computer_file_link(address, files)) is not None:
        return on_computer
    if parts.scheme or parts.netloc:
        return None
    name = course_file(address) if parts.path else current_page
    if name is None:
        return outside_course_link(address, files)
    if name in files:
        return None
    if not raw and (mistyped := _mistyped_link(address, targets)) is not None:
        return mistyped
    if (folder := folder_link(address, name, files)) is not None:
        return folder
    if raw and parts.path and name in targets:
        return (
            f"HTML link to '{address}', which the site leaves as it is: a broken link to "
            "the page's Markdown file",
            f"write a Markdown link instead: [text]({address})",
            "html-to-page",
        )
    page = _page_published_at(name, targets)
    if page is not None:
        return _link_to_published_page(address, page, raw)
    if name not in targets and not name.endswith(".md"):
        return missing_file(address, name, files)
    return broken_link(address, current_page, targets)


def _mistyped_link(address: str, targets: Targets) -> LinkProblem | None:
    """A link whose address a slip of the keyboard makes name no file (``03-explore.md
    #listening``, ``03-explore.MD``): what is wrong, and the address meant."""
    slips = address_slips(address, lambda page: (course_file(page) or page) in targets)
    if not slips:
        return None
    return (
        f"link to '{address}', which leads nowhere: {'; '.join(slip.wrong for slip in slips)}",
        f"{' and '.join(slip.how for slip in slips)}: {slips[-1].fixed}",
        "mistyped",
    )


def _page_published_at(name: str, targets: Targets) -> str | None:
    """The page whose address on the site is ``name`` (``03-explore.html``), if one is."""
    page = f"{name.removesuffix('.html')}.md"
    return page if name.endswith(".html") and page in targets else None


def _link_to_published_page(address: str, page: str, raw: bool) -> LinkProblem:
    """A link copied from the browser: the site's address of a page, not its file."""
    parts = urlsplit(address)
    fixed = urlunsplit(parts._replace(path=f"{parts.path.removesuffix('.html')}.md"))
    link = f"[text]({fixed})" if raw else fixed
    return (
        f"link to '{address}', which is the address of {page} on the published site, "
        "not a file in course/",
        f"{'write a Markdown link' if raw else 'link'} to the page's file instead, which the "
        f"site turns into its address: {link}",
        "page-address",
    )


def broken_link(target: str, current_page: str, anchors: Targets) -> LinkProblem | None:
    """Return (what is wrong, how to fix it, code) if ``target`` names no page or anchor."""
    page_part, _, anchor = target.partition("#")
    page = (course_file(page_part) or page_part) if page_part else current_page
    if page not in anchors:
        return _unknown_page(page_part, page, anchor, anchors)
    if anchor and anchor not in anchors[page]:
        return _unknown_anchor(anchor, page, page_part, anchors[page])
    return None


def _unknown_anchor(anchor: str, page: str, page_part: str, known: Container[str]) -> LinkProblem:
    """What is wrong with a link to ``#anchor``, which no heading of ``page`` has."""
    missing = f"link to '#{anchor}', which is not a heading of {page}"
    if page in GENERATED_PAGES:
        fix = (
            f"{page} is written by the generator, and no heading can be added to it: link "
            "to a section of a page in course/"
        )
        return missing, fix, "unknown-anchor"
    if anchor.startswith(THEME_ID_PREFIX):
        return (
            f"{missing}: ids that start with '{THEME_ID_PREFIX}' are the theme's own",
            "link to one of the page's headings; no heading may take such an id",
            "unknown-anchor",
        )
    other_case = _in_other_case(anchor, known)
    if other_case is not None and anchor == anchor.lower():
        return (
            f"{missing}: the heading's id is written {{#{other_case}}}",
            f"ids are lower case: change the heading's id to {{#{anchor}}}",
            "unknown-anchor",
        )
    if other_case is not None:
        return (
            f"{missing} (ids are lower case)",
            f"did you mean '#{other_case}'? write {page_part}#{other_case}",
            "unknown-anchor",
        )
    if (close := _misspelt(anchor, known)) is not None:
        return missing, f"did you mean '#{close}'? write {page_part}#{close}", "unknown-anchor"
    return missing, _new_id_fix(anchor, page_part), "unknown-anchor"


def _new_id_fix(anchor: str, page_part: str) -> str:
    """How to give a heading the id a link names: that id, or, if it is not lower-case
    ASCII as ids are (``#聆听``), one that is, for the link to name instead."""
    if anchor.isascii():
        return (
            f"write '{{#{anchor}}}' at the end of the heading it should open, in place of any "
            "id the heading has (a heading takes one), or change this link to the heading's id"
        )
    return (
        "ids are lower-case English letters, digits and hyphens: give the heading it should "
        f"open one at the end of its line, such as '{{#{EXAMPLE_ID}}}', in place of any id "
        f"the heading has, and link to it: {page_part}#{EXAMPLE_ID}"
    )


def _unknown_page(page_part: str, page: str, anchor: str, anchors: Targets) -> LinkProblem:
    """A link to a page the course does not have: told the one page that has its section,
    or else the module renamed (or moved) from it."""
    holders = [
        name for name, ids in anchors.items() if isinstance(ids, set | frozenset) and anchor in ids
    ]
    candidates = holders if anchor and len(holders) == 1 else renamed_modules(page, anchors)
    fix = did_you_mean(candidates, f"#{anchor}" if anchor else "")
    return (
        f"link to '{page_part}', which is not a page of the course",
        fix or f"link to one of: {', '.join(sorted(anchors))}",
        "unknown-page",
    )


def _in_other_case(anchor: str, known: Container[str]) -> str | None:
    """The id ``anchor`` names in another case (``Listening`` for ``listening``), if any."""
    if not isinstance(known, Iterable):
        return None
    return next((name for name in sorted(known) if name.lower() == anchor.lower()), None)


def _misspelt(anchor: str, known: Container[str]) -> str | None:
    """The id ``anchor`` is a slip of the keyboard for (``golden-platinm``), if one is."""
    if not isinstance(known, Iterable):
        return None
    close = get_close_matches(anchor, sorted(known), n=1, cutoff=ANCHOR_CLOSENESS)
    return close[0] if close else None


def _link_places(lines: Lines, address: str, raw: bool) -> list[Place]:
    """Where ``address`` is written whole, as an attribute value if ``raw`` and elsewhere if
    not; failing that, wherever it is written."""
    places = text_places(lines, address)
    whole = [
        (number, column)
        for number, column in places
        if lines[number][column - 1 + len(address) :][:1] in ADDRESS_END  # "" at the end too
        and lines[number][max(column - 2, 0) : column - 1] in ADDRESS_START  # "" at the start
    ]
    fitting = [
        (number, column)
        for number, column in whole
        if (column > 1 and lines[number][column - 2] in ATTRIBUTE_START) == raw
    ]
    return fitting or whole or places


def _second_progress_marker(page: Page, text: str) -> Iterator[Problem]:
    """The dashboard twice on one page would give its elements the same ids twice."""
    standing = standing_markers(text).items()
    places = [page.body_line + index for index, marker in standing if marker == PROGRESS_MARKER]
    if len(places) > 1:
        yield Problem(
            page.source.path,
            places[1],
            1,
            f"the page has '{PROGRESS_MARKER}' a second time; it shows the learner's progress once",
            "keep one of the lines",
            "page.duplicate-id",
        )
