"""Which model a pydantic error's location leads to, and so which keys belong there; and
which question it is in. Which keys a course file has, and which may stand together.

pydantic names a location by keys, list indexes and, inside a question, the question type
it tried (``questions, 0, single, options``); the models and annotations of
:mod:`generator.models` say what each step leads to.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import BaseModel

from generator.models import QUESTION_MODELS, QUESTION_TYPES, Source, StrictModel

Location = Sequence[int | str]
QUESTION_LISTS = ("questions", "exam_questions")


def fields_at(model: type[BaseModel], location: Location) -> list[str]:
    """The keys allowed at the mapping that holds the last step of ``location``."""
    current = model_at(model, location[:-1])
    return list(current.model_fields) if current else []


def model_at(model: type[BaseModel], location: Location) -> type[BaseModel] | None:
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
    return next(iter(_inner_models(annotation)), None)


def _inner_models(annotation: Any) -> list[type[BaseModel]]:
    """Every model ``annotation`` holds (``list[Option]``, ``ResultFeedback | None``)."""
    found = _flatten(annotation)
    return [model for model in found if isinstance(model, type) and issubclass(model, BaseModel)]


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


def question_label(source: Source, location: Location) -> str:
    """How a problem at ``location`` names its question: by its id, else by its place."""
    if len(location) >= 2 and location[0] in QUESTION_LISTS and isinstance(location[1], int):
        try:
            question_id = source.tree[location[0]][location[1]].get("id")
        except (AttributeError, IndexError, KeyError, TypeError):
            question_id = None
        if isinstance(question_id, str):
            return f"question '{question_id}': "
        return f"question {location[1] + 1}: "
    return ""


def _models(model: type[StrictModel]) -> Iterator[type[StrictModel]]:
    """``model`` and the models derived from it."""
    yield model
    for derived in model.__subclasses__():
        yield from _models(derived)


COURSE_KEYS = frozenset(name for model in _models(StrictModel) for name in model.model_fields)
"""Every key of a quiz, the exam settings and a page's front matter."""
KEYS_BESIDE: dict[str, frozenset[str]] = {
    name: frozenset().union(
        *(model.model_fields for model in _models(StrictModel) if name in model.model_fields)
    )
    for name in COURSE_KEYS
}
"""Each key of a course file -> the keys a mapping holding it may hold (those of every
question type, beside a question's ``prompt``)."""
KEYS_UNDER: dict[str, frozenset[str]] = {
    name: frozenset().union(
        *(
            inner.model_fields
            for model in _models(StrictModel)
            if name in model.model_fields
            for inner in _inner_models(model.model_fields[name].annotation)
        )
    )
    for name in COURSE_KEYS
}
"""Each key of a course file -> the keys the mappings it may hold have (``feedback`` ->
``correct``, ``incorrect``; ``options`` -> ``text``, ``correct``, ``feedback``)."""
FILE_KEYS = COURSE_KEYS - frozenset().union(*KEYS_UNDER.values())
"""The keys a course file has at its left edge only, never inside another key's mapping
(``questions``, ``exam_questions``, ``draw``, ``objectives``, ``pass_mark``)."""
LIST_KEYS = frozenset(
    name
    for model in _models(StrictModel)
    for name, field in model.model_fields.items()
    if list in _flatten(field.annotation)
)
"""The keys of a course file that hold a list (``options``, ``items``, ``accept``)."""
