"""Schema problems in words a trainer can act on: what was found, what belongs there, the fix."""

from __future__ import annotations

import sys
from pathlib import Path
from types import FrameType

import pytest

from generator.errors import CourseError
from generator.load import load_course
from generator.models import OPTIONAL_FIELDS, ModuleMeta, Quiz, StrictModel
from generator.project import Project
from generator.schema_location import KEYS_UNDER, LIST_KEYS
from generator.schema_problems import validate_model
from generator.yaml_quote_hints import quoted
from generator.yaml_source import parse_yaml
from generator.yaml_value_fixes import ENTRY_KEYS
from tests.conftest import FIXTURES

MODULE = "course/01-sample.md"
QUIZ = "quizzes/01-sample.yml"
EXAM = "quizzes/exam.yml"
OBJECTIVES = """\
  - id: s1-listen
    text: 说出倾听的要点
  - id: s1-need
    text: 区分要求和需求
  - id: s1-recover
    text: 说出服务补救的第一步
"""


def problems_of(root: Path) -> list[str]:
    with pytest.raises(CourseError) as caught:
        load_course(Project(root))
    return [str(problem) for problem in caught.value.problems]


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "line", "subject"),
    [
        ("      - 紧急复原", '      - 紧急复原: 当晚就"解决"', 48,
         "question 's1-ordering': each entry of 'items'"),
        ("      - 降低月租", "      - 月租: 降一半", 69,
         "question 's1-matching': each entry of 'distractors'"),
        ("accept: [切, 切脉]", "accept: [切, '切脉: 把脉']\n      - accept: [比例: 六成]", 80,
         "question 's1-fill-in': each entry of 'accept'"),
    ],
    ids=["item-with-quotes", "distractor", "accepted-answer"],
)  # fmt: skip
def test_a_colon_in_a_list_entry_is_told_to_be_full_width_or_quoted(
    minimal_project: Path, old: str, new: str, line: int, subject: str
) -> None:
    """'Write the text on the same line as items:' was the fix, which YAML then refused. The
    entry in quotes, as told, is read (in single quotes when it holds a double one)."""
    edit(minimal_project, QUIZ, old, new)
    entry = new.rsplit("- ", 1)[-1].removeprefix("accept: [").rstrip("]")
    name, text = entry.split(": ")
    in_quotes = quoted(entry)
    found = problems_of(minimal_project)
    assert found[0].startswith(f"{QUIZ}:{line}:"), found
    assert found[0].endswith(
        f"{subject} must be text, and the ': ' after '{name}' makes YAML read this one as a "
        f"'key: value' line; write that colon full-width ({name}：{text}), or put the entry "
        f"in quotes: {in_quotes} [schema.not-text]"
    ), found
    edit(minimal_project, QUIZ, entry, in_quotes)
    assert entry in str(load_course(Project(minimal_project)).modules[0].quiz)


@pytest.mark.parametrize(
    ("old", "new", "expected", "fixed"),
    [
        ("      - 紧急复原", "      - text: 紧急复原",
         "48:9: question 's1-ordering': each entry of 'items' must be text, and 'text:' at its "
         "start makes YAML read it as a 'key: value' line, but the entries of 'items' are plain "
         "texts, with no keys; write the text alone, without 'text:': - 紧急复原",
         "      - 紧急复原"),
        ("      - 紧急复原", "      - 紧急复原 correct: true",
         "48:9: question 's1-ordering': each entry of 'items' must be text, and 'correct:' after "
         "its text makes YAML read it as a 'key: value' line; delete 'correct: true', leaving "
         "- 紧急复原: an ordering question's items have no 'correct:', the order they are "
         "written in is the right order",
         "      - 紧急复原"),
        ("      - 降低月租", "      - match: 降低月租",
         "69:9: question 's1-matching': each entry of 'distractors' must be text, and 'match:' "
         "at its start makes YAML read it as a 'key: value' line, but the entries of "
         "'distractors' are plain texts, with no keys; write the text alone, without "
         "'match:': - 降低月租",
         "      - 降低月租"),
    ],
    ids=["option-key-on-ordering-item", "correct-after-ordering-item", "key-on-distractor"],
)  # fmt: skip
def test_a_key_in_an_entry_that_is_a_text_alone_is_told_to_go(
    minimal_project: Path, old: str, new: str, expected: str, fixed: str
) -> None:
    """The key typed as in an option was told to take a full-width colon, or quotes: done,
    the learners ordered a step that read 'text：紧急复原'."""
    edit(minimal_project, QUIZ, old, new)
    assert problems_of(minimal_project) == [f"{QUIZ}:{expected} [schema.not-text]"]
    edit(minimal_project, QUIZ, new, fixed)
    load_course(Project(minimal_project))


def test_a_number_after_a_colon_in_a_list_entry_is_not_quoted_back_changed(
    minimal_project: Path,
) -> None:
    """YAML read 0.50 as 0.5: quoting back what it read would change the trainer's text."""
    edit(minimal_project, QUIZ, "      - 降低月租", "      - 满意率: 0.50")
    assert problems_of(minimal_project)[0].endswith(
        "write that colon full-width, or put the whole entry in double quotes [schema.not-text]"
    )


def test_a_number_where_text_belongs_is_to_be_quoted(minimal_project: Path) -> None:
    edit(minimal_project, QUIZ, "text: 倾听时要望、闻、___、___。", "text: 2004")
    edit(minimal_project, QUIZ, "accept: [问]", "accept: [60]")
    assert problems_of(minimal_project) == [
        f"{QUIZ}:76:5: question 's1-fill-in': 'text' must be text, not the number 2004; "
        'put it in quotes: text: "2004" [schema.not-text]',
        f"{QUIZ}:78:18: question 's1-fill-in': each entry of 'accept' must be text, not the "
        'number 60; put it in quotes: "60" [schema.not-text]',
    ]


@pytest.mark.parametrize("written", ["0800", "3.50", "1e3", "0x1F", "-.5", "TRUE"])
def test_the_quotes_go_around_the_value_as_written(minimal_project: Path, written: str) -> None:
    edit(minimal_project, QUIZ, "text: 打断客户，直接给方案", f"text: {written}  # 客服电话")
    found = written if written == "TRUE" else f"the number {written}"
    assert problems_of(minimal_project) == [
        f"{QUIZ}:8:9: question 's1-single': 'text' must be text, not {found}; "
        f'put it in quotes: text: "{written}" [schema.not-text]',
    ]


def test_a_date_is_named_a_date(minimal_project: Path) -> None:
    """YAML reads 2024-01-01 as a date: it was named as Python prints it, or a number."""
    edit(minimal_project, QUIZ, "applied: true", "applied: 2024-01-01")
    edit(minimal_project, QUIZ, "text: 打断客户，直接给方案", "text: 2024-01-02")
    assert problems_of(minimal_project) == [
        f"{QUIZ}:5:5: question 's1-single': 'applied' must be true or false, not the date "
        "2024-01-01; write applied: true or applied: false [schema.not-true-or-false]",
        f"{QUIZ}:8:9: question 's1-single': 'text' must be text, not the date 2024-01-02; "
        'put it in quotes: text: "2024-01-02" [schema.not-text]',
    ]


