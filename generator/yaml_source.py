"""Read YAML with line numbers, and turn schema errors into trainer-friendly problems."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError, StreamMark
from ruamel.yaml.events import AliasEvent, NodeEvent

from generator.errors import Problem
from generator.models import QUESTION_MODELS, QUESTION_TYPES, Source

ModelT = TypeVar("ModelT", bound=BaseModel)
Location = Sequence[int | str]

MAX_DEPTH = 20
"""Deepest nesting accepted; the text of a dialogue's reply is eight levels down."""
FULL_WIDTH_SPACE = "\u3000"


class YamlSyntaxError(Exception):
    def __init__(self, problem: Problem) -> None:
        super().__init__(str(problem))
        self.problem = problem


class _Refused(Exception):
    """YAML that is valid but not accepted in a course file."""

    def __init__(self, mark: StreamMark, message: str, fix: str, code: str) -> None:
        super().__init__(message)
        self.mark, self.message, self.fix, self.code = mark, message, fix, code


class _PlainComposer(Composer):
    """Composes plain data: no anchors, aliases or tags, nested at most MAX_DEPTH deep.

    Aliases can make a document refer to itself (endless recursion) or expand a few
    lines into millions of nodes (an "alias bomb"); tags (``!!float``, ``!!binary``) ask
    for types a course never holds. A quiz needs none of them.
    """

    nesting = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        refusal = _refusal(event)
        if refusal is None and self.nesting >= MAX_DEPTH:
            refusal = (
                f"the data is nested more than {MAX_DEPTH} levels deep",
                "check the brackets and the indentation: a quiz needs far fewer levels",
                "yaml.too-deep",
            )
        if refusal is not None:
            raise _Refused(event.start_mark, *refusal)
        self.nesting += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.nesting -= 1


def _refusal(event: Any) -> tuple[str, str, str] | None:
    """Why the node ``event`` starts is not accepted: (message, fix, code), if it is not."""
    if isinstance(event, AliasEvent) or (isinstance(event, NodeEvent) and event.anchor):
        return (
            "anchors (&name) and aliases (*name) are not supported in course files",
            "write the text out in full where it is needed; if the text starts with "
            "'&' or '*', put it in quotes",
            "yaml.alias",
        )
    tag = getattr(event, "ctag", None)  # an explicit tag; implicit ones are None
    if tag is not None:
        return (
            f"the tag '{tag}' is not supported in course files",
            "remove it; if the text starts with '!', put it in quotes",
            "yaml.tag",
        )
    return None


def _loader() -> YAML:
    loader = YAML(typ="rt")
    loader.Composer = _PlainComposer
    return loader


def parse_yaml(text: str, path: Path, line_offset: int = 0) -> Source:
    """Parse YAML 1.2 (``no`` and ``on`` stay strings; duplicate keys are errors)."""
    try:
        tree = _loader().load(text)
    except (_Refused, MarkedYAMLError) as error:
        line, column, message, fix, code = _describe_yaml_error(error, text)
        raise YamlSyntaxError(
            Problem(path, line + line_offset, column, message, fix, code)
        ) from None
    return Source(path=path, tree=tree, line_offset=line_offset)


def _describe_yaml_error(
    error: _Refused | MarkedYAMLError, text: str
) -> tuple[int, int, str, str, str]:
    """Line and column in ``text``, what is wrong, how to fix it, and the problem's code."""
    if isinstance(error, _Refused):
        return error.mark.line + 1, error.mark.column + 1, error.message, error.fix, error.code
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(error, DuplicateKeyError):
        return (
            line,
            column,
            f"duplicate key '{_duplicate_key_name(error)}'",
            "each key may appear only once in a mapping: remove or rename one of them",
            "yaml.duplicate-key",
        )
    indented = _full_width_indent(text, line)
    if indented is not None:
        return (
            indented,
            1,
            "the line is indented with full-width spaces (U+3000)",
            "indent with ordinary spaces (half-width), two per level",
            "yaml.full-width-indent",
        )
    what = error.problem or error.context or "the text is not valid YAML"
    return line, column, f"YAML syntax error: {what}", _syntax_fix(what), "yaml.syntax"


def _full_width_indent(text: str, error_line: int) -> int | None:
    """The line at or just above ``error_line`` that is indented with full-width spaces."""
    lines = text.split("\n")
    for number in (error_line, error_line - 1):
        line = lines[number - 1] if 0 < number <= len(lines) else ""
        if FULL_WIDTH_SPACE in line[: len(line) - len(line.lstrip())]:
            return number
    return None


def _syntax_fix(what: str) -> str:
    if "mapping values are not allowed" in what:
        return "put the value in quotes, or write the colon inside it as a full-width '：'"
    return "check the indentation and quoting on this line and the one above it"


def _duplicate_key_name(error: DuplicateKeyError) -> str:
    """ruamel says: found duplicate key "objective" with value "x" (original value: "y")."""
    quoted = re.search(r'"([^"]*)"', error.problem or "")
    return quoted.group(1) if quoted else "?"


def position(source: Source, location: Location) -> tuple[int, int]:
    """Return the 1-based line and column of the node at ``location`` in ``source``.

    Walks the ruamel tree as far as the location exists; a missing key points at
    the mapping that should hold it.
    """
    node: Any = source.tree
    line, column = 0, 0
    if isinstance(node, CommentedMap | CommentedSeq):
        line, column = node.lc.line, node.lc.col
    for step in location:
        if isinstance(node, CommentedMap) and step in node:
            line, column = node.lc.key(step)
            node = node[step]
        elif isinstance(node, CommentedSeq) and isinstance(step, int) and step < len(node):
            line, column = node.lc.item(step)
            node = node[step]
        elif isinstance(node, CommentedMap) and node.get("type") == step:
            continue  # pydantic names the union member it tried; it is not in the data
        else:
            break
    return line + 1 + source.line_offset, column + 1


def to_plain(node: Any) -> Any:
    """Copy ruamel's round-trip containers and scalars into plain Python values."""
    if isinstance(node, dict):
        return {str(key): to_plain(value) for key, value in node.items()}
    if isinstance(node, list):
        return [to_plain(item) for item in node]
    if isinstance(node, str):
        return str(node)
    return node


def validate_model(model: type[ModelT], source: Source) -> tuple[ModelT | None, list[Problem]]:
    """Validate ``source`` against ``model``; report each schema error at its line."""
    try:
        return model.model_validate(to_plain(source.tree)), []
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
    if len(location) >= 2 and location[0] == "questions" and isinstance(location[1], int):
        try:
            question_id = source.tree["questions"][location[1]].get("id")
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
