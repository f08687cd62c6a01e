"""A theme other than Material, and keys under ``theme:`` and flags under ``theme.features``
that Material does not know.

MkDocs hands every key under ``theme:`` to the theme as it is, and Material reads only the
ones it knows: a misspelt one (``fetures:``, ``pallete:``, ``langauge:``), or one in an entry
of the colour switch (``togle:``, ``shceme:``), under ``font:`` (``txet:``) or ``icon:``
(``lgo:``), was dropped without a word, as was a feature flag Material does not have
(``navigation.instnat``); ``check`` said OK, and what the trainer meant did not happen. Each
is named at its line, with the one it comes closest to. So is ``features:`` written as a
text (``features: navigation.instant``): Material took each flag whose name is part of it as
on, and the offline and SCORM exports, which edit the list, made it one of letters. So is
``palette:`` written as a text (``palette: purple``), or an entry of it that is no mapping:
Material read no colour from it, and the site lost its colour switch and dark scheme (the
colours a palette names are :mod:`generator.settings_palette`'s).

What the theme knows is read from its own files, so that it follows the version installed,
in each of its folders (the trainer's ``custom_dir`` too): the keys its ``mkdocs_theme.yml``
gives defaults to and those its templates read (``config.theme.palette``,
``config.theme.icon.logo`` for a key of ``icon``), and the flags its
templates and its script test (``'navigation.tabs' in features``; ``V('navigation.instant')``,
``V`` being the script's ``feature()`` under the name minifying gave it). MkDocs' own keys
are those its ``Theme`` takes by name. A theme whose script names no flag (a newer bundle
written otherwise) has its flags left unchecked rather than each told as unknown.

Before all that, the theme must be Material. MkDocs builds with any theme installed, and with
its own, ``mkdocs``, when ``theme:`` is left out: ``name: mkdocs`` or ``readthedocs`` passed
``check`` and the build, every page then loaded highlight.js from cdnjs.cloudflare.com (the
course loads nothing from another site), and Material's search, navigation and the quizzes'
looks were gone. Another name is refused at its line before MkDocs reads the settings, a
misspelt one too (MkDocs listed its own themes as the ones to choose from).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

import yaml
from mkdocs.theme import Theme

from generator.errors import Problem
from generator.project import CONFIG_FILE
from generator.schema_keys import meant_or_allowed, unknown_key
from generator.settings_env import (
    ENV_TAG,
    TEXT_TAG,
    YAML_TAGS,
    custom_dir_node,
    given_by_variable,
    mapping_pairs,
    problem_at,
    top_level,
    top_setting,
)
from generator.settings_trust import written_value

THEME = "theme"
MATERIAL = "material"
NOT_MATERIAL = (
    "the course is made for Material for MkDocs (its search, its navigation, the quizzes' "
    "looks), and MkDocs' own themes load highlight.js from cdnjs.cloudflare.com on every page"
)
NAME_FIX = f"write 'name: {MATERIAL}' under {THEME}:"
NAME_CODE = "settings.theme-name"
THEME_DEFAULTS = "mkdocs_theme.yml"
"""The file in a theme's folder that gives its settings' defaults."""
SCRIPTS = "assets/javascripts"
"""Where Material's folder keeps its script (``bundle.<hash>.min.js``)."""
MKDOCS_KEYS = tuple(
    name
    for name, parameter in inspect.signature(Theme.__init__).parameters.items()
    if name != "self" and parameter.kind is not inspect.Parameter.VAR_KEYWORD
)
"""The theme's settings MkDocs reads itself: name, custom_dir, static_templates, locale."""
ZENSICAL_KEYS = ("variant",)
"""Zensical's own theme setting, which MkDocs and Material pass over (``zensical/config.py``):
the course builds with either (``--engine zensical``) and sets ``variant: classic``."""
ZENSICAL_NAMED = {"icon": ("blog", "copy")}
"""The keys of ``theme.icon`` only Zensical's templates read (``blog-post.html``,
``partials/actions.html``)."""
NAMED_KEYS = ("font", "icon")
"""The theme's settings whose keys its templates read by name (``config.theme.font.text``);
those of ``icon.admonition`` and ``icon.tag`` are the trainer's own (note kinds, tags)."""
PALETTE_KEYS = ["accent", "media", "primary", "scheme", "toggle"]
TOGGLE_KEYS = ["icon", "name"]
"""The keys of an entry of ``theme.palette`` and of its ``toggle``, from Material 9.8.1's
documentation: its templates read them off a loop's variable, under no name to look for."""
READ_KEY = re.compile(
    r"""config\.theme(?:\.|\[["'])([a-z_]+)(?:["']])?(?:(?:\.|\[["'])([a-z_]+))?"""
)
"""A template reading a theme setting, and a key of it if it reads one: ``config.theme.palette``,
``config.theme["name"]``, ``config.theme.font.text``."""
TESTED_FLAG = re.compile(r"""["']([a-z]+(?:\.[a-z]+)+)["']\s+(?:not\s+)?in\s+features\b""")
"""A template testing a feature flag: ``'navigation.tabs' in features``."""
SCRIPT_FEATURE = re.compile(r"function ([\w$]+)\((\w+)\)\{return [\w$.]+\.features\.includes\(\2\)")
"""The script's ``feature(flag)``, minified: ``function V(e){return Ct.features.includes(e)}``."""
UNREAD = "Material passes over it without a word"
PALETTE_FIX = (
    "write each palette as a mapping, one key a line (the course's mkdocs.yml has three, "
    "for the system's scheme, light and dark): '- scheme: slate', then 'primary: indigo' "
    "and 'accent: deep orange' below it, lined up with 'scheme:'"
)

