"""MkDocs' complaints about a setting missing or a plugin not installed, in the trainer's terms.

MkDocs says "Required configuration not provided." of ``site_name`` in a ``mkdocs.yml``
emptied by mistake as in one that lacks only that line, and "The "minify" plugin is not
installed" with no word of what to do: delete the line, or install the plugin.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import Problem
from generator.project import CONFIG_FILE
from generator.settings_env import top_settings

NOT_PROVIDED = "Required configuration not provided."
NOT_INSTALLED = re.compile(r'The "([^"]+)" plugin is not installed')
EXAMPLES = {"site_name": "关键时刻 MOT 客户服务课程"}
"""A value to show in the fix for a required setting."""
CODE = "settings.invalid"


def required_setting_problem(data: bytes, shown: Path, name: str, complaint: str) -> Problem | None:
    """The setting ``name`` MkDocs needs and ``data``, the bytes of mkdocs.yml, lacks: named
    as missing, or the whole file said to be empty."""
    if complaint.strip() != NOT_PROVIDED:
        return None
    if not top_settings(data):
        return Problem(
            shown,
            1,
            1,
            f"{CONFIG_FILE} holds no settings (it is empty, or holds comments only), so "
            "MkDocs cannot build the course",
            f"undo the last change to it, or restore it: git checkout -- {CONFIG_FILE}",
            CODE,
        )
    example = EXAMPLES.get(name, "…")
    return Problem(
        shown,
        1,
        1,
        f"'{name}:' is missing from {CONFIG_FILE}, and MkDocs cannot build without it",
        f"add the line '{name}: {example}' at the top of the file",
        CODE,
    )


def missing_plugin_problem(place: tuple[int, int], shown: Path, complaint: str) -> Problem | None:
    """A plugin listed under ``plugins:`` (at ``place``) that is not installed."""
    missing = NOT_INSTALLED.search(complaint)
    if missing is None:
        return None
    plugin = missing.group(1)
    return Problem(
        shown,
        *place,
        f"the plugin '{plugin}' is not installed, so MkDocs cannot build with it",
        f"delete '- {plugin}' from 'plugins:'; to use it, install the package that provides "
        "it and add that package to the dependencies in pyproject.toml, so that every "
        "computer that builds the course installs it",
        CODE,
    )
