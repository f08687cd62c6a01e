"""The addresses that CSS and HTML attributes load, read as a browser reads them.

A check that looks for ``https://`` as written misses an address written otherwise that the
browser reads the same: with character references in an HTML attribute
(``https:&#x2F;&#x2F;…``, ``url(&quot;https://…&quot;)``), with a CSS escape (``u\\rl(…)``),
with spaces around it, or with backslashes, which the browser takes for slashes. So the
text is decoded first, each character of the decoded text remembering where it was written
(:class:`Decoded`), and an address is then told at its place in the file, as written.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

ON_COMPUTER = re.compile(r"(?:file:|[a-z]:[\\/]|\\|~[\\/]|/(?:Users|home)/)", re.IGNORECASE)
"""How an address to a file on the trainer's own computer starts: ``file:``, a Windows drive
(``C:\\``, ``C:/``) or folder (``\\资料``, a shared ``\\\\server`` as Markdown leaves it), a
home folder (``~/``, ``/Users/``, ``/home/``)."""

CHARACTER_REFERENCE = re.compile(r"&(?:#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?")
CSS_ESCAPE_OR_COMMENT = re.compile(
    r"\\(?:([0-9a-fA-F]{1,6})(?:\r\n|[ \t\r\n\f])?|(\r\n|[\r\n\f])|(.))|(/\*.*?(?:\*/|\Z))",
    re.DOTALL,
)
"""A CSS escape (``\\72``, ``\\r``), a line continued in a string, or a comment."""
CSS_LOAD = re.compile(
    r"(?:@import\s*(?:url\(\s*)?|\burl\(\s*)"
    r"(?:\"(?P<double>[^\"\n]*)|'(?P<single>[^'\n]*)|(?P<bare>[^\s\"'();]+))",
    re.IGNORECASE,
)
"""What CSS loads with ``url(…)`` or ``@import``, quoted or not."""
IMAGE_SET = re.compile(r"\bimage-set\(((?:[^()]|\([^()]*\))*)", re.IGNORECASE)
"""An ``image-set(…)`` (``-webkit-image-set(…)`` too), whose strings are pictures it loads."""
STRING = re.compile(r"\"(?P<double>[^\"\n]*)\"?|'(?P<single>[^'\n]*)'?")
"""A CSS string, its closing quote too (an unclosed one ends with the line)."""
URL_SPACE = "\x00\x01\x02\x03\x04\x05\x06\x07\x08\t\n\x0b\x0c\r\x0e\x0f\x10\x11\x12\x13\x14\x15"
URL_SPACE += "\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
"""What the browser drops around an address: control characters and spaces."""
ANOTHER_SITE = re.compile(r"(?:https?|wss?|ftp):|(?:(?!file:)[a-z][a-z0-9+.-]*:)?//", re.I)
"""How an address on another site starts, read with backslashes as slashes: ``https:`` (a
web address, ``https:e.example`` too, as the browser reads it), ``//`` (this page's scheme);
not ``file://``, a file on the trainer's computer (:data:`ON_COMPUTER`)."""


@dataclass(frozen=True)
class Decoded:
    """Text decoded from ``origins``' source: ``origins[i]`` is where ``text[i]`` is written,
    ``origins[len(text)]`` where the source ends."""

    text: str
    origins: list[int]

    def then(self, later: Decoded) -> Decoded:
        """``later``, decoded from this text, with its places in this text's source."""
        return Decoded(later.text, [self.origins[index] for index in later.origins])


def decoded(source: str, escape: re.Pattern[str], read: Callable[[re.Match[str]], str]) -> Decoded:
    """``source`` with each match of ``escape`` replaced by what ``read`` makes of it."""
    pieces: list[str] = []
    origins: list[int] = []
    done = 0
    for found in escape.finditer(source):
        value = read(found)
        pieces += [source[done : found.start()], value]
        origins += [*range(done, found.start()), *[found.start()] * len(value)]
        done = found.end()
    pieces.append(source[done:])
    origins += range(done, len(source) + 1)
    return Decoded("".join(pieces), origins)


def html_decoded(value: str) -> Decoded:
    """An HTML attribute's value as the browser reads it: its character references read."""
    return decoded(value, CHARACTER_REFERENCE, lambda found: html.unescape(found[0]))


def css_decoded(css: str) -> Decoded:
    """CSS with its escapes read and each comment a space, as the browser reads it."""
    return decoded(css, CSS_ESCAPE_OR_COMMENT, _css_read)


def _css_read(found: re.Match[str]) -> str:
    hexadecimal, line_break, character, comment = found.groups()
    if hexadecimal:
        code = int(hexadecimal, 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    if comment:
        return " "
    return "" if line_break else character


@dataclass(frozen=True)
class Load:
    """An address that is loaded, as the browser reads it, and where it is written."""

    address: str
    start: int
    end: int


def load_at(text: Decoded, start: int, end: int) -> Load | None:
    """The address ``text.text[start:end]``, without the spaces around it (None if empty)."""
    value = text.text[start:end]
    start += len(value) - len(value.lstrip(URL_SPACE))
    end -= len(value) - len(value.rstrip(URL_SPACE))
    if start >= end:
        return None
    return Load(text.text[start:end], text.origins[start], text.origins[end])


def css_loads(css: Decoded) -> Iterator[Load]:
    """Each address that ``css`` (decoded: :func:`css_decoded`) loads, in order."""
    found = [
        (match.start(group), match.end(group))
        for match in CSS_LOAD.finditer(css.text)
        for group in ("double", "single", "bare")
        if match[group] is not None
    ]
    for image_set in IMAGE_SET.finditer(css.text):
        strings = STRING.finditer(css.text, image_set.start(1), image_set.end(1))
        found += [match.span(str(match.lastgroup)) for match in strings]
    for start, end in sorted(found):
        if (load := load_at(css, start, end)) is not None:
            yield load


def read_elsewhere(address: str) -> str | None:
    """``address`` (as the browser reads it, spaces around it dropped) as the browser reads
    it further, if it loads it from another site: the browser drops tabs and line breaks in
    an address and takes a backslash for a slash. An address that starts with a backslash is
    a file on the trainer's computer (``\\\\server\\share``), told as such
    (:func:`generator.media.computer_file_link`)."""
    read = re.sub(r"[\t\n\r]", "", address).replace("\\", "/")
    if ANOTHER_SITE.match(read) is None or ON_COMPUTER.match(address) is not None:
        return None
    return read
