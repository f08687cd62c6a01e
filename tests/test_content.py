"""Content integrity of the real course: the rules that keep the course honest.

Every failure names the file and line, or the question id, that breaks the rule.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from generator.course_scan import scan_course
from generator.lint import lint_course
from generator.models import (
    Course,
    Module,
    Scenario,
    TrueFalse,
)
from generator.project import OUTLINE_MARKER, Project
from generator.yaml_source import position
from tests.conftest import PROJECT

HAN = re.compile(r"[\u4e00-\u9fff]")
GLOSSARY_ROW = re.compile(
    r"^\|\s*(?P<term>[^|]+?)\s*\|\s*(?P<english>[^|]+?)\s*\|"
    r"\s*(?P<definition>[^|]+?)\s*\|\s*(?P<where>[^|]+?)\s*\|$"
)
UNSEEN_MATERIAL = re.compile(r"讲义|教材|原讲义")
"""The course is the learner's only text: no references to notes or books they never see."""
GAP_IN_WORDS = re.compile(r"差距(?!一一对应)[一二三四]")
"""The four service-quality gaps are 差距 1 … 差距 4 everywhere, never 差距一 … 差距四."""
ADMONITION = re.compile(r'^(\s*)(?:!!!|\?\?\?\+?)\s+[a-z]+(?:\s+"(?P<title>[^"]*)")?\s*$')
CODE_SPAN = re.compile(r"`[^`]*`")
HTML_TAG = re.compile(r"<[^<>]*>")
HEADING_ID = re.compile(r"\{#[^}]*\}")
STRAIGHT_QUOTE = re.compile(r"[\"']")
MIN_PROSE_LINES = 400
"""The quotation-mark check must really read the course: at least this many lines."""
DIAGRAMS = {
    "01-significance": ["EODC"],
    "02-principles": ["差距"],
    "04-offer": ["三角"],
    "06-confirm": ["利润链"],
}


def modules(course: Course) -> list[Module]:
    assert course.modules, "the course has modules"
    return course.modules


def where(module: Module, index: int, *keys: str) -> str:
    line, column = position(module.quiz_source, ("questions", index, *keys))
    question = module.quiz.questions[index]
    return f"{module.quiz_source.path}:{line}:{column} ({question.id})"


def test_the_course_meets_its_standards(course: Course) -> None:
    """What a module still lacks is a warning of check and the preview; none may be left."""
    scan = scan_course(course, Project(PROJECT))
    shortfalls = [
        str(problem)
        for problem in lint_course(course, scan)
        if problem.code.startswith("standards.")
    ]
    assert shortfalls == [], "a module falls short of the course's standards:\n" + "\n".join(
        shortfalls
    )


def test_the_first_six_modules_follow_the_deck(course: Course) -> None:
    """The deck's six modules come first and in its order; a module added after them may follow."""
    first_six = modules(course)[:6]
    names = [module.page.name for module in first_six]
    assert names == [
        "01-significance",
        "02-principles",
        "03-explore",
        "04-offer",
        "05-do",
        "06-confirm",
    ]
    stages = [module.meta.stage for module in first_six]
    assert stages == ["meaning", "principles", "explore", "offer", "do", "confirm"]


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


def test_true_false_answers_are_mixed(course: Course) -> None:
    answers = Counter(
        question.answer
        for module in modules(course)
        for question in module.quiz.questions
        if isinstance(question, TrueFalse)
    )
    assert answers[True] and answers[False], f"true/false answers all alike: {answers}"


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
        if not re.search(r"\]\((\d{2}-[a-z-]+\.md#[a-z0-9-]+)\)", row["where"]):
            problems.append(f"course/glossary.md:{line}: '{term}' has no link to a module section")
    assert problems == []


def test_readme_outline_matches_the_course(capsys: pytest.CaptureFixture[str]) -> None:
    from tests.conftest import run_generator

    assert run_generator(PROJECT, "outline") == 0
    outline = capsys.readouterr().out
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    assert outline in readme, (
        "README.md's course outline is stale: run `python -m generator outline` and paste "
        "its table over the one under '## Course outline', then refresh README's console "
        "examples with `.venv/bin/pytest --update-golden tests/test_readme.py` and review "
        f"the diff (README, adding a module, step 5):\n{outline}"
    )


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


