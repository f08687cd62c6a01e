"""How to write, in YAML, a value that was read as the wrong kind: the fix a message gives.

A Chinese input method types '，' and '、' between words, and '［' '］' or '【' '】' for
brackets; YAML separates a list's entries only with an ordinary ',' and reads a list only
in ordinary brackets. ``accept: 切，切脉`` is one text, and so is ``accept: [切，切脉]``'s
only entry: the fix writes ``accept: [切, 切脉]``. ``correct: "true"`` is a text too:
the fix removes the quotes.
"""

from __future__ import annotations

import difflib
import re

from generator.yaml_dash_hints import DASHES
from generator.yaml_events import OtherNotation
from generator.yaml_hints import SPECIAL_START
from generator.yaml_key_hints import key_ending, no_key_reason
from generator.yaml_lines import stray_space
from generator.yaml_quote_hints import quoted
from generator.yaml_written import as_yaml

FULL_WIDTH_SEPARATORS = re.compile("[，、]")
"""What a Chinese input method types between words of a list: YAML reads them as text."""
ENTRY_SEPARATORS = re.compile("[,，、]")
"""What a trainer may put between the entries of a list written on one line."""
FULL_WIDTH_BRACKETS = re.compile(r"^\s*[［【](.*)[］】]\s*$")
"""A text in full-width brackets, which a Chinese input method types for '[' and ']'."""
DASHED_FIRST = re.compile(
    rf"^([{DASHES}]+\s*|-(?=[^\s\-]))(.+?)((?:\s+[-{DASHES}]+\s*|[{DASHES}]+\s+)\S.*)?$"
)
"""A list's first entry started by a dash that is no '-' (``— 道歉``, an input method's
``——``), or by '-' with no space after it: the dash, the entry's text up to the next
entry's dash, and the entries after it, if any (``-5`` alone is a number, ``-5℃`` a text).
The next entry's dash may follow the text with no space (``识别需求－ 收集信息``: YAML joins
lines between Chinese characters without one), if a space follows the dash; a dash within
a text (``关键时刻——MOT``) has none."""
FLOW_SYNTAX = re.compile(r"[,\[\]{}#]|:(?:\s|$)|^[-?:&*\s]|\s$")
"""What an entry of a list in brackets may not hold unless it is quoted, beyond a
character YAML reads as syntax at its start (:data:`generator.yaml_hints.SPECIAL_START`)."""
NUMBERED_FIRST = re.compile(r"\s*(\d+\s*[.．、)）])\s*(\S.*?)(\s+\d+\s*[.．、)）]\s*\S.*)?")
"""A list's entries numbered as in a document (``1. 道歉 2. 紧急复原``, the lines under its
key joined into one text): the first number, the first entry, and the entries after it."""
ENTRY_KEYS = {
    "objectives": ("id", "text"),
    "options": ("text", "correct", "feedback"),
    "pairs": ("item", "match"),
    "blanks": ("accept",),
    "turns": ("id", "customer", "replies"),
    "replies": ("text", "feedback"),
    "questions": ("id", "type", "prompt"),
    "exam_questions": ("id", "type", "prompt"),
}
"""The keys an entry of each list of groups of keys starts with, as AUTHORING.md shows them
(every list whose entries are groups of keys, :data:`generator.schema_location.KEYS_UNDER`;
tests/test_schema_messages.py holds the two together)."""
NOT_TEXT = re.compile(
    r"[-+]?(?:[0-9][0-9_.]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?\.inf|\.nan|~"
    r"|true|True|TRUE|false|False|FALSE|null|Null|NULL"
)
"""An entry YAML reads as a number, true or false, or nothing, unless it is quoted: an
accepted answer ``60`` is to be written ``"60"``."""


def list_fix(key: str, value: object) -> str:
    """How to write ``value``, found where ``key`` needs a list, as a list."""
    lines = f"write its entries under '{key}:', each on its own line starting with '- '"
    if value is None or isinstance(value, dict | list):
        return lines
    if key in ENTRY_KEYS:
        return _entries_of_keys(key, value)
    text = as_yaml(value)
    dashed = DASHED_FIRST.match(text)
    if (
        dashed is not None
        and (dashed.group(1) != "-" or dashed.group(3))
        and not NOT_TEXT.fullmatch(text)
    ):
        dash, first = dashed.group(1).strip(), dashed.group(2)
        more = ", and the entries below it as more of the same text" if dashed.group(3) else ""
        return (
            f"start each entry with a half-width '-' and a space: - {first} (YAML reads "
            f"'{dash}' as text{more})"
        )
    numbered = NUMBERED_FIRST.fullmatch(text)
    if numbered is not None and not NOT_TEXT.fullmatch(text):
        number, first = numbered.group(1), numbered.group(2)
        more = ", and the entries below it as more of the same text" if numbered.group(3) else ""
        return (
            f"start each entry with '- ' instead of its number, on a line of its own: - {first} "
            f"(YAML reads '{number}' as text{more}; the list keeps the order they are written in)"
        )
    bracketed = FULL_WIDTH_BRACKETS.match(text)
    if bracketed is not None:
        entries = split_entries(bracketed.group(1), ENTRY_SEPARATORS)
        return (
            "write the brackets half-width (ordinary '[' and ']'), not full-width: "
            f"{key}: {flow_list(entries)}"
        )
    return f"{lines}, or in brackets: {key}: {flow_list(split_entries(text, ENTRY_SEPARATORS))}"