@pytest.mark.parametrize("key", ["applied", "type", "objective", "review"])
def test_a_paragraph_pasted_into_the_wrong_key_is_named_by_its_start(
    minimal_project: Path, key: str
) -> None:
    """A 100,000-character value was repeated whole: one line of 100,000 characters, with the
    fix at its end."""
    pasted = "客户" * 50_000
    old = {"applied": "applied: true", "type": "type: single", "objective": "objective: s1-listen"}
    edit(minimal_project, QUIZ, old.get(key, "review: 01-sample.md#listening"), f"{key}: {pasted}")
    [problem] = problems_of(minimal_project)
    assert len(problem) < 300
    assert f"'{pasted[:40]}…'" in problem


def test_the_quotes_go_around_each_answer_as_written(minimal_project: Path) -> None:
    edit(minimal_project, QUIZ, "accept: [问]", "accept: [5, 五, 05]")
    assert problems_of(minimal_project) == [
        f"{QUIZ}:78:18: question 's1-fill-in': each entry of 'accept' must be text, not the "
        'number 5; put it in quotes: "5" [schema.not-text]',
        f"{QUIZ}:78:24: question 's1-fill-in': each entry of 'accept' must be text, not the "
        'number 05; put it in quotes: "05" [schema.not-text]',
    ]


def test_objectives_written_as_plain_text_show_the_shape(minimal_project: Path) -> None:
    plain = "  - 说出倾听的要点\n  - 区分要求和需求\n  - 说出服务补救的第一步\n"
    edit(minimal_project, MODULE, OBJECTIVES, plain)
    problems = problems_of(minimal_project)
    assert len(problems) == 3
    assert problems[0] == (
        f"{MODULE}:7:5: objective 1 is only the text '说出倾听的要点'; each objective needs "
        "'id:' and 'text:'; write it as '- id: …' (an id such as m1-origin) with "
        "'text: 说出倾听的要点' on the next line, lined up under 'id' [schema.not-a-mapping]"
    )


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            QUIZ,
            "",
            f"{QUIZ}:1:1: the quiz file is empty; write 'questions:' and, under it, the "
            "module's questions (see AUTHORING.md) [schema.empty-file]",
        ),
        (
            QUIZ,
            "# 题目还没写\n",
            f"{QUIZ}:1:1: the quiz file is empty; write 'questions:' and, under it, the "
            "module's questions (see AUTHORING.md) [schema.empty-file]",
        ),
        (
            QUIZ,
            "- 谁提出了关键时刻？\n",
            f"{QUIZ}:1:1: the quiz file holds a list, not 'key: value' lines; write "
            "'questions:' and, under it, the module's questions (see AUTHORING.md) "
            "[schema.not-a-mapping]",
        ),
        (
            MODULE,
            "---\n---\n\n正文。\n",
            f"{MODULE}:2:1: the front matter is empty; write 'title:', 'summary:', 'minutes:' "
            "and 'objectives:' between the two '---' lines (see AUTHORING.md) "
            "[schema.empty-file]",
        ),
    ],
    ids=["empty", "only-a-comment", "list", "empty-front-matter"],
)
def test_an_empty_file_says_what_it_must_hold(
    minimal_project: Path, name: str, text: str, expected: str
) -> None:
    (minimal_project / name).write_text(text, encoding="utf-8")
    assert expected in problems_of(minimal_project)


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            MODULE,
            "minutes: 10",
            "minutes:",
            f"{MODULE}:4:1: 'minutes' is empty; write a whole number, such as minutes: 30 (no "
            "quotes, no unit) [schema.not-a-number]",
        ),
        (
            MODULE,
            "minutes: 10",
            "minutes: 0",
            f"{MODULE}:4:1: 'minutes' must be more than 0, not 0; change the value of "
            "'minutes' [schema.out-of-range]",
        ),
        (
            MODULE,
            "stage: explore",
            "stage: Explore",
            f"{MODULE}:5:1: 'stage' must be one of 'meaning', 'principles', 'explore', "
            "'offer', 'do' or 'confirm', not 'Explore'; write it as shown, in lower case: "
            "stage: explore [schema.not-allowed]",
        ),
        (
            MODULE,
            "stage: explore",
            "stage: explor",
            f"{MODULE}:5:1: 'stage' must be one of 'meaning', 'principles', 'explore', "
            "'offer', 'do' or 'confirm', not 'explor'; did you mean 'explore'? write stage: "
            "explore [schema.not-allowed]",
        ),
        (
            MODULE,
            "stage: explore",
            "stage: 探索",
            f"{MODULE}:5:1: 'stage' must be one of 'meaning', 'principles', 'explore', "
            "'offer', 'do' or 'confirm', not '探索'; write one of them exactly as shown, "
            "e.g. stage: meaning [schema.not-allowed]",
        ),
        (
            MODULE,
            "title: 示例模块",
            "title: '  '",
            f"{MODULE}:2:1: 'title' is empty; write the text of 'title' [schema.empty]",
        ),
        (
            MODULE,
            "objectives:\n" + OBJECTIVES,
            "objectives:\n",
            f"{MODULE}:6:1: 'objectives' is empty; write its entries under 'objectives:', "
            "each on its own line starting with '- ' [schema.not-a-list]",
        ),
        (
            MODULE,
            "objectives:\n" + OBJECTIVES,
            "objectives: 说出倾听的要点\n",
            f"{MODULE}:6:1: 'objectives' must be a list, not '说出倾听的要点'; write its entries "
            "under 'objectives:', each starting with '- id: …' on a line of its own and "
            "'text: …' lined up under 'id' below it; '说出倾听的要点' is one entry's text, not a "
            "list [schema.not-a-list]",
        ),
        (
            QUIZ,
            "accept: [问]",
            "accept: 问",
            f"{QUIZ}:78:9: question 's1-fill-in': 'accept' must be a list, not '问'; write "
            "its entries under 'accept:', each on its own line starting with '- ', or in "
            "brackets: accept: [问] [schema.not-a-list]",
        ),
        (
            QUIZ,
            "    prompt: 客户说话时，你首先应该怎么做？",
            "    prompt:\n      - 客户说话时，你首先应该怎么做？",
            f"{QUIZ}:6:5: question 's1-single': 'prompt' must be text, not a list; write the "
            "text on the same line as 'prompt:', without '-' or brackets; if it starts with "
            "'[' or '-', put it in quotes [schema.not-text]",
        ),
        (
            QUIZ,
            "    applied: true",
            "    applied: 1",
            f"{QUIZ}:5:5: question 's1-single': 'applied' must be true or false, not the "
            "number 1; write applied: true or applied: false [schema.not-true-or-false]",
        ),
        (
            "quizzes/exam.yml",
            "draw:\n",
            "draw: 2\nold_draw:\n",
            "quizzes/exam.yml:5:1: 'draw' must hold 'key: value' lines, not the number 2; "
            "write each entry on its own line under 'draw:', indented, as 'key: value' "
            "[schema.not-a-mapping]",
        ),
        (
            QUIZ,
            "  - id: s1-multiple",
            "  - 下面哪些属于客户的需求？\n  - id: s1-multiple",
            f"{QUIZ}:17:5: question 2 is only the text '下面哪些属于客户的需求？'; each "
            "question needs 'id:', 'type:', 'objective:', 'prompt:', 'explanation:' and "
            "'review:'; write it as '- id: …' (an id such as m1-origin) with 'type: …', "
            "'objective: …', 'prompt: …', 'explanation: …' and 'review: …' on the next lines, "
            "lined up under 'id' "
            "[schema.not-a-mapping]",
        ),
        (
            QUIZ,
            "    type: true_false",
            "    type:",
            f"{QUIZ}:33:5: question 's1-true-false': 'type' is empty; write one of: single, "
            "multiple, true_false, ordering, matching, fill_in, scenario [schema.unknown-type]",
        ),
        (
            QUIZ,
            "    type: true_false",
            "    type: 5",
            f"{QUIZ}:33:5: question 's1-true-false': 'type' must be a question type, not the "
            "number 5; set 'type:' to one of: single, multiple, true_false, ordering, "
            "matching, fill_in, scenario [schema.unknown-type]",
        ),
        (
            QUIZ,
            "    prompt: 客户说话时，你首先应该怎么做？",
            "    ｐｒｏｍｐｔ: 客户说话时，你首先应该怎么做？",
            f"{QUIZ}:6:5: question 's1-single': unknown key 'ｐｒｏｍｐｔ', written in "
            "full-width letters; write it in half-width (ordinary) letters: 'prompt:' "
            "[schema.unknown-key]",
        ),
    ],
    ids=[
        "int-empty",
        "greater-than",
        "literal-case",
        "literal-close",
        "literal",
        "blank-text",
        "list-empty",
        "list-of-keys-scalar",
        "list-scalar",
        "text-list",
        "bool-number",
        "dict-scalar",
        "question-text",
        "type-empty",
        "type-number",
        "key-full-width",
    ],
)
def test_every_kind_of_schema_error_says_what_and_how(
    minimal_project: Path, name: str, old: str, new: str, expected: str
) -> None:
    edit(minimal_project, name, old, new)
    problems = problems_of(minimal_project)
    assert expected in problems, problems
    assert not any("Input should" in problem for problem in problems)


