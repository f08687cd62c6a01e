"""``exclude_docs`` and ``draft_docs`` in mkdocs.yml, checked against the files the site needs.

MkDocs leaves a file that ``exclude_docs`` matches out of the site, and one that
``draft_docs`` matches out of every build (``serve`` alone shows drafts). A pattern that
matched a module (``03-explore.md``), a page the generator writes, the quiz runtime or a
picture a page shows left a site with links to nothing, whose exam drew a module no
learner could open, and ``build`` said OK. Matched as MkDocs matches them
(:func:`mkdocs.structure.files.set_exclusions`), so that ``check`` refuses what the
build would leave out and no more.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

import yaml
from mkdocs.structure.files import File, InclusionLevel, set_exclusions

from generator.course_scan import References
from generator.errors import Problem, joined_with_and
from generator.markdown_config import site_config
from generator.media import course_file
from generator.models import Course
from generator.project import HOME_PAGE, Project
from generator.runtime import runtime_names
from generator.settings_env import problem_at, top_settings
from generator.settings_source import settings_bytes

SETTINGS = {
    InclusionLevel.EXCLUDED: ("exclude_docs", "leaves what it matches out of the site"),
    InclusionLevel.DRAFT: (
        "draft_docs",
        "takes what it matches for drafts, which only 'serve' shows",
    ),
}
"""What each setting does to the files it matches, by the level MkDocs gives them."""
SHOWN = 3
"""How many of the files left out a message names before it counts the rest."""


def excluded_file_problems(
    project: Project, course: Course, references: References, published: Collection[str]
) -> list[Problem]:
    """A problem at ``exclude_docs`` or ``draft_docs`` for the files of the site it leaves
    out (:func:`needed_files`); a page of ``course/`` no other page links to may be left out,
    a draft of the trainer's."""
    config = site_config(project)
    if all(config[setting] is None for setting, _ in SETTINGS.values()):
        return []  # the usual course: no need to read the runtime's files on every save
    names = needed_files(course, references, published)
    files = [File(name, None, config["site_dir"], config["use_directory_urls"]) for name in names]
    set_exclusions(files, config)
    keys = {key.value: key for key, _ in top_settings(settings_bytes(project))}
    shown = project.relative(project.config_file)
    found = []
    for level, (setting, does) in SETTINGS.items():
        left_out = [file.src_uri for file in files if file.inclusion == level]
        if left_out and setting in keys:
            found.append(_left_out(keys[setting], setting, does, left_out, shown))
    return found


def needed_files(course: Course, references: References, published: Collection[str]) -> list[str]:
    """The files the site needs: the home page and the modules, the pages the generator
    writes, the runtime, the files of ``course/`` the pages use (``published``) and every
    page another page links to (``references``: each page's addresses)."""
    linked = {
        name
        for page, targets in references.items()
        for name in map(course_file, targets)
        if name is not None and name != page
    }
    pages = [page.filename for page in course.pages]
    own = [name for name in pages if name == HOME_PAGE or name in linked]
    modules = [module.page.filename for module in course.modules]
    names = [*own, *modules, *course.generated_pages, *runtime_names(), *published]
    return sorted(set(names))


def _left_out(key: yaml.Node, setting: str, does: str, left_out: list[str], shown: Path) -> Problem:
    named = left_out[:SHOWN] + ([f"{len(left_out) - SHOWN} more"] if len(left_out) > SHOWN else [])
    return problem_at(
        key.start_mark,
        shown,
        f"{setting} matches {joined_with_and(named)}, which the course needs: MkDocs {does}, "
        "and the built site would link to pages or files it does not have",
        f"take the pattern that matches {left_out[0]} out of {setting}, or make it match only "
        "files the course does not use",
        "settings.excluded-file",
    )
