"""Footnotes that do not work: one defined that the text never refers to, one referred to
that the page never defines.

The site's footnotes extension lists every definition (``[^1]: 来源：……``) at the page's
foot, numbered in the order the text refers to them; a definition no ``[^1]`` in the text
refers to comes last, under a number no text carries, and its ↩ link back leads nowhere. A
reference with no definition (``[^2]``, or ``[^l]`` for ``[^1]``) is no footnote: the page
shows it as written. Which are which comes from the converted page
(:mod:`generator.page_scan`); each is then looked for in the page's text, outside code.

Most often a slip of the keyboard is the cause, and told as such: a reference or a
definition typed with full-width brackets (``［^1］``, ``［^1］: 来源``), which is text
(told wherever it is, even where the footnote works elsewhere on the page); a definition
typed with a full-width colon (``[^1]：``), or indented four spaces, which makes it code or a
line of the paragraph above.

A footnote defined twice (``[^1]: 来源：甲`` and ``[^1]: 来源：乙``) is one footnote on the site,
with one of the two texts: the other source is lost without a word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from generator.errors import Problem, joined_with_and
from generator.models import Page
from generator.page_scan import PageScan
from generator.page_text import Lines, Place, blanked, place_of, text_places
from generator.yaml_hints import FULL_WIDTH_COLONS

FULL_WIDTH_REFERENCE = re.compile(
    r"(?P<open>[\[［【])(?P<caret>[\^＾])(?P<name>[^\]］】\s^＾]+)(?P<close>[\]］】])"
)
"""A footnote's reference, each of its marks half- or full-width (``［^1］``); not a face
typed in brackets (``【^_^】``)."""
MARKS = ("open", "caret", "close")
DEFINITION_AFTER = re.compile(r"\s*[:：]")
"""What follows a footnote's name where it is defined, not referred to."""
INDENTED_DEFINITION = r"(?: {{4}}|\t)[ \t]*\[\^{name}\]:"
"""A footnote's definition indented four spaces or more: code, or a line of a paragraph."""
DEFINITION = re.compile(r"^ {0,3}\[\^(?P<name>[^\]\n]+)\]:[ \t]*(?P<text>.*)$", re.MULTILINE)
"""A footnote's definition as the footnotes extension finds one, with its text's first line."""
REFERENCE = re.compile(r"\[\^([^\]\n]+)\]")
"""A footnote's name in brackets, referred to or defined."""
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
"""An HTML comment: a definition in one (an old source kept) is none."""
TRAILING_NUMBER = re.compile(r"(?P<stem>.*?)(?P<number>\d*)")
"""A footnote's name as the number it ends in, if any, and what comes before it."""


def footnote_problems(page: Page, lines: Lines, text: str, found: PageScan) -> Iterator[Problem]:
    """A problem at each reference or definition typed full-width, at each definition of
    ``page`` that no text refers to (unless a reference to it is typed full-width), and at
    each reference to a footnote the page does not define (or at its definition, typed with
    a full-width colon or indented, unless it is typed full-width). ``text``: the body, code
    blocks left as empty lines."""
    referred: set[str] = set()
    defined: set[str] = set()
    for name, definition, problem in _full_width_marks(page, text):
        (defined if definition else referred).add(name)
        yield problem
    yield from _defined_twice(page, text, found.undefined_footnotes)
    for name in found.unused_footnotes:
        if name not in referred:
            yield _unused(page, lines, name)
    for name in found.undefined_footnotes:
        if name in defined:
            continue
        indented = list(_indented_definitions(page, lines, text, name))
        yield from indented or _undefined_references(page, lines, name, found.unused_footnotes)


def _undefined_references(
    page: Page, lines: Lines, name: str, unused: list[str]
) -> Iterator[Problem]:
    """A problem at each reference to the footnote ``name``, which the page does not
    define; or at its definitions typed with a full-width colon, if there are any."""
    places = text_places(lines, f"[^{name}]") or [_first(page, [])]
    misdefined = [place for place in places if _full_width_definition(lines, place, name)]
    for line, column in misdefined or places:
        yield (
            _misdefined(page, line, column, name, lines[line])
            if misdefined
            else _undefined(page, line, column, name, unused)
        )


