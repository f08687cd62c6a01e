"""Search on demand: a page loads the search settings; the index loads when search opens.

Material fetches ``search/search_index.json`` on every page load. The build leaves only
the settings there and moves the documents to ``search/mot-search-index.json``, which the
course's search worker loads when the learner opens search: on a served site, after
instant navigation, from a link with ``?q=`` and in the offline package (tested in
test_export_offline.py). The search dialog has an accessible name, and the count of its
results is read out.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from material import templates
from playwright.sync_api import Locator, Page, expect

from generator.runtime import SEARCH_WORKER
from generator.search_index import DOCUMENTS, INDEX, OFFLINE_INDEX, split_index
from generator.site_engines import MATERIAL_OVERRIDES
from tests.browsing import LOGIN_PAGE_RUN, fail, record_requests, type_query
from tests.conftest import LearnerTabs, watched_tab

MATERIAL = Path(templates.__file__).parent
TERM = "服务补救"
TAUGHT_AT = "06-confirm.html"
"""A course term and the module that teaches it."""


def material_block(text: str, name: str) -> str:
    """The text of ``{% block name %}`` in a template, without its indentation."""
    found = re.search(rf"{{% block {name} %}}(.*?){{% endblock %}}", text, re.DOTALL)
    assert found, name
    return "\n".join(line.strip() for line in found.group(1).strip().splitlines())


def test_the_search_override_only_names_the_dialog_and_reads_out_the_count() -> None:
    ours = (MATERIAL_OVERRIDES / "partials/search.html").read_text(encoding="utf-8")
    theirs = (MATERIAL / "partials/search.html").read_text(encoding="utf-8")
    name = "{{ lang.t('search.placeholder') }}"  # 搜索, as the box says: lang.t('search') is 查找
    named = theirs.replace('role="dialog">', f'role="dialog" aria-label="{name}">')
    counted = named.replace('"md-search-result__meta">', '"md-search-result__meta" role="status">')
    assert theirs != named != counted
    assert ours.split("-#}\n", 1)[1] == counted.split("-#}\n", 1)[1]


def test_the_config_block_is_materials_with_the_course_worker() -> None:
    ours = material_block((MATERIAL_OVERRIDES / "main.html").read_text(encoding="utf-8"), "config")
    theirs = material_block((MATERIAL / "base.html").read_text(encoding="utf-8"), "config")
    worker = re.search(r"workers/(search\.\w+\.min\.js)", theirs)
    assert worker, "Material's worker"
    script = (Path(__file__).parent.parent / "generator/assets" / SEARCH_WORKER[0]).read_text()
    assert f'MATERIAL_WORKER = "{worker.group(1)}"' in script, "the worker imports Material's"
    course_worker = f"workers/{Path(SEARCH_WORKER[1]).name}"
    assert ours == theirs.replace(f"workers/{worker.group(1)}", course_worker)


def test_built_pages_name_the_dialog_and_start_the_course_worker(built_site: Path) -> None:
    page = (built_site / "01-significance.html").read_text(encoding="utf-8")
    dialog = '<div class="md-search" data-md-component="search" role="dialog" aria-label="搜索">'
    assert dialog in page
    config = re.search(r'<script id="__config" type="application/json">(.*?)</script>', page)
    assert config and json.loads(config.group(1))["search"].endswith(SEARCH_WORKER[1])
    assert (built_site / "assets" / SEARCH_WORKER[1]).is_file()


def test_the_split_keeps_every_entry(tmp_path: Path) -> None:
    index = {"config": {"lang": ["zh"]}, "docs": [{"location": "a.html", "text": "服务补救"}]}
    (tmp_path / "search").mkdir()
    (tmp_path / INDEX).write_text(json.dumps(index), encoding="utf-8")
    split = split_index(tmp_path)
    assert json.loads(split[INDEX]) == {"config": {"lang": ["zh"]}, "docs": []}
    assert json.loads(split[DOCUMENTS]) == index
    assert "服务补救".encode() in split[DOCUMENTS], "Chinese as UTF-8, not escaped"
    assert OFFLINE_INDEX not in split, "only where the offline plugin wrote its script"


def search(page: Page, term: str) -> Locator:
    """Type ``term`` into Material's search; the first result that leads to the module
    teaching it (links carry ``?h=`` for the highlight)."""
    type_query(page, term)
    found = page.locator(f'.md-search-result__item a[href*="{TAUGHT_AT}"]').first
    expect(found).to_be_visible(timeout=15_000)
    return found


def index_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if url.endswith(DOCUMENTS)]


@pytest.mark.browser
def test_a_screen_reader_hears_how_many_results_a_search_found(page: Page, site_url: str) -> None:
    """The count changed in a line no screen reader was told of: typing in the box, the
    learner heard nothing of what was found."""
    page.goto(f"{site_url}01-significance.html")
    search(page, TERM)
    count = page.locator(".md-search-result__meta")
    expect(count).to_have_text(re.compile(r"^\d+ 个符合条件的结果$"))
    expect(count).to_have_role("status")


HEAR_THE_CHANNEL = """window.__heard = [];
new BroadcastChannel("mot-search:/").onmessage = event => window.__heard.push(event.data);"""
"""Notes what the search worker and the page say to each other about search being open."""


@pytest.mark.browser
def test_the_index_loads_when_search_opens(page: Page, site_url: str) -> None:
    requests = record_requests(page)
    page.add_init_script(HEAR_THE_CHANNEL)
    page.goto(f"{site_url}01-significance.html")
    page.wait_for_load_state("networkidle")
    # the worker has Material's set-up and asks whether search is open; the page says nothing
    page.wait_for_function("window.__heard.includes('ask')")
    assert [url for url in requests if url.endswith(INDEX)], "the settings load with the page"
    assert page.evaluate("window.__heard") == ["ask"], "the page said search is open"
    assert index_requests(requests) == [], "the index waits for search"
    with page.expect_request(lambda request: request.url.endswith(DOCUMENTS)):
        page.locator("input.md-search__input").click()
    search(page, TERM)
    assert len(index_requests(requests)) == 1


@pytest.mark.browser
def test_the_index_loads_on_search_after_instant_navigation(page: Page, site_url: str) -> None:
    requests = record_requests(page)
    page.goto(site_url)
    page.wait_for_load_state("networkidle")
    loads = len(requests)
    page.locator('.md-content a[href$="06-confirm.html"]').first.click()
    expect(page).to_have_url(f"{site_url}06-confirm.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)
    assert not [url for url in requests[loads:] if url.endswith("bundle.a5f9d56c.min.js")], (
        "instant navigation: the page was not loaded anew"
    )
    assert index_requests(requests) == []
    search(page, TERM).click()
    assert len(index_requests(requests)) == 1
    expect(page).to_have_url(re.compile(re.escape(TAUGHT_AT)))


@pytest.mark.browser
def test_a_search_link_loads_the_index_and_shows_results(page: Page, site_url: str) -> None:
    requests = record_requests(page)
    page.goto(f"{site_url}index.html?q={TERM}")
    expect(page.locator(f'.md-search-result__item a[href*="{TAUGHT_AT}"]').first).to_be_visible(
        timeout=15_000
    )
    assert len(index_requests(requests)) == 1


@pytest.mark.browser
@pytest.mark.parametrize("viewport", [(1280, 800), (390, 844)], ids=["desktop", "phone"])
def test_text_that_comes_with_no_key_is_searched(
    page: Page, site_url: str, viewport: tuple[int, int]
) -> None:
    """Material searches when a key is released in its box: text pasted from a menu, or given
    by voice or a phone keyboard's suggestion, comes with no key, and the panel said 键入以开始
    搜索 until the learner pressed one."""
    page.set_viewport_size({"width": viewport[0], "height": viewport[1]})
    page.goto(f"{site_url}01-significance.html")
    phone_opener = 'label.md-header__button[for="__search"]'
    page.locator("input.md-search__input" if viewport[0] > 1000 else phone_opener).click()
    expect(page.locator("input.md-search__input")).to_be_focused()
    expect(page.locator(".md-search-result__meta")).to_have_text("键入以开始搜索", timeout=15_000)
    page.keyboard.insert_text(TERM)
    expect(page.locator(f'.md-search-result__item a[href*="{TAUGHT_AT}"]').first).to_be_visible(
        timeout=15_000
    )


LOST = "搜索要用的文件没能加载（可能是网络断了）。请检查网络，然后"
"""What the search panel says of a file it needs that did not load, before what to do."""


@pytest.mark.browser
def test_an_index_that_does_not_load_is_said_to_and_loads_on_the_next_search(
    page: Page, site_url: str
) -> None:
    """The network dropped as search opened: Material went on saying 正在初始化搜索引擎,
    for good. The search says the file did not load, and closed and opened again once the
    network is back, it finds."""
    page.route(f"**/{DOCUMENTS}", lambda route: route.abort())
    page.goto(f"{site_url}01-significance.html")
    type_query(page, TERM)
    expect(page.locator(".md-search-result__meta")).to_have_text(f"{LOST}关闭搜索，再重新打开。")
    page.unroute(f"**/{DOCUMENTS}")
    page.keyboard.press("Escape")
    search(page, TERM)


MATERIAL_WORKER = "**/workers/search.*.min.js"


@pytest.fixture(params=["no network", "login page"])
def lost_material_worker(tabs: LearnerTabs, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A tab where Material's search worker, which the course's imports, does not load (lost,
    or a Wi-Fi login page served in its place) until the test unroutes it."""
    for tab in watched_tab(tabs, tolerated=re.compile(re.escape(LOGIN_PAGE_RUN))):
        tab.route(MATERIAL_WORKER, fail(request.param))
        yield tab


