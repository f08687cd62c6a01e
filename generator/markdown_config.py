"""The site's settings and Markdown dialect, read from ``mkdocs.yml``.

Checks see the course as MkDocs will: :mod:`generator.course_scan` converts the pages with
the same extensions, which give the same heading ids, and the same HTML names the files a
page uses (pictures, downloads).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import MkDocsException

from generator.errors import CourseError, Problem
from generator.project import CONFIG_FILE, Project
from generator.settings_entries import entry_problems
from generator.settings_env import (
    ENV_TAG,
    extension_problem,
    missing_theme_folder_problem,
    settings_document,
    top_setting,
    top_settings,
    variable_problem,
    variable_value,
    variables_read,
)
from generator.settings_output import directory_urls_problems, folder_problems
from generator.settings_place import setting_place, wrong_kind
from generator.settings_probe import extension_problems
from generator.settings_required import missing_plugin_problem, required_setting_problem
from generator.settings_screen import (
    EXTRA,
    MARKDOWN_OPTIONS,
    PRINTED,
    THEME,
    resolved_setting_problems,
)
from generator.settings_search import search_problems
from generator.settings_source import settings_bytes
from generator.settings_theme import theme_key_problems, theme_name_problems
from generator.yaml_errors import DOCUMENT_END_FIX, document_end_above, indent_hint
from generator.yaml_hints import SETTINGS, context_line_of, key_read_as_text, syntax_hint


def site_config(project: Project) -> MkDocsConfig:
    """The settings of the project's ``mkdocs.yml`` as MkDocs reads them (nothing is built).

    Read again whenever the file, or an environment variable it reads (``!ENV``), changes:
    the live preview checks the course on every save.
    """
    settings = settings_bytes(project)
    return _site_config(project, settings, tuple(variables_read(settings)))


@lru_cache(maxsize=4)
def _site_config(project: Project, *read: object) -> MkDocsConfig:
    """``read``, the bytes of mkdocs.yml and the variables it reads, is only the cache key:
    MkDocs reads the file."""
    return load_settings(project, docs_dir=str(project.course_dir))  # any existing folder


def load_settings(project: Project, **overrides: Any) -> MkDocsConfig:
    """MkDocs' settings from ``mkdocs.yml`` with ``overrides``; raise CourseError, located in
    mkdocs.yml, when MkDocs cannot read them or warns about them, or would misread them
    (:func:`_misread_settings`).

    A warning (an unknown setting) is a problem too: the build runs MkDocs in strict mode,
    where it would fail, so ``check`` must not say OK.
    """
    data = settings_bytes(project)
    shown = project.relative(project.config_file)
    if unread := _misread_settings(data, project.root, shown):
        raise CourseError(unread)
    complaints = _ConfigComplaints()
    logger = logging.getLogger("mkdocs.config")
    logger.addFilter(complaints)
    try:
        config = load_config(str(project.config_file), **overrides)
    except MkDocsException as error:  # Abort, on an invalid setting, is also a SystemExit
        raise CourseError(settings_problems(project, complaints.messages, error)) from None
    except (TypeError, AttributeError, ValueError) as error:  # a value of a kind unlooked for
        if (problem := wrong_kind(data, shown, error)) is None:
            raise
        raise CourseError([problem]) from None
    finally:
        logger.removeFilter(complaints)
    if complaints.messages:
        raise CourseError(settings_problems(project, complaints.messages))
    printed = {name: config[name] for name in (*PRINTED, EXTRA, THEME, MARKDOWN_OPTIONS)}
    problems = (
        resolved_setting_problems(data, printed, shown)
        + directory_urls_problems(data, config["use_directory_urls"], shown)
        + theme_key_problems(data, config["theme"], shown)
        + search_problems(data, project.root, shown)
    )
    if problems:
        raise CourseError(problems)
    extensions = config["markdown_extensions"]
    if failing := extension_problems(data, extensions, config[MARKDOWN_OPTIONS], shown):
        raise CourseError(failing)
    return config


def _misread_settings(data: bytes, root: Path, shown: Path) -> list[Problem]:
    """What in ``data``, the bytes of mkdocs.yml (``shown``) in the folder ``root``, MkDocs
    would take without a word, or refuse in words that lead the trainer astray, checked
    before it reads them: a theme other than Material
    (:func:`generator.settings_theme.theme_name_problems`; for a misspelt name it offered its
    own themes), an entry of extra_css or extra_javascript that is no file's path
    (:mod:`generator.settings_entries`; it named the list's line), a docs or site folder of
    the trainer's choosing (:func:`generator.settings_output.folder_problems`)."""
    document = settings_document(data)
    return (
        theme_name_problems(document, shown)
        + entry_problems(document, shown)
        + folder_problems(data, root, shown)
    )


class _ConfigComplaints(logging.Filter):
    """Keeps the warnings and errors MkDocs logs about the settings (reported as problems
    instead)."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: list[str] = []

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        self.messages.append(record.getMessage())
        return False


def settings_problems(
    project: Project, messages: list[str], error: MkDocsException | None = None
) -> list[Problem]:
    """What is wrong in mkdocs.yml: a YAML error, invalid settings, or ``error``."""
    path = project.relative(project.config_file)
    syntax = error.__context__ if error is not None else None
    if isinstance(syntax, yaml.MarkedYAMLError) and syntax.problem_mark is not None:
        return [_syntax_problem(path, settings_bytes(project), syntax, syntax.problem_mark)]
    invalid = [found for found in map(INVALID_SETTING.match, messages) if found]
    if not invalid:
        reason = error if error is not None else " ".join(messages)
        return [_settings_problem(path, (1, 1), f"MkDocs cannot read the settings: {reason}")]
    data = settings_bytes(project)
    return [
        extension_problem(data, path, text)
        or missing_theme_folder_problem(data, path, text)
        or required_setting_problem(data, path, name, text)
        or missing_plugin_problem(setting_place(data, name, text), path, text)
        or _key_read_as_text(data, path, name)
        or _invalid_setting(
            data, path, setting_place(data, name, text), name, " ".join(text.split())
        )
        for name, text in (found.groups() for found in invalid)
    ]


def _key_read_as_text(data: bytes, path: Path, name: str) -> Problem | None:
    """A key under the refused setting ``name`` of ``data``, the bytes of mkdocs.yml, that
    YAML read as a text (:func:`generator.yaml_hints.key_read_as_text`), if there is one."""
    lines = data.decode("utf-8-sig", errors="replace").split("\n")
    top = name.split(".")[0]
    for key, value in top_settings(data):
        for number in _texts_below_keys(value) if key.value == top else ():
            hint = key_read_as_text(lines[number - 1], number, SETTINGS)
            if hint is not None:
                return Problem(path, *hint)
    return None


def _texts_below_keys(node: yaml.Node) -> Iterator[int]:
    """The lines of the plain texts under ``node`` that start on a line below their key's,
    where a key's keys would go."""
    if isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _texts_below_keys(item)
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            below = value.start_mark.line > key.start_mark.line
            if isinstance(value, yaml.ScalarNode) and not value.style and below:  # plain
                yield value.start_mark.line + 1
            yield from _texts_below_keys(value)


DUPLICATE_ANCHOR = re.compile(r"found duplicate anchor '(.*)'; first occurrence$")
"""How PyYAML, which MkDocs reads its settings with, names an anchor given a second time."""


def _syntax_problem(
    path: Path, data: bytes, syntax: yaml.MarkedYAMLError, mark: yaml.Mark
) -> Problem:
    """The YAML error ``syntax`` at ``mark`` in ``data``, the bytes of mkdocs.yml: named as
    the slip that likely caused it when one is found there, as in a course file (a tab, a
    full-width space, :mod:`generator.yaml_hints`)."""
    text = data.decode("utf-8-sig", errors="replace")
    hint = indent_hint(text, mark.line + 1, mark.column + 1) or syntax_hint(
        text, mark.line + 1, context_line_of(syntax), SETTINGS
    )
    if hint is not None:
        return Problem(path, *hint)
    found = _document_end(path, text, syntax, mark) or _anchor_twice(path, syntax, mark)
    if found is not None:
        return found
    return Problem(
        path,
        mark.line + 1,
        mark.column + 1,
        f"the site settings are not valid YAML: {syntax.problem}",
        "check the indentation, brackets and quoting on this line and the lines above it",
        "settings.yaml-syntax",
    )


def _document_end(
    path: Path, text: str, syntax: yaml.MarkedYAMLError, mark: yaml.Mark
) -> Problem | None:
    """A '...' line above where PyYAML found more settings than one document holds."""
    ended = document_end_above(text.split("\n"), mark.line + 1)
    if ended is None or "<document start>" not in (syntax.problem or ""):
        return None
    return Problem(
        path,
        ended,
        1,
        "a '...' line ends the YAML document, but MkDocs reads only one, and the settings "
        "below it would start another",
        DOCUMENT_END_FIX,
        "settings.document-end",
    )


def _anchor_twice(path: Path, syntax: yaml.MarkedYAMLError, mark: yaml.Mark) -> Problem | None:
    twice = DUPLICATE_ANCHOR.match(syntax.context or "")
    if twice is None or syntax.context_mark is None:
        return None
    return Problem(
        path,
        mark.line + 1,
        mark.column + 1,
        f"the anchor '&{twice.group(1)}' is given twice (first on line "
        f"{syntax.context_mark.line + 1}): MkDocs allows each name once",
        f"give one of them another name; to repeat the first one's value here, write "
        f"'*{twice.group(1)}' in place of this anchor and its value",
        "settings.anchor-twice",
    )


def _invalid_setting(
    data: bytes, path: Path, place: tuple[int, int], name: str, text: str
) -> Problem:
    """MkDocs refuses the setting ``name`` of ``data``, the bytes of mkdocs.yml, for ``text``:
    said of the environment variable that gave it its value, if one did."""
    message = f"the setting '{name}' is not valid: {text}"
    given = variable_problem(data, name.split(".")[0], text)
    if given is None:
        return _settings_problem(path, place, message)
    return Problem(path, *place, f"{message}; {given[0]}", given[1], "settings.invalid")


INVALID_SETTING = re.compile(r"Config value '([^']+)': (.*)", re.DOTALL)
"""How MkDocs logs a setting it refuses."""


def _settings_problem(path: Path, place: tuple[int, int], message: str) -> Problem:
    return Problem(
        path,
        *place,
        message,
        f"correct it, or undo the last change to {CONFIG_FILE}",
        "settings.invalid",
    )


def published_site_url(project: Project) -> str:
    """The address ``mkdocs.yml`` gives the published site, ending in ``/``; "" when it gives
    none, or only the fallback of an ``!ENV`` tag none of whose variables is set.

    The course's mkdocs.yml has ``site_url: !ENV SITE_URL``, which the Pages workflow sets. A
    fallback (``!ENV [SITE_URL, "http://127.0.0.1:8000/"]``) is a guess, such as the live
    preview's address, which means nothing outside this computer. Read from the file and the
    environment as MkDocs' ``!ENV`` reads them, rather than from :func:`site_config`, which is
    cached by the file's bytes alone.
    """
    setting = top_setting(settings_bytes(project), "site_url")
    if setting is None:
        return ""
    if setting.tag == ENV_TAG:
        given = variable_value(setting)
        address = given[1] if given is not None else ""
    else:
        address = setting.value if setting.tag == "tag:yaml.org,2002:str" else ""  # not null
    address = str(address).strip()
    return address if not address or address.endswith("/") else f"{address}/"


def markdown_settings(project: Project) -> tuple[list[Any], dict[str, Any]]:
    """Return the Markdown extensions and their settings configured in ``mkdocs.yml``."""
    config = site_config(project)
    return list(config["markdown_extensions"]), dict(config[MARKDOWN_OPTIONS])
