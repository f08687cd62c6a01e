"""Answer keys as salted SHA-256 digests, so no correct answer sits in the page in plain text.

The quiz runtime hashes the learner's response the same way and compares digests.
Options of single and multiple choice questions, replies of dialogue turns, items of
ordering questions and rows and choices of matching questions carry opaque keys (a hash of the
question id and their text): a stored answer keeps meaning what the learner chose when a
trainer reorders or adds options, and a key the question no longer has (its text was
edited or removed) tells the runtime to discard the answer. Ordering items and matching
choices are shown in an order drawn from those keys (for ordering items, from the right
order too), so neither the order nor the pairs can be read from the page. After grading,
the runtime shows the right answer by hashing each candidate: every option against the
question's digest, every place of an ordering item against the item's place digest, every
choice of a matching row against the row's digest.
A typed answer cannot be found from its digest, so each fill-in blank also carries its
first accepted answer sealed (XOR with a keystream drawn from the salt), which the runtime
opens only after grading. This deters casual peeking at the page source; it is not exam
security.
"""

from __future__ import annotations

import hashlib

from generator.models import (
    FillIn,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Scenario,
    SingleChoice,
    TrueFalse,
    Turn,
)
from generator.normalise import normalise

ORDER_DRAWS = 32
"""How many orders of an ordering question's items are drawn to find one far enough from
the right one. All fall short about once in 400,000 questions of three items (a third of
their orders are far enough), more rarely at any other length; the right order turned by
one place then stands in."""


def salt_for(question_id: str) -> str:
    """A per-question salt; derived from the id so that builds are reproducible."""
    return hashlib.sha256(f"mot-course:{question_id}".encode()).hexdigest()[:16]


def opaque_key(question_id: str, text: str) -> str:
    """The key of an option, a reply, an ordering item or a matching choice: it says nothing
    about its place and stays the same while its text does (8 hex digits, never one of the
    letters a-h that earlier versions stored for options by position)."""
    return hashlib.sha256(f"mot-key:{question_id}:{text}".encode()).hexdigest()[:8]


def digest(salt: str, response: str) -> str:
    return hashlib.sha256(f"{salt}:{response}".encode()).hexdigest()


def correct_response(question: Question) -> str | None:
    """The response string a learner who answers correctly produces in the runtime.

    None for fill-in and scenario questions, which are checked blank by blank and turn by turn.
    """
    if isinstance(question, SingleChoice | MultipleChoice):
        keys = [
            opaque_key(question.id, option.text) for option in question.options if option.correct
        ]
        return ",".join(sorted(keys))
    if isinstance(question, TrueFalse):
        return "true" if question.answer else "false"
    if isinstance(question, Ordering):
        return ",".join(opaque_key(question.id, item) for item in question.items)
    if isinstance(question, Matching):
        return ",".join(opaque_key(question.id, pair.match) for pair in question.pairs)
    return None


def answer_digest(question: Question) -> str | None:
    response = correct_response(question)
    return None if response is None else digest(salt_for(question.id), response)


def shown_items(question: Ordering) -> list[tuple[str, str]]:
    """(key, text) of the items in the order shown: the first of several orders drawn that
    takes at least half as many swaps as there are items to put right (never the right
    order, and never one swap away: a question of four items was solved by swapping the
    first two). Each is drawn by the digest of each key under a salt that the right order
    makes; shown by key, and turned when the key order was right, a page out of key order
    had told that the key order was right."""
    keyed = [(opaque_key(question.id, item), item) for item in question.items]
    seed = digest(salt_for(question.id), "shown:" + ",".join(key for key, _ in keyed))
    draws = (
        sorted(keyed, key=lambda pair: digest(f"{seed}:{draw}", pair[0]))
        for draw in range(ORDER_DRAWS)
    )
    enough = (len(keyed) + 1) // 2
    return next(
        (order for order in draws if _swaps_to(keyed, order) >= enough), keyed[1:] + keyed[:1]
    )


def _swaps_to(right: list[tuple[str, str]], shown: list[tuple[str, str]]) -> int:
    """How many swaps of two items put ``shown`` in the ``right`` order: the items less
    the cycles of the permutation between them."""
    place = {pair: index for index, pair in enumerate(right)}
    unseen, cycles = set(range(len(shown))), 0
    while unseen:
        cycles += 1
        index = unseen.pop()
        while (index := place[shown[index]]) in unseen:
            unseen.remove(index)
    return len(shown) - cycles


def match_choices(question: Matching) -> list[tuple[str, str]]:
    """(key, text) of every choice of a matching question, in key order."""
    texts = [pair.match for pair in question.pairs] + question.distractors
    return sorted((opaque_key(question.id, text), text) for text in texts)


def blank_digests(question: FillIn, index: int) -> list[str]:
    """Digests of every accepted answer of blank ``index`` (0-based), normalised, sorted."""
    salt = salt_for(question.id)
    return sorted(
        {digest(salt, f"{index}:{normalise(answer)}") for answer in question.blanks[index].accept}
    )


def place_digest(question: Ordering, item: str, place: int) -> str:
    """Digest of ``item`` standing at ``place`` (1-based) of the right order."""
    return digest(salt_for(question.id), f"place:{opaque_key(question.id, item)}:{place}")


def row_digest(question: Matching, row: int) -> str:
    """Digest of the right choice for row ``row`` (1-based) of a matching question."""
    match = question.pairs[row - 1].match
    return digest(salt_for(question.id), f"row:{row}:{opaque_key(question.id, match)}")


def sealed_answer(question: FillIn, index: int) -> str:
    """The first accepted answer of blank ``index`` (0-based), sealed, as hex.

    Each byte of its UTF-8 is XORed with the keystream SHA-256("<salt>:seal:<index>:<block>")
    for blocks 0, 1, ...; ``mot-engine.js`` opens it the same way.
    """
    data = question.blanks[index].accept[0].encode()
    salt = salt_for(question.id)
    stream = b"".join(
        hashlib.sha256(f"{salt}:seal:{index}:{block}".encode()).digest()
        for block in range(len(data) // 32 + 1)
    )
    return bytes(byte ^ key for byte, key in zip(data, stream, strict=False)).hex()


def turn_digest(question: Scenario, turn: Turn) -> str:
    """Digest of the best reply at ``turn`` (exactly one reply per turn is correct)."""
    best = next(reply for reply in turn.replies if reply.correct)
    return digest(salt_for(question.id), f"{turn.id}:{opaque_key(question.id, best.text)}")
