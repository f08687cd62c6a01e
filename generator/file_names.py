"""Characters no page or quiz file name may hold, and what is said of a name that holds one.

A name is printed in the terminal and becomes part of the page's web address: a control
character in it acts on the terminal, a direction mark prints it backwards, and bytes that
are not UTF-8 (Python reads them as lone surrogates) stopped MkDocs with a traceback.

A page's name must also be one Windows can hold: the offline and SCORM packages are
unzipped there (a classroom PC, an LMS's server), and git checks the course out there. So
must the name of every other file the site publishes from ``course/`` and of its folders,
and no two may differ only in letter case, nor a page from one the generator writes, nor a
published file from a page's address (``01-intro.html`` beside ``01-intro.md``) or from a
file the build writes itself (``404.html``, ``sitemap.xml``, the SCORM package's
``scorm/`` folder of launch pages). A file
the site does not publish reaches no package, but git cannot check out a name Windows
cannot hold: it is a warning.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePath

from generator.errors import CONTROL, Problem, Severity
from generator.project import (
    GENERATED_PAGES,
    MODULE_NAME,
    NOT_FOUND_PAGE,
    SCORM_LAUNCH_FOLDER,
    SCORM_MANIFEST,
    Project,
    page_url,
)
from generator.search_index import DOCUMENTS, INDEX, OFFLINE_DOCUMENTS, OFFLINE_INDEX, TITLES

WINDOWS_UNFIT = frozenset('\\:*?"<>|')
"""The characters Windows refuses in a file name (besides ``/``, which no name holds)."""
WINDOWS_DEVICES = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"{port}{n}" for port in ("COM", "LPT") for n in range(1, 10))}
)
"""Names Windows keeps for devices, whatever follows the first dot (``nul.md``)."""
NOT_UNZIPPED_ON_WINDOWS = "so the offline and SCORM packages could not be unzipped on Windows"
SITE_FILES = {
    NOT_FOUND_PAGE: "MkDocs writes the site's own 'page not found' page",
    "sitemap.xml": "MkDocs writes the site map",
    "sitemap.xml.gz": "MkDocs writes the site map",
    SCORM_MANIFEST: "the SCORM package's manifest goes",
    f"{SCORM_LAUNCH_FOLDER}/": "the SCORM package's launch pages go",
    **dict.fromkeys(
        (INDEX, OFFLINE_INDEX, DOCUMENTS, OFFLINE_DOCUMENTS, TITLES), "the site's search index goes"
    ),
}
"""The addresses the build, or the SCORM export in the site it packages, writes files of its
own at, besides the pages and ``assets/`` (``course/assets/`` is refused as a whole), a
folder's ending in ``/`` -> what it writes there."""
UNFIT_IN_A_NAME = {"Cc", "Zl", "Zp"}
"""Unicode categories no page or quiz name may hold besides what a terminal acts on
(:data:`generator.errors.CONTROL`): tabs and line breaks, which that leaves alone in text."""


def unfit_character(name: str) -> str | None:
    """The first character of ``name`` that no page or quiz name may hold, if any: one that
    a terminal acts on (ESC; a direction mark, which prints the name backwards), a line
    break, or a byte that is not UTF-8 (a name made on a computer set to another encoding,
    which Python reads as a lone surrogate and MkDocs cannot put in an address: its build
    stopped with a traceback). Other format characters are fine: the joiner inside 👨‍💻, a
    soft hyphen."""
    return next(
        (
            char
            for char in name
            if CONTROL.match(char) or unicodedata.category(char) in UNFIT_IN_A_NAME
        ),
        None,
    )


def unfit_name_problem(project: Project, path: Path, unfit: str) -> Problem:
    """A page or quiz whose name holds ``unfit``: not read."""
    what = (
        "a byte that is not UTF-8 text (it was named on a computer set to another encoding)"
        if unicodedata.category(unfit) == "Cs"
        else f"a control character or a direction mark (U+{ord(unfit):04X}), which a terminal "
        "or a browser acts on instead of showing"
    )
    return Problem(
        project.relative(path),
        1,
        1,
        f"the file's name holds {what}, so the file is not read",
        "rename it with letters, digits, hyphens or Chinese characters (a module's page and "
        "quiz keep the same name)",
        "course.unfit-name",
    )


