"""Lines meant to stand apart that the site runs on into the line above them.

Python-Markdown starts a paragraph only after a blank line. Lines with none between them
are one paragraph, whatever each starts with: a dialogue written one turn a line
(``**客户：**……``, then ``**营业员：**……``) shows as one block of text, each turn running
on from the one before. And a line of text right under a list's last item, at the list's
left edge, is no paragraph after the list: it runs on into that item's text (lazy
continuation), in the bullet. Joined to the line above it, as a line break between two
Chinese characters is told to be (``page.line-break-in-chinese``), either would stay where
it is for good: a blank line above it is the fix, and :func:`lines_told_joined` names the
lines told here, for that check to leave them alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from markdown.blockprocessors import HRProcessor

from generator.errors import Problem, Severity
from generator.models import Page
from generator.page_blocks import BOX_INDENT, opens_block
from generator.page_headings import SPLITTERS, not_markdown_text
from generator.page_lists import (
    CHINESE_BULLET,
    CHINESE_NUMBER,
    HARD_BREAK,
    ITEM_PATTERNS,
    WORD_BULLET,
)
from generator.page_text import Lines, indented_code

LEAD = re.compile(r"(?P<indent>[ \t]*)(?P<quotes>(?:>[ \t]*)*)")
"""What comes before a line's text: its indent and the '>' of the quotes it is in."""
BOLD_LABEL = re.compile(r"\*\*[^\s*：:`]{1,12}(?:[：:]\*\*|\*\*[：:])")
"""A speaker's name in bold, its colon inside the stars or after them, full-width or not:
``**客户：**``, ``**柜员（半小时后）：**``, ``**客户**:``."""
PLAIN_LABEL = re.compile(r"[\u4e00-\u9fff]\w{0,5}(?:[（(][^（()）\n]{1,10}[）)])?[：:](?=\S)")
"""A speaker's name in Chinese, with no stars, as a quote writes one: ``客户：``, ``顾客甲：``,
``营业员（微笑）：``, with the turn's words right after it."""
MID_SENTENCE = "，、,：:；;（(“‘「『《—–-/"
"""What a line cut in the middle of a sentence ends with: the next line goes on with it."""
GOES_ON = re.compile(r"[a-z，。、；：？！）」』”’》,.;:?!)\]}]")
"""How a line that goes on with the sentence of the line above starts."""
OWN_BLOCK = re.compile(r"[#＃>|｜<]|: |\[\^|!!!|\?\?\?|===|\*\[|[=-]+ *$")
"""How a line starts that is no paragraph's text (a heading, a quote, a table, HTML, a box,
a tab, a definition, a footnote or a reference, a heading's underline), after its indent."""
TURN = "page.turns-joined"
UNDER_LIST = "page.paragraph-in-list"


@dataclass(frozen=True)
class Turn:
    """A line that starts with a speaker's name."""

    label: str
    """The name, as written: ``**客户：**``, ``客户：``."""
    column: int
    """Where the name starts, from 0."""
    within: tuple[int, int]
    """The line's indent and how many quotes it is in: two lines are in one paragraph only
    where both are the same."""


def turns_joined(page: Page, lines: Lines) -> Iterator[Problem]:
    """Each line that starts with a speaker's name (a dialogue's turn) right under another
    such line of its paragraph: the site runs the two on as one paragraph, which no one
    writing a turn a line means, so it is an error. Only what is plainly a name is read as
    one (:data:`BOLD_LABEL`, :data:`PLAIN_LABEL`), on two lines of one indent and as many
    quotes; a turn under a list item's line, as more of its text, is left alone."""
    for number, (above, turn) in _joined_turns(page, lines).items():
        depth = turn.within[1]
        where = f"put a line holding only '{' '.join('>' * depth)}' above it" if depth else ""
        yield Problem(
            page.source.path,
            number,
            turn.column + 1,
            f"this line starts with '{turn.label}' as the line above it starts with "
            f"'{above.label}', with no blank line between, so the site runs the two on as one "
            "paragraph",
            (where or "leave a blank line above it")
            + ", so that it starts a paragraph (a turn) of its own",
            TURN,
        )


def paragraphs_in_list(page: Page, lines: Lines) -> Iterator[Problem]:
    """Each line of text at a list's left edge right under the line of one of its items:
    the site shows it as more of that item's text, in the bullet, not as a paragraph after
    the list. It may be meant so, a long item that an editor broke in two without
    indenting the rest: so it is a warning, whose fix says what to do either way; and where
    the break is plainly inside the item, it is not told: the item's line breaks off
    mid-sentence (after '，' or '、') or with a line break (two spaces), or the line starts
    as one that goes on (with '，' or a lower-case letter). A line indented further than
    the list's marks is the item's text by intent, and one that starts a block of its own
    (a heading, a box, a table) or an item marked as Word or a Chinese keyboard marks one is
    no paragraph after the list."""
    written = _written(page)
    for number, item in _lines_under_lists(page, lines).items():
        yield Problem(
            page.source.path,
            number,
            _indent(written[number]) + 1,
            f"this line is right under the list item of line {item}, at the list's left "
            "edge, with no blank line between, so the site shows it as more of that item's "
            "text, in the bullet, not as a paragraph after the list",
            "leave a blank line above it to start a paragraph after the list; if it is more "
            "of the item's text, join it to the end of the line above",
            UNDER_LIST,
            Severity.WARNING,
        )


