"""Checks of a branching customer dialogue (a ``scenario`` question) as a graph of turns.

The dialogue starts at the first turn; each reply leads to its ``next:`` turn, by default
the following one, and ``next: end`` finishes it. Every turn must be reachable, no path
may come back to a turn, and ``end`` is reserved for finishing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem
from generator.models import END_OF_DIALOGUE, Scenario

Locator = Callable[..., tuple[Path, int, int]]
"""Maps keys inside the current question to (file, line, column)."""


def dialogue_problems(question: Scenario, label: str, at: Locator) -> Iterator[Problem]:
    turn_ids = [turn.id for turn in question.turns]
    for index, turn in enumerate(question.turns):
        if turn.id == END_OF_DIALOGUE:
            yield Problem(
                *at("turns", index, "id"),
                f"{label}: a turn is named '{END_OF_DIALOGUE}', the word 'next:' uses to "
                "finish the dialogue",
                f"give the turn another id; keep 'next: {END_OF_DIALOGUE}' for finishing",
                "dialogue.reserved-id",
            )
        elif turn.id in turn_ids[:index]:
            yield Problem(
                *at("turns", index, "id"),
                f"{label} has two turns with the id '{turn.id}'",
                "give every turn its own id",
                "dialogue.duplicate-turn",
            )
        yield from _turn_problems(question, index, label, at)
    if END_OF_DIALOGUE not in turn_ids and len(set(turn_ids)) == len(turn_ids):
        yield from _path_problems(question, label, at)  # paths follow turns by their ids


def _turn_problems(question: Scenario, index: int, label: str, at: Locator) -> Iterator[Problem]:
    turn = question.turns[index]
    correct = sum(reply.correct for reply in turn.replies)
    if correct != 1:
        yield Problem(
            *at("turns", index, "replies"),
            f"{label}: turn '{turn.id}' has {correct} best replies; a turn needs exactly one",
            "mark exactly one reply of the turn 'correct: true'",
            "dialogue.best-reply-count",
        )
    yield from _reply_problems(question, index, label, at)


def _reply_problems(question: Scenario, index: int, label: str, at: Locator) -> Iterator[Problem]:
    """A reply of turn ``index`` repeating an earlier one, or leading to no turn."""
    turn = question.turns[index]
    turn_ids = [other.id for other in question.turns]
    texts = [reply.text for reply in turn.replies]
    for reply_index, reply in enumerate(turn.replies):
        if reply.text in texts[:reply_index]:
            yield Problem(
                *at("turns", index, "replies", reply_index, "text"),
                f"{label}: turn '{turn.id}' has two replies with the text '{reply.text}'",
                "make every reply of the turn different",
                "dialogue.duplicate-reply",
            )
        if reply.next is not None and reply.next not in (*turn_ids, END_OF_DIALOGUE):
            yield Problem(
                *at("turns", index, "replies", reply_index, "next"),
                f"{label}: a reply leads to turn '{reply.next}', which the dialogue lacks",
                f"use one of: {', '.join(dict.fromkeys([*turn_ids, END_OF_DIALOGUE]))}",
                "dialogue.unknown-next",
            )


def _path_problems(question: Scenario, label: str, at: Locator) -> Iterator[Problem]:
    reached, loop = walk(question)
    if loop:
        yield _loop_problem(question, loop, label, at)
    for index, turn in enumerate(question.turns):
        if turn.id not in reached:
            yield Problem(
                *at("turns", index, "id"),
                f"{label}: no path through the dialogue reaches turn '{turn.id}'",
                f"point a reply's 'next:' at '{turn.id}', or delete the turn",
                "dialogue.unreachable-turn",
            )


@dataclass(frozen=True)
class Loop:
    """A circle in a dialogue: the turns it goes through, from the one it comes back to,
    and the reply that closes it (its turn is the circle's last)."""

    turns: list[str]
    reply: int


def _loop_problem(question: Scenario, loop: Loop, label: str, at: Locator) -> Problem:
    """The circle at the reply that closes it: the 'next:' to change, or to add."""
    last = [turn.id for turn in question.turns].index(loop.turns[-1])
    reply = question.turns[last].replies[loop.reply]
    circle = " → ".join([*loop.turns, loop.turns[0]])
    where = ("turns", last, "replies", loop.reply, *(("next",) if reply.next else ()))
    change = (
        "change this reply's 'next:'"
        if reply.next
        else "this reply has no 'next:', so it leads to the turn written below its own "
        f"('{loop.turns[0]}'); give it a 'next:'"
    )
    return Problem(
        *at(*where),
        f"{label}: the dialogue can go round in a circle and never end ({circle})",
        f"{change} to a turn outside the circle or to 'end', so that every path reaches "
        "'end' without repeating a turn",
        "dialogue.loop",
    )


def walk(question: Scenario) -> tuple[set[str], Loop | None]:
    """The turns reachable from the first, and the first circle found, if any.

    A depth-first search that keeps its own stack, marking each turn while its paths
    are being followed (a turn met again then is a circle) and when they are done.
    """
    leads_to = {
        turn.id: [question.next_turn(index, reply) for reply in turn.replies]
        for index, turn in enumerate(question.turns)
    }
    first = question.turns[0].id
    on_path, done = {first}, set[str]()
    stack = [(first, enumerate(leads_to[first]))]
    loop: Loop | None = None
    while stack:
        turn_id, following = stack[-1]
        step = next(following, None)
        if step is None:
            stack.pop()
            on_path.discard(turn_id)
            done.add(turn_id)
            continue
        reply, after = step
        if after in on_path:
            path = [turn for turn, _ in stack]
            loop = loop or Loop(path[path.index(after) :], reply)
        elif after in leads_to and after not in done:
            on_path.add(after)
            stack.append((after, enumerate(leads_to[after])))
    return done, loop
