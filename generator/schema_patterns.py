"""A text that does not match its pattern, in words: a review link, a dialogue's next
turn, an id. One typed in a Chinese input method's full-width mode (``m２-buying``,
``０２-principles.md#…``) or in its quotation marks (``“m2-buying”``, which YAML keeps as
part of the text) is told which characters those are, and the value as it should be."""

from __future__ import annotations

import re
import unicodedata

from generator.address_slips import address_slips
from generator.layout import MISSPELT_SUFFIXES
from generator.models import REVIEW_LINK, REVIEW_PAGE, SLUG
from generator.plain_text import not_plain
from generator.yaml_lines import stray_space
from generator.yaml_written import quoted_start

COURSE_FOLDER = "course/"
"""A review link names a page as it is in course/, which it leaves out."""
EXAMPLE_REVIEW = "01-significance.md#mot-origin"
INPUT_METHOD_QUOTES = "“”‘’「」『』"
"""Quotation marks a Chinese input method types, which YAML does not read as quotes."""


def pattern_problem(key: str, value: object, written: str) -> tuple[str, str, str]:
    """What is wrong with the text ``value`` of ``key``, how to fix it, and the code;
    ``written``: the text with the comment YAML dropped after it, if it did. A full-width
    space typed after it is named as the slip."""
    said, fix, code = _pattern_problem(key, value, written)
    typed = typed_otherwise(value, REVIEW_LINK if key == "review" else SLUG)
    if typed is not None and (key != "review" or EXAMPLE_REVIEW in fix):  # a slip told
        return f"{said}: {typed[0]}", f"{typed[1]}: {key}: {typed[2]}", code
    if isinstance(value, str) and (stray := stray_space(value)) is not None:
        fix = f"delete {stray}, which YAML keeps as part of the text: {key}: {value.strip()}"
    return said, fix, code


def _pattern_problem(key: str, value: object, written: str) -> tuple[str, str, str]:
    if key == "review":
        return _review_problem(str(value), written)
    if key == "next":
        return (
            f"'next' {quoted_start(value)} is neither 'end' nor a turn's id",
            "write next: end (in lower case) where the dialogue ends, or the id of the turn "
            "that follows",
            "bad-id",
        )
    return (
        f"'{key}' {quoted_start(value)} is not a valid id",
        "use lower-case letters, digits and single hyphens, e.g. m1-service-economy",
        "bad-id",
    )


def _review_problem(value: str, written: str) -> tuple[str, str, str]:
    """A review link YAML read as ``value``; ``written`` holds the comment YAML dropped after
    it, if it did, and its quotes if it is in quotes (``"06-confirm.md" #four-lenses``)."""
    message = f"review link {quoted_start(value)} is not of the form 'page.md#section-id'"
    quote = written[:1]
    in_quotes = quote in {'"', "'"} and written.startswith(f"{quote}{value}{quote}")
    after = written[len(value) + 2 :] if in_quotes else written.removeprefix(value)
    if dropped := after.strip():
        message += (
            f": '{dropped}' is after the closing quote, so YAML drops it as a comment"
            if in_quotes
            else f": the space before '{dropped}' made YAML drop it as a comment"
        )
    return message, _review_fix(value + after), "bad-review-link"


def _review_fix(written: str) -> str:
    """How to write a review link: as written, without ``course/``, with the page's file
    for its address on the site (``.html``, copied from the browser) or with its slips of
    the keyboard fixed (``06-confirm.md＃four-lenses``), where that is one."""
    in_course = written.startswith(COURSE_FOLDER)
    given = written.removeprefix(COURSE_FOLDER)
    slips = address_slips(given, _is_review_page)
    page, mark, section = (slips[-1].fixed if slips else given).partition("#")
    address = page.endswith(".html")
    link = f"{page.removesuffix('.html')}.md" if address else page
    link += mark + section
    fix = f"link to the section that teaches this, e.g. review: {EXAMPLE_REVIEW}"
    if re.fullmatch(REVIEW_LINK, link) is None:
        return f"leave out '{COURSE_FOLDER}', and {fix}" if in_course else fix
    hows = [slip.how for slip in slips]
    if in_course or address or not slips:
        how = "the page's file" if address else "the page"
        how += " without the folder" if in_course else ""
        how += ", not its address on the site" if address else ""
        hows.append(f"name {how}")
    return f"{' and '.join(hows)}: review: {link}"


