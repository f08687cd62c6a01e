"""The settings of ``mkdocs.yml`` known only once MkDocs has read them, and what MkDocs says
of them, said where the trainer can act.

The course's mkdocs.yml has ``site_url: !ENV SITE_URL``, which the Pages workflow sets. A
trainer who sets the variable wrongly never edited the file, so what is wrong with the value
is said of the variable. Read as MkDocs' ``!ENV`` reads it: the first of the named variables
that is set; the last of a list of more than one is a fallback, written in the file.

The theme's language, text direction and fonts are checked with Material's defaults filled
in: Material reads its words from a template named after the language (a language it lacks
stops the build with no line to show), prints the direction into every page as it is, and
loads any font but ``false`` from Google Fonts, which mainland China blocks. A Markdown
extension that fails to load is named with the last line of its error, at its option.

The settings are read here as nodes, for :mod:`generator.settings_screen` too, which says of
a value a variable gave which variable gave it. Such a value is judged as the variable holds
it, not as MkDocs reads it: MkDocs drops a line break, a tab or a space around an address.
A value refused for a character no one sees where it is set is repeated as Python writes it
(``'https://x.org/\\n'``), with how to set the variable.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.plain_text import not_plain
from generator.project import CONFIG_FILE
from generator.yaml_events import EVENT_PARSER

ENV_TAG = "!ENV"
URL_SCHEME = "https://"
COURSE_LANGUAGE = "zh"
LANGUAGES = "partials/languages"
"""Where Material's templates keep one file of words per language (``zh.html``)."""
DIRECTIONS = ("ltr", "rtl")
FONTS_OFF = (
    "is not set to false, so every page would load its fonts from Google Fonts "
    "(fonts.googleapis.com), which is blocked in mainland China",
    "keep 'font: false' under theme: the pages then use the fonts of the learner's device",
    "settings.theme-font",
)
FAILED_EXTENSION = re.compile(r"Failed to load extension '([^']+)'\.")
"""How MkDocs starts its complaint about a Markdown extension that fails to load."""
MISSING_THEME_FOLDER = re.compile(r"The path set in custom_dir \('(.*)'\) does not exist")
"""How MkDocs says the theme's own folder is not there."""
ERROR_CLASS = re.compile(r"[A-Za-z_][\w.]*(?:Error|Exception|Warning)")
"""How the last line of a traceback starts: the error's class (``ValueError: ...``)."""


def settings_document(source: str | bytes) -> yaml.Node | None:
    """The settings in ``source``, mkdocs.yml's text or bytes, as nodes; none when they are
    not YAML (which MkDocs reports). Tags are kept as written, for MkDocs to resolve."""
    try:
        return yaml.compose(source, Loader=EVENT_PARSER)
    except yaml.YAMLError:
        return None


def top_settings(source: str | bytes) -> list[tuple[yaml.Node, yaml.Node]]:
    """The top-level keys of the settings in ``source``, mkdocs.yml's text or bytes, with
    their values, as nodes; none when it is not a mapping or not YAML (which MkDocs
    reports)."""
    return top_level(settings_document(source))


def top_level(document: yaml.Node | None) -> list[tuple[yaml.Node, yaml.Node]]:
    """The top-level keys of the settings ``document`` with their values."""
    return document.value if isinstance(document, yaml.MappingNode) else []


def top_setting(data: bytes, name: str) -> yaml.Node | None:
    """The value of the top-level setting ``name`` in ``data``, the bytes of mkdocs.yml."""
    return next((value for key, value in top_settings(data) if key.value == name), None)


def theme_setting(data: bytes, name: str) -> tuple[yaml.ScalarNode, yaml.Node] | None:
    """The key and value of the setting ``name`` under ``theme:`` in ``data``, the bytes of
    mkdocs.yml, if it is written."""
    pairs = mapping_pairs(top_setting(data, "theme"))
    return next(((key, value) for key, value in pairs if key.value == name), None)


