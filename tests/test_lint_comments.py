"""A text cut short by a comment: YAML ends an unquoted text at a space and ``#``."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.lint.comments import cut_text_problems
from generator.yaml_source import parse_yaml
from tests.conftest import run_generator
from tests.test_schema_messages import MODULE, QUIZ, edit


def cut(text: str) -> list[str]:
    """Each warning about ``text`` as ``line:column: message``."""
    source = parse_yaml(text, Path(QUIZ))
    return [f"{p.line}:{p.column}: {p.message}" for p in cut_text_problems(source)]


def test_a_hash_with_text_after_it_cut_the_text_short() -> None:
    assert cut("prompt: 最早提出的是谁 #1 号人物？\n") == [
        "1:17: 'prompt' ends at '最早提出的是谁': YAML reads '#1 号人物？', to the end "
        "of the line, as a comment"
    ]


def test_an_entry_of_a_list_is_read_as_a_key_s_value_is() -> None:
    assert cut("items:\n  - 道歉 #1\n  - 跟踪\n") == [
        "2:8: an entry of 'items' ends at '道歉': YAML reads '#1', to the end of the line, "
        "as a comment"
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "prompt: 最早提出的是\n  谁 #1 号人物？\noptions: []\n",
            "2:5: 'prompt' ends at '最早提出的是谁': YAML reads '#1 号人物？'",
        ),
        (
            "prompt: 最早提出的是谁\n  #1 号人物？\noptions: []\n",
            "2:3: 'prompt' ends at '最早提出的是谁': YAML reads '#1 号人物？'",
        ),
        (
            "items:\n  - 先道歉\n    #1 再跟踪\n  - 跟踪\n",
            "3:5: an entry of 'items' ends at '先道歉': YAML reads '#1 再跟踪'",
        ),
    ],
)
def test_a_text_going_on_to_more_lines_is_cut_where_the_comment_begins(
    text: str, found: str
) -> None:
    """A text folded over lines ends at the first comment on any of them."""
    assert cut(text) == [f"{found}, to the end of the line, as a comment"]


@pytest.mark.parametrize(
    "text",
    [
        "prompt: 谁最早提出？   # 注释：出自模块一\n",  # a comment, written as one
        'prompt: "谁 #1 号人物？"\n',  # the hash is text: the text is in quotes
        "prompt: '谁 #1 号人物？'\n",
        "prompt: C#语言和 F#语言\n",  # no space before the hash: text
        "prompt: >-\n  谁 #1 号人物？\n",  # a folded text starting on the next line
        "accept: [切, 切脉]   #或者\n",  # a list in brackets is not a text
        "answer: true #1\n",  # not a text
        "feedback: {correct: 好的, incorrect: 坏的}  #注释\n",  # the texts end at the brackets
        "options:\n  - {text: 道歉, correct: true} #1\n",
        '"键: 值": "文本 #1"\n',  # a key in quotes may hold a colon
        "prompt: 谁最早提出？\n  # 注释\noptions: []\n",  # a comment on a line of its own
        "prompt: 谁最早提出？\noptions: []  #1\n",  # the next key's line, not the text's
        "prompt: 谁最早提出？  # 注释\n  #1\n",  # the text ended at the first comment
    ],
)
def test_a_comment_or_a_hash_inside_the_text_is_left_alone(text: str) -> None:
    assert cut(text) == []


def test_check_names_a_cut_text_in_a_quiz_and_in_front_matter(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit(
        minimal_project,
        QUIZ,
        "prompt: 服务补救的第一步是道歉。",
        "prompt: 服务补救的第一步 #1 是道歉。",
    )
    edit(minimal_project, MODULE, "title: ", "title: 第 #1 课 ")
    capsys.readouterr()
    assert run_generator(minimal_project, "check") == 0
    warned = [line for line in capsys.readouterr().err.splitlines() if "[text.cut-by" in line]
    assert [line.split(": warning: ")[0] for line in warned] == [
        "course/01-sample.md:2:10",
        "quizzes/01-sample.yml:35:22",
    ]
    assert "'title' ends at '第'" in warned[0]
    assert "'prompt' ends at '服务补救的第一步'" in warned[1]
    assert run_generator(minimal_project, "check", "--strict") == 1
