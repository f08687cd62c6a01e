"""Course media: the files under ``course/`` other than pages that the site publishes.

A file is published when a page refers to it (an image, a download, a video) or when it
lies in one of the media folders (:data:`generator.project.MEDIA_FOLDERS`). Everything
else — editors' backups and lock files, notes, drafts — stays out of the site and is
named, so nothing is published or dropped without a word. Hidden files, Markdown files
other than the pages (MkDocs would turn them into pages) and anything that is not an
ordinary file are never published.

A symbolic link (here, or a quiz's under ``quizzes/``) is followed only to a file inside
the project: the published site is
built from the repository (GitHub Pages), which holds the link but not what lies outside
the project, and the files of a linked folder are never published. Such links are
problems (:func:`link_problems`), not a site that works here and breaks there. So is a link
that leads round in a loop (to itself, or to a link back to it): like a page that cannot be
read, it is reported where a page first links to it, or else at the link itself.
"""

from __future__ import annotations

import errno
import os
import posixpath
import re
import stat
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from generator.course_scan import References
from generator.css_loads import ON_COMPUTER
from generator.errors import Problem, Severity
from generator.file_names import SITE_FILES, hidden, site_address
from generator.layout import page_files
from generator.project import ASSETS_FOLDER, MEDIA_FOLDERS, Project
from generator.sources import file_kind, read_source, unreadable

LEFT_BEHIND = re.compile(
    r"(?i)thumbs\.db|desktop\.ini|~\$.*|.*~|.*\.(?:bak|tmp|swp|crdownload|part)"
)
"""Files that Windows (``Thumbs.db``, ``desktop.ini``), Office (``~$讲义.docx``, the lock
file of a document open in Word), editors (``讲义.md~``, ``.bak``, ``.swp``) and browsers
(a download not finished) leave beside a trainer's files: no page uses them, and a media
folder published them with the rest."""
PICTURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp"})
"""What a picture's file name ends in: it goes into course/images/, a download into media/."""


@dataclass(frozen=True)
class Media:
    published: dict[str, Path]
    """Name in the docs folder (relative to ``course/``) -> the file."""
    skipped: list[Path]
    """Files under ``course/`` left out of the site."""


def select_media(project: Project, references: References, named: Collection[str]) -> Media:
    """Choose the files under ``course/`` to publish: those the pages refer to, those
    mkdocs.yml names (``named``: :mod:`generator.settings_files`), the media folders'."""
    used = {name for targets in references.values() for name in map(course_file, targets) if name}
    used.update(named)
    published: dict[str, Path] = {}
    skipped: list[Path] = []
    for name, path in _other_files(project):
        if _publishable(path, name) and (name in used or _in_media_folder(name, path)):
            published[name] = path
        else:
            skipped.append(path)
    return Media(published, skipped)


def linkable_files(project: Project) -> set[str]:
    """The files under ``course/`` (names relative to it) that a page may link to: each is
    published as soon as a page refers to it."""
    return {name for name, path in _other_files(project) if _publishable(path, name)}


def pages_in_folders(project: Project, skipped: Iterable[Path]) -> list[Problem]:
    """The Markdown files in folders under ``course/`` the site leaves out (hidden ones,
    lock files and the media folders' files aside, which are no page): the site's pages
    are those directly in ``course/``, and a trainer who wrote ``course/extra/appendix.md``
    looked for it on the site in vain."""
    return [
        Problem(
            project.relative(path),
            1,
            1,
            f"a page in a folder ({project.shown(path.parent)}/), which the site does not "
            "publish: its pages are the Markdown files directly in course/",
            f"move it to course/{path.name} to publish it, with a link to it from another "
            "page; or, if it is a note for trainers, move it out of course/",
            "course.page-in-folder",
            Severity.WARNING,
        )
        for path in skipped
        if path.suffix == ".md"
        and path.parent != project.course_dir
        and path.relative_to(project.course_dir).parts[0] not in MEDIA_FOLDERS
        and not LEFT_BEHIND.fullmatch(path.name)
        and not hidden(path.relative_to(project.course_dir))
    ]


