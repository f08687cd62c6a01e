"""Where in ``mkdocs.yml`` the value MkDocs refuses is written.

MkDocs names a refused setting by its top-level key (``Config value 'plugins'``) and the
keys below it in its own words (``Plugin 'material/search' option 'langg'``, ``Sub-option
'omitted_files'``, ``The "serch" plugin``). Told at the top-level key's line, the trainer
had to hunt for the slip through a block of settings; these words lead to the line of the
key, or of its value when that starts on a line of its own.
"""

from __future__ import annotations

import re
import traceback
from collections.abc import Iterator
from pathlib import Path

import yaml
from mkdocs.config.base import Config

from generator.errors import Problem
from generator.project import CONFIG_FILE
from generator.settings_env import mapping_pairs, top_settings
from generator.settings_theme import custom_dir_not_a_path

STEP = re.compile(r"Sub-option '([^']+)'|Plugin '([^']+)' option '([^']+)'|The \"([^\"]+)\" plugin")
"""How MkDocs names the keys below a setting it refuses: a sub-option, a plugin's option,
or a plugin."""


def setting_place(data: bytes, name: str, complaint: str) -> tuple[int, int]:
    """The line and column of ``data``, the bytes of mkdocs.yml, where MkDocs' ``complaint``
    about the setting ``name`` points: the deepest key it names that the file holds (its
    value, when that starts on a line of its own), or, failing that, the top-level key
    (the file's start if even that is missing)."""
    top, *below = name.split(".")
    found = next(((key, value) for key, value in top_settings(data) if key.value == top), None)
    if found is None:
        return 1, 1
    shown, node = found
    for step in [*below, *_steps(complaint)]:
        child = _child(node, step)
        if child is not None:  # else a key MkDocs adds itself (``nav`` of ``validation``)
            key, node = child
            own_line = node.start_mark.line > key.start_mark.line
            shown = node if isinstance(node, yaml.ScalarNode) and own_line else key
    return shown.start_mark.line + 1, shown.start_mark.column + 1


def _steps(complaint: str) -> Iterator[str]:
    """The names of the keys below the setting that ``complaint`` leads through, outermost
    first."""
    for names in STEP.findall(complaint):
        yield from (name for name in names if name)


def _child(node: yaml.Node | None, step: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The key named ``step`` in the mapping ``node``, or in a list's entry (a plugin,
    ``- search:``, or ``- search`` alone), with its value. A plugin is named by MkDocs with
    the theme's prefix (``material/search``), by the trainer without."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            if isinstance(item, yaml.ScalarNode) and _bare(item.value) == _bare(step):
                return item, item
            found = _child(item, step)
            if found is not None:
                return found
        return None
    return next(
        ((key, value) for key, value in mapping_pairs(node) if _bare(key.value) == _bare(step)),
        None,
    )


def _bare(name: str) -> str:
    """A plugin's name without the theme's prefix: ``material/search`` -> ``search``."""
    return name.rsplit("/", 1)[-1]


def wrong_kind(data: bytes, shown: Path, error: BaseException) -> Problem | None:
    """The problem with mkdocs.yml (``data``, shown as ``shown``) that stopped MkDocs with
    ``error``, not one of its own but Python's: an option's code took a value of a kind it
    did not look for (a number for the search's language, a list for the theme's folder).
    Told at the setting MkDocs was reading, found in the error's traceback; None when
    MkDocs was reading none (the error is not the settings' doing)."""
    keys = [
        frame.f_locals["key"]
        for frame, _ in traceback.walk_tb(error.__traceback__)
        if isinstance(frame.f_locals.get("self"), Config)
        and isinstance(frame.f_locals.get("key"), str)
    ]
    if not keys:
        return None
    if keys[0] == "theme" and (folder := custom_dir_not_a_path(data, shown)) is not None:
        return folder
    return Problem(
        shown,
        *setting_place(data, keys[0], ""),
        f"MkDocs cannot read the setting '{'.'.join(dict.fromkeys(keys))}': a value in it is "
        f"not of the kind it takes ({error})",
        f"write it as MkDocs' documentation shows (one text where one is meant, not a list or "
        f"a number), or undo the last change to {CONFIG_FILE}",
        "settings.invalid",
    )