def test_every_module_page_leads_from_its_facts_to_its_quiz(
    built_site: Path, course: Course
) -> None:
    """测验：N 题 among a module's facts, at the top of its page, is a link to its quiz."""
    for module in course.modules:
        html = (built_site / f"{module.page.name}.html").read_text(encoding="utf-8")
        link = f'<a href="#quiz">测验：{len(module.quiz.questions)}&nbsp;题</a>'
        facts = re.search(r'<p class="mot-module-facts">.*?</p>', html)
        assert facts and link in facts[0], module.page.name
        assert '<h2 id="quiz">' in html, module.page.name


def markdown_prose(line: str) -> str:
    """The words of a Markdown line a learner reads: markup, tags and code spans removed."""
    admonition = ADMONITION.match(line)
    if admonition:
        return admonition.group("title") or ""
    line = CODE_SPAN.sub("", line)
    line = HTML_TAG.sub("", line)
    return HEADING_ID.sub("", line)


def has_straight_quote(text: str) -> bool:
    """Chinese prose that uses an ASCII quotation mark instead of “” or ‘’."""
    return bool(HAN.search(text)) and bool(STRAIGHT_QUOTE.search(text))


Location = tuple[str | int, ...]


def test_the_quotation_check_tells_prose_from_markup() -> None:
    assert has_straight_quote(markdown_prose('他说"你好"'))
    assert has_straight_quote(markdown_prose("他说'你好'"))
    assert has_straight_quote(markdown_prose('!!! tip "别说"不归我管""'))
    assert not has_straight_quote(markdown_prose("他说“你好”，‘好’字要轻"))
    assert not has_straight_quote(markdown_prose('!!! tip "小贴士"'))
    assert not has_straight_quote(markdown_prose('<text class="mot-text" x="1">客户</text>'))
    assert not has_straight_quote(markdown_prose('在 `class="x"` 里写'))
    assert not has_straight_quote(markdown_prose('<svg role="img" aria-label="x">'))


