"""A quote opened and never closed, named at its line: YAML reads the text on over the lines
below, up to the next quote of its kind, and gives up there or later."""

from __future__ import annotations

import re

from generator.page_scan import HAN
from generator.yaml_lines import (
    KEY,
    KEY_LINE,
    Hint,
    echoed,
    holds_something,
    indent,
    value_start,
)

QUOTED = re.compile(rf"^(\s*(?:-\s+)?)(?:({KEY})\s*:\s+)?(['\"])(.*?)\s*$")
"""A key or a list's entry whose value starts with a quote: indent, key, quote, the rest."""
QUOTED_KEY = re.compile(rf"({KEY})\s*:(?:\s|$)")
"""A key after a quote that opens a line: the quote typed by mistake."""
QUOTE_NAMES = {'"': "a double quote", "'": "a single quote"}
LeftOpen = tuple[str, str]
"""How a text left open is said to go on: what it is, and how far YAML reads the lines
below into it."""
NEVER_CLOSED: LeftOpen = ("never closed", "")
CLOSED_BELOW: LeftOpen = ("not closed on its line", ", up to the next quote of its kind")
"""Said when YAML read the file: a quote of the kind many lines below closed the text."""
CURLY_CLOSING = {'"': "”", "'": "’"}
"""The curly quote an input method types where a straight one was meant to close a text."""
CURLY_OPENING = {"”": "“", "’": "‘"}
QUOTE_CODE = "yaml.unclosed-quote"
ESCAPED_QUOTE = {'"': re.compile(r"\\."), "'": re.compile("''")}
"""What inside quotes is no closing quote: a backslash and what follows it, two single quotes."""


def unclosed_quote(lines: list[str], error_line: int) -> Hint | None:
    """A quoted text whose quote is not closed on its line, with a key on the next line.

    YAML reads such a text on over the lines below, up to the next quote of its kind, and
    gives up there or later, often many lines away. Putting the text in other quotes, the
    advice for a quote closed too early, would keep the stray quote in the text. A line
    that goes on with a value begun above it, such as a line of a text below ``key: |``,
    is that text's, whatever quotes it holds.
    """
    for number in range(1, min(error_line, len(lines)) + 1):
        hint = _unclosed_at(lines, number, NEVER_CLOSED)
        if hint is not None:
            return hint
    return None


def quote_left_open(lines: list[str]) -> Hint | None:
    """:func:`unclosed_quote` in a file YAML read without a complaint: the next quote of the
    kind closed the text many lines below (``review: "#need"``), and what came after it read
    well, so the keys in between were lost into the text without a word. Only lines that
    hold a quote are looked at."""
    for number, line in enumerate(lines, 1):
        hint = _unclosed_at(lines, number, CLOSED_BELOW) if '"' in line or "'" in line else None
        if hint is not None:
            return hint
    return None


def _unclosed_at(lines: list[str], number: int, left_open: LeftOpen) -> Hint | None:
    """The quote on line ``number`` left open, if it is, said as ``left_open``."""
    opened = QUOTED.match(lines[number - 1])
    if opened is None or value_start(lines, number) != number:
        return None
    quote, rest = opened.group(3), opened.group(4)
    column = len(opened.group(1))
    if quote in ESCAPED_QUOTE[quote].sub("", rest) or not _key_follows(lines, number, column):
        return None
    if opened.group(2) or opened.group(1).strip():
        return _unclosed_quote_hint(number, opened, left_open)
    stray = QUOTED_KEY.match(rest)
    return None if stray is None else _stray_quote_hint(number, opened, stray.group(1), left_open)


def _stray_quote_hint(number: int, opened: re.Match[str], key: str, left_open: LeftOpen) -> Hint:
    """A quote typed before a key (``'feedback: …``): the whole line is a text, never closed."""
    return (
        number,
        opened.start(3) + 1,
        f"{QUOTE_NAMES[opened.group(3)]} ({opened.group(3)}) before '{key}:' makes YAML read "
        f"the line as a text that is {left_open[0]}, and the lines below as part of "
        f"it{left_open[1]}",
        f"remove the quote before '{key}:'",
        QUOTE_CODE,
    )