def link_problems(project: Project) -> list[Problem]:
    """The symbolic links under ``course/`` and ``quizzes/`` that lead outside the project,
    and those under ``course/`` to a folder, round in a loop, to nothing or to a quiz; and
    the named pipes, sockets and devices under ``course/`` (hidden ones aside: they are never
    published, and editors make them as lock files)."""
    entries = (
        path
        for folder in (project.course_dir, project.quiz_dir)
        if folder.is_dir()
        for path in sorted(folder.rglob("*"))
        if not hidden(path.relative_to(folder))
    )
    return [problem for path in entries if (problem := _entry_problem(project, path))]


def _entry_problem(project: Project, path: Path) -> Problem | None:
    if path.is_symlink():
        return _link_problem(project, path)
    if path.is_relative_to(project.course_dir):
        return _special_file_problem(project, path)
    return None  # a quiz that is no file is told so where the quizzes are read


def _special_file_problem(project: Project, path: Path) -> Problem | None:
    """The problem of ``path`` under ``course/`` (or a link's target) if it is a named pipe,
    a socket or a device: a link to it was told to put the file there, which it seemed to
    be. A page so named is told so where the pages are read."""
    try:
        mode = path.stat().st_mode
    except OSError:  # gone since the folder was listed: an editor's scratch file
        return None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode) or path in page_files(project):
        return None
    what = f"a link to {project.shown(path.resolve())}, which" if path.is_symlink() else "this"
    return Problem(
        project.relative(path),
        1,
        1,
        f"{what} is not an ordinary file but {file_kind(mode)}: the site cannot publish it",
        "replace it with the file it is named after, or delete it",
        "media.not-a-file",
    )


def _link_problem(project: Project, link: Path) -> Problem | None:
    in_course = link.is_relative_to(project.course_dir)
    if in_course and (dead_end := _dead_end(link)) is not None:
        return _unreadable(project, link, dead_end)
    if (outside := outside_link(project, link)) is not None:
        return outside
    if not in_course:  # a quiz: its reading says what is wrong with a link round in a loop
        return None
    target = link.resolve()
    if target.is_relative_to(project.quiz_dir.resolve()):
        message = (
            f"a link to {project.shown(target)}: the site would publish the quiz file, its "
            "answer keys and all, for any learner to download"
        )
        fix = "delete the link: the quizzes reach the site only as the generator writes them"
        return Problem(project.relative(link), 1, 1, message, fix, "media.linked-quiz")
    if not target.is_dir():
        return _special_file_problem(project, link)
    message = f"a link to the folder {project.shown(target)}, whose files are not published"
    fix = "move the folder here in place of the link"
    return Problem(project.relative(link), 1, 1, message, fix, "media.linked-folder")


def outside_link(project: Project, path: Path) -> Problem | None:
    """The problem of ``path`` if it is a symbolic link to outside the project. Reading a
    course file stops there: what it holds is no file of the project's, and no one should be
    told to edit it (a link to ``/etc/passwd`` has no front matter). ``course/`` or
    ``quizzes/`` linked so built here and would build nothing once published."""
    target = Path(os.path.realpath(path)) if path.is_symlink() else None  # a loop: as it ends
    if target is None or target.is_relative_to(project.root.resolve()):
        return None
    folder = target.is_dir()
    what, line = ("folder", 0) if folder else ("file", 1)  # a folder is told with no line
    return Problem(
        project.relative(path),
        line,
        line,
        f"a link to {target}, outside the project: the repository holds only the link, so "
        f"the site built from it would lack the {what}",
        f"{'move' if folder else 'copy'} the {what} into the project in place of the link",
        "media.link-outside",
    )


def _dead_end(link: Path) -> OSError | None:
    """The error of reading through ``link`` if it leads round in a loop, or to nothing."""
    try:
        link.stat()
    except OSError as error:
        return error if error.errno in {errno.ELOOP, errno.ENOENT} else None
    return None


def _unreadable(project: Project, link: Path, error: OSError) -> Problem:
    """The problem of a file that cannot be read, worded as for a page, where a page first
    links to the file if one does."""
    place = _first_mention(project, link.relative_to(project.course_dir).as_posix())
    if place is None:
        return unreadable(error, (project.relative(link), 1, 1))
    return unreadable(error, place, f"the file {project.shown(link)} linked here")


