"""The course tells the seeds' facts in its own words: no sentence of the source material
is carried over as it stands, only names, a model's lists, sources and quotations
(``tests/seed_phrases.txt``). The seeds are not in the repository; their fingerprints are
(:mod:`tests.own_words`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import PROJECT
from tests.own_words import copied_runs, load_fingerprints, normalised

ALLOWED = PROJECT / "tests/seed_phrases.txt"


@pytest.fixture(scope="module")
def fingerprints() -> frozenset[int]:
    return load_fingerprints()


def allowed_phrases() -> list[str]:
    lines = ALLOWED.read_text(encoding="utf-8").splitlines()
    return [normalised(line) for line in lines if line.strip() and not line.startswith("#")]


def course_files() -> list[Path]:
    return sorted([*(PROJECT / "course").glob("*.md"), *(PROJECT / "quizzes").glob("*.yml")])


def test_the_course_says_things_in_its_own_words(fingerprints: frozenset[int]) -> None:
    phrases = allowed_phrases()
    copies = [
        f"{path.relative_to(PROJECT)}:{number}: {len(run)} characters as the seeds have "
        f"them ({run}); say it in your own words, or, for a name, a model's list or a "
        f"quotation, add it to {ALLOWED.relative_to(PROJECT)}"
        for path in course_files()
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        for run in copied_runs(line, fingerprints)
        if not any(run in phrase for phrase in phrases)
    ]
    assert copies == []


def test_a_copied_sentence_is_found_and_a_retold_one_is_not(
    fingerprints: frozenset[int],
) -> None:
    """A sentence of the deck, with other punctuation and words around it, is found whole;
    the same fact retold is not."""
    copied = "他说得好：“员工心中是否存在责任感，直接影响到其日后在生意场或职场上的格局！”"
    assert copied_runs(copied, fingerprints) == [
        "员工心中是否存在责任感直接影响到其日后在生意场或职场上的格局"
    ]
    retold = "一个员工有没有责任感，决定了他以后在职场、商场上能走多远。"
    assert copied_runs(retold, fingerprints) == []


def test_every_allowed_phrase_is_one_the_seeds_have(fingerprints: frozenset[int]) -> None:
    """The list is for what the seeds hold; a line they do not is a mistake or left over."""
    assert [phrase for phrase in allowed_phrases() if not copied_runs(phrase, fingerprints)] == []