@pytest.mark.parametrize(
    ("key", "said"),
    [
        ("“prompt”", "written in quotation marks; write it without the quotation marks: 'prompt:'"),
        ("题目", "keys are written in English: write 'prompt:' in its place, and keep its text"),
        (
            "ｐｒｏｍｐｔ",
            "written in full-width letters; write it in half-width (ordinary) letters: 'prompt:'",
        ),
    ],
    ids=["in-quotes", "in-chinese", "full-width"],
)
def test_a_key_written_otherwise_is_told_to_be_written_as_the_key_it_stands_for(
    minimal_project: Path, key: str, said: str
) -> None:
    """'“prompt”:' and '题目:' were told to be removed (with the prompt they hold), and the
    question that it lacked 'prompt:'; so was 'ｐｒｏｍｐｔ:' that."""
    prompt = "    prompt: 客户说话时，你首先应该怎么做？"
    edit(minimal_project, QUIZ, prompt, prompt.replace("prompt", key))
    separator = "; " if said.startswith("keys") else ", "
    assert problems_of(minimal_project) == [
        f"{QUIZ}:6:5: question 's1-single': unknown key '{key}'{separator}{said} "
        "[schema.unknown-key]"
    ]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            QUIZ,
            "id: s1-single",
            "id: s１-single",
            "2:5: question 's１-single': 'id' 's１-single' is not a valid id: '１' is typed "
            "full-width; type it half-width: id: s1-single [schema.bad-id]",
        ),
        (
            QUIZ,
            "objective: s1-listen",
            "objective: ｓ１-listen",
            "4:5: question 's1-single': 'objective' 'ｓ１-listen' is not a valid id: 'ｓ', '１' "
            "are typed full-width; type it half-width: objective: s1-listen [schema.bad-id]",
        ),
        (
            QUIZ,
            "id: s1-single",
            "id: “s1-single”",
            "2:5: question '“s1-single”': 'id' '“s1-single”' is not a valid id: it is in the "
            "quotation marks “ ”, which YAML keeps as part of the text; write it without them: "
            "id: s1-single [schema.bad-id]",
        ),
        (
            QUIZ,
            "review: 01-sample.md#listening",
            "review: ０１-sample.md#listening",
            "16:5: question 's1-single': review link '０１-sample.md#listening' is not of the "
            "form 'page.md#section-id': '０', '１' are typed full-width; type it half-width: "
            "review: 01-sample.md#listening [schema.bad-review-link]",
        ),
        (
            EXAM,
            "  01-sample: 1",
            "  ０１-sample: 1",
            "6:3: the key '０１-sample' under 'draw' is not a valid name: '０', '１' are typed "
            "full-width; type it half-width: 01-sample: [schema.bad-id]",
        ),
        (
            QUIZ,
            "id: s1-single",
            "id: “s1-single",
            "2:5: question '“s1-single': 'id' '“s1-single' is not a valid id: it has the "
            "quotation mark “, which YAML keeps as part of the text; write it without it: "
            "id: s1-single [schema.bad-id]",
        ),
        (
            QUIZ,
            "id: s1-single",
            "id: S1-Single",
            "2:5: question 'S1-Single': 'id' 'S1-Single' is not a valid id: 'S' is a capital; "
            "type it in lower case: id: s1-single [schema.bad-id]",
        ),
        (
            QUIZ,
            "objective: s1-listen",
            "objective: Ｓ１-listen",
            "4:5: question 's1-single': 'objective' 'Ｓ１-listen' is not a valid id: 'Ｓ', '１' "
            "are typed full-width and 'Ｓ' is a capital; type it half-width, in lower case: "
            "objective: s1-listen [schema.bad-id]",
        ),
        (
            EXAM,
            "  01-sample: 1",
            "  “01-Sample”: 1",
            "6:3: the key '“01-Sample”' under 'draw' is not a valid name: 'S' is a capital and "
            "it is in the quotation marks “ ”, which YAML keeps as part of the text; type it "
            "in lower case, without them: 01-sample: [schema.bad-id]",
        ),
    ],
    ids=[
        "id",
        "objective",
        "id-in-quotes",
        "review",
        "draw",
        "id-after-one-quote",
        "capital",
        "full-width-capital",
        "capital-in-quotes",
    ],
)
def test_an_id_typed_full_width_or_in_chinese_quotes_is_told_which_characters(
    minimal_project: Path, name: str, old: str, new: str, expected: str
) -> None:
    """They were told to use lower-case letters, digits and single hyphens, which the id
    seemed to be; one with capitals was not told which letters."""
    edit(minimal_project, name, old, new)
    assert f"{name}:{expected}" in problems_of(minimal_project)


