"""The search's separator is a regular expression both Python and every browser read, or it
is told at its line (generator/settings_search.py).

Material's search worker makes a regular expression of it in the learner's browser:
``'([\\s…]+'`` passed ``check`` and the build, and search stopped working on every page.
What a browser reads is asked of Node's, as a browser's without flags.
"""

from __future__ import annotations

import gc
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import build_variant, check
from generator.errors import CourseError
from generator.project import Project
from generator.publish import scratch_folder
from generator.search_index import DOCUMENTS
from generator.settings_search import (
    COURSE_SEPARATOR,
    search_plugin_warnings,
    separator_problems,
)
from tests.conftest import NO_SITE, PROJECT, run_generator
from tests.test_search_terms import index_text
from tests.test_settings_printed_raw import edit_settings, problems
from tests.test_settings_theme import settings_warnings

READ_JAVASCRIPT = PROJECT / "tests/node/regexp.js"
COURSE_SEPARATOR_WRITTEN = re.search(
    r"^ +separator: '(.+)'$", (PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE
)
"""The course's own separator, written in single quotes (as it is read)."""
READ_BY_BOTH = [
    r"[\s\-]+",
    r"[\s\-,:!=\[\]()/]+|(?!\b)(?=[A-Z][a-z])|\.(?!\d)|&[lg]t;",  # Material's documented one
    r"[\s\-]+?",
    r"(?=a)*",
    r"[[(?P]",
    r"\(?P",
    r"x{,2}+",  # a repeat to Python, '{,2}' and a repeated '}' to a browser
]
"""Separators both read; the course's own too."""
READ_BY_PYTHON_ALONE = {
    r"(?P<word>\s)": "'(?P' at character 1 is a group of Python's own",
    r"(?i)[\s\-]+": "'(?i' at character 1 is a group of Python's own",
    r"[\s\-]+(?#spaces)": "'(?#' at character 8 is a group of Python's own",
    r"(?>\s+)": "'(?>' at character 1 is a group of Python's own",
    r"(a)?(?(1)b|\s)": "'(?(' at character 5 is a group of Python's own",
    r"[\s\-]*+": "'*+' at character 7 is a possessive repeat",
    r"\s{2}+": "'{2}+' at character 3 is a possessive repeat",
}
"""Separators Python reads and a browser refuses, and what the problem says of each."""
BROWSER_ONLY = "which a browser does not read"
SEPARATOR_FIX = (
    "correct the pattern there (close each '(' and '[', and write '\\' before a '[', ']' or "
    "'\\' meant as itself), or undo the last change to mkdocs.yml [settings.search-separator]"
)


def read_by_javascript(patterns: list[str]) -> list[bool]:
    """Whether Node reads each of ``patterns`` as a regular expression."""
    result = subprocess.run(
        ["node", str(READ_JAVASCRIPT)],
        input=json.dumps(patterns),
        capture_output=True,
        text=True,
        check=True,
    )
    read: list[bool] = json.loads(result.stdout)
    return read


def problems_of(separator: str, plugin: str = "search") -> list[str]:
    """What the check says of ``separator``, written under ``plugin`` in a list of plugins."""
    settings = f"plugins:\n  - {plugin}:\n      separator: {json.dumps(separator)}\n"
    return [str(problem) for problem in separator_problems(settings.encode(), Path("mkdocs.yml"))]


def test_a_separator_both_read_passes() -> None:
    assert COURSE_SEPARATOR_WRITTEN is not None
    both = [COURSE_SEPARATOR_WRITTEN.group(1), *READ_BY_BOTH]
    assert read_by_javascript(both) == [True] * len(both)
    assert [problems_of(separator) for separator in both] == [[]] * len(both)


@pytest.mark.parametrize(("separator", "said"), READ_BY_PYTHON_ALONE.items())
def test_a_separator_only_python_reads_is_refused(separator: str, said: str) -> None:
    assert re.compile(separator)
    assert read_by_javascript([separator]) == [False]
    (problem,) = problems_of(separator, "material/search")
    assert f"({said}, {BROWSER_ONLY}): " in problem


def test_a_lookbehind_is_refused_for_older_safari() -> None:
    """Safari before 16.4 reads no lookbehind (eslint.config.mjs keeps them from the
    runtime); Node does."""
    (problem,) = problems_of(r"(?<=\w)(?=[A-Z])")
    assert "('(?<=' at character 1 is a lookbehind, which Safari before 16.4 (WeChat on iOS " in (
        problem
    )


def test_a_separator_python_cannot_read_is_refused() -> None:
    """A browser reads '\\q' as 'q'; the build reads the separator with Python."""
    assert read_by_javascript([r"[\s\q]+"]) == [True]
    assert problems_of(r"[\s\q]+") == [
        "mkdocs.yml:3:18: plugins.search.separator is not a regular expression both the build "
        "(Python) and every browser read (Python says 'bad escape \\q' at character 4): the "
        "search in every page reads it in the learner's browser, and stops working when it "
        f"cannot; {SEPARATOR_FIX}"
    ]


def test_the_separator_is_found_under_a_mapping_of_plugins() -> None:
    settings = b"plugins:\n  search:\n    separator: '[\\s'\n"
    (problem,) = separator_problems(settings, Path("mkdocs.yml"))
    assert (problem.line, problem.column, problem.code) == (3, 16, "settings.search-separator")


def test_the_course_s_separator_broken_fails_check_and_build(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The build wrote the separator into the site, where every page's search failed on it."""
    line = edit_settings(minimal_project, "separator: '&", "separator: '(&")
    expected = (
        f"mkdocs.yml:{line}:18: plugins.search.separator is not a regular expression both the "
        "build (Python) and every browser read (Python says 'missing ), unterminated "
        "subpattern' at character 1): the search in every page reads it in the learner's "
        f"browser, and stops working when it cannot; {SEPARATOR_FIX}"
    )
    assert problems(minimal_project, capsys).splitlines() == [expected, "FAILED: 1 problem"]
    built = problems(minimal_project, capsys, "build").splitlines()
    assert built == [expected, "FAILED: 1 problem", NO_SITE]


def test_a_separator_an_environment_variable_gives_is_checked(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MOT_SEPARATOR", "[\\s")
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    written = re.sub(r"separator: '.*'", "separator: !ENV MOT_SEPARATOR", text)
    settings.write_text(written, encoding="utf-8")
    problem, _ = problems(minimal_project, capsys).splitlines()
    assert "(Python says 'unterminated character set' at character 1)" in problem
    assert "; its value comes from the environment variable MOT_SEPARATOR; " in problem
    monkeypatch.setenv("MOT_SEPARATOR", "[\\s]+")
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err


UNREAD_DICTIONARIES = pytest.mark.parametrize(
    ("setting", "written", "said"),
    [
        ("jieba_dict_user", "书面 3\n".encode("gbk"), "dictionary file {file} must be utf-8"),
        (
            "jieba_dict",
            "# 课程术语\n".encode(),
            "invalid dictionary entry in {file} at Line 1: # 课程术语",
        ),
    ],
    ids=["not-utf-8", "not-a-dictionary"],
)
"""Dictionaries jieba cannot read, and what it says of each."""
DICTIONARY_READ_FIX = (
    "name a UTF-8 file of one word a line (then its frequency and tag, if any), or delete the "
    "setting: the course's own terms go in search-terms.txt [settings.search-dictionary]"
)


@UNREAD_DICTIONARIES
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # jieba's file
@pytest.mark.usefixtures("jieba_kept")  # the process's next builds read jieba's own
def test_a_search_dictionary_jieba_cannot_read_as_the_site_is_built_is_told_at_its_line(
    minimal_project: Path, setting: str, written: bytes, said: str
) -> None:
    """The build ended in jieba's traceback, reported as a failure of the generator's. The
    check before it now tells what jieba cannot read (tests/test_settings_dictionary.py):
    here the dictionary is saved again between the check and the site's build."""
    (minimal_project / "terms.txt").write_text("书面 3\n", encoding="utf-8")
    line = edit_settings(
        minimal_project, "  - search:\n", f"  - search:\n      {setting}: terms.txt\n"
    )
    project = Project(minimal_project)
    checked = check(project)
    (minimal_project / "terms.txt").write_bytes(written)
    with scratch_folder(project) as scratch, pytest.raises(CourseError) as failure:
        build_variant(checked, scratch)
    reported = [str(problem) for problem in failure.value.problems]
    del failure
    gc.collect()  # the file jieba left open, held by the failure's traceback: closed here
    said = said.format(file=minimal_project / "terms.txt")
    assert reported == [
        f"mkdocs.yml:{line + 1}:1: the search's Chinese dictionary cannot be read: {said}; "
        f"{DICTIONARY_READ_FIX}"
    ]


@UNREAD_DICTIONARIES
def test_a_build_failing_on_a_search_dictionary_prints_only_the_problem(
    minimal_project: Path, setting: str, written: bytes, said: str
) -> None:
    """jieba printed its own lines as it loaded the dictionary ("Building prefix dict from the
    default dictionary ...", "Loading model cost 0.6 seconds.") before the problem."""
    (minimal_project / "terms.txt").write_bytes(written)
    edit_settings(minimal_project, "  - search:\n", f"  - search:\n      {setting}: terms.txt\n")
    command = [sys.executable, "-m", "generator", "--root", str(minimal_project), "build"]
    built = subprocess.run(command, cwd=PROJECT, capture_output=True, text=True)
    assert (built.returncode, built.stdout) == (1, "")
    problem, *rest = built.stderr.splitlines()
    assert problem.startswith("terms.txt:1:") and problem.endswith("[settings.search-dictionary]")
    assert rest == ["FAILED: 1 problem", NO_SITE]


DICTIONARY_FIX = (
    "save the dictionary there (a UTF-8 file of one word a line), correct the path, or delete "
    "the setting: the course's own terms go in search-terms.txt [settings.search-dictionary]"
)


@pytest.mark.parametrize("setting", ["jieba_dict", "jieba_dict_user"])
@pytest.mark.parametrize("kind", ["missing", "folder"])
def test_a_search_dictionary_that_is_no_file_is_told_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], setting: str, kind: str
) -> None:
    """``check`` said OK, and the build stopped on Material's warning, at no line."""
    what = "which is not there"
    if kind == "folder":
        (minimal_project / "dicts/words.txt").mkdir(parents=True)
        what = "which is a folder, not a file"
    line = edit_settings(
        minimal_project, "  - search:\n", f"  - search:\n      {setting}: dicts/words.txt\n"
    )
    expected = (
        f"mkdocs.yml:{line + 1}:{len(setting) + 9}: plugins.search.{setting} names the Chinese "
        f"dictionary 'dicts/words.txt', {what} (read from the folder of mkdocs.yml: "
        f"{minimal_project / 'dicts/words.txt'}), and the build would stop on it; "
        f"{DICTIONARY_FIX}"
    )
    assert problems(minimal_project, capsys).splitlines() == [expected, "FAILED: 1 problem"]
    built = problems(minimal_project, capsys, "build").splitlines()
    assert built == [expected, "FAILED: 1 problem", NO_SITE]


@pytest.mark.parametrize("written", ["dicts/words.txt", "{root}/dicts/words.txt"])
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # jieba's file
@pytest.mark.usefixtures("jieba_kept")
def test_a_search_dictionary_is_read_from_the_project_folder_wherever_the_command_runs(
    minimal_project: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    written: str,
) -> None:
    """jieba read a relative path from the folder the command ran in: ``check`` said OK (it
    did not look), and the build run from any other folder than the project's stopped."""
    (minimal_project / "dicts").mkdir()
    (minimal_project / "dicts/words.txt").write_text("开篇情景\n", encoding="utf-8")
    path = written.format(root=minimal_project)
    edit_settings(minimal_project, "  - search:\n", f"  - search:\n      jieba_dict_user: {path}\n")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err
    assert run_generator(minimal_project, "build") == 0, capsys.readouterr().err
    index = (minimal_project / "site" / DOCUMENTS).read_text(encoding="utf-8")
    assert "开篇情景" in index_text(index), "the dictionary's word is kept whole"


COURSE_SEARCH = (
    "the course's search, as the repository's mkdocs.yml has it: '  - search:', with "
    "'lang: zh' below it and the course's separator, separator: "
    f"'{COURSE_SEPARATOR}' [settings.search-chinese]"
)
ENGLISH = (
    "reads the pages as English (lang: en): learners do not find a Chinese word in the middle "
    "of a sentence"
)
DEFAULT_SEARCH = (
    f"so MkDocs adds the search with its own settings, which {ENGLISH}, and it splits words "
    "at Material's own marks alone: a search for Kano misses （Kano 模型）"
)
LANG_FIX = "write 'lang: zh' under '- search:', as the repository's mkdocs.yml has it"


def plugins_replaced(project: Path, plugins: str) -> int:
    """Replace the course's ``plugins:`` and what is under it with ``plugins``; return the
    line where they were."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    start, end = text.index("plugins:\n"), text.index("validation:\n")
    return edit_settings(project, text[start:end], plugins)


def test_the_course_s_separator_is_the_one_the_fix_gives() -> None:
    assert COURSE_SEPARATOR_WRITTEN is not None
    assert COURSE_SEPARATOR_WRITTEN.group(1) == COURSE_SEPARATOR


def test_settings_without_plugins_warn_that_the_search_is_set_for_english(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """MkDocs then adds the search itself, and the site's search index said
    ``"lang":["en"]``, with Material's separator."""
    plugins_replaced(minimal_project, "")
    assert settings_warnings(minimal_project, capsys) == [
        f"mkdocs.yml:1:1: warning: mkdocs.yml has no 'plugins:', {DEFAULT_SEARCH}; add "
        f"'plugins:' at the left edge, and under it {COURSE_SEARCH}"
    ]
    assert run_generator(minimal_project, "check", "--strict") == 1


def test_an_empty_plugins_warns_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = plugins_replaced(minimal_project, "plugins:\n\n")
    assert settings_warnings(minimal_project, capsys) == [
        f"mkdocs.yml:{line}:1: warning: 'plugins:' is empty, {DEFAULT_SEARCH}; add under it "
        f"{COURSE_SEARCH}"
    ]


@pytest.mark.parametrize("plugins", ["plugins: []\n", "plugins:\n  - offline\n"])
def test_plugins_without_the_search_warn_that_the_site_has_none(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], plugins: str
) -> None:
    """MkDocs builds no search then, and Material shows no search box."""
    line = plugins_replaced(minimal_project, plugins)
    assert settings_warnings(minimal_project, capsys) == [
        f"mkdocs.yml:{line}:1: warning: 'plugins:' names no search, so the site has none: the "
        "search box is gone from every page, and learners cannot search the course; add under "
        f"it {COURSE_SEARCH}"
    ]


def test_a_search_without_chinese_warns_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (minimal_project / "mkdocs.yml").read_text(encoding="utf-8")
    lang = re.search(r"^      lang: zh .*\n", text, re.MULTILINE)
    assert lang is not None
    line = edit_settings(minimal_project, lang.group(), "") - 1
    assert settings_warnings(minimal_project, capsys) == [
        f"mkdocs.yml:{line}:5: warning: plugins.search has no 'lang: zh', so the search "
        f"{ENGLISH}; {LANG_FIX} [settings.search-chinese]"
    ]
    edit_settings(minimal_project, "  - search:\n", "  - search:\n      lang: [en, ja]\n")
    assert settings_warnings(minimal_project, capsys) == [
        f"mkdocs.yml:{line + 1}:13: warning: plugins.search.lang is 'en, ja', without 'zh', so "
        "the search does not read the pages as Chinese: learners do not find a Chinese word in "
        f"the middle of a sentence; {LANG_FIX} [settings.search-chinese]"
    ]


@pytest.mark.parametrize("written", ["false", "no", "False"])
def test_a_search_turned_off_warns_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """Material's search, ``enabled: false``, made no index, and the site had no search box:
    ``check`` said OK."""
    line = edit_settings(
        minimal_project, "  - search:\n", f"  - search:\n      enabled: {written}\n"
    )
    assert settings_warnings(minimal_project, capsys) == [
        f"mkdocs.yml:{line + 1}:16: warning: plugins.search.enabled is '{written}', so the site "
        "has no search: the search box is gone from every page, and learners cannot search the "
        "course; delete 'enabled:' under '- search:', or write 'enabled: true' there "
        "[settings.search-chinese]"
    ]
    assert run_generator(minimal_project, "build") == 0, capsys.readouterr().err
    page = (minimal_project / "site/01-sample.html").read_text(encoding="utf-8")
    assert 'for="__search"' not in page, "what the warning says: no search box"


@pytest.mark.parametrize(
    "plugins",
    [
        "plugins:\n  material/search:\n    lang: [zh, en]\n",
        "plugins:\n  - offline\n  - search:\n      lang: zh\n",
        "plugins:\n  - search:\n      lang: zh\n      enabled: true\n",
        "plugins:\n  - search:\n      lang: zh\n      enabled: !ENV [MOT_SEARCH, false]\n",
        "plugins: !ENV MOT_PLUGINS\n",
        "plugins: search\n",  # neither a list nor a mapping: MkDocs says what it reads
    ],
)
def test_a_chinese_search_passes(plugins: str) -> None:
    assert search_plugin_warnings(plugins.encode(), Path("mkdocs.yml")) == []


def test_the_course_s_own_search_passes() -> None:
    settings = (PROJECT / "mkdocs.yml").read_bytes()
    assert search_plugin_warnings(settings, Path("mkdocs.yml")) == []
