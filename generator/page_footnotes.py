"""Footnotes that do not work: one defined that the text never refers to, one referred to
that the page never defines.

The site's footnotes extension lists every definition (``[^1]: 来源：……``) at the page's
foot, numbered in the order the text refers to them; a definition no ``[^1]`` in the text
refers to comes last, under a number no text carries, and its ↩ link back leads nowhere. A
reference with no definition (``[^2]``, or ``[^l]`` for ``[^1]``) is no footnote: the page
shows it as written. Which are which comes from the converted page
(:mod:`generator.page_scan`); each is then looked for in the page's text, outside code.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.errors import Problem
from generator.models import Page
from generator.page_scan import PageScan
from generator.page_text import Lines, Place, text_places
from generator.yaml_hints import FULL_WIDTH_COLONS


def footnote_problems(page: Page, lines: Lines, found: PageScan) -> Iterator[Problem]:
    """A problem at each definition of ``page`` that no text refers to, and at each
    reference to a footnote the page does not define."""
    for name in found.unused_footnotes:
        line, column = _first(page, text_places(lines, f"[^{name}]:"))
        yield Problem(
            page.source.path,
            line,
            column,
            f"the footnote [^{name}] is never referred to in the text: the page lists it at "
            "its foot under a number no text carries, and its ↩ link back leads nowhere",
            f"write [^{name}] in the text where the source is cited, or delete this definition",
            "page.footnote-unused",
        )
    for name in found.undefined_footnotes:
        places = text_places(lines, f"[^{name}]") or [_first(page, [])]
        misdefined = [place for place in places if _full_width_definition(lines, place, name)]
        for line, column in misdefined or places:
            yield (
                _misdefined(page, line, column, name, lines[line])
                if misdefined
                else _undefined(page, line, column, name, found.unused_footnotes)
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
