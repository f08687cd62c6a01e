"""The navigation drawer and the header's buttons on a narrow screen, by keyboard and screen
reader, on the real course; and the home page's tip that names them.

Below 1220 px (a phone, or a desktop zoomed to 400 %) Material's navigation is a drawer off
the screen's left edge, opened by the header's menu button, and on a phone search is a box
off the screen, opened by the header's search button. Both buttons were labels that took no
focus and had no name; the closed drawer's links took the focus off the screen (the drawer
sliding half into view) and were read out before the page.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

import material
import pytest
from playwright.sync_api import Page, expect

from tests.test_learner import MATERIAL_RING

pytestmark = pytest.mark.browser

PHONE = (390, 844)
DESKTOP = (1280, 800)
MODULE = "01-significance"
MENU = '.md-header label[for="__drawer"] button'
SEARCH = '.md-header label[for="__search"] button'
DRAWER = ".md-sidebar--primary"
NAVIGATION = ("navigation", "导航栏")
"""The drawer's navigation in the accessibility tree: Material names it so."""

OUT_OF_VIEW = """async () => {
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations().map(animation => animation.finished));
  const focused = document.activeElement;
  const box = focused.getBoundingClientRect();
  const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
  const seeThrough = [];
  for (let element = focused.parentElement; element; element = element.parentElement) {
    seeThrough.push(getComputedStyle(element).opacity === "0");
  }
  return x < 0 || y < 0 || x > innerWidth || y > innerHeight || seeThrough.includes(true);
}"""
"""Whether the element with the focus cannot be seen once the page is still: its middle
outside the screen, or a box it is in wholly transparent (Material's colour switch is a
transparent input whose label shows the focus)."""

FOCUSED = """(() => {
  const focused = document.activeElement;
  const name = focused.getAttribute("aria-label") || focused.textContent.trim();
  return [focused.className.replace(" focus-visible", ""), name];
})()"""
"""The element with the focus: its class and its name (or its text)."""


class Stop(NamedTuple):
    """A stop of the Tab key, and whether it could not be seen."""

    kind: str
    name: str
    unseen: bool


def open_module(page: Page, site_url: str, size: tuple[int, int]) -> None:
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(f"{site_url}{MODULE}.html")
    expect(page.locator(".mot-quiz[data-ready]")).to_have_count(1)


def tab_stops(page: Page, presses: int = 40) -> list[Stop]:
    """Tab from the top of the page to the first question (or ``presses`` times): each stop
    on the way."""
    stops: list[Stop] = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.mot-question') !== null"):
            break
        kind, name = page.evaluate(FOCUSED)
        stops.append(Stop(kind, name, page.evaluate(OUT_OF_VIEW)))
    return stops


def accessibility_tree(page: Page) -> set[tuple[str, str]]:
    """The role and name of every node of Chromium's accessibility tree that a screen reader
    is given (not those it ignores)."""
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    return {
        (node.get("role", {}).get("value", ""), node.get("name", {}).get("value", ""))
        for node in nodes
        if not node.get("ignored")
    }


def focus_menu_button(page: Page) -> None:
    """Tab from the top to the menu button: the skip link, then it."""
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(MENU)).to_be_focused()


def test_tab_from_the_top_of_a_phone_page_never_leaves_the_screen(
    page: Page, site_url: str
) -> None:
    """Every stop, to the first question, is on the screen: none in the closed drawer (or
    the phone's closed search box, at x = -72); the header's two buttons are stops."""
    open_module(page, site_url, PHONE)
    stops = tab_stops(page)
    assert [stop for stop in stops if stop.unseen] == []
    assert [stop for stop in stops if "md-nav" in stop.kind or "md-search" in stop.kind] == []
    assert [stop.name for stop in stops if stop.kind == "mot-header-button"] == ["导航栏", "搜索"]
    assert not page.evaluate(f"document.querySelector('{DRAWER}').matches(':focus-within')")


def test_the_closed_drawer_is_out_of_the_accessibility_tree_and_the_buttons_named(
    page: Page, site_url: str
) -> None:
    """A screen reader on a phone went through the whole hidden menu before the page, and
    met the menu and search buttons as two unnamed pictures. The search button and the
    dialog it opens are named 搜索, as the box and the page say; they were 查找."""
    open_module(page, site_url, PHONE)
    tree = accessibility_tree(page)
    assert NAVIGATION not in tree
    assert {("button", "导航栏"), ("button", "搜索")} <= tree
    expect(page.get_by_role("dialog", include_hidden=True)).to_have_accessible_name("搜索")
    expect(page.locator(MENU)).to_have_attribute("aria-expanded", "false")
    page.locator(MENU).click()
    expect(page.locator(MENU)).to_have_attribute("aria-expanded", "true")
    assert NAVIGATION in accessibility_tree(page)


