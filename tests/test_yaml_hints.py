"""A slip YAML reports far from where it is, or in its own terms, is named at its line.

A full-width colon after a key, a key indented unlike its neighbours, a text that
starts with a character YAML reads as syntax, and a quote never closed, each get the line
that holds them and a fix that works when followed literally.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import CourseError
from generator.load import load_course
from generator.project import Project
from generator.yaml_hints import SETTINGS, SPECIAL_START, syntax_hint
from tests.conftest import run_generator

QUIZ = "quizzes/01-sample.yml"
PROMPT_LINE = 35
"""The line of a question's 'prompt:' in the quiz; its value starts at column 13."""


def problems_after(root: Path, line: str) -> list[str]:
    """The problems of the course when the quiz's PROMPT_LINE reads ``line``."""
    path = root / QUIZ
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[PROMPT_LINE - 1].startswith("    prompt")
    lines[PROMPT_LINE - 1] = line
    path.write_text("\n".join(lines), encoding="utf-8")
    return course_problems(root)


def course_problems(root: Path) -> list[str]:
    """The problems of the course at ``root``, as the trainer reads them; [] if it loads."""
    try:
        load_course(Project(root))
    except CourseError as error:
        return [str(problem) for problem in error.problems]
    return []


@pytest.mark.parametrize("start", sorted(SPECIAL_START))
def test_a_text_that_starts_with_a_special_character_is_to_be_quoted(
    minimal_project: Path, start: str
) -> None:
    closing = start if start in "'\"" else ""  # a quote never closed is another slip
    text = f"{start}重要{closing} 服务补救的第一步是道歉。"
    quoted = f"'{text}'" if start == '"' else f'"{text}"'
    [problem] = problems_after(minimal_project, f"    prompt: {text}")
    assert problem.startswith(f"{QUIZ}:35:13: the text after 'prompt:' starts with {start!r}, ")
    assert f"; put the whole text in quotes: prompt: {quoted}" in problem
    assert problem.endswith("[yaml.needs-quotes]")
    assert problems_after(minimal_project, f"    prompt: {quoted}") == []


@pytest.mark.parametrize("bold", ["**注意**", "*注意*"])
def test_markdown_emphasis_at_the_start_of_a_text_is_told_as_such(
    minimal_project: Path, bold: str
) -> None:
    """YAML reads it as an alias; the message spoke of anchors and aliases only, words a
    trainer who wanted bold type does not know."""
    assert problems_after(minimal_project, f"    prompt: {bold} 服务补救的第一步是道歉。") == [
        f"{QUIZ}:35:13: YAML reads '{bold}' at the start of a text as an alias (a reference to "
        "another part of the file), which course files do not use; this field is plain text, "
        "where Markdown's '**bold**' and '*' show as written: remove the '*', or put the whole "
        "text in quotes to keep it [yaml.alias]"
    ]
    quoted = f'    prompt: "{bold} 服务补救的第一步是道歉。"'
    assert problems_after(minimal_project, quoted) == []


@pytest.mark.parametrize("colon", ["：", "︰", "﹕", " ："])
def test_a_full_width_colon_after_a_key_is_named_at_its_line(
    minimal_project: Path, colon: str
) -> None:
    assert problems_after(minimal_project, f"    prompt{colon}服务补救的第一步是道歉。") == [
        f"{QUIZ}:35:11: the key 'prompt' is followed by a full-width colon '：'; write a "
        "half-width ':' after the key, and a space: prompt: 服务补救的第一步是道歉。 "
        "[yaml.full-width-colon]"
    ]
    assert problems_after(minimal_project, "    prompt: 服务补救的第一步是道歉。") == []


@pytest.mark.parametrize(
    ("path", "before", "comment", "expected"),
    [
        (QUIZ, "questions:", ["＃ quizzes/01-sample.yml"], ["1:1: ＃ quizzes/01-sample.yml"]),
        (QUIZ, "  - id: s1-multiple", ["  ＃ 第二题"], ["17:3: ＃ 第二题"]),
        (
            QUIZ,
            "  - id: s1-multiple",
            ["  ＃ 第二题", "", "  ﹟ 多选"],
            ["17:3: ＃ 第二题", "19:3: ﹟ 多选"],
        ),
        ("course/01-sample.md", "minutes: 10", ["＃ 注：摘要要短"], ["4:1: ＃ 注：摘要要短"]),
        (QUIZ, "  - id: s1-single", ["  ＃ 第一题：新增"], ["2:3: ＃ 第一题：新增"]),
    ],
    ids=["quiz-top", "between-questions", "two", "front-matter", "under-questions"],
)
def test_a_comment_typed_with_a_full_width_hash_is_named_at_its_line(
    minimal_project: Path, path: str, before: str, comment: list[str], expected: list[str]
) -> None:
    """YAML read it as text: at a quiz's top it was told a line below to write a colon
    full-width, between questions a line below in YAML's words, and in front matter to join
    the comment to the summary above it. Under ``questions:``, which holds no text, it was
    told to write the colon in it full-width, as text going on a key's."""
    file = minimal_project / path
    text = file.read_text(encoding="utf-8")
    file.write_text(text.replace(before, "\n".join([*comment, before]), 1), encoding="utf-8")
    problems = []
    for place in expected:
        at, line = place.split(": ", 1)
        problems.append(
            f"{path}:{at}: the line starts with a full-width '{line[0]}', which YAML does not "
            "read as the start of a comment, so it reads the line as text; type '#' half-width "
            f"to make it a comment: #{line[1:]} [yaml.full-width-comment]"
        )
    assert course_problems(minimal_project) == problems


@pytest.mark.parametrize("indent", [3, 5])
def test_a_key_indented_unlike_the_key_above_is_to_be_lined_up(
    minimal_project: Path, indent: int
) -> None:
    assert problems_after(minimal_project, f"{' ' * indent}prompt: 服务补救的第一步是道歉。") == [
        f"{QUIZ}:35:{indent + 1}: the key 'prompt' is indented differently from the key above "
        "it (line 34); line it up with it: start 'prompt' right under 'objective', 4 spaces in "
        "[yaml.indentation]"
    ]


@pytest.mark.parametrize(
    "prompt",
    [
        "    prompt: |\n      服务补救的第一步：\n      MOT: 道歉",
        "    prompt: |-\n      服务补救的第一步：\n      MOT: 道歉",
        "    prompt: >2\n        服务补救的第一步：\n        MOT: 道歉",
        "    prompt: 服务补救的第一步\n      是道歉。",
        '    prompt: "服务补救的第一步\n      是道歉。"',
        "    prompt: {服务补救: 道歉,\n      第一步: 道歉}",
        "    prompt: |-\n      服务补救的第一步：\n      type 一栏要写对",
        "    prompt: 服务补救的第一步\n      answer 是道歉。",
        "    prompt: 服务补救的第一步\n      01-sample 模块讲过",
    ],
)
def test_a_key_below_a_text_of_several_lines_is_lined_up_with_the_texts_key(
    minimal_project: Path, prompt: str
) -> None:
    quiz = minimal_project / QUIZ
    text = quiz.read_text(encoding="utf-8")
    written = "    prompt: 服务补救的第一步是道歉。\n    answer: true"
    quiz.write_text(text.replace(written, f"{prompt}\n     answer: true"), "utf-8")
    assert course_problems(minimal_project) == [
        f"{QUIZ}:{PROMPT_LINE + 1 + prompt.count(chr(10))}:6: the key 'answer' is indented "
        "differently from the key above it (line 35); line it up with it: start 'answer' "
        "right under 'prompt', 4 spaces in [yaml.indentation]"
    ]


@pytest.mark.parametrize("indent", [1, 3])
def test_a_key_that_starts_with_a_digit_is_lined_up_too(minimal_project: Path, indent: int) -> None:
    exam = minimal_project / "quizzes/exam.yml"
    text = exam.read_text(encoding="utf-8")
    text = text.replace("draw:", "draw:  # 每个模块抽几题").replace(
        "  02-second", " " * indent + "02-second"
    )
    exam.write_text(text, "utf-8")
    assert course_problems(minimal_project) == [
        f"quizzes/exam.yml:7:{indent + 1}: the key '02-second' is indented differently from "
        "the key above it (line 6); line it up with it: start '02-second' right under "
        "'01-sample', 2 spaces in [yaml.indentation]"
    ]


def test_a_text_read_as_a_comment_is_to_be_quoted(minimal_project: Path) -> None:
    assert problems_after(minimal_project, "    prompt: #1 最重要的是？") == [
        f"{QUIZ}:35:5: question 's1-true-false': 'prompt' is empty: the '#' after 'prompt:' "
        "starts a comment, which YAML leaves out; put the whole text in quotes: "
        'prompt: "#1 最重要的是？" [schema.empty]'
    ]
    assert problems_after(minimal_project, '    prompt: "#1 最重要的是？"') == []


@pytest.mark.parametrize("quote", ['"', "'"])
def test_a_quote_never_closed_is_to_be_closed_at_its_line(
    minimal_project: Path, quote: str
) -> None:
    name = "a double" if quote == '"' else "a single"
    assert problems_after(minimal_project, f"    prompt: {quote}服务补救的第一步是道歉。") == [
        f"{QUIZ}:35:13: the text after 'prompt:' opens {name} quote ({quote}) that is never "
        "closed, so YAML reads the lines below as part of the text; add the closing quote at "
        f"the end of the text: prompt: {quote}服务补救的第一步是道歉。{quote} (or remove the "
        "opening one) [yaml.unclosed-quote]"
    ]
    closed = f"    prompt: {quote}服务补救的第一步是道歉。{quote}"
    assert problems_after(minimal_project, closed) == []


@pytest.mark.parametrize(
    "continued", ['    prompt: "服务补救的\\"第一步', "    prompt: '服务补救的''第一步"]
)
def test_a_quoted_text_may_go_on_over_lines(minimal_project: Path, continued: str) -> None:
    quote = continued[12]
    assert problems_after(minimal_project, f"{continued}\n      是道歉。{quote}") == []


