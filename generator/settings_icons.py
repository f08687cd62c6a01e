"""Icons ``mkdocs.yml`` names that the theme does not have.

Material includes an icon's SVG file (``.icons/material/weather-night.svg``) wherever a
page shows it: the colour switch's icons, those under ``theme.icon`` (the logo, the
repository, the note boxes' kinds, ...), the social links' and the feedback ratings'. A
misspelt name stopped the build, after ``check`` had said OK; it is now named at its line,
with the names the theme has that come closest. A theme's own folder (``custom_dir``) may
add icons of its own, and they count.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from generator.errors import Problem
from generator.settings_env import (
    TEXT_TAG,
    YAML_TAGS,
    Keys,
    given_by_variable,
    mapping_pairs,
    node_place,
    resolved_at,
    settings_document,
    top_level,
)

ICONS = ".icons"
"""The folder of a theme's templates that holds its icons, one SVG file each."""
ICON = "icon"
ICON_NAMES = "https://squidfunk.github.io/mkdocs-material/reference/icons-emojis/"


def icon_problems(data: bytes, resolved: dict[str, Any], shown: Path) -> list[Problem]:
    """Each icon named in ``data``, the bytes of mkdocs.yml (``shown``), that none of the
    theme's folders has; ``resolved``: the settings ``theme`` and ``extra`` as MkDocs read
    them, for the names an environment variable gives (``!ENV``)."""
    theme = resolved["theme"]
    folders = [Path(folder, ICONS) for folder in theme.dirs]
    return [
        _unknown_icon(name, value, node, folders, shown)
        for name, path, node in _icons(settings_document(data))
        if isinstance(value := _value(node, path, resolved), str)
        and not any((folder / f"{value}.svg").is_file() for folder in folders)
    ]


def _value(node: yaml.Node, path: Keys, resolved: Any) -> Any:
    """The text of ``node``, or the value MkDocs gave it (``!ENV``) when it is tagged."""
    if isinstance(node, yaml.ScalarNode) and node.tag == TEXT_TAG:
        return node.value
    return resolved_at(resolved, path)


def _icons(document: yaml.Node | None) -> Iterator[tuple[str, Keys, yaml.Node]]:
    """Each icon name the settings write, named and placed (``theme.icon.repo``)."""
    for key, value in top_level(document):
        if key.value == "theme":
            for name, setting in mapping_pairs(value):
                if name.value == ICON:
                    yield from _names_under(setting, ("theme", ICON), depth=2)
                elif name.value == "palette":
                    yield from _keyed(setting, ("theme", "palette"), ("toggle", ICON))
        elif key.value == "extra":
            for name, setting in mapping_pairs(value):
                if name.value == "social":
                    yield from _keyed(setting, ("extra", "social"), (ICON,))
                elif name.value == "analytics":
                    ratings = _at(setting, ("feedback", "ratings"))
                    path = ("extra", "analytics", "feedback", "ratings")
                    yield from _keyed(ratings, path, (ICON,))


def _names_under(node: yaml.Node, path: Keys, depth: int) -> Iterator[tuple[str, Keys, yaml.Node]]:
    """The values under ``node`` down to ``depth`` mappings (``theme.icon.admonition.note``)."""
    if not isinstance(node, yaml.MappingNode):
        yield _shown(path), path, node
    elif depth > 0:
        for key, value in mapping_pairs(node):
            yield from _names_under(value, (*path, key.value), depth - 1)


def _keyed(
    node: yaml.Node | None, path: Keys, keys: tuple[str, ...]
) -> Iterator[tuple[str, Keys, yaml.Node]]:
    """The value at ``keys`` in ``node``, a mapping, or in each mapping of ``node``, a list."""
    if isinstance(node, yaml.SequenceNode):
        items: list[tuple[Keys, yaml.Node | None]] = [
            ((*path, index), item) for index, item in enumerate(node.value)
        ]
    else:
        items = [(path, node)]
    for place, item in items:
        found = _at(item, keys)
        if found is not None and not _written_collection(found):
            yield _shown((*place, *keys)), (*place, *keys), found


def _written_collection(node: yaml.Node) -> bool:
    """Whether ``node`` is a list or a mapping as written, not one a tag reads (``!ENV [A, b]``)."""
    return isinstance(node, yaml.CollectionNode) and node.tag.startswith(YAML_TAGS)


def _shown(path: Keys) -> str:
    """``path`` as a trainer reads it: ``theme.palette[0].toggle.icon``."""
    return "".join(f"[{step}]" if isinstance(step, int) else f".{step}" for step in path)[1:]


def _at(node: yaml.Node | None, keys: tuple[str, ...]) -> yaml.Node | None:
    for key in keys:
        node = next((value for name, value in mapping_pairs(node) if name.value == key), None)
    return node


def _unknown_icon(
    name: str, value: str, node: yaml.Node, folders: list[Path], shown: Path
) -> Problem:
    known = sorted(
        str(path.relative_to(folder).with_suffix(""))
        for folder in folders
        for path in folder.rglob("*.svg")
    )
    closest = difflib.get_close_matches(value, known, n=3)
    fix = f"write {' or '.join(closest)}" if closest else "correct the name"
    return Problem(
        shown,
        *node_place(node),
        f"{name} names the icon '{value}', which the theme does not have, so the build would "
        f"stop{given_by_variable(node)}",
        f"{fix} (Material's icons are listed at {ICON_NAMES})",
        "settings.icon",
    )