def allowed_fix(key: str, value: object, allowed: list[str]) -> str:
    """The value meant, if ``value`` is one of ``allowed`` but for its case, or close to
    one (``stage: Principles`` was shown ``stage: meaning``, which a trainer could copy)."""
    written = str(value).casefold()
    same = [name for name in allowed if name.casefold() == written]
    if same:
        return f"write it as shown, in lower case: {key}: {same[0]}"
    close = difflib.get_close_matches(written, allowed, n=1)
    if close:
        return f"did you mean '{close[0]}'? write {key}: {close[0]}"
    return f"write one of them exactly as shown, e.g. {key}: {allowed[0] if allowed else '…'}"


def too_few_fix(key: str, value: object, written: str) -> str:
    """How to give the list ``key`` more entries: a list in brackets whose entries a Chinese
    input method joined with '，' or '、' holds them as one. ``written``: the key's line as
    written (a list written one entry a line holds its '、' in its entries' text)."""
    in_brackets = written.partition(":")[2].lstrip().startswith("[")
    if (
        not in_brackets
        or not isinstance(value, list)
        or not any(
            isinstance(entry, str) and FULL_WIDTH_SEPARATORS.search(entry) for entry in value
        )
    ):
        return f"add entries under '{key}'"
    entries = [part for entry in value for part in split_entries(str(entry), ENTRY_SEPARATORS)]
    return (
        f"separate the entries with ordinary commas (',' not '，' or '、'): "
        f"{key}: {flow_list(entries)}"
    )


def _entries_of_keys(key: str, value: object) -> str:
    """How to write ``value`` as the list ``key`` needs, whose entries are groups of keys
    (``objectives:``, ``- id: …`` and ``text: …``): a list of texts would be wrong again."""
    first, *others = ENTRY_KEYS[key]
    below = "".join(f" and '{name}: …'" for name in others)
    return (
        f"write its entries under '{key}:', each starting with '- {first}: …' on a line of "
        f"its own{below} lined up under '{first}' below it; '{as_yaml(value)}' is one "
        "entry's text, not a list"
    )


def split_entries(text: str, separators: re.Pattern[str]) -> list[str]:
    """The entries of ``text`` between ``separators``, without spaces around them; ``text``
    itself if it holds no other."""
    entries = [entry.strip() for entry in separators.split(text)]
    return [entry for entry in entries if entry] or [text]


def flow_list(entries: list[str]) -> str:
    """``entries`` as a YAML list in brackets, each entry quoted where YAML needs it."""
    return "[" + ", ".join(_flow_entry(entry) for entry in entries) + "]"


def _flow_entry(entry: str) -> str:
    if entry[:1] in SPECIAL_START or FLOW_SYNTAX.search(entry) or NOT_TEXT.fullmatch(entry):
        return quoted(entry)
    return entry


def true_or_false_fix(key: str, value: object) -> str:
    """How to write true or false for ``key``, given ``value``: a quoted ``"true"`` loses
    its quotes, and ``true`` with a full-width space after it, the space."""
    if isinstance(value, str) and value.strip().lower() in {"true", "false"}:
        stray = stray_space(value)
        how = (
            f"delete {stray}, which YAML keeps as part of the text"
            if stray
            else "remove the quotes"
        )
        return f"{how}: {key}: {value.strip().lower()}"
    return f"write {key}: true or {key}: false"


def entry_with_colon(key: str, entry: dict[object, object]) -> tuple[str, str] | None:
    """What YAML made of an entry of the list ``key`` that it read as ``name: value`` for
    the ': ' in it, and the fix, if it is one such pair: the colon full-width, or the entry
    in quotes as it stands (a number after the colon is not as written, 0.50 read as 0.5,
    so it is not quoted back, unless it is kept as written: ``0x50``); or, when ``name``
    ends in a key, no key."""
    if len(entry) != 1:
        return None
    ((name, text),) = entry.items()
    if not isinstance(text, str | int | float | OtherNotation):
        return None
    keyed = _key_in_entry(key, str(name), text)
    if keyed is not None or isinstance(text, bool):
        return keyed
    said = f"the ': ' after '{name}' makes YAML read this one as a 'key: value' line"
    if not isinstance(text, str | OtherNotation):
        return said, "write that colon full-width, or put the whole entry in double quotes"
    fix = f"write that colon full-width ({name}：{text}), or put the entry in quotes: "
    return said, fix + quoted(f"{name}: {text}")


def _key_in_entry(
    key: str, name: str, value: str | float | OtherNotation
) -> tuple[str, str] | None:
    """An entry of the list ``key``, a text alone, that starts with a course file's key
    (``- text: 道歉`` among an ordering question's items, typed as in an option) or ends
    with one (``- 移情 correct: true``): the fix drops the key, where a full-width colon
    or quotes would show it to learners."""
    found = key_ending(name, value)
    if found is None:
        return None
    known, text = found.group(1), name[: found.start(1)].strip()
    where = "after its text" if text else "at its start"
    said = f"'{known}:' {where} makes YAML read it as a 'key: value' line"
    reason = no_key_reason(key, known)
    if text:
        return said, f"delete '{known}: {as_yaml(value)}', leaving - {text}: {reason}"
    if isinstance(value, bool):
        return None
    alone = f": - {value}" if isinstance(value, str) else ""
    return (
        f"{said}, but {reason}",
        f"write the text alone, without '{known}:'{alone}",
    )
