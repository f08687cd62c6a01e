"""Which files make up a course, and what is wrong with their names.

Pages are the ``*.md`` files directly in ``course/``; names that start with a digit are
modules and need the form of :data:`generator.project.MODULE_NAME`. The names of the
pages the generator writes itself are reserved, the home page is required, and so is a
module. Hidden files (editors' lock and swap files) are never pages or quizzes; nor is a
folder, a named pipe or a device named like one (:func:`not_a_file`), which is told to be
no file (``source.not-a-file``) and is no module lacking a quiz, no quiz lacking a module,
nor a name offered in another file's fix.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from collections.abc import Iterable
from pathlib import Path

from generator.errors import Problem
from generator.file_names import (
    case_clashes,
    copy_problem,
    generated_page_clashes,
    page_copies,
    unfit_character,
    unfit_name_problem,
    unportable,
    unportable_problem,
)
from generator.project import (
    ASSETS_FOLDER,
    EXAM_NAME,
    GENERATED_PAGES,
    HOME_PAGE,
    MEDIA_FOLDERS,
    MODULE_NAME,
    Project,
)

LOOKS_LIKE_MODULE = re.compile(r"^\d")
"""A page whose name starts with a digit (a full-width one too) is meant to be a module."""
PAGE_SUFFIX = ".md"
QUIZ_SUFFIX = ".yml"
MISSPELT_SUFFIXES = {PAGE_SUFFIX: {".md", ".markdown"}, QUIZ_SUFFIX: {".yml", ".yaml"}}
"""The endings, in any case, of files meant to be pages or quizzes; only ``.md`` and
``.yml`` are read, so any other is a file to rename."""
SITE_PAGE_SUFFIX = ".html"
NAME_LIMIT = 255
"""The most bytes of UTF-8 a file's name may have on the usual disks (ext4, APFS, NTFS)."""


def page_files(project: Project) -> list[Path]:
    """The course's page files, in file-name order (the order of the navigation)."""
    return visible(project.course_dir, "*.md")


def visible(folder: Path, pattern: str) -> list[Path]:
    """The files of ``folder`` matching ``pattern`` but hidden ones and the lock files Word
    and WPS keep beside a file they have open (``~$01-intro.md``), which are no page or
    quiz of the trainer's: read as one, a lock file's bytes were told to be deleted."""
    return sorted(path for path in folder.glob(pattern) if not path.name.startswith((".", "~$")))


def unreadable_folders(project: Project) -> list[Problem]:
    """``course/``, ``quizzes/`` and the folders under them (hidden ones aside) that cannot
    be listed. A listing skips such a folder without a word, so its pictures were told to
    be missing, or the first file looked for there named the error (``course/assets:
    Permission denied``, for ``course/`` itself)."""
    failures: list[OSError] = []
    for folder in (project.course_dir, project.quiz_dir):
        for _, folders, _ in os.walk(folder, onerror=failures.append):
            folders[:] = [name for name in folders if not name.startswith(".")]
    return [
        _unreadable_folder_problem(project, Path(error.filename), error)
        for error in failures
        if error.filename is not None and Path(error.filename).is_dir()
    ]


def _unreadable_folder_problem(project: Project, folder: Path, error: OSError) -> Problem:
    shown = project.relative(folder).as_posix()
    fix = f"give yourself the right to read it (on Linux or a Mac: chmod -R u+rwX {shown})"
    if folder not in (project.course_dir, project.quiz_dir):
        fix += ", or move it out of the project"
    return Problem(
        project.relative(folder),
        0,
        0,
        f"this folder cannot be read ({error.strerror}), so nothing in it can be checked "
        "or published",
        fix,
        "source.unreadable",
    )


def not_a_file(path: Path) -> bool:
    """Whether ``path`` is a folder, a named pipe, a socket or a device, itself or through a
    link: no page or quiz, whatever its name. A link to nothing is taken for a file, and
    reading it says what it is."""
    try:
        return not stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def files_and_not(paths: list[Path]) -> tuple[list[Path], list[Path]]:
    """``paths`` split, each part in order, into files and what is no file
    (:func:`not_a_file`)."""
    files: list[Path] = []
    others: list[Path] = []
    for path in paths:
        (others if not_a_file(path) else files).append(path)
    return files, others


def misspelt(folder: Path, suffix: str) -> list[Path]:
    """The files in ``folder`` meant to end in ``suffix`` that end otherwise (``.MD``,
    ``.markdown``, ``.YML``, ``.yaml``, ``.md.txt``) and are never read; a folder so named
    is no file to rename."""
    if not folder.is_dir():
        return []
    return [
        path
        for path in visible(folder, "*")
        if (meant := meant_name(path, suffix)) is not None
        and meant != path.name
        and not not_a_file(path)
    ]