def _unused(page: Page, lines: Lines, name: str) -> Problem:
    line, column = _first(page, text_places(lines, f"[^{name}]:"))
    return Problem(
        page.source.path,
        line,
        column,
        f"the footnote [^{name}] is never referred to in the text: the page lists it at "
        "its foot under a number no text carries, and its ↩ link back leads nowhere",
        f"write [^{name}] in the text where the source is cited, or delete this definition",
        "page.footnote-unused",
    )


def _full_width_marks(page: Page, text: str) -> Iterator[tuple[str, bool, Problem]]:
    """Each reference to a footnote (``［^1］``, ``【^1】``) and each definition (``［^1］:``)
    in ``text`` typed with a full-width mark, which the site shows as written: the footnote's
    name, whether it is a definition, and the problem. A name of any characters
    (``[^注1]``) typed with half-width marks is a footnote, and no slip."""
    defined = {found["name"] for found in DEFINITION.finditer(_uncommented(text))}
    for found in FULL_WIDTH_REFERENCE.finditer(text):
        marks = "".join(found[mark] for mark in MARKS if not found[mark].isascii())
        if not marks:
            continue
        name = _name_meant(found["name"], defined)
        typed = ["the brackets"] if found["open"] + found["close"] != "[]" else []
        typed += [] if found["caret"].isascii() else ["the '^'"]
        place = place_of(text, found.start(), page.body_line)
        if (colon := _starts_definition(text, found)) is not None:
            line_end = text.find("\n", colon.end())
            written = text[colon.end() : None if line_end < 0 else line_end].strip()
            said = "the line defines no footnote and the page shows it as written"
            fixed = f"[^{name}]: {written}"
            typed += [] if colon[0].strip() == ":" else ["the colon"]
        else:
            said = f"the site shows it as written, not as a reference to the footnote [^{name}]"
            fixed = f"[^{name}]"
        problem = Problem(
            page.source.path,
            *place,
            f"'{found[0]}' is typed with full-width '{marks}', so {said}",
            f"type {joined_with_and(typed)} half-width: {fixed}",
            "page.footnote-full-width",
        )
        yield name, colon is not None, problem


def _name_meant(written: str, defined: set[str]) -> str:
    """The footnote's name ``written`` with full-width marks stands for: typed half-width
    (``１`` as ``1``), unless the page defines it as written."""
    return written if written in defined else unicodedata.normalize("NFKC", written)


def _uncommented(text: str) -> str:
    """``text`` with its HTML comments blanked."""
    return COMMENT.sub(lambda comment: blanked(comment[0]), text)


def _defined_twice(page: Page, text: str, undefined: list[str]) -> Iterator[Problem]:
    """A problem at each definition of a footnote the page defined above it: the site shows
    one footnote under each name, with one of the texts, and the other source is lost.
    The fix names a footnote referred to but defined nowhere (``undefined``), likely the
    one meant, or else a name the page does not use."""
    first_lines: dict[str, int] = {}
    taken = set(REFERENCE.findall(text))
    spare = [name for name in undefined if name in taken and not _starts_a_line(text, name)]
    for found in DEFINITION.finditer(_uncommented(text)):
        name = found["name"]
        line, column = place_of(text, found.start("name") - 2, page.body_line)
        if name not in first_lines:
            first_lines[name] = line
            continue
        other = spare.pop(0) if spare else _unused_name(name, taken)
        taken.add(other)
        renamed = (
            f"if this is the source the text cites as [^{other}], which the page defines "
            "nowhere, name it so"
            if other in undefined
            else "if this is another source, give it a name of its own and write "
            f"[^{other}] in the text where it is cited"
        )
        yield Problem(
            page.source.path,
            line,
            column,
            f"the footnote [^{name}] is defined twice, here and on line {first_lines[name]}, "
            "but the site shows one footnote under each name, with one of the two texts: "
            "the other source is lost",
            f"{renamed}: [^{other}]: {found['text'].strip()}; if it is the same source, delete "
            "one of the two definitions",
            "page.footnote-twice",
        )


