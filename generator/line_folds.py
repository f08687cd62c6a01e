"""Line breaks inside a YAML text between Chinese characters, joined without a space.

YAML folds each line break inside a plain, quoted or ``>`` text into one space: right
between English words, wrong in Chinese, which puts no space between words. A trainer
who breaks a long feedback after ``，`` would show the learner ``重视， 发怒者``. So a
folded break with a wide character on both sides is joined without a space, by the rule
browsers follow for a line break in HTML text (CSS Text 3, segment break transformation:
East Asian Width F, W or H on both sides, and neither side Hangul, which spaces words).

Both YAML readers (:mod:`generator.yaml_events` and :mod:`generator.yaml_source`) pass
each text through :func:`unfold_wide` with the text's own lines from the file. A page's
Markdown keeps its line breaks in the HTML, where Chromium shows each as a space, so there
``check`` warns instead (:func:`generator.page_checks.chinese_line_breaks`).
"""

from __future__ import annotations

import unicodedata
from itertools import pairwise

FOLDING_STYLES = {None, "", '"', "'", ">"}
"""Scalar styles whose line breaks YAML folds: plain, quoted and ``>`` (``|`` keeps them)."""
_BLANKS = " \t"


def unfold_wide(value: str, raw: str, style: str | None) -> str:
    """``value``, read from the file text ``raw``, with the space of each folded line
    break between two wide characters taken out."""
    if style not in FOLDING_STYLES or "\n" not in raw:
        return value
    cursor = 0
    for fold in _wide_folds(raw):
        at = value.find(fold, cursor)
        if at >= 0:
            value = value[: at + 1] + value[at + 2 :]
            cursor = at + 1
    return value


def _wide_folds(raw: str) -> list[str]:
    """Each folded break of ``raw`` between wide characters, as it reads once folded: the
    character before it, a space, the character after it. A blank line is kept as a line
    break, not folded; a line that ends in ``\\`` (quoted text) is joined by YAML itself."""
    lines = [line.strip(_BLANKS) for line in raw.split("\n")]
    return [
        f"{before[-1]} {after[0]}"
        for before, after in pairwise(lines)
        if before and after and is_wide(before[-1]) and is_wide(after[0])
    ]


def is_wide(character: str) -> bool:
    """Whether a line break next to ``character`` and another such is no space."""
    return unicodedata.east_asian_width(character) in {"F", "W", "H"} and not _hangul(character)


def _hangul(character: str) -> bool:
    return unicodedata.name(character, "").startswith("HANGUL")
