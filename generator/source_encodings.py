"""What encoding a source file that is not UTF-8 is in, in words a trainer recognises.

A Chinese Windows editor saves in GBK (or Big5) by default, Notepad's 'Unicode' is UTF-16,
and a line pasted from such a file into a UTF-8 one leaves a file no editor reads right.
The guesses only add to the message :mod:`generator.sources` gives; a file none of them
fits is still told it is not UTF-8.
"""

from __future__ import annotations

import re
import unicodedata

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
WIDE_ENCODINGS = (("utf-32", "UTF-32"), ("utf-16", "UTF-16, which Windows calls 'Unicode'"))
"""Encodings of text that hold zero bytes, as Python names them (with or without a byte
order mark) and as a trainer knows them; UTF-32 first, as its mark starts like UTF-16's."""
WIDE_ZERO_SHARE = 64
"""UTF-16 text has at least one zero byte in this many (one per ASCII character: spaces,
line ends, Markdown; the course's pages have one in 4 to 8, Chinese prose one in 14),
nearly all at even or all at odd places; UTF-8 text with a stray zero byte has fewer."""
WIDE_ZERO_LEAST = 4
"""Fewer zero bytes than this are strays, whatever their places."""
NOT_ASCII = re.compile(rb"[\x80-\xff]+")
"""A run of bytes that are not ASCII: a character in UTF-8, GBK or Latin-1 (or several)."""


def pasted_lines(data: bytes) -> list[int] | None:
    """The numbers of the lines that are not UTF-8 in a file mostly UTF-8: text pasted from
    a file in another encoding. Mostly is at least as many lines with characters beyond
    ASCII that read as UTF-8 as lines that do not; None for a file not mostly UTF-8 (GBK
    throughout), which an editor reads in its own encoding and can save as UTF-8. No editor
    reads a mixed file right: saved as UTF-8, its pasted lines come out as \ufffd or its
    UTF-8 lines garbled, so each pasted line must be typed again."""
    if wide_encoding(data) is not None:
        return None
    lines = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n").split(b"\n")
    broken = [number for number, line in enumerate(lines, 1) if decoded(line, "utf-8") is None]
    read = [line for line in lines if NOT_ASCII.search(line) and decoded(line, "utf-8")]
    return broken if len(read) >= len(broken) else None


def pasted_message(lines: list[int], guess: str | None) -> str:
    """What is wrong with a file whose ``lines`` alone are not UTF-8 (``guess``: as what)."""
    shown = ", ".join(map(str, lines[:10])) + (", …" if len(lines) > 10 else "")
    which = f"line {shown} is" if len(lines) == 1 else f"lines {shown} are"
    looks = f" ({guess})" if guess else ""
    return (
        f"{which} not UTF-8, unlike the rest of the file{looks}: text pasted from a file "
        "saved in another encoding"
    )


def guess_encoding(data: bytes, start: int) -> str | None:
    """What the bytes that are not UTF-8, from ``start``, most likely are, in words a
    trainer recognises; None when they read plausibly in none of the encodings named."""
    wide = wide_encoding(data)
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


def wide_encoding(data: bytes) -> str | None:
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
