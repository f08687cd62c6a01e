"""Lines that start a note box, a content tab or a code block but that the site shows as text.

An admonition (``!!! tip "小贴士"``), a collapsible one (``??? example "案例"``) or a tab
(``=== "网页"``) takes its title in straight double quotes and its marks half-width. A
Chinese keyboard types the title's quotes curly (“小贴士”) and may type the marks
full-width (！！！), or two of them: the site then shows the line as text, and what should be
in the box after it. A title with no quotes (``!!! warning 注意``) opens a box, but one
titled in English ("Warning"): the words after the kind are taken for styles. Whether a
line opens a block is decided by the extensions' own patterns, so the check agrees with
the site. A code fence (```` ``` ````) that no line closes is text too,
and the page after it is read as the page, not as code (see
:func:`generator.page_text.fenced_code`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Collection, Iterator

from markdown.extensions.admonition import AdmonitionProcessor
from pymdownx.details import DetailsProcessor
from pymdownx.tabbed import TabbedProcessor

from generator.errors import Problem, Severity
from generator.models import Page
from generator.page_text import FencedCode, body_lines, fenced_code
from generator.yaml_lines import SPACE_NAMES, indent, named_space

BLOCK_MARKS = re.compile(
    r" *(?:!!!|\?\?\?|！！！|？？？"
    r"|(?:[!！]{2,}|[?？]{2,})[+＋]? ?[A-Za-z]"  # two marks (or four) and a kind: !! tip
    r"|(?:===|＝＝＝)[!+＋！]{0,2} +\S)"
)
"""How a line that is meant to open a block starts, half-width or full-width (a tab's marks
with its title: a line of '=' alone underlines a heading); or a box's kind after two marks,
or four (``!! warning``)."""
BOX_START = re.compile(r" *(?:!!!|\?\?\?)")
"""How a line that opens a note box starts, a collapsible one too."""
MARK_RUN = re.compile(r"^(?:!+|\?+)")
"""The marks a box's line starts with, however many were typed."""
UNQUOTED_TITLE = re.compile(r'(?P<head>(?:!!!|\?\?\?\+?) ?[\w-]+|===[!+]{0,2}) +(?P<title>[^"]+)')
"""A box's or tab's line whose title has no quotes: its marks and kind, then its title."""
TITLE_THEN_TEXT = re.compile(r'(?P<head>[^"“”]*["“”][^"“”]*["“”])\s*(?P<text>\S.*)')
"""A box's or a tab's first line with text after its title, which keeps it from opening."""
TYPED_FOR = str.maketrans(
    {"！": "!", "？": "?", "＝": "=", "＋": "+", "“": '"', "”": '"', "‘": '"', "’": '"', "'": '"'}
)
"""What a Chinese keyboard typed, and what the block's first line needs instead."""
BOX_INDENT = 4
"""How far a box's (or a tab's) text is indented under its first line."""
LONGEST_FENCE_SHOWN = 12
"""A fence of more marks is named by their number, not shown."""
GENERAL_FIX = 'write the marks half-width and the title in straight double quotes: !!! tip "小贴士"'
INDENT_FIX = "delete the spaces before its marks (in a list item or a box, indent it four spaces)"
ENGLISH_KINDS = {
    "note": ("注意", "说明", "备注", "笔记", "注释"),
    "tip": ("提示", "小贴士", "贴士", "技巧", "窍门", "要诀"),
    "warning": ("警告", "小心", "当心", "警示", "危险"),
    "example": ("示例", "例子", "案例", "举例", "情景", "场景"),
    "question": ("问题", "思考", "提问", "练习"),
    "quote": ("引用", "引言", "名言"),
    "abstract": ("摘要", "概要", "要点", "小结", "总结"),
    "success": ("成功", "做得好", "正确"),
    "failure": ("失败", "做得不好", "错误"),
}
"""The kinds of box the course uses (AUTHORING.md), and the Chinese words a trainer may type
for each in their place; any other word is told to be a note."""
MATERIAL_KINDS = frozenset(
    (
        *("note", "abstract", "summary", "tldr", "info", "todo", "tip", "hint", "important"),
        *("success", "check", "done", "question", "help", "faq", "warning", "caution"),
        *("attention", "failure", "fail", "missing", "danger", "error", "bug", "example"),
        *("quote", "cite"),
    )
)
"""Every kind of box the site's theme knows, with its other names (Material's)."""
KIND_FOR = {word: kind for kind, words in ENGLISH_KINDS.items() for word in words}