def test_a_comment_typed_with_a_full_width_hash_and_a_colon_is_told_to_be_a_comment(
    minimal_project: Path,
) -> None:
    """'＃ 注: 先讲倾听' among a question's keys is a key to YAML: it was told to be removed,
    which does not say why it is one."""
    prompt = "    prompt: 客户说话时，你首先应该怎么做？"
    edit(minimal_project, QUIZ, prompt, f"    ＃ 注: 先讲倾听\n{prompt}")
    assert problems_of(minimal_project) == [
        f"{QUIZ}:6:5: question 's1-single': unknown key '＃ 注': its line starts with a "
        "full-width '＃', which YAML does not read as the start of a comment; type '#' "
        "half-width to make the line a comment [schema.unknown-key]"
    ]


@pytest.mark.parametrize(
    ("name", "old", "new", "fix"),
    [
        (MODULE, "minutes: 10", "minutes: 1小时", "write a whole number, such as minutes: 30"),
        (MODULE, "minutes: 10", "minutes: 1h", "write a whole number, such as minutes: 30"),
        (MODULE, "minutes: 10", "minutes: 10 min", "write minutes: 10"),
        ("quizzes/exam.yml", "pass_mark: 80", "pass_mark: 1.0", "write pass_mark: 100"),
        (
            "quizzes/exam.yml",
            "pass_mark: 80",
            "pass_mark: 80\nmodule_pass_mark: 1.00",
            "write module_pass_mark: 100",
        ),
        (
            "quizzes/exam.yml",
            "pass_mark: 80",
            'pass_mark: 80\nmodule_pass_mark: "1"',
            "write module_pass_mark: 1",
        ),
        ("quizzes/exam.yml", "pass_mark: 80", 'pass_mark: "0.8"', "write pass_mark: 80"),
        ("quizzes/exam.yml", "02-second: 2", "02-second: 2题", "write 02-second: 2"),
        ("quizzes/exam.yml", "02-second: 2", "02-second: 2分", "such as 02-second: 2"),
        (MODULE, "minutes: 10", "minutes: 1e9", "from 1 to 600, such as minutes: 30"),
        (MODULE, "minutes: 10", "minutes: 700分钟", "from 1 to 600, such as minutes: 30"),
        (
            "quizzes/exam.yml",
            "pass_mark: 80",
            "pass_mark: 120%",
            "from 1 to 100, such as pass_mark: 80",
        ),
    ],
    ids=[
        "hours",
        "h",
        "min",
        "whole-fraction",
        "fraction-two-places",
        "quoted-one",
        "quoted-fraction",
        "questions",
        "marks",
        "beyond-the-limit-as-a-float",  # it offered minutes: 1000000000, refused in turn
        "beyond-the-limit-with-a-unit",
        "a-percentage-beyond-100",
    ],
)
def test_a_number_is_offered_only_in_the_unit_its_key_counts(
    minimal_project: Path, name: str, old: str, new: str, fix: str
) -> None:
    """'1小时' means 60 minutes and a pass mark of 1.0 means 100%: offering the 1 written
    there would change what was meant, so the key's own example is offered instead."""
    edit(minimal_project, name, old, new)
    problems = problems_of(minimal_project)
    assert len(problems) == 1, problems
    assert problems[0].endswith(f"{fix} (no quotes, no unit) [schema.not-a-number]")


@pytest.mark.parametrize(
    ("name", "old", "new", "expected", "fixed"),
    [
        (EXAM, "pass_mark: 80", "pass_mark: 0x50", "2:1: 'pass_mark' is written in hexadecimal, "
         "as 0x50, which YAML reads as 80; write pass_mark: 80", "pass_mark: 80"),
        (EXAM, "pass_mark: 80", "pass_mark: 0o17", "2:1: 'pass_mark' is written in octal, as "
         "0o17, which YAML reads as 15; write pass_mark: 15", "pass_mark: 15"),
        (EXAM, "pass_mark: 80", "pass_mark: 0b1010000", "2:1: 'pass_mark' is written in "
         "binary, as 0b1010000, which YAML reads as 80; write pass_mark: 80", "pass_mark: 80"),
        (EXAM, "pass_mark: 80", "pass_mark: +80", "2:1: 'pass_mark' is written with a '+' "
         "before it, as +80, which YAML reads as 80; write pass_mark: 80", "pass_mark: 80"),
        (EXAM, "pass_mark: 80", "pass_mark: 8_0", "2:1: 'pass_mark' is written with '_' in it, "
         "as 8_0, which YAML reads as 80; write pass_mark: 80", "pass_mark: 80"),
        (EXAM, "pass_mark: 80", "pass_mark: 1_000", "2:1: 'pass_mark' is written with '_' in "
         "it, as 1_000, which YAML reads as 1000; write a whole number from 1 to 100, such as "
         "pass_mark: 80", "pass_mark: 80"),
        (EXAM, "pass_mark: 80", "pass_mark: 80\nmodule_pass_mark: 0x3C", "3:1: "
         "'module_pass_mark' is written in hexadecimal, as 0x3C, which YAML reads as 60; write "
         "module_pass_mark: 60", "pass_mark: 80\nmodule_pass_mark: 60"),
        (EXAM, "02-second: 2", "02-second: +2", "7:3: '02-second' is written with a '+' before "
         "it, as +2, which YAML reads as 2; write 02-second: 2", "02-second: 2"),
        (MODULE, "minutes: 10", "minutes: 0xA", "4:1: 'minutes' is written in hexadecimal, as "
         "0xA, which YAML reads as 10; write minutes: 10", "minutes: 10"),
    ],
    ids=["hex", "octal", "binary", "plus", "underscore", "underscore-beyond-the-limit",
         "module-pass-mark", "draw", "minutes"],
)  # fmt: skip
def test_a_number_not_in_plain_digits_is_named_as_written_and_offered_in_them(
    minimal_project: Path, name: str, old: str, new: str, expected: str, fixed: str
) -> None:
    """YAML reads 0x50 as 80 and 0o17 as 15: a pass mark of 15 was taken with nothing said,
    a number no page shows."""
    edit(minimal_project, name, old, new)
    assert problems_of(minimal_project) == [
        f"{name}:{expected} (in plain digits) [schema.not-a-number]"
    ]
    edit(minimal_project, name, new, fixed)
    load_course(Project(minimal_project))


@pytest.mark.parametrize("written", ["8e1", "8.0e1", ".inf", "-.Inf", ".nan"])
def test_a_number_yaml_reads_as_a_fraction_is_named_as_written(
    minimal_project: Path, written: str
) -> None:
    """8e1 was named as YAML read it, 80.0, and .inf as inf: neither is on the page."""
    edit(minimal_project, EXAM, "pass_mark: 80", f"pass_mark: {written}")
    [problem] = problems_of(minimal_project)
    assert problem.startswith(
        f"{EXAM}:2:1: 'pass_mark' must be a whole number, not the number {written}; write "
    )


