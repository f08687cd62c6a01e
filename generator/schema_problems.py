"""Schema errors as trainer-friendly problems: each pydantic error at its line, in words."""

from __future__ import annotations

import difflib
from datetime import date
from typing import TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from generator.errors import Problem, counted
from generator.models import (
    EMPTY_VALUE,
    EODC_STAGES,
    QUESTION_MODELS,
    QUESTION_TYPES,
    ExamConfig,
    ModuleMeta,
    PageMeta,
    Quiz,
    Source,
)
from generator.schema_dashes import dashed_text_start, doubled_dashes
from generator.schema_full_width import full_width_keys
from generator.schema_keys import told_instead, unknown_key
from generator.schema_location import QUESTION_LISTS, Location, fields_at, model_at, question_label
from generator.schema_numbers import not_a_whole_number, out_of_range
from generator.schema_outdented import outdented_keys
from generator.schema_patterns import bad_module_key, invisible_only, pattern_problem
from generator.yaml_lines import FULL_WIDTH_SPACE
from generator.yaml_source import position, value_at
from generator.yaml_value_fixes import (
    allowed_fix,
    entry_with_colon,
    list_fix,
    too_few_fix,
    true_or_false_fix,
)
from generator.yaml_written import (
    NAME_VALUE,
    as_written,
    empty_value,
    found_value,
    key_as_written,
    line_from,
    quoted_start,
    with_comment,
)

ModelT = TypeVar("ModelT", bound=BaseModel)
KEY_STEP = "[key]"
"""pydantic's last step when a mapping's key, not its value, is wrong."""
QUESTION_FIELDS = ("id", "type", "objective", "prompt", "explanation", "review")
"""The keys every question needs, whatever its type."""


def validate_model(model: type[ModelT], source: Source) -> tuple[ModelT | None, list[Problem]]:
    """Validate ``source`` against ``model``; report each schema error at its line."""
    try:
        return model.model_validate(source.tree), []
    except ValidationError as error:
        dashes, details = doubled_dashes(source, told_instead(error.errors()))
        problems, details = outdented_keys(model, source, details)
        colons, details = full_width_keys(source, details)
        problems += dashes + colons
        details = [detail for detail in details if not _reported_as_text(detail, source)]
        for detail in details:
            problems += [
                _problem_from_error(detail, model, source),
                *_keys_of_no_question(detail, source),
            ]
        return None, problems


def _reported_as_text(detail: ErrorDetails, source: Source) -> bool:
    """A value pydantic cannot read as text (a lone surrogate, written "\\ud800"), a key
    indented with full-width spaces, or an id that is wrong only for its invisible
    characters: ``plain_text_problems`` reports them. A key holding a lone surrogate is
    pydantic's alone to report."""
    if detail["type"] == "extra_forbidden":
        return str(detail["loc"][-1]).startswith(FULL_WIDTH_SPACE)
    if detail["type"] == "string_pattern_mismatch" and detail["loc"][-1] != KEY_STEP:
        return invisible_only(detail.get("input"), detail.get("ctx", {}).get("pattern", ""))
    unreadable = detail["type"] == "string_unicode"
    return unreadable and value_at(source, detail["loc"]) == detail.get("input")


def _written(detail: ErrorDetails, source: Source, location: Location) -> str:
    """The value as the trainer wrote it; for a key no mapping has, the key; for a list of
    too few entries, its key's line (whether the list is written in brackets)."""
    if detail["type"] == "extra_forbidden":
        return key_as_written(source, location, _last_key(location))
    if detail["type"] == "string_pattern_mismatch" and location[-1] != KEY_STEP:
        return with_comment(source, location, str(detail.get("input")))
    if detail["type"] == "too_short" and location:
        return line_from(source, location)  # a list in brackets after its key, or the key
    return as_written(source, location, detail.get("input"))


