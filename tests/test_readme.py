"""The README's console examples are the real course's output, not copies that go stale.

Each block in README.md that follows ``<!-- example: ARGUMENTS -->`` shows
``$ python -m generator ARGUMENTS`` and what it prints. The test runs the command on a copy
of the real course and compares; ``pytest --update-golden`` rewrites the block. The steps
for adding a module are followed on a copy of the real course too.
"""

from __future__ import annotations

import re
import shlex
import textwrap
from pathlib import Path
from typing import get_args

import pytest

from generator.models import Area, Question
from generator.project import GENERATED_PAGES
from generator.yaml_source import read_round_trip
from tests.conftest import PROJECT, copy_project, run_generator

README = PROJECT / "README.md"
UPDATE_EXAMPLES = ".venv/bin/pytest --update-golden tests/test_readme.py"
"""How README's step 5 for adding a module has its console examples rewritten."""
EXAMPLE = re.compile(
    r"<!-- example: (?P<arguments>[^>]+?) -->\n```console\n(?P<shown>.*?)```\n", re.DOTALL
)


def examples() -> list[str]:
    return [match["arguments"] for match in EXAMPLE.finditer(README.read_text(encoding="utf-8"))]


def shown_output(arguments: str) -> str:
    for match in EXAMPLE.finditer(README.read_text(encoding="utf-8")):
        if match["arguments"] == arguments:
            return match["shown"]
    raise AssertionError(f"README.md has no example of {arguments!r}")


def rewrite(arguments: str, output: str) -> None:
    text = README.read_text(encoding="utf-8")
    block = f"<!-- example: {arguments} -->\n```console\n{output}```\n"
    marker = re.compile(rf"<!-- example: {re.escape(arguments)} -->\n```console\n.*?```\n", re.S)
    README.write_text(marker.sub(lambda _: block, text, count=1), encoding="utf-8")


def test_the_readme_has_its_examples() -> None:
    assert {"check", "build", "export offline", "export gift"} <= set(examples())


@pytest.mark.parametrize("arguments", examples())
def test_a_readme_example_is_the_real_output(
    arguments: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    update_golden: bool,
) -> None:
    monkeypatch.delenv("SITE_URL", raising=False)  # as a trainer's build is run
    root = copy_project(tmp_path / "course")
    assert run_generator(root, *shlex.split(arguments)) == 0
    printed = capsys.readouterr()
    output = f"$ python -m generator {arguments}\n{printed.out}{printed.err}"
    if update_golden:
        rewrite(arguments, output)
    assert shown_output(arguments) == output, (
        f"README example is stale: run {UPDATE_EXAMPLES} and review the diff (README, adding a "
        "module, step 5)"
    )


ADDING_A_MODULE = "## For trainers: adding a module and its quiz"
STEP_BLOCK = re.compile(r"\n   ```\w+\n(?P<body>.*?)\n   ```\n", re.DOTALL)


def adding_a_module() -> list[str]:
    """The code blocks of the README's steps for adding a module: page, quiz, exam."""
    text = README.read_text(encoding="utf-8")
    section = text.split(ADDING_A_MODULE, 1)[1].split("\n## ", 1)[0]
    return [textwrap.dedent(match["body"]) + "\n" for match in STEP_BLOCK.finditer(section)]


