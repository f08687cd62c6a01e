"""Search finds the teaching text, never the quiz: no question reaches the search index.

Material's search plugin leaves out an element marked ``data-search-exclude`` and all it
holds. The module quiz, the exam and every question form carry the mark, so a page that
shows questions (a quiz, the exam, any page built from the question partials) keeps its
prompts, options, feedback and explanations out of the search index. The
heading 本模块测验 stays findable: it leads to each module's quiz and gives nothing away.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from material.plugins.search.plugin import Parser
from playwright.sync_api import Locator, Page, expect

from generator.course_scan import collect_anchors
from generator.load import load_course
from generator.models import (
    Course,
    FillIn,
    Matching,
    MultipleChoice,
    Ordering,
    Question,
    Scenario,
    SingleChoice,
)
from generator.project import Project
from generator.render import question_html
from generator.search_breaks import ZERO_WIDTH_SPACE, joined_at_separators
from generator.search_index import search_entries
from generator.views import placement
from tests.conftest import PROJECT


def plain(text: str) -> str:
    """Text as a search entry shows it: no tags, no word marks, single spaces."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).replace("\u200b", "")
    return re.sub(r"\s+", " ", text).strip()


def every_question(course: Course) -> list[Question]:
    return [question for module in course.modules for question in module.quiz.every_question]


def hidden_texts(question: Question) -> list[str]:
    """What the learner sees only after answering: feedback and the explanation."""
    texts = [question.explanation]
    if isinstance(question, SingleChoice | MultipleChoice):
        texts += [option.feedback for option in question.options if option.feedback]
    elif isinstance(question, Scenario):
        texts += [reply.feedback for turn in question.turns for reply in turn.replies]
    else:
        texts += [text for text in (question.feedback.correct, question.feedback.incorrect) if text]
    return texts


def shown_texts(question: Question) -> list[str]:
    """What the learner sees before answering: the prompt, options, items, replies."""
    texts = [question.prompt]
    if isinstance(question, SingleChoice | MultipleChoice):
        texts += [option.text for option in question.options]
    elif isinstance(question, Ordering):
        texts += question.items
    elif isinstance(question, Matching):
        texts += [text for pair in question.pairs for text in (pair.item, pair.match)]
    elif isinstance(question, FillIn):
        texts.append(question.text)
    elif isinstance(question, Scenario):
        texts += [turn.customer for turn in question.turns]
        texts += [reply.text for turn in question.turns for reply in turn.replies]
    return texts


def teaching_text(course: Course) -> str:
    """The pages' text without Markdown marks: a quiz text quoted here may be found."""
    markdown = "\n".join(page.body for page in course.pages)
    return plain(re.sub(r"\*\*|\[([^\]]*)\]\([^)]*\)", r"\1", markdown))


def quiz_texts_in_index(
    site: Path, course: Course, texts_of: Callable[[Question], list[str]]
) -> list[str]:
    """The texts ``texts_of`` gives for every question, less any the teaching text also
    holds, that the built index holds (there are at least two per question)."""
    index = " ".join(plain(entry["text"]) for entry in search_entries(site))
    assert "关键时刻" in index, "the index lost the teaching text"
    teaching = teaching_text(course)
    texts = [
        plain(text)
        for question in every_question(course)
        for text in texts_of(question)
        if plain(text) not in teaching
    ]
    assert len(texts) > 2 * len(every_question(course))
    return [text for text in texts if text in index]


def test_the_index_holds_no_feedback_or_explanation(built_site: Path, course: Course) -> None:
    assert quiz_texts_in_index(built_site, course, hidden_texts) == []


def test_the_index_holds_no_prompt_or_option(built_site: Path, course: Course) -> None:
    assert quiz_texts_in_index(built_site, course, shown_texts) == []


def test_the_index_holds_no_status_the_runtime_writes(built_site: Path) -> None:
    """A module's facts line was indexed, its parts run together (预计学习时间：50 分钟EODC
    阶段：…), and search said 本模块状态：未开始 of a module passed: the runtime writes the
    status, which an index built once cannot follow."""
    index = " ".join(plain(entry["text"]) for entry in search_entries(built_site))
    assert "关键时刻" in index, "the index lost the teaching text"
    assert "本模块状态" not in index and "预计学习时间" not in index


