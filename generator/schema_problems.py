"""Schema errors as trainer-friendly problems: each pydantic error at its line, in words."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.errors import Problem
from generator.models import QUESTION_MODELS, QUESTION_TYPES, Source
from generator.yaml_source import position

ModelT = TypeVar("ModelT", bound=BaseModel)
Location = Sequence[int | str]
QUESTION_LISTS = ("questions", "exam_questions")


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
    key = _last_key(location)
    message, fix, code = _describe(detail, key, _fields_at(model, location))
    where = _question_label(source, location)
    return Problem(source.path, line, column, f"{where}{message}", fix, f"schema.{code}")


def _last_key(location: Location) -> str:
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
    fields: dict[str, Any] = dict(model.model_fields)
    current: type[BaseModel] | None = model
    for step in location[:-1]:
        if current is None:
            return []
        if isinstance(step, str) and step in fields:
            current = _inner_model(fields[step].annotation, None)
        elif isinstance(step, str) and step in QUESTION_TYPES:
            current = _inner_model(None, step)
        else:
            continue
        fields = dict(current.model_fields) if current else {}
    return list(fields)


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


def _describe(detail: ErrorDetails, key: str, allowed: list[str]) -> Description:
    kind = detail["type"]
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
    if kind == "string_pattern_mismatch":
        return _pattern_problem(key, value)
    if kind in {"string_too_short", "string_type"} and value in ("", None):
        return f"'{key}' is empty", f"write the text of '{key}'", "empty"
    return _describe_value(detail, key)


def _describe_value(detail: ErrorDetails, key: str) -> Description:
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
    if kind in {"less_than_equal", "greater_than_equal"}:
        bound, limit = (
            ("at most", context["le"]) if "le" in context else ("at least", context["ge"])
        )
        return (
            f"'{key}' must be {bound} {limit}, not {value!r}",
            f"change the value of '{key}'",
            "out-of-range",
        )
    if kind == "bool_type":
        return (
            f"'{key}' must be true or false, not {value!r}",
            f"write {key}: true or {key}: false",
            "not-true-or-false",
        )
    if kind == "int_type":
        return (
            f"'{key}' must be a whole number, not {value!r}",
            f"write {key}: 30 (no quotes, no unit)",
            "not-a-number",
        )
    return f"'{key}' is not valid: {detail['msg']}", f"correct the value of '{key}'", "invalid"


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