def _is_review_page(page: str) -> bool:
    return re.fullmatch(REVIEW_PAGE, page) is not None


def invisible_only(value: object, pattern: str) -> bool:
    """Whether ``value`` would match ``pattern`` but for its invisible characters (an id
    pasted from WeChat with a U+200B in it), which ``plain_text_problems`` names already."""
    if not isinstance(value, str):
        return False
    visible = "".join(char for char in value if not_plain(char) is None)
    return visible != value and re.fullmatch(pattern, visible) is not None


def typed_otherwise(value: object, pattern: str) -> tuple[str, str, str] | None:
    """What makes ``value`` fail ``pattern``, if it is only its full-width characters, its
    capital letters or the quotation marks of a Chinese input method around it: those
    named, how to type it, and the value so typed."""
    if not isinstance(value, str):
        return None
    typed = unicodedata.normalize("NFKC", value).strip(INPUT_METHOD_QUOTES)
    fixed = typed if re.fullmatch(pattern, typed) else typed.lower()
    if fixed == value or re.fullmatch(pattern, fixed) is None:
        return None
    wide = [char for char in dict.fromkeys(value) if unicodedata.normalize("NFKC", char) != char]
    lowered = fixed != typed
    capitals = [char for char in dict.fromkeys(value) if lowered and _half_width(char).isupper()]
    said, how = [], []
    if wide:
        said.append(f"{_named(wide)} {'is' if len(wide) == 1 else 'are'} typed full-width")
        how.append("type it half-width")
    if capitals:
        said.append(
            f"{_named(capitals)} {'is a capital' if len(capitals) == 1 else 'are capitals'}"
        )
        how.append("in lower case" if how else "type it in lower case")
    if unicodedata.normalize("NFKC", value) != typed:
        marks = _quotes_around(value)
        them = "them" if len(marks) > 1 else "it"
        named = (
            f"is in the quotation marks {' '.join(marks)}"
            if them == "them"
            else f"has the quotation mark {marks[0]}"
        )
        said.append(f"it {named}, which YAML keeps as part of the text")
        how.append(f"without {them}" if how else f"write it without {them}")
    return " and ".join(said), ", ".join(how), fixed


def _half_width(char: str) -> str:
    return unicodedata.normalize("NFKC", char)


def _named(chars: list[str]) -> str:
    return ", ".join(f"'{char}'" for char in chars)


def _quotes_around(value: str) -> list[str]:
    """The input method's quotation marks ``value`` starts and ends with: only those there
    (``“m2-buying`` has one)."""
    ends = value.strip()
    first_and_last = ends[0] + ends[-1] if len(ends) > 1 else ends
    return [mark for mark in first_and_last if mark in INPUT_METHOD_QUOTES]


def bad_module_key(key: str, value: object) -> tuple[str, str, str]:
    """What is wrong with ``value``, a key under ``key`` (the exam's ``draw:``) that is no
    module's name, and its fix: a quiz's or page's file name (``03-explore.yml``) is told
    the name without its suffix."""
    said = f"the key {quoted_start(value)} under '{key}' is not a valid name"
    typed = typed_otherwise(value, SLUG)
    if typed is not None:
        return f"{said}: {typed[0]}", f"{typed[1]}: {typed[2]}:", "bad-id"
    stem, dot, suffix = str(value).rpartition(".")
    typed_for_a_file = any(dot + suffix.lower() in ends for ends in MISSPELT_SUFFIXES.values())
    if typed_for_a_file and re.match(SLUG, stem):
        return said, f"write the module's name without '.{suffix}': {stem}", "bad-id"
    return said, "use lower-case letters, digits and single hyphens, e.g. 01-significance", "bad-id"
