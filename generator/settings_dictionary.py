"""What is in the search's Chinese dictionaries, read line by line as jieba reads them.

``check`` only looked that a dictionary (``jieba_dict``, ``jieba_dict_user``) was a file it
could open: one jieba could not read stopped the build, told at the setting's line of
mkdocs.yml, and a user dictionary's line jieba misreads did nothing, without a word. Each
line is read here as jieba 0.42 reads it (``Tokenizer.gen_pfdict`` for the main dictionary,
``Tokenizer.load_userdict`` for the user's), and what it refuses is told at the
dictionary's own line, by ``check``, the build and the preview alike (the build checks the
course first: jieba never meets the file).

The main dictionary is jieba's own kind of file: each line a word, one space, its frequency
(a whole number), then anything (its tag). A blank line, a word without a frequency, a
frequency that is no whole number, and a file that is not UTF-8 stop jieba as it loads it;
a frequency below 0, or none above 0 in the whole file, stop it as it splits a page (Python's
``math domain error``). A user dictionary's lines jieba reads with a pattern that cannot
fail: a frequency that is no number (``书面 3x``) or a tag in capitals (``书面 3 N``) becomes
part of the word, which then holds a space and is never found in a page (a warning). So is
a byte-order mark at the start of a main dictionary (Notepad's "UTF-8 with BOM"), which
jieba keeps as part of the first word; from a user dictionary it drops it.

Reading is cheap, as ``check`` runs on every save of the preview: jieba's own dictionary
(350,000 lines) is not loaded into jieba (a second and more), and the lines are matched in
runs by one regular expression, those it does not take alone read one by one as jieba does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from generator.errors import Problem, Severity
from generator.project import TERMS_FILE
from generator.source_encodings import decoded

MAIN, USER = "jieba_dict", "jieba_dict_user"
ASCII_SPACE = " \t\n\r\x0b\x0c"
"""What jieba strips from each line's ends: it strips the line's bytes, before decoding them."""
MAIN_LINES = re.compile(r"(?:[^\s][^ \n]* [0-9]+(?: [^\n]*)?\r?\n)*")
"""A run of main dictionary lines jieba reads: a word, one space, its frequency."""
USER_LINES = re.compile(r"(?:[ \t\r\x0b\x0c]*(?:[^\s]+(?: [0-9]+)?(?: [a-z]+)?)?\r?\n)*")
"""A run of user dictionary lines jieba reads as meant: blank, or a word without a space,
then its frequency and its tag, if any."""
USER_ENTRY = re.compile("^(.+?)( [0-9]+)?( [a-z]+)?$")
"""jieba's ``re_userdict``: how it reads a user dictionary's line into word, frequency, tag."""
SPACE = re.compile(r"\s")
CODE, WORD_CODE = "settings.search-dictionary", "settings.search-dictionary-word"
STOPS = "and the build would stop on it"
MAIN_FIX = (
    "write each word, one space and its frequency, a whole number of 0 or more (书面 3), as "
    "jieba's own dictionary does; a word without a frequency goes in the user dictionary "
    f"(jieba_dict_user) or in {TERMS_FILE}"
)
UTF8_FIX = "save the file as UTF-8 (in Notepad: Save as, Encoding UTF-8)"
BOM = "\ufeff"
BOM_FIX = (
    "save the file as UTF-8 without a byte-order mark (in Notepad: Save as, Encoding UTF-8, "
    "not UTF-8 with BOM)"
)
USER_FIX = (
    "write the word, then its frequency (a whole number) and its tag (lower-case letters), "
    "each after one space (书面 3 n), or the word alone"
)


@dataclass(frozen=True)
class Entry:
    """What is wrong with a line: where on it (1: its start), and what, for :class:`Problem`."""

    column: int
    message: str
    fix: str = MAIN_FIX
    severity: Severity = Severity.ERROR


Stamp = tuple[int, int]
"""A file's time of change and size: a dictionary saved again is read again."""


def dictionary_entry_problems(setting: str, path: Path, shown: Path) -> list[Problem]:
    """What jieba would refuse or misread in the dictionary ``path`` (``shown`` as the trainer
    sees it) named by ``setting``; nothing when it cannot be read (told elsewhere)."""
    try:
        found = path.stat()
    except OSError:
        return []
    return list(_entry_problems(setting, path, shown, (found.st_mtime_ns, found.st_size)))


@lru_cache(maxsize=4)
def _entry_problems(setting: str, path: Path, shown: Path, stamp: Stamp) -> tuple[Problem, ...]:
    """:func:`dictionary_entry_problems` of the file as saved at ``stamp``: read once for the
    check's problems and its warnings, and once a save in the preview."""
    try:
        data = path.read_bytes()
    except OSError:
        return ()
    return tuple(
        Problem(shown, line, entry.column, entry.message, entry.fix, _code(entry), entry.severity)
        for line, entry in _entries(setting, data)
    )


def _code(entry: Entry) -> str:
    return WORD_CODE if entry.severity is Severity.WARNING else CODE


