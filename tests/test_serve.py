"""Live preview: saving a page or a quiz regenerates it and the open browser tab reloads."""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from generator import build
from generator.errors import CourseError
from generator.project import SERVE_PROBLEMS, Project
from generator.search_index import INDEX as SEARCH_INDEX
from generator.serve import FIXED, NOT_UPDATED, serve
from tests.browsing import contrast_violations
from tests.conftest import (
    PROJECT,
    VIEWPORTS,
    LearnerTabs,
    own_browser,
    serve_command,
    watched_tab,
)
from tests.test_page_scan import with_missing_snippet
from tests.test_search_terms import KEPT_WHOLE, PROJECT_TERM, index_text
from tests.test_settings_files import COPYRIGHT, add_theme_folder

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for(url: str, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise AssertionError(f"{url} did not answer within {seconds} s:\n{log.read_text()}")


REBUILD_RACE = re.compile(r"^Failed to execute 'importScripts' .* failed to load\.$")


@pytest.fixture
def page(tabs: LearnerTabs, preview: str) -> Iterator[Page]:
    """A fresh tab that fails on JavaScript errors, except the dev server's rebuild race.

    ``mkdocs serve`` empties its folder before each rebuild; a search worker that is still
    importing its lunr scripts at that moment gets a 404 and reports it. The built site
    never does that (test_browser.py keeps the strict page fixture). The tab needs the
    ``preview`` so that it closes before the server stops: a server stopped under an open
    tab fails its requests, and Material reports "Network error".
    """
    yield from watched_tab(tabs, tolerated=REBUILD_RACE)


def start_serve(project: Path, port: int, log: Path, temporary: Path) -> subprocess.Popen[bytes]:
    """``python -m generator serve`` on ``project``, logging to ``log``, its temporary folders
    in ``temporary``."""
    temporary.mkdir(exist_ok=True)
    with log.open("w") as output:
        return subprocess.Popen(
            serve_command(project, f"127.0.0.1:{port}"),
            cwd=PROJECT,
            env={**os.environ, "TMPDIR": str(temporary)},
            stdout=output,
            stderr=subprocess.STDOUT,
        )


def previews_left(temporary: Path) -> list[str]:
    return [path.name for path in temporary.glob("mot-preview-*")]


def serving(project: Path, tmp_path: Path) -> Iterator[str]:
    """The preview of ``project``, logging to ``tmp_path/serve.log``, at its address."""
    port = free_port()
    log = tmp_path / "serve.log"
    with start_serve(project, port, log, tmp_path / "temporary") as server:
        try:
            wait_for(f"http://127.0.0.1:{port}/01-sample.html", log)
            yield f"http://127.0.0.1:{port}/"
        finally:
            server.terminate()
            server.wait(timeout=20)


@pytest.fixture
def preview(minimal_project: Path, tmp_path: Path) -> Iterator[str]:
    yield from serving(minimal_project, tmp_path)


@pytest.fixture
def themed_preview(minimal_project: Path, tmp_path: Path) -> Iterator[str]:
    """The preview of a course with a theme folder of its own (custom_dir)."""
    add_theme_folder(minimal_project, {"partials/copyright.html": COPYRIGHT})
    yield from serving(minimal_project, tmp_path)


@pytest.fixture
def themed_page(tabs: LearnerTabs, themed_preview: str) -> Iterator[Page]:
    yield from watched_tab(tabs, tolerated=REBUILD_RACE)


@pytest.fixture
def snippet_preview(minimal_project: Path, tmp_path: Path) -> Iterator[str]:
    """The preview of a course whose first page reads in ``snippets/steps.md``."""
    folder, _ = with_missing_snippet(minimal_project)
    (folder / "steps.md").write_text("1. 先倾听，再提问。\n", encoding="utf-8")
    yield from serving(minimal_project, tmp_path)


@pytest.fixture
def snippet_page(tabs: LearnerTabs, snippet_preview: str) -> Iterator[Page]:
    yield from watched_tab(tabs, tolerated=REBUILD_RACE)


def test_editing_sources_reloads_the_open_page(
    page: Page, preview: str, minimal_project: Path
) -> None:
    page.goto(f"{preview}01-sample.html")
    expect(page.locator("h1")).to_contain_text("示例模块")
    module = minimal_project / "course/01-sample.md"
    module.write_text(module.read_text().replace("开篇情景。", "开篇情景已经改写。"))
    expect(page.get_by_text("开篇情景已经改写。")).to_be_visible(timeout=30_000)
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(
        quiz.read_text().replace("客户说话时，你首先应该怎么做？", "客户开口时，你先做什么？")
    )
    expect(page.get_by_text("客户开口时，你先做什么？")).to_be_visible(timeout=30_000)


def test_the_404_page_of_a_module_not_yet_written_reloads_once_it_is(
    page: Page, preview: str, minimal_project: Path
) -> None:
    """MkDocs adds its reload script only to the files it serves: a tab on the 404 page
    stayed there, under its problems panel, after the module was written."""
    page.goto(f"{preview}03-third.html")
    expect(page.locator("h1")).to_have_text("404：页面不存在")
    for folder, suffix in (("course", "md"), ("quizzes", "yml")):
        second = (minimal_project / f"{folder}/02-second.{suffix}").read_text(encoding="utf-8")
        third = second.replace("s2-", "s3-").replace("02-second", "03-third")
        (minimal_project / f"{folder}/03-third.{suffix}").write_text(third, encoding="utf-8")
    panel = page.get_by_role("alert")
    expect(panel).to_contain_text("[exam.not-drawn]", timeout=30_000)
    expect(page.locator("h1")).to_have_text("404：页面不存在")
    exam = minimal_project / "quizzes/exam.yml"
    exam.write_text(exam.read_text(encoding="utf-8") + "\n  03-third: 1\n", encoding="utf-8")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1, timeout=30_000)
    expect(page.locator("h1")).to_contain_text("第二模块")
    expect(panel).to_have_count(0)


