"""Reading ``mkdocs.yml``: its bytes, once it is known to be a file MkDocs may read."""

from __future__ import annotations

import stat
from pathlib import Path

from generator.errors import CourseError, SetupError
from generator.project import CONFIG_FILE, Project
from generator.settings_screen import settings_text_problems
from generator.sources import file_kind


def settings_bytes(project: Project) -> bytes:
    """The bytes of ``mkdocs.yml``; a SetupError when there is no such file, a CourseError
    when MkDocs must not read it (:mod:`generator.settings_screen`)."""
    shown = project.relative(project.config_file)
    try:
        _check_is_a_file(project.config_file, shown)
        data = project.config_file.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        raise SetupError(
            "the site settings file is missing",
            "run the command in the project folder (or name it with --root), "
            f"or put {CONFIG_FILE} back there",
            "setup.no-mkdocs-yml",
            shown,
        ) from None
    problems = settings_text_problems(data, shown)
    if problems:
        raise CourseError(problems)
    return data


def _check_is_a_file(config_file: Path, shown: Path) -> None:
    """Raise a SetupError when ``mkdocs.yml`` is a folder or anything else but a file: reading
    a named pipe would wait for a writer for ever."""
    mode = config_file.stat().st_mode
    if stat.S_ISDIR(mode):
        raise SetupError(
            "the site settings file is a folder",
            f"delete the folder and put the file {CONFIG_FILE} back in its place",
            "setup.mkdocs-yml-folder",
            shown,
        )
    if not stat.S_ISREG(mode):
        raise SetupError(
            f"the site settings file is not a file but {file_kind(mode)}",
            f"delete it and put the file {CONFIG_FILE} back in its place",
            "setup.mkdocs-yml-not-a-file",
            shown,
        )
