"""Fingerprints of the seeds' text: a test can then tell where the course repeats the source
material word for word, with neither the seeds nor their sentences in the repository.

Every run of ``WINDOW`` characters of the seeds (letters and digits only, so punctuation and
spaces do not hide a copy) is kept as a 32-bit hash. A run of the course's text counts as
copied when every window in it is a fingerprint, and it is at least one character longer
than a window: a single window could match by chance (about one in 150,000 here), two
overlapping ones cannot.

Regenerate after the seeds change: ``python -m tests.own_words ../shared/seeds``.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from array import array
from pathlib import Path

WINDOW = 15
SHORTEST_COPY = WINDOW + 1
FINGERPRINTS = Path(__file__).resolve().parent / "fixtures/seed-fingerprints.bin"
NOT_A_LETTER = re.compile(r"[\W_]+")


def normalised(text: str) -> str:
    """Letters and digits only, full-width forms as half-width, case folded."""
    return NOT_A_LETTER.sub("", unicodedata.normalize("NFKC", text)).casefold()


def fingerprint(window: str) -> int:
    return int.from_bytes(hashlib.blake2b(window.encode(), digest_size=4).digest(), "big")


def fingerprints_of(text: str) -> set[int]:
    letters = normalised(text)
    return {fingerprint(letters[i : i + WINDOW]) for i in range(len(letters) - WINDOW + 1)}


def load_fingerprints() -> frozenset[int]:
    stored = array("I")
    stored.frombytes(FINGERPRINTS.read_bytes())
    if sys.byteorder != "little":
        stored.byteswap()
    return frozenset(stored)


def copied_runs(text: str, fingerprints: frozenset[int]) -> list[str]:
    """The longest runs of ``text`` (normalised) whose every window the seeds hold."""
    letters = normalised(text)
    runs: list[str] = []
    start = end = 0
    for i in range(len(letters) - WINDOW + 1):
        if fingerprint(letters[i : i + WINDOW]) not in fingerprints:
            continue
        if i != end - WINDOW + 1:  # not the window after the last: a new run
            runs.append(letters[start:end])
            start = i
        end = i + WINDOW
    runs.append(letters[start:end])
    return [run for run in runs if len(run) >= SHORTEST_COPY]


def write_fingerprints(seeds: Path) -> int:
    """Fingerprint every ``*.zh.txt`` under ``seeds``; return how many were written."""
    found: set[int] = set()
    for path in sorted(seeds.glob("*.zh.txt")):
        found |= fingerprints_of(path.read_text(encoding="utf-8"))
    stored = array("I", sorted(found))
    if sys.byteorder != "little":
        stored.byteswap()
    FINGERPRINTS.write_bytes(stored.tobytes())
    return len(found)


if __name__ == "__main__":
    print(f"{write_fingerprints(Path(sys.argv[1]))} fingerprints written to {FINGERPRINTS}")
