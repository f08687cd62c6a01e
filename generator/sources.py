"""Read one source file safely: a regular file, of a sane size, UTF-8, with no hidden characters.

Trainers' editors save in many ways. A named pipe would make a plain ``read()`` wait
forever, a 10 MB paste takes minutes to parse, GBK, Big5 and UTF-16 (Chinese Windows
editors) fail to decode, a Word document or a picture saved under a page's name is no text
at all, and characters YAML forbids or that editors do not show as line breaks
(U+2028) would move every line number after them. An editor that opened or pasted text in
the wrong encoding leaves U+FFFD where characters were lost, which would be published as
it shows. Each is one problem at its line and column, with what to do about it. A UTF-8
byte-order mark is accepted and dropped.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from generator.errors import Problem
from generator.source_encodings import (
    decoded,
    guess_encoding,
    pasted_lines,
    pasted_message,
    wide_encoding,
)

MAX_SOURCE_BYTES = 1024 * 1024
"""The largest page or quiz accepted; the real ones are about 30 KB."""


@dataclass(frozen=True)
class TooLarge:
    """How a file over MAX_SOURCE_BYTES is told so, as what it is: ``message`` holds the
    file's ``{size}`` and the ``{limit}``, both in MB."""

    message: str
    fix: str
    code: str


PAGE_OR_QUIZ_TOO_LARGE = TooLarge(
    "the file is {size:.1f} MB; a page or quiz may be at most {limit} MB",
    "split it into smaller modules, or remove what was pasted in by mistake",
    "source.too-large",
)
UTF8_BOM = b"\xef\xbb\xbf"

COPY_THE_TEXT = (
    "copy its text into a text editor such as Notepad or VS Code and save it under this name "
    "with the encoding 'UTF-8'"
)
PICTURE_FIX = (
    "move it into course/images/ and show it from a page with ![what it shows](images/name.png); "
    "this name is for a page or quiz saved as text"
)
NOT_TEXT = (
    (b"PK\x03\x04", "a Word document (.docx) or another Office file", COPY_THE_TEXT),
    (b"\xd0\xcf\x11\xe0", "an older Word document (.doc) or Office file", COPY_THE_TEXT),
    (b"%PDF", "a PDF document", COPY_THE_TEXT),
    (b"\x89PNG", "a PNG picture", PICTURE_FIX),
    (b"\xff\xd8\xff", "a JPEG picture", PICTURE_FIX),
)
"""How common files that are not text begin, what they are and what to do about it."""
UNKNOWN_NOT_TEXT = (
    "a picture, a program or a compressed file",
    "replace it with the page or quiz it is named after, saved with the encoding 'UTF-8'",
)
FORBIDDEN = re.compile(
    "[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029\ufeff]"
)
"""What YAML forbids in a stream (C0 and C1 controls, DEL, U+FFFE, U+FFFF), and what YAML
and Python count as line breaks but editors do not show as one (U+0085, U+2028, U+2029),
and a byte-order mark anywhere but at the start."""
DELETE_IT = "delete it; most editors show it only with 'show invisible characters' turned on"
DELETE_IT_AND_RETYPE = (
    "delete it (most editors show it only with 'show invisible characters' turned on), then "
    "type again the character it cut in two, shown broken (as \ufffd) on either side of it"
)
SAVE_AS_UTF8 = "open it in your editor and save it with the encoding 'UTF-8'"
RETYPE_THE_LINE = (
    "open the file as UTF-8 (Notepad++: Encoding > UTF-8; VS Code: Reopen with Encoding > "
    "UTF-8), type that text again where it shows as \ufffd or garbled, then save; saving the "
    "whole file as UTF-8 again would not mend it"
)
LOST_CHARACTERS = (
    "the file contains \ufffd (U+FFFD), which an editor puts where characters were lost when "
    "the file was opened or pasted with the wrong encoding"
)
RETYPE_LOST = (
    "type the lost characters again in place of each \ufffd, or copy them again from the file "
    "they came from, opened in its own encoding"
)
CUT_SHORT = (
    "the file ends part-way through a character: the last save, or copy, was cut short "
    "(the rest of the file is UTF-8)"
)
CUT_SHORT_FIX = (
    "open it in your editor, delete the broken character at its end and type it again, then save"
)


