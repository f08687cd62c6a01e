"""What is wrong with a link or picture of a page, from its address alone: a file on the
trainer's computer, a page or file the course does not have, a section no heading of the
page opens, a slip of the keyboard in the address (:mod:`generator.address_slips`).

Where each link is written, and so which line a problem is told at, is for
:mod:`generator.page_checks` to find.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Container, Iterable, Mapping
from difflib import get_close_matches
from pathlib import PurePosixPath
from urllib.parse import urlsplit, urlunsplit

from generator.address_slips import address_slips
from generator.layout import did_you_mean, renamed_modules
from generator.media import (
    computer_file_link,
    course_file,
    folder_link,
    missing_file,
    outside_course_link,
)
from generator.page_ids import EXAMPLE_ID, THEME_ID_PREFIX
from generator.project import EXAM_NAME, EXAM_PAGES, GENERATED_PAGES

ANCHOR_CLOSENESS = 0.85
"""How alike a link's #id and a heading's must be for the one to be a slip for the other."""

CURLY_QUOTED = re.compile(r"[“”‘’＂＇](?P<address>[^“”‘’＂＇\"']+)[“”‘’＂＇\"']?")
"""An address in curly or full-width quotes: an HTML attribute's value, which HTML reads up
to a space or the tag's end, quotes and all, or a Markdown link's."""
SCRIPT_SCHEMES = ("javascript", "vbscript")
LinkProblem = tuple[str, str, str]
"""What is wrong with a link, how to fix it, and the last part of its code."""
Targets = Mapping[str, Container[str]]
"""Page file name -> the anchors a link to it may name."""


def link_problem(
    address: str, raw: bool, current_page: str, targets: Targets, files: Collection[str]
) -> LinkProblem | None:
    """What is wrong with a link or picture of ``current_page`` to ``address``, if anything.

    ``raw``: written in HTML, which MkDocs publishes as it is, without making a link to a
    page's Markdown file a link to the page.
    """
    if (curly := _curly_quoted(address, raw, current_page, targets, files)) is not None:
        return curly
    parts = urlsplit(address)
    unreachable = computer_file_link(address, files) or _no_place(address, parts.scheme, raw)
    if unreachable is not None:
        return unreachable
    if parts.scheme or parts.netloc:
        return None
    name = course_file(address) if parts.path else current_page
    if name is None:
        rooted = _from_the_root(address, raw, current_page, targets, files)
        return rooted or outside_course_link(address, files)
    if name in files:
        return None
    mistyped = None if raw else _mistyped_link(address, current_page, targets, files)
    if mistyped is not None:
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


def _curly_quoted(
    address: str, raw: bool, current_page: str, targets: Targets, files: Collection[str]
) -> LinkProblem | None:
    """An address in curly quotes, as Word types them: an HTML attribute's value
    (``src=“images/kano.png”``; HTML takes only straight quotes for quotes) or a Markdown
    link's (``![图](“images/kano.png”)``, which takes none), where the quotes are read as part
    of it. Its fix, and what is wrong with the address if it is broken too."""
    found = CURLY_QUOTED.fullmatch(address)
    if found is None:
        return None
    meant = found["address"]
    wrong = f"link to '{address}': its curly quotes are read as part of the address"
    how = (
        f"type the quotes straight (the tag's other values' too): \"{meant}\""
        if raw
        else f"delete the quotes, which an address in a Markdown link takes none of: {meant}"
    )
    still = link_problem(meant, raw, current_page, targets, files)
    if still is None:
        return f"{wrong}, so it leads nowhere", how, "mistyped"
    said, fix, _ = still
    return f"{wrong}; written as meant, it is still broken: {said}", f"{how}, and {fix}", "mistyped"


def _no_place(address: str, scheme: str, raw: bool) -> LinkProblem | None:
    """A Markdown link to a script (``javascript:void(0)``), which leads to no page, or to a
    ``data:`` address, which holds a file itself and which browsers do not open from a link
    (a picture's ``data:image/…`` shows). mkdocs.yml refuses such links
    (``settings.link-scheme``); raw HTML is the trainer's own, and may run a script."""
    if raw:
        return None
    if scheme in SCRIPT_SCHEMES:
        what = ": a script, run when the link is clicked, not a page or a file"
    elif scheme == "data" and not address.strip().lower().startswith("data:image/"):
        what = ", which holds a file in itself: browsers do not open one from a link"
    else:
        return None
    return (
        f"link to '{address}', a '{scheme}:' address{what}",
        "link to a page or a file of the course (03-explore.md, media/name.pdf) or to a web "
        "address (https://…); if it is no link, keep its text without the brackets",
        "scheme",
    )


def _from_the_root(
    address: str, raw: bool, current_page: str, targets: Targets, files: Collection[str]
) -> LinkProblem | None:
    """A link that starts with '/' (``/01-significance.md#round-or-square``) and, without
    it, leads to a page or a file of the course, as the trainer meant."""
    relative = address.lstrip("/")
    if not address.startswith("/") or address.startswith("//") or not relative:
        return None
    if link_problem(relative, raw, current_page, targets, files) is not None:
        return None
    return (
        f"link to '{address}', which starts with '/': it leads out of course/, to the top "
        "of the web server, where the course is not",
        f"links start from this page: drop the '/' and write {relative}",
        "outside-course",
    )


def _mistyped_link(
    address: str, current_page: str, targets: Targets, files: Collection[str]
) -> LinkProblem | None:
    """A link whose address a slip of the keyboard makes name no file (``03-explore.md
    #listening``, ``03-explore.MD``): what is wrong, and the address meant; or, if that is
    broken too (``03-explre.md #listening``), what is wrong with it, and its fix."""
    slips = address_slips(address, lambda page: (course_file(page) or page) in targets)
    if not slips:
        return None
    wrong = f"link to '{address}', which leads nowhere: {'; '.join(s.wrong for s in slips)}"
    how = " and ".join(slip.how for slip in slips)
    meant = slips[-1].fixed.partition(" ")[0]  # without its title, if it has one
    still = link_problem(meant, False, current_page, targets, files)
    if still is None:
        return wrong, f"{how}: {slips[-1].fixed}", "mistyped"
    said, fix, _ = still
    return (
        f"{wrong}; written as meant, {meant}, it is still broken: {said}",
        f"{how}, and {fix}",
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
        moved = _section_elsewhere(anchor, page, anchors)
        return moved or _unknown_anchor(anchor, page, page_part, anchors[page])
    return None


def _pages_with(anchor: str, anchors: Targets) -> list[str]:
    """The pages of the course that have a heading with the id ``anchor``."""
    return [
        name for name, ids in anchors.items() if isinstance(ids, set | frozenset) and anchor in ids
    ]


def _section_elsewhere(anchor: str, page: str, anchors: Targets) -> LinkProblem | None:
    """A link to a section that one other page has: moved there, most likely, with its id."""
    holders = _pages_with(anchor, anchors)
    if len(holders) != 1:
        return None
    return (
        f"link to '#{anchor}', which is not a heading of {page}; {holders[0]} has it",
        f"if the section moved there, link to {holders[0]}#{anchor}",
        "unknown-anchor",
    )


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
        fix = (
            f"did you mean '#{close}'? write {page_part}#{close}; or, if you changed that "
            f"heading's id from '{{#{anchor}}}', change it back: ids never change once "
            "published, as learners' saved links use them"
        )
        return missing, fix, "unknown-anchor"
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
    or else the module renamed (or moved) from it, with the section as that page has it."""
    holders = _pages_with(anchor, anchors)
    fix: str | None
    if "/" in page:
        return _page_in_folder(page_part, page, anchor, anchors)
    if page in EXAM_PAGES:
        fix = (
            f"{page} is a page of the final exam, which the generator writes from "
            f"quizzes/{EXAM_NAME}.yml, and there is no such file: put it back, or delete "
            "the link"
        )
    elif anchor and len(holders) == 1:
        fix = did_you_mean(holders, f"#{anchor}")
    elif anchor:
        fix = _renamed_with_section(renamed_modules(page, anchors), anchor, anchors)
    else:
        fix = did_you_mean(renamed_modules(page, anchors))
    return (
        f"link to '{page_part}', which is not a page of the course",
        fix or f"link to one of: {', '.join(sorted(anchors))}",
        "unknown-page",
    )


def _page_in_folder(page_part: str, page: str, anchor: str, anchors: Targets) -> LinkProblem:
    """A link to ``page``, in a folder under course/ (``extra/appendix.md``): the site's
    pages are the Markdown files directly in course/, and a page in a folder is left out."""
    name, section = PurePosixPath(page).name, f"#{anchor}" if anchor else ""
    said = (
        f"link to '{page_part}', a page in a folder, which the site does not publish: its "
        "pages are the Markdown files directly in course/"
    )
    if name in anchors:
        return said, f"link to the page of that name in course/: {name}{section}", "unknown-page"
    return (
        said,
        f"move the page to course/{name} and link to it there: {name}{section}; or link to one "
        f"of: {', '.join(sorted(anchors))}",
        "unknown-page",
    )


def _renamed_with_section(candidates: list[str], anchor: str, anchors: Targets) -> str | None:
    """The fix that offers the pages a module was renamed to for a link to its ``#anchor``:
    those with that section, or one a slip of it (``#centr``), each written with it; or, if
    none has it, the pages, and how to give one of their headings the id."""
    sections = {page: _id_meant(anchor, anchors[page]) for page in candidates}
    having = {page: section for page, section in sections.items() if section is not None}
    if having and set(having.values()) == {anchor}:
        return did_you_mean(list(having), f"#{anchor}")
    if having:
        return did_you_mean([f"{page}#{section}" for page, section in having.items()])
    offer = did_you_mean(candidates, f"#{anchor}" if anchor.isascii() else "")
    if offer is None:
        return None
    which = candidates[0] if len(candidates) == 1 else "either"
    how = _new_id_fix(anchor, candidates[0])
    return f"{offer}; no heading of {which} has the id '{anchor}' yet: {how}"


def _id_meant(anchor: str, known: Container[str]) -> str | None:
    """The id of ``known`` a link to ``#anchor`` means: that one, or the one it is written
    in another case or with a slip of the keyboard, if any."""
    if anchor in known:
        return anchor
    return _in_other_case(anchor, known) or _misspelt(anchor, known)


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
