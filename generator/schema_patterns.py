"""A text that does not match its pattern, in words: a review link, a dialogue's next
turn, an id."""

from __future__ import annotations

import re

from generator.models import REVIEW_LINK
from generator.plain_text import not_plain
from generator.written import quoted_start

COURSE_FOLDER = "course/"
"""A review link names a page as it is in course/, which it leaves out."""
EXAMPLE_REVIEW = "01-significance.md#mot-origin"


def pattern_problem(key: str, value: object) -> tuple[str, str, str]:
    """What is wrong with the text ``value`` of ``key``, how to fix it, and the code."""
    if key == "review":
        message = f"review link {quoted_start(value)} is not of the form 'page.md#section-id'"
        return message, _review_fix(str(value)), "bad-review-link"
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


def _review_fix(written: str) -> str:
    """How to write a review link: as written, without ``course/`` or with the page's file
    for its address on the site (``.html``, copied from the browser), where that is one."""
    in_course = written.startswith(COURSE_FOLDER)
    page, mark, section = written.removeprefix(COURSE_FOLDER).partition("#")
    address = page.endswith(".html")
    link = f"{page.removesuffix('.html')}.md" if address else page
    link += mark + section
    fix = f"link to the section that teaches this, e.g. review: {EXAMPLE_REVIEW}"
    if re.fullmatch(REVIEW_LINK, link) is None:
        return f"leave out '{COURSE_FOLDER}', and {fix}" if in_course else fix
    how = "the page's file" if address else "the page"
    how += " without the folder" if in_course else ""
    how += ", not its address on the site" if address else ""
    return f"name {how}: review: {link}"


def invisible_only(value: object, pattern: str) -> bool:
    """Whether ``value`` would match ``pattern`` but for its invisible characters (an id
    pasted from WeChat with a U+200B in it), which ``plain_text_problems`` names already."""
    if not isinstance(value, str):
        return False
    visible = "".join(char for char in value if not_plain(char) is None)
    return visible != value and re.fullmatch(pattern, visible) is not None