def _problem_from_error(detail: ErrorDetails, model: type[BaseModel], source: Source) -> Problem:
    location = detail["loc"]
    if detail["type"] == "union_tag_invalid":
        location = (*location, "type")  # point at the misspelt type, not the question
    line, column = position(source, location)
    if detail["type"] == "list_type":
        line, column = dashed_text_start(source, location) or (line, column)
    where = question_label(source, location)
    if detail["type"] in MODEL_EXPECTED and not location:
        message, fix, code = _describe_document(model, detail.get("input"))
    elif detail["type"] in MODEL_EXPECTED:
        message, fix, code = _describe_entry(model, location, detail.get("input"))
        where = "" if len(location) == 2 else where  # "question 2" starts the message
    else:
        written = _written(detail, source, location)
        message, fix, code = _describe(detail, location, fields_at(model, location), written)
    return Problem(source.path, line, column, f"{where}{message}", fix, f"schema.{code}")


def _keys_of_no_question(detail: ErrorDetails, source: Source) -> list[Problem]:
    """The keys no question type has, in a question whose type is missing or unknown:
    pydantic stops at the type, and would name them only once it is fixed (``tpye:``)."""
    question = detail.get("input")
    if detail["type"] not in UNION_TAG_ERRORS or not isinstance(question, dict):
        return []
    problems = []
    for key in (key for key in question if key not in ANY_QUESTION_KEY):
        location = (*detail["loc"], key)
        message, fix, code = unknown_key(key, ANY_QUESTION_KEY)
        where = question_label(source, location)
        line, column = position(source, location)
        problems.append(
            Problem(source.path, line, column, f"{where}{message}", fix, f"schema.{code}")
        )
    return problems


def _last_key(location: Location) -> str:
    if location and location[-1] == KEY_STEP:
        location = location[:-2]  # the key of a mapping: name the mapping
    for step in reversed(location):
        if isinstance(step, str) and step not in QUESTION_TYPES:
            return step
    return "document"


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
MISSING_FIXES = {  # required keys of few values: a dialogue is the one question with a stage
    "stage": (
        f"add 'stage:' with one of: {', '.join(EODC_STAGES)}, the EODC step the dialogue "
        "practises (a dialogue names its own, whatever its module's stage)"
    )
}
BOUNDS = {"gt": "more than", "ge": "at least", "lt": "less than", "le": "at most"}
UNION_TAG_ERRORS = {"union_tag_invalid", "union_tag_not_found"}
"""pydantic's errors of a question whose 'type:' is missing or names no question type."""
ANY_QUESTION_KEY = list(
    dict.fromkeys(name for question in QUESTION_MODELS.values() for name in question.model_fields)
)
"""Every key a question of some type may have."""
MODEL_EXPECTED = {"model_type", "model_attributes_type"}
"""Error types of a value where keys of a model belong (an objective, an option, the file)."""


def _describe(
    detail: ErrorDetails, location: Location, allowed: list[str], written: str
) -> Description:
    """``written``: the value as the trainer wrote it (``0800``, where YAML read 800), or
    the key, for a key the mapping does not have (``~``, which YAML read as nothing)."""
    kind = detail["type"]
    key = _last_key(location)
    value = detail.get("input")
    if kind == "missing":
        return (
            f"missing required key '{key}'",
            MISSING_FIXES.get(key, f"add '{key}:' with a value"),
            "missing-key",
        )
    if kind == "extra_forbidden":
        return unknown_key(written, allowed, location)
    if kind in UNION_TAG_ERRORS:
        return _question_type_problem(kind, value)
    if kind == "string_pattern_mismatch" and location[-1] == KEY_STEP:
        return bad_module_key(key, value)
    if kind == "string_pattern_mismatch":
        return pattern_problem(key, value, written)
    if kind in {"string_too_short", "string_type"} and _blank(value):
        return (*empty_value(key, written), "empty")
    if kind == EMPTY_VALUE:
        return (*empty_value(key, written, optional=True), "empty")
    item = bool(location) and isinstance(location[-1], int)
    return _describe_value(detail, key, item, written)


def _question_type_problem(kind: str, question: object) -> Description:
    """A question whose 'type:' is missing, empty or names no question type."""
    types = ", ".join(QUESTION_TYPES)
    if kind == "union_tag_not_found":
        return "missing required key 'type'", f"add 'type:' with one of: {types}", "missing-key"
    tag = question.get("type") if isinstance(question, dict) else None
    if tag is None:
        return "'type' is empty", f"write one of: {types}", "unknown-type"
    fix = f"set 'type:' to one of: {types}"
    if isinstance(tag, str):
        meant = difflib.get_close_matches(tag.strip().lower().replace("-", "_"), QUESTION_TYPES, 1)
        if meant:
            fix = f"did you mean '{meant[0]}'? write type: {meant[0]} (the types: {types})"
        return f"unknown question type {quoted_start(tag)}", fix, "unknown-type"
    return f"'type' must be a question type, not {found_value(tag)}", fix, "unknown-type"