@pytest.mark.parametrize("value", ["服务补救的第一步是道歉。", '"服务补救的第一步是道歉。"'])
def test_a_key_with_no_space_after_its_colon_is_named_at_its_line(
    minimal_project: Path, value: str
) -> None:
    assert problems_after(minimal_project, f"    prompt:{value}") == [
        f"{QUIZ}:35:11: there is no space after 'prompt:', so YAML does not read 'prompt' as a "
        f"key; write a space after the colon: prompt: {value} [yaml.space-after-colon]"
    ]


@pytest.mark.parametrize("gap", ["", "\n"])
def test_a_key_with_no_colon_is_named_at_its_line(minimal_project: Path, gap: str) -> None:
    """YAML gave up a line or two below (past a blank line), at the next key, and said to
    check the quoting or write the colon full-width: the slip is the key's own line."""
    assert problems_after(minimal_project, f"    prompt 服务补救的第一步是道歉。{gap}") == [
        f"{QUIZ}:35:11: 'prompt' has no colon after it, so YAML does not read it as a key; "
        "write a colon and a space after it: prompt: 服务补救的第一步是道歉。 "
        "[yaml.missing-colon]"
    ]


@pytest.mark.parametrize(
    ("number", "key", "written"),
    [
        (1, "questions", "questions"),
        (7, "options", "    options"),
        (37, "feedback", "    feedback"),
    ],
)
def test_a_block_s_key_with_no_colon_is_named_at_its_line(
    minimal_project: Path, number: int, key: str, written: str
) -> None:
    """YAML read the key and the block below it as one text and gave up in the block, at a
    line rightly written, or called the key a text with no key of its own."""
    quiz = minimal_project / QUIZ
    lines = quiz.read_text(encoding="utf-8").split("\n")
    assert lines[number - 1] == f"{written}:"
    lines[number - 1] = f"{written}   # 写错了"
    quiz.write_text("\n".join(lines), encoding="utf-8")
    assert course_problems(minimal_project) == [
        f"{QUIZ}:{number}:{len(written) + 1}: '{key}' has no colon after it, so YAML does not "
        f"read it as the key of the lines below it; write a colon after it: {key}: "
        "[yaml.missing-colon]"
    ]


def test_every_block_key_with_no_colon_is_named_in_one_run(minimal_project: Path) -> None:
    quiz = minimal_project / QUIZ
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace("questions:", "questions").replace("options:", "options"))
    problems = course_problems(minimal_project)
    assert len(problems) == text.count("options:") + 1
    assert all(problem.endswith("[yaml.missing-colon]") for problem in problems)


@pytest.mark.parametrize("key", ["theme", "markdown_extensions"])
def test_a_setting_s_block_with_no_colon_is_named_at_its_key(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], key: str
) -> None:
    """``markdown_extensions:`` holds a list as far in as its first entry; YAML gave up on
    the first entry with a key of its own (``toc:``), lines below."""
    line, problems = settings_problems_after(minimal_project, capsys, f"{key}:", key)
    assert problems == [
        f"mkdocs.yml:{line}:{len(key) + 1}: '{key}' has no colon after it, so YAML does not "
        f"read it as the key of the lines below it; write a colon after it: {key}: "
        "[yaml.missing-colon]"
    ]


def test_a_module_drawn_with_no_colon_is_named_at_its_line(minimal_project: Path) -> None:
    """The last line of the exam's draw: YAML gave up on the line after the file's end."""
    exam = minimal_project / "quizzes/exam.yml"
    lines = exam.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert lines[-1] == "  02-second: 2"
    exam.write_text("\n".join([*lines[:-1], "  02-second 2"]) + "\n", encoding="utf-8")
    assert course_problems(minimal_project) == [
        f"quizzes/exam.yml:{len(lines)}:12: '02-second' has no colon after it, so YAML does "
        "not read it as a key; write a colon and a space after it: 02-second: 2 "
        "[yaml.missing-colon]"
    ]


@pytest.mark.parametrize(
    "line",
    [
        "    prompt: 时间是10:30，客户来电。",
        "    prompt: 请看 https://example.com 上的说明。",
        '    prompt: "prompt:道歉"',
        "    https://example.com",
        "    10:30 客户来电",
    ],
)
def test_a_colon_in_a_text_is_no_key_with_no_space(minimal_project: Path, line: str) -> None:
    assert not any(
        "yaml.space-after-colon" in problem for problem in problems_after(minimal_project, line)
    )


@pytest.mark.parametrize(
    ("written", "slip"),
    [
        ("site_name: 关键时刻 MOT 客户服务课程", "site_name:关键时刻 MOT 客户服务课程"),
        ("site_url: !ENV SITE_URL", "site_url:!ENV SITE_URL"),
        ("  name: material", "  name:material"),
        ("      permalink: true", "      permalink:true"),
    ],
    ids=["top-level", "tagged", "theme", "extension-option"],
)
def test_a_setting_with_no_space_after_its_colon_is_named_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, slip: str
) -> None:
    """As in a quiz: YAML gives up on a line below, in its own terms."""
    line, problems = settings_problems_after(minimal_project, capsys, written, slip)
    name, _, value = written.strip().partition(": ")
    assert problems == [
        f"mkdocs.yml:{line}:{slip.index(':') + 1}: there is no space after '{name}:', so YAML "
        f"does not read '{name}' as a key; write a space after the colon: {name}: {value} "
        "[yaml.space-after-colon]"
    ]


@pytest.mark.parametrize(
    "written",
    ["site_name: 关键时刻 MOT 客户服务课程", "  name: material", "      permalink: true"],
    ids=["top-level", "theme", "extension-option"],
)
def test_a_setting_with_no_colon_is_named_at_its_line(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str
) -> None:
    """YAML reads the name and its value as one text, and gives up at the line below: the
    settings were said not to be valid YAML there, at a line rightly written."""
    name, _, value = written.partition(": ")
    line, problems = settings_problems_after(minimal_project, capsys, written, f"{name} {value}")
    assert problems == [
        f"mkdocs.yml:{line}:{len(name) + 1}: '{name.strip()}' has no colon after it, so YAML "
        f"does not read it as a key; write a colon and a space after it: {name.strip()}: "
        f"{value} [yaml.missing-colon]"
    ]


TAB = "the line is indented with a tab; use spaces, not tabs: {fix} [yaml.tab]"
TAB_AS_ABOVE = TAB.format(fix="start 'language' 2 spaces in, as 'name' on the line above it starts")
TAB_AS_BELOW = TAB.format(fix="start 'name' 2 spaces in, as the key below it starts")
FULL_WIDTH_INDENT = (
    "the line is indented with full-width spaces (U+3000); indent with ordinary spaces "
    "(half-width), two per level [yaml.full-width-indent]"
)


@pytest.mark.parametrize(
    ("written", "slip", "problem"),
    [
        (
            "  language: zh",
            "  language：zh",
            "{line}:11: the key 'language' is followed by a full-width colon '：'; write a "
            "half-width ':' after the key, and a space: language: zh [yaml.full-width-colon]",
        ),
        (
            '    - media: "(prefers-color-scheme: light)"',
            '    - media: "(prefers-color-scheme: light)',
            "{line}:14: the text after 'media:' opens a double quote (\") that is never closed, "
            "so YAML reads the lines below as part of the text; add the closing quote at the end "
            'of the text: media: "(prefers-color-scheme: light)" (or remove the opening one) '
            "[yaml.unclosed-quote]",
        ),
        (
            "      permalink_title: 本节链接",
            "     permalink_title: 本节链接",
            "{line}:6: the key 'permalink_title' is indented differently from the key above it "
            "(line {above}); line it up with it: start 'permalink_title' right under "
            "'permalink', 6 spaces in [yaml.indentation]",
        ),
        (
            "site_name: 关键时刻 MOT 客户服务课程",
            "site_name: @客户 关键时刻",
            "{line}:12: the text after 'site_name:' starts with '@', which YAML reserves: no "
            'text may start with it; put the whole text in quotes: site_name: "@客户 关键时刻" '
            "[yaml.needs-quotes]",
        ),
        (
            "site_name: 关键时刻 MOT 客户服务课程",
            "site_name: !重要 关键时刻",
            "{line}:12: the text after 'site_name:' starts with '!', which YAML reads as a tag; "
            'put the whole text in quotes: site_name: "!重要 关键时刻" [yaml.needs-quotes]',
        ),
        (
            "      alternate_style: true",
            "      alternate_style:true",
            "{line}:22: there is no space after 'alternate_style:', so YAML does not read "
            "'alternate_style' as a key; write a space after the colon: alternate_style: true "
            "[yaml.space-after-colon]",
        ),
        (
            "      alternate_style: true",
            "      alternate_style： true",
            "{line}:22: the key 'alternate_style' is followed by a full-width colon '：'; write "
            "a half-width ':' after the key, and a space: alternate_style: true "
            "[yaml.full-width-colon]",
        ),
        (
            "      alternate_style: true",
            "      combine_header_slug: true\n     alternate_style: true",
            "{below}:6: the key 'alternate_style' is indented differently from the key above it "
            "(line {line}); line it up with it: start 'alternate_style' right under "
            "'combine_header_slug', 6 spaces in [yaml.indentation]",
        ),
        (
            "      alternate_style: true",
            '      alternate_style: "true\n      combine_header_slug: true',
            "{line}:24: the text after 'alternate_style:' opens a double quote (\") that is never "
            "closed, so YAML reads the lines below as part of the text; add the closing quote at "
            'the end of the text: alternate_style: "true" (or remove the opening one) '
            "[yaml.unclosed-quote]",
        ),
        (
            "  - pymdownx.tabbed:",
            "  - pymdownx.tabbed：",
            "{line}:20: the key 'pymdownx.tabbed' is followed by a full-width colon '：'; write "
            "a half-width ':' after the key: pymdownx.tabbed: [yaml.full-width-colon]",
        ),
        ("  language: zh", "\tlanguage: zh", f"{{line}}:1: {TAB_AS_ABOVE}"),
        # 'name' stands 8 spaces in under each palette: told so, as it started elsewhere
        ("  name: material", "\tname: material", f"{{line}}:1: {TAB_AS_BELOW}"),
        ("  language: zh", "  \tlanguage: zh", f"{{line}}:3: {TAB_AS_ABOVE}"),
        (
            "      alternate_style: true",
            "\t  alternate_style: true",
            f"{{line}}:1: {TAB.format(fix='two spaces per level')}",
        ),
        (
            "  language: zh",
            "  language:\tzh",
            "{line}:12: a tab stands where YAML does not allow one; use spaces, not tabs: "
            "replace it with a space, or put the text in quotes [yaml.tab]",
        ),
        ("  language: zh", "\u3000\u3000language: zh", f"{{line}}:1: {FULL_WIDTH_INDENT}"),
        ("  language: zh", " \u3000language: zh", f"{{line}}:1: {FULL_WIDTH_INDENT}"),
        ("  language: zh", "  \u3000language: zh", f"{{line}}:1: {FULL_WIDTH_INDENT}"),
        ("docs_dir: build/docs", "\u3000docs_dir: build/docs", f"{{line}}:1: {FULL_WIDTH_INDENT}"),
        (
            "      alternate_style: true",
            "\u3000\u3000\u3000alternate_style: true",
            f"{{line}}:1: {FULL_WIDTH_INDENT}",
        ),
        (
            "  language: zh",
            "  language: zh\n  language: en",
            "{below}:3: duplicate key 'language'; each key may appear only once in a mapping: "
            "remove or rename one of them [yaml.duplicate-key]",
        ),
        (
            "site_dir: site",
            "site_dir: site\nsite_dir: public",
            "{below}:1: duplicate key 'site_dir'; each key may appear only once in a mapping: "
            "remove or rename one of them [yaml.duplicate-key]",
        ),
    ],
    ids=[
        *("full-width-colon", "unclosed-quote", "misaligned-key", "special-start", "not-a-tag"),
        *("extension-no-space", "extension-full-width-colon", "extension-misaligned-key"),
        *("extension-unclosed-quote", "extension-name-full-width-colon"),
        *("tab", "tab-first-in-its-block", "tab-after-spaces", "tab-under-extension"),
        "tab-after-colon",
        *("full-width-indent", "full-width-after-space", "full-width-after-spaces"),
        *("full-width-top-level", "full-width-under-extension"),
        *("duplicate-key", "duplicate-setting"),
    ],
)
def test_a_slip_in_the_settings_gets_the_quizzes_hint(
    minimal_project: Path,
    capsys: pytest.CaptureFixture[str],
    written: str,
    slip: str,
    problem: str,
) -> None:
    """Instead of YAML's own words, often a line or more below the slip, or MkDocs' word
    that an extension's settings are invalid: under an extension named with dots
    (``pymdownx.tabbed:``) too, and for its only setting, which a slip makes a text. MkDocs'
    YAML calls a tab a character that cannot start any token, reads a full-width space as
    the start of a key's name (or gives up on the line below), and keeps the last of a key
    written twice without a word: each is named as in a quiz."""
    line, problems = settings_problems_after(minimal_project, capsys, written, slip)
    assert problems == ["mkdocs.yml:" + problem.format(line=line, above=line - 1, below=line + 1)]


