"""Titles, summaries and objectives are text: a script in them never runs, on any page.

The fixture course gets script payloads in every front-matter field and the exam's
title; each page (the 404 page, the exam and the certificate included) and a search
are opened in Chromium, which records every dialog and the flag a payload would set.
The fields must also show exactly as written: in the heading, the navigation, the
title bar, ``<meta name="description">`` and the home page's list of modules.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Dialog, Page, expect

from generator.load import load_course
from generator.project import HOME_TITLE, Project
from tests.browsing import answer, search
from tests.conftest import FIXTURES, build_and_serve, copy_project, course_name

pytestmark = pytest.mark.browser

PAYLOAD = (
    '<img src=x onerror="window.motPwned=1;alert(1)"> '
    "<script>window.motPwned=2;alert(2)</script> "
    '"><svg onload="window.motPwned=3;alert(3)"> '
    "[点我](javascript:window.motPwned=4) "
    "| `代码` *强调* &lt;b&gt; C# "
    '{onfocus="window.motPwned=5" autofocus tabindex=0}'
)
"""HTML, an attribute break-out, a Markdown link, table and inline syntax, an attribute list."""
TITLES = {"index": "首页 ", "01-sample": "示例模块 ", "02-second": "第二模块 "}
PAGES = ["index.html", "01-sample.html", "02-second.html", "exam.html", "exam_certificate.html"]
PAGES += ["mistakes.html"]


def hostile(text: str) -> str:
    return text + PAYLOAD


def set_field(path: Path, key: str, value: str, indent: str = "") -> None:
    """Replace every ``key:`` line at ``indent`` (a JSON string is a YAML string)."""
    pattern = re.compile(rf"^{indent}{key}: .*$", re.MULTILINE)
    text = pattern.sub(
        lambda _: f"{indent}{key}: {json.dumps(value, ensure_ascii=False)}", path.read_text()
    )
    path.write_text(text)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = copy_project(tmp_path_factory.mktemp("hostile"), FIXTURES / "minimal")
    for name, title in TITLES.items():
        page = root / f"course/{name}.md"
        set_field(page, "title", hostile(title))
        set_field(page, "summary", hostile("摘要 "))
        set_field(page, "text", hostile("目标 "), indent="    ")
    set_field(root / "quizzes/exam.yml", "title", hostile("结业考试 "))
    home = root / "course/index.md"
    home.write_text(home.read_text() + "\n<!-- mot:outline -->\n")
    yield from build_and_serve(root)


@pytest.fixture
def watched(page: Page) -> Iterator[tuple[Page, list[str]]]:
    dialogs: list[str] = []

    def dismiss(dialog: Dialog) -> None:
        dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", dismiss)
    yield page, dialogs


SETTLED = """async () => {
  if (document.readyState !== "complete") {
    await new Promise(loaded => addEventListener("load", loaded, { once: true }));
  }
  const loading = [...document.images].filter(image => !image.complete && image.loading !== "lazy");
  await Promise.all(loading.map(image => new Promise(ended => {
    ["load", "error"].forEach(name => image.addEventListener(name, ended));
  })));
  await new Promise(drawn => requestAnimationFrame(() => requestAnimationFrame(drawn)));
}"""
"""Resolves once the page has loaded, every picture on it has loaded or failed (an onerror
fires as a picture fails; one loaded lazily is the page's own) and two frames have been
drawn (autofocus acts as one is)."""


def assert_nothing_ran(page: Page, dialogs: list[str]) -> None:
    page.evaluate(SETTLED)  # an onerror or autofocus handler, were there one, has fired
    assert dialogs == []
    assert page.evaluate("window.motPwned") is None
    injected = "[onerror], [onload], [onfocus], a[href^='javascript:']"
    assert page.locator(injected).count() == 0


@pytest.mark.parametrize("name", [*PAGES, "404.html"])
def test_no_payload_runs(watched: tuple[Page, list[str]], hostile_site: str, name: str) -> None:
    page, dialogs = watched
    page.goto(f"{hostile_site}{name}")
    expect(
        page.locator(".md-nav__link", has_text=hostile(TITLES["01-sample"])).first
    ).to_be_attached()
    assert_nothing_ran(page, dialogs)


@pytest.mark.parametrize("name", ["index", "01-sample", "02-second"])
def test_fields_show_as_written(page: Page, hostile_site: str, name: str) -> None:
    page.goto(f"{hostile_site}{name}.html")
    title = hostile(TITLES[name])
    heading = re.compile(f"^{re.escape(title)}¶?$")  # ¶: the heading's permalink
    expect(page.locator("article h1")).to_have_text(heading)
    tab = course_name() if name == "index" else title  # the home page's tab names the course
    expect(page).to_have_title(re.compile(re.escape(tab)))
    description = page.locator('meta[name="description"]')
    expect(description).to_have_attribute("content", hostile("摘要 "))


def test_objectives_footer_and_outline_keep_their_shape(page: Page, hostile_site: str) -> None:
    """Titles show as written; the footer's links are named 上一页：<title>, with the colon
    of the Chinese around them (Material's ': ' read as English punctuation)."""
    page.goto(f"{hostile_site}01-sample.html")
    objectives = page.locator(".mot-module-intro li")
    expect(objectives).to_have_count(3)
    expect(objectives.first).to_have_text(hostile("目标 "))
    previous_page = page.locator(".md-footer__link--prev")
    expect(previous_page).to_have_accessible_name(f"上一页：{HOME_TITLE}")
    page.goto(f"{hostile_site}index.html")
    next_page = page.locator(".md-footer__link--next")
    expect(next_page.locator(".md-ellipsis")).to_have_text(hostile(TITLES["01-sample"]))
    expect(next_page).to_have_accessible_name(f"下一页：{hostile(TITLES['01-sample'])}")
    item = page.locator("article ol", has_text="个学习目标").locator("> li").first
    expect(item.locator("> a")).to_have_text(hostile(TITLES["01-sample"]))
    expect(item.locator("> *")).to_have_count(2)  # the link and the line break
    expect(item).to_contain_text(f"：{hostile('摘要 ')}")


def test_search_results_show_titles_as_text(
    watched: tuple[Page, list[str]], hostile_site: str
) -> None:
    page, dialogs = watched
    page.goto(f"{hostile_site}index.html")
    search(page, "示例")
    expect(page.locator(".md-search-result__item", has_text="点我").first).to_be_visible()
    assert_nothing_ran(page, dialogs)


def test_results_panel_and_mistakes_show_titles_and_objectives_as_text(
    watched: tuple[Page, list[str]], hostile_site: str
) -> None:
    """The runtime writes module titles and objectives into the results panel and the 错题本."""
    page, dialogs = watched
    module = load_course(Project(FIXTURES / "minimal")).modules[0]
    page.goto(f"{hostile_site}{module.page.name}.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    for index in range(len(module.quiz.questions)):
        answer(page, module, index, right=False)
    missed = page.locator(f'[data-results-for="{module.page.name}"] .mot-results-details li')
    expect(missed.first).to_contain_text(hostile("目标 "))
    page.goto(f"{hostile_site}mistakes.html")
    expect(page.locator(".mot-mistakes h2:visible").first).to_have_text(
        hostile(TITLES[module.page.name])
    )
    page.goto(f"{hostile_site}{module.page.name}.html")
    page.get_by_role("button", name="只重做答错的题").click()
    for index in range(len(module.quiz.questions)):
        answer(page, module, index, right=True)
    expect(page.locator(".mot-results .mot-next")).to_have_text(
        "下一模块：" + hostile(TITLES["02-second"])
    )
    assert_nothing_ran(page, dialogs)