def _describe_value(detail: ErrorDetails, key: str, item: bool, written: str) -> Description:
    """A value of the wrong size, range or type."""
    kind, value, context = detail["type"], detail.get("input"), detail.get("ctx", {})
    if kind in {"too_short", "too_long"}:
        bound = "at least" if kind == "too_short" else "at most"
        limit = context.get("min_length" if kind == "too_short" else "max_length")
        return (
            f"'{key}' has {counted(context.get('actual_length', 0), 'entry', 'entries')}; "
            f"it needs {bound} {limit}",
            too_few_fix(key, value, written)
            if kind == "too_short"
            else f"remove entries under '{key}'",
            "too-few" if kind == "too_short" else "too-many",
        )
    limits = [name for name in BOUNDS if name in context]
    if limits:
        return out_of_range(key, value, f"{BOUNDS[limits[0]]} {context[limits[0]]}")
    if kind == "literal_error":
        expected = str(context.get("expected", ""))
        return (
            f"'{key}' must be one of {expected}, not {found_value(value)}",
            allowed_fix(key, value, expected.split("'")[1::2]),
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
            true_or_false_fix(key, value),
            "not-true-or-false",
        )
    if kind == "int_type":
        return not_a_whole_number(subject, key, value, written)
    if kind == "string_type":
        return _not_text(key, value, item, written)
    if kind == "list_type":
        return f"{subject} {_must(value, 'be a list')}", list_fix(key, value), "not-a-list"
    if kind == "dict_type":
        return (
            f"{subject} {_must(value, 'hold ' + NAME_VALUE + ' lines')}",
            f"write each entry on its own line under '{key}:', indented, as {NAME_VALUE}",
            "not-a-mapping",
        )
    return (
        f"{subject} cannot be {found_value(value)}",
        f"correct the value of '{key}' as AUTHORING.md shows",
        "invalid",
    )


def _not_text(key: str, value: object, item: bool, written: str) -> Description:
    """Text expected: a number or true/false wants quotes, around the text as written; a
    list or mapping, one line."""
    subject = _subject(key, item)
    if item and isinstance(value, dict) and (colon := entry_with_colon(key, value)) is not None:
        return f"{subject} must be text, and {colon[0]}", colon[1], "not-text"
    if isinstance(value, list | dict):
        return (
            f"{subject} must be text, not {found_value(value)}",
            f"write the text on the same line as '{key}:', without '-' or brackets; "
            "if it starts with '[' or '-', put it in quotes",
            "not-text",
        )
    quoted = f'"{written}"'
    kind = "the date" if isinstance(value, date) else "the number"
    found = written if isinstance(value, bool) else f"{kind} {written}"
    return (
        f"{subject} must be text, not {found}",
        f"put it in quotes: {quoted if item else f'{key}: {quoted}'}",
        "not-text",
    )


def _describe_document(model: type[BaseModel], value: object) -> Description:
    """The whole file (or front matter) is empty or is not 'key: value' lines."""
    what, contents = DOCUMENTS.get(model, ("the file", "the keys AUTHORING.md shows"))
    fix = f"write {contents} (see AUTHORING.md)"
    if value is None:
        return f"{what} is empty", fix, "empty-file"
    return f"{what} holds {found_value(value)}, not {NAME_VALUE} lines", fix, "not-a-mapping"


def _describe_entry(model: type[BaseModel], location: Location, value: object) -> Description:
    """A list entry or a key that needs keys of its own (an objective, an option …)."""
    key = _last_key(location)
    fields = list(QUESTION_FIELDS) if key in QUESTION_LISTS else _needed_keys(model, location)
    needs = _listing([f"'{name}:'" for name in fields])
    found = f"only the text {quoted_start(value)}" if isinstance(value, str) else found_value(value)
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
    inner = model_at(model, location)
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
    return "is empty" if value is None else f"must {expected}, not {found_value(value)}"


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _listing(names: list[str]) -> str:
    """'a', 'a and b', 'a, b and c'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