TABBED = "  - pymdownx.tabbed:\n      alternate_style: true"


@pytest.mark.parametrize(
    ("written", "variant"),
    [
        (TABBED, f"{TABBED}\n      combine_header_slug: true"),
        (TABBED, "  - pymdownx.tabbed:\n     alternate_style: true"),
        (TABBED, "  - pymdownx.tabbed: {alternate_style: true}"),
        (TABBED, '  - "pymdownx.tabbed":\n      alternate_style: true\n  - pymdownx.mark'),
        (
            TABBED,
            f"{TABBED}\n  - pymdownx.highlight:\n      anchor_linenums: true\n"
            "      line_spans: __span",
        ),
        (
            "site_dir: site",
            'site_dir: site\nextra:\n  note: >-\n    \u3000\u3000提示\n  "\u3000key": 1',
        ),
        ("site_dir: site", "site_dir: site\nextra:\n  base: &b {k: 1}\n  one: *b\n  two: *b"),
    ],
    ids=[
        *("two-settings", "indented-less", "in-braces", "quoted-name", "another-extension"),
        *("full-width-space-in-text", "alias-twice"),
    ],
)
def test_settings_written_rightly_get_no_hint(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, variant: str
) -> None:
    """An extension named with dots, a text or a quoted key that starts with a full-width
    space, a key a mapping repeated by its aliases holds once."""
    settings = minimal_project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert written in text
    settings.write_text(text.replace(written, variant), encoding="utf-8")
    assert run_generator(minimal_project, "check") == 0, capsys.readouterr().err


def test_an_extension_given_a_text_that_is_no_key_is_named_as_mkdocs_says(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Only a text that reads as a key with a slip is named as one."""
    _, problems = settings_problems_after(
        minimal_project, capsys, "      alternate_style: true", "      交替样式"
    )
    extensions = (minimal_project / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    line = extensions.index("markdown_extensions:") + 1
    assert problems == [
        f"mkdocs.yml:{line}:1: the setting 'markdown_extensions' is not valid: Invalid config "
        "options for Markdown Extension 'pymdownx.tabbed'.; correct it, or undo the last change "
        "to mkdocs.yml [settings.invalid]"
    ]


@pytest.mark.parametrize(
    ("written", "slip"),
    [
        ("site_url: !ENV SITE_URL", "site_url: !ENV SITE_URL: 关键时刻"),
        ("site_url: !ENV SITE_URL", "site_url: !ENV [SITE_URL, 'https://example.com/'"),
        ("        kwds:", "        kwds: case: lower"),
    ],
    ids=["env-tag", "env-tag-list", "under-a-python-tag"],
)
def test_a_tag_mkdocs_reads_is_no_text_to_quote(
    minimal_project: Path, capsys: pytest.CaptureFixture[str], written: str, slip: str
) -> None:
    """``!ENV`` and ``!!python/…`` are rightly written: no hint names them, and a key below
    ``slugify: !!python/object/apply:…`` belongs to it, lined up as it is."""
    _, [problem] = settings_problems_after(minimal_project, capsys, written, slip)
    assert problem.endswith("[settings.yaml-syntax]")


def settings_problems_after(
    root: Path, capsys: pytest.CaptureFixture[str], written: str, slip: str
) -> tuple[int, list[str]]:
    """The line of mkdocs.yml that reads ``written``, and the problems that ``check`` finds
    once that line reads ``slip`` instead."""
    settings = root / "mkdocs.yml"
    lines = settings.read_text(encoding="utf-8").split("\n")
    line = lines.index(written) + 1
    lines[line - 1] = slip
    settings.write_text("\n".join(lines), encoding="utf-8")
    assert run_generator(root, "check") == 1
    *problems, total = capsys.readouterr().err.splitlines()
    assert total == f"FAILED: {len(problems)} problem" + "s" * (len(problems) > 1)
    return line, problems


def test_a_web_address_in_the_settings_is_no_setting_with_no_space() -> None:
    """Its scheme looks like a key (``https:``) with its value after the colon."""
    assert syntax_hint("extra_css:\n  - https://example.com/a.css\n", 2, None, SETTINGS) is None


def test_a_quote_in_a_text_of_several_lines_is_no_quote_never_closed(
    minimal_project: Path,
) -> None:
    quiz = minimal_project / QUIZ
    text = quiz.read_text(encoding="utf-8")
    written = "    explanation: 要求是客户说出来的做法，需求是他真正想达到的结果。"
    explanation = '    explanation: |\n      客户常说：\n      - "引号里的话'
    text = text.replace(written, explanation)
    quiz.write_text(text.replace("    prompt: 服务补救", "    prompt：服务补救"), "utf-8")
    assert course_problems(minimal_project) == [
        f"{QUIZ}:{PROMPT_LINE + 2}:11: the key 'prompt' is followed by a full-width colon '：'; "
        "write a half-width ':' after the key, and a space: prompt: 服务补救的第一步是道歉。 "
        "[yaml.full-width-colon]"
    ]


@pytest.mark.parametrize("text", ["\r\r@", "{: \r\r", "题目: 一\r  答案: 二\r"])
def test_lines_ended_by_carriage_returns_get_a_message_not_a_traceback(
    minimal_project: Path, text: str
) -> None:
    """YAML counts a lone carriage return (old Mac line ends) as a line end, which the
    hints' own reading of the lines did not: looking above the error for a key to line up
    with ran past the last line (found by tests/test_properties.py)."""
    (minimal_project / "quizzes/01-sample.yml").write_text(text, encoding="utf-8", newline="")
    found = course_problems(minimal_project)
    assert len(found) == 1 and found[0].startswith("quizzes/01-sample.yml:"), found


@pytest.mark.parametrize(
    ("line", "written", "above", "key"),
    [
        (9, "        feedback: 打断会让客户觉得没有被倾听。", 8, "feedback"),
        (11, "        correct: true", 10, "correct"),
    ],
    ids=["last-key-before-an-entry", "key-before-a-key"],
)
def test_an_options_key_moved_out_to_the_questions_keys_is_lined_up_with_the_option(
    minimal_project: Path, line: int, written: str, above: int, key: str
) -> None:
    """YAML takes the key for one of the question's, which is valid, and gives up on the
    option's next line, indented deeper, in its own terms: there the key is no slip, and
    quoting its value or a full-width colon would mend nothing."""
    quiz = minimal_project / QUIZ
    lines = quiz.read_text(encoding="utf-8").split("\n")
    assert lines[line - 1] == written
    lines[line - 1] = written[4:]
    quiz.write_text("\n".join(lines), encoding="utf-8")
    assert course_problems(minimal_project) == [
        f"{QUIZ}:{line}:5: the key '{key}' is indented less than the key above it (line "
        f"{above}); line it up with it: start '{key}' right under 'text', 8 spaces in "
        "[yaml.indentation]"
    ]


def test_a_questions_key_pushed_in_under_the_one_above_is_the_one_named(
    minimal_project: Path,
) -> None:
    """review: indented as far as the last option's keys, under explanation:, which lines
    up with every other question's: explanation was named, and lining it up with the
    option's feedback, as told, made both keys the option's (and then unknown there)."""
    assert problems_with(minimal_project, QUIZ, {16: "        review: 01-sample.md#listening"}) == [
        f"{QUIZ}:16:9: the key 'review' is indented more than the key above it (line 15); line "
        "it up with it: start 'review' right under 'explanation', 4 spaces in [yaml.indentation]"
    ]


def test_an_options_key_moved_out_is_named_though_keys_below_it_start_there_elsewhere(
    minimal_project: Path,
) -> None:
    """text: slipped out of an option written 'correct' first: 'feedback' below it was named
    (a true/false question's feedback starts 4 spaces in), and lining it up as told broke
    the file further. The key that starts where no key of its name starts is the slip."""
    found = problems_with(
        minimal_project,
        QUIZ,
        {10: "      - correct: true", 11: "    text: 专心倾听并确认理解"},
    )
    assert found == [
        f"{QUIZ}:11:5: the key 'text' is indented less than the key above it (line 10); line "
        "it up with it: start 'text' right under 'correct', 8 spaces in [yaml.indentation]"
    ]


@pytest.mark.parametrize(
    ("space", "name"), [("\u3000", "a full-width space"), ("\u00a0", "a no-break space")]
)
def test_a_space_yaml_does_not_read_as_one_after_a_keys_colon_is_named(
    minimal_project: Path, space: str, name: str
) -> None:
    """``\\s`` takes it for a space, as YAML does not: 'no space after the colon' missed it."""
    assert problems_after(minimal_project, f"    prompt:{space}服务补救的第一步是道歉。") == [
        f"{QUIZ}:35:12: after 'prompt:' comes {name} (U+{ord(space):04X}), which YAML does "
        "not read as a space, so it does not read 'prompt' as a key; replace it with an "
        "ordinary (half-width) space: prompt: 服务补救的第一步是道歉。 [yaml.space-after-colon]"
    ]


def test_a_full_width_space_after_a_settings_colon_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line, problems = settings_problems_after(
        minimal_project, capsys, "  language: zh", "  language:\u3000zh"
    )
    assert problems == [
        f"mkdocs.yml:{line}:12: after 'language:' comes a full-width space (U+3000), which "
        "YAML does not read as a space, so it does not read 'language' as a key; replace it "
        "with an ordinary (half-width) space: language: zh [yaml.space-after-colon]"
    ]


def test_a_text_item_out_of_line_with_the_one_above_is_named(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A theme feature (or an ordering question's item) one space short of the one above:
    PyYAML's "expected <block end>, but found '<block sequence start>'" was all it got."""
    line, problems = settings_problems_after(
        minimal_project, capsys, "    - navigation.footer", "   - navigation.footer"
    )
    assert problems == [
        f"mkdocs.yml:{line}:4: this item of the list starts its '-' 3 spaces in, where the item "
        f"before it (line {line - 1}) starts its '-' 4 spaces in; line its '-' up with that "
        "one, 4 spaces in [yaml.item-out-of-line]"
    ]
    settings = minimal_project / "mkdocs.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8")
        .replace("   - navigation.footer", "    - navigation.footer")
        .replace("    - navigation.instant\n", "      - navigation.instant\n"),
        encoding="utf-8",
    )
    assert run_generator(minimal_project, "check") == 1
    first = line - 2  # the list's first item, out of line with every item after it
    assert capsys.readouterr().err.splitlines()[0] == (
        f"mkdocs.yml:{first}:7: this item of the list starts its '-' 6 spaces in, where the "
        f"items after it (line {first + 1} on) start theirs 4 spaces in; line its '-' up with "
        "theirs, 4 spaces in [yaml.item-out-of-line]"
    )
    assert problems_with(minimal_project, QUIZ, {48: "     - 紧急复原"})[:1] == [
        f"{QUIZ}:48:6: this item of the list starts its '-' 5 spaces in, where the item before "
        "it (line 47) starts its '-' 6 spaces in; line its '-' up with that one, 6 spaces in "
        "[yaml.item-out-of-line]"
    ]


