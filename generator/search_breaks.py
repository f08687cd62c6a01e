"""The search index's text, with no line break where Chinese punctuation forbids one.

Material's search plugin splits Chinese into words for the index and marks each word's
ends with a zero-width space, which is also where a browser may break a line. So a search
result's text broke before 、 and ， (a line starting with "、客户期望"), before a closing
quote, and after an opening one, where Chinese never breaks. The search splits words at
that punctuation anyway (the search separator holds it), so the zero-width spaces next to
it tell the search nothing: they are dropped, and those between words kept.
"""

from __future__ import annotations

import re
from typing import Any

ZERO_WIDTH_SPACE = "\u200b"
WORD_END = re.compile(ZERO_WIDTH_SPACE)


def joined_at_separators(entries: list[dict[str, Any]], separator: str) -> list[dict[str, Any]]:
    """``entries`` of the search index whose title and text drop each zero-width space that
    is next to a character the search ``separator`` (a regular expression) splits at; as
    they are if it is not one Python reads."""
    try:
        splits = re.compile(separator)
    except re.error:
        return entries
    return [
        {**entry, **{key: _joined(entry[key], splits) for key in ("title", "text") if key in entry}}
        for entry in entries
    ]


def _joined(text: str, splits: re.Pattern[str]) -> str:
    def kept(found: re.Match[str]) -> str:
        before, after = text[found.start() - 1 : found.start()], text[found.end() : found.end() + 1]
        sides = (side for side in (before, after) if side and side != ZERO_WIDTH_SPACE)
        return "" if any(splits.fullmatch(side) for side in sides) else ZERO_WIDTH_SPACE

    return WORD_END.sub(kept, text)
