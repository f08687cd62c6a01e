"""Where an export may write: never where a build publishes it, never over the course.

An answer key or a question bank gives every answer away, so no export may land in a folder
whose files reach the published site: ``site/`` itself, and the folders MkDocs copies into
it, the generated docs folder and every folder of the theme (the trainer's own,
``theme.custom_dir``, among them: MkDocs publishes each of its files that is not a
template, a PDF, a zip or a ``.gift.txt`` alike).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from generator.errors import CourseError, SetupError
from generator.markdown_config import site_config
from generator.project import Project
from generator.site_engines import MATERIAL_OVERRIDES, THEME_OVERRIDES

NOT_A_FILE = {
    stat.S_IFDIR: "a folder",
    stat.S_IFCHR: "a device",
    stat.S_IFBLK: "a device",
    stat.S_IFIFO: "a named pipe",
    stat.S_IFSOCK: "a socket",
}
"""What an export's target may be instead of a file, in the trainer's words."""
Refusal = tuple[str, str, str]
"""Why an export may not write where it was told: the message, the fix and the code."""
PublishedFolder = tuple[Path, str]
"""A folder whose files a build publishes, and what it is, in the trainer's words."""
TO_DIST = "for example to dist/ (the default)"


def refuse_output(project: Project, target: Path, what: str, default: str) -> None:
    """Refuse an export's ``target`` where writing it would destroy or publish something.

    ``what`` names the export (``answer key``) and ``default`` the name of the file it
    writes by default (``mot-course-offline.zip``). The published site must never hold an
    export (the answer key and the question bank give every answer away), nor any folder a
    build copies into it (:func:`published_folders`); the course's sources and settings
    must never be replaced by one; whatever is at ``target`` that is not a file (a folder,
    a device, a pipe) is left alone rather than replaced; and so is a file outside
    ``dist/`` not named as the export is by default (``README.md``, a trainer's
    ``notes.txt``): an export replaces only what is likely an earlier one.
    """
    resolved = target.resolve()
    refusal = _published_refusal(project, resolved, what) or _refusal(
        project, resolved, what, default
    )
    if refusal is not None:
        message, fix, code = refusal
        raise SetupError(message, fix, code, project.relative(target))


def published_folders(project: Project) -> list[PublishedFolder]:
    """``site/`` and each folder whose files MkDocs copies into the site: the generated
    docs folder (which plain ``mkdocs build`` and ``mkdocs serve`` read, as mkdocs.yml
    names it) and the theme's folders, the trainer's own (``theme.custom_dir``) first.

    Settings that cannot be read name no theme folder: the export's check then reports
    them, and stops it before anything is written.
    """
    folders = [
        (project.site_dir, "the published site"),
        (project.docs_dir, "the generated docs folder"),
    ]
    try:
        theme = site_config(project).theme
    except (CourseError, SetupError):
        return folders
    own = [theme.custom_dir] if theme.custom_dir else []
    folders += [
        (Path(folder), "the theme's own folder (theme.custom_dir in mkdocs.yml)") for folder in own
    ]
    others = [folder for folder in theme.dirs if folder not in own]
    return folders + [
        (Path(folder), "a folder of the theme")
        for folder in [*others, str(MATERIAL_OVERRIDES), str(THEME_OVERRIDES)]
    ]


def _published_refusal(project: Project, resolved: Path, what: str) -> Refusal | None:
    for folder, kind in published_folders(project):
        if resolved.is_relative_to(folder.resolve()):
            copied = (
                "" if folder == project.site_dir else ", whose files MkDocs copies into the site"
            )
            return (
                f"the {what} would be written into {kind}{copied}, where learners would find it",
                f"write it outside {project.shown(folder)}/, {TO_DIST}",
                "output.into-site",
            )
    return None


def _refusal(project: Project, resolved: Path, what: str, default: str) -> Refusal | None:
    sources = (project.course_dir, project.quiz_dir, project.config_file, project.terms_file)
    if any(resolved.is_relative_to(source.resolve()) for source in sources):
        return (
            f"the {what} would be written among the course's own files "
            "(course/, quizzes/, mkdocs.yml, search-terms.txt)",
            f"write it outside them, {TO_DIST}",
            "output.into-sources",
        )
    blocked = _blocked_folder_refusal(project, resolved, what)
    if blocked is not None:
        return blocked
    if os.path.lexists(resolved) and not resolved.is_file():
        kind = NOT_A_FILE.get(stat.S_IFMT(resolved.lstat().st_mode), "not a file")
        return (
            f"this is {kind}, and the {what} would replace it",
            "name a file to write, for example in dist/ (the default)",
            "output.not-a-file",
        )
    earlier = resolved.is_relative_to(project.dist_dir.resolve()) or resolved.name == default
    if resolved.is_file() and not earlier:
        return (
            f"this file exists, outside dist/, and the {what} would replace it",
            "name a new file, or write to dist/ (the default), where an export replaces the "
            "one before; to replace this file, delete it first",
            "output.replaces-a-file",
        )
    return None


def _blocked_folder_refusal(project: Project, resolved: Path, what: str) -> Refusal | None:
    """Something not a folder (a file named ``dist``, a pipe) where the output's folder is."""
    blocking = next((p for p in resolved.parents if p.exists() and not p.is_dir()), None)
    if blocking is None:
        return None
    mode = blocking.stat().st_mode
    kind = "a file" if stat.S_ISREG(mode) else NOT_A_FILE.get(stat.S_IFMT(mode), "not a folder")
    shown = project.shown(blocking)
    return (
        f"{shown} is {kind}, where the {what} needs a folder to be written in",
        f"move or rename {shown}, or name another --output",
        "output.not-a-folder",
    )