Pairs = list[tuple[yaml.ScalarNode, yaml.Node]]


class Known(NamedTuple):
    """What a theme knows: its settings' keys, the keys of each setting its templates read
    keys of by name (``font`` -> ``code``, ``text``), and its feature flags."""

    keys: list[str]
    named: dict[str, list[str]]
    flags: list[str]


def theme_key_problems(data: bytes, theme: Any, shown: Path) -> list[Problem]:
    """Each key under ``theme:`` in ``data``, the bytes of mkdocs.yml (``shown``), or under
    an entry of its ``palette``, that Material does not read, and each flag of its
    ``features`` Material does not have; ``theme``: the theme as MkDocs read it, for its
    folders (Material's: another is refused before, :func:`theme_name_problems`)."""
    own = Path(theme.custom_dir) if theme.custom_dir else None
    known = known_to_theme([Path(folder) for folder in theme.dirs], own)
    written = mapping_pairs(top_setting(data, THEME))
    return [
        *_unknown_keys(written, known.keys, THEME, shown),
        *_palette_problems(written, shown),
        *_named_key_problems(written, known.named, shown),
        *_features_text(_value_of(written, "features"), shown),
        *_feature_problems(_value_of(written, "features"), known.flags, shown),
    ]


def known_to_theme(folders: list[Path], own: Path | None = None) -> Known:
    """What the theme in ``folders`` knows, with MkDocs' and Zensical's keys. ``own``, the
    trainer's folder (``custom_dir``), is read afresh each time, as the trainer may edit it
    while the preview runs; the installed theme's folders are read once a process."""
    keys = {*MKDOCS_KEYS, *ZENSICAL_KEYS}
    named: dict[str, set[str]] = {key: set() for key in NAMED_KEYS}
    flags: set[str] = set()
    for folder in folders:
        found = _read_folder(folder) if folder == own else _read_installed(folder)
        keys.update(found.keys)
        flags.update(found.flags)
        for key, read in found.named.items():
            named[key].update(read)
    for key, inner in named.items():
        inner.update(ZENSICAL_NAMED.get(key, ()) if inner else ())
    return Known(sorted(keys), {key: sorted(inner) for key, inner in named.items()}, sorted(flags))


def _read_folder(folder: Path) -> Known:
    """The keys and flags one folder of a theme knows: its settings file's and those its
    templates and its script read."""
    keys: set[str] = set()
    named: dict[str, set[str]] = {key: set() for key in NAMED_KEYS}
    flags: set[str] = set()
    for key, value in _defaults(folder / THEME_DEFAULTS).items():
        keys.add(key)
        if key in named and isinstance(value, dict):
            named[key].update(map(str, value))
    for template in folder.rglob("*.html"):
        text = _text(template)
        for key, inner in READ_KEY.findall(text):
            keys.add(key)
            if inner and key in named:
                named[key].add(inner)
        flags.update(TESTED_FLAG.findall(text))
    for script in folder.glob(f"{SCRIPTS}/bundle.*.js"):
        flags.update(_script_flags(_text(script)))
    return Known(sorted(keys), {key: sorted(inner) for key, inner in named.items()}, sorted(flags))


_read_installed = lru_cache(maxsize=None)(_read_folder)
"""An installed theme's folder, which does not change while the generator runs: a check on
each save in the preview read its hundred templates and its script again."""