def test_the_index_holds_no_progress_or_certificate_the_runtime_shows(built_site: Path) -> None:
    """Search showed the home page's dashboard as built (模块完成度：0%, every module
    未开始) whatever the learner had done, and told every learner 你已通过全部模块的测验,
    the certificate page's line the runtime shows only to a learner who has."""
    index = " ".join(plain(entry["text"]) for entry in search_entries(built_site))
    assert "关键时刻" in index, "the index lost the teaching text"
    for shown_by_the_runtime in ["模块完成度", "你已通过全部模块", "兹证明", "生成证书"]:
        assert shown_by_the_runtime not in index


def test_the_glossary_is_searched_by_module(built_site: Path) -> None:
    """The glossary was one table, one entry of the index of 2,000 characters: a search for
    any term listed it, and its link led to the top of the page. Each module's terms are
    an entry of their own now, with a link to them."""
    entries = {
        entry["location"]: len(entry["text"])
        for entry in search_entries(built_site)
        if entry["location"].startswith("glossary.html#")
    }
    glossary = (PROJECT / "course/glossary.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## ", glossary, re.MULTILINE)
    assert len(sections) > 1 and len(entries) == len(sections), entries
    assert max(entries.values()) < 1000, entries


def test_the_quiz_heading_stays_findable_and_empty(built_site: Path, course: Course) -> None:
    """Searching 测验 leads to each module's quiz; the entry holds no question."""
    quiz_entries = {
        entry["location"]: entry
        for entry in search_entries(built_site)
        if entry["location"].endswith("#quiz")
    }
    assert sorted(quiz_entries) == [f"{module.page.name}.html#quiz" for module in course.modules]
    assert {plain(entry["title"]) for entry in quiz_entries.values()} == {"本模块测验"}
    assert {plain(entry["text"]) for entry in quiz_entries.values()} == {""}


def test_the_mistakes_page_is_one_entry(built_site: Path) -> None:
    """Searching 错题本 listed the page, then six more lines named 错题本 with nothing under
    them: Material makes an entry of each heading with an id, even where the page's part
    is kept out of the index, and each module's group of the 错题本 had one."""
    entries = [e["location"] for e in search_entries(built_site) if "mistakes" in e["location"]]
    assert entries == ["mistakes.html"]


class _ExcludedIds(HTMLParser):
    """The ids of the elements inside a part of a page kept out of the search index."""

    def __init__(self) -> None:
        super().__init__()
        self.open: list[bool] = []  # for each open element: inside an excluded part
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        inside = bool(self.open and self.open[-1])
        if inside and named.get("id"):
            self.ids.add(str(named["id"]))
        if tag not in VOID_ELEMENTS:
            self.open.append(inside or "data-search-exclude" in named)

    def handle_endtag(self, tag: str) -> None:
        if self.open and tag not in VOID_ELEMENTS:
            self.open.pop()


VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID_ELEMENTS |= {"source", "track", "wbr"}


def test_no_result_leads_into_a_part_kept_out_of_the_index(built_site: Path) -> None:
    """Material makes an entry of each heading with an id, even inside a part kept out of
    the index: each module's quiz results panel, hidden under the quiz, was a second result
    for the module's title, with nothing under it."""
    astray = []
    for entry in search_entries(built_site):
        page, _, anchor = entry["location"].partition("#")
        if anchor:
            excluded = _ExcludedIds()
            excluded.feed((built_site / page).read_text(encoding="utf-8"))
            astray += [entry["location"]] if anchor in excluded.ids else []
    assert astray == []


def test_no_question_partial_reaches_the_search_parser(minimal_project: Path) -> None:
    """Every question type, on whatever page shows it, is skipped by Material's own parser."""
    fixture = load_course(Project(minimal_project))
    anchors = collect_anchors(fixture, Project(minimal_project))
    leaks = {}
    for module in fixture.modules:
        for number, question in enumerate(module.quiz.every_question, 1):
            placed = placement(question, number, module, anchors, module.page.filename)
            parser = Parser()
            html = question_html(question, placed, None)
            parser.feed(f"<h2 id='anywhere'>错题本</h2>{html}<p>正文</p>")
            parser.close()
            text = plain("".join(part for section in parser.data for part in section.text))
            if text != "正文":
                leaks[question.id] = text
    assert len({question.type for question in every_question(fixture)}) == 7
    assert leaks == {}


def untaught_feedback(course: Course) -> str:
    """The first option feedback that the teaching text does not also say."""
    teaching = teaching_text(course)
    return next(
        option.feedback
        for question in every_question(course)
        if isinstance(question, SingleChoice | MultipleChoice)
        for option in question.options
        if option.feedback and plain(option.feedback) not in teaching
    )


