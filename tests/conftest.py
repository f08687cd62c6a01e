"""Shared fixtures: throw-away copies of a course, a built site, a served site, a browser."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from uuid import uuid4

import pytest
from hypothesis.configuration import set_hypothesis_home_dir
from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    ViewportSize,
    WebError,
    sync_playwright,
)

import generator.lint.standards
from generator.cli import main as generator_main
from generator.export import pdf
from generator.export.pdf import CHROMIUM_FLAGS, DEBIAN_CHROMIUM
from generator.load import load_course
from generator.models import Course
from generator.project import Project

PROJECT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
NO_SITE = "No site was written to site/."
"""What a first build that fails says last."""
SITE_KEPT = "site/ is as it was before the build."
"""What a build that fails says last when there was a site."""
NODE_MODULES = PROJECT / "node_modules"
HYPOTHESIS_HOME = PROJECT / "build/hypothesis"
"""Hypothesis keeps its example database and caches here, with the other build products."""
set_hypothesis_home_dir(HYPOTHESIS_HOME)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        help="rewrite the golden HTML files from the current templates",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def copy_project(target: Path, course_from: Path = PROJECT) -> Path:
    """A project folder at ``target`` with the real mkdocs.yml and the course of ``course_from``."""
    target.mkdir(parents=True, exist_ok=True)
    for settings in ("mkdocs.yml", "search-terms.txt"):
        shutil.copy(PROJECT / settings, target / settings)
    for folder in ("course", "quizzes"):
        shutil.copytree(course_from / folder, target / folder)
    return target


def course_name() -> str:
    """The course's name, as mkdocs.yml gives it (``site_name``)."""
    found = re.search(r"^site_name: (.+)$", (PROJECT / "mkdocs.yml").read_text("utf-8"), re.M)
    assert found is not None
    return found[1]


NON_DEFAULT_SETTINGS = {
    "title": "期末测评",
    "pass_mark": "70",
    "module_pass_mark": "60",
    "shuffle_options": "false",
}
"""Exam settings other than the fixture's, so that a hard-coded 80 (or 结业考试) anywhere
shows."""


def with_non_default_settings(root: Path) -> Path:
    """Give the course at ``root`` the settings of NON_DEFAULT_SETTINGS in quizzes/exam.yml."""
    exam = root / "quizzes/exam.yml"
    lines = [
        line
        for line in exam.read_text(encoding="utf-8").splitlines()
        if line.split(":")[0] not in NON_DEFAULT_SETTINGS
    ]
    settings = [f"{key}: {value}" for key, value in NON_DEFAULT_SETTINGS.items()]
    exam.write_text("\n".join([*settings, *lines]) + "\n", encoding="utf-8")
    return root


@pytest.fixture
def minimal_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A one-module course that every stage accepts; tests break it on purpose.

    It is far smaller than the course's editorial standards ask, so ``check`` run in this
    test's process skips the standards for it, and its expected warnings are the giveaways
    alone. A ``check`` or preview in another process (tests/test_serve.py) still applies
    them. tests/test_lint_standards.py tries each standard on its own.
    """
    monkeypatch.setattr(generator.lint.standards, "STANDARDS", ())
    return copy_project(tmp_path / "project", FIXTURES / "minimal")


@pytest.fixture
def jieba_kept() -> Iterator[None]:
    """jieba's dictionary as it was before the test. It lives in the process: a test that left
    in it a dictionary jieba cannot read, or words of its own, changed every later build in the
    same pytest worker."""
    import jieba

    tokenizer = jieba.dt
    names = ("dictionary", "initialized", "total", "tmp_dir", "cache_file")
    kept = {name: getattr(tokenizer, name) for name in names}
    words, tags = dict(tokenizer.FREQ), dict(tokenizer.user_word_tag_tab)
    split, level = set(jieba.finalseg.Force_Split_Words), jieba.default_logger.level
    try:
        yield
    finally:
        for name, value in kept.items():
            setattr(tokenizer, name, value)
        tokenizer.FREQ = words
        tokenizer.user_word_tag_tab.clear()
        tokenizer.user_word_tag_tab.update(tags)
        jieba.finalseg.Force_Split_Words.clear()
        jieba.finalseg.Force_Split_Words.update(split)
        jieba.setLogLevel(level)


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes, to show that a failed build changed nothing."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class SiteServer(http.server.ThreadingHTTPServer):
    """Serves the tests' sites; a browser that hangs up mid-response is not an error.

    ``socketserver`` prints a hang-up's traceback to ``sys.stderr`` from the request's own
    thread, which may run while a later test captures stderr as the generator's output.
    """

    def handle_error(self, request: Any, client_address: Any) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serving(handler: Callable[..., http.server.BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve with ``handler`` on 127.0.0.1; yields the origin, ``http://127.0.0.1:PORT``."""
    server = SiteServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def serve_folder(folder: Path) -> Callable[..., http.server.BaseHTTPRequestHandler]:
    return functools.partial(_QuietHandler, directory=str(folder))