def test_an_edited_template_of_the_trainers_own_is_shown(
    themed_page: Page, themed_preview: str, minimal_project: Path, tmp_path: Path
) -> None:
    """An edit to the theme's own folder (custom_dir) changes no page's Markdown: the
    preview neither watched the folder nor built the pages again."""
    themed_page.goto(f"{themed_preview}01-sample.html")
    copyright_line = themed_page.locator(".trainer-copyright")
    expect(copyright_line).to_have_text("© 培训部")
    template = minimal_project / "overrides/partials/copyright.html"
    template.write_text(COPYRIGHT.replace("培训部", "客服学院"), encoding="utf-8")
    expect(copyright_line).to_have_text("© 客服学院", timeout=30_000)
    log = (tmp_path / "serve.log").read_text(encoding="utf-8").splitlines()
    assert "Rebuilt every page: the theme's own folder (custom_dir) changed" in log


def test_a_theme_folder_named_while_the_preview_runs_is_watched(
    page: Page, preview: str, minimal_project: Path, tmp_path: Path
) -> None:
    """custom_dir added to mkdocs.yml after the preview started: the folder was never
    watched, so the template's next edit went unseen (and a template's error, once fixed,
    stayed on the panel)."""
    page.goto(f"{preview}01-sample.html")
    expect(page.locator("h1")).to_contain_text("示例模块")
    add_theme_folder(minimal_project, {"partials/copyright.html": COPYRIGHT})
    copyright_line = page.locator(".trainer-copyright")
    expect(copyright_line).to_have_text("© 培训部", timeout=30_000)
    template = minimal_project / "overrides/partials/copyright.html"
    template.write_text(COPYRIGHT.replace("培训部", "客服学院"), encoding="utf-8")
    expect(copyright_line).to_have_text("© 客服学院", timeout=30_000)


