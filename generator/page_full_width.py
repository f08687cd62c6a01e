"""Links, pictures, headings, bold text and list items whose marks a Chinese keyboard typed
full-width.

A link takes half-width marks, ``[探索](03-explore.md)``, and a heading half-width '#'s.
Typed in Chinese, ``[探索]（03-explore.md）``, ``【探索】(03-explore.md)`` and ``＃＃ 小节``
are text on the site, so is ``＊＊重点＊＊``, and ``！[图](images/eodc.png)`` is a link to
the picture, not the picture; ``-\u3000要点``, a full-width space after a list item's
marker, is text too. Round brackets are everyday Chinese punctuation, so a link is told
only when its shape is plain: brackets, then round brackets around what is plainly an
address (a page, a file, a web address or a ``#id``), with nothing between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from generator.errors import Problem, Severity
from generator.media import PICTURE_SUFFIXES
from generator.models import Page
from generator.page_text import place_of
from generator.yaml_lines import named_space

LINK_SHAPE = re.compile(
    r"(?P<bang>[!！])?(?P<open>[\[【［])(?P<text>[^\[\]【】［］\n]*)(?P<close>[\]】］])"
    r"(?P<paren>[(（])(?P<address>[^\s()（）\[\]【】［］]+)"
    r"(?P<title>[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'|“(?P<curly>[^”\n]*)”))?"
    r"[ \t]*(?P<end>[)）])"
)
"""A link or picture, each of its marks half- or full-width, its title (``"标题"``) if any
in straight or curly quotes."""
MARKS = ("open", "close", "paren", "end")
QUOTES_FIX = ", and its title's quotes straight"
ADDRESS = re.compile(
    r"(?:[a-z][a-z0-9+.-]*://|mailto:)\S+"
    r"|[^#?]*\.(?:md|html?|png|jpe?g|gif|svg|webp|bmp|pdf|docx?|pptx?|xlsx?|mp[34]|zip)"
    r"(?:[#?]\S*)?"
    r"|#[a-z][a-z0-9_-]*",
    re.IGNORECASE,
)
"""What is plainly a link's address: a web address, a file or page, or a section's #id."""
SPACED_MARKER = re.compile(r"[ >]*(?P<marker>[-+]|\d+\.)(?P<space>[\u3000\u00a0])\S")
"""A list item's marker with a full-width or no-break space after it (``-\u3000要点``), in a
quote too; not '*', which Chinese text also puts before a note (``*\u3000数据来自…``)."""
FULL_WIDTH_HEADING = re.compile(r" *(?P<marks>[#＃]{1,6})(?P<space>[ \t\u3000]*)(?P<text>.*)")
"""A line that starts with '#'s, some typed full-width (``＃＃ 小节``)."""
FULL_WIDTH_BOLD = re.compile(r"(?P<open>[*＊]{2})(?P<text>[^*＊\n]+?)(?P<close>[*＊]{2})")
"""Bold text's marks, half- or full-width (``＊＊客户：＊＊``)."""


def full_width_links(page: Page, text: str) -> Iterator[Problem]:
    """Each link or picture of ``text`` (the body, code blanked) typed with a full-width
    mark: ``[探索]（03-explore.md）`` is text on the site, ``！[图](images/x.png)`` a link."""
    for found in LINK_SHAPE.finditer(text):
        if ADDRESS.fullmatch(found["address"]) is None:
            continue
        typed = [found.start(mark) for mark in MARKS if not found[mark].isascii()]
        if typed:
            yield _link_problem(page, text, found, typed[0])
        elif found["bang"] == "！" and _is_picture(found["address"]):
            yield _picture_problem(page, text, found)