def _key_follows(lines: list[str], number: int, column: int) -> bool:
    """Whether the text on line ``number`` ends where it is: the next line that holds
    something starts a key or a list's entry no deeper than ``column``, where the key on
    line ``number`` starts; or none does."""
    for line in lines[number:]:
        if holds_something(line):
            starts = line.lstrip().startswith("- ") or KEY_LINE.match(line) is not None
            return starts and indent(line) <= column
    return True


def _unclosed_quote_hint(number: int, opened: re.Match[str], left_open: LeftOpen) -> Hint:
    _, key, quote, rest = opened.groups()
    said = (
        f"{where(key)} opens {QUOTE_NAMES[quote]} ({quote}) that is {left_open[0]}, so YAML "
        f"reads the lines below as part of the text{left_open[1]}"
    )
    closing = CURLY_CLOSING[quote]
    if rest.endswith(closing) and rest.count(closing) > rest.count(CURLY_OPENING[closing]):
        closed = f"{quote}{rest[:-1]}{quote}"
        fix = f"type the closing {closing} as {quote}: {written(key, closed)}"
        said += f" (the {closing} at its end is a curly quote, which does not close it)"
        return number, opened.start(3) + 1, said, fix, QUOTE_CODE
    closed = f"{quote}{rest}{quote}"
    fix = (
        f"add the closing quote at the end of the text: {written(key, closed)} "
        "(or remove the opening one)"
    )
    return number, opened.start(3) + 1, said, fix, QUOTE_CODE


def where(key: str | None) -> str:
    return f"the text after '{key}:'" if key else "the list entry"


def written(key: str | None, value: str) -> str:
    """A key's or a list entry's line as it should read (a long value by its ends)."""
    return f"{key}: {echoed(value)}" if key else f"- {echoed(value)}"


def quotes_inside_fix(key: str | None, value: str) -> str:
    """How to write ``value``, a text in quotes that holds them inside too: in Chinese, the
    quotes inside as “” (straight ones in Chinese text are warned about); else the whole
    text in the other quotes."""
    quote, inner = value[0], value[1:-1].split(value[0])
    if HAN.search(value) and len(inner) % 2:  # Chinese text, whose quotation marks are “”
        curly = "".join(part + "“”"[index % 2] for index, part in enumerate(inner[:-1]))
        fixed = f"{quote}{curly}{inner[-1]}{quote}"
        return f"write the quotes inside as “”, as Chinese text does: {written(key, fixed)}"
    return (
        f"write the whole text in the other quotes, which may stand inside: "
        f"{written(key, quote_for(value))}; to show the first and last quotes as well: "
        f"{written(key, quoted(value))}"
    )


def wrapped_in_its_quotes(value: str) -> bool:
    """Whether ``value`` starts and ends with one quote and holds it inside as well
    (``"客户说"退货""``): quotes the trainer wrote to mark the text, around quotes of it."""
    return (
        len(value) > 2 and value[0] in "'\"" and value[-1] == value[0] and value[0] in value[1:-1]
    )


def quote_for(value: str) -> str:
    """``value`` quoted for YAML to read it as a text: what it holds inside its own quotes,
    when it is :func:`wrapped_in_its_quotes`, or all of it."""
    return quoted(value[1:-1] if wrapped_in_its_quotes(value) else value)


def quoted(text: str) -> str:
    """``text`` as a quoted YAML scalar: in double quotes, or in single quotes when it holds
    a double quote or a backslash (which double quotes would read as an escape)."""
    if '"' in text or "\\" in text:
        return "'" + text.replace("'", "''") + "'"
    return f'"{text}"'
