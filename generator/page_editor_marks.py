"""Markdown of other editors that the site does not have, and shows as written.

GitHub, Typora, Obsidian and VS Code's previews read more than the site's Markdown does: a
note box written as a quote (``> [!NOTE]``), highlighted (``==一种想法==``) or struck-out
(``~~先谈技巧~~``) text, a raised or lowered note (``^注^``, ``H~2~O``), a formula
(``$$`` … ``$$``), a list's tick boxes (``- [ ] 任务``), an emoji's code (``:smile:``).
A trainer who checks a page in one of them sees it right; learners see the marks, and
``check`` said OK.

A box written as a quote is told as an error: no extension the site can load makes a box of
it. The other marks are told as warnings: an extension added to ``mkdocs.yml`` may show
them as meant (``pymdownx.mark``, ``tilde``, ``caret``, ``arithmatex``, ``tasklist``,
``emoji``), and this check does not see which are added. Each is told only where it is
plainly meant as such markup, as ``~`` is an everyday mark in Chinese (``5~10 天``), and
``^`` and ``$`` in numbers and prices.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from pymdownx.gemoji_db import aliases as ALIASES
from pymdownx.gemoji_db import emoji as EMOJI

from generator.errors import Problem, Severity
from generator.models import Page
from generator.page_blocks import ENGLISH_KINDS, MATERIAL_KINDS
from generator.page_link_addresses import without_comments
from generator.page_text import place_of

ALERT = re.compile(
    r"^(?P<quote>[ \t]*>[ \t]?)\[!(?P<kind>[A-Za-z]+)\](?P<fold>[+-]?)[ \t]*(?P<title>.*)$",
    re.MULTILINE,
)
"""A quote that opens with a GitHub alert's or an Obsidian callout's kind: ``> [!NOTE]``,
``> [!tip]- 小贴士``."""
KIND_MEANT = {
    **{kind: kind for kind in ENGLISH_KINDS},
    **dict.fromkeys(("important", "hint"), "tip"),
    **dict.fromkeys(("caution", "attention", "danger"), "warning"),
    **dict.fromkeys(("info", "todo"), "note"),
    **dict.fromkeys(("summary", "tldr"), "abstract"),
    **dict.fromkeys(("check", "done"), "success"),
    **dict.fromkeys(("help", "faq"), "question"),
    **dict.fromkeys(("fail", "missing", "error", "bug"), "failure"),
    "cite": "quote",
}
"""The kind of the course's boxes (AUTHORING.md) each kind of box of the theme's is told as."""
TITLES = {"note": "注意", "tip": "提示", "important": "重要", "warning": "警告", "caution": "小心"}
"""A GitHub alert's title, as GitHub shows it in Chinese; another kind's is the first word
:data:`generator.page_blocks.ENGLISH_KINDS` has for it."""
FOLD = {"": "!!!", "-": "???", "+": "???+"}
"""The marks of a box that opens as the callout did: ``-`` closed, ``+`` open."""
HIGHLIGHT = re.compile(r"(?<![=A-Za-z0-9_])==(?P<text>[^\s=](?:[^=\n]*[^\s=])?)==(?![=A-Za-z0-9_])")
"""Highlighted text: not a comparison written with two equals signs (``a==b 且 c==d``)."""
STRUCK_OUT = re.compile(r"(?<![~0-9０-９])~~(?P<text>[^\s~](?:[^~\n]*[^\s~])?)~~(?![~0-9０-９])")
"""Struck-out text: not a range written with two tildes (``5~~10 天``)."""
RAISED = re.compile(r"(?P<before>[0-9A-Za-z]*)(?<!\^)\^(?P<text>[0-9A-Za-z\u4e00-\u9fff]+)\^(?!\^)")
"""A raised note or power: ``^注^``, ``2^10^``, not ``a^2+b^2``."""
LOWERED = re.compile(r"(?P<before>[A-Za-z]+)~(?P<text>[0-9]+)~(?P<after>[A-Za-z0-9]*)(?!~)")
"""A chemical formula's number: ``H~2~O``, ``CO~2~``; not a range (``5~10``)."""
DISPLAY_MATH = re.compile(r"^[ \t]*\$\$", re.MULTILINE)
INLINE_MATH = re.compile(r"(?<![$\\])\$(?P<text>[^\s$](?:[^$\n]*?[^\s$])?)\$(?![$0-9])")
FORMULA = re.compile(r"\\[A-Za-z]+|[\^_{]")
"""What only a formula holds: a command (``\\frac``), a power, an index, a group."""
TASK = re.compile(
    r"^(?P<item>[ \t]*(?:[-*+]|[0-9]+[.)])[ \t]+)(?P<box>\[[ xX]\][ \t]+)\S", re.MULTILINE
)
EMOJI_CODE = re.compile(r"(?<![A-Za-z0-9_:/]):(?P<name>[a-z0-9_+-]+):(?![A-Za-z0-9_:/])")
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
SUBSCRIPT = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")
SHOWN = "the site shows the marks as written"
NO_FORMULA = "which the site does not have: it shows the formula's marks as written"
FORMULA_FIX = "write the formula as text (a ÷ b, x², 7 × 24), or show it as a picture"
ALERT_CODE = "page.alert-shown"
MARKUP_CODE = "page.markup-shown"