def source_lines() -> list[tuple[str, str]]:
    """Every line of the course's pages and quizzes, each with where it stands."""
    return [
        (f"{path.relative_to(PROJECT)}:{number}", line)
        for folder in ("course", "quizzes")
        for path in sorted((PROJECT / folder).glob("*.*"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
    ]


def test_no_reference_to_material_the_learner_never_sees() -> None:
    found = [
        f"{where}: {line.strip()[:40]}"
        for where, line in source_lines()
        if UNSEEN_MATERIAL.search(line)
    ]
    assert found == [], "state the idea directly instead of citing notes or a textbook"


KEPT_ON_THE_DEVICE = re.compile(r"发送?到任何地方|不会把(答案|成绩)|只留在|只保存在|看不到后台成绩")
"""Words that promise the answers stay on the learner's device."""
LMS_NAMED = re.compile(r"学习平台|LMS|SCORM")


def test_a_promise_that_answers_stay_on_the_device_names_the_lms_exception() -> None:
    """The SCORM package carries these pages, and it reports every answer and score to the
    LMS: index.html had told learners there that nothing was sent anywhere."""
    found = [
        f"{where}: {line.strip()[:40]}"
        for where, line in source_lines()
        if KEPT_ON_THE_DEVICE.search(line) and not LMS_NAMED.search(line)
    ]
    assert found == [], "say that the SCORM package reports answers and scores to the LMS"


CHINESE_COUNTS = dict(enumerate("零一二三四五六七八九十"))
MODULE_COUNT = re.compile(r"(?:共|建议)([一二三四五六七八九十])个模块")
"""The sentences that count every module: 课程共六个模块, 建议六个模块都通过后."""


def test_the_home_page_counts_and_lists_every_module(course: Course) -> None:
    """course/index.md says how many modules there are, and lists them through the outline
    marker, which fills in each module's summary and figures from its front matter: a module
    added (README's steps) must be counted there too."""
    text = (PROJECT / "course/index.md").read_text(encoding="utf-8")
    counts = {match.group(1) for match in MODULE_COUNT.finditer(text)}
    number = CHINESE_COUNTS.get(len(course.modules), str(len(course.modules)))
    assert counts == {number}, f"course/index.md: write the number of modules, {number}个模块"
    assert OUTLINE_MARKER in text.splitlines(), (
        f"course/index.md: put {OUTLINE_MARKER} under 学习路线"
    )


SCHEDULED = re.compile(
    r"^\| \[模块[一二三四五六七八九十]+\]\((?P<page>[\w-]+)\.md\) \|", re.MULTILINE
)
PLANNED = re.compile(
    r"^配套页面：\[模块[一二三四五六七八九十]+\]\((?P<page>[\w-]+)\.md\)", re.MULTILINE
)
COUNTED = re.compile(r"(?<!前)([一二三四五六七八九十])个模块")
"""A count of the course's modules; 前六个模块 (the first six) counts some of them."""
GROUPS_COUNTED = re.compile(r"分成([一二三四五六七八九十])组")
"""The glossary's count of its groups of terms, one a module."""


def test_the_trainers_guide_plans_every_module(course: Course) -> None:
    """course/trainer.md gives every module a row in its schedule and a session plan, and
    counts them all: README's steps for adding a module had left it at six."""
    text = (PROJECT / "course/trainer.md").read_text(encoding="utf-8")
    pages = [module.page.name for module in course.modules]
    assert SCHEDULED.findall(text) == pages, (
        "course/trainer.md: give each module a row in the schedule"
    )
    assert PLANNED.findall(text) == pages, "course/trainer.md: write each module's session plan"
    number = CHINESE_COUNTS.get(len(course.modules), str(len(course.modules)))
    assert set(COUNTED.findall(text)) == {number}, (
        f"course/trainer.md: write the number of modules, {number}个模块, wherever it counts them"
    )


def test_the_glossary_counts_every_module(course: Course) -> None:
    """course/glossary.md groups its terms by module and says how many groups there are:
    README's steps for adding a module had left it at six, and nothing checked it."""
    text = (PROJECT / "course/glossary.md").read_text(encoding="utf-8")
    number = CHINESE_COUNTS.get(len(course.modules), str(len(course.modules)))
    counts = set(COUNTED.findall(text)) | set(GROUPS_COUNTED.findall(text))
    assert counts == {number}, (
        f"course/glossary.md: write the number of modules, {number}个模块 and 分成{number}组"
    )


def test_the_trainers_guide_says_what_the_certificate_does_not_prove() -> None:
    """The certificate is made from a record on the learner's device, which the learner can
    edit, and the page holds its answer key, only hidden (README: "Answer keys are hidden,
    not secured"). A trainer who reads nothing else must not take it for an exam result."""
    guide = (PROJECT / "course/trainer.md").read_text(encoding="utf-8")
    paragraph = next(p for p in guide.split("\n\n") if p.startswith("**结业证书。**"))
    for words in ("学员设备上", "能改动", "查出答案", "不能证明", "LMS", "由平台判分", "监考"):
        assert words in paragraph, words


def test_the_four_gaps_are_numbered_in_digits() -> None:
    found = [
        f"{where}: {match.group()}"
        for where, line in source_lines()
        for match in GAP_IN_WORDS.finditer(line)
    ]
    assert found == [], "write the gaps as module 2 does: 差距 1, 差距 2, 差距 3, 差距 4"


def test_page_bodies_use_chinese_quotation_marks(course: Course) -> None:
    """The pages' Markdown text (their front matter, like the quizzes, is held to it by
    ``check --strict``: :mod:`generator.lint.prose`)."""
    straight, scanned = [], 0
    for page in course.pages:
        for offset, body_line in enumerate(page.body.splitlines()):
            prose = markdown_prose(body_line)
            if HAN.search(prose):
                scanned += 1
                if has_straight_quote(prose):
                    straight.append(f"{page.source.path}:{page.body_line + offset}: {prose[:40]}")
    assert scanned >= MIN_PROSE_LINES, f"only {scanned} lines of course text were checked"
    assert straight == [], "use “” and ‘’ in Chinese text"


AMOUNT = re.compile(r"[0-9一二两三四五六七八九十百千]+(?:点半?|分钟|小时|个?工作日|天|兆|号|G)")
"""A time, a duration or an amount, as a reply promises one and a customer's line repeats it."""


def test_an_exam_dialogue_s_customer_does_not_echo_the_best_reply(course: Course) -> None:
    """The exam plays every dialogue along its best replies whatever the learner answers: a
    customer who then says "（十五分钟后）" after the best reply's "大约十五分钟" told the
    learner which reply was best before hand-in. A time or amount the next customer line
    shares with the turn's best reply, and with no other reply of it, is such an echo."""
    echoes = []
    for module in course.modules:
        for question in module.quiz.exam_questions:
            if not isinstance(question, Scenario):
                continue
            path = question.best_path()
            for index, following in pairwise(path):
                replies = question.turns[index].replies
                best = next(reply for reply in replies if reply.correct)
                others = {
                    found
                    for reply in replies
                    if reply is not best
                    for found in AMOUNT.findall(reply.text)
                }
                heard = set(AMOUNT.findall(question.turns[following].customer))
                shared = (heard & set(AMOUNT.findall(best.text))) - others
                echoes += [
                    f"{question.id} {question.turns[following].id}: {word}" for word in shared
                ]
    assert echoes == []
