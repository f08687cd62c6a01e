"""Every front-matter and quiz field is plain text: what check rejects, and how render escapes.

Only the Markdown body of a page may hold raw HTML (trainers are trusted authors there).
A title, a summary, an objective or a question's text is shown exactly as written, so it
is escaped for the place it lands: HTML (the generated front matter, which MkDocs and
Material print unescaped in the navigation, the footer and ``<meta name="description">``),
Markdown (headings, lists, table cells and paragraphs the generator writes), attributes
and JSON (Jinja2's autoescape). What cannot be shown as plain text on one line is
rejected by ``check``: line breaks, control characters, invisible format characters and
``{:`` attribute lists.

Format characters (Unicode category Cf: zero-width spaces and joiners, direction marks
and overrides, soft hyphens, the byte-order mark) come along with text pasted from a web
page or WeChat. Nobody sees them, yet an accepted answer holding one could not be typed,
and U+202E shows the text after it backwards. All of them are refused, the zero-width
joiner that glues emoji sequences (👩 U+200D 💻) too: a single emoji says as much.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Iterator
from typing import Any

from markupsafe import Markup

from generator.errors import Problem
from generator.kept_numbers import keep_numbers
from generator.models import Source
from generator.yaml_events import Location
from generator.yaml_lines import FULL_WIDTH_SPACE
from generator.yaml_source import position

ASCII_PUNCTUATION = frozenset(string.punctuation)
ATTRIBUTE_LIST = "{:"


def markdown_text(value: str) -> Markup:
    """``value`` as Markdown that renders to exactly ``value``, on one line (its numbers
    kept on the line of the Chinese beside them: :mod:`generator.kept_numbers`).

    Every ASCII punctuation character becomes a numeric character reference, which is
    literal text in any Markdown context (a heading, a list item, a table cell, a
    paragraph) whatever extensions ``mkdocs.yml`` turns on: the site's own, and those a
    trainer may add that read ``==mark==``, ``~~strike~~``, ``:smile:``, ``++ctrl++``,
    ``(c)``, quotes or a web address as syntax. Letters, digits, spaces and Chinese
    punctuation are left as they are.
    """
    return Markup(
        "".join(
            f"&#{ord(char)};" if char in ASCII_PUNCTUATION else char for char in keep_numbers(value)
        )
    )


def plain_text_problems(source: Source) -> list[Problem]:
    """Every string value of ``source`` that cannot be one line of plain text."""
    problems: list[Problem] = []
    for location, value in strings(source.tree):
        what = not_plain(value)
        if what is not None:
            line, column = position(source, location)
            message, fix, code = what
            key = key_name(location)
            problems.append(Problem(source.path, line, column, f"'{key}' {message}", fix, code))
    problems.extend(_full_width_indents(source))
    return problems


def strings(node: Any, location: Location = ()) -> Iterator[tuple[Location, str]]:
    """Every text in ``node`` (a source's tree, or a part of it), with the keys and list
    places that lead to it from ``location``."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from strings(value, (*location, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from strings(item, (*location, index))
    elif isinstance(node, str):
        yield location, node


def key_name(location: Location) -> str:
    """The key that ``location`` last steps into ("document" for a whole file)."""
    for step in reversed(location):
        if isinstance(step, str):
            return step
    return "document"


_NOT_TEXT = re.compile(
    "[\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(plane << 16 | 0xFFFE)}{chr(plane << 16 | 0xFFFF)}" for plane in range(17))
    + "]"
)
"""Line breaks (including Zl and Zp), control characters (Cc), surrogates (Cs) and
noncharacters: the characters ``not_plain`` looks for first, found in one pass."""


MAX_CHARACTERS = 1000
"""The longest one-line text: a course's longest is near 130 characters. Markdown's inline
parsing of a title takes time that grows with the square of its punctuation (a 100,000
character title built for minutes), and a longer text belongs in the page body."""

WHERE_CONTEXT = 8
"""How many characters before an invisible one its message quotes."""
BLANKS = re.compile(
    "[\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180d\u180f\u2800\u3164\uffa0]"
    "|(?:^|(?<=[\\s\ufe00-\ufe0f]))[\ufe00-\ufe0f]"
)
"""Invisible characters that are no format characters: the combining grapheme joiner, the
Hangul fillers, the Khmer inherent vowels and the Mongolian variation selectors, which
Unicode ignores by default (as it does format characters) but counts as letters or marks,
and the blank Braille pattern (U+2800), a symbol drawn as nothing, which pads "empty"
names on social media. Variation selectors (U+FE0F after an emoji) are let through, to
ask for an emoji's colour form (the typed answers' normalisation drops them), but not one
that follows no character (at the start, after a space or another selector): it selects
nothing, and a prompt of two of them was shown as an empty question."""