def _first_mention(project: Project, name: str) -> tuple[Path, int, int] | None:
    """The first place where a page links to the file ``name`` (relative to ``course/``,
    as the flat pages link to it): ``](name)``, ``="name"`` or ``]: name``."""
    address = re.compile(
        rf"(?:\]\(\s*<?|=[\"']?|\]:\s*<?)(?:\./)?({re.escape(name)})(?=[\s)\"'>#?]|$)"
    )
    for page in page_files(project):
        text = read_source(page, project.relative(page))
        lines = [] if isinstance(text, Problem) else text.splitlines()
        for number, line in enumerate(lines, 1):
            if (found := address.search(line)) is not None:
                return project.relative(page), number, found.start(1) + 1
    return None


def _other_files(project: Project) -> Iterator[tuple[str, Path]]:
    """Everything under ``course/`` but the pages and folders, in path order, with its name."""
    pages = set(page_files(project))
    for path in sorted(project.course_dir.rglob("*")):
        if path not in pages and not path.is_dir():
            yield path.relative_to(project.course_dir).as_posix(), path


def course_file(address: str) -> str | None:
    """The file under ``course/`` a page's ``address`` names, if it names one there."""
    parts = urlsplit(address)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    name = posixpath.normpath(unquote(parts.path))
    return None if name.startswith("../") or name == ".." else name


def _publishable(path: Path, name: str) -> bool:
    """An ordinary file, not hidden, and not Markdown (which MkDocs would make a page)."""
    return path.is_file() and not hidden(PurePosixPath(name)) and path.suffix != ".md"


def _in_media_folder(name: str, path: Path) -> bool:
    """A file of a media folder, which goes into the site whole, but for the files an
    operating system or an editor leaves beside a trainer's own (:data:`LEFT_BEHIND`)."""
    parts = PurePosixPath(name).parts
    return len(parts) > 1 and parts[0] in MEDIA_FOLDERS and not LEFT_BEHIND.fullmatch(path.name)


def meant_file(name: str, files: Collection[str]) -> str | None:
    """How to write a link to ``name``, a file under course/ that is not there, when one of
    ``files`` is plainly the one meant: the same path without a leading ``course/`` (links
    are relative to the page, already in course/), in other letter case, or both; or the
    path written with Windows' backslashes, which a web address does not take."""
    if "\\" in name:
        slashed = name.replace("\\", "/")
        return f"write the path with '/', not '\\': {file_named(slashed, files) or slashed}"
    without_folder = name.removeprefix("course/")
    found = file_named(without_folder, files) if without_folder != name else None
    if found is not None:
        return f"drop 'course/' from the path: links start from the page, so write {found}"
    other_case = file_named(name, files)
    return (
        f"did you mean {other_case}? write it in the file's own letter case" if other_case else None
    )


def missing_file(address: str, name: str, files: Collection[str]) -> tuple[str, str, str]:
    """The problem of ``address``, a link to ``name`` under course/, which is no file there
    nor a page: (message, fix, code)."""
    return (
        f"link to '{address}', which is neither a page nor a file the site publishes",
        meant_file(name, files)
        or _site_own(name)
        or f"put the file at course/{name} (pictures and downloads go in "
        f"course/{MEDIA_FOLDERS[0]}/ or course/{MEDIA_FOLDERS[1]}/), or correct the path",
        "missing-file",
    )


def _site_own(name: str) -> str | None:
    """The fix of a link to ``name``, where the build writes a file of its own and no file
    of the course may go (putting one there is refused too)."""
    own = site_address(name)
    if own is not None:
        where = SITE_FILES[own]
    elif name.split("/")[0] == ASSETS_FOLDER:
        where = "the generator puts the quiz runtime"
    else:
        return None
    return (
        f"'{name}' is where {where}, not a file of the course; link to a page instead, or put "
        f"the file in course/{MEDIA_FOLDERS[0]}/ or course/{MEDIA_FOLDERS[1]}/ and link to it there"
    )


