"""Schema errors as trainer-friendly problems: each pydantic error at its line, in words."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.errors import Problem
from generator.models import (
    QUESTION_MODELS,
    QUESTION_TYPES,
    ExamConfig,
    ModuleMeta,
    PageMeta,
    Quiz,
    Source,
)
from generator.written import as_written, as_yaml
from generator.yaml_source import position

ModelT = TypeVar("ModelT", bound=BaseModel)
Location = Sequence[int | str]
QUESTION_LISTS = ("questions", "exam_questions")
KEY_STEP = "[key]"
"""pydantic's last step when a mapping's key, not its value, is wrong."""
QUESTION_FIELDS = ("id", "type", "objective", "prompt", "explanation", "review")
"""The keys every question needs, whatever its type."""


def validate_model(model: type[ModelT], source: Source) -> tuple[ModelT | None, list[Problem]]:
    """Validate ``source`` against ``model``; report each schema error at its line."""
    try:
        return model.model_validate(source.tree), []
    except ValidationError as error:
        problems = [_problem_from_error(detail, model, source) for detail in error.errors()]
        return None, problems


def _problem_from_error(detail: ErrorDetails, model: type[BaseModel], source: Source) -> Problem:
    location = detail["loc"]
    if detail["type"] == "union_tag_invalid":
        location = (*location, "type")  # point at the misspelt type, not the question
    line, column = position(source, location)
    where = _question_label(source, location)
    if detail["type"] in MODEL_EXPECTED and not location:
        message, fix, code = _describe_document(model, detail.get("input"))
    elif detail["type"] in MODEL_EXPECTED:
        message, fix, code = _describe_entry(model, location, detail.get("input"))
        where = "" if len(location) == 2 else where  # "question 2" starts the message
    else:
        written = as_written(source, location, detail.get("input"))
        message, fix, code = _describe(detail, location, _fields_at(model, location), written)
    return Problem(source.path, line, column, f"{where}{message}", fix, f"schema.{code}")


def _last_key(location: Location) -> str:
    if location and location[-1] == KEY_STEP:
        location = location[:-2]  # the key of a mapping: name the mapping
    for step in reversed(location):
        if isinstance(step, str) and step not in QUESTION_TYPES:
            return step
    return "document"


def _question_label(source: Source, location: Location) -> str:
    if len(location) >= 2 and location[0] in QUESTION_LISTS and isinstance(location[1], int):
        try:
            question_id = source.tree[location[0]][location[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            question_id = None
        if isinstance(question_id, str):
            return f"question '{question_id}': "
        return f"question {location[1] + 1}: "
    return ""


def _fields_at(model: type[BaseModel], location: Location) -> list[str]:
    """The keys allowed at the mapping that holds the last step of ``location``."""
    current = _model_at(model, location[:-1])
    return list(current.model_fields) if current else []


def _model_at(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
    """The model of the mapping at ``location`` (list indexes lead to the list's items)."""
    current: type[BaseModel] | None = model
    for step in location:
        if current is None:
            return None
        if isinstance(step, str) and step in current.model_fields:
            current = _inner_model(current.model_fields[step].annotation, None)
        elif isinstance(step, str) and step in QUESTION_TYPES:
            current = _inner_model(None, step)
    return current


def _inner_model(annotation: Any, question_type: str | None) -> type[BaseModel] | None:
    if question_type:
        return QUESTION_MODELS[question_type]
    for candidate in _flatten(annotation):
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _flatten(annotation: Any) -> list[Any]:
    found: list[Any] = [annotation]
    for argument in getattr(annotation, "__args__", ()) or ():
        found.extend(_flatten(argument))
    for meta in getattr(annotation, "__metadata__", ()) or ():
        found.extend(_flatten(meta))
    origin = getattr(annotation, "__origin__", None)
    if origin is not None:
        found.append(origin)
    return found


Description = tuple[str, str, str]
"""What is wrong, how to fix it, and the problem's code."""

DOCUMENTS: dict[type[BaseModel], tuple[str, str]] = {
    Quiz: ("the quiz file", "'questions:' and, under it, the module's questions"),
    ExamConfig: (
        "the exam settings file",
        "'draw:' and, under it, how many questions to draw from each module",
    ),
    ModuleMeta: (
        "the front matter",
        "'title:', 'summary:', 'minutes:' and 'objectives:' between the two '---' lines",
    ),
    PageMeta: ("the front matter", "'title:' between the two '---' lines"),
}
"""What each kind of file is called, and what it must hold."""
ENTRY_NAMES = {
    "objectives": "objective",
    "questions": "question",
    "exam_questions": "question",
    "options": "option",
    "pairs": "pair",
    "blanks": "blank",
    "turns": "turn",
    "replies": "reply",
}
"""What one entry of each list is called."""
BOUNDS = {"gt": "more than", "ge": "at least", "lt": "less than", "le": "at most"}
MODEL_EXPECTED = {"model_type", "model_attributes_type"}
"""Error types of a value where keys of a model belong (an objective, an option, the file)."""


def _describe(
    detail: ErrorDetails, location: Location, allowed: list[str], written: str
) -> Description:
    """``written``: the value as the trainer wrote it (``0800``, where YAML read 800)."""
    kind = detail["type"]
    key = _last_key(location)
    value = detail.get("input")
    if kind == "missing":
        return f"missing required key '{key}'", f"add '{key}:' with a value", "missing-key"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(key, allowed, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        return (
            f"unknown key '{key}'",
            f"{hint}remove it or use one of: {', '.join(allowed)}",
            "unknown-key",
        )
    if kind in {"union_tag_invalid", "union_tag_not_found"}:
        return (
            f"unknown question type {value.get('type')!r}"
            if isinstance(value, dict)
            else "question has no type",
            f"set 'type:' to one of: {', '.join(QUESTION_TYPES)}",
            "unknown-type",
        )
    if kind == "string_pattern_mismatch" and location[-1] == KEY_STEP:
        return (
            f"the key {value!r} under '{key}' is not a valid name",
            "use lower-case letters, digits and single hyphens, e.g. 01-significance",
            "bad-id",
        )
    if kind == "string_pattern_mismatch":
        return _pattern_problem(key, value)
    if kind in {"string_too_short", "string_type"} and _blank(value):
        return f"'{key}' is empty", f"write the text of '{key}'", "empty"
    item = bool(location) and isinstance(location[-1], int)
    return _describe_value(detail, key, item, written)


def _describe_value(detail: ErrorDetails, key: str, item: bool, written: str) -> Description:
    """A value of the wrong size, range or type."""
    kind, value, context = detail["type"], detail.get("input"), detail.get("ctx", {})
    if kind in {"too_short", "too_long"}:
        bound = "at least" if kind == "too_short" else "at most"
        limit = context.get("min_length" if kind == "too_short" else "max_length")
        return (
            f"'{key}' has {context.get('actual_length')} entries; it needs {bound} {limit}",
            f"{'add' if kind == 'too_short' else 'remove'} entries under '{key}'",
            "too-few" if kind == "too_short" else "too-many",
        )
    limits = [name for name in BOUNDS if name in context]
    if limits:
        return (
            f"'{key}' must be {BOUNDS[limits[0]]} {context[limits[0]]}, not {value!r}",
            f"change the value of '{key}'",
            "out-of-range",
        )
    if kind == "literal_error":
        expected = str(context.get("expected", ""))
        first = expected.split("'")[1] if "'" in expected else "…"
        return (
            f"'{key}' must be one of {expected}, not {_found(value)}",
            f"write one of them exactly as shown, e.g. {key}: {first}",
            "not-allowed",
        )
    return _describe_type(kind, key, value, item, written)


def _describe_type(kind: str, key: str, value: object, item: bool, written: str) -> Description:
    """A value of the wrong type: true or false, a number, text, a list or a mapping.

    ``item``: the value is an entry of the list ``key``, not the value of ``key`` itself.
    """
    subject = _subject(key, item)
    if kind == "bool_type":
        return (
            f"{subject} {_must(value, 'be true or false')}",
            f"write {key}: true or {key}: false",
            "not-true-or-false",
        )
    if kind == "int_type":
        return (
            f"{subject} {_must(value, 'be a whole number')}",
            f"write {key}: 30 (no quotes, no unit)",
            "not-a-number",
        )
    if kind == "string_type":
        return _not_text(key, value, item, written)
    if kind == "list_type":
        scalar = value is not None and not isinstance(value, dict | list)
        brackets = f", or in brackets: {key}: [{as_yaml(value)}]" if scalar else ""
        return (
            f"{subject} {_must(value, 'be a list')}",
            f"write its entries under '{key}:', each on its own line starting with '- '{brackets}",
            "not-a-list",
        )
    if kind == "dict_type":
        return (
            f"{subject} {_must(value, 'hold ' + NAME_VALUE + ' lines')}",
            f"write each entry on its own line under '{key}:', indented, as {NAME_VALUE}",
            "not-a-mapping",
        )
    return (
        f"{subject} cannot be {_found(value)}",
        f"correct the value of '{key}' as AUTHORING.md shows",
        "invalid",
    )


NAME_VALUE = "'key: value'"


def _not_text(key: str, value: object, item: bool, written: str) -> Description:
    """Text expected: a number or true/false wants quotes, around the text as written; a
    list or mapping, one line."""
    subject = _subject(key, item)
    if isinstance(value, list | dict):
        return (
            f"{subject} must be text, not {_found(value)}",
            f"write the text on the same line as '{key}:', without '-' or brackets; "
            "if it starts with '[' or '-', put it in quotes",
            "not-text",
        )
    quoted = f'"{written}"'
    found = written if isinstance(value, bool) else f"the number {written}"
    return (
        f"{subject} must be text, not {found}",
        f"put it in quotes: {quoted if item else f'{key}: {quoted}'}",
        "not-text",
    )


def _pattern_problem(key: str, value: object) -> Description:
    if key == "review":
        return (
            f"review link {value!r} is not of the form 'page.md#section-id'",
            "link to the section that teaches this, e.g. review: 01-significance.md#mot-origin",
            "bad-review-link",
        )
    return (
        f"'{key}' {value!r} is not a valid id",
        "use lower-case letters, digits and single hyphens, e.g. m1-service-economy",
        "bad-id",
    )


def _describe_document(model: type[BaseModel], value: object) -> Description:
    """The whole file (or front matter) is empty or is not 'key: value' lines."""
    what, contents = DOCUMENTS.get(model, ("the file", "the keys AUTHORING.md shows"))
    fix = f"write {contents} (see AUTHORING.md)"
    if value is None:
        return f"{what} is empty", fix, "empty-file"
    return f"{what} holds {_found(value)}, not {NAME_VALUE} lines", fix, "not-a-mapping"


def _describe_entry(model: type[BaseModel], location: Location, value: object) -> Description:
    """A list entry or a key that needs keys of its own (an objective, an option …)."""
    key = _last_key(location)
    fields = list(QUESTION_FIELDS) if key in QUESTION_LISTS else _needed_keys(model, location)
    needs = _listing([f"'{name}:'" for name in fields])
    found = f"only the text {value!r}" if isinstance(value, str) else _found(value)
    if not isinstance(location[-1], int):
        lines = _listing([f"'{name}: …'" for name in fields])
        return (
            f"'{key}' is {found}; it needs {needs}",
            f"write {lines} on the lines under '{key}:', indented",
            "not-a-mapping",
        )
    entry = ENTRY_NAMES.get(key, f"entry of '{key}'")
    return (
        f"{entry} {location[-1] + 1} is {found}; each {entry} needs {needs}",
        _entry_shape(fields, value),
        "not-a-mapping",
    )


def _needed_keys(model: type[BaseModel], location: Location) -> list[str]:
    """The required keys of the mapping at ``location``; all its keys if none is required."""
    inner = _model_at(model, location)
    fields = inner.model_fields if inner else {}
    return [name for name, info in fields.items() if info.is_required()] or list(fields)


def _entry_shape(fields: list[str], value: object) -> str:
    """How to write a list entry with ``fields``; a text written alone becomes its 'text:'."""
    written = [
        f"'{name}: {value if name == 'text' and isinstance(value, str) else '…'}'"
        for name in fields
    ]
    first, *rest = written
    hint = " (an id such as m1-origin)" if fields[0] == "id" else ""
    if not rest:
        return f"write it as '- {first[1:]}"
    lines = "line" if len(rest) == 1 else "lines"
    return (
        f"write it as '- {first[1:]}{hint} with {_listing(rest)} on the next {lines}, "
        f"lined up under '{fields[0]}'"
    )


def _subject(key: str, item: bool) -> str:
    return f"each entry of '{key}'" if item else f"'{key}'"


def _must(value: object, expected: str) -> str:
    """'must be a list, not 3', or 'is empty' when nothing was written."""
    return "is empty" if value is None else f"must {expected}, not {_found(value)}"


def _found(value: object) -> str:
    """A value as the trainer wrote it in YAML."""
    if isinstance(value, bool):
        return as_yaml(value)
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dict):
        return f"a group of {NAME_VALUE} lines"
    if isinstance(value, list):
        return "a list"
    return "empty" if value is None else repr(value)


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _listing(names: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