def _defaults(path: Path) -> dict[str, Any]:
    """The settings the theme's settings file at ``path`` gives defaults to, by key; none
    when there is no such file, or MkDocs could not read it either (and says so)."""
    try:
        defaults = yaml.safe_load(_text(path))
    except yaml.YAMLError:
        return {}
    return (
        {str(key): value for key, value in defaults.items()} if isinstance(defaults, dict) else {}
    )


def _script_flags(script: str) -> list[str]:
    """The flags ``script``, Material's minified script, tests with its ``feature()``."""
    feature = SCRIPT_FEATURE.search(script)
    if feature is None:
        return []
    return re.findall(rf'(?<![\w$.]){re.escape(feature.group(1))}\("([a-z.]+)"\)', script)


def _text(path: Path) -> str:
    """The text of the theme's file at ``path``; none when it cannot be read, which the
    build names if it needs the file."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _unknown_keys(pairs: Pairs, known: list[str], where: str, shown: Path) -> Iterator[Problem]:
    """Each key of ``pairs``, the mapping at ``where``, that is none of ``known``."""
    for key, _ in pairs:
        if key.value not in known:
            message, fix, _ = unknown_key(key.value, known)
            message = (
                f"{message} under {where}: {UNREAD}, so what it was meant to set does not happen"
            )
            yield problem_at(key.start_mark, shown, message, fix, "settings.theme-key")


def _named_key_problems(
    theme: Pairs, named: dict[str, list[str]], shown: Path
) -> Iterator[Problem]:
    """The unknown keys under ``font:`` and ``icon:`` when each is a mapping (``font: false``
    is none); none told under one the theme names no key of."""
    for name, known in named.items():
        if known:
            pairs = mapping_pairs(_value_of(theme, name))
            yield from _unknown_keys(pairs, known, f"{THEME}.{name}", shown)


def _palette_problems(theme: Pairs, shown: Path) -> Iterator[Problem]:
    """The entries of ``theme.palette`` (or the one it is, a mapping) that are no mapping,
    and the unknown keys of those that are and of their ``toggle``."""
    for where, entry in palette_entries(_value_of(theme, "palette")):
        if entry is not None and (problem := _not_a_palette(where, entry, shown)):
            yield problem
        pairs = mapping_pairs(entry)
        yield from _unknown_keys(pairs, PALETTE_KEYS, where, shown)
        toggle = mapping_pairs(_value_of(pairs, "toggle"))
        yield from _unknown_keys(toggle, TOGGLE_KEYS, f"{where}.toggle", shown)


def palette_entries(palette: yaml.Node | None) -> list[tuple[str, yaml.Node | None]]:
    """The entries of ``palette``, the value of ``theme.palette`` (a list of them, or the one
    it is), each with where it is as a message names it (``theme.palette[2]``)."""
    if isinstance(palette, yaml.SequenceNode):
        return [(f"{THEME}.palette[{index}]", entry) for index, entry in enumerate(palette.value)]
    return [(f"{THEME}.palette", palette)]


def _not_a_palette(where: str, entry: yaml.Node, shown: Path) -> Problem | None:
    """``entry``, at ``where``, written as no mapping (``palette: purple``, a list's
    ``- slate``): Material reads no scheme, colour or toggle from it, and said nothing. An
    empty ``palette:`` (none at all) and a value a tag gives are left to Material."""
    top = where == f"{THEME}.palette"
    if isinstance(entry, yaml.MappingNode) or not entry.tag.startswith(YAML_TAGS):
        return None
    if top and entry.tag == f"{YAML_TAGS}null":
        return None
    loss = (
        "the site has no colour switch and no dark scheme, in Material's default indigo"
        if top
        else "the colour switch, once there, shows Material's default light indigo with no "
        "button to go on"
    )
    message = (
        f"{where} is {_written_kind(entry)}, not a palette (a mapping of 'scheme:', "
        f"'primary:', 'accent:' and 'toggle:'): Material reads no colour from it, so {loss}"
    )
    return problem_at(entry.start_mark, shown, message, PALETTE_FIX, "settings.theme-palette")


def _written_kind(node: yaml.Node) -> str:
    """How a message names ``node``, a value written where a mapping belongs."""
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"'{node.value}'" if node.value else "empty"


def _features_text(features: yaml.Node | None, shown: Path) -> Iterator[Problem]:
    """``features`` written as a text, not a list: Material tests a flag's name as part of
    it (``navigation.instant.progress`` turns ``navigation.instant`` on), and the exports,
    which add or take out flags, made it a list of its letters."""
    if isinstance(features, yaml.ScalarNode) and features.tag == TEXT_TAG:
        flag = next(iter(features.value.split()), "navigation.instant")
        message = (
            f"{THEME}.features is written as a text, not a list: Material then turns on each "
            "flag whose name is part of it, and the offline and SCORM packages lose them all"
        )
        fix = f"write it as a list, a flag a line: 'features:', then '  - {flag}' below it"
        yield problem_at(features.start_mark, shown, message, fix, "settings.theme-feature")


def _feature_problems(
    features: yaml.Node | None, flags: list[str], shown: Path
) -> Iterator[Problem]:
    """Each flag written in ``features`` (a tag's value is MkDocs' business) that is none of
    ``flags``, the theme's; none told when the theme's flags could not be read."""
    written = features.value if isinstance(features, yaml.SequenceNode) and flags else []
    for flag in written:
        if isinstance(flag, yaml.ScalarNode) and flag.tag == TEXT_TAG and flag.value not in flags:
            message = (
                f"{THEME}.features names '{flag.value}', a feature Material does not have: "
                f"{UNREAD}, so the feature stays off"
            )
            yield problem_at(
                flag.start_mark,
                shown,
                message,
                meant_or_allowed(flag.value, flags),
                "settings.theme-feature",
            )


def _value_of(pairs: Pairs, name: str) -> yaml.Node | None:
    return next((value for key, value in pairs if key.value == name), None)


def theme_name_problems(document: yaml.Node | None, shown: Path) -> list[Problem]:
    """The theme the settings ``document`` (mkdocs.yml's, ``shown``, as nodes) name, when it
    is not Material: at its name, at ``theme:`` when it has no ``name:``, at the file's start
    when there is no ``theme:``. A name is read as MkDocs reads it (``!ENV`` as the variable
    gives it); settings that are no mapping are MkDocs' business."""
    if not isinstance(document, yaml.MappingNode):
        return []
    theme = next(((key, value) for key, value in top_level(document) if key.value == THEME), None)
    if theme is None:
        message = f"{CONFIG_FILE} names no theme, so MkDocs would use its own ('mkdocs'): "
        fix = f"add '{THEME}:' with 'name: {MATERIAL}' under it"
        return [Problem(shown, 1, 1, message + NOT_MATERIAL, fix, NAME_CODE)]
    key, value = theme
    name = _name_of(value)
    if name is None:
        message = f"{THEME} has no 'name:', so it is not Material: "
        return [problem_at(key.start_mark, shown, message + NOT_MATERIAL, NAME_FIX, NAME_CODE)]
    if written_value(name) == MATERIAL:
        return []
    where = THEME if name is value else f"{THEME}.name"
    message = (
        f"{where} is {_named(name)}, not '{MATERIAL}': {NOT_MATERIAL}{given_by_variable(name)}"
    )
    return [problem_at(name.start_mark, shown, message, NAME_FIX, NAME_CODE)]


def _name_of(theme: yaml.Node) -> yaml.Node | None:
    """The theme's name in ``theme``, the value of ``theme:``: its ``name``, or itself when
    it is no mapping (``theme: material``)."""
    if isinstance(theme, yaml.MappingNode) and theme.tag != ENV_TAG:
        return _value_of(mapping_pairs(theme), "name")
    return theme


def _named(name: yaml.Node) -> str:
    """How a message names ``name``, a theme's name that is not Material's."""
    written = written_value(name)
    if written is not None:
        return f"'{written}'"
    if name.tag in (ENV_TAG, f"{YAML_TAGS}null"):
        return "empty"
    if isinstance(name, yaml.ScalarNode):
        return f"'{name.value}'"
    return "a list" if isinstance(name, yaml.SequenceNode) else "a mapping"


def custom_dir_not_a_path(data: bytes, shown: Path) -> Problem | None:
    """``theme.custom_dir`` in ``data``, the bytes of mkdocs.yml (``shown``), when it is
    written but is no folder's path (a list, a mapping, nothing, an ``!ENV`` none of whose
    variables is set): MkDocs takes it for a path without looking, and failed with a
    TypeError. None when it is not written, and so not what MkDocs failed on."""
    folder = custom_dir_node(data)
    if folder is None:
        return None
    return problem_at(
        folder.start_mark,
        shown,
        f"{THEME}.custom_dir is not a folder's path: it names the folder of the theme's own "
        f"templates{given_by_variable(folder)}",
        "write the folder's path as a text (custom_dir: overrides), or delete the line",
        "settings.invalid",
    )
