"""The search's separator (``plugins: - search: separator:``), which every page's search
reads in the learner's browser, and its Chinese dictionaries, which the build reads.

Material's search splits the pages' text into words where the separator, a regular
expression, matches: its search worker makes one of it with JavaScript's
``new RegExp(separator)``, and its highlighting of the words found another (flags ``img``,
each alternative that is only lookarounds replaced by a character: a separator the worker
reads, it reads too). One JavaScript cannot read throws there, and search stops working on
every page; MkDocs wrote it into the site without looking, and ``check`` and the build said
OK (``'([\\s…]+'``).

It is read with Python's ``re``, as the build reads it too (:mod:`generator.search_breaks`,
which passed over one it could not read without a word), and refused at its line when
Python cannot read it. The two languages' regular expressions differ at their edges (the
browser's here without flags, in its lenient reading), so what Python reads and a browser
does not is refused as well: a group of Python's own (``(?P<name>…)``, ``(?P=name)``,
flags such as ``(?i)``, ``(?#…)``, ``(?>…)``, ``(?(1)…)``), a possessive repeat (``*+``,
``{2}+``), and a lookbehind (``(?<=…)``), which Safari before 16.4 cannot read, as
eslint.config.mjs keeps it from the runtime. The few a browser reads and Python does not
(``\\q`` for ``q``, ``(?<name>…)``) are refused too: the build reads the separator, and the
course's own, a character class, needs none of them.

A Chinese dictionary for jieba, which splits the pages' text into words as the site is built
(``jieba_dict``, ``jieba_dict_user``), is a path from the folder of mkdocs.yml, as the
theme's own folder is: jieba read it from the folder the command ran in, so the build failed
run from any other, and ``check``, which did not look at it, said OK. One that names no file
the build could read is refused at its line; what is in it only jieba reads, as the build
runs, and the build reports what it cannot read (:mod:`generator.mkdocs_run`).
"""

from __future__ import annotations

import os
import re
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

import yaml

from generator.errors import Problem
from generator.project import CONFIG_FILE, TERMS_FILE
from generator.settings_env import (
    ENV_TAG,
    given_by_variable,
    mapping_pairs,
    problem_at,
    top_setting,
)
from generator.settings_trust import written_value
from generator.sources import file_kind

SEARCH = "search"
SEPARATOR = "separator"
WHERE = "plugins.search.separator"
BROWSER_TOKEN = re.compile(
    r"\\.|\[(?:\\.|[^\]\\])*\]"  # an escape; a character class
    r"|\((?:\?(?:<[=!]|.?))?|\)"  # a group's start, '(?' with what says its kind; its end
    r"|[*+?]|\{\d+(?:,\d*)?\}|.",  # a repeat, as a browser reads one; any other character
    re.DOTALL,
)
"""The pieces of a regular expression as a browser reads them, without flags."""
BROWSER_GROUPS = ("(", "(?:", "(?=", "(?!")
"""The groups every browser reads that Python reads too (``(?<name>`` Python does not)."""
LOOKBEHINDS = ("(?<=", "(?<!")
OLD_SAFARI = "Safari before 16.4 (WeChat on iOS 15)"
"""The browsers that read no lookbehind, as eslint.config.mjs keeps them from the runtime."""
UNREAD = (
    "the search in every page reads it in the learner's browser, and stops working when it cannot"
)
DICTIONARIES = ("jieba_dict", "jieba_dict_user")
"""The search's settings naming a Chinese dictionary, which jieba reads as the build runs."""


def search_problems(data: bytes, root: Path, shown: Path) -> list[Problem]:
    """What in the search's settings in ``data``, the bytes of mkdocs.yml (``shown``) in the
    folder ``root``, a browser or the build could not read: its separator, its dictionaries."""
    return separator_problems(data, shown) + dictionary_problems(data, root, shown)


def separator_problems(data: bytes, shown: Path) -> list[Problem]:
    """The search's separator in ``data``, the bytes of mkdocs.yml (``shown``), when Python
    or a browser cannot read it as a regular expression, at its value. One of another kind
    than a text is MkDocs' business, and none at all is Material's own."""
    return [
        problem
        for key, node in _search_options(data)
        if key == SEPARATOR
        and (pattern := written_value(node)) is not None
        and (problem := _pattern_problem(pattern, node, shown)) is not None
    ]


def dictionary_problems(data: bytes, root: Path, shown: Path) -> list[Problem]:
    """Each Chinese dictionary the search's settings in ``data``, the bytes of mkdocs.yml
    (``shown``) in the folder ``root``, name that is no file the build could read, at its
    value. An empty one Material ignores; one of another kind than a text is MkDocs' business."""
    return [
        problem
        for key, node in _search_options(data)
        if key in DICTIONARIES
        and (value := written_value(node))
        and (problem := _dictionary_problem(key, value, node, root, shown)) is not None
    ]