def test_the_menu_button_opens_the_drawer_by_keyboard_and_escape_closes_it(
    scheme_page: Page, site_url: str
) -> None:
    """Enter opens the drawer with the focus on its first link, on the screen; Escape
    closes it and gives the focus back to the button, whose ring stands out on the header
    in light and dark mode; Space opens it again."""
    page = scheme_page
    open_module(page, site_url, PHONE)
    focus_menu_button(page)
    style, contrast = page.locator(MENU).evaluate(MATERIAL_RING)
    assert style != "none" and contrast >= 3, (style, contrast)
    page.keyboard.press("Enter")
    expect(page.locator("#__drawer")).to_be_checked()
    expect(page.locator(f"{DRAWER} a.md-nav__link").first).to_be_focused()
    assert not page.evaluate(OUT_OF_VIEW)
    page.keyboard.press("Escape")
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(page.locator(MENU)).to_be_focused()
    expect(page.locator(MENU)).to_have_attribute("aria-expanded", "false")
    page.keyboard.press(" ")
    expect(page.locator("#__drawer")).to_be_checked()
    expect(page.locator(f"{DRAWER} a.md-nav__link").first).to_be_focused()


def test_a_page_chosen_in_the_drawer_by_keyboard_is_opened_and_the_drawer_closed(
    page: Page, site_url: str
) -> None:
    """On a desktop zoomed in (1000 px) the page's own link is shown in the drawer: it takes
    the focus as the drawer opens; the next link, followed with Enter, opens its page with
    the drawer closed and the focus on its heading."""
    open_module(page, site_url, (1000, 800))
    focus_menu_button(page)
    page.keyboard.press("Enter")
    expect(page.locator(f'{DRAWER} a.md-nav__link[href$="/{MODULE}.html"]')).to_be_focused()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{site_url}02-principles.html")
    expect(page.locator(".md-content h1")).to_be_focused()
    expect(page.locator("#__drawer")).not_to_be_checked()
    expect(page.locator(MENU)).to_have_attribute("aria-expanded", "false")


def test_a_tab_out_of_the_open_drawer_closes_it(page: Page, site_url: str) -> None:
    """The open drawer covers the page: the focus leaving it (Shift+Tab from its first
    stop, to the search button under it) closes it, so that what has the focus is seen."""
    open_module(page, site_url, PHONE)
    focus_menu_button(page)
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    expect(page.locator(f"{DRAWER} .md-nav__title .md-logo")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(page.locator(SEARCH)).to_be_focused()
    expect(page.locator("#__drawer")).not_to_be_checked()
    assert not page.evaluate(OUT_OF_VIEW)


def test_the_search_button_opens_search_by_keyboard_and_escape_returns_to_it(
    page: Page, site_url: str
) -> None:
    open_module(page, site_url, PHONE)
    focus_menu_button(page)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    expect(page.locator(SEARCH)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#__search")).to_be_checked()
    expect(page.locator(".md-search__input")).to_be_focused()
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    expect(page.locator(SEARCH)).to_be_focused()


HEADER_BUTTONS_RIGHT = """() => [...document.querySelectorAll('.md-header .md-header__button')]
  .filter(label => label.getBoundingClientRect().left > innerWidth / 2 && label.offsetParent)
  .map(label => [label.htmlFor, label.title || label.querySelector('button').ariaLabel,
                 label.querySelector('svg path').getAttribute('d')])"""
"""The header's buttons in its right half, as shown: what each opens, its name, its icon."""


def material_icon(name: str) -> str:
    """The drawing of one of Material's icons (``material/magnify``): its SVG path."""
    svg = Path(material.__file__).parent / "templates" / ".icons" / f"{name}.svg"
    drawing = re.search(r' d="([^"]+)"', svg.read_text(encoding="utf-8"))
    assert drawing, svg
    return drawing[1]


def test_the_home_page_s_phone_tip_names_the_buttons_a_phone_shows(
    page: Page, site_url: str
) -> None:
    """在手机上学习 sent the learner to 顶部的搜索框: a phone's header has no search box, only
    a magnifier beside the colour switch in its top right corner."""
    page.set_viewport_size({"width": PHONE[0], "height": PHONE[1]})
    page.goto(site_url)
    tip = page.locator(".admonition", has_text="在手机上学习")
    expect(tip).to_contain_text("右上角有两个按钮：一个切换浅色和深色模式，另一个是放大镜")
    (switch, name, _), search = page.evaluate(HEADER_BUTTONS_RIGHT)
    assert switch.startswith("__palette") and name.startswith("切换到"), (switch, name)
    assert search == ["__search", "搜索", material_icon("material/magnify")]
    page.locator(SEARCH).click()
    expect(page.locator(".md-search__input")).to_be_visible()
    expect(page.locator(".md-search__input")).to_be_focused()


def test_the_desktop_header_and_sidebar_keep_their_tab_order(page: Page, site_url: str) -> None:
    """At 1220 px and more the sidebar is always shown: its links are stops, on the screen,
    and the header's menu and search buttons (hidden there) are not."""
    open_module(page, site_url, DESKTOP)
    stops = tab_stops(page, 12)
    assert [stop for stop in stops if stop.unseen] == []
    assert [stop.kind for stop in stops] == [
        "md-skip",
        "md-header__button md-logo",
        "md-option",
        "md-search__input",
        "md-nav__link",
        "md-nav__link md-nav__link--active",
        *["md-nav__link"] * 6,
    ]
