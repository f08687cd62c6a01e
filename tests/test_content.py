"""Content integrity of the real course: the rules that keep the course honest.

Every failure names the file and line, or the question id, that breaks the rule.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from generator.load import load_course
from generator.markdown_config import collect_anchors
from generator.models import Course, Module, MultipleChoice, SingleChoice, TrueFalse
from generator.project import Project
from generator.validate import validate_course
from generator.yaml_source import position
from tests.conftest import PROJECT

HAN = re.compile(r"[\u4e00-\u9fff]")
BODY_CHARACTERS = (3000, 8000)
QUESTIONS_PER_MODULE = (10, 15)
GLOSSARY_ROW = re.compile(
    r"^\|\s*(?P<term>[^|]+?)\s*\|\s*(?P<english>[^|]+?)\s*\|"
    r"\s*(?P<definition>[^|]+?)\s*\|\s*(?P<where>[^|]+?)\s*\|$"
)
DIAGRAMS = {
    "01-significance": ["EODC"],
    "02-principles": ["差距"],
    "04-offer": ["三角"],
    "06-confirm": ["利润链"],
}


@pytest.fixture(scope="module")
def course() -> Course:
    return load_course(Project(PROJECT))


def modules(course: Course) -> list[Module]:
    assert len(course.modules) == 6, "the course has six modules"
    return course.modules


def where(module: Module, index: int, *keys: str) -> str:
    line, column = position(module.quiz_source, ("questions", index, *keys))
    question = module.quiz.questions[index]
    return f"{module.quiz_source.path}:{line}:{column} ({question.id})"


def test_the_course_passes_the_generator_checks(course: Course) -> None:
    validate_course(course, collect_anchors(course, Project(PROJECT)))


def test_six_modules_in_deck_order(course: Course) -> None:
    names = [module.page.name for module in modules(course)]
    assert names == [
        "01-significance",
        "02-principles",
        "03-explore",
        "04-offer",
        "05-do",
        "06-confirm",
    ]
    stages = [module.meta.stage for module in course.modules]
    assert stages == ["meaning", "principles", "explore", "offer", "do", "confirm"]


def test_every_objective_is_covered_by_two_questions(course: Course) -> None:
    gaps = []
    for module in modules(course):
        covered = Counter(question.objective for question in module.quiz.questions)
        for index, objective in enumerate(module.meta.objectives):
            if covered[objective.id] < 2:
                line, _ = position(module.page.source, ("objectives", index))
                gaps.append(
                    f"{module.page.source.path}:{line}: objective '{objective.id}' "
                    f"has {covered[objective.id]} question(s)"
                )
    assert gaps == []


def test_question_counts_types_and_applied_share(course: Course) -> None:
    problems = []
    for module in modules(course):
        questions = module.quiz.questions
        path = module.quiz_source.path
        low, high = QUESTIONS_PER_MODULE
        if not low <= len(questions) <= high:
            problems.append(f"{path}: {len(questions)} questions, needs {low} to {high}")
        types = {question.type for question in questions}
        if len(types) < 4:
            problems.append(f"{path}: uses {sorted(types)}, needs at least four types")
        applied = sum(question.applied for question in questions)
        if applied * 3 < len(questions):
            problems.append(f"{path}: {applied} of {len(questions)} applied, needs a third")
    assert problems == []


def test_the_course_uses_every_new_type_at_least_twice(course: Course) -> None:
    counts = Counter(
        question.type for module in modules(course) for question in module.quiz.questions
    )
    scarce = {
        kind: counts[kind]
        for kind in ("ordering", "matching", "fill_in", "scenario")
        if counts[kind] < 2
    }
    assert scarce == {}, f"types with fewer than two questions in the course: {scarce}"


def test_every_wrong_option_says_why(course: Course) -> None:
    missing = []
    for module in modules(course):
        for index, question in enumerate(module.quiz.questions):
            if isinstance(question, SingleChoice | MultipleChoice):
                missing += [
                    where(module, index, "options") + f": option '{option.text}' has no feedback"
                    for option in question.options
                    if not option.correct and not option.feedback
                ]
            elif isinstance(question, TrueFalse) and not question.feedback.incorrect:
                missing.append(where(module, index) + ": no feedback for a wrong answer")
    assert missing == []


def test_true_false_answers_are_mixed(course: Course) -> None:
    answers = Counter(
        question.answer
        for module in modules(course)
        for question in module.quiz.questions
        if isinstance(question, TrueFalse)
    )
    assert answers[True] and answers[False], f"true/false answers all alike: {answers}"


def body_characters(text: str) -> int:
    return len(HAN.findall(text))


@pytest.mark.parametrize("index", range(6))
def test_module_body_length(course: Course, index: int) -> None:
    module = modules(course)[index]
    count = body_characters(module.page.body)
    low, high = BODY_CHARACTERS
    assert low <= count <= high, (
        f"{module.page.source.path}: {count} Chinese characters of body text; "
        f"keep it between {low} and {high}"
    )


@pytest.mark.parametrize("index", range(6))
def test_module_has_its_teaching_parts(course: Course, index: int) -> None:
    module = modules(course)[index]
    body, path = module.page.body, module.page.source.path
    missing = [
        part
        for part, pattern in {
            "本章要点 {#summary}": r"^## 本章要点 \{#summary\}",
            "学以致用 {#reflection}": r"^## 学以致用 \{#reflection\}",
            "a dialogue handled poorly": r'^!!! failure "',
            "the same dialogue handled well": r'^!!! success "',
            "an admonition with a key point or tip": r"^!!! (tip|note|abstract|warning|question)",
            "a table": r"^\|.*\|\s*$",
        }.items()
        if not re.search(pattern, body, re.MULTILINE)
    ]
    assert missing == [], f"{path}: missing {missing}"


@pytest.mark.parametrize(("name", "words"), DIAGRAMS.items())
def test_models_are_drawn_with_a_text_alternative(
    course: Course, name: str, words: list[str]
) -> None:
    module = next(module for module in modules(course) if module.page.name == name)
    figures = re.findall(r"<figure class=\"mot-figure\">(.*?)</figure>", module.page.body, re.S)
    assert figures, f'{module.page.source.path}: no <figure class="mot-figure"> diagram'
    for figure in figures:
        assert 'role="img"' in figure and "<title" in figure and "<desc" in figure, (
            f'{module.page.source.path}: a diagram lacks role="img", <title> or <desc>'
        )
        assert "\n\n" not in figure, f"{module.page.source.path}: blank line inside a diagram"
        assert not re.search(r"https?://(?!www\.w3\.org/)", figure), "diagram loads from a URL"
    for word in words:
        assert any(word in figure for figure in figures), (
            f"{module.page.source.path}: no diagram mentions {word}"
        )


def glossary_rows(course: Course) -> list[tuple[int, dict[str, str]]]:
    page = next(page for page in course.pages if page.name == "glossary")
    rows = []
    for offset, line in enumerate(page.body.splitlines()):
        match = GLOSSARY_ROW.match(line.strip())
        if match and not set(match.group("term")) <= set("-: ") and match.group("term") != "术语":
            rows.append((page.body_line + offset, match.groupdict()))
    return rows


def test_glossary_has_the_key_terms(course: Course) -> None:
    terms = {row["term"] for _, row in glossary_rows(course)}
    expected = {"关键时刻", "EODC", "首人负责", "服务补救", "白金法则", "SQI"}
    assert expected <= {re.sub(r"[（(].*", "", term).strip() for term in terms} | terms, (
        f"course/glossary.md lacks {expected - terms}"
    )


def test_every_glossary_term_is_taught_and_linked(course: Course) -> None:
    text = "\n".join(module.page.body for module in course.modules)
    problems = []
    for line, row in glossary_rows(course):
        term = re.sub(r"[（(].*", "", row["term"]).strip()
        if term not in text:
            problems.append(f"course/glossary.md:{line}: '{term}' appears in no module")
        if not re.search(r"\]\((0[1-6]-[a-z-]+\.md#[a-z0-9-]+)\)", row["where"]):
            problems.append(f"course/glossary.md:{line}: '{term}' has no link to a module section")
    assert problems == []


def test_readme_outline_matches_the_course(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import run_generator

    assert run_generator(PROJECT, "outline") == 0
    outline = capsys.readouterr().out
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert outline in readme, f"README's course outline is stale; paste:\n{outline}"


def test_review_links_resolve_in_the_built_site(built_site: Path) -> None:
    broken = []
    for html_file in sorted(built_site.glob("0*.html")):
        html = html_file.read_text(encoding="utf-8")
        for href in re.findall(r'<p class="mot-review"><a href="([^"]+)"', html):
            page, _, anchor = href.partition("#")
            target = built_site / page if page else html_file
            if not target.is_file() or f'id="{anchor}"' not in target.read_text(encoding="utf-8"):
                broken.append(f"{html_file.name}: {href}")
    assert broken == []