def not_plain(value: str) -> tuple[str, str, str] | None:
    """What makes ``value`` more than one line of plain text: (message, fix, code)."""
    found = _NOT_TEXT.search(value)
    if found and (found.group() in "\n\r" or unicodedata.category(found.group()) in {"Zl", "Zp"}):
        return (
            f"has a line break ({_describe(found.group())}); it must be one line",
            "write it on one line (use '>-' to fold a long text); "
            "Markdown such as headings belongs in the page body",
            "text.line-break",
        )
    if found:
        return _unshowable(value, found.start())
    invisible = _invisible_character(value)
    if invisible is not None:
        kind = "format character" if unicodedata.category(invisible) == "Cf" else "character"
        return (
            f"contains {_describe(invisible)}, an invisible {kind}, {_where_in(value, invisible)}",
            f"delete the invisible character U+{ord(invisible):04X} (text pasted from a web "
            "page or WeChat brings it along; most editors show it only with "
            "'show invisible characters' turned on)",
            "text.format-character",
        )
    if ATTRIBUTE_LIST in value:
        return (
            "contains '{:', a Markdown attribute list; this field is plain text",
            "remove the '{: …}' part; only the page body may use Markdown attributes",
            "text.attribute-list",
        )
    if len(value) > MAX_CHARACTERS:
        return (
            f"is {len(value):,} characters long; a one-line text holds at most {MAX_CHARACTERS:,}",
            "shorten it, and move what explains at length into the page body",
            "text.too-long",
        )
    return None


def _unshowable(value: str, start: int) -> tuple[str, str, str]:
    """The message, fix and code for the character at ``start``, which cannot be shown."""
    paired = _paired_surrogates(value, start)
    whole = _joined(paired)
    if paired and not_plain(whole) is None:  # else the whole is refused too
        return (
            f"contains U+{ord(paired[0]):04X} U+{ord(paired[1]):04X}: {whole!r} written in two "
            "halves, as JSON escapes it; YAML does not join them, and a half alone cannot be "
            "shown as text",
            f"write {whole} itself, or as one YAML escape: \\U{ord(whole):08X}",
            "text.control-character",
        )
    return (
        f"contains {_describe(value[start])}, which cannot be shown as text",
        "delete the character (YAML escapes such as \\x0b or \\u0000 write them)",
        "text.control-character",
    )


def _paired_surrogates(value: str, start: int) -> str:
    """A high and a low surrogate at ``start`` (a JSON-style "\\ud83d\\ude00"), or ''."""
    pair = value[start : start + 2]
    high, low = "\ud800" <= pair[:1] <= "\udbff", "\udc00" <= pair[1:] <= "\udfff"
    return pair if high and low else ""


def _joined(pair: str) -> str:
    """The character a pair of UTF-16 surrogates stands for."""
    return pair.encode("utf-16-le", "surrogatepass").decode("utf-16-le")


def _invisible_character(value: str) -> str | None:
    """The first invisible character of ``value``, if it has one: a format character
    (Unicode category Cf), or a blank that is a letter or a mark (``BLANKS``)."""
    blank = BLANKS.search(value)
    if value.isprintable():  # no Cf among them: a fast look at every field of the course
        return blank.group() if blank else None
    found = next((char for char in value if unicodedata.category(char) == "Cf"), None)
    firsts = [char for char in (found, blank.group() if blank else None) if char is not None]
    return min(firsts, key=value.index, default=None)


def _where_in(value: str, char: str) -> str:
    """Where ``char`` stands in ``value``, in words a trainer can find it by: the position
    points at the value, and the character itself shows nowhere."""
    index = value.index(char)
    if index == 0:
        return "at the start of the text"
    return f"after '{value[max(0, index - WHERE_CONTEXT) : index]}'"


def _describe(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".rstrip() if name else f"U+{ord(char):04X}"


def _full_width_indents(source: Source) -> Iterator[Problem]:
    """Keys that start with full-width spaces: a line indented with U+3000, not spaces."""
    for location, key in _keys(source.tree, ()):
        if key.startswith(FULL_WIDTH_SPACE):
            line, column = position(source, location)
            yield Problem(
                source.path,
                line,
                column,
                f"the key '{key.strip()}' is indented with full-width spaces (U+3000)",
                "indent with ordinary spaces (half-width), two per level",
                "yaml.full-width-indent",
            )


def _keys(node: Any, location: Location) -> Iterator[tuple[Location, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if isinstance(key, str):
                yield (*location, key), key
            yield from _keys(value, (*location, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _keys(item, (*location, index))
