"""Settings the generated pages need, named where ``mkdocs.yml`` lacks them.

Once MkDocs has read the file, :func:`needed_setting_problems` names an extension or a
runtime file the generated pages need and the settings lack: without ``admonition`` the
notes show as text, without ``mot-core.js`` no question works, and the build still passed.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.errors import Problem, joined_with_and
from generator.project import ASSETS_FOLDER
from generator.settings_env import (
    YAML_TAGS,
    mapping_pairs,
    problem_at,
    settings_document,
    top_level,
)
from generator.settings_trust import SEQ_TAG, path_of, written_value

EXTENSIONS = "markdown_extensions"
NEEDED_EXTENSIONS = {
    "admonition": 'notes and dialogues, !!! tip "…"',
    "attr_list": "headings' ids, {#quiz}",
    "footnotes": "sources, [^1]",
    "md_in_html": "the module pages' introduction, <div markdown>",
    "pymdownx.details": 'collapsible blocks, ??? example "…"',
    "pymdownx.superfences": "``` inside a note or a list",
}
"""The Markdown extensions the pages are written for, with what needs each one."""
NEEDED_FILES = {
    "extra_javascript": (
        f"{ASSETS_FOLDER}/mot-core.js",
        "the quiz runtime's core: without it no question, progress or result works",
    ),
    "extra_css": (
        f"{ASSETS_FOLDER}/mot.css",
        "the styles of every page and of the questions: without it the questions lose theirs",
    ),
}
"""The runtime files every page must load (:mod:`generator.runtime`), by setting."""
Setting = tuple[yaml.Node, yaml.Node]
"""A top-level setting's key and value."""
NULL_TAG = f"{YAML_TAGS}null"


def needed_setting_problems(data: bytes, shown: Path) -> list[Problem]:
    """What the generated pages need and ``data``, the bytes of mkdocs.yml (``shown``),
    lacks: a Markdown extension of :data:`NEEDED_EXTENSIONS`, a file of :data:`NEEDED_FILES`.
    Said at the setting's key, or at the file's start when it is not written; a list a tag
    gives (``!ENV``), or a value that is no list, is left to MkDocs."""
    document = settings_document(data.decode("utf-8-sig"))
    if not isinstance(document, yaml.MappingNode):
        return []
    settings = {str(key.value): (key, value) for key, value in top_level(document)}
    extensions = settings.get(EXTENSIONS)
    found = _missing_extensions(extensions, shown)
    for setting in NEEDED_FILES:
        found += _missing_file(setting, settings.get(setting), shown)
    return found


def _items(setting: Setting | None) -> list[yaml.Node] | None:
    """The items of a list ``setting`` (its key and value): none when it is not written or
    empty, None when its value is no list as written."""
    if setting is None or (setting[1].tag == NULL_TAG):
        return []
    value = setting[1]
    return value.value if isinstance(value, yaml.SequenceNode) and value.tag == SEQ_TAG else None


def _missing_extensions(extensions: Setting | None, shown: Path) -> list[Problem]:
    items = _items(extensions)
    if items is None:
        return []
    names = {_extension_name(item) for item in items}
    missing = [name for name in NEEDED_EXTENSIONS if name not in names]
    if not missing:
        return []
    listed = joined_with_and([f"'{name}' (for {NEEDED_EXTENSIONS[name]})" for name in missing])
    message = (
        f"{EXTENSIONS} lacks {listed}: without {'them' if len(missing) > 1 else 'it'} "
        "the pages show these as plain text"
    )
    key = extensions[0] if extensions else None
    fix = _fix(EXTENSIONS, missing, key)
    return [_at_key(key, shown, message, fix, "settings.needed-extension")]


def _fix(setting: str, items: list[str], key: yaml.Node | None) -> str:
    """How to add ``items`` to the list ``setting``, whose key is ``key`` (none: not written)."""
    added = joined_with_and([f"'  - {item}'" for item in items])
    if key is None:
        return f"add the setting '{setting}:' with {added} under it"
    return f"add {added} under {setting}:"


def _extension_name(item: yaml.Node) -> str:
    """The extension an item of ``markdown_extensions`` names (``- toc:`` over its options),
    without the package of Python-Markdown's own (``markdown.extensions.admonition``)."""
    names = [str(key.value) for key, _ in mapping_pairs(item)] or [str(item.value)]
    return names[0].removeprefix("markdown.extensions.")


def _missing_file(setting: str, written: Setting | None, shown: Path) -> list[Problem]:
    """The runtime's file ``setting`` must name, when ``written`` (its key and value) lacks it."""
    items = _items(written)
    path, what = NEEDED_FILES[setting]
    if items is None or any(written_value(path_of(item)) == path for item in items):
        return []
    message = f"{setting} lacks '{path}', {what}"
    key = written[0] if written else None
    return [_at_key(key, shown, message, _fix(setting, [path], key), "settings.needed-file")]


def _at_key(key: yaml.Node | None, shown: Path, message: str, fix: str, code: str) -> Problem:
    """A problem at ``key``, or at the file's start when the setting is not written."""
    if key is None:
        return Problem(shown, 1, 1, message, fix, code)
    return problem_at(key.start_mark, shown, message, fix, code)