def dictionary_path(root: Path, value: str) -> Path:
    """The file a dictionary setting's ``value`` names: a path from ``root``, the folder of
    mkdocs.yml, normalised as jieba normalises it."""
    return Path(os.path.normpath(root / value))


def _search_options(data: bytes) -> Iterator[tuple[str, yaml.Node]]:
    """The options, and their values, of each ``search`` plugin (``material/search`` too) in
    ``data``, the bytes of mkdocs.yml, whose plugins are a list (``- search:`` over its
    options) or a mapping of them."""
    plugins = top_setting(data, "plugins")
    if isinstance(plugins, yaml.SequenceNode) and plugins.tag != ENV_TAG:
        pairs = [pair for item in plugins.value for pair in mapping_pairs(item)]
    else:
        pairs = mapping_pairs(plugins)
    for name, options in pairs:
        if str(name.value).rsplit("/", 1)[-1] == SEARCH:
            yield from ((str(key.value), value) for key, value in mapping_pairs(options))


def _pattern_problem(pattern: str, node: yaml.Node, shown: Path) -> Problem | None:
    """What keeps ``pattern``, the separator written at ``node``, from being a regular
    expression Python and a browser both read."""
    with warnings.catch_warnings():  # "possible nested set" at '[[': a browser reads it too
        warnings.simplefilter("ignore")
        try:
            re.compile(pattern)
        except re.error as error:
            at = f" at character {error.pos + 1}" if error.pos is not None else ""
            reason = f"Python says '{error.msg}'{at}"
            fix = (
                "correct the pattern there (close each '(' and '[', and write '\\' before a "
                f"'[', ']' or '\\' meant as itself), or undo the last change to {CONFIG_FILE}"
            )
            return _problem(node, shown, reason, fix)
    found = _unread_by_browsers(pattern)
    if found is None:
        return None
    start, piece, what = found
    reason = f"'{piece}' at character {start + 1} is {what}"
    fix = f"write it without '{piece}', or undo the last change to {CONFIG_FILE}"
    return _problem(node, shown, reason, fix)


def _unread_by_browsers(pattern: str) -> tuple[int, str, str] | None:
    """Where ``pattern``, a regular expression Python reads, holds what a browser's does
    not: the piece's start, the piece, and what it is."""
    before = (0, False)  # the start of the piece before, and whether it is a repeat
    for token in BROWSER_TOKEN.finditer(pattern):
        text, start = token.group(), token.start()
        repeat = text in ("*", "+", "?") or (text[0] == "{" and len(text) > 1)
        if text in LOOKBEHINDS:
            return start, text, f"a lookbehind, which {OLD_SAFARI} does not read"
        if text.startswith("(?") and text not in BROWSER_GROUPS:
            return start, text, "a group of Python's own, which a browser does not read"
        if repeat and before[1] and text == "+":
            piece = pattern[before[0] : token.end()]
            return before[0], piece, "a possessive repeat, which a browser does not read"
        before = (start, repeat and not before[1])  # a lazy '?' after a repeat is none
    return None


def _problem(node: yaml.Node, shown: Path, reason: str, fix: str) -> Problem:
    message = (
        f"{WHERE} is not a regular expression both the build (Python) and every browser "
        f"read ({reason}): {UNREAD}{given_by_variable(node)}"
    )
    return problem_at(node.start_mark, shown, message, fix, "settings.search-separator")


def _dictionary_problem(
    key: str, value: str, node: yaml.Node, root: Path, shown: Path
) -> Problem | None:
    """What keeps the dictionary ``value``, written at ``node`` for the setting ``key``, from
    being read by the build."""
    path = dictionary_path(root, value)
    what = _unreadable(path)
    if what is None:
        return None
    if not Path(value).is_absolute():
        what += f" (read from the folder of {CONFIG_FILE}: {path})"
    message = (
        f"plugins.search.{key} names the Chinese dictionary '{value}', {what}, and the build "
        f"would stop on it{given_by_variable(node)}"
    )
    fix = (
        "save the dictionary there (a UTF-8 file of one word a line), correct the path, or "
        f"delete the setting: the course's own terms go in {TERMS_FILE}"
    )
    return problem_at(node.start_mark, shown, message, fix, "settings.search-dictionary")


def _unreadable(path: Path) -> str | None:
    """Why the build could not read the file ``path``, if it could not."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISREG(mode):
            path.open("rb").close()
    except FileNotFoundError:
        return "which is not there"
    except OSError as error:
        return f"which cannot be read ({error.strerror})"
    return None if stat.S_ISREG(mode) else f"which is {file_kind(mode)}, not a file"
