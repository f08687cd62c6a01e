"""``mkdocs.yml`` read as text before MkDocs reads it, as carefully as a course file.

MkDocs shows a file that is not UTF-8 as a decoding error at a byte position; the trainer
gets the message a course file would get (:mod:`generator.sources`) instead. MkDocs' YAML
loader follows nesting by recursion and expands aliases: 50,000 nested brackets end in a
RecursionError, and a few lines of aliases of aliases (a "billion laughs") take minutes and
gigabytes. The settings are read first as libyaml's events, which need neither, with the
course files' limit on nesting; tags (``!ENV``, ``!!python/name:``) stay MkDocs' business.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.sources import decode_source
from generator.yaml_events import EVENT_PARSER
from generator.yaml_source import MAX_DEPTH

MAX_VALUES = 10_000
"""Most values the settings may stand for, aliases expanded; the course's have about 80."""


def settings_text_problems(data: bytes, shown: Path) -> list[Problem]:
    """What keeps ``data``, the bytes of ``mkdocs.yml`` (named ``shown``), from MkDocs."""
    text = decode_source(data, shown)
    if isinstance(text, Problem):
        return [text]
    oversized = _oversized(text, shown)
    return [oversized] if oversized is not None else []


def _oversized(text: str, shown: Path) -> Problem | None:
    """Where the settings nest too deep, or where their aliases make them too many values.

    Counts the values each anchor stands for as they are read, so an alias adds the whole of
    what it repeats. A YAML error is left to MkDocs, which reports it at its line, but for
    libyaml's own limit on nesting, which it may reach while reading ahead of the events.
    """
    anchored: dict[str, int] = {}
    opened: list[tuple[str | None, int]] = []  # each open collection: anchor, values before it
    values = 0
    try:
        for event in yaml.parse(text, Loader=EVENT_PARSER):
            if isinstance(event, yaml.CollectionStartEvent):
                if len(opened) >= MAX_DEPTH:
                    return _problem(shown, event.start_mark, *TOO_DEEP)
                opened.append((event.anchor, values))
                values += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                anchor, before = opened.pop()
                if anchor:
                    anchored[anchor] = values - before
            elif isinstance(event, yaml.AliasEvent):
                values += anchored.get(str(event.anchor), 1)
            elif isinstance(event, yaml.ScalarEvent):
                values += 1
                if event.anchor:
                    anchored[event.anchor] = 1
            if values > MAX_VALUES:
                return _problem(shown, event.start_mark, *TOO_MANY_VALUES)
    except yaml.MarkedYAMLError as error:
        if error.problem_mark is not None and LIBYAML_TOO_DEEP in (error.problem or ""):
            return _problem(shown, error.problem_mark, *TOO_DEEP)
    return None


LIBYAML_TOO_DEEP = "exceeded maximum nesting depth"
TOO_DEEP = (
    f"the settings are nested more than {MAX_DEPTH} levels deep",
    "check the brackets and the indentation: the settings need far fewer levels",
    "yaml.too-deep",
)
TOO_MANY_VALUES = (
    f"the aliases (*name) here make the settings hold more than {MAX_VALUES:,} values",
    "write out in full what an alias should repeat, once, and remove the aliases of aliases",
    "settings.too-many-values",
)


def _problem(shown: Path, mark: Any, message: str, fix: str, code: str) -> Problem:
    """``mark``: where the problem starts, as PyYAML or libyaml gives it (0-based)."""
    return Problem(shown, mark.line + 1, mark.column + 1, message, fix, code)
