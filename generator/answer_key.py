"""Answer keys as salted SHA-256 digests, so no correct answer sits in the page in plain text.

The quiz runtime hashes the learner's response the same way and compares digests.
This deters casual peeking at the page source; it is not exam security.
"""

from __future__ import annotations

import hashlib

from generator.models import MultipleChoice, Question, SingleChoice

OPTION_KEYS = "abcdefgh"
"""Options are keyed by their position in the YAML, which the trainer controls."""


def option_key(index: int) -> str:
    return OPTION_KEYS[index]


def salt_for(question_id: str) -> str:
    """A per-question salt; derived from the id so that builds are reproducible."""
    return hashlib.sha256(f"mot-course:{question_id}".encode()).hexdigest()[:16]


def correct_response(question: Question) -> str:
    """The response string a learner who answers correctly produces in the runtime."""
    if isinstance(question, SingleChoice | MultipleChoice):
        keys = [option_key(i) for i, option in enumerate(question.options) if option.correct]
        return ",".join(sorted(keys))
    return "true" if question.answer else "false"


def digest(salt: str, response: str) -> str:
    return hashlib.sha256(f"{salt}:{response}".encode()).hexdigest()


def answer_digest(question: Question) -> str:
    return digest(salt_for(question.id), correct_response(question))