def unportable(name: str) -> str | None:
    """What keeps Windows from holding a file named ``name``, if anything."""
    char = next((char for char in name if char in WINDOWS_UNFIT), None)
    if char is not None:
        return f"holds '{char}', which Windows does not allow in a file name"
    device = name.split(".")[0]
    if device.upper() in WINDOWS_DEVICES:
        return f"is '{device}', which Windows keeps as the name of a device"
    return None


def unportable_problem(project: Project, path: Path, what: str) -> Problem:
    """A page whose name Windows cannot hold: not read."""
    return Problem(
        project.relative(path),
        1,
        1,
        f"the file's name {what}, {NOT_UNZIPPED_ON_WINDOWS}; the file is not read",
        "rename it with letters, digits, hyphens or Chinese characters",
        "course.unfit-name",
    )


def published_name_problems(
    project: Project, published: Mapping[str, Path], pages: Iterable[str]
) -> list[Problem]:
    """The files the site publishes from ``course/`` besides the pages (pictures, downloads)
    whose names, or their folders' names, Windows cannot hold (a folder told once), and those
    whose paths, or their folders', differ only in letter case: either kept the offline zip
    from unzipping whole on a classroom PC. And those published where one of ``pages`` (and
    the pages the generator writes) is: MkDocs leaves such a file out of the site."""
    files = sorted(published.values())
    unfit = [
        _unportable_place(
            project,
            place,
            f"{what}, {NOT_UNZIPPED_ON_WINDOWS}",
            "rename it with letters, digits, hyphens or Chinese characters, and write the new "
            "name in the links to it",
        )
        for place, what in _unportable_places(project, files).items()
    ]
    return [
        *unfit,
        *_folder_case_clashes(project, files),
        *case_clashes(project, files, "file"),
        *_page_address_clashes(project, published, [*pages, *GENERATED_PAGES]),
        *_site_file_clashes(project, published),
    ]


def unpublished_name_warnings(project: Project, unpublished: Iterable[Path]) -> list[Problem]:
    """The files under ``course/`` that the site leaves out (hidden ones aside: editors make
    and delete them) whose names, or their folders' (told once), Windows cannot hold. They
    reach neither the site nor a package, so the course still builds; but git on Windows
    refuses to check such a name out, so a trainer there cannot clone or pull the course."""
    shown = [path for path in unpublished if not hidden(path.relative_to(project.course_dir))]
    return [
        _unportable_place(
            project,
            place,
            f"{what}; the site does not publish it, but git on Windows cannot check it out, "
            "so the course cannot be cloned or pulled there",
            "rename it with letters, digits, hyphens or Chinese characters, or delete it if "
            "the course does not need it",
            "course.unfit-name-unpublished",
            Severity.WARNING,
        )
        for place, what in _unportable_places(project, sorted(shown)).items()
    ]


def hidden(name: PurePath) -> bool:
    """Whether ``name`` (relative to ``course/``) is hidden, or in a hidden folder."""
    return any(part.startswith(".") for part in name.parts)


def _unportable_places(project: Project, paths: list[Path]) -> dict[Path, str]:
    """The outermost of each of ``paths`` and its folders whose name Windows cannot hold
    (a folder once), with what keeps it from holding it."""
    places: dict[Path, str] = {}
    for path in paths:
        if (found := _first_unportable(project, path)) is not None:
            places.setdefault(*found)
    return places


def _first_unportable(project: Project, path: Path) -> tuple[Path, str] | None:
    """The outermost of ``path`` and its folders under ``course/`` whose name Windows cannot
    hold, with what keeps it from holding it."""
    name = path.relative_to(project.course_dir)
    for place in [*reversed(name.parents[:-1]), name]:
        if (what := unportable(place.name)) is not None:
            return project.course_dir / place, what
    return None