def test_a_number_with_many_leading_zeros_is_offered_in_plain_digits(
    minimal_project: Path,
) -> None:
    """The fix offered for 0x000…050 was 0x50, which is refused in its turn."""
    edit(minimal_project, EXAM, "pass_mark: 80", f"pass_mark: 0x{'0' * 120}50")
    [problem] = problems_of(minimal_project)
    assert problem.endswith(
        "write it without the leading zeros, as pass_mark: 80 (it must be at most 100) "
        "[schema.too-many-digits]"
    )


@pytest.mark.parametrize("written", ["0x50", "+80", "1_000"])
def test_a_number_not_in_plain_digits_after_a_colon_in_a_list_entry_is_quoted_back(
    minimal_project: Path, written: str
) -> None:
    """Kept as written, it is quoted back as it stands, unlike 0.50 (read as 0.5)."""
    edit(minimal_project, QUIZ, "      - 降低月租", f"      - 满意率: {written}")
    assert problems_of(minimal_project)[0].endswith(
        f"write that colon full-width (满意率：{written}), or put the entry in quotes: "
        f'"满意率: {written}" [schema.not-text]'
    )


ACCEPT_PROBLEM = f"{QUIZ}:79:9: question 's1-fill-in': 'accept' must be a list, not "


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        (
            "accept: 切，切脉",
            f"{ACCEPT_PROBLEM}'切，切脉'; write its entries under 'accept:', each on its own "
            "line starting with '- ', or in brackets: accept: [切, 切脉] [schema.not-a-list]",
        ),
        (
            "accept: 切、60",
            f"{ACCEPT_PROBLEM}'切、60'; write its entries under 'accept:', each on its own "
            "line starting with '- ', or in brackets: accept: [切, \"60\"] [schema.not-a-list]",
        ),
        (
            "accept: ［切］",
            f"{ACCEPT_PROBLEM}'［切］'; write the brackets half-width (ordinary '[' and ']'), "
            "not full-width: accept: [切] [schema.not-a-list]",
        ),
        (
            "accept: 【切，切脉】",
            f"{ACCEPT_PROBLEM}'【切，切脉】'; write the brackets half-width (ordinary '[' and "
            "']'), not full-width: accept: [切, 切脉] [schema.not-a-list]",
        ),
    ],
    ids=["full-width-comma", "enumeration-comma", "full-width-brackets", "chinese-brackets"],
)
def test_answers_written_with_full_width_punctuation_are_offered_as_a_list(
    minimal_project: Path, written: str, expected: str
) -> None:
    """A Chinese input method types '，' '、' and '［' '］' or '【' '】': YAML reads them as
    text, so the list offered is written with an ordinary ',' and brackets, and works."""
    edit(minimal_project, QUIZ, "accept: [切, 切脉]", written)
    assert problems_of(minimal_project) == [expected]
    offered = expected.split(": accept: ")[-1].removesuffix(" [schema.not-a-list]")
    edit(minimal_project, QUIZ, written, f"accept: {offered}")
    load_course(Project(minimal_project))


@pytest.mark.parametrize("written", ['"true"', "'false'", '"True"'])
def test_true_or_false_in_quotes_is_to_lose_them(minimal_project: Path, written: str) -> None:
    edit(minimal_project, QUIZ, "    answer: true", f"    answer: {written}")
    text = written[1:-1]
    assert problems_of(minimal_project) == [
        f"{QUIZ}:36:5: question 's1-true-false': 'answer' must be true or false, not "
        f"'{text}'; remove the quotes: answer: {text.lower()} [schema.not-true-or-false]"
    ]


@pytest.mark.parametrize(
    ("written", "named"),
    [("~", "~"), ("0x1", "0x1"), ('"键:名"', "键:名"), ("a:b", "a:b"), ("tpye", "tpye")],
)
def test_an_unknown_key_is_named_as_written(
    minimal_project: Path, written: str, named: str
) -> None:
    """A key YAML reads as no text was named by what the data made of it ('None', '1'); a
    key in quotes, or with a colon inside, by its text."""
    edit(
        minimal_project,
        QUIZ,
        "    type: multiple\n",
        f"    type: multiple\n    {written}: 多选题\n",
    )
    [problem] = problems_of(minimal_project)
    assert problem.startswith(f"{QUIZ}:19:5: question 's1-multiple': unknown key '{named}'")


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        (
            "course/01-sample.md#listening",
            "name the page without the folder: review: 01-sample.md#listening",
        ),
        (
            "course/01-sample.md",
            "leave out 'course/', and link to the section that teaches this, e.g. review: "
            "01-significance.md#mot-origin",
        ),
        (
            "01-sample.html#listening",
            "name the page's file, not its address on the site: review: 01-sample.md#listening",
        ),
        (
            "course/01-sample.html#listening",
            "name the page's file without the folder, not its address on the site: review: "
            "01-sample.md#listening",
        ),
    ],
    ids=["folder", "folder-no-section", "address", "folder-and-address"],
)
def test_a_review_link_with_its_folder_is_told_to_leave_it_out(
    minimal_project: Path, written: str, fix: str
) -> None:
    """The fix gave the link without 'course/' even where that was no link either. A link
    copied from the browser (``.html``) was given an example from another module."""
    edit(minimal_project, QUIZ, "review: 01-sample.md#listening", f"review: {written}")
    assert problems_of(minimal_project) == [
        f"quizzes/01-sample.yml:16:5: question 's1-single': review link '{written}' is not of "
        f"the form 'page.md#section-id'; {fix} [schema.bad-review-link]"
    ]


@pytest.mark.parametrize(
    ("written", "read", "fix"),
    [
        (
            "01-sample.md #listening",
            "'01-sample.md' is not of the form 'page.md#section-id': the space before "
            "'#listening' made YAML drop it as a comment",
            "remove the space before '#'",
        ),
        (
            '"01-sample.md" #listening',
            "'01-sample.md' is not of the form 'page.md#section-id': '#listening' is after "
            "the closing quote, so YAML drops it as a comment",
            "remove the space before '#'",
        ),
        (
            "'01-sample.md'  #listening",
            "'01-sample.md' is not of the form 'page.md#section-id': '#listening' is after "
            "the closing quote, so YAML drops it as a comment",
            "remove the space before '#'",
        ),
        (
            "01-sample.md＃listening",
            "'01-sample.md＃listening' is not of the form 'page.md#section-id'",
            "type '#' half-width",
        ),
        (
            "01-sample#listening",
            "'01-sample#listening' is not of the form 'page.md#section-id'",
            "add '.md' after the page's name",
        ),
    ],
    ids=["space-before-hash", "quoted", "single-quoted", "full-width-hash", "no-suffix"],
)
def test_a_mistyped_review_link_is_told_its_slip(
    minimal_project: Path, written: str, read: str, fix: str
) -> None:
    """YAML reads ' #listening' as a comment; the fix gave an example from another module.
    After a quoted page ('"01-sample.md" #listening') it was told no more than that."""
    edit(minimal_project, QUIZ, "review: 01-sample.md#listening", f"review: {written}")
    assert problems_of(minimal_project) == [
        f"quizzes/01-sample.yml:16:5: question 's1-single': review link {read}; {fix}: "
        "review: 01-sample.md#listening [schema.bad-review-link]"
    ]


