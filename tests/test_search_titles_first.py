"""On a large course search answers from the titles at once, then from the whole index.

A course this size would take minutes to build in a test, so the real course is built
with the threshold lowered; the server holds the whole index back until the test lets it
go, which shows what a learner sees while a phone is still building it.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from generator import search_index
from generator.search_index import DOCUMENTS, INDEX, OFFLINE_INDEX, TITLES, split_index
from tests.browsing import type_query
from tests.conftest import copy_project, run_generator, serving
from tests.test_search_deferred import TAUGHT_AT, TERM

BODY_ONLY = "北欧航空"
"""In the text of a module (the story of SAS), in no title."""


def test_a_small_index_has_no_titles_file(tmp_path: Path) -> None:
    split = split_with_entries(tmp_path, search_index.TITLES_FROM - 1)
    assert TITLES not in split
    assert "mot_titles" not in json.loads(split[INDEX])["config"]


def test_a_large_index_has_a_titles_file_that_the_settings_name(tmp_path: Path) -> None:
    split = split_with_entries(tmp_path, search_index.TITLES_FROM)
    settings = {"config": {"lang": ["zh"], "mot_titles": TITLES}, "docs": []}
    assert json.loads(split[INDEX]) == settings
    titles = json.loads(split[TITLES])
    assert titles["config"] == {"lang": ["zh"]}
    entry = {"location": "p7.html#s", "title": "标题 7", "text": "", "tags": ["t"]}
    assert titles["docs"][7] == entry
    assert len(json.loads(split[DOCUMENTS])["docs"]) == search_index.TITLES_FROM


def test_the_offline_package_does_without_titles(tmp_path: Path) -> None:
    (tmp_path / "search").mkdir()
    (tmp_path / OFFLINE_INDEX).write_text("var __index = {}", encoding="utf-8")
    split = split_with_entries(tmp_path, search_index.TITLES_FROM)
    assert TITLES not in split
    assert "mot_titles" not in split[OFFLINE_INDEX].decode()


def split_with_entries(site: Path, count: int) -> dict[str, bytes]:
    entry = {"location": "p{0}.html#s", "title": "标题 {0}", "text": "正文 {0}", "tags": ["t"]}
    docs = [{key: _format(value, n) for key, value in entry.items()} for n in range(count)]
    (site / "search").mkdir(exist_ok=True)
    (site / INDEX).write_text(json.dumps({"config": {"lang": ["zh"]}, "docs": docs}), "utf-8")
    return split_index(site)


def _format(value: object, number: int) -> object:
    return value.format(number) if isinstance(value, str) else value


class HeldIndex(threading.Event):
    """Set to let the server send the whole index."""


@pytest.fixture
def titles_first_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, HeldIndex]]:
    """The real course built with a titles file, served with its whole index held back."""
    monkeypatch.setattr(search_index, "TITLES_FROM", 1)
    project = copy_project(tmp_path / "project")
    assert run_generator(project, "build") == 0
    assert (project / "site" / TITLES).is_file()
    held = HeldIndex()

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path.endswith(DOCUMENTS):
                held.wait(timeout=60)
            super().do_GET()

        def log_message(self, format: str, *args: object) -> None:
            pass

    with serving(functools.partial(Handler, directory=str(project / "site"))) as origin:
        yield f"{origin}/", held
        held.set()


@pytest.mark.browser
def test_titles_answer_while_the_whole_index_is_held_back(
    titles_first_site: tuple[str, HeldIndex], page: Page
) -> None:
    url, held = titles_first_site
    page.goto(f"{url}01-significance.html")
    type_query(page, TERM)
    from_titles = page.locator(f'.md-search-result__item a[href*="{TAUGHT_AT}"]')
    expect(from_titles.first).to_be_visible(timeout=15_000)
    type_query(page, BODY_ONLY)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text("没有找到符合条件的结果")
    held.set()
    expect(page.locator(".md-search-result__item").first).to_be_visible(timeout=15_000)
    expect(page.locator(".md-search-result__item").first).to_contain_text(BODY_ONLY[:2])


@pytest.mark.browser
def test_the_whole_index_fills_in_the_results_on_screen(
    titles_first_site: tuple[str, HeldIndex], page: Page
) -> None:
    url, held = titles_first_site
    page.goto(f"{url}01-significance.html")
    type_query(page, TERM)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(re.compile(r"\d+ 个符合条件的结果$"), timeout=15_000)
    from_titles = meta.inner_text()
    assert page.locator(".md-search-result__article p").count() == 0, "titles alone, no text"
    held.set()
    expect(meta).not_to_have_text(from_titles, timeout=15_000)
    assert found(meta.inner_text()) > found(from_titles), "without typing again"
    expect(page.locator(".md-search-result__article p mark").first).to_be_visible()


def found(meta: str) -> int:
    """The number of pages Material's result line counts (``9 个符合条件的结果``, or
    ``找到 1 个符合条件的结果``: one title holds 服务补救)."""
    number = re.search(r"\d+", meta)
    assert number, meta
    return int(number.group())
