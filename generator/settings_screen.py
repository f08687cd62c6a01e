"""``mkdocs.yml`` read as text before MkDocs reads it, as carefully as a course file.

MkDocs shows a file that is not UTF-8 as a decoding error at a byte position; the trainer
gets the message a course file would get (:mod:`generator.sources`) instead.
"""

from __future__ import annotations

from pathlib import Path

from generator.errors import Problem
from generator.sources import decode_source


def settings_text_problems(data: bytes, shown: Path) -> list[Problem]:
    """What keeps ``data``, the bytes of ``mkdocs.yml`` (named ``shown``), from MkDocs."""
    text = decode_source(data, shown)
    if isinstance(text, Problem):
        return [text]
    return []