def read_source(
    path: Path, shown: Path, too_large: TooLarge = PAGE_OR_QUIZ_TOO_LARGE
) -> str | Problem:
    """The text of the file at ``path`` (named ``shown`` in messages), or what is wrong; a
    file too large is told so in the words of ``too_large``."""
    data = _read_bytes(path, shown, too_large)
    if isinstance(data, Problem):
        return data
    return decode_source(data, shown)


def decode_source(data: bytes, shown: Path) -> str | Problem:
    """The text of ``data``, the bytes of the file named ``shown``, or what is wrong.

    Its lines end in ``\n`` alone, as YAML and Python-Markdown read them: both take a
    ``\r`` as a line's end too, and a file saved with ``\r`` alone (classic Mac OS) was
    one line long to every check that counts lines, which then named lines past its end.
    """
    text = _decode(data.removeprefix(UTF8_BOM), shown)
    if isinstance(text, Problem):
        return text
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    forbidden = FORBIDDEN.search(text)
    if forbidden is not None:
        return _forbidden_character(text, forbidden.start(), shown)
    if "\ufffd" in text:
        return _lost_characters(text, shown)
    return text


def _read_bytes(path: Path, shown: Path, too_large: TooLarge) -> bytes | Problem:
    """Open without blocking (a named pipe would wait for a writer), then check what it is."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        return unreadable(error, (shown, 1, 1))
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            return _problem(
                shown,
                f"this is not an ordinary file but {file_kind(info.st_mode)}",
                "delete it, or replace it with the page or quiz file it is named after",
                "source.not-a-file",
            )
        with os.fdopen(descriptor, "rb", closefd=False) as handle:
            data = handle.read(MAX_SOURCE_BYTES + 1)
    finally:
        os.close(descriptor)
    if len(data) > MAX_SOURCE_BYTES:
        size = max(info.st_size, len(data)) / (1024 * 1024)
        message = too_large.message.format(size=size, limit=MAX_SOURCE_BYTES // (1024 * 1024))
        return _problem(shown, message, too_large.fix, too_large.code)
    return data


def file_kind(mode: int) -> str:
    """What a file that is not an ordinary one is, in words: "a folder", "a named pipe"."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a device"


def _decode(data: bytes, shown: Path) -> str | Problem:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        stray = _stray_zero_bytes(data, error.start, shown)
        if stray is not None:
            return stray
        not_text = _not_text(data)
        if not_text is not None:
            kind, fix = not_text
            return _problem(
                shown, f"this is not a text file (it looks like {kind})", fix, "source.not-text"
            )
        line, column = _byte_position(data, error.start)
        if error.end == len(data) and error.reason == "unexpected end of data":
            return Problem(shown, line, column, CUT_SHORT, CUT_SHORT_FIX, "source.not-utf8")
        guess = guess_encoding(data, error.start)
        pasted = pasted_lines(data)
        if pasted is None:
            said = "the file is not saved as UTF-8" + (f" ({guess})" if guess else "")
            return Problem(shown, line, column, said, SAVE_AS_UTF8, "source.not-utf8")
        return Problem(
            shown, line, column, pasted_message(pasted, guess), RETYPE_THE_LINE, "source.not-utf8"
        )


def _not_text(data: bytes) -> tuple[str, str] | None:
    """What a file that is not text at all most likely is, and what to do about it: a known
    kind by how it begins, or any file with zero bytes that is not UTF-16 or UTF-32 text."""
    for start, kind, fix in NOT_TEXT:
        if data.startswith(start):
            return kind, fix
    if b"\x00" in data and wide_encoding(data) is None:
        return UNKNOWN_NOT_TEXT
    return None