@pytest.mark.parametrize(
    ("name", "line", "key"),
    [
        ("course/index.md", "summary: 用来测试生成器的最小课程。", "summary"),
        (MODULE, "stage: explore", "stage"),
        (QUIZ, "        feedback: 打断会让客户觉得没有被倾听。", "feedback"),
        (QUIZ, "      incorrect: 其实第一步就是道歉。", "incorrect"),
        (QUIZ, "            next: angry", "next"),
    ],
)
def test_a_key_that_may_be_left_out_is_not_left_empty(
    minimal_project: Path, name: str, line: str, key: str
) -> None:
    """Written with no value, it took its default with nothing said: an empty 'next:' led to
    the next turn in the list, an empty 'stage:' to the module's. (A key that must be
    there, or whose default is no value but false, keeps its own message: an empty
    'correct:' of an option is told to write true or false.)"""
    text = (minimal_project / name).read_text(encoding="utf-8")
    number = text.splitlines().index(line) + 1
    edit(minimal_project, name, f"{line}\n", f"{line.split(':')[0]}:\n")
    [problem] = problems_of(minimal_project)
    assert problem.startswith(f"{name}:{number}:")
    assert problem.endswith(
        f"'{key}' is empty; write the value of '{key}', or delete the line [schema.empty]"
    )


def test_an_option_s_empty_correct_is_told_true_or_false(minimal_project: Path) -> None:
    edit(minimal_project, QUIZ, "        correct: true\n", "        correct:\n")
    assert problems_of(minimal_project) == [
        f"{QUIZ}:11:9: question 's1-single': 'correct' is empty; write correct: true or "
        "correct: false [schema.not-true-or-false]"
    ]


def test_every_key_that_may_be_left_out_refuses_to_be_left_empty() -> None:
    def models(base: type[StrictModel]) -> list[type[StrictModel]]:
        return [base, *(model for sub in base.__subclasses__() for model in models(sub))]

    optional = {
        name
        for model in models(StrictModel)
        for name, field in model.model_fields.items()
        if not field.is_required() and field.default is None
    }
    assert optional == set(OPTIONAL_FIELDS)


def test_a_list_s_entries_joined_by_full_width_commas_are_to_be_separated(
    minimal_project: Path,
) -> None:
    """It was told only to add entries: '[道歉，紧急复原，…]' holds them all, as one."""
    edit(
        minimal_project,
        QUIZ,
        "    items:\n"
        + "".join(
            f"      - {item}\n" for item in ("道歉", "紧急复原", "移情", "象征性赎罪", "跟踪")
        ),
        "    items: [道歉，紧急复原，移情、象征性赎罪, 跟踪]\n",
    )
    assert problems_of(minimal_project) == [
        f"{QUIZ}:46:5: question 's1-ordering': 'items' has 2 entries; it needs at least 3; "
        "separate the entries with ordinary commas (',' not '，' or '、'): "
        "items: [道歉, 紧急复原, 移情, 象征性赎罪, 跟踪] [schema.too-few]"
    ]


def test_a_list_written_one_entry_a_line_is_told_to_have_entries_added(
    minimal_project: Path,
) -> None:
    """An entry holding '、' in its text, in a list written one entry a line, was split at
    it: 'items: [道歉, 紧急复原, 说明原因]' for '道歉、说明原因', one item."""
    items = "".join(
        f"      - {item}\n" for item in ("道歉", "紧急复原", "移情", "象征性赎罪", "跟踪")
    )
    edit(
        minimal_project,
        QUIZ,
        f"    items:\n{items}",
        "    items:\n      - 道歉、说明原因\n      - 紧急复原\n",
    )
    assert problems_of(minimal_project) == [
        f"{QUIZ}:46:5: question 's1-ordering': 'items' has 2 entries; it needs at least 3; "
        "add entries under 'items' [schema.too-few]"
    ]


# A key indented too little, after the mapping it belongs to ---------------------------


def outdented(at: str, key: str, first: str, first_line: int, spaces: int) -> str:
    """The problem of ``key``, at ``at`` (file:line:column), to be lined up with ``first``."""
    return (
        f"{at}: the key '{key}' is indented less than the keys above it, so it is not read as "
        f"one of them; it belongs with '{first}' (line {first_line}); indent it to start right "
        f"under '{first}', {spaces} spaces in [schema.outdented-key]"
    )


def test_a_question_s_last_key_at_the_left_edge_is_told_to_be_indented(
    minimal_project: Path,
) -> None:
    """It was told to be removed (an unknown key of the file), and the question told it
    lacked the key."""
    last = "再紧急复原。\n    review: 01-sample.md#recovery\n"
    edit(minimal_project, QUIZ, last, last.replace("    review", "review"))
    assert problems_of(minimal_project) == [outdented(f"{QUIZ}:121:1", "review", "id", 85, 4)]


def test_a_module_to_draw_at_the_left_edge_is_told_to_be_indented(
    minimal_project: Path,
) -> None:
    edit(minimal_project, EXAM, "  02-second: 2", "02-second: 2")
    assert problems_of(minimal_project) == [
        outdented(f"{EXAM}:7:1", "02-second", "01-sample", 6, 2)
    ]


def test_modules_to_draw_all_at_the_left_edge_go_under_draw(minimal_project: Path) -> None:
    """'draw' was said to be empty, and each module an unknown key to remove."""
    edit(minimal_project, EXAM, "  01-sample: 1\n  02-second: 2", "01-sample: 1\n02-second: 2")
    assert problems_of(minimal_project) == [
        f"{EXAM}:{line}:1: the key '{name}' starts no further in than 'draw:' above it, so "
        "it is not read as under it, and 'draw' is read as empty; indent it under 'draw:' "
        "(line 5), 2 spaces in [schema.outdented-key]"
        for line, name in [(6, "01-sample"), (7, "02-second")]
    ]


def test_a_misspelt_setting_below_the_draw_is_no_module(minimal_project: Path) -> None:
    edit(minimal_project, EXAM, "  02-second: 2", "  02-second: 2\nmodule-pass-mark: 60")
    [problem] = problems_of(minimal_project)
    assert problem.startswith(
        f"{EXAM}:8:1: unknown key 'module-pass-mark'; did you mean 'module_pass_mark'? "
    )


def test_an_objective_s_text_at_the_left_edge_counts_lines_in_the_page(
    minimal_project: Path,
) -> None:
    edit(minimal_project, MODULE, "    text: 说出服务补救的第一步", "text: 说出服务补救的第一步")
    assert problems_of(minimal_project) == [outdented(f"{MODULE}:12:1", "text", "id", 11, 4)]