def custom_dir_node(data: bytes) -> yaml.Node | None:
    """Where ``data``, the bytes of mkdocs.yml, names the theme's own folder."""
    setting = theme_setting(data, "custom_dir")
    return setting[1] if setting is not None else None


Keys = tuple[str | int, ...]
"""Where a value is in the settings as MkDocs read them: keys and list positions."""
YAML_TAGS = "tag:yaml.org,2002:"
TEXT_TAG = f"{YAML_TAGS}str"
"""The tag of a text written as it is, which no tag (``!ENV``) gives its value."""


def resolved_at(settings: Any, path: Keys) -> Any:
    """The value at ``path`` in ``settings`` (as MkDocs read them), or None when there is none."""
    for step in path:
        try:
            settings = settings[step]
        except (KeyError, IndexError, TypeError):
            return None
    return settings


def variable_value(setting: yaml.Node) -> tuple[str, str] | None:
    """The variable an ``!ENV`` ``setting`` takes its value from, and the value, if one of the
    variables it names is set."""
    if setting.tag != ENV_TAG:
        return None
    if isinstance(setting, yaml.SequenceNode):
        names = [str(node.value) for node in setting.value]
        variables = names[:-1] if len(names) > 1 else names
    else:
        variables = [str(setting.value)]
    return next(((name, os.environ[name]) for name in variables if name in os.environ), None)


def variables_read(data: bytes) -> list[tuple[str, str | None]]:
    """Every environment variable an ``!ENV`` tag in ``data``, mkdocs.yml's bytes, names, with
    its value (None when it is not set): what MkDocs reads the settings from besides the file.
    """
    named: list[tuple[str, str | None]] = []
    nodes, seen = [settings_document(data)], set()
    while nodes:
        node = nodes.pop()
        if id(node) in seen:  # an alias inside the value its anchor names: read once
            continue
        seen.add(id(node))
        if node is not None and node.tag == ENV_TAG:
            words = node.value if isinstance(node, yaml.SequenceNode) else [node]
            named += [(name, os.environ.get(name)) for name in (str(word.value) for word in words)]
        elif isinstance(node, yaml.SequenceNode):
            nodes += node.value
        elif isinstance(node, yaml.MappingNode):
            nodes += [value for _, value in node.value]
    return named


def given_by_variable(setting: yaml.Node) -> str:
    """What to add to a problem with the value of ``setting`` when an environment variable
    gave it: the trainer who set the variable wrongly never edited mkdocs.yml."""
    given = variable_value(setting)
    return "" if given is None else f"; its value comes from the environment variable {given[0]}"


def given_text(node: yaml.Node, resolved: Any) -> Any:
    """The text of ``node``'s setting as the environment variable its ``!ENV`` tag names holds
    it, when one is set and MkDocs reads a text (``resolved``): MkDocs reads the variable as
    YAML and an address as a browser does, and drops a line break, a tab or a space around
    it (``https://x.org/\\n`` read as ``https://x.org/``), which the build had then used
    with nothing said, and the ``OK:`` line printed."""
    given = variable_value(node)
    return given[1] if given is not None and isinstance(resolved, str) else resolved


UNSEEN_CHARACTERS = ("text.line-break", "text.control-character", "text.format-character")
"""The codes of a value refused for a character no one sees where it is set."""
ADDRESS_SPACE = "settings.address"
"""The code of an address with a space in it, or around it."""
SPACE = re.compile(r"\s")
MOST_SHOWN = 200
"""The most characters of a variable's value a message repeats."""


def spaced_address(address: str) -> tuple[str, str, str] | None:
    """A space in ``address``, a web address (``https://...``), which holds none, or around
    it; a file's name (``images/my logo.png``) may, as a browser encodes it."""
    if "://" not in address or SPACE.search(address) is None:
        return None
    if address != (alone := address.strip()):
        return (
            "has a space around it, which no web address holds",
            f"remove it: {alone}",
            ADDRESS_SPACE,
        )
    return "contains a space, which no web address holds", "write it as %20", ADDRESS_SPACE