def problems_with(root: Path, path: str, edits: dict[int, str]) -> list[str]:
    """The problems of the course when each line (1-based) of ``path`` in ``edits`` reads
    as given there."""
    file = root / path
    lines = file.read_text(encoding="utf-8").split("\n")
    for number, line in edits.items():
        lines[number - 1] = line
    file.write_text("\n".join(lines), encoding="utf-8")
    return course_problems(root)


DASH_FIX = "write a half-width '-' and a space before the key"


@pytest.mark.parametrize(
    ("number", "line", "expected"),
    [
        (8, "      -text: 打断客户，直接给方案", "8:7: the '-' before 'text' has no space"),
        (10, "      -text: 专心倾听并确认理解", "10:7: the '-' before 'text' has no space"),
        (2, "  -id: s1-single", "2:3: the '-' before 'id' has no space"),
        (17, "  -id: s1-multiple", "17:3: the '-' before 'id' has no space"),
        (
            10,
            "      － text: 专心倾听并确认理解",
            "10:7: the '－' before 'text' is not the half-width",
        ),
        (
            10,
            "      —text: 专心倾听并确认理解",
            "10:7: the '—' before 'text' is not the half-width",
        ),
        (
            10,
            "      —— text: 专心倾听并确认理解",
            "10:7: the '——' before 'text' is not the half-width",
        ),
    ],
)
def test_an_item_started_without_a_proper_dash_is_named_at_its_line(
    minimal_project: Path, number: int, line: str, expected: str
) -> None:
    """YAML gave up on the line below or at the item, said to quote the text or write the
    colon full-width, or spoke of a '?' the file does not hold."""
    found = problems_with(minimal_project, QUIZ, {number: line})
    key, value = line.lstrip(" -－—").split(": ")
    assert len(found) == 1 and found[0].startswith(f"{QUIZ}:{expected}"), found
    assert found[0].endswith(f"{DASH_FIX}: - {key}: {value} [yaml.list-dash]"), found


@pytest.mark.parametrize("number", [8, 10])
def test_an_item_with_no_key_before_its_text_is_told_the_key(
    minimal_project: Path, number: int
) -> None:
    """``- 专心倾听`` with its ``feedback:`` below: YAML gave up at the feedback, and said to
    quote its value or write its colon full-width."""
    text = "打断客户，直接给方案" if number == 8 else "专心倾听并确认理解"
    assert problems_with(minimal_project, QUIZ, {number: f"      - {text}"}) == [
        f"{QUIZ}:{number}:9: the list's item holds a text with no key before it, where the "
        f"other items start with 'text:'; write the key before the text: - text: {text} "
        "[yaml.item-without-key]"
    ]


@pytest.mark.parametrize(
    ("path", "number", "line"),
    [(QUIZ, 17, "  id: s1-multiple"), ("course/01-sample.md", 9, "  id: s1-need")],
)
def test_a_new_item_with_no_dash_is_told_to_take_one(
    minimal_project: Path, path: str, number: int, line: str
) -> None:
    """A question (or an objective) whose '- ' was left out: YAML said the key was
    indented unlike the one above, and following that made it a duplicate key."""
    assert problems_with(minimal_project, path, {number: line}) == [
        f"{path}:{number}:3: 'id' starts a new item of the list above, but has no '- ' before "
        f"it; write '- ' before it, where the other items have theirs: - {line.strip()} "
        "[yaml.item-without-dash]"
    ]
    assert problems_with(minimal_project, path, {number: f"  {line}"}) == [
        f"{path}:{number}:5: duplicate key 'id': the list's item this line is in already "
        "starts with 'id:'; if this line starts a new item, write '- ' before it, 2 spaces "
        f"to the left, in line with the other items' '-': - {line.strip()}; if not, remove "
        "one of the two [yaml.duplicate-key]"
    ]


def test_a_dash_among_the_exams_draws_is_told_to_go(minimal_project: Path) -> None:
    """YAML said it expected a block end but found '-', and to check the indentation."""
    assert problems_with(minimal_project, "quizzes/exam.yml", {7: "  - 02-second: 2"}) == [
        "quizzes/exam.yml:7:3: '- ' starts a list's item, but the lines around it are "
        "'key: value' lines; delete the '- ': 02-second: 2 [yaml.dash-among-keys]"
    ]


@pytest.mark.parametrize(
    ("edits", "span"),
    [
        ({7: "  - 02-second: 2\n  - 03-third: 1\n  04-fourth: 1"}, "7-8"),
        ({6: "  - 01-sample: 1\n  - 02-second: 1", 7: "  03-third: 1"}, "6-7"),
    ],
    ids=["in-the-middle", "first"],
)
def test_dashes_before_several_draws_are_told_to_go(
    minimal_project: Path, edits: dict[int, str], span: str
) -> None:
    """Two draws with '- ' between draws without: YAML's own words ("expected <block end>,
    but found '-'") and to check the indentation; or, first under 'draw:', the draw below
    them told to start 4 spaces in."""
    first = span.split("-")[0]
    assert problems_with(minimal_project, EXAM, edits) == [
        f"{EXAM}:{first}:3: '- ' starts lines {span} as a list's items, but the lines around "
        f"them are 'key: value' lines; delete the '- ' at the start of lines {span} "
        "[yaml.dash-among-keys]"
    ]


def test_options_of_one_key_above_a_key_too_far_in_keep_their_dashes(
    minimal_project: Path,
) -> None:
    """Options of one line each, then 'explanation:' in line with their '-': the key is out
    of line, not the options' dashes."""
    edits = {8: "      - text: 打断客户，直接给方案", 9: "      - text: 专心倾听并确认理解",
             10: "      - text: 一边听一边看手机", 11: "", 12: "", 13: "", 14: "",
             15: "      explanation: 探索阶段先要听懂客户。"}  # fmt: skip
    [found] = problems_with(minimal_project, QUIZ, edits)
    assert found.startswith(f"{QUIZ}:15:7: the key 'explanation' is indented"), found


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("      - text：打断客户，直接给方案", "8:13: the key 'text' is followed by a full-width"),
        ("      - text 打断客户，直接给方案", "8:13: 'text' has no colon after it"),
    ],
)
def test_a_first_key_written_wrongly_is_no_item_without_a_key(
    minimal_project: Path, line: str, expected: str
) -> None:
    """Read as a bare text, '- text：…' was told to put 'text:' before 'text：…'."""
    found = problems_with(minimal_project, QUIZ, {8: line})
    assert len(found) == 1 and found[0].startswith(f"{QUIZ}:{expected}"), found