def _unportable_place(
    project: Project,
    path: Path,
    said: str,
    fix: str,
    code: str = "course.unfit-name",
    severity: Severity = Severity.ERROR,
) -> Problem:
    """A file, or a folder of one, whose name Windows cannot hold, for the reason that
    ``said`` starts with; a folder is told with no line."""
    kind, line = ("folder", 0) if path.is_dir() else ("file", 1)
    return Problem(
        project.relative(path), line, line, f"the {kind}'s name {said}", fix, code, severity
    )


def case_clashes(project: Project, paths: list[Path], kind: str = "page") -> list[Problem]:
    """The ``kind`` of files under ``course/`` (pages, or published files) whose paths differ
    only in letter case: Windows and macOS keep one file for both, so one replaces the other
    where the offline package is unzipped."""
    first: dict[str, str] = {}
    problems = []
    for path in paths:
        name = path.relative_to(project.course_dir).as_posix()
        earlier = first.setdefault(name.casefold(), name)
        if earlier != name:
            outcome = f"one {kind} would replace the other"
            problems.append(
                _case_clash(
                    project, path, f"'{earlier}'", outcome, f"rename one of the two {kind}s"
                )
            )
    return problems


def _folder_case_clashes(project: Project, files: list[Path]) -> list[Problem]:
    """The folders of ``files`` whose paths differ only in letter case (``Images/`` beside
    ``images/``), each told once, the outermost: Windows and macOS keep one folder for both,
    where the files of both end up under one of the two names."""
    first: dict[str, str] = {}
    problems: dict[str, Problem] = {}
    for path in files:
        for folder in reversed(path.relative_to(project.course_dir).parents[:-1]):
            name = folder.as_posix()
            earlier = first.setdefault(name.casefold(), name)
            if earlier != name:
                problems.setdefault(
                    name,
                    _case_clash(
                        project,
                        project.course_dir / folder,
                        f"'{earlier}/'",
                        "the files of both would end up in one folder",
                        "move the files of one folder into the other, and write the new path in "
                        "the links to them",
                    ),
                )
                break
    return list(problems.values())


def _page_address_clashes(
    project: Project, published: Mapping[str, Path], pages: list[str]
) -> list[Problem]:
    """The published files whose path in the site is a page's address (``01-intro.html``
    beside ``01-intro.md``; ``exam.html``, which the generator writes), in any letter case:
    MkDocs leaves the file out, and a Windows or macOS folder keeps one file for both."""
    addresses = {page_url(page).casefold(): page for page in pages}
    problems = []
    for name, path in sorted(published.items()):
        page = addresses.get(name.casefold())
        if page is not None:
            address = page_url(page)
            outcome = (
                ", so the file would be left out of the site"
                if name == address
                else f" ('{address}') in other letter case, which Windows and macOS take for the "
                "same name, so one would replace the other where the offline package is unzipped"
            )
            problems.append(
                Problem(
                    project.relative(path),
                    1,
                    1,
                    f"the site would publish this file as '{name}', the address of the page "
                    f"{page}{outcome}",
                    "rename the file (an .html file a page links to needs a name of its own), "
                    "and write the new name in the links to it",
                    "media.page-clash",
                )
            )
    return problems


def _site_file_clashes(project: Project, published: Mapping[str, Path]) -> list[Problem]:
    """The published files whose path in the site, in any letter case, is where the build
    writes a file of its own (``404.html``, ``sitemap.xml``, the SCORM package's
    ``imsmanifest.xml``), or under a folder it writes (the SCORM launch pages' ``scorm/``):
    the build's file replaced the trainer's without a word, and a link to it led to the site
    map, the 404 page or the manifest; a file in ``scorm/`` stopped the SCORM export."""
    return [
        Problem(
            project.relative(path),
            1,
            1,
            f"the site would publish this file as '{name}', where {SITE_FILES[address]}"
            f"{'' if name.startswith(address) else f' (as {address!r})'}, so one would replace "
            "the other",
            "rename the file, or move it into course/images/ or course/media/, and write the new "
            "name in the links to it",
            "media.site-file-clash",
        )
        for name, path in sorted(published.items())
        if (address := site_address(name)) is not None
    ]