def said_of_variable(node: yaml.Node, message: str, fix: str, code: str) -> tuple[str, str]:
    """``message`` and ``fix`` of a problem (``code``) with the value of ``node``, saying
    which environment variable gave it, if one did; when the value is refused for what no
    one sees (a line break, a control character, a space around it), with the value as the
    variable holds it, and how to set the variable instead."""
    given = variable_value(node)
    if given is None:
        return message, fix
    message, (variable, value) = f"{message}{given_by_variable(node)}", given
    clean = value.strip()
    if code not in UNSEEN_CHARACTERS and not (code == ADDRESS_SPACE and clean != value):
        return message, fix
    held = repr(value) if len(value) <= MOST_SHOWN else f"{value[:MOST_SHOWN]!r}…"
    message = f"{message}, which holds {held}"
    if clean and not_plain(clean) is None and not SPACE.search(clean):
        return message, f"set {variable}={clean} where it is set, with nothing before or after it"
    return message, (
        f"set {variable} again where it is set, typing its value: one pasted in may bring a "
        "line break or an invisible character along"
    )


def variable_problem(data: bytes, name: str, complaint: str) -> tuple[str, str] | None:
    """What to say, and how to fix it, when MkDocs' ``complaint`` about the setting ``name``
    is about the value an environment variable gave it."""
    setting = top_setting(data, name)
    given = variable_value(setting) if setting is not None else None
    if given is None:
        return None
    variable, value = given
    message = f"its value {value!r} comes from the environment variable {variable}"
    clean = value.strip()  # a full-width space too, which MkDocs does not drop
    if clean != value and "://" in clean and not SPACE.search(clean):
        return (
            f"{message}, with a space around it, which no web address holds",
            f"set {variable}={clean} where it is set, with nothing before or after it",
        )
    if "scheme" in complaint and "://" not in value:
        example = URL_SCHEME + value.removeprefix("//")  # //host/: an address without its scheme
        return message, f"set {variable} with the scheme, e.g. {variable}={example}"
    return message, f"set {variable} to a valid value where it is set, or unset it"


Complaint = tuple[str, str, str]
"""What is wrong, how to fix it, and the problem's code."""


def theme_problems(data: bytes, theme: Any, shown: Path) -> list[Problem]:
    """What is wrong with Material's language, text direction and fonts in ``theme``, the
    theme's settings as MkDocs read them from ``data``, the bytes of mkdocs.yml (``shown``)."""
    found = {
        "language": _language_complaint(theme["language"], theme.dirs),
        "direction": _direction_complaint(theme["direction"]),
        "font": FONTS_OFF if theme["font"] is not False else None,
    }
    return [
        _theme_problem(data, key, complaint, shown)
        for key, complaint in found.items()
        if complaint is not None
    ]


def _language_complaint(language: Any, theme_dirs: list[str]) -> Complaint | None:
    """Whether a template of words is found for ``language`` in the theme's folders."""
    known = sorted({page.stem for d in theme_dirs for page in Path(d, LANGUAGES).glob("*.html")})
    if language in known:
        return None
    return (
        f"{str(language)!r} is not a language Material knows",
        f"write one of {', '.join(known)} (the course uses {COURSE_LANGUAGE})",
        "settings.theme-language",
    )


def _direction_complaint(direction: Any) -> Complaint | None:
    if direction is None or direction in DIRECTIONS:
        return None
    return (
        f"{str(direction)!r} is not a text direction",
        f"write {' or '.join(DIRECTIONS)}, or leave it out: the language sets it",
        "settings.theme-direction",
    )


