"""The one normalisation of typed answers, mirrored exactly by ``normalise`` in mot-quiz.js.

A Chinese learner may type full-width letters and digits, extra spaces, either case,
or a full stop after the answer; all of these count as the same answer:

1. Unicode NFKC: full-width ``４２`` becomes ``42``, full-width punctuation half-width;
2. case folding (JavaScript: ``toLowerCase()`` plus ß→ss and ς→σ, the two folds
   that matter here and that lower-casing does not do);
3. every run of spaces and control characters becomes one space;
4. punctuation, spaces and control characters at either end are dropped.

Traditional and Simplified characters stay different: list both as accepted answers.
tests/normalisation_cases.json holds the strings both sides are checked against.
"""

from __future__ import annotations

import re
import unicodedata

_SPACE_RUN = re.compile(" +")


def _is_space(character: str) -> bool:
    return unicodedata.category(character)[0] == "Z" or unicodedata.category(character) == "Cc"


def _is_edge(character: str) -> bool:
    return _is_space(character) or unicodedata.category(character)[0] == "P"


def normalise(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).casefold()
    spaced = _SPACE_RUN.sub(" ", "".join(" " if _is_space(c) else c for c in folded))
    start, end = 0, len(spaced)
    while start < end and _is_edge(spaced[start]):
        start += 1
    while end > start and _is_edge(spaced[end - 1]):
        end -= 1
    return spaced[start:end]