def broken_blocks(page: Page, text: str) -> Iterator[Problem]:
    """Each line of ``page`` that starts like a note box but does not open one; ``text`` is
    its body with code blocks left as empty lines (:func:`generator.page_text.searchable_text`)."""
    for number, line in enumerate(text.splitlines(), page.body_line):
        marks, written = BLOCK_MARKS.match(line), line.strip(" \t")
        if marks is None or (opens_block(written) and _box_indent(line)):
            continue
        yield Problem(
            page.source.path,
            number,
            len(line) - len(line.lstrip()) + 1,
            "this line starts a note box or a tab, but the site shows it as a line of text",
            _block_fix(written),
            "page.broken-block",
        )


def _block_fix(written: str) -> str:
    """How to make ``written``, a line that starts like a note box (without the spaces and
    tabs around it), open the box."""
    if opens_block(written):  # typed right, but indented
        return INDENT_FIX
    if opens_block(written.strip()):  # Python-Markdown takes only spaces for spaces
        return (
            f"delete {named_space(written[-1])} at the end of the line, which the site does "
            "not take for a space"
        )
    retyped = _retyped(written.strip())
    if opens_block(retyped):
        return f"write it as: {retyped}"
    return _text_after_title(written.strip()) or GENERAL_FIX


def _text_after_title(written: str) -> str | None:
    """How to fix ``written``, a line that would open a box but for the text after its
    title (``!!! tip "小贴士" 遇到…``), which goes on a line of its own, in the box."""
    found = TITLE_THEN_TEXT.fullmatch(written)
    if found is None:
        return None
    head = found["head"] if opens_block(found["head"]) else _retyped(found["head"])
    if not opens_block(head):
        return None
    return (
        f"end the line after the title: {head}; and move the text after it, "
        f"'{found['text']}', to the next line, indented {BOX_INDENT} spaces more than this line"
    )


def _box_indent(line: str) -> bool:
    """Whether ``line`` is indented as a box's first line may be: by a multiple of
    :data:`BOX_INDENT` (into a list item or another box). Python-Markdown takes the marks
    only first on the line: one to three spaces before them make it text."""
    spaces = line[: len(line) - len(line.lstrip(" \t"))]
    return "\t" in spaces or len(spaces) % BOX_INDENT == 0


def unquoted_titles(page: Page, text: str) -> Iterator[Problem]:
    """Each note box of ``page`` (``text``: its body, code left as empty lines) whose title
    has no quotes (``!!! warning 注意``): the site takes its words for styles, and titles the
    box with its kind in English."""
    for number, line in enumerate(text.splitlines(), page.body_line):
        words = _title_as_styles(line.strip()) if BOX_START.match(line) else []
        if not words or not str(_box_kind(line.strip())).isascii():
            continue  # a kind in Chinese is told by chinese_box_kinds
        title = " ".join(words)
        yield Problem(
            page.source.path,
            number,
            line.index(words[0]) + 1,
            f"the box's title '{title}' is not in quotes, so the site does not show it: it "
            f"titles the box '{str(_box_kind(line.strip())).capitalize()}', in English",
            f"put the title in straight double quotes: {_retyped(line.strip())}",
            "page.box-title-unquoted",
        )


def chinese_box_kinds(page: Page, text: str) -> Iterator[Problem]:
    """Each note box of ``page`` (``text``: its body, code left as empty lines) whose kind is
    a Chinese word (``!!! 注意``, ``??? 警告 "小心"``): the site knows its kinds by their
    English names, and shows a box of any other kind as a note, in a note's colour and icon,
    which the course's standards do not count as the key point or tip it may be."""
    for number, line in enumerate(text.splitlines(), page.body_line):
        parts = _box_parts(line.strip()) if BOX_START.match(line) else None
        if parts is None or parts[0].split()[0].isascii():
            continue
        classes, title = parts
        kind = classes.split()[0]
        english = KIND_FOR.get(kind, "note")
        if typed := _full_width_kind(kind):  # ｔｉｐ: titled as the kind's Chinese word
            english, classes = typed, ENGLISH_KINDS[typed][0]
        yield Problem(
            page.source.path,
            number,
            line.index(kind) + 1,
            f"'{kind}' is no kind of box the site knows (their kinds are English words: "
            f"{', '.join(ENGLISH_KINDS)}), so it shows a note box, in a note's colour",
            f"name the kind in English and put the title in straight double quotes: "
            f'{_marks(line.strip())} {english} "{title or classes}"',
            "page.box-kind-chinese",
            Severity.WARNING,
        )