def test_a_dash_in_a_text_below_its_key_is_the_learners_text(minimal_project: Path) -> None:
    """'-text: 看这里' in a prompt written below 'prompt: |' is text; the slip is the key
    indented wrongly after it."""
    edits = {
        35: "    prompt: |",
        36: "      客户说：",
        37: "      -text: 看这里",
        38: "     answer: true",
    }
    assert problems_with(minimal_project, QUIZ, edits) == [
        f"{QUIZ}:38:6: the key 'answer' is indented differently from the key above it (line "
        "35); line it up with it: start 'answer' right under 'prompt', 4 spaces in "
        "[yaml.indentation]"
    ]


def test_an_item_with_no_key_is_named_where_its_text_starts(minimal_project: Path) -> None:
    assert problems_with(minimal_project, QUIZ, {10: "      -   专心倾听并确认理解"})[0].startswith(
        f"{QUIZ}:10:11: the list's item holds a text with no key before it"
    )


def test_a_dash_before_the_first_draw_is_told_to_go(minimal_project: Path) -> None:
    """YAML gave up on the line below it, told to line up under the line with the dash."""
    assert problems_with(minimal_project, "quizzes/exam.yml", {6: "  - 01-sample: 1"}) == [
        "quizzes/exam.yml:6:3: '- ' starts a list's item, but the lines around it are "
        "'key: value' lines; delete the '- ': 01-sample: 1 [yaml.dash-among-keys]"
    ]


def test_a_key_dedented_past_its_mapping_lines_up_with_the_nearest_mapping_outward(
    minimal_project: Path,
) -> None:
    """'explanation:' 2 spaces in, after the last option: it was told to line up under
    that option's 'feedback', 8 spaces in, which made it the option's, an unknown key."""
    assert problems_with(minimal_project, QUIZ, {15: "  explanation: 探索阶段先要听懂客户。"}) == [
        f"{QUIZ}:15:3: the key 'explanation' is indented differently from the key above it "
        "(line 7); line it up with it: start 'explanation' right under 'options', 4 spaces "
        "in [yaml.indentation]"
    ]


def test_a_key_at_the_left_edge_above_its_mapping_s_next_key_is_the_one_to_move(
    minimal_project: Path,
) -> None:
    """'explanation:' at the left edge, its question's 'review:' below it 4 spaces in: the
    'review:' was told to move to the left edge, out of the question as well."""
    assert problems_with(minimal_project, QUIZ, {15: "explanation: 探索阶段先要听懂客户。"}) == [
        f"{QUIZ}:15:1: the key 'explanation' is indented less than the key below it (line "
        "16); line it up with it: start 'explanation' right above 'review', 4 spaces in "
        "[yaml.indentation]"
    ]


def test_a_key_at_the_left_edge_that_fits_above_and_below_is_offered_both_places(
    minimal_project: Path,
) -> None:
    """The last option's 'feedback:' at the left edge, above the question's 'explanation:':
    it was told to line up with 'explanation', 4 spaces in, where a single-choice question
    has no feedback. A true-or-false question has its own there, so both are offered."""
    assert problems_with(minimal_project, QUIZ, {14: "feedback: 分心会错过关键信息。"}) == [
        f"{QUIZ}:14:1: the key 'feedback' is indented less than the keys above and below it "
        "(lines 13 and 15); start 'feedback' right under 'text', 8 spaces in, if it belongs "
        "to the last of 'options'; or right above 'explanation', 4 spaces in, if it belongs "
        "beside 'explanation' [yaml.indentation]"
    ]


def test_the_first_draw_at_the_left_edge_is_the_one_to_move(minimal_project: Path) -> None:
    """'draw:', then '01-sample: 1' at the left edge and '02-second: 2' indented: the
    second was told to move to the left edge, which left 'draw:' empty."""
    assert problems_with(minimal_project, "quizzes/exam.yml", {6: "01-sample: 1"}) == [
        "quizzes/exam.yml:6:1: the key '01-sample' is indented less than the key below it "
        "(line 7); line it up with it: start '01-sample' right above '02-second', 2 spaces "
        "in [yaml.indentation]"
    ]


@pytest.mark.parametrize("spaces", [5, 6, 7])
def test_a_key_between_two_mappings_lines_up_where_it_is_written_elsewhere(
    minimal_project: Path, spaces: int
) -> None:
    """'explanation:' 5 to 7 spaces in, between the option's keys (8) and the question's
    (4): it was told 8, which made it the option's, then an unknown key to remove. The
    other questions' explanations are 4 spaces in."""
    line = " " * spaces + "explanation: 探索阶段先要听懂客户。"
    assert problems_with(minimal_project, QUIZ, {15: line}) == [
        f"{QUIZ}:15:{spaces + 1}: the key 'explanation' is indented differently from the key "
        "above it (line 7); line it up with it: start 'explanation' right under 'options', "
        "4 spaces in [yaml.indentation]"
    ]


def test_an_option_s_key_one_space_short_lines_up_with_its_keys(minimal_project: Path) -> None:
    """An option's 'correct: true' one space short still lines up with its 'text:'."""
    assert problems_with(minimal_project, QUIZ, {11: "       correct: true"}) == [
        f"{QUIZ}:11:8: the key 'correct' is indented differently from the key above it "
        "(line 10); line it up with it: start 'correct' right under 'text', 8 spaces in "
        "[yaml.indentation]"
    ]


@pytest.mark.parametrize("number", [6, 7])
@pytest.mark.parametrize(
    ("slip", "message"),
    [
        (
            "： ",
            "the key '{name}' is followed by a full-width colon '：'; write a half-width ':' "
            "after the key, and a space: {name}: {count} [yaml.full-width-colon]",
        ),
        (
            ":",
            "there is no space after '{name}:', so YAML does not read '{name}' as a key; "
            "write a space after the colon: {name}: {count} [yaml.space-after-colon]",
        ),
    ],
    ids=["full-width-colon", "no-space"],
)
def test_a_draw_line_s_colon_slip_is_named_at_its_line(
    minimal_project: Path, number: int, slip: str, message: str
) -> None:
    """A module's name is a key only under draw:, and starts with a digit: it was told of a
    syntax error a line late (or past the file's end), as the settings above were not."""
    name, count = {6: ("01-sample", 1), 7: ("02-second", 2)}[number]
    exam = "quizzes/exam.yml"
    found = problems_with(minimal_project, exam, {number: f"  {name}{slip}{count}"})
    assert found == [f"{exam}:{number}:{len(name) + 3}: " + message.format(name=name, count=count)]


def test_a_key_indented_full_width_above_an_empty_line_is_named(minimal_project: Path) -> None:
    """YAML gave up at the next question, below the empty line, with a syntax error that
    named neither the line nor the slip."""
    found = problems_with(
        minimal_project,
        QUIZ,
        {16: "　　review: 01-sample.md#listening", 17: "\n  - id: s1-multiple"},
    )
    assert found == [
        f"{QUIZ}:16:1: the line is indented with full-width spaces (U+3000); indent with "
        "ordinary spaces (half-width), two per level [yaml.full-width-indent]"
    ]


def test_a_last_key_indented_full_width_is_not_also_an_unknown_key(
    minimal_project: Path,
) -> None:
    """YAML reads it as a key of the file, '　　review', which was reported a third time as
    a key to remove."""
    quiz = minimal_project / QUIZ
    lines = quiz.read_text(encoding="utf-8").rstrip("\n").split("\n")
    found = problems_with(minimal_project, QUIZ, {len(lines): "　　" + lines[-1].lstrip()})
    assert not [problem for problem in found if "[schema.unknown-key]" in problem]
    assert f"{QUIZ}:{len(lines)}:1: the key 'review' is indented with full-width spaces" in (
        " ".join(found)
    )


# A list's item out of line with the items before it --------------------------------------


def shifted(root: Path, path: str, first: str, until: str, by: int) -> tuple[int, int]:
    """Move the lines of ``path`` from the one starting ``first`` to the one before the next
    starting ``until`` ``by`` spaces right (left, if negative); their first and last line."""
    file = root / path
    lines = file.read_text(encoding="utf-8").split("\n")
    start = next(n for n, line in enumerate(lines) if line.startswith(first))
    end = next(n for n in range(start + 1, len(lines)) if lines[n].startswith(until))
    for n in range(start, end):
        line = lines[n]
        lines[n] = " " * by + line if by > 0 else line[-by:]
    file.write_text("\n".join(lines), encoding="utf-8")
    return start + 1, max(n + 1 for n in range(start, end) if lines[n].strip())


@pytest.mark.parametrize(("by", "where"), [(2, "4 spaces in"), (-2, "at the left edge")])
def test_a_question_out_of_line_with_the_others_is_lined_up_whole(
    minimal_project: Path, by: int, where: str
) -> None:
    """Pasted 2 spaces too far in, it was told to lose its '- '; at the left edge, it got
    YAML's own words."""
    first, last = shifted(minimal_project, QUIZ, "  - id: s1-multiple", "  - id:", by)
    assert course_problems(minimal_project) == [
        f"{QUIZ}:{first}:{3 + by}: this item of the list starts its '-' {where}, where the "
        "item before it (line 2) starts its '-' 2 spaces in; line its '-' up with that one, "
        f"2 spaces in, and move its other lines (to line {last}) by as much "
        "[yaml.item-out-of-line]"
    ]


def test_an_option_two_spaces_short_is_lined_up_with_the_option_before_it(
    minimal_project: Path,
) -> None:
    first, last = shifted(minimal_project, QUIZ, "      - text: 专心倾听", "      - text:", -2)
    assert course_problems(minimal_project) == [
        f"{QUIZ}:{first}:5: this item of the list starts its '-' 4 spaces in, where the item "
        f"before it (line {first - 2}) starts its '-' 6 spaces in; line its '-' up with that "
        f"one, 6 spaces in, and move its other lines (to line {last}) by as much "
        "[yaml.item-out-of-line]"
    ]


