"""A key a mapping does not have, in words: the key meant, or what a question of its type
has instead of it (``options:`` kept when a question's type became ``true_false``)."""

from __future__ import annotations

import difflib
import unicodedata
from collections.abc import Sequence
from typing import NamedTuple

from pydantic_core import ErrorDetails

from generator.models import QUESTION_TYPES
from generator.schema_location import FILE_KEYS


class Instead(NamedTuple):
    """The key a question of a type has in place of another type's key, and the words."""

    key: str
    message: str
    fix: str


KEYS_OF_OTHER_TYPES = {
    ("true_false", "options"): Instead(
        "answer",
        "a true_false question has no options: it has 'answer:' instead",
        "write answer: true or answer: false (whether the prompt's statement is true) in "
        "place of 'options:', and delete the options under it",
    ),
}
"""What a question of a type has instead of a key another type has (its type, the key),
where a trainer who changed the question's type kept the key."""


def told_instead(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """pydantic's errors ``details`` less the "missing required key" of each key that a key
    of another type in the same question is told to give way to: the fix of ``options:``
    kept on a true_false question already says to write 'answer:' in its place."""
    replaced = {
        (*detail["loc"][:-1], instead.key)
        for detail in details
        if detail["type"] == "extra_forbidden"
        and (instead := _instead(detail["loc"], str(detail["loc"][-1]))) is not None
    }
    return [
        detail
        for detail in details
        if detail["type"] != "missing" or tuple(detail["loc"]) not in replaced
    ]


def _instead(location: Sequence[int | str], key: str) -> Instead | None:
    """What the question at ``location`` (down to its ``key``) has in place of ``key``, if
    its type has something else in its place."""
    question_type = location[-2] if len(location) > 1 and location[-2] in QUESTION_TYPES else ""
    return KEYS_OF_OTHER_TYPES.get((str(question_type), key))


def unknown_key(
    key: str, allowed: list[str], location: Sequence[int | str] = ()
) -> tuple[str, str, str]:
    """What is wrong with ``key``, a key the mapping at ``location`` does not have, the fix
    and the code: the allowed key it is most likely meant to be, or what a question of its
    type has instead."""
    instead = _instead(location, key)
    if instead is not None:
        return instead.message, instead.fix, "unknown-key"
    if key in FILE_KEYS and len(location) > 1:  # indented into the mapping above it
        return (
            f"'{key}' is a key of the file itself, which starts at the left edge, but it is "
            "indented, so it is read as one more key here",
            f"delete the spaces before '{key}:', so that it starts at the left edge of its "
            "line, as the file's other keys do",
            "file-key-indented",
        )
    half_width = unicodedata.normalize("NFKC", key)
    if half_width != key and half_width in allowed:
        fix = f"write it in half-width (ordinary) letters: '{half_width}:'"
        return f"unknown key '{key}', written in full-width letters", fix, "unknown-key"
    return f"unknown key '{key}'", meant_or_allowed(key, allowed), "unknown-key"


def meant_or_allowed(written: str, allowed: list[str]) -> str:
    """How to fix ``written``, which is none of ``allowed``: the one it is most likely a
    slip for, if one is close, and the others to choose from."""
    close = difflib.get_close_matches(written, allowed, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"{hint}remove it or use one of: {', '.join(allowed)}"