def unknown_box_kinds(page: Page, text: str) -> Iterator[Problem]:
    """Each note box of ``page`` (``text``: its body, code left as empty lines) whose kind
    is an English word the site does not know (``!!! tips``): it shows a note box, in a
    note's colour, titled as written."""
    for number, line in enumerate(text.splitlines(), page.body_line):
        parts = _box_parts(line.strip()) if BOX_START.match(line) else None
        kind = parts[0].split()[0] if parts else ""
        if not kind or not kind.isascii() or kind.lower() in MATERIAL_KINDS:
            continue
        meant = difflib.get_close_matches(kind.lower(), [*ENGLISH_KINDS, *MATERIAL_KINDS], 1)
        title = f' "{parts[1]}"' if parts and parts[1] else ""
        yield Problem(
            page.source.path,
            number,
            line.index(kind) + 1,
            f"'{kind}' is no kind of box the site knows, so it shows a note box, in a note's "
            "colour",
            f"write {_marks(line.strip())} {meant[0]}{title}"
            if meant
            else f"name one of the kinds the course uses: {', '.join(ENGLISH_KINDS)}",
            "page.box-kind-unknown",
            Severity.WARNING,
        )


def _full_width_kind(kind: str) -> str | None:
    """The kind of box ``kind`` names, if it is one typed full-width (``ｔｉｐ``)."""
    typed = unicodedata.normalize("NFKC", kind).lower()
    return typed if typed in ENGLISH_KINDS else None


def _box_parts(text: str) -> tuple[str, str | None] | None:
    """The classes (its kind first) and the title of the note box ``text`` (one line) opens,
    if it opens one."""
    admonition = AdmonitionProcessor.RE.match(text)
    if admonition is not None:
        return admonition[1], admonition[2]
    details = DetailsProcessor.START.match(text)
    if details is None or not (details[2] or details[4]):
        return None
    return details[2] or details[4], details[3]


def _retyped(text: str) -> str:
    """``text``, a line meant to open a block, with its marks half-width and three of them,
    and its title in straight double quotes."""
    typed = MARK_RUN.sub(lambda run: run[0][0] * 3, text.translate(TYPED_FOR), count=1)
    unquoted = UNQUOTED_TITLE.fullmatch(typed)
    if (opens_block(typed) and not _title_as_styles(typed)) or unquoted is None:
        return typed
    return f'{unquoted["head"]} "{unquoted["title"]}"'


def _title_as_styles(text: str) -> list[str]:
    """The words after the kind of the box ``text`` (one line) opens with no title, when
    they are no style's name but a title left unquoted (``注意``, not ``inline``)."""
    parts = _box_parts(text)
    words = parts[0].split()[1:] if parts and parts[1] is None else []
    return words if any(not word.isascii() for word in words) else []


def empty_boxes(page: Page, text: str) -> Iterator[Problem]:
    """Each note box or tab of ``page`` (``text``: its body, code left as empty lines) whose
    next line with something on it is not indented under it: the site shows the box empty,
    with its title alone, and the text meant for it below it as the page's. Only spaces
    indent (a tab is four): a full-width space (``　　``) is none to the site."""
    opening_lines = text.splitlines()
    body = [line.expandtabs(BOX_INDENT) for line in page.body.splitlines()]  # a tab is 4
    for index, line in enumerate(opening_lines):
        if not opens_block(line.strip()):
            continue
        depth = _spaces_before(body[index])
        following = next((later for later in body[index + 1 :] if later.strip()), "")
        if following and _spaces_before(following) >= depth + BOX_INDENT:
            continue
        odd_space = following[_spaces_before(following) : indent(following)][:1]
        yield (
            _box_indented_with(page, page.body_line + index, depth, line.strip(), odd_space)
            if odd_space
            else Problem(
                page.source.path,
                page.body_line + index,
                depth + 1,
                f"the box '{line.strip()}' is empty: the lines after it are not indented "
                f"{BOX_INDENT} spaces under it, so the site shows them below the box",
                f"indent the box's text {BOX_INDENT} spaces more than this line; a box with "
                "its title alone is better written as a heading or a bold line",
                "page.empty-box",
                Severity.WARNING,
            )
        )


