"""Entries of ``extra_css`` and ``extra_javascript`` that are no file's path.

MkDocs prints each entry of ``extra_css`` into every page as a style sheet's address without
looking at it: a number (``- 5``) stopped the build with a Python traceback, an empty entry
(``-``) put ``href="None"`` into every page, and an empty text (``- ''``) ``href="."``, while
``check`` said OK. An entry of ``extra_javascript`` is a path or a mapping of options with
its ``path``: a number there got MkDocs' "Expected a key-value mapping (dict)" at the list's
key, not at the entry. So each entry that is no file's path (nothing, a number, a yes or
no, a date, a list, a mapping in ``extra_css``, a script's options without a ``path``) is
named at its own line before MkDocs reads the settings. One an environment variable gives
(``!ENV``) is judged as MkDocs will read it; one another tag gives is left to MkDocs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import yaml

from generator.errors import Problem
from generator.project import COURSE_FOLDER
from generator.settings_env import (
    ENV_TAG,
    YAML_TAGS,
    given_by_variable,
    mapping_pairs,
    problem_at,
    top_level,
    variable_value,
)
from generator.settings_trust import SEQ_TAG, path_of, written_value

MAP_TAG = f"{YAML_TAGS}map"
CSS = "extra_css"
SCALAR_KINDS = {
    f"{YAML_TAGS}null": "empty",
    f"{YAML_TAGS}bool": "the yes-or-no value {value}",
    f"{YAML_TAGS}int": "the number {value}",
    f"{YAML_TAGS}float": "the number {value}",
    f"{YAML_TAGS}timestamp": "the date {value}",
}
"""What YAML reads a plain value as, when it is no text, in the trainer's words."""
LOADED = {
    CSS: (
        "style sheet",
        f"write the style sheet's path under {COURSE_FOLDER}/ as a text, with no key before "
        "it (- stylesheets/extra.css), or delete the entry",
    ),
    "extra_javascript": (
        "script",
        f"write the script's path under {COURSE_FOLDER}/ as a text (- js/extra.js), or as "
        "'- path: js/extra.js' with 'defer: true' below it, or delete the entry",
    ),
}
"""What each entry of a setting names, and how to write one."""


def entry_problems(document: yaml.Node | None, shown: Path) -> list[Problem]:
    """Each entry of ``extra_css`` and ``extra_javascript`` in ``document``, the settings of
    mkdocs.yml (``shown``) as nodes, that is no file's path, at its line; a list a tag
    gives, or a value that is no list, is left to MkDocs."""
    return [
        _entry_problem(setting, index, node, what, shown)
        for setting, index, node in _entries(document)
        if (what := _not_a_path(node, setting)) is not None
    ]


def _entries(document: yaml.Node | None) -> Iterator[tuple[str, int, yaml.Node]]:
    """The setting, place and file's node of each entry: the entry, or the ``path`` of a
    script's options."""
    for key, value in top_level(document):
        if key.value in LOADED and isinstance(value, yaml.SequenceNode) and value.tag == SEQ_TAG:
            for index, item in enumerate(value.value):
                yield key.value, index, item if key.value == CSS else path_of(item)


def _not_a_path(node: yaml.Node, setting: str) -> str | None:
    """What ``node``, an entry's file, is instead of a path; None for a text that is not
    empty, and for a value of a tag MkDocs reads itself (``!relative``)."""
    value = written_value(node)
    if value is not None:
        return "empty" if not value.strip() else None
    if node.tag == ENV_TAG and variable_value(node) is None:
        items = node.value if isinstance(node, yaml.SequenceNode) else []
        if len(items) < 2:  # no fallback
            return "empty (none of the environment variables its !ENV names is set)"
        return _not_a_path(items[-1], setting)
    if isinstance(node, yaml.SequenceNode) and node.tag == SEQ_TAG:
        return "a list"
    if isinstance(node, yaml.MappingNode) and node.tag == MAP_TAG:
        if setting != CSS:
            return "a script's options without its 'path:'"
        keys = [str(key.value) for key, _ in mapping_pairs(node)]
        return f"a key and its value ('{keys[0]}: …')" if keys else "an empty mapping ({})"
    kind = SCALAR_KINDS.get(node.tag) if isinstance(node, yaml.ScalarNode) else None
    return kind.format(value=node.value) if kind is not None else None


def _entry_problem(setting: str, index: int, node: yaml.Node, what: str, shown: Path) -> Problem:
    loaded, fix = LOADED[setting]
    message = (
        f"{setting}[{index}] is {what}, not a file's path: each entry of {setting} names a "
        f"{loaded} every page loads{given_by_variable(node)}"
    )
    return problem_at(node.start_mark, shown, message, fix, "settings.invalid")