def _starts_a_line(text: str, name: str) -> bool:
    """Whether ``[^name]`` starts a line of ``text``: a definition mistyped
    (``[^2]：来源``, told by :func:`_misdefined`), which a fix should not define again."""
    return re.search(rf"^[ \t]*\[\^{re.escape(name)}\]", text, re.MULTILINE) is not None


def _unused_name(name: str, taken: set[str]) -> str:
    """A footnote's name like ``name`` that is not in ``taken``: its number, or ``2``
    after it, counted up (``1`` → ``2``, ``注1`` → ``注2``, ``来源`` → ``来源2``)."""
    parts = TRAILING_NUMBER.fullmatch(name)
    assert parts is not None  # the pattern matches any name
    number = int(parts["number"] or 1) + 1
    while f"{parts['stem']}{number}" in taken:
        number += 1
    return f"{parts['stem']}{number}"


def _starts_definition(text: str, found: re.Match[str]) -> re.Match[str] | None:
    """The colon after the footnote's name ``found`` if the name starts its line: a
    definition."""
    line_start = text.rfind("\n", 0, found.start()) + 1
    if text[line_start : found.start()].strip():
        return None
    return DEFINITION_AFTER.match(text, found.end())


def _indented_definitions(page: Page, lines: Lines, text: str, name: str) -> Iterator[Problem]:
    """Each definition of the footnote ``name`` indented four spaces or more, which the site
    shows as code (after a blank line) or as a line of the paragraph above."""
    shown = text.split("\n")
    definition = re.compile(INDENTED_DEFINITION.format(name=re.escape(name)))
    for number, line in lines.items():
        if definition.match(line) is None:
            continue
        index = number - page.body_line
        as_code = 0 <= index < len(shown) and not shown[index].strip()
        yield Problem(
            page.source.path,
            number,
            1,
            f"the definition of [^{name}] is indented, so the site shows it "
            f"{'as code' if as_code else 'as a line of the paragraph above'}, not as a footnote",
            f"start the line at the left edge, with no spaces before it: {line.strip()}",
            "page.footnote-indented",
        )


def _full_width_definition(lines: Lines, place: Place, name: str) -> bool:
    """Whether the reference to ``name`` at ``place`` starts its line and is followed by a
    full-width colon: a definition as a Chinese input method types it."""
    line, column = place
    text = lines.get(line, "")
    after = text[column - 1 + len(f"[^{name}]") :]
    return not text[: column - 1].strip() and after[:1] in FULL_WIDTH_COLONS


def _misdefined(page: Page, line: int, column: int, name: str, text: str) -> Problem:
    written = text[column - 1 + len(f"[^{name}]") + 1 :].strip()
    return Problem(
        page.source.path,
        line,
        column,
        f"[^{name}] is followed by a full-width colon '：', so the line defines no footnote "
        "and the page shows it as written",
        f"write a half-width ':' after it, and a space: [^{name}]: {written}",
        "page.footnote-full-width-colon",
    )


def _undefined(page: Page, line: int, column: int, name: str, unused: list[str]) -> Problem:
    return Problem(
        page.source.path,
        line,
        column,
        f"the footnote [^{name}] is defined nowhere on the page, so the page shows "
        f"'[^{name}]' as written",
        _reference_fix(name, unused),
        "page.footnote-undefined",
    )


def _reference_fix(name: str, unused: list[str]) -> str:
    defined = ", ".join(f"[^{other}]" for other in unused)
    correct = (
        f"correct the name to a footnote the page defines but the text never refers to: {defined}"
        if unused
        else "correct the name to a footnote the page defines"
    )
    return f"add a line '[^{name}]: 来源：……' with its text at the end of the page, or {correct}"


def _first(page: Page, places: list[Place]) -> Place:
    """The first of ``places``, or the start of the page's body if there is none."""
    return places[0] if places else (page.body_line, 1)