def lines_told_joined(page: Page, lines: Lines) -> set[int]:
    """The numbers of the lines of ``page`` (``lines``) that :func:`turns_joined` and
    :func:`paragraphs_in_list` tell of: a blank line above each is its fix, not joining it
    to the line above."""
    return {*_joined_turns(page, lines), *_lines_under_lists(page, lines)}


def _joined_turns(page: Page, lines: Lines) -> dict[int, tuple[Turn, Turn]]:
    """Each line that starts with a speaker's name right under another of its paragraph,
    neither raw HTML, a table's row or code, and the line above not ending in a line break
    or mid-sentence: its number -> the turn above and its own."""
    written = _written(page)
    skipped = not_markdown_text(lines) | indented_code(lines, page)
    found: dict[int, tuple[Turn, Turn]] = {}
    for number in sorted(lines):
        if number - 1 not in lines or number in skipped or number - 1 in skipped:
            continue
        above, turn = _turn(lines[number - 1]), _turn(lines[number])
        if above is None or turn is None or above.within != turn.within:
            continue
        line_above = written[number - 1]
        if not HARD_BREAK.search(line_above) and not line_above.rstrip().endswith(
            tuple(MID_SENTENCE)
        ):
            found[number] = above, turn
    return found


def _turn(line: str) -> Turn | None:
    """The turn ``line`` starts, if it starts with a speaker's name after its indent and
    quotes."""
    lead = LEAD.match(line)
    assert lead is not None  # it matches an empty start too
    label = BOLD_LABEL.match(line, lead.end()) or PLAIN_LABEL.match(line, lead.end())
    if label is None:
        return None
    within = (_indent(lead["indent"]), lead["quotes"].count(">"))
    return Turn(label[0], label.start(), within)


def _lines_under_lists(page: Page, lines: Lines) -> dict[int, int]:
    """Each line of text at a list's left edge right under one of its item's lines (the
    list starting a block: one right under a line of text is told of as such): its number
    -> the line of the item whose text it runs on into. Lines that go on with the item's
    sentence are left out (:func:`_goes_on`), as are raw HTML, tables and code."""
    written = _written(page)
    skipped = not_markdown_text(lines) | indented_code(lines, page)
    found: dict[int, int] = {}
    item: tuple[int, int] | None = None  # the line above's item: its line, the list's column
    for number in sorted(lines):
        line = lines[number]
        if not line.strip() or number in skipped:
            item = None
            continue
        if number - 1 not in lines:  # fenced code above
            item = None
        column = _indent(line)
        if _starts_item(line):
            if item is not None and column >= item[1]:
                item = (number, item[1])
            else:
                item = (number, column) if _starts_block(lines, number) else None
        elif item is None or column > item[1]:
            continue
        elif column < item[1] or OWN_BLOCK.match(line.lstrip()) or _list_like(line):
            item = None
        elif not _goes_on(written[number - 1], written[number]):
            found[number], item = item[0], None
    return found


def _starts_item(line: str) -> bool:
    """Whether ``line`` starts a list item, as Python-Markdown reads one, and is no rule."""
    text = line.expandtabs(BOX_INDENT).lstrip(" ")
    return not HRProcessor.SEARCH_RE.match(text) and any(p.match(text) for p in ITEM_PATTERNS)


def _starts_block(lines: Lines, number: int) -> bool:
    """Whether line ``number`` starts a block: after a blank line or none (the body's start,
    fenced code), a heading or a box's first line."""
    above = lines.get(number - 1, "").strip()
    return not above or above.startswith("#") or opens_block(above)


def _list_like(line: str) -> bool:
    """Whether ``line`` is an item marked as Word or a Chinese keyboard marks one, or a line
    Python-Markdown takes out of its block (an abbreviation, a reference, a rule): no
    paragraph after the list, and told of as such where it is one."""
    marks = (WORD_BULLET, CHINESE_BULLET, CHINESE_NUMBER, *SPLITTERS)
    return any(pattern.match(line.lstrip(" ")) for pattern in marks)


def _goes_on(above: str, line: str) -> bool:
    """Whether ``line`` goes on with the sentence of the line ``above`` it, both as
    written: ``above`` ends in a line break or mid-sentence, or ``line`` starts as no
    sentence does."""
    if HARD_BREAK.search(above) or above.rstrip().endswith(tuple(MID_SENTENCE)):
        return True
    return GOES_ON.match(line.lstrip(" \t")) is not None


def _written(page: Page) -> Lines:
    """The body's lines as written, by their number in the file: code spans as they are,
    for the end of a line (a code span that ends it is blanked in :data:`Lines`)."""
    return dict(enumerate(page.body.splitlines(), page.body_line))


def _indent(line: str) -> int:
    """How far in ``line`` starts, as Python-Markdown reads it: a tab to the next multiple
    of 4 columns; a full-width space is text."""
    spaced = line.expandtabs(BOX_INDENT)
    return len(spaced) - len(spaced.lstrip(" "))