def test_a_last_key_indented_with_full_width_spaces_is_not_also_missing(
    minimal_project: Path,
) -> None:
    """YAML reads the full-width spaces as part of the key, a key of the file: the
    question was also told it lacked 'review', which is there."""
    last = "再紧急复原。\n    review: 01-sample.md#recovery\n"
    edit(minimal_project, QUIZ, last, last.replace("    review", "\u3000\u3000review"))
    assert problems_of(minimal_project) == [
        f"{QUIZ}:121:1: the key 'review' is indented with full-width spaces (U+3000); indent "
        "with ordinary spaces (half-width), two per level [yaml.full-width-indent]"
    ]


def test_an_outdented_key_leaves_its_question_s_other_problems_told(
    minimal_project: Path,
) -> None:
    """An unknown type in the question the key belongs to went unsaid."""
    edit(minimal_project, QUIZ, "    type: scenario", "    type: scenery")
    quiz = minimal_project / QUIZ
    quiz.write_text(quiz.read_text(encoding="utf-8") + "shuffle: false\n", encoding="utf-8")
    assert [problem.split(": ", 1)[1] for problem in problems_of(minimal_project)] == [
        "question 's1-scenario': unknown question type 'scenery'; did you mean 'scenario'? "
        "write type: scenario (the types: single, multiple, true_false, ordering, matching, "
        "fill_in, scenario) [schema.unknown-type]",
        "the key 'shuffle' is indented less than the keys above it, so it is not read as one "
        "of them; it belongs with 'id' (line 85); indent it to start right under 'id', 4 "
        "spaces in [schema.outdented-key]",
    ]


@pytest.mark.parametrize("setting", ["timelimit: 60", "questions: 20"])
def test_a_setting_the_exam_lacks_is_no_module_to_draw(minimal_project: Path, setting: str) -> None:
    """Told to go under 'draw:', it would have become a module to draw from."""
    edit(minimal_project, EXAM, "  02-second: 2", f"  02-second: 2\n{setting}")
    [problem] = problems_of(minimal_project)
    assert f"unknown key '{setting.split(':')[0]}'" in problem
    assert problem.endswith("[schema.unknown-key]")


def test_an_outdented_key_with_lines_under_it_is_told_to_move_them_too(
    minimal_project: Path,
) -> None:
    """Indented alone, its lines under it were out of line in turn."""
    feedback = "feedback:\n  correct: 对。\n  incorrect: 再想想。\n"
    edit(minimal_project, "quizzes/02-second.yml", "exam_questions:", f"{feedback}exam_questions:")
    [problem] = problems_of(minimal_project)
    assert problem.endswith(
        "it belongs with 'id' (line 17); indent it to start right under 'id', 4 spaces in, "
        "and the lines under it by as much [schema.outdented-key]"
    )


def calls_to_tell(model: type[StrictModel], text: str) -> tuple[int, int]:
    """How many problems the schema finds in ``text``, read as ``model``, and how many
    Python functions are called to find them: a measure of the work that, unlike the time
    it takes, a busy machine leaves alone."""
    source = parse_yaml(text, Path("file.yml"))
    validate_model(model, source)  # once before, for what is done once in a process
    calls = 0

    def count(frame: FrameType, event: str, arg: object) -> None:
        nonlocal calls
        calls += event == "call"

    sys.setprofile(count)
    try:
        _, problems = validate_model(model, source)
    finally:
        sys.setprofile(None)
    return len(problems), calls


@pytest.mark.parametrize(
    ("model", "name", "before"),
    [(Quiz, QUIZ, "    prompt: 客户说话时"), (ModuleMeta, MODULE, "stage: explore")],
    ids=["question", "front-matter"],
)
def test_each_of_many_unknown_keys_is_told_with_as_much_work(
    model: type[StrictModel], name: str, before: str
) -> None:
    """Each looked again at every key above it, for the mapping it may belong under: the
    work grew with the square of their number, and 40,000 of them pasted into a question
    (some 550 KB, within a file's megabyte) held check for minutes. Twice the keys now
    take twice the calls, give or take a few; they took over three times as many."""
    text = (FIXTURES / "minimal" / name).read_text(encoding="utf-8")
    text = text.split("---\n")[1] if name == MODULE else text
    indent = before[: len(before) - len(before.lstrip())]

    def told(count: int) -> tuple[int, int]:
        keys = "".join(f"{indent}k{number}: v\n" for number in range(count))
        return calls_to_tell(model, text.replace(before, keys + before, 1))

    (few, calls_for_few), (more, calls_for_more) = told(200), told(400)
    assert (few, more) == (200, 400)
    assert calls_for_more <= 2.1 * calls_for_few


# A question's key indented as far as its last option's keys ----------------------------


def pushed_in(line: int, key: str) -> str:
    return (
        f"{QUIZ}:{line}:9: the key '{key}' is indented further than 'id' (line 2) and the keys "
        "with it, so it is read as a key of the entry just above it, which has no such key; "
        "indent it to line up with 'id', 4 spaces in [schema.indented-key]"
    )


@pytest.mark.parametrize("keys", [["explanation"], ["explanation", "review"]])
def test_a_question_s_keys_pushed_into_its_last_option_are_told_to_come_back_out(
    minimal_project: Path, keys: list[str]
) -> None:
    """Read as keys of the last option, they were told "remove it" (losing the trainer's
    text), and the question that it lacked them."""
    last = "\n    explanation: 探索阶段先要听懂客户。\n    review: 01-sample.md#listening\n"
    pushed = last
    for key in keys:
        pushed = pushed.replace(f"\n    {key}:", f"\n        {key}:")
    edit(minimal_project, QUIZ, last, pushed)
    assert problems_of(minimal_project) == [
        pushed_in(line, key) for line, key in zip((15, 16), keys, strict=False)
    ]


def test_a_question_s_key_in_an_option_before_the_last_is_still_unknown_there(
    minimal_project: Path,
) -> None:
    """Not where a slip of indentation puts it: told to the option, as before."""
    edit(
        minimal_project,
        QUIZ,
        "        feedback: 打断会让客户觉得没有被倾听。\n",
        "        feedback: 打断会让客户觉得没有被倾听。\n        review: 01-sample.md#listening\n",
    )
    assert "[schema.indented-key]" not in "".join(problems_of(minimal_project))


def test_a_blank_accepts_twenty_wordings_and_no_more(minimal_project: Path) -> None:
    """及时与客户沟通 alone has a dozen common wordings (与/和/跟, 及时 before or after):
    twelve, the first limit, made the course drop wordings learners type."""
    wordings = [f"问{number}" for number in range(1, 21)]
    edit(minimal_project, QUIZ, "accept: [问]", f"accept: [{', '.join(wordings)}]")
    load_course(Project(minimal_project))
    edit(minimal_project, QUIZ, "问20]", "问20, 问21]")
    assert problems_of(minimal_project) == [
        f"{QUIZ}:78:9: question 's1-fill-in': 'accept' has 21 entries; it needs at most 20; "
        "remove entries under 'accept' [schema.too-many]"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "        correct: true\n        feedback: 先听懂",
            "        correct: true\u3000\n        feedback: 先听懂",
            "11:9: question 's1-single': 'correct' must be true or false, not 'true\\u3000'; "
            "delete the full-width space (U+3000) after it, which YAML keeps as part of the "
            "text: correct: true [schema.not-true-or-false]",
        ),
        (
            "            next: angry",
            "            next: angry\u3000",
            "96:13: question 's1-scenario': 'next' 'angry\\u3000' is neither 'end' nor a "
            "turn's id; delete the full-width space (U+3000) after it, which YAML keeps as part "
            "of the text: next: angry [schema.bad-id]",
        ),
    ],
    ids=["correct", "next"],
)
def test_a_full_width_space_after_a_value_is_named(
    minimal_project: Path, old: str, new: str, expected: str
) -> None:
    """'correct: true　' was told to lose its quotes, which it has none of; 'next: end　'
    was shown as 'end\\u3000', with no word of the space."""
    edit(minimal_project, QUIZ, old, new)
    assert problems_of(minimal_project) == [f"{QUIZ}:{expected}"]


