"""What jieba cannot read in the search's Chinese dictionaries is told by ``check`` at the
dictionary's own line, as the build tells it (generator/settings_dictionary.py).

``check`` looked only that a dictionary was a file: one jieba could not read stopped the
build, told at the setting's line of mkdocs.yml, and a user dictionary's line jieba
misreads did nothing, without a word. Each case is also put to jieba itself, so that the
check reads the lines as jieba reads them.
"""

from __future__ import annotations

import math
from pathlib import Path

import jieba
import pytest

from generator.project import Project
from generator.search_dictionary import load_dictionaries
from generator.settings_dictionary import USER_ENTRY, dictionary_entry_problems
from tests.conftest import NO_SITE, run_generator
from tests.test_settings_printed_raw import edit_settings

STOPS = "and the build would stop on it"
MAIN_FIX = (
    "write each word, one space and its frequency, a whole number of 0 or more (书面 3), as "
    "jieba's own dictionary does; a word without a frequency goes in the user dictionary "
    "(jieba_dict_user) or in search-terms.txt [settings.search-dictionary]"
)
IN_MAIN = "in the search's Chinese dictionary (jieba_dict)"
UNREAD = pytest.mark.parametrize(
    ("setting", "written", "said"),
    [
        (
            "jieba_dict",
            "客户 100 n\n书面 3.5\n".encode(),
            f"2:4: the frequency of '书面' is '3.5', not a whole number, {IN_MAIN}, {STOPS}; "
            f"{MAIN_FIX}",
        ),
        (
            "jieba_dict",
            "客户 100 n\n\n书面 3\n".encode(),
            f"2:1: a blank line {IN_MAIN}, {STOPS}; delete the line [settings.search-dictionary]",
        ),
        (
            "jieba_dict",
            "客户 100\n书面\n".encode(),
            f"2:1: the word '书面' has no frequency after it {IN_MAIN}, {STOPS}; {MAIN_FIX}",
        ),
        (
            "jieba_dict",
            "客户  100\n".encode(),
            f"1:4: two spaces follow the word '客户', where jieba reads its frequency, {IN_MAIN}, "
            f"{STOPS}; {MAIN_FIX}",
        ),
        (
            "jieba_dict",
            "客户 100\n开篇 -3\n".encode(),
            f"2:4: the frequency of '开篇' is -3, below 0, {IN_MAIN}, and the build would stop "
            f"on a page that holds the word (jieba fails on it: 'math domain error'); {MAIN_FIX}",
        ),
        (
            "jieba_dict",
            "客户 0\n书面 0 n\n".encode(),
            "1:1: the search's Chinese dictionary (jieba_dict) gives no word a frequency above 0 "
            f"(or holds none), so jieba can split no page with it, {STOPS}; {MAIN_FIX}",
        ),
        (
            "jieba_dict_user",
            "客户 100\n书面 3\n".encode() + "情景 3\n".encode("gbk"),
            "3:1: this line of the search's Chinese dictionary (jieba_dict_user) is not UTF-8 "
            f"text, the only kind jieba reads, {STOPS}; save the file as UTF-8 (in Notepad: Save "
            "as, Encoding UTF-8) [settings.search-dictionary]",
        ),
    ],
    ids=["frequency", "blank-line", "no-frequency", "two-spaces", "below-0", "all-0", "not-utf-8"],
)
"""Dictionaries jieba cannot read, and what ``check`` says of each, after ``words.txt:``."""


def with_dictionary(project: Path, setting: str, written: bytes) -> None:
    (project / "words.txt").write_bytes(written)
    edit_settings(project, "  - search:\n", f"  - search:\n      {setting}: words.txt\n")


@UNREAD
def test_a_dictionary_jieba_cannot_read_is_told_at_its_line_by_check_and_the_build(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    setting: str,
    written: bytes,
    said: str,
) -> None:
    """``check`` said OK, and the build stopped at the setting's line of mkdocs.yml."""
    with_dictionary(minimal_project, setting, written)
    assert run_generator(minimal_project, "check") == 1
    assert capsys.readouterr().err.splitlines() == [f"words.txt:{said}", "FAILED: 1 problem"]
    assert run_generator(minimal_project, "build") == 1
    built = capsys.readouterr().err.splitlines()
    assert built == [f"words.txt:{said}", "FAILED: 1 problem", NO_SITE]


