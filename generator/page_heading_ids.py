"""Headings' ids the site shows as text: typed full-width (``｛#id｝``), not the one ``{…}``
that ends the line, or written with no space before it; and headings it shows as text whole,
for the spaces before their '#'.

Python-Markdown's ``attr_list`` takes a heading's ``{#id}`` only alone at the end of its
line, after a space; anywhere else the braces show on the page, and a link to the id finds
no heading. Python-Markdown takes a '#' as a heading's only first on its line (or, in a list
item or a box, four spaces in).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown.extensions.attr_list import AttrListTreeprocessor

from generator.errors import Problem
from generator.models import Page
from generator.page_text import Lines
from generator.yaml_lines import SPACE_NAMES, named_space

FULL_WIDTH_ID = re.compile(
    r"^#{1,6}\s.*?(?P<written>(?P<open>[{｛])\s*(?P<hash>[#＃])(?P<name>[^{}｛｝\s]+)"
    r"(?P<rest>[^{}｛｝]*?)\s*(?P<close>[}｝]))\s*$"
)
"""A heading that ends with an id (and maybe classes) in braces, each brace and the '#'
half- or full-width."""
ATX_HEADING = re.compile(r"#{1,6}\s")
"""The start of a heading written with '#', up to its text."""
HALF_BRACED_ID = re.compile(
    r"#{1,6}\s.*?\s(?P<written>\{\s*#(?P<opened>[a-z][\w-]*)|#(?P<closed>[a-z][\w-]*)\})\s*",
    re.ASCII | re.IGNORECASE,
)
"""A heading that ends with an id one of whose braces is missing: ``{#recovery`` or
``#recovery}``."""
INDENTED_HEADING = re.compile(
    r"(?P<spaces> {1,3}| {0,3}[\u3000\u00a0][ \u3000\u00a0]*)(?P<heading>#{1,6}[ \t]+\S.*)"
)
"""A heading with one to three spaces before its '#'s, or spaces a Chinese input method or a
web page types (full-width, no-break), as many as may be: Word indents a paragraph's first
line (首行缩进) with two full-width ones."""
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
ATTRIBUTES_AS_TEXT = re.compile(r"\{:?\s*(?P<hash>[#.])(?P<name>[^{}\s]+)[^{}]*\}")
"""An id or class in braces (``{#who-cares}``, ``{: .big}``) the site shows as text."""


def full_width_ids(page: Page, lines: Lines) -> Iterator[Problem]:
    """Each heading whose ``{#id}`` a Chinese input method typed full-width (``｛#id｝``):
    the site shows it as text, and a link to the id finds no heading."""
    for number, found in _full_width(lines):
        name, rest = found["name"], found["rest"].strip()
        yield Problem(
            page.source.path,
            number,
            found.start("written") + 1,
            f"the heading's id '{found['written']}' is written full-width, so the site shows "
            "it as text and no link can reach the section",
            f"write the braces and the '#' half-width: {{#{name}{' ' + rest if rest else ''}}}",
            "page.full-width-id",
        )


def ids_not_last(page: Page, lines: Lines) -> Iterator[Problem]:
    """Each heading with a ``{#id}`` that is not its one ``{…}``, last on the line
    (``## 标题 {#a}。``, ``## 标题 {#a} {.big}``): the site shows it as text."""
    for number, found in _not_last(lines):
        ids = [each["name"] for each in found if each["hash"] == "#"] or ["id"]
        classes = "".join(f" .{each['name']}" for each in found if each["hash"] == ".")
        what, fix = (
            f"the heading's '{found[0][0]}' is not the one '{{…}}' that ends the line",
            "put the id and any classes in one pair of braces, last on the line: "
            f"{{#{ids[0]}{classes}}}",
        )
        if _unspaced(lines[number], found):
            what = f"the heading's '{found[0][0]}' has no space before it"
            fix = f"put a space before '{{': … {found[0][0]}"
        elif (odd := _odd_spaced(lines[number], found)) is not None:
            what, fix = odd
        heading = ATX_HEADING.match(lines[number])
        if heading and not lines[number][heading.end() : found[0].start()].strip():
            what = f"the heading has no text before its '{found[0][0]}'"
            fix = f"write the heading's text before it: {heading[0]}标题 {found[0][0]}"
        yield Problem(
            page.source.path,
            number,
            found[0].start() + 1,
            f"{what}, so the site shows it as text, and the heading does not get the id",
            fix,
            "page.id-as-text",
        )


def ids_missing_a_brace(page: Page, lines: Lines) -> Iterator[Problem]:
    """Each heading that ends with an id one of whose braces is missing (``{#recovery``,
    ``#recovery}``): the site shows it as text."""
    for number, found in _half_braced(lines):
        name = found["opened"] or found["closed"]
        brace = "}" if found["opened"] else "{"
        yield Problem(
            page.source.path,
            number,
            found.start("written") + 1,
            f"the heading's '{found['written']}' has no '{brace}', so the site shows it as "
            "text, and the heading does not get the id",
            f"write the id in a pair of braces: {{#{name}}}",
            "page.id-as-text",
        )


def _half_braced(lines: Lines) -> Iterator[tuple[int, re.Match[str]]]:
    for number, line in lines.items():
        if (found := HALF_BRACED_ID.fullmatch(line)) is not None:
            yield number, found


def _unspaced(line: str, found: list[re.Match[str]]) -> bool:
    """Whether a heading's one ``{…}``, last on the line, is shown as text for want of a
    space before it (``## 服务补救五步法{#service-recovery}``)."""
    if len(found) != 1:
        return False
    start, end = found[0].span()
    return not line[start - 1].isspace() and not _heading_text(line[end:]).strip()


def _odd_spaced(line: str, found: list[re.Match[str]]) -> tuple[str, str] | None:
    """What is wrong with a heading whose one ``{…}``, last on the line, is shown as text for
    a full-width or no-break space before it (``## 客户成功　{#customer-success}``), which
    ``attr_list`` does not take for one, and how to fix it; None for any other heading."""
    if len(found) != 1 or _heading_text(line[found[0].end() :]).strip():
        return None
    before = line[: found[0].start()]
    spaces = before[len(before.rstrip()) :]
    odd = next((space for space in spaces if space in SPACE_NAMES), None)
    if odd is None:
        return None
    written = found[0][0]
    replaced = SPACE_NAMES[odd].removeprefix("a ") if spaces == odd else "spaces before '{'"
    return (
        f"the heading's '{written}' has {named_space(odd)} before it, not an ordinary one",
        f"replace the {replaced} with one ordinary space: … {written}",
    )


def indented_headings(page: Page, lines: Lines) -> Iterator[Problem]:
    """Each heading with spaces before its '#' (`` ## 服务补救 {#recovery}``, ``　## 小结``,
    a full-width one): the site shows it as text, its '#'s and ``{#id}`` too, and a link to
    its id finds no heading."""
    for number, found in _indented(lines):
        odd = next((space for space in found["spaces"] if space in SPACE_NAMES), "")
        what = f"{named_space(odd)} before its '#'" if odd else "spaces before its '#'"
        yield Problem(
            page.source.path,
            number,
            1,
            f"the heading '{found['heading']}' has {what}, so the site shows it as text, not "
            "as a heading",
            "delete the spaces before the '#' (in a list item or a box, indent it four "
            f"{'half-width ' if odd else ''}spaces)",
            "page.indented-heading",
        )


def ids_shown_as_text(lines: Lines) -> set[str]:
    """The ids of the headings whose ``{#id}`` the site shows as text (typed full-width, not
    last on the line, a brace missing, or the whole heading for the spaces before it): links
    to them are told of the heading, not to add the id."""
    typed_full_width = {found["name"] for _, found in _full_width(lines)}
    not_last = {
        each["name"] for _, found in _not_last(lines) for each in found if each["hash"] == "#"
    }
    indented = {
        written["name"]
        for _, found in _indented(lines)
        if (written := FULL_WIDTH_ID.match(found["heading"])) is not None
    }
    half_braced = {found["opened"] or found["closed"] for _, found in _half_braced(lines)}
    return typed_full_width | not_last | indented | half_braced


def _indented(lines: Lines) -> Iterator[tuple[int, re.Match[str]]]:
    """Each heading with spaces before its '#', outside HTML comments."""
    text = COMMENT.sub(lambda found: "\n" * found[0].count("\n"), "\n".join(lines.values()))
    for number, line in zip(lines, text.split("\n") if lines else [], strict=True):
        if (found := INDENTED_HEADING.fullmatch(line)) is not None:
            yield number, found


def _not_last(lines: Lines) -> Iterator[tuple[int, list[re.Match[str]]]]:
    """The ids and classes in braces of each heading that Python-Markdown shows as text:
    all but a last one (which ``attr_list`` takes only if it holds no other braces)."""
    for number, line in lines.items():
        heading = ATX_HEADING.match(line)
        if heading is None:
            continue
        start, text = heading.end(), _heading_text(line[heading.end() :])
        last = _attribute_list(text)
        if last is not None and not {"{", "}"} & set(last.group(1)):
            text = text[: last.start()]
        found = list(ATTRIBUTES_AS_TEXT.finditer(line, start, start + len(text)))
        if found:
            yield number, found


def _attribute_list(text: str) -> re.Match[str] | None:
    """The attribute list ending a heading's ``text``, as ``attr_list`` finds it. Its pattern
    starts with a run of spaces, and searched for, it takes time growing with the square of
    a long run: it is matched at the start of the spaces before each ' {' instead, in turn."""
    for brace in re.finditer(" \\{", text):
        found = AttrListTreeprocessor.HEADER_RE.match(text, len(text[: brace.start()].rstrip(" ")))
        if found is not None:
            return found
    return None


def _heading_text(written: str) -> str:
    """A heading's text after its '#'s, without the '#'s that may close it (Python-Markdown
    drops them, a space before them or not). Stripped in Python: a pattern ending in
    ``.*?#*\\s*$`` takes time growing with the square of a long run of spaces."""
    return written.rstrip().rstrip("#")


def _full_width(lines: Lines) -> Iterator[tuple[int, re.Match[str]]]:
    """Each heading whose id's braces or '#' are full-width, and where they are."""
    for number, line in lines.items():
        found = FULL_WIDTH_ID.match(line)
        if found is not None and not (found["open"] + found["hash"] + found["close"]).isascii():
            yield number, found