def quiz_links(links: list[str]) -> list[str]:
    """Results inside a module quiz (the section under 本模块测验) or on the exam page."""
    return [link for link in links if link.endswith("#quiz") or "/exam.html" in link]


WARM_UP = "服务"
"""A word every course has: once it finds pages, the search worker has its index."""


def settled_text(page: Page, meta: Locator, quiet_ms: int = 1000) -> str:
    """The result count once it has stopped changing (results of the query typed before
    may still be on screen for a moment)."""
    text, unchanged = meta.inner_text(), 0
    while unchanged < quiet_ms:
        page.wait_for_timeout(200)
        current = meta.inner_text()
        unchanged = unchanged + 200 if current == text else 0
        text = current
    return text


def search_results(page: Page, term: str) -> list[str]:
    """Type ``term`` into Material's search; the links of every result, once all have shown.

    Material shows ten pages at a time and the rest as the list scrolls.
    """
    box = page.get_by_role("textbox", name="搜索")
    box.click()
    box.fill(WARM_UP)  # wait for the search worker's index before asking what matters
    box.press("End")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    box.fill(term)
    box.press("End")
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"没有找到|\d+ 个符合条件"), timeout=15_000)
    settled = settled_text(page, meta)
    found = re.search(r"\d+", settled)
    pages = int(found.group()) if found else 0
    items = page.locator(".md-search-result__item")
    wrap = page.locator(".md-search__scrollwrap")
    for _ in range(pages):
        if items.count() >= pages:
            break
        wrap.evaluate("wrap => wrap.scrollTo(0, wrap.scrollHeight)")
        page.wait_for_timeout(200)
    assert items.count() == pages, f"{items.count()} of {pages} results showed"
    links = page.locator(".md-search-result__item a.md-search-result__link")
    return [str(links.nth(i).get_attribute("href")) for i in range(links.count())]


@pytest.mark.browser
def test_searching_for_feedback_finds_no_quiz(page: Page, site_url: str, course: Course) -> None:
    """Material splits a Chinese query into the words of its index, so it finds pages."""
    page.goto(site_url)
    links = search_results(page, untaught_feedback(course))
    assert links, "the words of the feedback are in the teaching text too"
    assert quiz_links(links) == []


@pytest.mark.browser
def test_searching_for_the_verdict_word_finds_no_quiz(page: Page, site_url: str) -> None:
    page.goto(site_url)
    links = search_results(page, "对")
    assert links, "对 is in the teaching text: search should find it"
    assert quiz_links(links) == []


NO_BREAK_BEFORE = "、，。；：？！）》」』】”’"
NO_BREAK_AFTER = "（《「『【“‘"
"""Chinese punctuation a line never starts with, and that it never ends with."""


def test_a_result_s_text_breaks_no_line_at_chinese_punctuation(built_site: Path) -> None:
    """Material marks the ends of each Chinese word with a zero-width space, where a browser
    may break a line: a search result's text had lines starting with 、 or ，, and a closing
    quote. The marks next to the search separator's characters go; those between words,
    which the search splits words at, stay."""
    breaks = [
        (entry["location"], text[max(0, at - 6) : at + 6])
        for entry in search_entries(built_site)
        for text in (entry["title"], entry["text"])
        for at in range(1, len(text) - 1)
        if text[at] == ZERO_WIDTH_SPACE
        and (text[at + 1] in NO_BREAK_BEFORE or text[at - 1] in NO_BREAK_AFTER)
    ]
    assert breaks == []
    words = " ".join(entry["text"] for entry in search_entries(built_site))
    assert re.search(f"[一-龥]{ZERO_WIDTH_SPACE}[一-龥]", words), "ends between words are kept"


def test_only_the_word_ends_next_to_a_separator_go() -> None:
    separator = r"[\s\u200b\-、，“”]+"
    entry = {
        "location": "a.html",
        "title": "为\u200b客户",
        "text": "着想\u200b、\u200b客户\u200b期望\u200b“\u200b好\u200b”",
    }
    assert joined_at_separators([entry], separator) == [
        {"location": "a.html", "title": "为\u200b客户", "text": "着想、客户\u200b期望“好”"}
    ]
    assert joined_at_separators([entry], "[") == [entry], "a separator Python cannot read"