def meant_name(path: Path, suffix: str) -> str | None:
    """The name a page or quiz (``suffix``) at ``path`` is meant to have, if it is meant to
    be one: ``01-intro.md`` for ``01-intro.MD``, ``01-intro.markdown`` or ``01-intro.md.txt``
    (Notepad adds '.txt' to a name it saves)."""
    name = path.name.removesuffix(".txt").removesuffix(".TXT")
    stem, dot, ending = name.rpartition(".")
    if dot and stem and f".{ending.lower()}" in MISSPELT_SUFFIXES[suffix]:
        return f"{stem}{suffix}"
    return None


def meant_stem(path: Path, suffix: str) -> str:
    """The module name a page or quiz at ``path`` is meant to have (:func:`meant_name`)."""
    return Path(meant_name(path, suffix) or path.name).stem


def misnamed(path: Path) -> bool:
    """Is ``path`` a page that must not be loaded: a reserved name, a name with a character
    no name may hold or that Windows cannot hold, or a module misnamed?"""
    if path.name in GENERATED_PAGES or unfit_character(path.name) or unportable(path.name):
        return True
    return misnamed_module(path.stem)


def misnamed_module(name: str) -> bool:
    """Whether a page named ``name`` is meant to be a module (it starts with a digit) and is
    not named as one (``06-Confirm``, ``6-confirm``)."""
    return LOOKS_LIKE_MODULE.match(name) is not None and MODULE_NAME.match(name) is None


def is_module(path: Path) -> bool:
    return MODULE_NAME.match(path.stem) is not None


def ordinary_pages(page_names: Iterable[str]) -> dict[str, str]:
    """The pages of ``page_names`` that are no module (nor meant to be one) nor the exam's
    name, which a page may not take: each name in small letters -> the name. A quiz named
    after one, or so but for capitals, is the quiz of no module."""
    return {
        name.lower(): name
        for name in page_names
        if not LOOKS_LIKE_MODULE.match(name) and name.lower() != EXAM_NAME
    }


def layout_problems(project: Project, pages: list[Path], not_pages: list[Path]) -> list[Problem]:
    """A missing home page or module, reserved names, misnamed modules. The folders (or
    pipes) named as pages, ``not_pages``, have no name checked; one named as a module is
    told to be no file, and the course is not said to have no module."""
    problems = _page_name_problems(project, pages)
    if (project.course_dir / ASSETS_FOLDER).exists():
        problems.append(
            _course_problem(
                project,
                ASSETS_FOLDER,
                f"the generator puts the quiz runtime in '{ASSETS_FOLDER}/', which would mix "
                "with these files",
                f"move them into course/{MEDIA_FOLDERS[0]}/ or course/{MEDIA_FOLDERS[1]}/",
                "course.reserved-name",
            )
        )
    if not (project.course_dir / HOME_PAGE).exists():
        problems.append(
            _course_problem(
                project,
                HOME_PAGE,
                "the course has no home page",
                f"create course/{HOME_PAGE} with a title and an introduction (see AUTHORING.md)",
                "course.no-home",
            )
        )
    if not any(LOOKS_LIKE_MODULE.match(path.stem) for path in [*pages, *not_pages]):
        problems.append(
            _course_problem(
                project,
                "",
                "the course has no module",
                "add a module page such as course/01-intro.md and its quiz "
                "quizzes/01-intro.yml (see AUTHORING.md)",
                "course.no-modules",
            )
        )
    return problems


def _page_name_problems(project: Project, pages: list[Path]) -> list[Problem]:
    """Pages not read for their names, pages named alike (or like a generated page), and
    files meant to be pages."""
    copies = page_copies(pages)
    return [
        *(copy_problem(project, path, original) for path, original in copies.items()),
        *(_name_problem(project, path) for path in pages if misnamed(path) and path not in copies),
        *case_clashes(project, pages),
        *generated_page_clashes(project, pages),
        *(_long_name_problem(project, path) for path in pages if _too_long_for_the_site(path)),
        *(
            suffix_problem(project, path, PAGE_SUFFIX, "page")
            for path in misspelt(project.course_dir, PAGE_SUFFIX)
        ),
    ]


def _name_bytes(name: str) -> int:
    """The length of ``name`` on disk: its bytes of UTF-8 (a byte that is not UTF-8, one)."""
    return len(name.encode("utf-8", "surrogateescape"))


def _too_long_for_the_site(page: Path) -> bool:
    """Whether the site's file of ``page`` (``.html`` for ``.md``, two bytes more; a
    module's SCORM launch page too) would have a name no disk holds. The module's question
    bank (``.js``) and its quiz (``.yml``) are no longer than the page."""
    return _name_bytes(page.stem + SITE_PAGE_SUFFIX) > NAME_LIMIT


def _long_name_problem(project: Project, page: Path) -> Problem:
    """A page ``check`` said OK to, whose build then failed naming a scratch file."""
    longest = NAME_LIMIT - len(SITE_PAGE_SUFFIX)
    return Problem(
        project.relative(page),
        1,
        1,
        f"the file's name is too long for the site: its page there, named as this file with "
        f"{SITE_PAGE_SUFFIX} for {PAGE_SUFFIX}, would have a name of "
        f"{_name_bytes(page.stem + SITE_PAGE_SUFFIX)} bytes, more than the {NAME_LIMIT} a "
        "disk allows, and the build could not write it",
        f"shorten the name to at most {longest} bytes before {PAGE_SUFFIX} (a letter, digit "
        "or hyphen is 1 byte, a Chinese character 3); a module's quiz takes the same name",
        "course.name-too-long",
    )


