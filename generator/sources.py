"""Read one source file safely: a regular file, of a sane size, UTF-8, with no hidden characters.

Trainers' editors save in many ways. A named pipe would make a plain ``read()`` wait
forever, a 10 MB paste takes minutes to parse, GBK, Big5 and UTF-16 (Chinese Windows
editors) fail to decode, a Word document or a picture saved under a page's name is no text
at all, and characters YAML forbids or that editors do not show as line breaks
(U+2028) would move every line number after them. Each is one problem at its line and
column, with what to do about it. A UTF-8 byte-order mark is accepted and dropped.
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
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
WIDE_ENCODINGS = (("utf-32", "UTF-32"), ("utf-16", "UTF-16, which Windows calls 'Unicode'"))
"""Encodings of text that hold zero bytes, as Python names them (with or without a byte
order mark) and as a trainer knows them; UTF-32 first, as its mark starts like UTF-16's."""
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
WIDE_ZERO_SHARE = 64
"""UTF-16 text has at least one zero byte in this many (one per ASCII character: spaces,
line ends, Markdown; the course's pages have one in 4 to 8, Chinese prose one in 14),
nearly all at even or all at odd places; UTF-8 text with a stray zero byte has fewer."""
WIDE_ZERO_LEAST = 4
"""Fewer zero bytes than this are strays, whatever their places."""
NOT_ASCII = re.compile(rb"[\x80-\xff]+")
"""A run of bytes that are not ASCII: a character in UTF-8, GBK or Latin-1 (or several)."""
SAVE_AS_UTF8 = "open it in your editor and save it with the encoding 'UTF-8'"
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
        guess = _guess_encoding(data, error.start)
        return Problem(
            shown,
            line,
            column,
            "the file is not saved as UTF-8" + (f" ({guess})" if guess else ""),
            SAVE_AS_UTF8,
            "source.not-utf8",
        )


def _guess_encoding(data: bytes, start: int) -> str | None:
    """What the bytes that are not UTF-8, from ``start``, most likely are, in words a
    trainer recognises; None when they read plausibly in none of the encodings named."""
    wide = _wide_encoding(data)
    if wide is not None:
        return f"it looks like {wide}"
    legacy = _lines_not_utf8(data, start)
    if _reads_as_big5(legacy):
        return "it looks like Big5, the encoding traditional Chinese Windows editors use"
    if _reads_as_gbk(legacy):
        return "it looks like GBK, the encoding Chinese Windows editors use by default"
    if _reads_as_latin1(NOT_ASCII.match(data, start)):
        return "it looks like Latin-1 or Windows-1252"
    return None


def _not_text(data: bytes) -> tuple[str, str] | None:
    """What a file that is not text at all most likely is, and what to do about it: a known
    kind by how it begins, or any file with zero bytes that is not UTF-16 or UTF-32 text."""
    for start, kind, fix in NOT_TEXT:
        if data.startswith(start):
            return kind, fix
    if b"\x00" in data and _wide_encoding(data) is None:
        return UNKNOWN_NOT_TEXT
    return None


def _wide_encoding(data: bytes) -> str | None:
    """The name of the UTF-16 or UTF-32 encoding ``data`` is in, if it has their byte order
    mark or zero bytes and reads in one as text with no zero character."""
    if not data.startswith(UTF16_BOMS) and not _zeros_of_wide_text(data):
        return None
    for encoding, name in WIDE_ENCODINGS:
        text = decoded(data, encoding)
        if text is not None and "\x00" not in text:
            return name
    return None


def _zeros_of_wide_text(data: bytes) -> bool:
    """Do ``data``'s zero bytes fall as UTF-16's or UTF-32's do? UTF-32 has one in every
    four bytes at least; UTF-16 one in every ASCII character, nearly all at even or all at
    odd places (see WIDE_ZERO_SHARE). A stray zero byte in UTF-8 text (a tool's, a faulty
    copy's) was taken for UTF-16, and the trainer told to save as UTF-8 a file that was."""
    zeros = data.count(0)
    if zeros < WIDE_ZERO_LEAST or zeros * WIDE_ZERO_SHARE < len(data):
        return False
    odd = data[1::2].count(0)
    return zeros * 4 >= len(data) or max(odd, zeros - odd) * 5 >= zeros * 4


def _stray_zero_bytes(data: bytes, start: int, shown: Path) -> Problem | None:
    """The first zero byte of a file that is UTF-8 but for its zero bytes, and no UTF-16 or
    UTF-32 text, told as the invisible character (U+0000) it is, as one between characters
    is (:func:`_forbidden_character`). UTF-8 broke at ``start``: when no zero byte comes
    before it, the first one cuts the character there in two, which an editor shows broken
    and writes back as it shows it, so deleting the zero byte does not mend it."""
    rest = decoded(data.replace(b"\x00", b""), "utf-8")
    if rest is None or _wide_encoding(data) is not None:
        return None
    offset = data.index(b"\x00")
    count = data.count(0) + len(FORBIDDEN.findall(rest))
    fix = DELETE_IT_AND_RETYPE if offset >= start else DELETE_IT
    return _invisible(shown, _byte_position(data, offset), "\x00", count, fix)


def _lines_not_utf8(data: bytes, start: int) -> bytes:
    """The lines from ``start`` on that do not read as UTF-8: text pasted from another file."""
    lines = [line for line in data[start:].split(b"\n") if decoded(line, "utf-8") is None]
    return b"\n".join(lines)


def _reads_as_big5(legacy: bytes) -> bool:
    """Do ``legacy``'s bytes read as Chinese in Big5 and not in GBK? Nearly every Big5 byte
    pair is a GBK pair too, so Big5 must be the only one of the two that decodes them all,
    and to Chinese characters, not letters or symbols."""
    text = decoded(legacy, "big5")
    return (
        text is not None
        and decoded(legacy, "gbk") is None
        and any(unicodedata.category(char) == "Lo" for char in text)
    )


def decoded(data: bytes, encoding: str) -> str | None:
    """``data`` as text in ``encoding``, if every byte of it reads."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _reads_as_gbk(legacy: bytes) -> bool:
    """Do ``legacy``'s bytes all read in GBK, mostly to Chinese characters of GB2312 (the
    common ones, which GBK starts with)? Bytes such as ED A0 80, a lone surrogate encoded,
    make a GBK character of two of them but are no Chinese text."""
    text = decoded(legacy, "gbk")
    chinese = [char for char in text or "" if unicodedata.east_asian_width(char) in {"W", "F"}]
    common = [char for char in chinese if _in_gb2312(char)]
    return bool(chinese) and len(common) * 2 > len(chinese)


def _in_gb2312(char: str) -> bool:
    try:
        char.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _reads_as_latin1(run: re.Match[bytes] | None) -> bool:
    """Do the bytes read as letters (é, ü, ß) in Windows-1252?"""
    text = decoded(run.group(), "cp1252") if run else None
    return bool(text) and all(char.isalpha() for char in text or "")


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
