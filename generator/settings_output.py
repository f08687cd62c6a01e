"""The settings of ``mkdocs.yml`` that decide where the site is written, and how.

``use_directory_urls`` must be false: the course links its pages as files. ``docs_dir`` and
``site_dir`` are the generator's to choose: MkDocs reads the pages the generator writes into
``build/docs`` and the site goes into ``site``, whatever the settings say, and the build, the
preview and the Pages workflow all name those folders. A trainer who wrote ``site_dir:
public`` found the site in ``site/`` and ``public/`` empty, with ``check`` saying OK; one who
pointed ``docs_dir`` at ``course`` saw no change. Either is now told at its line, with the
folder that is used.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from generator.errors import Problem
from generator.project import DOCS_FOLDER, SITE_FOLDER
from generator.settings_env import given_by_variable, node_place, top_setting
from generator.settings_trust import written_value

FOLDERS = {
    "docs_dir": (
        DOCS_FOLDER,
        f"MkDocs always reads its pages from {DOCS_FOLDER}/, where the generator writes them "
        "from course/ and quizzes/",
        "edit the pages in course/ and the quizzes in quizzes/",
    ),
    "site_dir": (
        SITE_FOLDER,
        f"the site is always written to {SITE_FOLDER}/, which the preview serves and the Pages "
        "workflow publishes",
        "to publish it from another folder as well, copy site/ there after the build",
    ),
}
"""Each setting, the folder the generator uses for it, why, and what to do instead."""


def directory_urls_problems(data: bytes, directory_urls: Any, shown: Path) -> list[Problem]:
    """``use_directory_urls`` left to MkDocs' default, or set true: each page would be
    written as a folder (``01-significance/index.html``), and every link the course writes
    to another page (下一模块, the 错题本, the review links of the question banks) is a
    file's, relative, which then leads nowhere. ``check`` said OK."""
    if directory_urls is False:
        return []
    setting = top_setting(data, "use_directory_urls")
    given = "" if setting is None else given_by_variable(setting)
    state = "is not set" if setting is None else "is not false"
    return [
        Problem(
            shown,
            *node_place(setting),
            f"use_directory_urls {state}{given}, so MkDocs would write each page into a "
            "folder of its own (01-significance/index.html), where the course's links to its "
            "other pages, review links among them, lead nowhere",
            "write 'use_directory_urls: false' at the left edge of a line"
            if setting is None
            else "set it to false: use_directory_urls: false",
            "settings.directory-urls",
        )
    ]


def folder_problems(data: bytes, root: Path, shown: Path) -> list[Problem]:
    """``docs_dir`` or ``site_dir`` in ``data``, the bytes of mkdocs.yml (``shown``) in the
    folder ``root``, set to a folder other than the one the generator uses. Checked before
    MkDocs reads the settings: ``site_dir: course`` was refused in its words, that the docs
    folder must not be within the site's, which is not the folder the trainer named."""
    problems = []
    for name, (folder, why, instead) in FOLDERS.items():
        setting = top_setting(data, name)
        written = None if setting is None else written_value(setting)
        if setting is None or not written or _same_folder(root, written, folder):
            continue
        problems.append(
            Problem(
                shown,
                *node_place(setting),
                f"{name} names the folder '{written}'{given_by_variable(setting)}, but {why}",
                f"write '{name}: {folder}' or delete the line; {instead}",
                "settings.fixed-folder",
            )
        )
    return problems


def _same_folder(root: Path, written: str, folder: str) -> bool:
    """Whether ``written``, relative to ``root`` as MkDocs reads it, names ``folder``
    (``./site/`` and the folder's full path do). ``realpath``, as it leaves a link round in
    a loop as it is where ``Path.resolve`` raises."""
    return os.path.realpath(root / written) == os.path.realpath(root / folder)