@UNREAD
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # jieba's file
@pytest.mark.usefixtures("jieba_kept")
def test_jieba_itself_cannot_read_what_check_refuses(
    tmp_path: Path, setting: str, written: bytes, said: str
) -> None:
    """As it loads the dictionary, or as it splits a page holding its words."""
    (tmp_path / "words.txt").write_bytes(written)
    named = str(tmp_path / "words.txt")
    dictionaries = (named, None) if setting == "jieba_dict" else (None, named)
    with pytest.raises(ValueError):  # 'math domain error' too
        load_dictionaries(Project(tmp_path), dictionaries, [])
        jieba.lcut("客户开篇的书面情景")


READ = [
    "客户 100 n\n书面 3\n",
    "客户 100 n\r\n书面 3\r\n",  # saved on Windows
    "客户 100 n \n  书面 3\n",  # spaces at a line's ends, which jieba strips
    "客户 +100\n书面 ３ n\n",  # what Python's int() reads
    "客户 100 n\n书面 3",  # no line feed at the end
    "客户 100 n\n书面 3 N\n",  # a main dictionary's tag is anything
]


@pytest.mark.parametrize("written", READ)
@pytest.mark.usefixtures("jieba_kept")
def test_a_main_dictionary_jieba_reads_passes(tmp_path: Path, written: str) -> None:
    (tmp_path / "words.txt").write_text(written, encoding="utf-8")
    path = tmp_path / "words.txt"
    assert dictionary_entry_problems("jieba_dict", path, path) == []
    load_dictionaries(Project(tmp_path), (str(path), None), [])
    assert jieba.lcut("客户书面") == ["客户", "书面"]
    assert math.isfinite(jieba.dt.total)


@pytest.mark.parametrize(
    ("line", "word"),
    [
        ("书面 3x", "书面 3x"),
        ("课程 3 N", "课程 3 N"),
        ("开篇\t3", "开篇\t3"),
        ("情景  3", "情景 "),
    ],
)
def test_a_user_dictionary_s_word_read_with_a_space_is_a_warning_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], line: str, word: str
) -> None:
    """jieba read the frequency or the tag as part of the word, which no page is then split
    into: the line did nothing, without a word."""
    written = f"\ufeff客户 100 n\n\n{line}\n书面\n"  # a BOM, which jieba drops
    with_dictionary(minimal_project, "jieba_dict_user", written.encode())
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err
    warnings = [line for line in capsys.readouterr().err.splitlines() if "words.txt" in line]
    assert warnings == [
        f"words.txt:3:1: warning: jieba reads the word '{word}' from this line of the search's "
        "user dictionary (jieba_dict_user), space and all, and never finds it in a page: the "
        "line does nothing; write the word, then its frequency (a whole number) and its tag "
        "(lower-case letters), each after one space (书面 3 n), or the word alone "
        "[settings.search-dictionary-word]"
    ]
    assert run_generator(minimal_project, "check", "--strict") == 1


def test_a_user_dictionary_s_lines_are_read_with_jieba_s_own_pattern() -> None:
    assert USER_ENTRY.pattern == jieba.re_userdict.pattern


def test_jieba_s_own_dictionary_passes_as_a_main_and_a_user_one() -> None:
    path = Path(jieba.__file__).parent / jieba.DEFAULT_DICT_NAME
    assert dictionary_entry_problems("jieba_dict", path, path) == []
    assert dictionary_entry_problems("jieba_dict_user", path, path) == []


@pytest.mark.usefixtures("jieba_kept")
def test_a_main_dictionary_s_byte_order_mark_is_a_warning_naming_the_word_it_hides(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Notepad's "UTF-8 with BOM": jieba reads the mark as part of the first word, which no
    page is then split into, and check said nothing."""
    written = "\ufeff客户开篇 100000 n\n书面 3\n".encode()
    with_dictionary(minimal_project, "jieba_dict", written)
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err
    warnings = [line for line in capsys.readouterr().err.splitlines() if "words.txt" in line]
    assert warnings == [
        "words.txt:1:1: warning: the search's Chinese dictionary (jieba_dict) starts with a "
        "byte-order mark, which jieba reads as part of its first word, '客户开篇': no page is "
        "split into that word; save the file as UTF-8 without a byte-order mark (in Notepad: "
        "Save as, Encoding UTF-8, not UTF-8 with BOM) [settings.search-dictionary-word]"
    ]
    load_dictionaries(Project(minimal_project), (str(minimal_project / "words.txt"), None), [])
    assert "客户开篇" not in jieba.lcut("客户开篇的书面")