@pytest.mark.parametrize(("indent", "where"), [(4, "4 spaces in"), (8, "8 spaces in")])
def test_a_first_option_s_dash_moved_is_lined_up_with_the_option_after_it(
    minimal_project: Path, indent: int, where: str
) -> None:
    """Moved left, its key was told to line up with 'options', as if it belonged to the last
    of 'id'; moved right, to lose its '- ', as if the lines around it were no list."""
    edits = {8: f"{' ' * indent}- text: 打断客户，直接给方案"}
    assert problems_with(minimal_project, QUIZ, edits) == [
        f"{QUIZ}:8:{indent + 1}: this item of the list starts its '-' {where}, where the item "
        "after it (line 10) starts its '-' 6 spaces in; line its '-' up with that one, 6 "
        "spaces in [yaml.item-out-of-line]"
    ]


def test_a_first_option_moved_right_whole_is_lined_up_with_the_options_after_it(
    minimal_project: Path,
) -> None:
    """The option after it was told to line up with it, and the rest after that one."""
    first, last = shifted(minimal_project, QUIZ, "      - text: 打断客户", "      - text:", 2)
    assert course_problems(minimal_project) == [
        f"{QUIZ}:{first}:9: this item of the list starts its '-' 8 spaces in, where the item "
        f"after it (line {last + 1}) starts its '-' 6 spaces in; line its '-' up with that one, "
        f"6 spaces in, and move its other lines (to line {last}) by as much "
        "[yaml.item-out-of-line]"
    ]


def test_an_objective_at_the_left_edge_names_lines_of_the_page(minimal_project: Path) -> None:
    edits = {9: "- id: s1-need", 10: "  text: 区分要求和需求"}
    assert problems_with(minimal_project, "course/01-sample.md", edits) == [
        "course/01-sample.md:9:1: this item of the list starts its '-' at the left edge, "
        "where the item before it (line 7) starts its '-' 2 spaces in; line its '-' up with "
        "that one, 2 spaces in, and move its other lines (to line 10) by as much "
        "[yaml.item-out-of-line]"
    ]


def test_a_first_turn_is_not_lined_up_with_its_question(minimal_project: Path) -> None:
    """Both start with 'id'; the turn is of the list under 'turns:'."""
    [problem] = problems_with(minimal_project, QUIZ, {91: "      - id: open: 开场"})
    assert "item-out-of-line" not in problem


@pytest.mark.parametrize("dash", ["— ", "－", "– ", "-", "—— ", "——"])
def test_a_text_item_with_a_dash_that_is_no_list_dash_is_named(
    minimal_project: Path, dash: str
) -> None:
    """An ordering question's item: YAML read it as more of the item above and gave up on
    the line below, with its own words."""
    what = "has no space after it" if dash == "-" else "is not the half-width '-' of a list"
    assert problems_with(minimal_project, QUIZ, {49: f"      {dash}移情"}) == [
        f"{QUIZ}:49:7: the '{dash.strip()}' before '移情' {what}, so YAML reads the line as "
        "more of the item above it; write a half-width '-' and a space before the text: "
        "- 移情 [yaml.list-dash]"
    ]


def test_a_first_text_item_with_a_dash_that_is_no_list_dash_is_named(
    minimal_project: Path,
) -> None:
    """YAML read the whole list as one text; it was told to write it in brackets, the
    dash inside them."""
    [problem] = problems_with(minimal_project, QUIZ, {47: "      — 道歉"})
    assert problem.endswith(
        "start each entry with a half-width '-' and a space: - 道歉 (YAML reads '—' as text, "
        "and the entries below it as more of the same text) [schema.not-a-list]"
    )


@pytest.mark.parametrize(
    ("dashes", "shown"),
    [
        (["      —— 道歉"], "—— 道歉 - 紧急复原 - 移情 - 象征性赎罪 - 跟踪"),
        (["      ——道歉", "      ——紧急复原"], "——道歉 ——紧急复原 - 移情 - 象征性赎罪 - 跟踪"),
        (
            [f"      － {item}" for item in ("道歉", "紧急复原", "移情", "象征性赎罪", "跟踪")],
            "－ 道歉－ 紧急复原－ 移情－ 象征性赎罪－ 跟踪",
        ),
    ],
    ids=["double-dash-first", "double-dashes", "full-width-all"],
)
def test_text_items_whose_dashes_an_input_method_typed_are_named_at_the_first(
    minimal_project: Path, dashes: list[str], shown: str
) -> None:
    """YAML read the list as one text, told at 'items:' a line above the slip; an input
    method's '——' was taken for '—' and an entry of the text ('- — 道歉'), and entries
    joined with no space between them (YAML joins lines of Chinese so) for one entry."""
    edits = {47 + index: line for index, line in enumerate(dashes)}
    dash = dashes[0].split()[0].rstrip("道歉")
    assert problems_with(minimal_project, QUIZ, edits) == [
        f"{QUIZ}:47:7: question 's1-ordering': 'items' must be a list, not '{shown}'; start "
        f"each entry with a half-width '-' and a space: - 道歉 (YAML reads '{dash}' as text, "
        "and the entries below it as more of the same text) [schema.not-a-list]"
    ]


@pytest.mark.parametrize("number", ["1.", "1、", "1)"])
def test_text_items_numbered_as_in_a_document_are_told_to_take_dashes(
    minimal_project: Path, number: str
) -> None:
    """YAML read the numbered items as one text; it was told to write them in brackets,
    '[1. 道歉 2. 紧急复原 …]', one entry, and then that the list was too short."""
    items = {
        47 + index: f"      {number.replace('1', str(index + 1))} 步骤{index}" for index in range(3)
    }
    [problem] = problems_with(minimal_project, QUIZ, items)
    assert problem.endswith(
        f"start each entry with '- ' instead of its number, on a line of its own: - 步骤0 "
        f"(YAML reads '{number}' as text, and the entries below it as more of the same text; "
        "the list keeps the order they are written in) [schema.not-a-list]"
    )


@pytest.mark.parametrize("dash", ["    - text", "- text", "        - text"])
def test_an_option_whose_dash_alone_slipped_moves_only_its_dash(
    minimal_project: Path, dash: str
) -> None:
    """Its keys below were where they belong: told to move them too, the trainer broke them."""
    [problem] = problems_with(minimal_project, QUIZ, {10: f"{dash}: 专心倾听并确认理解"})
    assert problem.endswith(
        "where the item before it (line 8) starts its '-' 6 spaces in; line its '-' up with "
        "that one, 6 spaces in [yaml.item-out-of-line]"
    )


def test_a_key_too_deep_under_a_key_written_so_elsewhere_is_the_one_to_move(
    minimal_project: Path,
) -> None:
    """'blanks:' 4 spaces too deep below a fill-in's 'text:': 'text' is written 8 spaces in
    elsewhere (the options'), and 'text' was told to move there, above 'blanks'."""
    assert problems_with(minimal_project, QUIZ, {77: "        blanks:"}) == [
        f"{QUIZ}:77:9: the key 'blanks' is indented differently from the key above it (line "
        "76); line it up with it: start 'blanks' right under 'text', 4 spaces in "
        "[yaml.indentation]"
    ]


@pytest.mark.parametrize("value", ["-5", "-5℃"])
def test_a_negative_number_keeps_its_sign_in_the_fix(minimal_project: Path, value: str) -> None:
    """It was read as a list's first entry started by '-' with no space: told '- 5'."""
    [problem] = problems_with(minimal_project, QUIZ, {78: f"      - accept: {value}"})
    assert problem.endswith(f'or in brackets: accept: ["{value}"] [schema.not-a-list]')


PASTED = "客户说" + "很长的一段话，" * 15_000 + "怎么做？"
"""A paragraph pasted onto one line, 105,000 characters: each fix wrote it out whole."""


@pytest.mark.parametrize(
    ("line", "written"),
    [
        (f"    prompt: [注意]{PASTED}", f'prompt: "[注意]{PASTED[:75]}…{PASTED[-29:]}"'),
        (f'    prompt: "{PASTED}', f'prompt: "{PASTED[:79]}…{PASTED[-29:]}"'),
        (f"    prompt：{PASTED}", f"prompt: {PASTED[:80]}…{PASTED[-30:]}"),
        (f"    prompt:{PASTED}", f"prompt: {PASTED[:80]}…{PASTED[-30:]}"),
        (f"    prompt {PASTED}", f"prompt: {PASTED[:80]}…{PASTED[-30:]}"),
        (f'    prompt: "D:\\{PASTED}"', f'prompt: "D:\\\\{PASTED[:75]}…{PASTED[-29:]}"'),
        (f"    prompt: #{PASTED}", f'prompt: "#{PASTED[:78]}…{PASTED[-29:]}"'),
    ],
    ids=["needs-quotes", "unclosed", "full-width-colon", "no-space", "no-colon", "escape", "#"],
)
def test_a_fix_writes_a_long_value_out_by_its_ends(
    minimal_project: Path, line: str, written: str
) -> None:
    [problem] = problems_after(minimal_project, line)
    assert f": {written}" in problem
    assert len(problem) < 600


KEY_IN_TEXT = "so YAML reads it as part of that text"