def _link_problem(page: Page, text: str, found: re.Match[str], first: int) -> Problem:
    bang = found["bang"] or ""
    picture = bang == "!" or (bang == "！" and _is_picture(found["address"]))
    link = found[0][len(bang) :]
    written, kind = (found[0], "picture") if picture else (link, "link")
    fixed = ("!" if picture else "") + _half_width(found)
    marks = "".join(found[mark] for mark in MARKS if not found[mark].isascii())
    return Problem(
        page.source.path,
        *place_of(text, first, page.body_line),
        f"the {kind} '{written}' is typed with full-width '{marks}', so the site shows it as text",
        f"type its brackets half-width{'' if found['curly'] is None else QUOTES_FIX}: {fixed}",
        "page.full-width-link",
    )


def _half_width(found: re.Match[str]) -> str:
    """The link ``found`` (without its '!') typed half-width, a title in curly quotes in
    straight ones."""
    title = f' "{found["curly"]}"' if found["curly"] is not None else found["title"] or ""
    return f"[{found['text']}]({found['address']}{title})"


def _picture_problem(page: Page, text: str, found: re.Match[str]) -> Problem:
    return Problem(
        page.source.path,
        *place_of(text, found.start(), page.body_line),
        f"the '！' before '{found[0][1:]}' is full-width, so the site shows a link to the "
        "picture, not the picture",
        f"to show the picture, write {'!' + found[0][1:]}; if the '！' ends a sentence, put "
        "a space after it",
        "page.full-width-picture",
        Severity.WARNING,
    )


def _is_picture(address: str) -> bool:
    return any(address.lower().endswith(suffix) for suffix in PICTURE_SUFFIXES)


def full_width_headings(page: Page, text: str) -> Iterator[Problem]:
    """Each line of ``text`` (the body, code left as empty lines) that starts with '#'s
    some of which are typed full-width: the site shows it as text, not as a heading."""
    for number, line in enumerate(text.splitlines(), page.body_line):
        found = FULL_WIDTH_HEADING.match(line)
        if found is None or found["marks"].isascii() or found["text"].startswith(("#", "＃")):
            continue
        if len(found["marks"]) == 1 and not found["space"]:
            continue  # ＃话题＃: a topic, as WeChat writes one
        level = "#" * max(len(found["marks"]), 2)
        yield Problem(
            page.source.path,
            number,
            found.start("marks") + 1,
            f"'{found['marks']}' is typed full-width, so the site shows "
            f"'{line.strip()}' as text, not as a heading",
            f"type the '#' half-width, with a space after them: {level} {found['text'].strip()}",
            "page.full-width-heading",
        )


def full_width_bold(page: Page, text: str) -> Iterator[Problem]:
    """Bold text in ``text`` (the body, code left as empty lines) whose '**' are typed
    full-width, some or all: the site shows the stars, and the text is not bold."""
    for number, line in enumerate(text.splitlines(), page.body_line):
        for found in FULL_WIDTH_BOLD.finditer(line):
            if (found["open"] + found["close"]).isascii():
                continue
            yield Problem(
                page.source.path,
                number,
                found.start() + 1,
                f"the stars around '{found['text']}' are typed full-width (＊), so the site "
                "shows them, and the text is not bold",
                f"type them half-width: **{found['text']}**",
                "page.full-width-bold",
            )


def spaced_list_markers(page: Page, text: str) -> Iterator[Problem]:
    """Each line of ``text`` (the body, code left as empty lines) that starts like a list
    item but with a full-width or no-break space after its marker: Python-Markdown takes
    only spaces there, so the site shows it as text, run on into the line above."""
    for number, line in enumerate(text.splitlines(), page.body_line):
        found = SPACED_MARKER.match(line)
        if found is None:
            continue
        space, marker = found["space"], found["marker"]
        yield Problem(
            page.source.path,
            number,
            found.start("space") + 1,
            f"'{marker}' is followed by {named_space(space)}, so the site "
            "shows this line as text, not as a list item",
            f"type a half-width space after '{marker}': {marker} {line[found.end('space') :]}",
            "page.list-marker-space",
        )