def _entries(setting: str, data: bytes) -> list[tuple[int, Entry]]:
    """Each line of ``data``, the dictionary ``setting`` names, jieba refuses or misreads."""
    text = decoded(data, "utf-8")
    if text is None:
        return [_not_utf8(setting, data)]
    if setting == USER:
        return [
            (number, entry)
            for number, line in _lines_to_read(text, USER_LINES)
            if (entry := _user_entry(line)) is not None
        ]
    return _main_entries(text)


def _not_utf8(setting: str, data: bytes) -> tuple[int, Entry]:
    """The first line of ``data`` that is not UTF-8, as jieba decodes each line alone."""
    number = next(
        number
        for number, line in enumerate(data.split(b"\n"), 1)
        if decoded(line.strip(ASCII_SPACE.encode()), "utf-8") is None
    )
    message = (
        f"this line of the search's Chinese dictionary ({setting}) is not UTF-8 text, the "
        f"only kind jieba reads, {STOPS}"
    )
    return number, Entry(1, message, UTF8_FIX)


def _lines_to_read(text: str, run: re.Pattern[str]) -> Iterator[tuple[int, str]]:
    """Each line of ``text`` (split at line feeds alone, as jieba reads a file) that ``run``,
    runs of lines jieba reads, does not take, and its number; the end of a last line that
    ends the file without a line feed too."""
    start, number = 0, 1
    while start < len(text):
        end = run.match(text, start).end()  # type: ignore[union-attr]  # a run of no line matches too
        number += text.count("\n", start, end)
        if end == len(text):
            return
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        yield number, text[end:line_end]
        start, number = line_end + 1, number + 1


def _main_entries(text: str) -> list[tuple[int, Entry]]:
    """The lines of a main dictionary's ``text`` jieba refuses; the first line when no word
    has a frequency above 0 (the file empty too), which jieba splits no text with."""
    found: list[tuple[int, Entry]] = []
    above_zero = re.search(r"^[^\s][^ \n]* 0*[1-9]", text, re.M) is not None
    for number, line in _lines_to_read(text, MAIN_LINES):
        entry, frequency = _main_entry(line)
        if entry is not None:
            found.append((number, entry))
        above_zero = above_zero or frequency > 0
    if not found and not above_zero:
        message = (
            f"the search's Chinese dictionary ({MAIN}) gives no word a frequency above 0 (or "
            f"holds none), so jieba can split no page with it, {STOPS}"
        )
        found.append((1, Entry(1, message)))
    if text.startswith(BOM):
        found.insert(0, (1, _byte_order_mark(text)))
    return found


def _byte_order_mark(text: str) -> Entry:
    """A warning for a main dictionary's ``text`` that starts with a byte-order mark, which
    jieba keeps (it drops it from a user dictionary only) as part of the first word."""
    word = text[1:].split("\n", 1)[0].strip(ASCII_SPACE).split(" ", 1)[0]
    message = (
        f"the search's Chinese dictionary ({MAIN}) starts with a byte-order mark, which jieba "
        f"reads as part of its first word, '{word}': no page is split into that word"
    )
    return Entry(1, message, BOM_FIX, Severity.WARNING)


def _main_entry(line: str) -> tuple[Entry | None, int]:
    """What jieba refuses in ``line`` of a main dictionary, and the frequency it gives."""
    parts = line.strip(ASCII_SPACE).split(" ")
    word = parts[0]
    if len(parts) < 2:
        if not word:
            message = f"a blank line in the search's Chinese dictionary ({MAIN}), {STOPS}"
            return Entry(1, message, "delete the line"), 0
        message = f"the word '{word}' has no frequency after it in the search's Chinese"
        return Entry(1, f"{message} dictionary ({MAIN}), {STOPS}"), 0
    column = len(line) - len(line.lstrip(ASCII_SPACE)) + len(word) + 2
    try:
        frequency = int(parts[1])
    except ValueError:
        what = f"the frequency of '{word}' is '{parts[1]}', not a whole number,"
        if not parts[1]:
            what = f"two spaces follow the word '{word}', where jieba reads its frequency,"
        return Entry(column, f"{what} in the search's Chinese dictionary ({MAIN}), {STOPS}"), 0
    if frequency < 0:
        message = (
            f"the frequency of '{word}' is {frequency}, below 0, in the search's Chinese "
            f"dictionary ({MAIN}), and the build would stop on a page that holds the word "
            "(jieba fails on it: 'math domain error')"
        )
        return Entry(column, message), 0
    return None, frequency


def _user_entry(line: str) -> Entry | None:
    """A warning for ``line`` of a user dictionary when jieba reads a word with a space from
    it, which it never finds in a page."""
    line = line.strip(ASCII_SPACE).lstrip(BOM)
    if not line:
        return None
    word = USER_ENTRY.match(line).group(1)  # type: ignore[union-attr]  # .+? takes any line
    if not SPACE.search(word):
        return None
    message = (
        f"jieba reads the word '{word}' from this line of the search's user dictionary "
        f"({USER}), space and all, and never finds it in a page: the line does nothing"
    )
    return Entry(1, message, USER_FIX, Severity.WARNING)