Finding = tuple[int, str, str]
"""Where a mark is in the text, what is wrong, and how to fix it."""


def editor_marks(page: Page, text: str) -> Iterator[Problem]:
    """Each box written as a quote, and each mark of :mod:`this module's <generator.
    page_editor_marks>` others, in ``text``: ``page``'s body, code left as empty lines and
    code spans blanked."""
    shown = without_comments(text)
    for offset, what, fix in _alerts(shown):
        place = place_of(shown, offset, page.body_line)
        yield Problem(page.source.path, *place, what, fix, ALERT_CODE)
    findings = [finding for find in MARKS for finding in find(shown)]
    for offset, what, fix in sorted(findings):
        place = place_of(shown, offset, page.body_line)
        yield Problem(page.source.path, *place, what, fix, MARKUP_CODE, Severity.WARNING)


def _alerts(text: str) -> Iterator[Finding]:
    for found in ALERT.finditer(text):
        kind = found["kind"].lower()
        if kind not in MATERIAL_KINDS:
            continue
        meant = KIND_MEANT.get(kind, "note")
        title = found["title"].strip() or TITLES.get(kind) or ENGLISH_KINDS[meant][0]
        yield (
            found.start("kind") - 2,
            f"'{found[0].strip()}' opens a note box in GitHub or Obsidian, not on the site, "
            f"which shows a quote starting with '[!{found['kind']}]'",
            f'write the box\'s first line as {FOLD[found["fold"]]} {meant} "{title}", and '
            "its text on the lines below, each indented 4 spaces in place of '>'",
        )


def _highlights(text: str) -> Iterator[Finding]:
    for found in HIGHLIGHT.finditer(text):
        yield (
            found.start(),
            f"'{found[0]}' is highlighted text in Typora or Obsidian, which the site does not "
            f"have: {SHOWN}",
            f"make it bold: **{found['text']}**",
        )


def _struck_out(text: str) -> Iterator[Finding]:
    for found in STRUCK_OUT.finditer(text):
        yield (
            found.start(),
            f"'{found[0]}' is struck-out text in GitHub or Typora, which the site does not "
            f"have: {SHOWN}",
            f"delete the '~~' marks and say in words that it is wrong (不要说：“{found['text']}”)"
            ", or delete the text",
        )


def _raised(text: str) -> Iterator[Finding]:
    for found in RAISED.finditer(text):
        digits = found["text"].isascii() and found["text"].isdigit()
        yield (
            found.start(),
            f"'{found[0]}' is raised text in Typora, which the site does not have: {SHOWN}",
            f"write the raised digits: {found['before']}{found['text'].translate(SUPERSCRIPT)}"
            if digits
            else "delete the '^' marks; for a note, cite a footnote ([^1]) and define it at "
            "the end of the page",
        )


def _lowered(text: str) -> Iterator[Finding]:
    for found in LOWERED.finditer(text):
        lowered = found["text"].translate(SUBSCRIPT)
        yield (
            found.start(),
            f"'{found[0]}' is lowered text in Typora, which the site does not have: {SHOWN}",
            f"write the lowered digits: {found['before']}{lowered}{found['after']}",
        )


def _formulas(text: str) -> Iterator[Finding]:
    """Each formula: its first ``$$`` (one left open closes on a later line, told with
    it), and ``$…$`` holding what only a formula holds (not a price: ``$5 或 $10``)."""
    closing = False
    for found in DISPLAY_MATH.finditer(text):
        line = text[found.end() :].partition("\n")[0]
        closing, told = not closing and "$$" not in line, not closing
        if told:
            yield found.end() - 2, f"'$$' opens a formula in Typora, {NO_FORMULA}", FORMULA_FIX
    for found in INLINE_MATH.finditer(text):
        if FORMULA.search(found["text"]):
            yield found.start(), f"'{found[0]}' is a formula in Typora, {NO_FORMULA}", FORMULA_FIX


def _tasks(text: str) -> Iterator[Finding]:
    for found in TASK.finditer(text):
        box = found["box"].strip()
        yield (
            found.start("box"),
            f"'{box}' is a tick box in GitHub or Typora, which the site does not have: it "
            "shows the brackets as written",
            f"delete '{box}': the list's item reads the same without it",
        )


def _emoji(text: str) -> Iterator[Finding]:
    for found in EMOJI_CODE.finditer(text):
        known = EMOJI.get(ALIASES.get(found[0], found[0]))
        if known is None:
            continue
        character = "".join(chr(int(point, 16)) for point in known["unicode"].split("-"))
        yield (
            found.start(),
            f"'{found[0]}' is an emoji's code in GitHub or Typora, which the site does not "
            "have: it shows the code as written",
            f"type the emoji itself: {character}",
        )


MARKS: tuple[Callable[[str], Iterator[Finding]], ...] = (
    _highlights,
    _struck_out,
    _raised,
    _lowered,
    _formulas,
    _tasks,
    _emoji,
)
"""Each kind of mark told as a warning."""