@pytest.mark.browser
def test_a_search_worker_that_does_not_load_is_said_to_and_loads_on_the_next_search(
    lost_material_worker: Page, site_url: str
) -> None:
    """Material's worker lost as the page loaded: the course's worker could not import it and
    said nothing, and Material said 正在初始化搜索引擎 for the rest of the visit, the network
    back or not. The search says the file did not load, and closed and opened again once the
    network is back, it imports it and finds."""
    page = lost_material_worker
    page.goto(f"{site_url}01-significance.html")
    type_query(page, TERM)
    expect(page.locator(".md-search-result__meta")).to_have_text(f"{LOST}关闭搜索，再重新打开。")
    page.unroute(MATERIAL_WORKER)
    page.keyboard.press("Escape")
    search(page, TERM)


@pytest.mark.browser
def test_a_course_worker_that_never_answers_is_said_to(page: Page, site_url: str) -> None:
    """The course's own worker lost: nothing told the page, which said 正在初始化搜索引擎
    for the rest of the visit. Material starts its worker once per page load, so the
    search asks for the page to be loaded again."""
    said_lost_until_reloaded(page, site_url, f"**/{Path(SEARCH_WORKER[1]).name}")


@pytest.mark.browser
def test_search_settings_that_do_not_load_are_said_to(tabs: LearnerTabs, site_url: str) -> None:
    """The search settings (search/search_index.json, which Material fetches as the page
    loads and sends to its worker) lost: the course's worker answered the page at once,
    though with no settings it could never start, and the page, having heard it, said
    正在初始化搜索引擎 for the rest of the visit. Material fetches them once per page load,
    so the search asks for the page to be loaded again. (Material's fetch that failed
    throws "Network error" on the page.)"""
    for page in watched_tab(tabs, tolerated=re.compile(r"^Network error$")):
        said_lost_until_reloaded(page, site_url, f"**/{INDEX}")


def said_lost_until_reloaded(page: Page, site_url: str, lost: str) -> None:
    """A search on a module page whose file ``lost`` (a glob) does not load says to load
    the page again; once it does, with the file, the search finds."""
    page.route(lost, lambda route: route.abort())
    page.goto(f"{site_url}01-significance.html")
    type_query(page, TERM)
    meta = page.locator(".md-search-result__meta")
    expect(meta).to_have_text(f"{LOST}刷新这一页。", timeout=10_000)
    page.unroute(lost)
    page.reload()
    search(page, TERM)