def test_an_edited_snippet_is_shown(
    snippet_page: Page, snippet_preview: str, minimal_project: Path, tmp_path: Path
) -> None:
    """A snippet's edit (pymdownx.snippets) changes no page's Markdown: the preview neither
    watched the snippets' folder nor built the pages again."""
    snippet_page.goto(f"{snippet_preview}01-sample.html")
    expect(snippet_page.get_by_text("先倾听，再提问。")).to_be_visible()
    steps = minimal_project / "snippets/steps.md"
    steps.write_text("1. 先道歉，再倾听。\n", encoding="utf-8")
    expect(snippet_page.get_by_text("先道歉，再倾听。")).to_be_visible(timeout=30_000)
    log = (tmp_path / "serve.log").read_text(encoding="utf-8").splitlines()
    assert "Rebuilt every page: a snippet (pymdownx.snippets) changed" in log


def problem_lines(project: Path) -> list[str]:
    """What ``check`` reports for the course at ``project``, line by line."""
    with pytest.raises(CourseError) as failure:
        build.check(Project(project))
    return [str(problem) for problem in failure.value.problems]


def test_a_broken_save_shows_its_problems_in_the_open_page_until_fixed(
    page: Page, preview: str, minimal_project: Path, tmp_path: Path
) -> None:
    page.goto(f"{preview}01-sample.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    expect(page.get_by_role("alert")).to_have_count(0)
    quizzes = [minimal_project / f"quizzes/{name}.yml" for name in ("01-sample", "02-second")]
    good = [quiz.read_text() for quiz in quizzes]
    for quiz, text in zip(quizzes, good, strict=True):
        quiz.write_text(text.replace("type: single", "type: singel", 1))
    expected = problem_lines(minimal_project)
    assert len(expected) == 2
    panel = page.get_by_role("alert")
    expect(panel.locator("li")).to_have_text(expected, timeout=30_000)
    expect(panel.get_by_role("heading")).to_contain_text("上一次正确的版本")
    expect(page.locator('form[data-question-id="s1-single"]')).to_have_count(1)
    for quiz, text in zip(quizzes, good, strict=True):
        quiz.write_text(text)
    expect(page.get_by_role("alert")).to_have_count(0, timeout=30_000)
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert FIXED in log and "problems.json" not in log, "the preview's own file is not news"


def test_an_editors_swap_file_neither_reloads_the_page_nor_repeats_the_problems(
    page: Page, preview: str, minimal_project: Path, tmp_path: Path
) -> None:
    """vim writes its swap file beside the page while the trainer types: each write reloaded
    the open page and printed the problems of the broken file again, as if saved anew."""
    page.goto(f"{preview}01-sample.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(quiz.read_text().replace("type: single", "type: singel", 1))
    expect(page.get_by_role("alert").locator("li")).to_have_count(1, timeout=30_000)
    page.evaluate("window.motNotReloaded = true")
    swap = minimal_project / "course/.01-sample.md.swp"
    for size in (1, 2):
        swap.write_bytes(b"b0VIM 9.0\0" * size)
        # The watch's poll and a rebuild, several times over. A rebuild that changes nothing
        # shows no sign of itself (neither the page nor the terminal hears of it, which is
        # what is tested), and one more save would be rebuilt with it: only time tells.
        page.wait_for_timeout(1500)
    assert page.evaluate("window.motNotReloaded === true"), "the page reloaded"
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert log.count(NOT_UPDATED) == 1, log


def test_a_hidden_panel_stays_hidden_until_the_problems_change(
    page: Page, preview: str, minimal_project: Path
) -> None:
    """暂时隐藏 hid the panel of one page only: the next page showed it again."""
    page.goto(f"{preview}01-sample.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    quiz = minimal_project / "quizzes/01-sample.yml"
    good = quiz.read_text()
    quiz.write_text(good.replace("type: single", "type: singel", 1))
    panel = page.get_by_role("alert")
    panel.get_by_role("button", name="暂时隐藏").click(timeout=30_000)
    expect(panel).to_have_count(0)
    page.get_by_role("link", name="第二模块").first.click()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    expect(page.locator("h1")).to_contain_text("第二模块")
    page.reload()
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    expect(panel).to_have_count(0)
    second = minimal_project / "quizzes/02-second.yml"
    second.write_text(second.read_text().replace("type: single", "type: singel", 1))
    expect(panel.locator("li")).to_have_count(2, timeout=30_000)


def test_on_a_phone_the_panel_leaves_most_of_the_page_and_its_button_in_sight(
    page: Page, preview: str, minimal_project: Path
) -> None:
    """On a phone the panel, pinned at the top while the trainer scrolled, took 60% of the
    screen, and below four problems its 暂时隐藏 was out of sight within it."""
    width, height = VIEWPORTS["phone"]
    page.set_viewport_size({"width": width, "height": height})
    page.goto(f"{preview}01-sample.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    module = minimal_project / "course/01-sample.md"
    links = "".join(f"[{number}](missing-{number}.md)" for number in range(4))
    module.write_text(module.read_text().replace("开篇情景。", f"开篇情景。{links}"))
    panel = page.get_by_role("alert")
    expect(panel.locator("li")).to_have_count(4, timeout=30_000)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    box, button = panel.bounding_box(), panel.get_by_role("button").bounding_box()
    assert box and button and box["height"] <= 0.4 * height, box
    assert button["y"] + button["height"] <= box["y"] + box["height"], "the button in sight"


def test_the_courses_warnings_show_folded_in_the_open_page(page: Page, preview: str) -> None:
    """The small course misses the course's standards: the page is up to date, and a folded
    line says how many warnings publishing will refuse, opening to list them."""
    page.goto(f"{preview}01-sample.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    reminders = page.locator("details.mot-serve-warnings")
    expect(reminders).to_have_count(1)
    expect(page.get_by_role("alert")).to_have_count(0)
    lines = reminders.locator("li")
    expect(lines.first).to_be_hidden()
    count = lines.count()
    assert count > 0
    expect(reminders.locator("summary")).to_have_text(
        f"页面已更新。另有 {count} 条提醒，发布前要处理好（点开查看）"
    )
    reminders.locator("summary").click()
    expect(lines.first).to_be_visible()
    for line in lines.all_text_contents():
        assert re.match(r"^\S+:\d+:\d+: warning: .+ \[[a-z-]+\.[a-z-]+\]$", line), line
    reminders.locator("summary").click()  # folded again, the page read on: the header's
    page.evaluate("scrollBy(0, 800)")  # buttons stay within reach, under no warning
    expect(reminders).not_to_be_in_viewport()
    search = page.locator(".md-header .md-search__input")
    box = search.bounding_box()
    assert box is not None
    under = (
        f"document.elementFromPoint({box['x'] + box['width'] / 2}, {box['y'] + box['height'] / 2})"
    )
    assert page.evaluate(f"{under}.closest('.md-header') !== null"), "search is under the line"


def dark_enough(panel: Locator) -> bool:
    """The panel's background is as dark as Material's slate page, not light over it."""
    colour = panel.evaluate("box => getComputedStyle(box).backgroundColor")
    return max(int(part) for part in re.findall(r"\d+", colour)[:3]) < 64


def test_in_dark_mode_the_panel_is_dark_and_readable(
    page: Page, preview: str, minimal_project: Path
) -> None:
    """The panel and the folded warnings stayed white and pink over a dark page."""
    page.emulate_media(color_scheme="dark")
    page.goto(f"{preview}01-sample.html")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    reminders = page.locator("details.mot-serve-warnings")
    reminders.locator("summary").click()
    assert dark_enough(reminders)
    assert contrast_violations(page, reminders) == []
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(quiz.read_text().replace("type: single", "type: singel", 1))
    panel = page.get_by_role("alert")
    expect(panel.locator("li")).to_have_count(1, timeout=30_000)
    assert dark_enough(panel)
    assert contrast_violations(page, panel) == []


def test_a_broken_save_keeps_the_last_good_page(
    page: Page, preview: str, minimal_project: Path
) -> None:
    page.goto(f"{preview}01-sample.html")
    quiz = minimal_project / "quizzes/01-sample.yml"
    good = quiz.read_text()
    quiz.write_text(good.replace("type: single", "type: singel"))
    # the broken save is built: the page, reloaded by it, lists its problem
    expect(page.get_by_role("alert").locator("li")).to_have_count(1, timeout=30_000)
    page.reload()
    expect(page.locator('form[data-question-id="s1-single"]')).to_have_count(1)
    quiz.write_text(good.replace("客户说话时，你首先应该怎么做？", "修好以后的题目"))
    expect(page.get_by_text("修好以后的题目")).to_be_visible(timeout=30_000)


def test_a_broken_mkdocs_yml_shows_in_the_open_page_until_fixed(
    page: Page, preview: str, minimal_project: Path, tmp_path: Path
) -> None:
    """And the terminal, which said "Not updated", says when the save that mends it is in."""
    page.goto(f"{preview}01-sample.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    settings = minimal_project / "mkdocs.yml"
    good = settings.read_text()
    settings.write_text(good + "site_name: [\n")
    panel = page.get_by_role("alert")
    expect(panel.locator("li")).to_have_text(
        [re.compile(r"^mkdocs\.yml:\d+:1: the site settings are not valid YAML: ")],
        timeout=30_000,
    )
    expect(page.locator('form[data-question-id="s1-single"]')).to_have_count(1)
    settings.write_text(good.replace("site_name: 关键时刻", "site_name: 改过的关键时刻"))
    expect(page.get_by_role("alert")).to_have_count(0, timeout=30_000)
    expect(page.get_by_text("改过的关键时刻").first).to_be_attached()
    log = (tmp_path / "serve.log").read_text(encoding="utf-8").splitlines()
    assert log.index(FIXED) > log.index(NOT_UPDATED), log
    assert log.count(FIXED) == 1
    assert "Rebuilt every page: mkdocs.yml changed" in log


def test_an_edited_search_terms_list_is_applied_on_save(
    preview: str, minimal_project: Path, tmp_path: Path
) -> None:
    terms = minimal_project / "search-terms.txt"
    terms.write_text(f"{terms.read_text(encoding='utf-8')}{PROJECT_TERM}\n", encoding="utf-8")
    deadline = time.monotonic() + 30
    while KEPT_WHOLE not in index_text(fetch(preview + SEARCH_INDEX)):
        assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
        time.sleep(0.3)
    log = (tmp_path / "serve.log").read_text(encoding="utf-8").splitlines()
    assert "Rebuilt every page: search-terms.txt changed" in log, "a save said nothing"


def name_user_dictionary(project: Path) -> None:
    """Name ``dicts/words.txt`` as the search's user dictionary in ``project``'s mkdocs.yml."""
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    named = "  - search:\n      jieba_dict_user: dicts/words.txt\n"
    settings.write_text(text.replace("  - search:\n", named), encoding="utf-8")


@pytest.fixture
def dictionary_preview(minimal_project: Path, tmp_path: Path) -> Iterator[str]:
    """The preview of a course whose search names a user dictionary in a folder of its own."""
    (minimal_project / "dicts").mkdir()
    (minimal_project / "dicts/words.txt").write_text("客户 100 n\n", encoding="utf-8")
    name_user_dictionary(minimal_project)
    yield from serving(minimal_project, tmp_path)


def served_when(url: str, found: Callable[[str], bool], log: Path) -> str:
    """What ``url`` serves once ``found`` says it holds what a save makes."""
    deadline = time.monotonic() + 30
    while not found(served := fetch(url)):
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
        time.sleep(0.3)
    return served


def test_a_saved_search_dictionary_is_applied_and_a_broken_one_reported(
    dictionary_preview: str, minimal_project: Path, tmp_path: Path
) -> None:
    """The preview did not watch the dictionary: its edit took effect at the next save of a
    page, and a broken one was told only then."""
    log = tmp_path / "serve.log"
    dictionary = minimal_project / "dicts/words.txt"
    dictionary.write_text(f"客户 100 n\n{PROJECT_TERM} 1000 n\n", encoding="utf-8")
    served_when(dictionary_preview + SEARCH_INDEX, lambda text: KEPT_WHOLE in index_text(text), log)
    lines = log.read_text(encoding="utf-8").splitlines()
    assert "Rebuilt every page: a search dictionary (jieba_dict, jieba_dict_user) changed" in lines
    dictionary.write_bytes(f"{PROJECT_TERM} 1000 n\n".encode("gbk"))
    listing = served_when(
        dictionary_preview + SERVE_PROBLEMS, lambda text: "words.txt" in text, log
    )
    (problem,) = json.loads(listing)["problems"]
    assert problem.startswith("dicts/words.txt:1:1: this line of the search's Chinese dictionary")
    assert problem in log.read_text(encoding="utf-8").splitlines()


def test_a_search_dictionary_in_a_folder_made_while_the_preview_runs_is_applied(
    minimal_project: Path, tmp_path: Path
) -> None:
    """mkdocs.yml, saved as the preview runs, names a dictionary in a folder the trainer has
    yet to make: the preview did not watch a folder that was not there, and the dictionary
    written in it took effect only at the next save of another file."""
    log = tmp_path / "serve.log"
    for preview in serving(minimal_project, tmp_path):
        name_user_dictionary(minimal_project)
        served_when(preview + SERVE_PROBLEMS, lambda text: "words.txt" in text, log)
        (minimal_project / "dicts").mkdir()
        words = f"客户 100 n\n{PROJECT_TERM} 1000 n\n"
        (minimal_project / "dicts/words.txt").write_text(words, encoding="utf-8")
        served_when(preview + SEARCH_INDEX, lambda text: KEPT_WHOLE in index_text(text), log)
        assert json.loads(fetch(preview + SERVE_PROBLEMS))["problems"] == []


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return bytes(response.read()).decode("utf-8")


def delete_and_copy_back(folder: Path, backup: Path) -> Callable[[], object]:
    """``rm -r folder``; the returned step is ``cp -r backup folder``."""
    shutil.copytree(folder, backup)
    shutil.rmtree(folder)
    return lambda: shutil.copytree(backup, folder)


def rename_away_and_back(folder: Path, backup: Path) -> Callable[[], object]:
    """``mv folder backup``; the returned step is ``mv backup folder``."""
    folder.rename(backup)
    return lambda: backup.rename(folder)


@pytest.mark.parametrize(
    ("folder", "takes_away"),
    [("course", delete_and_copy_back), ("quizzes", rename_away_and_back)],
    ids=["course-deleted-and-copied-back", "quizzes-renamed-away-and-back"],
)
def test_a_folder_taken_away_shows_why_and_is_watched_again_when_back(
    page: Page,
    preview: str,
    minimal_project: Path,
    tmp_path: Path,
    folder: str,
    takes_away: Callable[[Path, Path], Callable[[], object]],
) -> None:
    """A trainer restores a colleague's copy of a folder: the preview goes on watching it."""
    page.goto(f"{preview}01-sample.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    puts_back = takes_away(minimal_project / folder, tmp_path / f"{folder}-backup")
    panel = page.get_by_role("alert")
    expect(panel.locator("li")).to_have_text(problem_lines(minimal_project), timeout=30_000)
    expect(page.locator('form[data-question-id="s1-single"]')).to_have_count(1)
    puts_back()
    expect(page.get_by_role("alert")).to_have_count(0, timeout=30_000)
    module = minimal_project / "course/01-sample.md"
    module.write_text(module.read_text().replace("开篇情景。", "放回以后改写的情景。"))
    expect(page.get_by_text("放回以后改写的情景。")).to_be_visible(timeout=30_000)
    quiz = minimal_project / "quizzes/01-sample.yml"
    quiz.write_text(quiz.read_text().replace("客户说话时，你首先应该怎么做？", "放回以后的题目"))
    expect(page.get_by_text("放回以后的题目")).to_be_visible(timeout=30_000)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGHUP], ids=["kill", "terminal-closed"])
def test_a_stopped_preview_removes_its_temporary_folder(
    minimal_project: Path, tmp_path: Path, stop: signal.Signals
) -> None:
    """Each left about 5 MB behind in the temporary folder."""
    port, log, temporary = free_port(), tmp_path / "serve.log", tmp_path / "temporary"
    with start_serve(minimal_project, port, log, temporary) as server:
        wait_for(f"http://127.0.0.1:{port}/01-sample.html", log)
        assert previews_left(temporary)
        server.send_signal(stop)
        assert server.wait(timeout=20) == 0
    assert previews_left(temporary) == []
    assert log.read_text().splitlines()[-1] == "Shutting down..."


NOT_STARTED = (
    "Not started yet: fix the problems above and save; the preview starts once they are "
    "fixed (Ctrl+C stops)."
)


def waiting_lines(log: Path, count: int, seconds: float = 60) -> list[str]:
    """The log's lines once it has ``count`` of them (a preview that could not start waits)."""
    deadline = time.monotonic() + seconds
    while len(lines := log.read_text().splitlines()) < count and time.monotonic() < deadline:
        time.sleep(0.2)
    return lines


def waiting_page_lines(url: str) -> list[str]:
    """The problems the page at ``url`` lists while the preview cannot start (a 503)."""
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(url, timeout=5)
    assert refused.value.code == 503
    page = refused.value.read().decode("utf-8")
    assert "<title>预览还没有开始</title>" in page
    return [html.unescape(line) for line in re.findall(r"<li><code>(.*?)</code></li>", page)]


BROKEN_AT_START: dict[str, tuple[str, Callable[[str], str]]] = {
    "course": ("quizzes/01-sample.yml", lambda text: text.replace("type: single", "type: singel")),
    "mkdocs.yml": ("mkdocs.yml", lambda text: text.replace("  font:", "\tfont:")),
    "search-terms": ("search-terms.txt", lambda text: f"{text}客户 服务\n"),
}
"""A source the preview is started with broken, and how it is broken."""


@pytest.mark.parametrize("broken", list(BROKEN_AT_START))
def test_a_preview_that_cannot_start_waits_for_the_fix_and_then_serves(
    minimal_project: Path, tmp_path: Path, broken: str
) -> None:
    """A course (or its search terms) broken at start-up and never built, nothing to
    serve, or a broken mkdocs.yml, the server cannot start without it: the preview listed
    the problems and exited, and the trainer, having fixed them, had to run it again. It
    now says so, in the terminal and at its address, where the browser had nothing to
    connect to, and starts with the save that fixes them; stopped, it still leaves no
    temporary folder."""
    name, breaking = BROKEN_AT_START[broken]
    source = minimal_project / name
    good = source.read_text() if source.exists() else ""
    source.write_text(breaking(good))
    port, log, temporary = free_port(), tmp_path / "serve.log", tmp_path / "temporary"
    with start_serve(minimal_project, port, log, temporary) as server:
        try:
            expected = [*problem_lines(minimal_project), NOT_STARTED]
            assert waiting_lines(log, len(expected)) == expected
            address = f"http://127.0.0.1:{port}/01-sample.html"
            assert waiting_page_lines(address) == expected[:-1], "the browser is told why"
            source.write_text(good)
            # a preview that stopped after its problems would serve nothing now
            wait_for(f"http://127.0.0.1:{port}/01-sample.html", log)
            assert server.poll() is None, "the preview stopped"
            assert f"Serving on http://127.0.0.1:{port}/ (Ctrl+C stops)" in log.read_text()
        finally:
            server.terminate()
            assert server.wait(timeout=20) == 0
    assert previews_left(temporary) == []


def test_a_page_opened_while_the_preview_cannot_start_turns_into_the_course(
    browser: Browser, minimal_project: Path, tmp_path: Path
) -> None:
    """Opened before the fix, the page says why the preview has not started, follows each
    save that changes the problems (it kept the first list, a problem fixed still in it, until
    it was reloaded by hand), and becomes the course with the save that fixes them."""
    name, breaking = BROKEN_AT_START["course"]
    source = minimal_project / name
    good = source.read_text()
    source.write_text(breaking(good))
    settings_name, break_settings = BROKEN_AT_START["mkdocs.yml"]
    settings = minimal_project / settings_name
    good_settings = settings.read_text()
    port, log, temporary = free_port(), tmp_path / "serve.log", tmp_path / "temporary"
    with start_serve(minimal_project, port, log, temporary) as server:
        try:
            waiting_lines(log, len(problem_lines(minimal_project)) + 1)
            with own_browser(browser, tolerated=REBUILD_RACE) as context:
                page = context.new_page()
                answer = page.goto(f"http://127.0.0.1:{port}/01-sample.html")
                assert answer is not None and answer.status == 503
                expect(page.get_by_role("heading", level=1)).to_have_text("预览还没有开始")
                items = page.get_by_role("listitem")
                expect(items.first).to_contain_text("quizzes/01-sample.yml:")
                settings.write_text(break_settings(good_settings))
                source.write_text(good)
                expect(items).to_have_count(1)
                expect(items.first).to_contain_text("mkdocs.yml:", timeout=15_000)
                settings.write_text(good_settings)
                expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1, timeout=30_000)
        finally:
            server.terminate()
            assert server.wait(timeout=20) == 0


def test_a_preview_that_cannot_start_lists_the_course_s_problems_with_the_settings(
    minimal_project: Path, tmp_path: Path
) -> None:
    """With mkdocs.yml broken as well as a quiz, the preview listed only the settings'
    problem: the quiz's, which ``check`` lists first, came only after that fix was saved."""
    settings_name, break_settings = BROKEN_AT_START["mkdocs.yml"]
    settings = minimal_project / settings_name
    settings.write_text(break_settings(settings.read_text()))
    settings_lines = problem_lines(minimal_project)
    quiz_name, break_quiz = BROKEN_AT_START["course"]
    quiz = minimal_project / quiz_name
    quiz.write_text(break_quiz(quiz.read_text()))
    quiz_lines = problem_lines(minimal_project)  # check stops at the files: the quiz's alone
    port, log, temporary = free_port(), tmp_path / "serve.log", tmp_path / "temporary"
    with start_serve(minimal_project, port, log, temporary) as server:
        try:
            expected = [*quiz_lines, *settings_lines, NOT_STARTED]
            assert waiting_lines(log, len(expected)) == expected
        finally:
            server.terminate()
            assert server.wait(timeout=20) == 0


def test_ctrl_c_while_the_preview_starts_stops_it_cleanly(
    minimal_project: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Ctrl+C in the first second printed a traceback and left the temporary folder."""

    def interrupted(project: Project) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(build, "check", interrupted)
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    serve(Project(minimal_project), f"127.0.0.1:{free_port()}")
    assert capsys.readouterr().out == "Shutting down...\n"
    assert previews_left(tmp_path) == []
