"""Texts a question holds twice: two options, items or matches alike, or a matching
question's distractor written as one of its matches, which the learner would see twice.

Texts are compared as they are drawn: ``Café`` typed as one character or as ``e`` and an
accent (as a Mac pastes it) is one text to the learner, and Unicode's composed form
(NFC) makes them one here too.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Sequence

from generator.dialogues import Locator
from generator.errors import Problem
from generator.models import Matching

Place = tuple[str | int, ...]
"""Keys from a question down to one of its values."""


def distractors_matched(question: Matching, label: str, at: Locator) -> Iterator[Problem]:
    """A distractor written as a pair's match, or as a distractor before it: the learner
    would see one choice twice, once right and once wrong."""
    matches = {_drawn(pair.match) for pair in question.pairs}
    seen: set[str] = set()
    for index, text in enumerate(question.distractors):
        drawn = _drawn(text)
        if drawn in matches or drawn in seen:
            which = "a pair's match" if drawn in matches else "another distractor"
            yield Problem(
                *at("distractors", index),
                f"{label} has the distractor '{text}', which is also {which}: the learner "
                "would see the same choice twice",
                "make every distractor differ from the matches and from the other distractors",
                "quiz.duplicate-match",
            )
        seen.add(drawn)


def repeated_texts(
    entries: Sequence[tuple[str, Place]], label: str, noun: str, at: Locator
) -> Iterator[Problem]:
    """Each of ``entries`` (a text and where it is written) whose text an entry before it has."""
    seen: set[str] = set()
    for text, place in entries:
        drawn = _drawn(text)
        if drawn in seen:
            yield Problem(
                *at(*place),
                f"{label} has two {noun}es with the text '{text}'"
                if noun == "match"
                else f"{label} has two {noun}s with the text '{text}'",
                f"make every {noun} different",
                f"quiz.duplicate-{noun}",
            )
        seen.add(drawn)


def _drawn(text: str) -> str:
    """``text`` as it is drawn: composed (NFC)."""
    return unicodedata.normalize("NFC", text)