def test_options_kept_in_a_true_false_question_are_told_its_answer(minimal_project: Path) -> None:
    """They were an unknown key, to remove or to replace with a key such as 'id'; and the
    question was told besides that it misses 'answer:', which the fix already writes."""
    edit(minimal_project, QUIZ, "    type: single", "    type: true_false")
    assert problems_of(minimal_project) == [
        f"{QUIZ}:7:5: question 's1-single': a true_false question has no options: it has "
        "'answer:' instead; write answer: true or answer: false (whether the prompt's "
        "statement is true) in place of 'options:', and delete the options under it "
        "[schema.unknown-key]",
    ]


def test_a_true_false_question_without_answer_or_options_is_told_its_answer_is_missing(
    minimal_project: Path,
) -> None:
    """Only 'options:' in its place says where the answer went: without it, the answer is
    missing."""
    edit(minimal_project, QUIZ, "    answer: true\n", "")
    assert problems_of(minimal_project) == [
        f"{QUIZ}:32:5: question 's1-true-false': missing required key 'answer'; add 'answer:' "
        "with a value [schema.missing-key]",
    ]


@pytest.mark.parametrize(
    ("path", "old", "new", "line", "column"),
    [
        (QUIZ, "      - 移情", "      - - 移情", 49, 9),
        (QUIZ, "      - 降低月租", "      - - 降低月租", 69, 9),
        (QUIZ, "      - accept: [问]", "      - - accept: [问]", 78, 9),
        (QUIZ, "      - text: 一边听一边看手机\n        feedback",
         "      - - text: 一边听一边看手机\n          feedback", 13, 9),
        (QUIZ, "  - id: s1-matching", "  - - id: s1-matching", 57, 5),
        (MODULE, "  - id: s1-need\n    text", "  - - id: s1-need\n      text", 9, 5),
    ],
    ids=["ordering-item", "distractor", "blank", "option", "question", "objective"],
)  # fmt: skip
def test_a_doubled_dash_yaml_reads_is_told_at_its_line(
    minimal_project: Path, path: str, old: str, new: str, line: int, column: int
) -> None:
    """'- - 移情' is a list inside the list, which YAML reads: the entry was told to be text
    "without '-' or brackets", or an option "a list", with no word of the second '- '."""
    edit(minimal_project, path, old, new)
    entry = new.split("\n")[0].split("- - ")[1]
    assert problems_of(minimal_project) == [
        f"{path}:{line}:{column}: the line starts with two '- ', so YAML reads its item as a "
        f"list inside the list; delete the second '- ': - {entry} [yaml.list-dash]"
    ]
    edit(minimal_project, path, new, old)
    load_course(Project(minimal_project))


def test_every_list_of_groups_of_keys_is_told_how_its_entries_start() -> None:
    """The fix for such a list given one text names the keys an entry starts with: each
    list of the models whose entries are groups of keys has them, and only keys it holds."""
    lists_of_keys = {key for key in LIST_KEYS if KEYS_UNDER[key]}
    assert set(ENTRY_KEYS) == lists_of_keys
    for key, names in ENTRY_KEYS.items():
        assert set(names) <= KEYS_UNDER[key], key


@pytest.mark.parametrize(
    ("question", "told"),
    [
        (
            "s1-single",
            "a single-choice question has no 'answer:': its right option is marked instead; "
            "delete 'answer:', and write 'correct: true' under the right option, lined up "
            "with its 'text:'",
        ),
        (
            "s1-multiple",
            "a multiple-choice question has no 'answer:': each of its right options is marked "
            "instead; delete 'answer:', and write 'correct: true' under each right option, "
            "lined up with its 'text:'",
        ),
        (
            "s1-ordering",
            "an ordering question has no 'answer:': the order its items are written in is the "
            "answer; delete 'answer:', and write the entries under 'items:' in the right order",
        ),
        (
            "s1-matching",
            "a matching question has no 'answer:': its pairs are the answer; delete 'answer:', "
            "and write each right pair under 'pairs:' as '- item: …' with 'match: …' lined up "
            "under 'item'",
        ),
        (
            "s1-fill-in",
            "a fill_in question has no 'answer:': the answers each blank accepts are listed "
            "under 'blanks:'; delete 'answer:', and write under 'blanks:' one '- accept: [答案, "
            "另一种说法]' for each '___' in the text, in order",
        ),
        (
            "s1-scenario",
            "a scenario question has no 'answer:': the best reply of each turn is marked "
            "instead; delete 'answer:', and write 'correct: true' under the best reply of each "
            "turn, lined up with its 'text:'",
        ),
    ],
)
def test_an_answer_written_as_a_true_false_question_does_is_told_how_its_type_marks_it(
    minimal_project: Path, question: str, told: str
) -> None:
    """'answer: C' on a single-choice question was an unknown key to remove, which did not
    say how the right option is marked."""
    edit(minimal_project, QUIZ, f"  - id: {question}\n", f"  - id: {question}\n    answer: C\n")
    lines = (minimal_project / QUIZ).read_text(encoding="utf-8").split("\n")
    line = lines.index(f"  - id: {question}") + 2
    assert problems_of(minimal_project) == [
        f"{QUIZ}:{line}:5: question '{question}': {told} [schema.unknown-key]"
    ]


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "        correct: true\n        feedback: 先听懂",
            "        正确: true\n        feedback: 先听懂",
            "11:9: question 's1-single': unknown key '正确'",
        ),
        ("  - id: s1-single", "  - 编号: s1-single", "2:5: question 1: unknown key '编号'"),
    ],
    ids=["correct", "id"],
)
def test_a_key_written_in_chinese_is_told_the_key_it_stands_for(
    minimal_project: Path, old: str, new: str, expected: str
) -> None:
    """'正确: true' under an option was told to be removed, the mark of the right option
    with it; '编号:' likewise, the question's id with it."""
    edit(minimal_project, QUIZ, old, new)
    meant = "correct" if "正确" in new else "id"
    assert problems_of(minimal_project) == [
        f"{QUIZ}:{expected}; keys are written in English: write '{meant}:' in its place, and "
        "keep its text [schema.unknown-key]"
    ]