def _theme_problem(data: bytes, key: str, complaint: Complaint, shown: Path) -> Problem:
    """``complaint`` about the theme's setting ``key``: at its value, at its key when the
    value starts on a line below (``font:`` over ``text: Roboto``), or at the theme's value
    when it is not written (a default of the theme's)."""
    written = theme_setting(data, key)
    if written is None:
        node, given = top_setting(data, "theme"), ""
    else:
        name, value = written
        node = value if value.start_mark.line == name.start_mark.line else name
        given = given_by_variable(value)
    message, fix, code = complaint
    return Problem(shown, *node_place(node), f"theme.{key} {message}{given}", fix, code)


def node_place(node: yaml.Node | None) -> tuple[int, int]:
    """The line and column where ``node`` starts; the file's start when there is none."""
    return (1, 1) if node is None else (node.start_mark.line + 1, node.start_mark.column + 1)


def problem_at(mark: Any, shown: Path, message: str, fix: str, code: str) -> Problem:
    """A problem at ``mark``, where a node, a tag or an event starts, as PyYAML or libyaml
    gives it (0-based)."""
    return Problem(shown, mark.line + 1, mark.column + 1, message, fix, code)


def extension_problem(data: bytes, shown: Path, complaint: str) -> Problem | None:
    """MkDocs' ``complaint`` about ``markdown_extensions`` when one fails to load, with the
    traceback it holds left out: the extension, the last line of its error (without the
    error's class), at the option value or name that line quotes, or else at the extension."""
    failed = FAILED_EXTENSION.match(complaint)
    if failed is None:
        return None
    last = complaint.strip().splitlines()[-1]
    error, _, said = last.partition(": ")
    reason = said if ERROR_CLASS.fullmatch(error) else last
    if error == "KeyError":  # an option the extension does not have
        reason = f"it has no option {said}"
    extension = _extension_node(top_setting(data, "markdown_extensions"), failed.group(1))
    options = mapping_pairs(next((value for _, value in mapping_pairs(extension)), None))
    quoted = (node for pair in options for node in pair[::-1] if f"'{node.value}'" in reason)
    return Problem(
        shown,
        *node_place(next(quoted, extension)),
        f"the Markdown extension '{failed.group(1)}' cannot load: {reason}",
        f"correct its name or its options, or undo the last change to {CONFIG_FILE}",
        "settings.extension",
    )


def missing_theme_folder_problem(data: bytes, shown: Path, complaint: str) -> Problem | None:
    """MkDocs' ``complaint`` that the folder ``theme.custom_dir`` names is not there, at the
    line naming it (MkDocs' words were said at ``theme:``, with "undo the last change to
    mkdocs.yml", where the folder had gone, not the file changed)."""
    missing = MISSING_THEME_FOLDER.search(complaint)
    if missing is None:
        return None
    named = custom_dir_node(data)
    written = str(named.value) if named is not None else missing.group(1)
    given = given_by_variable(named) if named is not None else ""
    return Problem(
        shown,
        *node_place(named),
        f"theme.custom_dir names the folder '{written}', which is not there{given}",
        f"put the folder back beside {CONFIG_FILE} (the theme's own templates go in it), "
        "correct its name, or delete the custom_dir line to use the theme as it is",
        "settings.invalid",
    )


def _extension_node(extensions: yaml.Node | None, name: str) -> yaml.Node | None:
    """The item of ``markdown_extensions`` that names the extension ``name``."""
    items: list[yaml.Node] = extensions.value if isinstance(extensions, yaml.SequenceNode) else []
    return next(
        (
            item
            for item in items
            if item.value == name or any(key.value == name for key, _ in mapping_pairs(item))
        ),
        None,
    )


def mapping_pairs(node: yaml.Node | None) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """The keys of ``node``, a mapping, with their values; none when it is no mapping."""
    pairs = node.value if isinstance(node, yaml.MappingNode) else []
    return [(key, value) for key, value in pairs if isinstance(key, yaml.ScalarNode)]
