"""The two readers of course files agree: libyaml's events (fast) and ruamel.yaml (full).

The fast reader (generator/yaml_events.py) reads plain course files and leaves anything
else to ruamel.yaml; wherever it gives an answer, it must be ruamel.yaml's answer: the same
data and the same line and column for every key and item.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.yaml_events import OtherNotation, read_plain
from generator.yaml_source import MAX_DEPTH, parse_yaml, read_round_trip
from tests.conftest import FIXTURES, PROJECT

FRONT_MATTER_FENCE = "---"


def yaml_sources() -> list[Path]:
    return sorted(
        [
            *(PROJECT / "quizzes").glob("*.yml"),
            *(PROJECT / "course").glob("*.md"),
            *(FIXTURES / "minimal").rglob("*.yml"),
            *(FIXTURES / "minimal").rglob("*.md"),
        ]
    )


def yaml_text(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".md":
        return text
    lines = text.splitlines()
    end = lines.index(FRONT_MATTER_FENCE, 1)
    return "\n".join(lines[1:end])


@pytest.mark.parametrize(
    "path", yaml_sources(), ids=lambda path: path.relative_to(PROJECT).as_posix()
)
def test_every_course_file_takes_the_fast_way_and_reads_as_ruamel_reads_it(path: Path) -> None:
    text = yaml_text(path)
    fast = read_plain(text, MAX_DEPTH)
    assert fast is not None, "a plain course file should not need ruamel.yaml"
    assert fast == read_round_trip(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1.5\n",  # a float
        "a: 2025-03-08\n",  # a date
        "a: 0o17\n",  # another way to write a number
        "a: +17\n",  # a number with a sign no page shows
        "a: &x 1\nb: *x\n",  # an anchor and an alias
        "a: !!str 1\n",  # a tag
        "%YAML 1.1\n---\na: no\n",  # a directive
        "a: 1\na: 2\n",  # a duplicate key
        "a: 1\n---\nb: 2\n",  # two documents
        "? [a]\n: 1\n",  # a key that is not a scalar
        "a: [\n",  # a syntax error
        "a: 1\tb\n",  # a tab
        "a: 1\r\nb: 2\r\n",  # Windows line ends
        "a: x\u2028y\n",  # a line separator, a line break in YAML 1.1 only
        "a: >#\n  x\n",  # a block scalar header with a comment stuck to it
        "a: |\n  \n   x\n",  # a block scalar that starts with a blank line
    ],
)
def test_what_is_not_plain_is_left_to_ruamel(text: str) -> None:
    assert read_plain(text, MAX_DEPTH) is None


PLAIN_SCALARS = st.one_of(
    st.sampled_from(
        ["no", "on", "yes", "true", "False", "~", "null", "0", "-7", "12", "+12", "0x1F", "3 天"]
    ),
    st.text(
        alphabet="ab 客户:#-'\"[]{},&*!|>0123456789.\t\r\\%@`?~<+\u3000\u2028\x85\ufeff",
        max_size=12,
    ),
    st.builds(
        lambda head, body: f"{head}\n    {body}",
        st.sampled_from(["|", ">", ">-", "|+"]),
        st.text("ab }#", max_size=5),
    ),
)


@st.composite
def yaml_documents(draw: st.DrawFn) -> str:
    keys = draw(st.lists(st.sampled_from(["id", "text", "a b", "1", "true", "no"]), max_size=4))
    lines = []
    for key in keys:
        if draw(st.booleans()):
            items = draw(st.lists(PLAIN_SCALARS, min_size=1, max_size=3))
            lines.append(f"{key}:")
            lines += [f"  - {item}" for item in items]
        else:
            lines.append(f"{key}: {draw(PLAIN_SCALARS)}")
    return "\n".join(lines) + "\n"


@settings(max_examples=400, deadline=None)
@given(yaml_documents())
def test_wherever_the_fast_reader_answers_ruamel_gives_the_same_answer(text: str) -> None:
    fast = read_plain(text, MAX_DEPTH)
    if fast is not None:
        assert fast == read_round_trip(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: >-\n  先处理情绪，\n  再处理事情\n", "先处理情绪，再处理事情"),  # folded block
        ("a: 先处理情绪，\n  再处理事情\n", "先处理情绪，再处理事情"),  # plain
        ('a: "先处理情绪，\n  再处理事情"\n', "先处理情绪，再处理事情"),  # double-quoted
        ("a: '先处理\n  情绪'\n", "先处理情绪"),  # single-quoted
        ("a: >-\n  先问 EODC\n  再答\n", "先问 EODC 再答"),  # a Latin letter on one side
        ("a: >-\n  care\n  more\n", "care more"),
        ("a: >-\n  고객\n  서비스\n", "고객 서비스"),  # Korean spaces its words
        ("a: |-\n  先处理\n  情绪\n", "先处理\n情绪"),  # a literal block keeps its breaks
        ("a: >-\n  先处理\n\n  情绪\n", "先处理\n情绪"),  # a blank line is a line break
        ("a: >-\n  先处理 情绪，\n  再处理\n", "先处理 情绪，再处理"),  # a space typed stays
    ],
)
def test_a_line_break_between_chinese_characters_folds_without_a_space(
    text: str, expected: str
) -> None:
    fast = read_plain(text, MAX_DEPTH)
    assert fast is not None
    assert fast[0] == {"a": expected}
    assert read_round_trip(text)[0] == {"a": expected}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: 专心倾听\t\nb: 2\n", {"a": "专心倾听", "b": 2}),  # after a value
        ('a: "专心倾听" \t \n', {"a": "专心倾听"}),  # after quotes, among spaces
        ("a: 1  # 注释\t\n", {"a": 1}),  # after a comment
        ("a: 1\n\t\nb: 2\n", {"a": 1, "b": 2}),  # a blank line an editor indented
        ("a:\n  - x\n  \t\n  - y\n", {"a": ["x", "y"]}),
        ("a: |\n  x\n\t\n  y\n", {"a": "x\n\ny\n"}),  # a blank line in a block
    ],
)
def test_a_tab_no_one_can_see_at_a_line_end_is_read_as_yaml_1_2_reads_it(
    text: str, expected: dict[str, object]
) -> None:
    source = parse_yaml(text, Path("quizzes/01-why-mot.yml"))
    assert source.tree == expected
    assert source.positions[("a",)] == (0, 0)


@pytest.mark.parametrize(
    ("written", "number"),
    [("0x50", 80), ("-0o17", -15), ("0b101", 5), ("1_000", 1000), ("+80", 80), ("+0x5_0", 80)],
)
def test_a_whole_number_not_in_plain_digits_is_kept_as_written(written: str, number: int) -> None:
    """YAML reads 0x50 as 80 and +80 as 80, which no page shows so: kept as written, such a
    number is refused where a number belongs and quoted back as it stands where text does.
    The fast reader leaves it to ruamel.yaml, which keeps it."""
    text = f"a: {written}\n"
    assert read_plain(text, MAX_DEPTH) is None
    assert parse_yaml(text, Path("quizzes/exam.yml")).tree == {"a": OtherNotation(written, number)}


@pytest.mark.parametrize(("written", "number"), [("80", 80), ("-7", -7), ("080", 80), ("00", 0)])
def test_a_whole_number_in_plain_digits_is_a_number(written: str, number: int) -> None:
    """Leading zeros included: YAML 1.2 reads 080 as 80, as a page would."""
    [value] = parse_yaml(f"a: {written}\n", Path("quizzes/exam.yml")).tree.values()
    assert isinstance(value, int)
    assert value == number
