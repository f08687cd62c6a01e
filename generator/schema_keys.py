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
from generator.schema_patterns import INPUT_METHOD_QUOTES
from generator.yaml_comment_hints import FULL_WIDTH_HASHES


class Instead(NamedTuple):
    """The key a question of a type has in place of another type's key, and the words.
    A question missing ``key`` is not told so apart: the fix says to write it; ``correct``,
    an option's or a reply's key, is never missing from a question."""

    key: str
    message: str
    fix: str


MARKED_OPTION = "lined up with its 'text:'"
KEYS_OF_OTHER_TYPES = {
    ("true_false", "options"): Instead(
        "answer",
        "a true_false question has no options: it has 'answer:' instead",
        "write answer: true or answer: false (whether the prompt's statement is true) in "
        "place of 'options:', and delete the options under it",
    ),
    ("single", "answer"): Instead(
        "correct",
        "a single-choice question has no 'answer:': its right option is marked instead",
        f"delete 'answer:', and write 'correct: true' under the right option, {MARKED_OPTION}",
    ),
    ("multiple", "answer"): Instead(
        "correct",
        "a multiple-choice question has no 'answer:': each of its right options is marked instead",
        f"delete 'answer:', and write 'correct: true' under each right option, {MARKED_OPTION}",
    ),
    ("ordering", "answer"): Instead(
        "items",
        "an ordering question has no 'answer:': the order its items are written in is the answer",
        "delete 'answer:', and write the entries under 'items:' in the right order",
    ),
    ("matching", "answer"): Instead(
        "pairs",
        "a matching question has no 'answer:': its pairs are the answer",
        "delete 'answer:', and write each right pair under 'pairs:' as '- item: …' with "
        "'match: …' lined up under 'item'",
    ),
    ("fill_in", "answer"): Instead(
        "blanks",
        "a fill_in question has no 'answer:': the answers each blank accepts are listed under "
        "'blanks:'",
        "delete 'answer:', and write under 'blanks:' one '- accept: [答案, 另一种说法]' for each "
        "'___' in the text, in order",
    ),
    ("scenario", "answer"): Instead(
        "correct",
        "a scenario question has no 'answer:': the best reply of each turn is marked instead",
        "delete 'answer:', and write 'correct: true' under the best reply of each turn, lined "
        "up with its 'text:'",
    ),
}
"""What a question of a type has instead of a key another type has (its type, the key),
where a trainer who changed the question's type kept the key, or wrote the answer as a
true_false question does (``answer: C`` on a single-choice question)."""


QUOTES = "\"'" + INPUT_METHOD_QUOTES
"""Quotation marks a key may be typed in (``“prompt”:``), which YAML keeps in its name."""
KEYS_IN_CHINESE = {
    **dict.fromkeys(("题目", "题干", "问题"), "prompt"),
    **dict.fromkeys(("选项", "选择"), "options"),
    **dict.fromkeys(("答案", "正确答案"), "answer"),
    **dict.fromkeys(("解析", "讲解", "解释", "说明"), "explanation"),
    **dict.fromkeys(("反馈", "点评"), "feedback"),
    **dict.fromkeys(("类型", "题型"), "type"),
    **dict.fromkeys(("标题", "题目名称"), "title"),
    **dict.fromkeys(("摘要", "简介"), "summary"),
    **dict.fromkeys(("学习目标", "目标"), "objectives"),
    **dict.fromkeys(("复习", "复习链接"), "review"),
    **dict.fromkeys(("正确", "正确选项", "是否正确"), "correct"),
    **dict.fromkeys(("干扰项",), "distractors"),
    **dict.fromkeys(("编号",), "id"),
}
"""A key a trainer may write in Chinese, and the course file's key it stands for, where the
mapping has that key: "remove it" would delete its text."""


def told_instead(details: list[ErrorDetails]) -> list[ErrorDetails]:
    """pydantic's errors ``details`` less the "missing required key" of each key that an
    unknown key of the same mapping is told to give way to: the fix of ``options:`` kept on
    a true_false question already says to write 'answer:' in its place, and that of
    ``题目:`` to write 'prompt:'."""
    replaced = {
        (*detail["loc"][:-1], meant)
        for detail in details
        if detail["type"] == "extra_forbidden"
        and (meant := _meant_key(detail["loc"], str(detail["loc"][-1]))) is not None
    }
    return [
        detail
        for detail in details
        if detail["type"] != "missing" or tuple(detail["loc"]) not in replaced
    ]


def _meant_key(location: Sequence[int | str], key: str) -> str | None:
    """The key that ``key`` stands for: the one a question of another type has in its place,
    or the key typed in full-width letters, in quotation marks or in Chinese."""
    instead = _instead(location, key)
    if instead is not None:
        return instead.key
    written = unicodedata.normalize("NFKC", key).strip(QUOTES)
    return KEYS_IN_CHINESE.get(written, written if written != key else None)


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
    if key.startswith(FULL_WIDTH_HASHES):
        return (
            f"unknown key '{key}': its line starts with a full-width '{key[0]}', which YAML "
            "does not read as the start of a comment",
            "type '#' half-width to make the line a comment",
            "unknown-key",
        )
    half_width = unicodedata.normalize("NFKC", key)
    if half_width != key and half_width in allowed:
        fix = f"write it in half-width (ordinary) letters: '{half_width}:'"
        return f"unknown key '{key}', written in full-width letters", fix, "unknown-key"
    unquoted = half_width.strip(QUOTES)
    if unquoted != half_width and unquoted in allowed:
        fix = f"write it without the quotation marks: '{unquoted}:'"
        return f"unknown key '{key}', written in quotation marks", fix, "unknown-key"
    if KEYS_IN_CHINESE.get(unquoted) in allowed:
        english = KEYS_IN_CHINESE[unquoted]
        fix = f"keys are written in English: write '{english}:' in its place, and keep its text"
        return f"unknown key '{key}'", fix, "unknown-key"
    return f"unknown key '{key}'", meant_or_allowed(key, allowed), "unknown-key"


def meant_or_allowed(written: str, allowed: list[str]) -> str:
    """How to fix ``written``, which is none of ``allowed``: the one it is most likely a
    slip for, if one is close, and the others to choose from."""
    close = difflib.get_close_matches(written, allowed, n=1)
    hint = f"did you mean '{close[0]}'? " if close else ""
    return f"{hint}remove it or use one of: {', '.join(allowed)}"
