"""What a learner's browser fetches and waits for: page weight, the search index, first search.

Pages are served by :mod:`benchmarks.static_server` (each text file gzipped on its own, as
a web server sends it) and opened in Debian's Chromium through Playwright, in a fresh
browser context each time, so every visit is a first visit with an empty cache.
"""

from __future__ import annotations

import gzip
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import Browser, BrowserContext, ViewportSize, sync_playwright

from benchmarks.static_server import GZIP_LEVEL, ServedLog
from benchmarks.stats import Timing
from generator.export.pdf import CHROMIUM_FLAGS, chromium_executable
from generator.project import ASSETS_FOLDER, EXAM_PAGES, page_url
from generator.runtime import SEARCH_WORKER
from generator.search_index import DOCUMENTS

MATERIAL_FOLDERS = ("/assets/javascripts/", "/assets/stylesheets/", "/assets/images/")
"""Where Material puts its own files; everything else under /assets/ is ours."""
SEARCH_FOLDER = "/search/"
QUIZ_ANCHOR = "quiz"
"""The heading id the generator gives every module's quiz section."""
SEARCH_QUERY = "服务补救"
"""A course term (search-terms.txt) taught in module 6 and in every copy of it, in a title."""
TEXT_QUERY = "北欧航空"
"""A name in the text of module 1 and its copies, in no title: found only by the whole index
(on a large course the titles answer first, :mod:`generator.search_index`)."""
MOBILE_CPU_SLOWDOWN = 4
"""Lighthouse's mobile preset slows the CPU down four times."""
MOBILE_SCREEN: ViewportSize = {"width": 412, "height": 823}
"""Lighthouse's mobile preset (a Moto G Power), 1.75 device pixels per CSS pixel."""
QUIET_SECONDS = 1.0


@dataclass(frozen=True)
class PageWeight:
    """Bytes a first visit to a page fetched, as sent (text gzipped), by kind of file."""

    page: str
    html: int
    ours: int
    material: int
    search_index: int
    other: int
    total: int
    ours_files: tuple[str, ...]


@dataclass(frozen=True)
class SearchIndex:
    """The one-file search index: its size and how much of it is quiz text."""

    raw: int
    gzipped: int
    entries: int
    quiz_entries: int
    quiz_raw: int


@contextmanager
def chromium() -> Iterator[Browser]:
    """Debian's Chromium (or $MOT_CHROMIUM), headless, with the project's usual flags."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), args=CHROMIUM_FLAGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


def kind_of(path: str) -> str:
    if path.startswith(SEARCH_FOLDER):
        return "search_index"
    if path == f"/{ASSETS_FOLDER}/{SEARCH_WORKER[1]}":
        return "ours"  # the course's search worker, beside Material's
    if path.endswith(".html") or path.endswith("/"):
        return "html"
    if path.startswith(MATERIAL_FOLDERS):
        return "material"
    return "ours" if path.startswith("/assets/") else "other"


def first_visit(browser: Browser, base: str, log: ServedLog, page: str) -> PageWeight:
    """Open ``page`` with an empty cache and add up what the server sent until it went quiet."""
    start = len(log.sent)
    context = browser.new_context(locale="zh-CN")
    try:
        tab = context.new_page()
        tab.goto(base + page, wait_until="load")
        tab.wait_for_load_state("networkidle")
        _wait_until_quiet(log)
    finally:
        context.close()
    sent = log.since(start)
    sizes = {kind: 0 for kind in ("html", "ours", "material", "search_index", "other")}
    for path, size in sent:
        sizes[kind_of(path)] += size
    ours = tuple(sorted({path for path, _ in sent if kind_of(path) == "ours"}))
    return PageWeight(page=page, total=sum(sizes.values()), ours_files=ours, **sizes)


def _wait_until_quiet(log: ServedLog) -> None:
    """Wait for requests a web worker makes after the page's own network went idle."""
    seen = -1
    while seen != len(log.sent):
        seen = len(log.sent)
        time.sleep(QUIET_SECONDS)


def first_search(
    browser: Browser, base: str, page: str, runs: int, query: str = SEARCH_QUERY
) -> Timing:
    """Seconds from typing ``query`` at the page's load event to the first result shown.

    The CPU is slowed down four times through the DevTools Protocol, as Lighthouse's
    mobile preset does, and the screen is the preset's phone.
    """
    return Timing.of([_one_search(browser, base + page, query) for _ in range(runs)])


def _one_search(browser: Browser, url: str, query: str) -> float:
    context = _mobile_context(browser)
    try:
        tab = context.new_page()
        context.new_cdp_session(tab).send(
            "Emulation.setCPUThrottlingRate", {"rate": MOBILE_CPU_SLOWDOWN}
        )
        tab.goto(url, wait_until="load")
        started = time.perf_counter()
        tab.click('.md-header label[for="__search"]')  # on a phone search opens by its button
        tab.fill("input.md-search__input", query)
        tab.press("input.md-search__input", "End")  # Material searches on keyup
        tab.wait_for_selector(".md-search-result__item", timeout=120_000)
        return time.perf_counter() - started
    finally:
        context.close()


def _mobile_context(browser: Browser) -> BrowserContext:
    return browser.new_context(
        locale="zh-CN",
        viewport=MOBILE_SCREEN,
        device_scale_factor=1.75,
        is_mobile=True,
        has_touch=True,
    )


def search_index(site: Path) -> SearchIndex:
    """Sizes of the search index a learner loads on first search; quiz text is the module
    quizzes and the exam.

    Measured as the build writes the file (:data:`generator.search_index.DOCUMENTS`), or
    MkDocs' own ``search/search_index.json`` where the index was not split.
    """
    path = site / DOCUMENTS if (site / DOCUMENTS).is_file() else site / "search/search_index.json"
    data = path.read_bytes()
    entries = json.loads(data)["docs"]
    quiz = [entry for entry in entries if _is_quiz_text(entry["location"])]
    return SearchIndex(
        raw=len(data),
        gzipped=len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)),
        entries=len(entries),
        quiz_entries=len(quiz),
        quiz_raw=sum(len(json.dumps(entry, separators=(",", ":")).encode()) for entry in quiz),
    )


def _is_quiz_text(location: str) -> bool:
    page, _, anchor = location.partition("#")
    exam_pages = {page_url(name) for name in EXAM_PAGES}
    return anchor == QUIZ_ANCHOR or page in exam_pages
