"""A key written too little indented, after the mapping it belongs to: named as such.

YAML reads ``explanation:`` written at the left edge, after its question's other keys, as a
key of the file, which is valid YAML; the schema then finds a key the file does not have,
and a question without its explanation. "Remove it" would lose the trainer's text: the
key is to be indented, to start where the keys of the mapping above it start.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from itertools import dropwhile, groupby
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic_core import ErrorDetails

from generator.errors import Problem
from generator.models import QUESTION_TYPES, Source
from generator.project import MODULE_NAME
from generator.schema_location import fields_at, model_at
from generator.yaml_events import Location
from generator.yaml_lines import FULL_WIDTH_SPACE
from generator.yaml_source import position, value_at, walk

Outdented = tuple[str, str, Location]
"""What is wrong, how to fix it, and the location (as pydantic names it) of the mapping the
key belongs to."""
OwnersAbove = dict[tuple[Location, Location], dict[int | str, int | str | None]]
"""For each mapping, at its place in the data and as pydantic names it, the key above each
of its keys that the key may belong under (:func:`_owners_above`). Found once per mapping:
found again for each unknown key, a mapping of thousands of them took time growing with
the square of their number (40,000 lines, about half a file's megabyte, ran for minutes)."""


def outdented_keys(
    model: type[BaseModel], source: Source, details: list[ErrorDetails]
) -> tuple[list[Problem], list[ErrorDetails]]:
    """The problems of the keys among pydantic's errors ``details`` that are indented too
    little, and the errors left to describe: not those keys, nor their mappings' "missing
    required key" for them, nor "empty" for a key they belong under. A key indented with
    full-width spaces, which YAML reads as part of its name, is told so elsewhere
    (:mod:`generator.plain_text`); its mapping's "missing required key" goes too."""
    problems, explained = [], set()
    owners: OwnersAbove = {}
    for detail in (detail for detail in details if detail["type"] == "extra_forbidden"):
        key = str(detail["loc"][-1])
        name = key.lstrip(FULL_WIDTH_SPACE)
        found = outdented_key(model, source, detail["loc"], name, owners)
        code = "schema.outdented-key"
        if not found and name == key:
            found, code = indented_key(model, source, detail["loc"], name), "schema.indented-key"
        if not found:
            continue
        message, fix, owner = found
        if isinstance(value_at(source, detail["loc"]), (dict, list)):
            fix += ", and the lines under it by as much"
        explained.add((*owner, name))
        if name == key:
            line, column = position(source, detail["loc"])
            problems.append(Problem(source.path, line, column, message, fix, code))
            explained.add(tuple(detail["loc"]))
            if value_at(source, owner) is None:  # "empty", said of the key it belongs under
                explained.add(owner)
    return problems, [detail for detail in details if tuple(detail["loc"]) not in explained]


def outdented_key(
    model: type[BaseModel],
    source: Source,
    location: Sequence[int | str],
    name: str,
    owners: OwnersAbove,
) -> Outdented | None:
    """For the key at ``location``, which its mapping does not have: the mapping it follows
    that takes such a key and lacks it (the deepest, where the trainer was writing), or the
    key left empty above it that takes it (``draw:``, with keys passed over that are no
    more than ``name: value`` lines the mapping does not have either); else None. ``name``:
    the key's name, as the trainer meant it; ``owners``: what is found of its mapping, kept
    for its other keys."""
    path, _ = walk(source, location)
    if not path or path[-1] != location[-1]:
        return None
    parent, pydantic_parent = path[:-1], tuple(location[:-1])
    if (parent, pydantic_parent) not in owners:
        known = fields_at(model, location)
        owners[parent, pydantic_parent] = _owners_above(source, parent, known)
    previous = owners[parent, pydantic_parent][path[-1]]
    if previous is None:
        return None
    owner, pydantic_owner = (*parent, previous), (*pydantic_parent, previous)
    if value_at(source, owner) is None and _takes(model, pydantic_owner, name):
        return _under_empty(source, name, owner, pydantic_owner)
    shape = _shape(value_at(source, path))
    return _in_last_mapping(model, source, name, shape, owner, pydantic_owner)


def indented_key(
    model: type[BaseModel], source: Source, location: Sequence[int | str], name: str
) -> Outdented | None:
    """For the key at ``location``, which its mapping does not have: the mapping further out
    that takes it and the keys after it and lacks them, when the key's mapping comes last in
    that one (a question's ``explanation:`` pushed in as far as its last option's keys,
    read as the option's: "remove it" lost the trainer's text)."""
    path, _ = walk(source, location)
    if not path or path[-1] != location[-1]:
        return None
    for depth in range(len(location) - 2, 0, -1):
        pydantic_owner = tuple(location[:depth])
        owner, mapping = walk(source, pydantic_owner)
        if not isinstance(mapping, dict) or not _takes(model, pydantic_owner, name):
            continue
        # it, and the keys after it: all pushed in with it
        after = dropwhile(lambda key: key != name, value_at(source, path[:-1]))
        if any(key in mapping or not _takes(model, pydantic_owner, key) for key in after):
            return None
        if not _ends_its_entry(source, owner, path[:-1]):
            return None
        first = next(iter(mapping))
        line, column = source.positions[(*owner, first)]
        return (
            f"the key '{name}' is indented further than '{first}' (line "
            f"{line + 1 + source.line_offset}) and the keys with it, so it is read as a key "
            "of the entry just above it, which has no such key",
            f"indent it to line up with '{first}', {column} spaces in",
            pydantic_owner,
        )
    return None


def _ends_its_entry(source: Source, owner: Location, inner: Location) -> bool:
    """Whether the mapping at ``inner`` comes last in the value of ``owner``'s key that
    holds it (the question's last option), and so right before ``owner``'s next key."""
    steps = inner[len(owner) :]
    for depth in range(1, len(steps)):
        container = value_at(source, (*owner, *steps[:depth]))
        last = len(container) - 1 if isinstance(container, list) else list(container)[-1]
        if steps[depth] != last:
            return False
    return True


def _shape(value: Any) -> type:
    """What a value is, as far as where it may go: a mapping, a list, or a single value."""
    return dict if isinstance(value, dict) else list if isinstance(value, list) else str


def _owners_above(
    source: Source, parent: Location, known: list[str]
) -> dict[int | str, int | str | None]:
    """For each key of the mapping at ``parent``, whose keys are ``known``: the nearest key
    on a line above it that it may belong under, one left empty, holding a mapping or a
    list, or of the mapping's own; passed over, the keys that are no more than ``name:
    value`` lines the mapping does not have either. None for a key with no such key above
    it. Of keys on one line (a mapping in braces), the first."""
    mapping = value_at(source, parent)

    def line(key: int | str) -> int:
        return source.positions[(*parent, key)][0]

    owners: dict[int | str, int | str | None] = {}
    owner: int | str | None = None
    for _, on_line in groupby(sorted(mapping, key=line), key=line):
        keys = list(on_line)
        owners.update(dict.fromkeys(keys, owner))
        owner = next((key for key in keys if _may_own(mapping[key], key, known)), owner)
    return owners


def _may_own(value: Any, key: int | str, known: list[str]) -> bool:
    """Whether the key ``key``, holding ``value``, may have the keys below it under it."""
    return value is None or isinstance(value, (dict, list)) or key in known


def _in_last_mapping(
    model: type[BaseModel],
    source: Source,
    key: str,
    shape: type,
    owner: Location,
    pydantic_owner: Location,
) -> Outdented | None:
    """The deepest mapping ending where the value of ``owner`` ends that takes ``key`` with
    a value of its ``shape``: a true/false question's ``feedback:`` block of ``correct:`` and
    ``incorrect:``, left in a single-choice question, is none of its last option's, whose
    feedback is one text."""
    found = list(_last_mappings(value_at(source, owner), owner, pydantic_owner))
    for data_path, pydantic_path, mapping in reversed(found):
        if (
            key not in mapping
            and isinstance(next(iter(mapping)), str)
            and _takes(model, pydantic_path, key)
            and _holds(model, pydantic_path, key, shape)
        ):
            return _describe(source, key, data_path, mapping, pydantic_path)
    return None


def _holds(model: type[BaseModel], location: Location, key: str, shape: type) -> bool:
    """Whether ``key`` of the mapping at ``location`` may hold a value of ``shape``: a
    mapping goes only where a model or a mapping may, a list where a list may."""
    inner = model_at(model, location)
    if inner is None or shape is str:
        return True
    kinds = {get_origin(kind) or kind for kind in _alternatives(inner.model_fields[key].annotation)}
    if shape is list:
        return list in kinds
    return dict in kinds or any(
        isinstance(kind, type) and issubclass(kind, BaseModel) for kind in kinds
    )


def _alternatives(annotation: Any) -> tuple[Any, ...]:
    """The types an annotation allows: each of a union's, the one of ``Annotated``."""
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    if get_origin(annotation) in (Union, UnionType):
        return tuple(
            kind for alternative in get_args(annotation) for kind in _alternatives(alternative)
        )
    return (annotation,)


def _last_mappings(
    node: Any, data_path: Location, pydantic_path: Location
) -> Iterator[tuple[Location, Location, dict[str, Any]]]:
    """The mappings that end where ``node``, the value at ``data_path``, ends, outermost
    first: the value itself, its last entry, that one's last entry… Each with its location
    in the data and as pydantic names it (with a question's type after its index)."""
    while isinstance(node, (dict, list)) and node:
        if isinstance(node, dict):
            if isinstance(node.get("type"), str) and node["type"] in QUESTION_TYPES:
                pydantic_path = (*pydantic_path, node["type"])
            yield data_path, pydantic_path, node
            step: int | str = next(reversed(node))
        else:
            step = len(node) - 1
        data_path, pydantic_path = (*data_path, step), (*pydantic_path, step)
        node = node[step] if isinstance(node, dict) else node[int(step)]


def _takes(model: type[BaseModel], location: Location, key: str) -> bool:
    """Whether the mapping at ``location`` may hold ``key``: a key of its model, or, in a
    mapping of names (the exam's ``draw:``), a module's file name (``timelimit`` is no
    module to draw from) that is no slip for a key of the mapping it is in."""
    inner = model_at(model, location)
    if inner is not None:
        return key in inner.model_fields
    holder = model_at(model, location[:-1]) if location else None
    fields = holder.model_fields if holder else {}
    field = fields.get(str(location[-1])) if location else None
    if field is None or getattr(field.annotation, "__origin__", None) is not dict:
        return False
    return MODULE_NAME.match(key) is not None and not difflib.get_close_matches(
        key, list(fields), n=1
    )


def _under_empty(source: Source, key: str, owner: Location, location: Location) -> Outdented:
    """``key`` below ``owner``, a key left empty that takes it: ``draw:``, its modules
    written at the left edge."""
    line, column = source.positions[owner]
    name = owner[-1]
    return (
        f"the key '{key}' starts no further in than '{name}:' above it, so it is not read "
        f"as under it, and '{name}' is read as empty",
        f"indent it under '{name}:' (line {line + 1 + source.line_offset}), {column + 2} spaces in",
        location,
    )


def _describe(
    source: Source, key: str, data_path: Location, mapping: dict[str, Any], location: Location
) -> Outdented:
    first = next(iter(mapping))
    line, column = source.positions[(*data_path, first)]
    line += 1 + source.line_offset
    return (
        f"the key '{key}' is indented less than the keys above it, so it is not read as "
        f"one of them; it belongs with '{first}' (line {line})",
        f"indent it to start right under '{first}', {column} spaces in",
        location,
    )
