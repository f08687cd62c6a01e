"""Slips of the keyboard in a link's address that leave it naming no file: a full-width
'＃' or a space before the '#' of a section, a title in curly quotes, a page's name
without '.md' or with '.MD'.

Python-Markdown takes ``[探索](03-explore.md #listening)``,
``[探索](03-explore.md＃listening)`` and ``![图](images/eodc.png “EODC”)`` whole for the
address (only a title in straight quotes, ``"EODC"``, is a title), so the site looks for
a file of that name and the link leads nowhere. A quiz's ``review:`` link is told the
same slips (:mod:`generator.schema_patterns`). Each slip is told with the address meant,
fixed of the slips before it too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from posixpath import splitext

FULL_WIDTH_HASH = "＃"
SPACE_BEFORE_HASH = re.compile(r"(?P<path>\S+)\s+(?P<section>#\S*)")
"""An address with a space before its section: ``03-explore.md #listening``."""
CURLY_TITLE = re.compile(r"(?P<path>\S+)\s+(?P<title>[“‘「『＂](?P<text>.*)[”’」』＂])")
"""An address followed by a title in curly or full-width quotes: ``eodc.png “EODC”``."""
PAGE_SUFFIX = ".md"

IsPage = Callable[[str], object]
"""Whether a page's file (``03-explore.md``) is one a link may name."""


@dataclass(frozen=True)
class Slip:
    fixed: str
    """The address as meant."""
    wrong: str
    """What is wrong, in words."""
    how: str
    """How to fix it, in words."""


def address_slips(address: str, is_page: IsPage) -> list[Slip]:
    """The slips of ``address``, in the order they are fixed: the last one's ``fixed`` is
    the address meant. A page's name is fixed only to a page ``is_page`` knows."""
    slips: list[Slip] = []
    for find in (_full_width_hash, _space_before_hash, _curly_title, _page_suffix):
        slip = find(slips[-1].fixed if slips else address, is_page)
        if slip is not None:
            slips.append(slip)
    return slips


def _full_width_hash(address: str, is_page: IsPage) -> Slip | None:
    if FULL_WIDTH_HASH not in address:
        return None
    section = address[address.index(FULL_WIDTH_HASH) :]
    return Slip(
        address.replace(FULL_WIDTH_HASH, "#"),
        f"the '{FULL_WIDTH_HASH}' is typed full-width, so the site reads '{section}' as part "
        "of the file's name, not as a section",
        "type '#' half-width",
    )


def _space_before_hash(address: str, is_page: IsPage) -> Slip | None:
    found = SPACE_BEFORE_HASH.fullmatch(address)
    if found is None:
        return None
    return Slip(
        found["path"] + found["section"],
        f"the space before '{found['section']}' makes the site read it as part of the "
        "file's name, not as a section",
        "remove the space before '#'",
    )


def _curly_title(address: str, is_page: IsPage) -> Slip | None:
    found = CURLY_TITLE.fullmatch(address)
    if found is None:
        return None
    return Slip(
        f'{found["path"]} "{found["text"]}"',
        f"the title {found['title']} is in curly quotes, so the site reads it as part of "
        "the file's name",
        "a title goes in straight double quotes",
    )


def _page_suffix(address: str, is_page: IsPage) -> Slip | None:
    """A page's name without '.md' (``03-explore``) or with it in capitals (``.MD``)."""
    path, mark, section = address.partition("#")
    stem, suffix = splitext(path)
    if not path or suffix == PAGE_SUFFIX or suffix.lower() not in {"", PAGE_SUFFIX}:
        return None
    page = f"{stem}{PAGE_SUFFIX}"
    if not is_page(page):
        return None
    how = "write '.md' in small letters" if suffix else "add '.md' after the page's name"
    wrong = f"the page's file is named {page}, '.md' {'in small letters' if suffix else 'included'}"
    return Slip(page + mark + section, wrong, how)