@pytest.mark.parametrize(
    ("edits", "expected", "fixed"),
    [
        (
            {10: "      - text: 专心倾听并确认理解 correct: true", 11: ""},
            f"10:25: 'correct:' is written on the line of 'text:', after its text, {KEY_IN_TEXT}; "
            "end this line at the text (- text: 专心倾听并确认理解) and put 'correct: true' on a "
            "line of its own below it, right under 'text', 8 spaces in",
            {10: "      - text: 专心倾听并确认理解", 11: "        correct: true"},
        ),
        (
            {62: "      - item: “给我换根网线。”, match: 尽快恢复上网", 63: ""},
            f"62:26: 'match:' is written on the line of 'item:', after its text, {KEY_IN_TEXT}; "
            "end this line at the text (- item: “给我换根网线。”) and put 'match: 尽快恢复上网' on "
            "a line of its own below it, right under 'item', 8 spaces in",
            {62: "      - item: “给我换根网线。”", 63: "        match: 尽快恢复上网"},
        ),
    ],
    ids=["correct-after-option-text", "match-after-item"],
)
def test_a_key_written_after_the_text_of_the_key_before_it_goes_on_its_own_line(
    minimal_project: Path, edits: dict[int, str], expected: str, fixed: dict[int, str]
) -> None:
    """YAML said a colon was not allowed there, and to write it full-width or put the text in
    quotes: done, the option's text read '…确认理解 correct：true', and no option was right."""
    assert problems_with(minimal_project, QUIZ, edits) == [f"{QUIZ}:{expected} [yaml.key-in-text]"]
    assert problems_with(minimal_project, QUIZ, fixed) == []


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (
            {48: "      - 紧急复原\n        correct: true"},
            "49:9: 'correct:' is under the entry '- 紧急复原' of 'items', which is a text alone, "
            "so YAML reads it as more of that text; delete this line: an ordering question's "
            "items have no 'correct:', the order they are written in is the right order",
        ),
        (
            {69: "      - 降低月租\n        feedback: 这不是需求。"},
            "70:9: 'feedback:' is under the entry '- 降低月租' of 'distractors', which is a text "
            "alone, so YAML reads it as more of that text; delete this line: the entries of "
            "'distractors' are plain texts, with no keys",
        ),
    ],
    ids=["correct-under-ordering-item", "feedback-under-distractor"],
)
def test_a_key_under_an_entry_that_is_a_text_alone_is_to_be_deleted(
    minimal_project: Path, edits: dict[int, str], expected: str
) -> None:
    """Followed, YAML's advice (the colon full-width, or quotes) made the item '紧急复原
    correct：true', shown to learners as one of the steps to order."""
    assert problems_with(minimal_project, QUIZ, edits) == [f"{QUIZ}:{expected} [yaml.key-in-text]"]


@pytest.mark.parametrize(
    "line",
    ["    prompt: 客户说: 你好", "    prompt: 请注意 Tip: 先道歉", "    prompt: 客户 Text: 你好"],
)
def test_a_colon_in_a_text_after_no_key_keeps_the_quotes_or_full_width_advice(
    minimal_project: Path, line: str
) -> None:
    assert problems_after(minimal_project, line) == [
        f"{QUIZ}:35:{line.index(': ', 12) + 1}: YAML syntax error: mapping values are not "
        "allowed here; put the value in quotes, or write the colon inside it as a full-width "
        "'：' [yaml.syntax]"
    ]


@pytest.mark.parametrize(
    ("number", "line"),
    [
        (35, "    prompt: The answer type: single"),
        (35, "    prompt: 请判断 The review: 01-sample.md"),
        (6, "    prompt: 客户说话时 The customer feedback: 很好"),
        (10, "      - text: 专心倾听 feedback: 客户会觉得被倾听"),
    ],
    ids=["key-of-the-question-already-written", "after-a-word", "after-an-english-word",
         "key-of-the-option-already-written"],
)  # fmt: skip
def test_english_prose_with_a_key_s_word_before_a_colon_is_no_misplaced_key(
    minimal_project: Path, number: int, line: str
) -> None:
    """'The answer type: single' was told that 'type:' belongs on a line of its own below
    'prompt:', though the question has its type: a trainer writing English words before a
    colon means a colon, and keeps YAML's advice (quotes, or a full-width colon)."""
    column = line.index(": ", line.index(": ") + 1) + 1
    assert problems_with(minimal_project, QUIZ, {number: line}) == [
        f"{QUIZ}:{number}:{column}: YAML syntax error: mapping values are not allowed here; put "
        "the value in quotes, or write the colon inside it as a full-width '：' [yaml.syntax]"
    ]


def test_english_prose_in_an_ordering_item_keeps_the_colon_advice(minimal_project: Path) -> None:
    """'- The answer type: single' among an ordering question's items was told to lose
    'type: single', half of the trainer's text."""
    assert problems_with(minimal_project, QUIZ, {49: "      - The answer type: single"}) == [
        f"{QUIZ}:49:9: question 's1-ordering': each entry of 'items' must be text, and the "
        "': ' after 'The answer type' makes YAML read this one as a 'key: value' line; write "
        "that colon full-width (The answer type：single), or put the entry in quotes: "
        '"The answer type: single" [schema.not-text]'
    ]


def test_a_key_with_true_after_an_english_word_is_still_a_misplaced_key(
    minimal_project: Path,
) -> None:
    """'correct: true' after 'Wi-Fi' is no prose: the option's 'correct:' on its line."""
    edits = {10: "      - text: 连上 Wi-Fi correct: true", 11: ""}
    assert problems_with(minimal_project, QUIZ, edits) == [
        f"{QUIZ}:10:24: 'correct:' is written on the line of 'text:', after its text, "
        f"{KEY_IN_TEXT}; end this line at the text (- text: 连上 Wi-Fi) and put 'correct: "
        "true' on a line of its own below it, right under 'text', 8 spaces in [yaml.key-in-text]"
    ]


@pytest.mark.parametrize("mark", [">-", "|-", "|2-"])
def test_a_text_on_the_line_of_its_block_mark_goes_below_it_or_loses_the_mark(
    minimal_project: Path, mark: str
) -> None:
    """The value was told to go in quotes, and the site showed '>- 探索阶段…' to learners."""
    edits = {15: f"    explanation: {mark} 探索阶段先要听懂客户。"}
    assert problems_with(minimal_project, QUIZ, edits) == [
        f"{QUIZ}:15:18: '{mark}' after 'explanation:' starts a text written on the lines below "
        "it, so no text may follow it on its own line; move the text to a line of its own "
        f"below, 6 spaces in, or delete '{mark}' to keep it on this line: explanation: "
        "探索阶段先要听懂客户。 [yaml.text-after-mark]"
    ]
    below = {15: f"    explanation: {mark}\n      探索阶段先要听懂客户。"}
    assert problems_with(minimal_project, QUIZ, below) == []
    explanation = load_course(Project(minimal_project)).modules[0].quiz.questions[0].explanation
    assert explanation == "探索阶段先要听懂客户。"


# Slips told in YAML's words, at a wrong line, or with advice that points the wrong way ----

EXAM = "quizzes/exam.yml"


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (
            "01-sample: 1",
            "02-second: 2",
            "6:1: the keys on lines 6-7 start at the left edge, no further in than 'draw:' "
            "(line 5) above them, so YAML does not read them as under it; indent lines 6-7 by "
            "2 more spaces, to start 2 spaces in as the keys below them do (line 8 on)",
        ),
        (
            "    01-sample: 1",
            "    02-second: 2",
            "6:5: the keys on lines 6-7 start 4 spaces in, where the other keys under 'draw:' "
            "(line 5) start 2 spaces in; indent lines 6-7 by 2 fewer spaces, to start 2 "
            "spaces in as the keys below them do (line 8 on)",
        ),
        (
            "    01-sample: 1",
            "  02-second: 2",
            "6:5: the key '01-sample' is indented more than the key below it (line 7); line it "
            "up with it: start '01-sample' right above '02-second', 2 spaces in",
        ),
    ],
    ids=["two-at-the-left-edge", "two-further-in", "one-further-in"],
)
def test_the_first_draws_out_of_line_with_the_rest_are_the_ones_to_move(
    minimal_project: Path, first: str, second: str, expected: str
) -> None:
    """The first draws out of line, the rest in line below them: the first draw in line was
    told to move to the left edge (or 4 spaces in), and following that broke the rest."""
    rest = "\n  03-third: 1\n  04-fourth: 1\n  05-fifth: 1"
    assert problems_with(minimal_project, EXAM, {6: first, 7: second + rest}) == [
        f"{EXAM}:{expected} [yaml.indentation]"
    ]


@pytest.mark.parametrize(
    ("indent", "expected"),
    [
        (
            "",
            "7:1: the keys on lines 7-8 start at the left edge, no further in than 'draw:' "
            "(line 5) above them, so YAML does not read them as under it; indent lines 7-8 by "
            "2 more spaces, to start 2 spaces in as the keys above and below them do (lines 6 "
            "and 9)",
        ),
        (
            "    ",
            "7:5: the keys on lines 7-8 start 4 spaces in, where the other keys under 'draw:' "
            "(line 5) start 2 spaces in; indent lines 7-8 by 2 fewer spaces, to start 2 spaces "
            "in as the keys above and below them do (lines 6 and 9)",
        ),
        (
            " ",
            "7:2: the keys on lines 7-8 start 1 space in, where the other keys under 'draw:' "
            "(line 5) start 2 spaces in; indent lines 7-8 by 1 more space, to start 2 spaces "
            "in as the keys above and below them do (lines 6 and 9)",
        ),
    ],
    ids=["at-the-left-edge", "further-in", "one-space-short"],
)
def test_draws_out_of_line_in_the_middle_of_the_list_are_the_ones_to_move(
    minimal_project: Path, indent: str, expected: str
) -> None:
    """Two draws out of line between draws in line: at the left edge, the first draw back
    in line below them was told to move to the left edge (which took it out of 'draw:'),
    and further in, only the first of the two was named, one line at a time."""
    edits = {7: f"{indent}02-second: 2\n{indent}03-third: 1\n  04-fourth: 1\n  05-fifth: 1"}
    assert problems_with(minimal_project, EXAM, edits) == [f"{EXAM}:{expected} [yaml.indentation]"]


