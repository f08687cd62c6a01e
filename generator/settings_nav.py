"""``nav`` in mkdocs.yml, checked against the pages the docs folder will hold.

The course's mkdocs.yml has no ``nav``: MkDocs then lists every page in the order of their
file names. A trainer who writes one must list every page, the generator's own too (the
exam, its certificate, the 错题本), and name only pages that are there: MkDocs' strict build
stops on a page left out (``validation: omitted_files: warn``) and on an entry that names no
file (``not_found``, a warning by default), but ``check`` said OK, and the build put
MkDocs' words at the file's first line or at the first line quoting the name (a comment).

Judged as MkDocs 1.6 judges them, so that ``check`` refuses what the build would and no more:
an entry is looked up as MkDocs looks it up (``./index.md`` is ``index.md``; ``/index.md``
only with ``absolute_links: relative_to_docs``); a web address is left alone (its scheme is
:mod:`generator.settings_trust`'s business), as is an absolute path MkDocs reads as one, a
section's title, and an entry that may name a file of the site other than a page
(``assets/mot.css``, a picture). A page MkDocs leaves out of the site or out of the nav
(``exclude_docs``, ``draft_docs``, ``not_in_nav``) need not be listed, and a level below
``warn`` in ``validation`` is not refused.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection
from difflib import get_close_matches
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import yaml
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, InclusionLevel, set_exclusions
from mkdocs.structure.pages import _AbsoluteLinksValidationValue
from mkdocs.utils import markdown_extensions

from generator.errors import Problem, joined_with_and
from generator.markdown_config import site_config
from generator.models import Course
from generator.project import (
    CERTIFICATE_PAGE,
    COURSE_FOLDER,
    EXAM_PAGE,
    MISTAKES_PAGE,
    Project,
)
from generator.settings_env import given_by_variable, problem_at, settings_document, top_level
from generator.settings_source import settings_bytes
from generator.settings_trust import NAV, nav_targets, written_value

GENERATED = {
    EXAM_PAGE: "the final exam",
    CERTIFICATE_PAGE: "the exam's certificate",
    MISTAKES_PAGE: "the 错题本",
}
"""The pages the generator writes, as a trainer knows them."""
PAGE_SUFFIXES = (*markdown_extensions, ".html", "")
"""The suffixes of an entry that can only mean a page: a Markdown file's, a page's address
(``glossary.html``), none (``glossary``). Any other may name a file of the site."""
PAGE_PART = re.compile(r"[#?]")
"""Where a section or a query starts in an entry (``index.md#overview``): MkDocs looks the
whole entry up as a file's name, and finds none."""
CLOSE = 0.75
"""How alike a page's name must be to an entry to be suggested (difflib's ratio):
'glosary.md' is 'glossary.md', 'nothere.md' (0.6 to 'trainer.md') is no page's."""
RELATIVE_TO_DOCS = _AbsoluteLinksValidationValue.RELATIVE_TO_DOCS


def site_pages(course: Course) -> list[str]:
    """The pages of the docs folder: the course's, named as in ``course/``, and those the
    generator writes (:func:`generator.render.render_course`)."""
    return sorted([*(page.filename for page in course.pages), *course.generated_pages])


def nav_problems(project: Project, course: Course, files: Collection[str]) -> list[Problem]:
    """What MkDocs' strict build would refuse in the ``nav`` of the project's mkdocs.yml, for
    ``course``: an entry that names no page (``files``: the other files of the docs folder,
    which an entry may name too), and the pages it leaves out. Nothing without ``nav``."""
    config = site_config(project)
    if config["nav"] is None:
        return []
    shown = project.relative(project.config_file)
    document = settings_document(settings_bytes(project))
    key, value = next(((k, v) for k, v in top_level(document) if k.value == NAV), (None, None))
    if key is None or value is None:
        return []
    pages = site_pages(course)
    found: list[Problem] = []
    if config.validation.nav.not_found >= logging.WARNING:
        found += _entry_problems(value, config, pages, {*pages, *files}, shown)
    if config.validation.nav.absolute_links >= logging.WARNING:
        found += _absolute_entries(value, shown)
    if config.validation.nav.omitted_files >= logging.WARNING:
        found += _omitted(key, value, config, pages, shown)
    return found


def _entry_problems(
    nav: yaml.Node, config: MkDocsConfig, pages: list[str], known: set[str], shown: Path
) -> list[Problem]:
    """Each entry of ``nav`` that names no file ``known`` and can only mean a page."""
    found = {
        _entry_problem(name, node, value, pages, shown): None
        for name, node in nav_targets(nav, "")
        if (value := written_value(node)) is not None
        and (looked_up := _looked_up(value, config)) is not None
        and looked_up not in known
        and PurePosixPath(PAGE_PART.split(looked_up)[0]).suffix.lower() in PAGE_SUFFIXES
    }
    return list(found)  # an alias repeats a node: said once


def _absolute_entries(nav: yaml.Node, shown: Path) -> list[Problem]:
    """Each entry of ``nav`` that is an absolute path (``/index.md``), which MkDocs takes
    for an address outside the site: its strict build stopped on it, at the file's first line."""
    found = {
        problem_at(
            node.start_mark,
            shown,
            f"{name} names {value!r}, an absolute path, which MkDocs takes for an address "
            f"outside the site: its strict build stops on it (validation: absolute_links)"
            f"{given_by_variable(node)}",
            f"write it from {COURSE_FOLDER}/, without the leading '/': '{path}'",
            "settings.nav-absolute",
        ): None
        for name, node in nav_targets(nav, "")
        if (value := written_value(node)) is not None
        and (path := _absolute_path(value)) is not None
    }
    return list(found)


def _absolute_path(entry: str) -> str | None:
    """The path an absolute entry (``/index.md``) names, without its leading '/'; none for
    any other entry (``//host/x``, a web address, a path in the docs folder)."""
    return entry.lstrip("/") if entry.startswith("/") and not urlsplit(entry).netloc else None


def _looked_up(entry: str, config: MkDocsConfig) -> str | None:
    """The file's name MkDocs looks ``entry`` up by; none for a web address, and for an
    absolute path MkDocs reads as one (``validation: nav: absolute_links``)."""
    parts = urlsplit(entry)
    if parts.scheme or parts.netloc:
        return None
    if entry.startswith("/"):
        if config.validation.nav.absolute_links != RELATIVE_TO_DOCS:
            return None
        entry = entry.lstrip("/")
    return PurePosixPath(entry).as_posix()


def _entry_problem(
    name: str, node: yaml.Node, value: str, pages: list[str], shown: Path
) -> Problem:
    message = (
        f"{name} names {value!r}, which is no page of the site: MkDocs' strict build stops "
        f"on it{given_by_variable(node)}"
    )
    close = _closest(value, pages)
    generated = ", ".join(page for page in pages if page in GENERATED)
    fix = f"name a page by its file name in {COURSE_FOLDER}/ (index.md)" + (
        f" or one the generator writes ({generated})" if generated else ""
    )
    if close is not None:
        fix = f"did you mean '{close}'? {fix}"
    return problem_at(
        node.start_mark, shown, message, f"{fix}; or remove the entry", "settings.nav-page"
    )


def _closest(entry: str, pages: list[str]) -> str | None:
    """The page ``entry`` most likely means, in any case: the page of its name
    (``glossary.html``, ``course/glossary.md``, ``index.md#overview``), else the closest name
    (difflib), if one is close."""
    written = PurePosixPath(PAGE_PART.split(entry)[0].lower())
    named = {page.lower(): page for page in pages}
    close = get_close_matches(written.name, named, n=1, cutoff=CLOSE)
    same = f"{written.stem}.md"
    return named[same] if same in named else named[close[0]] if close else None


def _omitted(
    key: yaml.Node, nav: yaml.Node, config: MkDocsConfig, pages: list[str], shown: Path
) -> list[Problem]:
    """The pages ``nav`` (its key: ``key``) leaves out that MkDocs lists in the site's
    navigation (``not_in_nav``, ``exclude_docs`` and ``draft_docs`` set apart)."""
    files = [File(page, None, config["site_dir"], config["use_directory_urls"]) for page in pages]
    set_exclusions(files, config)
    # an absolute entry refused at its line (_absolute_entries) is not said again as left out
    absolute_refused = config.validation.nav.absolute_links >= logging.WARNING
    named = {
        found
        for _, node in nav_targets(nav, "")
        if (entry := written_value(node)) is not None
        and (
            found := _looked_up(entry, config)
            or (_absolute_path(entry) if absolute_refused else None)
        )
    }
    left_out = [
        file.src_uri for file in files if file.inclusion.value > InclusionLevel.NOT_IN_NAV.value
    ]
    left_out = [page for page in left_out if page not in named]
    if not left_out:
        return []
    listed = joined_with_and([f"'{page}'{_written_by_generator(page)}" for page in left_out])
    message = (
        f"'nav' leaves out {listed}: MkDocs' strict build stops on a page 'nav' does not "
        "list (validation: omitted_files)"
    )
    fix = (
        f"add {'them' if len(left_out) > 1 else 'it'} to 'nav', or remove 'nav:' so that "
        "every page is listed, in the order of their file names"
    )
    return [problem_at(key.start_mark, shown, message, fix, "settings.nav-omitted")]


def _written_by_generator(page: str) -> str:
    what = GENERATED.get(page)
    return f" ({what}, which the generator writes)" if what else ""