def site_address(name: str) -> str | None:
    """The address of :data:`SITE_FILES` that ``name``, a published file's path in the site,
    is, in any letter case, or that of the folder at the site's root that it is in (or that
    is its name: the folder could not be made)."""
    written = {address.casefold(): address for address in SITE_FILES}
    folded = name.casefold()
    return written.get(folded, written.get(f"{folded.split('/')[0]}/"))


def generated_page_clashes(project: Project, pages: list[Path]) -> list[Problem]:
    """Pages whose names differ only in letter case from a page the generator writes
    (``Exam.md``): where the offline package is unzipped, the generated page replaces them."""
    generated = {name.casefold(): name for name in GENERATED_PAGES}
    return [
        _case_clash(
            project,
            path,
            f"'{written}', a page the generator writes itself,",
            "the generated page would replace this one",
            "rename this page; these names are reserved in any letter case: "
            f"{', '.join(GENERATED_PAGES)}",
        )
        for path in pages
        if (written := generated.get(path.name.casefold(), path.name)) != path.name
    ]


def _case_clash(project: Project, path: Path, earlier: str, outcome: str, fix: str) -> Problem:
    """``path``, whose name differs from ``earlier`` only in letter case, with ``outcome``;
    a folder is told with no line."""
    kind, line = ("folder", 0) if path.is_dir() else ("file", 1)
    return Problem(
        project.relative(path),
        line,
        line,
        f"the name differs from {earlier} only in letter case; Windows and macOS keep one "
        f"{kind} for both, so {outcome} where the offline package is unzipped",
        fix,
        "course.case-clash",
    )


PAGE_COPY_MARK = re.compile(r"\s*(?:-\s*)?(?:副本|拷贝|copy)|\s*[(（]\d+[)）]", re.IGNORECASE)
"""How a file manager names a copy after the file's own name: ``glossary - 副本``,
``glossary - Copy``, ``glossary copy 2``, ``glossary (2)``."""


def copied_from(name: str, originals: list[str], mark: re.Pattern[str]) -> str | None:
    """The one of ``originals`` that ``name`` is named a copy of, as ``mark`` says how a copy
    goes on after the original's name; the longest that fits (``01-intro-2 - 副本`` is a copy
    of ``01-intro-2``, not of ``01-intro``)."""
    fitting = (
        original
        for original in sorted(originals, key=len, reverse=True)
        if name.startswith(original) and mark.match(name[len(original) :])
    )
    return next(fitting, None)


def page_copies(pages: list[Path]) -> dict[Path, Path]:
    """The pages named as a file manager names a copy of another page -> that page."""
    by_name = {page.stem: page for page in pages}
    copies: dict[Path, Path] = {}
    for path in pages:
        original = copied_from(path.stem, list(by_name), PAGE_COPY_MARK)
        if original is not None and not unfit_character(path.name) and not unportable(path.name):
            copies[path] = by_name[original]
    return copies


def copy_problem(project: Project, path: Path, original: Path) -> Problem:
    """A page named as a copy of ``original``: a module's copy is not read, and any other
    would be published as a page of its own beside the original."""
    if MODULE_NAME.match(original.stem):
        outcome = "and the course reads a module only under its own name"
    else:
        outcome = "and the site would publish it as a page of its own beside the original"
    kept = project.relative(original)
    return Problem(
        project.relative(path),
        1,
        1,
        f"page '{path.name}' is named as a copy of {kept}, {outcome}",
        f"move what you need from it into {kept}, then delete it",
        "course.copy",
    )