@pytest.mark.parametrize(
    ("edits", "expected"),
    [
        (
            {1: "", 7: "title: 结业考试\n  02-second: 2"},
            "7:1: the key 'title' on line 7 starts at the left edge amid the keys under 'draw:' "
            "(line 5), so YAML ends 'draw:' there, and cannot read the indented key below it "
            "(line 8); move line 7 above 'draw:', beside the other keys at the left edge",
        ),
        (
            {1: "", 2: "", 7: "title: 结业考试\n\n# 及格线\npass_mark: 80\n  02-second: 2"},
            "7:1: the keys 'title' and 'pass_mark' on lines 7-10 start at the left edge amid "
            "the keys under 'draw:' (line 5), so YAML ends 'draw:' there, and cannot read the "
            "indented key below them (line 11); move lines 7-10 above 'draw:', beside the "
            "other keys at the left edge",
        ),
        (
            {3: "", 6: "shuffle_options: true\n  01-sample: 1"},
            "6:1: the key 'shuffle_options' on line 6 starts at the left edge amid the keys "
            "under 'draw:' (line 5), so YAML ends 'draw:' there, and cannot read the indented "
            "key below it (line 7); move line 6 above 'draw:', beside the other keys at the "
            "left edge",
        ),
    ],
    ids=["between-draws", "two-with-a-comment", "first-under-draw"],
)
def test_settings_at_the_left_edge_among_draws_are_told_to_move_above_draw(
    minimal_project: Path, edits: dict[int, str], expected: str
) -> None:
    """'title:' or 'pass_mark:' between two modules' draws are the exam's own settings, not
    draws out of line: they were told to line up with the draw above (which made them
    modules), or the draw below to go to the left edge. Moved above 'draw:', the exam loads."""
    assert problems_with(minimal_project, EXAM, edits) == [f"{EXAM}:{expected} [yaml.indentation]"]
    settings, draws = (minimal_project / EXAM).read_text(encoding="utf-8").split("draw:\n")
    kept = [line for line in draws.split("\n") if not line or line.startswith("  ")]
    moved = [line for line in draws.split("\n") if line and not line.startswith("  ")]
    (minimal_project / EXAM).write_text(
        "\n".join([settings.rstrip(), *moved, "draw:", *kept]), encoding="utf-8"
    )
    assert course_problems(minimal_project) == []


@pytest.mark.parametrize(
    ("path", "number", "line"),
    [
        (QUIZ, 2, "    id: s1-single"),
        (QUIZ, 8, "        text: 打断客户，直接给方案"),
        (QUIZ, 94, "            text: 这是厂家的问题，不归我们管，您直接去找厂家售后吧。"),
        ("course/01-sample.md", 7, "    id: s1-listen"),
    ],
    ids=["question", "option", "reply", "objective"],
)
def test_a_first_item_with_no_dash_is_told_to_take_one(
    minimal_project: Path, path: str, number: int, line: str
) -> None:
    """YAML gave up at the second item, with its own words ("expected <block end>")."""
    key = line.split(":")[0].strip()
    owner = {"id": "questions", "text": "options"}.get(key, "")
    owner = "objectives" if path.endswith(".md") else "replies" if number == 94 else owner
    assert problems_with(minimal_project, path, {number: line}) == [
        f"{path}:{number}:{len(line) - len(line.lstrip()) + 1}: '{key}' starts the first item "
        f"of the list '{owner}', but has no '- ' before it; write '- ' in place of the 2 "
        f"spaces before it, where the other items have theirs: - {line.strip()} "
        "[yaml.item-without-dash]"
    ]


def test_a_first_item_with_no_dash_at_the_dash_s_place_is_told_to_take_one(
    minimal_project: Path,
) -> None:
    """It was told to line up with the keys below it, and then to take its '- '."""
    assert problems_with(minimal_project, QUIZ, {2: "  id: s1-single"}) == [
        f"{QUIZ}:2:3: 'id' starts the first item of the list 'questions', but has no '- ' "
        "before it; write '- ' before it, where the other items have theirs: - id: s1-single "
        "[yaml.item-without-dash]"
    ]


def test_a_text_broken_onto_a_line_as_far_in_as_its_key_is_named_there(
    minimal_project: Path,
) -> None:
    """YAML read the second line as a key, and said a line late that it found no ':'."""
    edits = {6: "    prompt: 客户说话时，\n    你首先应该怎么做？"}
    assert problems_with(minimal_project, QUIZ, edits) == [
        f"{QUIZ}:7:5: line 7 holds a text with no key, below 'prompt:' (line 6) and no "
        "further in than 'prompt', so YAML reads it as a new key, with no ':' after it; if "
        "the text goes on from 'prompt:', put it on line 6, after the text there, or indent "
        "it further than 'prompt', 6 spaces in (or write 'prompt: >-' and the whole text on "
        "the lines below it, 6 spaces in); if it belongs to a key of its own, write that key "
        "before it [yaml.indentation]"
    ]


@pytest.mark.parametrize(
    ("path", "number", "first", "second", "indent"),
    [
        (QUIZ, 6, "    prompt: 客户说话时，", "你首先应该怎么做？", 6),
        (QUIZ, 6, "    prompt: 客户说话时，", "  你首先应该怎么做？", 6),
        (QUIZ, 9, "        feedback: 打断会让客户", "觉得没有被倾听。", 10),
        (QUIZ, 9, "        feedback: 打断会让客户", "    觉得没有被倾听。", 10),
        ("course/01-sample.md", 8, "    text: 说出倾听", "的要点", 6),
    ],
    ids=["prompt-left-edge", "prompt-2-spaces", "feedback-left-edge", "feedback-4-spaces", "page"],
)
def test_a_text_broken_onto_a_line_left_of_its_key_is_named_there(
    minimal_project: Path, path: str, number: int, first: str, second: str, indent: int
) -> None:
    """YAML read the second line as a key of a mapping further out, and said a line late,
    or more, that it found no ':'."""
    name = first.split(":")[0].strip()
    assert problems_with(minimal_project, path, {number: f"{first}\n{second}"}) == [
        f"{path}:{number + 1}:{len(second) - len(second.lstrip()) + 1}: line {number + 1} holds "
        f"a text with no key, below '{name}:' (line {number}) and no further in than '{name}', "
        f"so YAML reads it as a new key, with no ':' after it; if the text goes on from "
        f"'{name}:', put it on line {number}, after the text there, or indent it further than "
        f"'{name}', {indent} spaces in (or write '{name}: >-' and the whole text on the lines "
        f"below it, {indent} spaces in); if it belongs to a key of its own, write that key "
        "before it [yaml.indentation]"
    ]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("    探索阶段\n    先要听懂客户。", "16:5: lines 16-17 hold"),
        ("    探索阶段先要听懂客户。", "16:5: line 16 holds"),
        ("      探索阶段\n    先要听懂客户。", "17:5: line 17 holds"),
    ],
    ids=["both-lines", "one-line", "second-line"],
)
def test_a_text_below_its_mark_as_far_in_as_its_key_is_named_there(
    minimal_project: Path, text: str, where: str
) -> None:
    """YAML read the lines as a key, and said on the line after them that it found no ':'."""
    them = "them" if "lines" in where else "it"
    assert problems_with(minimal_project, QUIZ, {15: f"    explanation: >-\n{text}"}) == [
        f"{QUIZ}:{where} a text with no key, below 'explanation:' (line 15) and no further in "
        "than 'explanation', so YAML reads it as a new key, with no ':' after it; indent "
        f"{them} further than 'explanation', 6 spaces in, as every line of a text below "
        "'explanation: >-' must be [yaml.indentation]"
    ]


@pytest.mark.parametrize(
    ("number", "line"), [(6, "    promt 客户说话时，你首先应该怎么做？"), (4, "    客户说话时")]
)
def test_a_lost_key_is_not_told_to_join_the_text_above(
    minimal_project: Path, number: int, line: str
) -> None:
    """A misspelt key with its colon left out, or a text whose key was lost after
    'type: single' (no text goes on from a word), is no text's next line; a guard, as
    before: YAML's words, a line below."""
    assert problems_with(minimal_project, QUIZ, {number: line}) == [
        f"{QUIZ}:{number + 1}:5: YAML syntax error: could not find expected ':'; check the "
        "indentation and quoting on this line and the one above it [yaml.syntax]"
    ]


def test_a_line_indented_with_no_break_spaces_is_named(minimal_project: Path) -> None:
    """Pasted from a web page: YAML spoke of mapping values, and the advice was quotes."""
    assert problems_with(minimal_project, QUIZ, {3: "\u00a0\u00a0\u00a0\u00a0type: single"}) == [
        f"{QUIZ}:3:1: the line is indented with no-break spaces (U+00A0); indent with "
        "ordinary spaces (half-width), two per level [yaml.full-width-indent]"
    ]


@pytest.mark.parametrize(
    ("number", "line", "expected"),
    [
        (
            8,
            "      -\u3000text: 打断客户，直接给方案",
            "8:7: the '-' before 'text' is followed by a full-width space (U+3000), which YAML "
            "does not read as a space, so it reads the line as a text; replace that space "
            "with an ordinary (half-width) one: - text: 打断客户，直接给方案",
        ),
        (
            48,
            "      -\u3000紧急复原",
            "48:7: the '-' before '紧急复原' is followed by a full-width space (U+3000), so "
            "YAML reads the line as more of the item above it; replace that space with an "
            "ordinary (half-width) one: - 紧急复原",
        ),
        (
            8,
            "      - - text: 打断客户，直接给方案",
            "8:9: the line starts with two '- ', so YAML reads its item as a list inside the "
            "list; delete the second '- ': - text: 打断客户，直接给方案",
        ),
    ],
    ids=["full-width-space", "full-width-space-text", "two-dashes"],
)
def test_an_item_s_dash_slip_is_named_at_its_line(
    minimal_project: Path, number: int, line: str, expected: str
) -> None:
    """YAML spoke of a '?' or of mapping values, a line below the slip."""
    assert problems_with(minimal_project, QUIZ, {number: line}) == [
        f"{QUIZ}:{expected} [yaml.list-dash]"
    ]


@pytest.mark.parametrize(
    ("number", "line", "expected"),
    [
        (
            8,
            "      - text: * 打断客户，直接给方案",
            "8:15: the text after 'text:' starts with '*', which YAML reads as an alias (a "
            "reference to another part of the file); put the whole text in quotes: "
            'text: "* 打断客户，直接给方案"',
        ),
        (
            48,
            "      - & 紧急复原",
            "48:9: the list entry starts with '&', which YAML reads as an anchor (a name for "
            'a part of the file); put the whole text in quotes: - "& 紧急复原"',
        ),
    ],
    ids=["bullet", "ampersand"],
)
def test_a_text_that_starts_with_a_bullet_is_to_be_quoted(
    minimal_project: Path, number: int, line: str, expected: str
) -> None:
    """YAML said it expected an alphabetic or numeric character, but found ' '."""
    assert problems_with(minimal_project, QUIZ, {number: line}) == [
        f"{QUIZ}:{expected} [yaml.needs-quotes]"
    ]