def _box_indented_with(page: Page, number: int, depth: int, box: str, space: str) -> Problem:
    """The box ``box`` (its first line, ``number``, indented ``depth`` spaces) whose text is
    indented with ``space``, a full-width or no-break space, which Python-Markdown strips
    from the paragraph's start but does not indent with."""
    kind = SPACE_NAMES.get(space, "a space").removeprefix("a ")
    return Problem(
        page.source.path,
        number,
        depth + 1,
        f"the box '{box}' is empty: the text after it is indented with {kind}s "
        f"(U+{ord(space):04X}), which the site does not take for spaces, so it shows the text "
        "below the box",
        f"indent the box's text with {depth + BOX_INDENT} ordinary spaces in place of the {kind}s",
        "page.empty-box",
        Severity.WARNING,
    )


def _spaces_before(line: str) -> int:
    """How far ``line`` is indented, as Python-Markdown reads it: by its spaces alone."""
    return len(line) - len(line.lstrip(" "))


def unclosed_fences(page: Page) -> Iterator[Problem]:
    """Each fence of ``page`` that opens a code block no line closes: the site shows the
    fence as text, and the page after it as it is, not as code. A line meant to close a
    block but for a space the site does not take for one is told instead, being the slip."""
    lines = page.body.splitlines()
    fenced = fenced_code(lines)
    yield from _spaced_closings(page, lines, fenced)
    told = {spaced.opening for spaced in fenced.spaced_closings}
    for index, fence in fenced.unclosed:
        if index in told:
            continue
        line = lines[index]
        fence = fence_named(fence)
        yield Problem(
            page.source.path,
            page.body_line + index,
            len(line) - len(line.lstrip()) + 1,
            f"this line opens a code block with {fence}, but no line after it closes the block "
            f"(a line of {fence} alone, indented as this one), so the site shows {fence} as text",
            f"end the code with a line of {fence} at this line's indent, or delete this line",
            "page.unclosed-fence",
        )


def _spaced_closings(page: Page, lines: list[str], fenced: FencedCode) -> Iterator[Problem]:
    """Each line meant to close a code block but for a full-width or no-break space around
    its fence, which the site does not take for a space (:class:`SpacedClosing`)."""
    for spaced in fenced.spaced_closings:
        line = lines[spaced.index]
        column, space = next(
            (number, char)
            for number, char in enumerate(line, 1)
            if char.isspace() and char not in " \t"
        )
        fence = fence_named(line.strip())
        where = "after" if not line[column:].strip() else "before"
        went_on = (
            "no line closes the block, and the site shows the code as text"
            if spaced.closing is None
            else f"the block goes on to line {page.body_line + spaced.closing}, and the site "
            "shows the text between as code"
        )
        yield Problem(
            page.source.path,
            page.body_line + spaced.index,
            column,
            f"this line does not close the code block opened on line "
            f"{page.body_line + spaced.opening}: it has {named_space(space)} {where} its "
            f"{fence}, which the site does not take for a space, so {went_on}",
            f"delete {named_space(space)} {where} the {fence}",
            "page.unclosed-fence",
        )


def fence_named(fence: str) -> str:
    """``fence`` as a message shows it: a long one by the number of its marks
    (``300,000 backticks``), which the message would otherwise quote, clipped, three times."""
    if len(fence) <= LONGEST_FENCE_SHOWN:
        return fence
    return f"{len(fence):,} {'backticks' if fence.startswith('`') else 'tildes'}"


def opens_block(text: str) -> bool:
    """Whether ``text``, one line, opens an admonition, a collapsible block or a tab."""
    return any(
        pattern.match(text)
        for pattern in (AdmonitionProcessor.RE, DetailsProcessor.START, TabbedProcessor.START)
    )


Box = tuple[int, int, str, str]
"""An admonition or collapsible block: its line, column, marks and kind."""


def boxes(page: Page, kinds: Collection[str]) -> Iterator[Box]:
    """The line and column of each admonition or collapsible block of one of ``kinds`` in
    the body of ``page`` (outside fenced code), its marks (``!!!``, ``???``, ``???+``) and
    its kind."""
    for number, line in body_lines(page):
        text = line.strip()
        kind = _box_kind(text)
        if kind is not None and kind in kinds:
            yield number, len(line) - len(line.lstrip()) + 1, _marks(text), kind


def _marks(text: str) -> str:
    """The marks that start ``text``, a box's line: ``!!!``, ``???`` or ``???+``."""
    return text[: len(text) - len(text.lstrip("!?+"))]


def _box_kind(text: str) -> str | None:
    """The kind of the admonition or collapsible block ``text``, one line, opens (the first
    of its classes), if it opens one."""
    parts = _box_parts(text)
    return parts[0].split()[0] if parts else None