def _course_problem(project: Project, name: str, message: str, fix: str, code: str) -> Problem:
    """A problem with the file or folder ``name`` in ``course/``, or with ``course/`` as a
    whole (``name`` empty): a folder's is said with no line."""
    path = project.course_dir / name
    line = 0 if path.is_dir() else 1
    return Problem(project.relative(path), line, line, message, fix, code)


def _name_problem(project: Project, path: Path) -> Problem:
    unfit = unfit_character(path.name)
    if unfit is not None:
        return unfit_name_problem(project, path, unfit)
    if (what := unportable(path.name)) is not None:
        return unportable_problem(project, path, what)
    if path.name in GENERATED_PAGES:
        return Problem(
            project.relative(path),
            1,
            1,
            f"the generator writes a page named '{path.name}' itself, which would replace this one",
            f"rename this page; these names are reserved: {', '.join(GENERATED_PAGES)}",
            "course.reserved-name",
        )
    suggestion = _module_name_like(path.stem)
    if MODULE_NAME.match(suggestion) and suggestion == _half_width(path.stem):
        return Problem(
            project.relative(path),
            1,
            1,
            f"'{path.name}' is written with full-width characters, which a module's file "
            "name may not hold",
            f"rename it to {suggestion}.md, and its quiz to {suggestion}.yml",
            "course.module-name",
        )
    return Problem(
        project.relative(path),
        1,
        1,
        f"'{path.name}' starts with a digit, so it is a module, but a module's file name is "
        "two digits, a hyphen and lower-case letters, digits or hyphens",
        f"rename it and its quiz, e.g. to {suggestion}.md and {suggestion}.yml",
        "course.module-name",
    )


def _module_name_like(stem: str) -> str:
    """A valid module name close to ``stem``: '01-Intro' -> '01-intro', '1-意义' -> '01-module'."""
    stem = _half_width(stem)
    number = re.match(r"[0-9]+", stem)
    digits = (number.group() if number else "1").zfill(2)[-2:]
    slug = re.sub(r"[^a-z0-9]+", "-", stem[len(number.group()) if number else 0 :].lower())
    return f"{digits}-{slug.strip('-') or 'module'}"


def _half_width(name: str) -> str:
    """``name`` with full-width digits and letters as ordinary ones: '０７' -> '07'."""
    return unicodedata.normalize("NFKC", name)


def suffix_problem(project: Project, path: Path, suffix: str, kind: str) -> Problem:
    """A file meant as a page or a quiz that is not read for its ending; renaming it would
    replace the file of its name, if there is one, which is then to be merged with it."""
    code = "quiz.yaml-extension" if kind == "quiz" else "course.md-extension"
    meant = meant_name(path, suffix)
    fix = f"rename it to {meant}"
    if meant is not None and (path.parent / meant).exists():
        fix = (
            f"{meant} is the {kind} that is read: copy what this file has that {meant} lacks "
            "into it, then delete this file"
        )
    return Problem(
        project.relative(path),
        1,
        1,
        f"{kind} files end in '{suffix}', and this one is not read",
        fix,
        code,
    )


def renamed_modules(name: str, names: Iterable[str]) -> list[str]:
    """The ones of ``names`` that may be module ``name`` renamed: the one with the same name
    after the number (``05-offer`` for ``04-offer``: modules reordered), then the one with the
    same number (``03-listen`` for ``03-explore``), each where only one has it. Names may
    end in ``.md``."""
    found: list[str] = []
    for same in (same_name, same_number):
        matches = [other for other in names if same(name, other)]
        if len(matches) == 1 and matches[0] not in found:
            found.append(matches[0])
    return found


def did_you_mean(candidates: list[str], after: str = "") -> str | None:
    """The fix that offers ``candidates`` (:func:`renamed_modules`), each written with
    ``after`` (``#section``, ``: 3``); two are offered both, the name's and the number's,
    as either may be meant."""
    if len(candidates) == 1:
        return f"did you mean '{candidates[0]}'? write {candidates[0]}{after}"
    if len(candidates) == 2:
        by_name, by_number = candidates
        return (
            f"did you mean '{by_name}' (the same name) or '{by_number}' (the same number)? "
            f"write {by_name}{after} or {by_number}{after}"
        )
    return None


def same_name(module: str, other: str) -> bool:
    """Whether two module names share the name after the number (``06-confirm``, ``07-confirm``)."""
    number, _, name = module.partition("-")
    other_number, _, other_name = other.partition("-")
    return number.isdigit() and other_number.isdigit() and name != "" and name == other_name


def same_number(module: str, other: str) -> bool:
    """Whether two module names share their number (``05-do``, ``05-act``)."""
    number = module.partition("-")[0]
    return number.isdigit() and number == other.partition("-")[0]
