"""The schemes and colours ``theme.palette`` names, which Material's style sheets must know.

Material writes a palette's ``scheme``, ``primary`` and ``accent`` into every page as they
are written, a space turned to a dash (``data-md-color-primary="deep-orange"``), and its
style sheets colour the page for the names they know alone: ``scheme: darkest`` left the
page white in a browser set to dark, and ``primary: chartreuse`` kept Material's indigo,
while ``check`` and the preview said nothing. Each such name is a warning at its line,
naming the names there are and the closest.

The names Material knows are read from its own style sheets
(``[data-md-color-primary=amber]``), so that they follow the version installed, with
``custom``, Material's documented name for colours a trainer's style sheet sets. A scheme
or colour a style sheet of the course's ``extra_css`` defines
(``[data-md-color-scheme="youtube"]``) is known too. It is a warning, not an error: the site
still works, in Material's default colours, and a template of ``custom_dir`` could define a
name where this does not look. The shape of the palette is
:mod:`generator.settings_theme`'s business.

A palette's ``media`` is the media query by which Material picks it for the browser's light
or dark setting, and its automatic palette (``media: "(prefers-color-scheme)"``, the
course's first) looks up the light and dark ones by their exact texts,
``"(prefers-color-scheme: light)"`` and ``"(prefers-color-scheme: dark)"``. Written
otherwise (``(prefers-color-scheme: darkk)``, a parenthesis left out, no space after the
colon), the built site failed in a browser set to that scheme: Material's script stopped on
it, the page stayed white and its colour switch was gone, and ``check`` said OK. A media
query other than those three is a warning at its line, naming the one it is closest to.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import yaml

from generator.css_loads import css_decoded
from generator.errors import Problem, Severity
from generator.markdown_config import site_config
from generator.project import Project
from generator.settings_env import given_by_variable, mapping_pairs, node_place, theme_setting
from generator.settings_source import settings_bytes
from generator.settings_theme import palette_entries
from generator.settings_trust import written_value

KINDS = ("scheme", "primary", "accent")
"""The keys of a palette whose value Material writes into the page for its style sheets."""
DEFINED = re.compile(
    r"""\[\s*data-md-color-(scheme|primary|accent)\s*=\s*(["']?)([^"'\s\]]+)\2\s*\]"""
)
"""A style sheet's rule for a scheme or colour: ``[data-md-color-scheme="slate"]``."""
MATERIAL_SHEETS = "assets/stylesheets"
CUSTOM = "custom"
"""The colour Material documents for one a trainer's style sheet sets
(``--md-primary-fg-color``), which its own sheets leave alone."""
SCHEMES = {"default": "its light colours", "slate": "its dark colours"}
AUTOMATIC = "(prefers-color-scheme)"
MEDIA = {
    AUTOMATIC: "the palette does not follow the browser's light or dark setting",
    "(prefers-color-scheme: light)": "a browser set to light does not get this palette",
    "(prefers-color-scheme: dark)": "a browser set to dark does not get this palette",
}
"""The media queries Material's automatic colour scheme reads, and what one lost loses."""
AUTOMATIC_FAILS = (
    f"and the automatic palette (media: '{AUTOMATIC}') fails in such a browser: Material's "
    "script stops on it, the page keeps its light colours and the colour switch is gone"
)
LOST = {
    "scheme": "the page keeps Material's light colours, white in a browser set to dark too",
    "primary": "the header and the links keep Material's default indigo",
    "accent": "what is under the pointer keeps Material's default indigo",
}
Names = dict[str, dict[str, str]]
"""The names each kind of :data:`KINDS` has, as the page holds them (``deep-orange``), with
each as a trainer writes it (``deep orange``)."""


def palette_warnings(project: Project, sheets: list[str]) -> list[Problem]:
    """Each scheme or colour in the project's ``theme.palette`` that neither Material's style
    sheets nor ``sheets``, the texts of the course's own (``extra_css``), define (a kind
    whose names could not be read from Material's sheets is not checked), and each media
    query Material's automatic colour scheme does not read."""
    theme = site_config(project).theme
    installed = [Path(folder) for folder in theme.dirs if folder != theme.custom_dir]
    known = _known(installed, sheets)
    shown = project.relative(project.config_file)
    data = settings_bytes(project)
    return [
        _unknown(where, kind, value, node, known[kind], shown)
        for where, kind, node in _written(data)
        if kind in known
        and (value := written_value(node))
        and value.replace(" ", "-") not in known[kind]
    ] + media_warnings(data, shown)


def _known(folders: list[Path], sheets: list[str]) -> Names:
    """The names Material's style sheets in ``folders`` define, with ``custom`` for the
    colours, and those of the course's style sheets ``sheets``: for the kinds Material's
    sheets name any of alone (a newer Material's, written otherwise, are left unchecked)."""
    known: Names = {kind: {} for kind in KINDS}
    for folder in folders:
        for kind, names in _material_names(folder).items():
            known[kind].update({name: name.replace("-", " ") for name in names})
    read = [kind for kind in KINDS if known[kind]]
    for kind in ("primary", "accent"):
        known[kind][CUSTOM] = CUSTOM
    for sheet in sheets:
        for kind, name in _defined(sheet):
            known[kind][name] = name
    return {kind: known[kind] for kind in read}


@cache
def _material_names(folder: Path) -> dict[str, set[str]]:
    """The names the style sheets of the installed theme's ``folder`` define, by kind: read
    once a process, as they do not change while the generator runs."""
    names: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for sheet in sorted(folder.glob(f"{MATERIAL_SHEETS}/*.css")):
        try:
            text = sheet.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for kind, name in _defined(text):
            names[kind].add(name)
    return names


def _defined(sheet: str) -> Iterator[tuple[str, str]]:
    """The kind and name of each scheme or colour the style sheet ``sheet`` has a rule for
    (its comments left out)."""
    for found in DEFINED.finditer(css_decoded(sheet).text):
        yield found[1], found[3]


def _written(data: bytes) -> Iterator[tuple[str, str, yaml.Node]]:
    """Each scheme and colour of ``theme.palette`` in ``data``, the bytes of mkdocs.yml: where
    it is (``theme.palette[2].scheme``), its kind, and its value."""
    setting = theme_setting(data, "palette")
    palette = setting[1] if setting else None
    for where, entry in palette_entries(palette):
        for key, value in mapping_pairs(entry):
            if key.value in KINDS:
                yield f"{where}.{key.value}", key.value, value


def _unknown(
    where: str, kind: str, value: str, node: yaml.Node, known: dict[str, str], shown: Path
) -> Problem:
    """The warning for ``value``, the ``kind`` at ``where`` (``node``), which is none of
    ``known``."""
    what = "scheme" if kind == "scheme" else "colour"
    message = (
        f"{where} is '{value}', a {what} Material's style sheets and the course's (extra_css) "
        f"do not define, so {LOST[kind]}{given_by_variable(node)}"
    )
    close = difflib.get_close_matches(value.replace(" ", "-"), list(known), n=1)
    meant = f"did you mean '{known[close[0]]}'? " if close else ""
    return Problem(
        shown,
        *node_place(node),
        message,
        meant + _choices(kind, known),
        "settings.theme-scheme" if kind == "scheme" else "settings.theme-colour",
        Severity.WARNING,
    )


def _choices(kind: str, known: dict[str, str]) -> str:
    """The names to choose from for ``kind``, and how to define one of the trainer's own."""
    if kind == "scheme":
        named = [
            f"'{name}' ({SCHEMES[name]})" if name in SCHEMES else f"'{name}'"
            for name in sorted(known)
        ]
        own = "or define a scheme of your own in a style sheet named in extra_css"
        own += ' ([data-md-color-scheme="…"])'
    else:
        named = [f"'{name}'" for name in sorted(known.values()) if name != CUSTOM]
        own = f"or, for a colour of your own, '{CUSTOM}', with --md-{kind}-fg-color set in a "
        own += "style sheet named in extra_css"
    return f"write one of: {', '.join(named)}; {own}"


def media_warnings(data: bytes, shown: Path) -> list[Problem]:
    """Each ``media`` of ``theme.palette`` in ``data``, the bytes of mkdocs.yml (``shown``),
    that is none of the media queries of :data:`MEDIA` as written. One that is no text
    (a number, a list) is Material's business."""
    setting = theme_setting(data, "palette")
    written = [
        (f"{where}.media", node, value)
        for where, entry in palette_entries(setting[1] if setting else None)
        for key, node in mapping_pairs(entry)
        if key.value == "media" and (value := written_value(node)) is not None
    ]
    automatic = any(value == AUTOMATIC for _, _, value in written)
    return [
        _unread_media(where, value, node, automatic, shown)
        for where, node, value in written
        if value not in MEDIA
    ]


def _unread_media(where: str, value: str, node: yaml.Node, automatic: bool, shown: Path) -> Problem:
    """The warning for ``value``, the media query at ``where`` (``node``), in a palette with
    an ``automatic`` one or without."""
    close = difflib.get_close_matches(value, list(MEDIA), n=1)
    meant = close[0] if close else None
    lost = MEDIA[meant] if meant else "a browser may get this palette for neither setting"
    if meant not in (None, AUTOMATIC) and automatic:
        lost += f", {AUTOMATIC_FAILS}"
    named = ", ".join(f"'{query}'" for query in MEDIA)
    message = (
        f"{where} is '{value}', none of the media queries Material's colour scheme reads, as "
        f"written ({named}), so {lost}{given_by_variable(node)}"
    )
    fix = f"did you mean '{meant}'? " if meant else ""
    fix += "write one of them, in double quotes, as the repository's mkdocs.yml does"
    return Problem(
        shown,
        *node_place(node),
        message,
        fix,
        "settings.theme-media",
        Severity.WARNING,
    )