def scratch_left(root: Path) -> list[str]:
    """What a finished command left in ``build/`` beside the docs folder and the cache."""
    work = root / "build"
    kept = {"docs", "cache"}
    return (
        sorted(path.name for path in work.iterdir() if path.name not in kept)
        if work.exists()
        else []
    )


def serve_command(root: Path, dev_addr: str) -> list[str]:
    """``python -m generator serve`` on the course at ``root``, listening on ``dev_addr``."""
    return [sys.executable, "-m", "generator", "--root", str(root), "serve", "--dev-addr", dev_addr]


def run_generator(root: Path, *arguments: str) -> int:
    return generator_main(["--root", str(root), *arguments])


def build_and_serve(root: Path, *build_options: str) -> Iterator[str]:
    """Build the course at ``root`` for the address it is served at, and serve it.

    The server starts first so that the build can use its address as ``site_url``:
    Material's instant navigation only follows links its sitemap lists, compared by
    path and port.
    """
    with serving(serve_folder(root / "site")) as origin:
        url = f"{origin}/"
        with pytest.MonkeyPatch.context() as environment:
            environment.setenv("SITE_URL", url)
            assert run_generator(root, "build", *build_options) == 0
        yield url


@pytest.fixture(scope="session")
def served_course(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """The real course built once (strict) and served over HTTP on 127.0.0.1."""
    root = copy_project(tmp_path_factory.mktemp("real-course"))
    for url in build_and_serve(root):
        yield root / "site", url


@pytest.fixture(scope="session")
def built_site(served_course: tuple[Path, str]) -> Path:
    return served_course[0]


@pytest.fixture(scope="session")
def site_url(served_course: tuple[Path, str]) -> str:
    return served_course[1]


@pytest.fixture(scope="module")
def course() -> Course:
    """The real course, as the generator loads it from ``course/`` and ``quizzes/``."""
    return load_course(Project(PROJECT))


@pytest.fixture(scope="session")
def no_address_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The real course built with no ``SITE_URL``, as a trainer's copy of ``site/`` often is
    (every link reloads the page: Material's instant navigation needs the address), served
    over HTTP on 127.0.0.1."""
    root = copy_project(tmp_path_factory.mktemp("real-course-no-address"))
    with pytest.MonkeyPatch.context() as environment:
        environment.delenv("SITE_URL", raising=False)
        assert run_generator(root, "build") == 0
    with serving(serve_folder(root / "site")) as origin:
        yield f"{origin}/"


@pytest.fixture(scope="session")
def fixture_site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture course (every question type, two modules, an exam), built and served."""
    root = copy_project(tmp_path_factory.mktemp("fixture-course"), FIXTURES / "minimal")
    yield from build_and_serve(root)


def chromium_executable() -> str | None:
    """Debian's Chromium; None means Playwright's own browser (a laptop without apt)."""
    executable = pdf.chromium_executable()
    if executable is None and os.environ.get("CI"):
        pytest.fail(
            f"{DEBIAN_CHROMIUM} is missing: run `make browser-deps` (apt-get install chromium)"
        )
    return executable


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_executable(), args=CHROMIUM_FLAGS, headless=True
        )
        yield launched
        launched.close()


KEEPERS: set[Page] = set()
"""The blank tabs the learners' context keeps open, each in a window of its own, behind
the tests' (``LearnerTabs``)."""


def target_of(page: Page) -> dict[str, Any]:
    """What Chromium's DevTools protocol knows of ``page`` (its targetId, its context…)."""
    session = page.context.new_cdp_session(page)
    target: dict[str, Any] = session.send("Target.getTargetInfo")["targetInfo"]
    session.detach()
    return target


def window_of(page: Page) -> int:
    """The id of the browser window ``page`` is in."""
    assert page.context.browser is not None
    browser = page.context.browser.new_browser_cdp_session()
    found = browser.send("Browser.getWindowForTarget", {"targetId": target_of(page)["targetId"]})
    browser.detach()
    return int(found["windowId"])


def new_window(context: BrowserContext) -> Page:
    """A new page of ``context``, in sight: a tab if the context has no page but the
    learners' keepers (``KEEPERS``), else a tab in front of a keeper whose window holds no
    other page, else a window of its own.

    Chromium draws a tab that is behind another about once a second, and Playwright waits
    for a drawn frame before each click: a test that went back to a tab behind another
    waited a second or two per click. A learner with two pages of the course open side by
    side has them in two windows, each drawn. A new window cost Chromium twice the CPU of
    a tab (1.2 s against 0.6 s with a module page loaded), so the second page opens in the
    window the second keeper keeps.
    """
    if all(page in KEEPERS for page in context.pages):
        return context.new_page()
    taken = {window_of(page) for page in context.pages if page not in KEEPERS}
    free = [page for page in context.pages if page in KEEPERS and window_of(page) not in taken]
    if free:
        with context.expect_page() as opened:
            free[0].evaluate("window.open('about:blank', '_blank', 'noopener')")
        return opened.value
    return _window_of_its_own(context)


def _window_of_its_own(context: BrowserContext) -> Page:
    """A new page of ``context`` in a new window (Playwright opens a tab)."""
    target = target_of(context.pages[0])
    assert context.browser is not None
    browser = context.browser.new_browser_cdp_session()
    with context.expect_page() as opened:
        browser.send(
            "Target.createTarget",
            {
                "url": "about:blank",
                "browserContextId": target["browserContextId"],
                "newWindow": True,
            },
        )
    browser.detach()
    return opened.value


class LearnerTabs:
    """The browser context the tests' tabs open in, one test at a time, cleared between tests.

    A context of its own per test cost Chromium about a second of CPU per test: its first
    tab started a renderer with cold caches (fonts, style sheets, compiled scripts). A tab
    kept open on a blank page of 127.0.0.1, the site of every test server, keeps a renderer
    warm for the tabs that follow; a second one keeps a window open for a test's second
    page (``new_window``). Between tests every other tab closes, and every origin
    the tabs visited loses what a page can keep (local storage, IndexedDB, cookies…) and
    the permissions it was granted: each test starts as a learner new to the course.

    Chromium's clear is not always enough: now and then a test's first page read a record
    an earlier test had stored (two CI runs in four; a loop of two tests, run twice side
    by side, within a few hundred), at times an older one than the last stored, as if a
    renderer kept warm held a copy of its own that the clear missed. So the first page of
    each origin in a test also clears the storage, from inside, where it reads it
    (``one_test``).
    """

    def __init__(self, context: BrowserContext, keepers: list[Page]) -> None:
        self.context = context
        self.keepers = keepers
        KEEPERS.update(keepers)
        self._storage = context.new_cdp_session(keepers[0])
        self._visited: set[str] = set()
        context.on("page", self._watch)

    def _watch(self, tab: Page) -> None:
        tab.on("framenavigated", lambda frame: self._visited.add(origin_of(frame.url)))

    def open(self, size: tuple[int, int] | None = None) -> Page:
        """A new tab of ``size`` pixels (Playwright's 1280 × 720 without one)."""
        tab = self.context.new_page()
        if size:
            tab.set_viewport_size(ViewportSize(width=size[0], height=size[1]))
        return tab

    @contextmanager
    def one_test(self) -> Iterator[None]:
        """A test's turn: its pages find nothing a page of an earlier test stored, and
        everything is cleared at the end (``clear``)."""
        first_page_clears = FIRST_PAGE_CLEARS % json.dumps([TEST_MARK, uuid4().hex])
        with self.context.add_init_script(first_page_clears):
            try:
                yield
            finally:
                self.clear()

    def clear(self) -> None:
        """Close every tab but the keepers, and forget what the tabs kept and were granted."""
        for tab in self.context.pages:
            if tab not in self.keepers:
                tab.close()
        for origin in self._visited - {"null"}:
            forget = {"origin": origin, "storageTypes": "all"}
            self._storage.send("Storage.clearDataForOrigin", forget)
        self._visited.clear()
        self.context.clear_cookies()
        self.context.clear_permissions()


TEST_MARK = "playwright:test"
"""The local-storage key that names the test whose page last cleared the storage."""

FIRST_PAGE_CLEARS = """(([key, test]) => {
  try {
    if (localStorage.getItem(key) !== test) {
      localStorage.clear();
      localStorage.setItem(key, test);
    }
  } catch { /* no storage at this address (about:blank), or a test blocks it */ }
})(%s)"""
"""Run in each page of a test before the page's own scripts: the test's first page of an
origin empties the origin's local storage, and marks it as the test's
(``LearnerTabs.one_test``)."""


def origin_of(url: str) -> str:
    """``scheme://host:port`` of ``url``, as the browser keeps storage by; "null" for
    about:blank, data: and the like."""
    parts = urlsplit(url)
    if parts.scheme == "file":
        return "file://"
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else "null"


class _BlankHandler(_QuietHandler):
    def do_GET(self) -> None:
        body = b"<!doctype html><title>blank</title>"
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def tabs(browser: Browser) -> Iterator[LearnerTabs]:
    with serving(_BlankHandler) as origin:
        context = browser.new_context(locale="zh-CN")
        keepers = [context.new_page()]
        keepers.append(_window_of_its_own(context))
        for keeper in keepers:
            keeper.goto(f"{origin}/")
        yield LearnerTabs(context, keepers)
        context.close()


def untolerated(errors: list[str], tolerated: re.Pattern[str] | None) -> list[str]:
    """The JavaScript errors of ``errors`` that ``tolerated`` does not match."""
    return [error for error in errors if not (tolerated and tolerated.search(error))]


@contextmanager
def watched(tabs: LearnerTabs, tolerated: re.Pattern[str] | None = None) -> Iterator[None]:
    """The learners' context, cleared at the end; the test fails on any JavaScript error
    of a tab it opened there that ``tolerated`` does not match."""
    errors: list[str] = []

    def record(error: WebError) -> None:
        errors.append(str(error.error))

    tabs.context.on("weberror", record)
    try:
        with tabs.one_test():
            yield
    finally:
        tabs.context.remove_listener("weberror", record)
    assert untolerated(errors, tolerated) == [], "JavaScript errors on the page"


def watched_tab(
    tabs: LearnerTabs, tolerated: re.Pattern[str] | None = None, size: tuple[int, int] | None = None
) -> Iterator[Page]:
    """A fresh tab (of ``size`` pixels) of a learner new to the course; the test fails on
    any JavaScript error, in it or in another tab the test opens, that ``tolerated`` does
    not match."""
    with watched(tabs, tolerated):
        yield tabs.open(size)


@pytest.fixture
def page(tabs: LearnerTabs) -> Iterator[Page]:
    """A fresh browser tab; the test fails if the page throws a JavaScript error."""
    yield from watched_tab(tabs)


@contextmanager
def own_browser(
    browser: Browser, tolerated: re.Pattern[str] | None = None, **options: Any
) -> Iterator[BrowserContext]:
    """A browser of one learner's own (``options`` as Playwright's ``new_context`` takes
    them), closed at the end; the test fails on any JavaScript error of its pages that
    ``tolerated`` does not match."""
    made = browser.new_context(locale="zh-CN", **options)
    errors: list[str] = []
    made.on("weberror", lambda error: errors.append(str(error.error)))
    try:
        yield made
    finally:
        made.close()
    assert untolerated(errors, tolerated) == [], "JavaScript errors on the pages"


@pytest.fixture
def context(tabs: LearnerTabs) -> Iterator[BrowserContext]:
    """One learner's browser, new to the course: its tabs (``new_window``) share the
    progress record. It is the learners' context, cleared after the test (a context made
    per test cost a second of CPU), so what it is given for the test alone (an init
    script, a route) needs ``own_browser``. The test fails if a page in it throws a
    JavaScript error."""
    with watched(tabs):
        yield tabs.context


VIEWPORTS = {"desktop": (1280, 800), "phone": (390, 844)}
"""The screens the learner journeys are tested on."""


@pytest.fixture(params=list(VIEWPORTS))
def learner(tabs: LearnerTabs, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh learner's tab on a desktop or a phone screen."""
    yield from watched_tab(tabs, size=VIEWPORTS[request.param])


@pytest.fixture(params=["light", "dark"])
def scheme_page(page: Page, request: pytest.FixtureRequest) -> Page:
    """A tab in the light or the dark colour scheme."""
    page.emulate_media(color_scheme=request.param)
    return page