def outside_course_link(address: str, files: Collection[str]) -> tuple[str, str, str]:
    """The problem of ``address``, which leads outside course/: (message, fix, code). Written
    from the project (``../course/images/x.png``), it comes back to one of ``files``."""
    name = posixpath.normpath(unquote(urlsplit(address).path))
    inside = name.removeprefix("../course/")
    found = file_named(inside, files) if inside != name else None
    return (
        f"link to '{address}', which is outside course/",
        f"links start from the page, already in course/, so write {found}"
        if found
        else "link to a page or a file in course/ by its path from this page, "
        "such as 'media/guide.pdf'",
        "outside-course",
    )


def computer_file_link(
    address: str, files: Collection[str], start: str = "."
) -> tuple[str, str, str] | None:
    """The problem of ``address`` if it names a file on the trainer's own computer
    (``C:\\Users\\li\\Desktop\\eodc.png``), which the site would publish as it is and no
    learner's browser can open: (message, fix, code). ``start``: the folder under course/
    that a path in the fix starts from (a style sheet's; a page's is course/ itself)."""
    if ON_COMPUTER.match(address) is None:
        return None
    name = unquote([part for part in re.split(r"[\\/]", address) if part][-1])
    there = next((file for file in sorted(files) if PurePosixPath(file).name == name), None)
    is_picture = PurePosixPath(name).suffix.lower() in PICTURE_SUFFIXES
    folder = MEDIA_FOLDERS[0] if is_picture else MEDIA_FOLDERS[1]
    written = posixpath.relpath(there or f"{folder}/{name}", start)
    return (
        f"'{address}' is a file on your computer, which learners' browsers cannot open: the "
        "site would publish only its address",
        f"course/{there} is there already: write {written}"
        if there
        else f"copy the file into course/{folder}/ and write {written}",
        "local-file",
    )


def css_file_problem(
    written: str, read: str, folder: str, files: Collection[str]
) -> tuple[str, str, str] | None:
    """The problem of ``written``, an address that CSS in ``folder`` under course/ (a style
    sheet's, or ``.`` for a page's ``<style>``) loads and the browser reads as ``read``, if
    it names a file the site does not have: on the trainer's computer, outside course/ or
    not there. (message, fix, code)."""
    if (on_computer := computer_file_link(written, files, folder)) is not None:
        return on_computer
    name = css_file_name(read, folder)
    if name is None or name in files:
        return None
    where = "course/" if folder == "." else f"course/{folder}/"
    start = f"it starts from {where}, the {'page' if folder == '.' else 'style sheet'}'s folder"
    if name.startswith(("/", "../")) or name == "..":
        example = posixpath.relpath(f"{MEDIA_FOLDERS[0]}/bg.png", folder)
        return (
            f"'{written}' leads outside course/, where the site has no files",
            f"name a file under course/ by its path ({start}), such as {example}",
            "outside-course",
        )
    return (
        f"'{written}' names course/{name}, which is not there",
        meant_file(name, files) or f"put the file at course/{name}, or correct the path: {start}",
        "missing-file",
    )


def css_file_name(read: str, folder: str) -> str | None:
    """The path from course/ that ``read``, an address CSS in ``folder`` loads, names, if it
    names a file by its path: not an address of its own (``data:``, ``https://…``) nor a
    part of the page (``#clip``)."""
    parts = urlsplit(read)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    return posixpath.normpath(posixpath.join(folder, unquote(parts.path)))


def folder_link(address: str, name: str, files: Collection[str]) -> tuple[str, str, str] | None:
    """The problem of ``address``, a link to ``name`` under course/, if that is a folder
    (``images/``), which the site has no page for: (message, fix, code)."""
    in_folder = sorted(file for file in files if file.startswith(f"{name}/"))
    if not in_folder and (name == "." or not urlsplit(address).path.endswith("/")):
        return None
    example = f", such as {in_folder[0]}" if in_folder else ""
    return (
        f"link to '{address}', a folder, which the site has no page for",
        f"link to a file in the folder{example}",
        "folder",
    )


def file_named(name: str, files: Collection[str]) -> str | None:
    """The one of ``files`` that is ``name``, in its own letter case or another."""
    if name in files:
        return name
    return next((file for file in files if file.lower() == name.lower()), None)
