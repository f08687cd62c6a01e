"""The one normalisation of typed answers, the same function in Python and in the browser.

A Chinese learner may type full-width letters and digits, extra spaces, either case,
or a full stop after the answer, or paste invisible characters along with it; all of these
count as the same answer:

1. format characters (Unicode category Cf: zero-width spaces and joiners, direction marks,
   soft hyphens, the byte-order mark) and variation selectors (U+FE0F after ``❤``, which
   asks for the emoji's colour form) are dropped: they come along with text pasted from a
   web page or WeChat, or with an emoji from one keyboard and not another, and change
   nothing the learner reads. They go first, so that NFKC joins what they stood between
   (``e``, U+200C, U+0301 becomes ``é``);
2. Unicode NFKC: full-width ``４２`` becomes ``42``, full-width punctuation half-width;
3. case folding, character by character: the fold table in ``data/case-folds.json``
   where it has an entry, else lower-casing. The table holds exactly the characters whose
   full case folding differs from their lower case (``ß`` → ``ss``, ``ς`` → ``σ``,
   Cherokee, Greek with ypogegrammeni …), so the result is Python's ``casefold()``;
   the runtime uses the same table (the build writes it into ``mot-folds.js``) with
   JavaScript's ``toLowerCase()``, so both sides compute the same function;
4. every run of spaces and control characters becomes one space;
5. a space next to a Chinese character (a unified ideograph) is dropped: Chinese puts no
   spaces between words, and switching the input method to type ``60`` after ``百分之``
   often leaves one (``百分之 60`` is ``百分之60``), while ``moments of truth`` keeps its own;
6. punctuation, spaces and control characters at either end are dropped.

Traditional and Simplified characters stay different: list both as accepted answers.
Characters newer than this Python's Unicode database are left as they are here, while
the browser may know them; an accepted answer never contains one (``check`` says so).
``tests/normalisation_cases.json`` holds strings both sides are checked against, and a
browser test compares the two over every assigned code point.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from typing import TypedDict

_SPACE_RUN = re.compile(" +")
_SPACE = re.compile(" ")
_UNIFIED_COMPATIBILITY_IDEOGRAPHS = frozenset(
    "\ufa0e\ufa0f\ufa11\ufa13\ufa14\ufa1f\ufa21\ufa23\ufa24\ufa27\ufa28\ufa29"
)
"""The twelve CJK compatibility ideographs that are unified ideographs in their own right:
NFKC leaves them as they are, and JavaScript's ``\\p{Unified_Ideograph}`` includes them."""
CASE_FOLDS_FILE = "data/case-folds.json"


class CaseFolds(TypedDict):
    ranges: list[list[int]]
    """[first, last, offset]: each code point in first..last folds to itself + offset."""
    strings: dict[str, str]
    """Characters that fold to more than one character."""


@cache
def case_folds() -> CaseFolds:
    folds: CaseFolds = json.loads(files("generator").joinpath(CASE_FOLDS_FILE).read_text("utf-8"))
    return folds


def case_folds_json() -> str:
    """The fold table as a JavaScript literal for the runtime."""
    return json.dumps(case_folds(), ensure_ascii=True, separators=(",", ":"))


def computed_case_folds() -> CaseFolds:
    """The table from this Python's ``casefold()``: what ``data/case-folds.json`` must hold."""
    ranges: list[list[int]] = []
    strings: dict[str, str] = {}
    for code in range(sys.maxunicode + 1):
        character = chr(code)
        if unicodedata.category(character) == "Cs":
            continue
        folded = character.casefold()
        if folded == character.lower():
            continue
        if len(folded) > 1:
            strings[character] = folded
            continue
        offset = ord(folded) - code
        if ranges and ranges[-1][1] == code - 1 and ranges[-1][2] == offset:
            ranges[-1][1] = code
        else:
            ranges.append([code, code, offset])
    return {"ranges": ranges, "strings": strings}


def fold(character: str) -> str:
    """Fold one character for comparison, with the shared table, else by lower-casing."""
    folds = case_folds()
    if character in folds["strings"]:
        return folds["strings"][character]
    code = ord(character)
    for first, last, offset in folds["ranges"]:
        if first <= code <= last:
            return chr(code + offset)
    return character.lower()


class _CharacterMap(dict[int, str | None]):
    """A ``str.translate`` table that works out each character the first time it meets it:
    a text's characters are mapped at the speed of ``translate``, and a course's texts use a
    few thousand characters (finding one in the fold table searches hundreds of ranges)."""

    def __init__(self, mapped: Callable[[str], str | None]) -> None:
        super().__init__()
        self.mapped = mapped

    def __missing__(self, code: int) -> str | None:
        self[code] = found = self.mapped(chr(code))
        return found


def _is_space(character: str) -> bool:
    return unicodedata.category(character)[0] == "Z" or unicodedata.category(character) == "Cc"


def _is_edge(character: str) -> bool:
    return _is_space(character) or unicodedata.category(character)[0] == "P"


def _is_format(character: str) -> bool:
    """A format character or a variation selector (U+FE00–U+FE0F, U+E0100–U+E01EF)."""
    code = ord(character)
    selector = 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF
    return selector or unicodedata.category(character) == "Cf"


def _is_ideograph(character: str) -> bool:
    """Unicode's Unified_Ideograph property, which Python's unicodedata does not expose."""
    name = unicodedata.name(character, "") if character else ""
    return (
        name.startswith("CJK UNIFIED IDEOGRAPH-") or character in _UNIFIED_COMPATIBILITY_IDEOGRAPHS
    )


def _without_spaces_by_ideographs(text: str) -> str:
    """``text``, its spaces single, without each space that has an ideograph beside it."""
    kept: list[str] = []
    done = 0
    for space in _SPACE.finditer(text):
        at = space.start()
        if _is_ideograph(text[at - 1 : at]) or _is_ideograph(text[at + 1 : at + 2]):
            kept.append(text[done:at])
            done = at + 1
    return "".join([*kept, text[done:]])


_VISIBLE = _CharacterMap(lambda c: None if _is_format(c) else c)
_FOLDED = _CharacterMap(lambda c: " " if _is_space(c) else fold(c))
"""Steps 3 and 4 in one: a space or a control character is no letter to fold."""


def normalise(text: str) -> str:
    visible = text.translate(_VISIBLE)
    folded = unicodedata.normalize("NFKC", visible).translate(_FOLDED)
    spaced = _SPACE_RUN.sub(" ", folded)
    spaced = _without_spaces_by_ideographs(spaced)
    start, end = 0, len(spaced)
    while start < end and _is_edge(spaced[start]):
        start += 1
    while end > start and _is_edge(spaced[end - 1]):
        end -= 1
    return spaced[start:end]
