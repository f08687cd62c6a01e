"""The files of the site that mkdocs.yml names: a trainer's own scripts and style sheets
(``extra_javascript``, ``extra_css``), and the theme's ``logo`` and ``favicon``.

Such a file is saved under ``course/``, like a picture, and MkDocs prints its name into
every page as it is written, without looking for it. A file there that no page links to
is left out of the site, as drafts and notes are: a trainer's ``stylesheets/extra.css``
was named "not published", and every page asked for it in vain, while the build passed.
So each file these settings name under ``course/`` is published, and a name that is no
file of the site (the course's, the runtime's, or the theme's own, such as Material's
``assets/images/favicon.png``) is a problem at its line. A web address is
:mod:`generator.settings_trust`'s business, and an absolute path (``/x.css``) is left to
the server, as MkDocs leaves it.

The theme's own folder (``theme.custom_dir``) is named too, and two things in it: a
template the generator replaces with its own (``main.html``, ``404.html``,
``partials/footer.html``, ``partials/search.html``: :mod:`generator.mkdocs_run`) was
never used, without a word; and a template in place of one of the theme's that Jinja2
cannot read, which only the build found.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

import yaml
from jinja2 import Environment, TemplateSyntaxError, meta

from generator.errors import Problem
from generator.markdown_config import site_config
from generator.media import course_file, file_named, linkable_files
from generator.project import COURSE_FOLDER, Project
from generator.runtime import runtime_names
from generator.settings_env import custom_dir_node, given_by_variable, problem_at, settings_document
from generator.settings_source import settings_bytes
from generator.settings_trust import site_resources, written_value
from generator.site_engines import overridden_templates, template_problem

COURSE_PREFIX = f"{COURSE_FOLDER}/"


@dataclass(frozen=True)
class NamedFile:
    """A file of the site a setting names."""

    setting: str
    """The setting, as a trainer reads it (``extra_css[1]``, ``theme.logo``)."""
    name: str
    """The file's path in the docs folder, which is its path under ``course/``."""
    node: yaml.Node
    """Where mkdocs.yml names it."""


def named_files(project: Project) -> list[NamedFile]:
    """The files of the site the project's mkdocs.yml names by their path in it."""
    document = settings_document(settings_bytes(project))
    return [
        NamedFile(setting, name, node)
        for setting, node in site_resources(document)
        if (value := written_value(node)) is not None and (name := course_file(value))
    ]


def missing_file_problems(
    project: Project, named: list[NamedFile], published: Collection[str]
) -> list[Problem]:
    """Each of ``named`` that is none of the site's files: ``published``, the files under
    ``course/`` the site holds, the runtime's, or the theme's."""
    known = {*published, *runtime_names()}
    theme_folders = [Path(folder) for folder in site_config(project).theme.dirs]
    missing = [
        file
        for file in named
        if file.name not in known
        and not any((folder / file.name).is_file() for folder in theme_folders)
    ]
    files = linkable_files(project) if missing else set()
    shown = project.relative(project.config_file)
    return [_missing(file, files, shown) for file in missing]


def _missing(file: NamedFile, files: Collection[str], shown: Path) -> Problem:
    """The problem of ``file``, with the one of ``files`` (under ``course/``) it plainly means."""
    value = written_value(file.node)
    message = (
        f"{file.setting} names {value!r}, which is no file of the site: every page would ask "
        f"for it and get nothing{given_by_variable(file.node)}"
    )
    fix = (
        f"save the file as {COURSE_PREFIX}{file.name}, or remove the line "
        f"(names in {shown} start from {COURSE_PREFIX})"
    )
    meant = file_named(file.name.removeprefix(COURSE_PREFIX), files)
    if meant is not None:
        fix = (
            f"did you mean '{meant}'? names in {shown} start from {COURSE_PREFIX} and keep "
            "the file's letter case"
        )
    return problem_at(file.node.start_mark, shown, message, fix, "settings.missing-file")


def shadowed_template_problems(project: Project) -> list[Problem]:
    """Each template in the theme's own folder (``theme.custom_dir``) that the generator's
    replaces, at the line naming the folder."""
    folder = site_config(project).theme.custom_dir
    node = custom_dir_node(settings_bytes(project))
    if folder is None or node is None:
        return []
    shown = project.relative(project.config_file)
    return [
        _shadowed(name, node, shown)
        for name in overridden_templates()
        if Path(folder, name).is_file()
    ]


def template_syntax_problems(project: Project) -> list[Problem]:
    """Each template in the theme's own folder (``theme.custom_dir``) that the build reads
    and that Jinja2 cannot read, at its line: ``check`` said OK, and only the build failed
    on it. The build reads a template that takes the place of one of the theme's, and one
    of the folder's own that such a template includes, imports or extends (a partial of
    the trainer's, ``partials/banner.html``); other files there (a copy, notes) it never
    reads."""
    theme = site_config(project).theme
    if theme.custom_dir is None:
        return []
    folder = Path(theme.custom_dir)
    themes = [Path(path) for path in theme.dirs if Path(path) != folder]
    replacing = [
        path
        for path in sorted(folder.rglob("*.html"))
        if any((other / path.relative_to(folder)).is_file() for other in themes)
    ]
    return _unreadable(project, theme.get_env(), folder, replacing)


def _unreadable(
    project: Project, environment: Environment, folder: Path, start: list[Path]
) -> list[Problem]:
    """Each of the templates ``start``, and of those of ``folder`` they name, that Jinja2
    cannot read."""
    pending, read = list(start), set[Path]()
    problems = []
    while pending:
        path = pending.pop(0)
        if path in read:
            continue
        read.add(path)
        try:
            tree = environment.parse(path.read_text(encoding="utf-8"), path.name, str(path))
        except TemplateSyntaxError as error:
            problems.append(template_problem(project, error))
            continue
        except (OSError, UnicodeDecodeError):
            continue  # unreadable: the build names it as MkDocs reads it
        named = (folder / name for name in meta.find_referenced_templates(tree) if name)
        pending += [path for path in named if path.is_file()]
    return sorted(problems)


def _shadowed(name: str, node: yaml.Node, shown: Path) -> Problem:
    message = (
        f"theme.custom_dir holds {name}, which the course's own {name} replaces: nothing in it "
        "would show"
    )
    fix = (
        f"delete {name} from the folder; add to every page with a style sheet or script of "
        f"your own under {COURSE_PREFIX} (extra_css, extra_javascript), or override another "
        "of the theme's partials (partials/header.html, partials/copyright.html)"
    )
    return problem_at(node.start_mark, shown, message, fix, "settings.template-replaced")
