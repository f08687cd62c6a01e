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
course's own, a character class and the three marks the index escapes, needs none of
them.

A Chinese dictionary for jieba, which splits the pages' text into words as the site is built
(``jieba_dict``, ``jieba_dict_user``), is a path from the folder of mkdocs.yml, as the
theme's own folder is: jieba read it from the folder the command ran in, so the build failed
run from any other, and ``check``, which did not look at it, said OK. One that names no file
the build could read is refused at its line, and what jieba cannot read in one at the
dictionary's own line (:mod:`generator.settings_dictionary`).

The search itself is the course's Chinese one (``- search:`` with ``lang: zh`` and its
separator), and leaving it out is a warning: without ``plugins:`` MkDocs adds the search with
its own settings, and the site's index said ``"lang":["en"]`` with Material's separator, so
a Chinese word in the middle of a sentence was not found; a list of plugins without it
builds a site with no search at all, not even its box, as does a search turned off
(``enabled: false``, which Material's search reads); and a search without ``lang: zh``
reads the pages as English. ``check`` had said OK to each.
"""

from __future__ import annotations

import os
import re
import stat
import warnings
from collections.abc import Iterator
from pathlib import Path

import yaml

from generator.errors import Problem, Severity
from generator.project import CONFIG_FILE, TERMS_FILE
from generator.settings_dictionary import dictionary_entry_problems
from generator.settings_env import (
    COURSE_LANGUAGE,
    YAML_TAGS,
    given_by_variable,
    mapping_pairs,
    node_place,
    problem_at,
    top_setting,
    top_settings,
)
from generator.settings_trust import SEQ_TAG, written_value
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
PLUGINS = "plugins"
WHERE_SEARCH = f"{PLUGINS}.{SEARCH}"
MAP_TAG, NULL_TAG, BOOL_TAG = f"{YAML_TAGS}map", f"{YAML_TAGS}null", f"{YAML_TAGS}bool"
ENABLED = "enabled"
COURSE_SEPARATOR = (
    r"&(?:amp|lt|gt);|"
    r'[\s\u200b\u3000\-、。，．？！；：（）《》〈〉「」『』【】〔〕“”‘’…—～·()\[\]{}"/,;:!?&]+'
)
"""The course's separator, as the repository's mkdocs.yml writes it (in single quotes):
Material's Chinese one, the marks around a Latin word (（Kano 模型）), and &, < and > as the
index holds them (``&amp;``, each one mark, which a split at ``;`` alone cut in two)."""
MISSED = "learners do not find a Chinese word in the middle of a sentence"
ENGLISH = f"reads the pages as English (lang: en): {MISSED}"
MARKS = "and it splits words at Material's own marks alone: a search for Kano misses （Kano 模型）"
NO_SEARCH = "the search box is gone from every page, and learners cannot search the course"
COURSE_SEARCH = (
    f"the course's search, as the repository's {CONFIG_FILE} has it: '  - {SEARCH}:', with "
    f"'lang: {COURSE_LANGUAGE}' below it and the course's separator, "
    f"separator: '{COURSE_SEPARATOR}'"
)
LANG_FIX = (
    f"write 'lang: {COURSE_LANGUAGE}' under '- {SEARCH}:', as the repository's {CONFIG_FILE} has it"
)
OFF_FIX = f"delete '{ENABLED}:' under '- {SEARCH}:', or write '{ENABLED}: true' there"
Warned = tuple[yaml.Node, str, str]
"""Where a warning is, what it says and its fix."""


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
    value, and each line of one that jieba cannot read, at that line
    (:mod:`generator.settings_dictionary`). An empty setting Material ignores; one of
    another kind than a text is MkDocs' business."""
    problems: list[Problem] = []
    for key, value, node in _dictionaries(data):
        if (problem := _dictionary_problem(key, value, node, root, shown)) is not None:
            problems.append(problem)
        else:
            problems += _entries(key, value, root, Severity.ERROR)
    return problems


def dictionary_warnings(data: bytes, root: Path) -> list[Problem]:
    """The lines of the Chinese dictionaries the search's settings in ``data``, the bytes of
    mkdocs.yml in the folder ``root``, name that jieba misreads: a user dictionary's word
    read with a space, which no page is split into."""
    return [
        warning
        for key, value, _ in _dictionaries(data)
        for warning in _entries(key, value, root, Severity.WARNING)
    ]


def named_dictionaries(data: bytes, root: Path) -> list[Path]:
    """The files the search's Chinese dictionaries in ``data``, the bytes of mkdocs.yml in
    the folder ``root``, name, as the build reads them."""
    return [dictionary_path(root, value) for _, value, _ in _dictionaries(data)]


def _dictionaries(data: bytes) -> Iterator[tuple[str, str, yaml.Node]]:
    """Each Chinese dictionary setting of the search in ``data``, the bytes of mkdocs.yml,
    that names a file: the setting, the file as written, and where it is written."""
    for key, node in _search_options(data):
        if key in DICTIONARIES and (value := written_value(node)):
            yield key, value, node


def _entries(key: str, value: str, root: Path, severity: Severity) -> list[Problem]:
    """The lines of the dictionary ``value`` (a path from ``root``), named by ``key``, that
    jieba refuses or misreads, of ``severity``."""
    path = dictionary_path(root, value)
    shown = path.relative_to(root) if path.is_relative_to(root) else path
    return [
        problem
        for problem in dictionary_entry_problems(key, path, shown)
        if problem.severity is severity
    ]


def search_plugin_warnings(data: bytes, shown: Path) -> list[Problem]:
    """The course's Chinese search left out of ``data``, the bytes of mkdocs.yml (``shown``):
    no ``plugins:``, or an empty one (MkDocs then adds the search with its own settings, for
    English), plugins without the search (the site then has none), a search turned off
    (``enabled: false``: none either), or a search without ``lang: zh``. Plugins a tag
    gives (``!ENV``), or neither a list nor a mapping, are MkDocs'."""
    key, plugins = next(
        ((key, value) for key, value in top_settings(data) if key.value == PLUGINS),
        (None, None),
    )
    if key is None or plugins is None or plugins.tag == NULL_TAG:
        what = f"{CONFIG_FILE} has no '{PLUGINS}:'" if key is None else f"'{PLUGINS}:' is empty"
        message = f"{what}, so MkDocs adds the search with its own settings, which {ENGLISH}"
        fix = f"add '{PLUGINS}:' at the left edge, and under it" if key is None else "add under it"
        return [_warning(key, shown, f"{message}, {MARKS}", f"{fix} {COURSE_SEARCH}")]
    searches = _searches(plugins)
    if searches is None:
        return []
    if not searches:
        message = f"'{PLUGINS}:' names no search, so the site has none: {NO_SEARCH}"
        return [_warning(key, shown, message, f"add under it {COURSE_SEARCH}")]
    return [
        _warning(found[0], shown, found[1], found[2])
        for name, options in searches
        if (found := _turned_off(options) or _not_chinese(name, options)) is not None
    ]


def _turned_off(options: yaml.Node | None) -> Warned | None:
    """Where the search plugin with ``options`` is turned off (``enabled: false``, which
    Material's search reads: it then makes no index, and Material shows no search box), what
    that does and its fix. One a tag gives (``!ENV``) is the trainer's to set."""
    enabled = next((value for key, value in mapping_pairs(options) if key.value == ENABLED), None)
    if not isinstance(enabled, yaml.ScalarNode) or enabled.tag != BOOL_TAG:
        return None
    if yaml.SafeLoader.bool_values.get(str(enabled.value).lower(), True):
        return None
    message = f"{WHERE_SEARCH}.{ENABLED} is '{enabled.value}', so the site has no search"
    return enabled, f"{message}: {NO_SEARCH}", OFF_FIX


def _searches(plugins: yaml.Node | None) -> list[tuple[yaml.Node, yaml.Node | None]] | None:
    """Each search plugin (``material/search`` too) of ``plugins``, a list (``- search:``
    over its options, or ``- search`` alone) or a mapping of them: its name, and its options
    if it has any. None when ``plugins`` is neither, as written."""
    named: list[tuple[yaml.Node, yaml.Node | None]] = []
    if isinstance(plugins, yaml.SequenceNode) and plugins.tag == SEQ_TAG:
        for item in plugins.value:
            named += mapping_pairs(item) or [(item, None)]
    elif isinstance(plugins, yaml.MappingNode) and plugins.tag == MAP_TAG:
        named += mapping_pairs(plugins)
    else:
        return None
    return [(name, options) for name, options in named if _is_search(name)]


def _is_search(name: yaml.Node) -> bool:
    """Whether ``name``, a plugin's, is the search's (``search``, ``material/search``)."""
    return isinstance(name, yaml.ScalarNode) and str(name.value).rsplit("/", 1)[-1] == SEARCH


def _not_chinese(name: yaml.Node, options: yaml.Node | None) -> Warned | None:
    """Where the search plugin ``name`` (with ``options``) is set for no Chinese, how a
    message names it and its fix; None when its ``lang`` names ``zh``, or a tag gives it."""
    lang = next((value for key, value in mapping_pairs(options) if key.value == "lang"), None)
    if lang is None or lang.tag == NULL_TAG:
        message = f"{WHERE_SEARCH} has no 'lang: {COURSE_LANGUAGE}', so the search {ENGLISH}"
        return name, message, LANG_FIX
    if isinstance(lang, yaml.SequenceNode) and lang.tag == SEQ_TAG:
        written = [value for item in lang.value if (value := written_value(item)) is not None]
    elif (value := written_value(lang)) is not None:
        written = [value]
    else:
        return None
    if COURSE_LANGUAGE in written:
        return None
    shown = ", ".join(written)
    message = f"{WHERE_SEARCH}.lang is '{shown}', without '{COURSE_LANGUAGE}', so the search "
    return lang, f"{message}does not read the pages as Chinese: {MISSED}", LANG_FIX


def _warning(node: yaml.Node | None, shown: Path, message: str, fix: str) -> Problem:
    """A warning at ``node``, or at the file's start when it is not written."""
    where = (shown, *node_place(node))
    return Problem(*where, message, fix, "settings.search-chinese", Severity.WARNING)


def dictionary_path(root: Path, value: str) -> Path:
    """The file a dictionary setting's ``value`` names: a path from ``root``, the folder of
    mkdocs.yml, normalised as jieba normalises it."""
    return Path(os.path.normpath(root / value))


def _search_options(data: bytes) -> Iterator[tuple[str, yaml.Node]]:
    """The options, and their values, of each ``search`` plugin (``material/search`` too) in
    ``data``, the bytes of mkdocs.yml, whose plugins are a list (``- search:`` over its
    options) or a mapping of them."""
    for _, options in _searches(top_setting(data, PLUGINS)) or []:
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
