"""Course terms stay whole in the search index of the site and of every export, and in search.

jieba alone splits 服务补救 into 服务 + 补救; the terms listed in search-terms.txt are kept
whole wherever the generator builds a search index: the site, the offline package and the
SCORM package. Searching for one finds first a section that holds it, and the page opened
from there marks the term, never single characters of it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import jieba
import pytest
from playwright.sync_api import Locator, Page, expect

from generator.project import Project
from generator.search_dictionary import start_afresh
from generator.search_index import DOCUMENTS, OFFLINE_DOCUMENTS
from generator.search_terms import MAX_TERM_LENGTH, add_search_terms, read_search_terms
from tests.browsing import type_query
from tests.conftest import NO_SITE, PROJECT, run_generator

PROJECT_TERM = "开篇情景"
"""In no other terms file, and jieba alone splits it into 开篇 + 情景."""
ZERO_WIDTH = "\u200b"
"""MkDocs' search plugin marks the words it split with zero-width spaces between them."""
KEPT_WHOLE = f"{ZERO_WIDTH}{PROJECT_TERM}。"
"""How an index holds PROJECT_TERM (followed by 。 in the pages) when search keeps it whole:
after a zero-width space, with none before 。, as none is kept beside the separators."""


def test_every_listed_term_is_taught_in_the_course() -> None:
    """A term that no page uses is stale: the list should follow the course."""
    text = "".join(path.read_text("utf-8") for path in (PROJECT / "course").glob("*.md"))
    terms = read_search_terms(Project(PROJECT))
    assert len(terms) >= 10
    assert [term for term in terms if term not in text] == []


def test_the_longest_term_accepted_is_far_above_the_course_s_and_documented() -> None:
    terms = read_search_terms(Project(PROJECT))
    assert max(map(len, terms)) * 5 <= MAX_TERM_LENGTH
    for document in ("README.md", "AUTHORING.md"):
        said = " ".join((PROJECT / document).read_text(encoding="utf-8").split())
        assert f"at most {MAX_TERM_LENGTH} characters" in said, document


@pytest.mark.usefixtures("jieba_kept")
def test_added_terms_are_not_split() -> None:
    start_afresh(Project(PROJECT))
    add_search_terms(read_search_terms(Project(PROJECT)))
    assert "服务补救" in jieba.lcut("做好服务补救工作")


def index_text(index: str) -> str:
    return " ".join(entry["text"] for entry in json.loads(index)["docs"])


def with_project_term(project: Path) -> Path:
    (project / "search-terms.txt").write_text(f"# terms\n{PROJECT_TERM}\n", encoding="utf-8")
    return project


def test_the_site_keeps_a_term_of_the_project_whole(minimal_project: Path) -> None:
    assert run_generator(with_project_term(minimal_project), "build") == 0
    index = (minimal_project / "site" / DOCUMENTS).read_text("utf-8")
    assert PROJECT_TERM in index_text(index)  # split, it holds a zero-width space


def export_in_a_fresh_process(project: Path, export: str) -> None:
    """jieba's dictionary lives in the process: a fresh one shows what the export itself adds."""
    command = [sys.executable, "-m", "generator", "--root", str(project), "export", export]
    subprocess.run(command, cwd=PROJECT, check=True, capture_output=True)


def test_the_scorm_package_keeps_it_whole(minimal_project: Path) -> None:
    export_in_a_fresh_process(with_project_term(minimal_project), "scorm")
    with zipfile.ZipFile(minimal_project / "dist/mot-course-scorm.zip") as package:
        index = package.read(DOCUMENTS).decode("utf-8")
    assert PROJECT_TERM in index_text(index)  # split, it holds a zero-width space


def test_the_offline_package_keeps_it_whole(minimal_project: Path) -> None:
    export_in_a_fresh_process(with_project_term(minimal_project), "offline")
    with zipfile.ZipFile(minimal_project / "dist/mot-course-offline.zip") as package:
        script = package.read(f"mot-course-offline/{OFFLINE_DOCUMENTS}").decode("utf-8")
    index = re.sub(r"^var __motSearchIndex = |;\s*$", "", script)
    assert PROJECT_TERM in index_text(index)  # split, it holds a zero-width space


def test_the_dictionary_is_cached_in_the_project_not_in_a_shared_folder(
    minimal_project: Path, tmp_path: Path
) -> None:
    """jieba caches its dictionary in the system's temporary folder, shared by every user: a
    cache left there by another user could not be replaced, and the build printed jieba's
    traceback (here a folder stands in the cache's way, which stops root as well)."""
    shared = tmp_path / "shared-tmp"
    (shared / "jieba.cache").mkdir(parents=True)
    command = [sys.executable, "-m", "generator", "--root", str(minimal_project), "build"]
    built = subprocess.run(
        command,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env={**os.environ, "TMPDIR": str(shared)},
    )
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stdout + built.stderr
    assert (minimal_project / "build/cache/jieba.cache").is_file()
    assert list(shared.iterdir()) == [shared / "jieba.cache"], (
        "nothing written in the shared folder"
    )