def passes_but_for_standards(root: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``check`` passes and warns only about what README's example module still lacks:
    it is a start, and meets the course's standards once written out."""
    capsys.readouterr()
    assert run_generator(root, "check") == 0
    warned = codes(capsys.readouterr().err)
    assert "standards.body-length" in warned
    assert {code for code in warned if not code.startswith("standards.")} == set()


README_MODULE = "07-practice"
"""The name README's steps give the example module; a trainer who followed them has it."""
STAND_IN = "99-readme-example"
"""The name the tests give README's example, so that it never overwrites a trainer's
module 07-practice (or its ids, ``m7-…``), which the exam may already draw from."""


def stand_in(text: str) -> str:
    """README's example text, moved to a name and ids that no course module uses."""
    return text.replace(README_MODULE, STAND_IN).replace("m7-", "m99-readme-")


def module_added(root: Path, page: str, quiz: str) -> None:
    """README's example added as :data:`STAND_IN`, titled apart from the trainer's module
    07-practice, which has README's title if they followed the steps."""
    titled_apart = re.sub(r"^title: (.*)$", r"title: \1（README 示例）", page, count=1, flags=re.M)
    (root / f"course/{STAND_IN}.md").write_text(stand_in(titled_apart), encoding="utf-8")
    (root / f"quizzes/{STAND_IN}.yml").write_text(stand_in(quiz), encoding="utf-8")


def test_the_readme_example_s_stand_in_name_is_free() -> None:
    """The tests' copy of README's example adds a module; it must not replace one."""
    taken = [path.name for path in PROJECT.glob(f"*/{STAND_IN}.*")]
    assert taken == [], f"give README's example another name in the tests than {STAND_IN}"
    assert not any(
        "m99-readme-" in quiz.read_text(encoding="utf-8")
        for quiz in (PROJECT / "quizzes").glob("*.yml")
    )


def test_the_steps_for_adding_a_module_put_its_exam_questions_in_the_exam(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page, quiz, draw = adding_a_module()
    root = copy_project(tmp_path / "course")
    module_added(root, page, quiz)
    passes_but_for_standards(root, capsys)
    module_added(root, page, quiz + exam_only_of(quiz))
    capsys.readouterr()
    assert run_generator(root, "check", "--strict") == 1
    assert f"module {STAND_IN} (its 3 exam-only questions are never asked)" in (
        capsys.readouterr().err
    )
    draw_line_added(root, draw)
    passes_but_for_standards(root, capsys)


def test_the_draw_line_saved_before_the_exam_questions_is_told_until_they_are_saved(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """README: whichever of the two saves comes first, check tells one problem until the
    second."""
    page, quiz, draw = adding_a_module()
    root = copy_project(tmp_path / "course")
    module_added(root, page, quiz)
    draw_line_added(root, draw)
    capsys.readouterr()
    assert run_generator(root, "check") == 1
    assert "[exam.pool-too-small]" in capsys.readouterr().err
    module_added(root, page, quiz + exam_only_of(quiz))
    passes_but_for_standards(root, capsys)


def exam_only_of(quiz: str) -> str:
    """The README's quiz questions again, under ``exam_questions:`` with ids of their own."""
    return quiz.replace("questions:", "exam_questions:", 1).replace("id: m7-", "id: m7-x-")


def draw_line_added(root: Path, draw: str) -> None:
    """The line the README adds under ``draw:``, added to the exam settings at ``root``."""
    added = [line for line in draw.splitlines() if re.fullmatch(r" +[\w-]+: \d+", line)]
    assert added == [f"  {README_MODULE}: 2"]
    exam = root / "quizzes/exam.yml"
    exam.write_text(exam.read_text(encoding="utf-8") + stand_in(added[0]) + "\n", encoding="utf-8")


def test_the_steps_for_adding_a_module_refresh_what_the_readme_shows() -> None:
    """A new module changes the outline and the counts that ``check``, ``build`` and the
    exports print: the last step says how to bring both up to date, with this file's
    command that rewrites the examples."""
    text = README.read_text(encoding="utf-8")
    steps = text.split(ADDING_A_MODULE, 1)[1].split("\n### ", 1)[0]
    last = " ".join(steps.split("\n5. ", 1)[1].split())
    assert "python -m generator outline" in last
    assert UPDATE_EXAMPLES in last
    assert UPDATE_EXAMPLES.endswith(Path(__file__).relative_to(PROJECT).as_posix())


def section(title: str) -> str:
    """The README's text under the heading ``title``, up to the next heading (a line in a
    code block that starts with '#' is a comment there: a trainer's copy of exam.yml, which
    starts with comments, was cut at its first line)."""
    text = README.read_text(encoding="utf-8")
    lines = text.split(f"\n{title}\n", 1)[1].split("\n")
    in_code = False
    for index, line in enumerate(lines):
        in_code ^= line.startswith("```")
        if line.startswith("#") and not in_code:
            return "\n".join(lines[:index])
    return "\n".join(lines)


def yaml_block(text: str) -> str:
    found = re.search(r"\n```yaml\n(.*?)\n```\n", text, re.DOTALL)
    assert found, "the section has no YAML example"
    return found[1] + "\n"


def test_the_other_question_types_as_shown_pass_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each of the README's examples of the four other types, added to the module questions
    of the quiz whose objective it names, as a trainer adds it, passes ``check``: its review
    link, objective and options are real, and the one warning is the module's size, as the
    README says. (Added at the file's end, among the exam's questions, the ordering example
    had passed, though it was module 6's own question, whose texts showed its order.)"""
    examples = yaml_block(section("### The four other question types"))
    questions = re.split(r"^(?=  - id: )", examples, flags=re.MULTILINE)[1:]
    assert len(questions) == 4
    root = copy_project(tmp_path / "course")
    for question in questions:
        found = re.search(r"^    objective: m(\d)-", question, re.MULTILINE)
        assert found, question
        quiz = next((root / "quizzes").glob(f"0{found[1]}-*.yml"))
        text = quiz.read_text(encoding="utf-8")
        quiz.write_text(text.replace("questions:\n", f"questions:\n{question}\n", 1), "utf-8")
    capsys.readouterr()
    assert run_generator(root, "check") == 0, capsys.readouterr().err
    warnings = capsys.readouterr().err.splitlines()
    assert [line for line in warnings if "[standards.quiz-size]" not in line] == []
    assert len(warnings) == 4


def test_the_exam_settings_shown_are_the_course_s() -> None:
    shown, _ = read_round_trip(yaml_block(section("### The final exam")))
    real, _ = read_round_trip((PROJECT / "quizzes/exam.yml").read_text(encoding="utf-8"))
    assert shown == real, "copy quizzes/exam.yml over README's example under 'The final exam'"


def test_the_stage_of_a_new_module_is_what_check_asks_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The stages listed are those check accepts; leaving the stage out needs one on every
    question."""
    page, quiz = adding_a_module()[:2]
    listed = re.search(r"^stage: \w+ +# (.*)$", page, re.MULTILINE)
    assert listed and listed[1].split(" | ") == list(get_args(Area))
    root = copy_project(tmp_path / "course")
    page = re.sub(r"^stage: .*\n", "", page, flags=re.MULTILINE)
    module_added(root, page, quiz)
    assert run_generator(root, "check") == 1
    assert capsys.readouterr().err.count("[quiz.no-stage]") == quiz.count("- id:")
    own = re.sub(r"^( +)type: ", r"\1stage: confirm\n\1type: ", quiz, flags=re.MULTILINE)
    module_added(root, page, own)
    passes_but_for_standards(root, capsys)


@pytest.mark.parametrize("doc", [README, PROJECT / "AUTHORING.md"], ids=lambda doc: doc.name)
def test_the_question_types_listed_are_every_type_check_accepts(doc: Path) -> None:
    """The comment listed three of the seven."""
    listed = re.search(r"^ +type: single +# (.*)$", doc.read_text(encoding="utf-8"), re.MULTILINE)
    assert listed is not None
    models = get_args(get_args(Question)[0])
    accepted = [get_args(model.model_fields["type"].annotation)[0] for model in models]
    assert listed[1].split(" | ") == accepted


def codes(output: str) -> set[str]:
    return set(re.findall(r"\[([a-z-]+\.[a-z-]+)\]$", output, re.MULTILINE))


def test_check_reports_stage_by_stage_as_the_readme_says(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every file's problems at once, then the problems between files: a renamed module's
    links to its old name show once its quiz is renamed too."""
    said = " ".join(README.read_text(encoding="utf-8").split())
    assert "reports every problem of a stage in one run" in said
    assert "rename a module's page, and `check` reports `[quiz.missing]` and" in said
    root = minimal_project
    (root / "course/01-sample.md").rename(root / "course/01-first.md")
    settings = root / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + "site_name: [\n")
    assert run_generator(root, "check") == 1
    assert codes(capsys.readouterr().err) == {"quiz.missing", "quiz.orphan"}
    (root / "quizzes/01-sample.yml").rename(root / "quizzes/01-first.yml")
    assert run_generator(root, "check") == 1
    assert codes(capsys.readouterr().err) == {"settings.yaml-syntax"}, "once the files read"
    settings.write_text(settings.read_text(encoding="utf-8").removesuffix("site_name: [\n"))
    assert run_generator(root, "check") == 1
    reported = capsys.readouterr().err
    later = {"link.unknown-page", "review.unknown-page", "exam.unknown-module"}
    assert later <= codes(reported), reported
    assert "course/index.md:" in reported and "quizzes/01-first.yml:" in reported


def test_the_documents_name_every_page_the_generator_writes() -> None:
    authoring = (PROJECT / "AUTHORING.md").read_text(encoding="utf-8")
    readme = README.read_text(encoding="utf-8")
    for name in GENERATED_PAGES:
        assert f"`{name}`" in authoring
        assert f"`{name}`" in readme


def test_how_it_works_names_every_module_of_the_generator() -> None:
    """A maintainer looks a module up in the table of stages: each one is named in it, and
    nothing it names is gone."""
    table = section("## How it works").split("| stage | module | job |", 1)[1]
    named = set(re.findall(r"`(?:generator/(?:lint/|export/)?)?(\w+\.py)`", table))
    modules = {
        path.name
        for path in (PROJECT / "generator").rglob("*.py")
        if path.stem not in {"__init__", "__main__"}
    }
    assert sorted(modules - named) == []
    assert sorted(named - modules) == []


def authoring_block(language: str, holding: str) -> str:
    """AUTHORING.md's ``language`` example that holds ``holding``."""
    text = (PROJECT / "AUTHORING.md").read_text(encoding="utf-8")
    blocks = re.findall(rf"\n```{language}\n(.*?\n)```\n", text, re.DOTALL)
    found: str = next(block for block in blocks if holding in block)
    return found


def test_the_authoring_guide_s_examples_pass_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """AUTHORING.md's module page head and quiz, put in module 1 as they say they are (the
    page keeping its body), pass ``check``: their stage, objectives, ids and review links are
    real. (Three questions fall short of the course's standards, which only warn.)"""
    root = copy_project(tmp_path / "course")
    page = root / "course/01-significance.md"
    head = authoring_block("markdown", "objectives:").split("---\n")[1]
    body = page.read_text(encoding="utf-8").split("---\n", 2)[2]
    page.write_text(f"---\n{head}---\n{body}", encoding="utf-8")
    quiz = authoring_block("yaml", "quizzes/01-significance.yml")
    (root / "quizzes/01-significance.yml").write_text(quiz, encoding="utf-8")
    exam = root / "quizzes/exam.yml"
    drawn = exam.read_text(encoding="utf-8")
    exam.write_text(re.sub(r"\n +01-significance: \d+", "", drawn), encoding="utf-8")
    capsys.readouterr()
    assert run_generator(root, "check") == 0, capsys.readouterr().err


def test_the_authoring_guide_s_questions_are_new_to_the_course(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """AUTHORING.md's three example questions, added to the quiz they name as a trainer
    would add them, pass ``check``: their ids are their own (one had the id of a question
    the course has), and the only warnings are the giveaway patterns they make with the
    quiz's own questions."""
    example = authoring_block("yaml", "quizzes/01-significance.yml")
    questions = example.split("\nquestions:\n", 1)[1]
    assert questions.count("  - id: ") == 3
    root = copy_project(tmp_path / "course")
    with (root / "quizzes/01-significance.yml").open("a", encoding="utf-8") as file:
        file.write(questions)
    capsys.readouterr()
    assert run_generator(root, "check") == 0, capsys.readouterr().err
    warnings = capsys.readouterr().err.splitlines()
    assert [line for line in warnings if "[giveaway." not in line] == []


def test_the_example_passes_beside_the_module_a_trainer_made_from_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A trainer who followed the steps has README's module 07-practice, titled as README
    titles it: the tests' copy of the example, titled alike, made ``make test`` fail on
    their course with a warning of two modules of one title. Where the course has no such
    module, README's example stands in for it; a trainer's own is kept as written (it was
    overwritten by the example, whose quiz has no exam questions for their exam to draw)."""
    page, quiz, _ = adding_a_module()
    root = copy_project(tmp_path / "course")
    for made, text in (
        (f"course/{README_MODULE}.md", page),
        (f"quizzes/{README_MODULE}.yml", quiz),
    ):
        if not (root / made).exists():
            (root / made).write_text(text, encoding="utf-8")
    module_added(root, page, quiz)
    passes_but_for_standards(root, capsys)


def test_the_authoring_guide_s_problem_line_is_what_check_prints(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """AUTHORING.md shows the line ``check`` prints for a single-choice question with two
    right options: that mistake made in the real course prints it."""
    text = (PROJECT / "AUTHORING.md").read_text(encoding="utf-8")
    shown = re.search(r"## When something is wrong\n.*?```text\n(.+?)\n```", text, re.S)
    assert shown is not None
    root = copy_project(tmp_path / "course")
    quiz = root / "quizzes/01-significance.yml"
    option = "      - text: 管理学者汤姆·彼得斯\n"
    quiz.write_text(
        quiz.read_text(encoding="utf-8").replace(option, option + "        correct: true\n", 1),
        encoding="utf-8",
    )
    assert run_generator(root, "check") == 1
    assert capsys.readouterr().err.splitlines() == [shown[1], "FAILED: 1 problem"]