def _stray_zero_bytes(data: bytes, start: int, shown: Path) -> Problem | None:
    """The first zero byte of a file that is UTF-8 but for its zero bytes, and no UTF-16 or
    UTF-32 text, told as the invisible character (U+0000) it is, as one between characters
    is (:func:`_forbidden_character`). UTF-8 broke at ``start``: when no zero byte comes
    before it, the first one cuts the character there in two, which an editor shows broken
    and writes back as it shows it, so deleting the zero byte does not mend it."""
    rest = decoded(data.replace(b"\x00", b""), "utf-8")
    if rest is None or wide_encoding(data) is not None:
        return None
    offset = data.index(b"\x00")
    count = data.count(0) + len(FORBIDDEN.findall(rest))
    fix = DELETE_IT_AND_RETYPE if offset >= start else DELETE_IT
    return _invisible(shown, _byte_position(data, offset), "\x00", count, fix)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters) of the byte at ``offset``; a line ends in LF, CR LF
    or CR alone, as the text is read (:func:`decode_source`)."""
    before = data[:offset].replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    line_start = before.rfind(b"\n") + 1
    column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
    return before.count(b"\n") + 1, column


def _forbidden_character(text: str, offset: int, shown: Path) -> Problem:
    line_start = text.rfind("\n", 0, offset) + 1
    at = (text.count("\n", 0, offset) + 1, offset - line_start + 1)
    return _invisible(shown, at, text[offset], len(FORBIDDEN.findall(text)), DELETE_IT)


def _lost_characters(text: str, shown: Path) -> Problem:
    """The first U+FFFD of ``text``, at its line and column, with how many there are."""
    offset = text.index("\ufffd")
    line_start = text.rfind("\n", 0, offset) + 1
    count = text.count("\ufffd")
    more = f" ({count} in the file)" if count > 1 else ""
    at = (text.count("\n", 0, offset) + 1, offset - line_start + 1)
    return Problem(shown, *at, LOST_CHARACTERS + more, RETYPE_LOST, "source.lost-characters")


def _invisible(shown: Path, at: tuple[int, int], char: str, count: int, fix: str) -> Problem:
    """``char``, one of ``count`` characters FORBIDDEN in the file, at its line and column."""
    name = unicodedata.name(char, "") or (
        "a control character" if unicodedata.category(char) == "Cc" else "not a character"
    )
    more = f" ({count} in the file)" if count > 1 else ""
    return Problem(
        shown,
        *at,
        f"the file contains U+{ord(char):04X} ({name}), an invisible character that is "
        f"not allowed in a course file{more}",
        fix,
        "source.forbidden-character",
    )


def unreadable(error: OSError, at: tuple[Path, int, int], what: str = "the file") -> Problem:
    """``what``, a file the system would not let us read (``error``), reported ``at`` a
    file, line and column: the file's start, or where a page links to it. A link that
    leads nowhere is said to be one: told that the file is missing, a trainer would
    create it, and write through the link."""
    link = error.filename if isinstance(error.filename, str | Path) else None
    if link is not None and error.errno in {errno.ENOENT, errno.ELOOP} and os.path.islink(link):
        target = os.readlink(link)
        leads = "round to itself" if error.errno == errno.ELOOP else "to nothing"
        return Problem(
            *at,
            f"{what} is a link to '{target}', which leads {leads}",
            "delete the link and put the file itself in its place, or make the link "
            "point to a file that exists",
            "source.broken-link",
        )
    return Problem(
        *at,
        f"{what} cannot be read ({error.strerror})",
        "check that it exists and that you may read it",
        "source.unreadable",
    )


def _problem(shown: Path, message: str, fix: str, code: str) -> Problem:
    """A problem with the file as a whole, reported at its start."""
    return Problem(shown, 1, 1, message, fix, code)