def test_a_terms_file_saved_as_gbk_is_one_problem(
    minimal_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (minimal_project / "search-terms.txt").write_bytes("服务补救\n".encode("gbk"))
    assert run_generator(minimal_project, "build") == 1
    assert capsys.readouterr().err == (
        "search-terms.txt:1:1: the file is not saved as UTF-8 (it looks like GBK, the encoding "
        "Chinese Windows editors use by default); open it in your editor and save it with the "
        f"encoding 'UTF-8' [source.not-utf8]\nFAILED: 1 problem\n{NO_SITE}\n"
    )


def top_result(page: Page, site_url: str, term: str) -> Locator:
    """The link to what search ranks first for ``term``, searched from a page opened with it."""
    page.goto(f"{site_url}?q={quote(term)}")
    return best_link(page)


def best_link(page: Page) -> Locator:
    """In the first page listed, the page itself or one of its sections, whichever scores
    highest."""
    first_page = page.locator(".md-search-result__item").first
    expect(first_page).to_be_visible(timeout=15_000)
    links = first_page.locator("a.md-search-result__link")
    scores = links.locator("article").evaluate_all("all => all.map(a => +a.dataset.mdScore)")
    return links.nth(scores.index(max(scores)))


def top_results(page: Page, site_url: str, terms: list[str]) -> Iterator[tuple[str, Locator]]:
    """Each of ``terms`` typed in turn into one page's search box (the index is built once),
    with the link to what search ranks first. The box is emptied between terms, and the
    list with it, so that the results shown are the new term's."""
    page.goto(site_url)
    for term in terms:
        type_query(page, "")
        expect(page.locator(".md-search-result__item")).to_have_count(0)
        type_query(page, term)
        yield term, best_link(page)


@pytest.mark.browser
def test_each_listed_term_finds_first_a_section_that_holds_it(page: Page, site_url: str) -> None:
    """Material cut 服务补救 into 服务 + 补 and put 服务价值链 first, which holds 服务 alone."""
    misranked = {}
    for term, link in top_results(page, site_url, read_search_terms(Project(PROJECT))):
        marked = link.locator("mark").all_inner_texts()
        if term not in marked:
            misranked[term] = marked
    assert misranked == {}, "the first result's marks, for each term it does not hold"


@pytest.mark.browser
@pytest.mark.parametrize(("part", "term"), [("赎罪", "象征性赎罪"), ("宗罪", "七宗罪")])
def test_the_end_of_a_word_kept_whole_finds_the_word(
    page: Page, site_url: str, part: str, term: str
) -> None:
    """The index keeps 象征性赎罪 whole, and search looks for what is typed at the start of
    its words: 赎罪 found nothing. A part that starts no word is searched in the words that
    hold it."""
    marked = top_result(page, site_url, part).locator("mark").all_inner_texts()
    assert term in marked


@pytest.mark.browser
@pytest.mark.parametrize("term", ["首人负责", "服务补救", "望闻问切"])
def test_the_page_opened_from_a_result_marks_the_whole_term(
    page: Page, site_url: str, term: str
) -> None:
    """Opened from 首人负责, the page marked every 负 on it (the link said ?h=负)."""
    top_result(page, site_url, term).click()
    marks = page.locator("article mark[data-md-highlight]")
    expect(marks.first).to_be_visible(timeout=15_000)
    assert set(marks.all_inner_texts()) == {term}


@pytest.mark.browser
@pytest.mark.parametrize("term", ["倒推", "服务补救"])
def test_every_page_line_of_a_result_marks_what_its_sections_found(
    page: Page, site_url: str, term: str
) -> None:
    """A page line led to the page with nothing to mark (05-do.html?h=) when the term was in
    a section below the page's first lines; the page opened from it marks the term."""
    page.goto(f"{site_url}?q={quote(term)}")
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    lines = page.locator(".md-search-result__item > a.md-search-result__link")
    addresses = lines.evaluate_all("links => links.map(link => link.href)")
    assert addresses and all(
        parse_qs(urlsplit(address).query).get("h") == [term] for address in addresses
    ), addresses
    lines.first.click()
    marks = page.locator("article mark[data-md-highlight]")
    expect(marks.first).to_be_visible(timeout=15_000)
    assert set(marks.all_inner_texts()) == {term}


def glossary_terms() -> list[str]:
    """The terms of the glossary's tables (their first column, without a bracketed
    abbreviation)."""
    rows = (PROJECT / "course" / "glossary.md").read_text("utf-8").splitlines()
    cells = [row.split("|")[1].strip() for row in rows if row.startswith("| ")]
    return [re.sub(r"（.*?）", "", cell) for cell in cells if cell not in ("术语", "---")]


@pytest.mark.browser
def test_each_glossary_term_finds_first_a_section_that_holds_it(page: Page, site_url: str) -> None:
    """Searching for 服务接触 listed first 服务三角 (it holds 服务 alone), and 内部客户 the
    home page: jieba split them, and the search ranked a part. A glossary term that search
    misranks goes into search-terms.txt."""
    terms = glossary_terms()
    assert len(terms) >= 30 and "服务接触" in terms
    misranked = {}
    for term, link in top_results(page, site_url, terms):
        text = link.inner_text().replace(ZERO_WIDTH, "")
        if term not in text:
            misranked[term] = text[:40]
    assert misranked == {}, "the first result's text, for each term it does not hold"
