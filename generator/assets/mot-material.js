/*
 * MOT course runtime, living with Material on every page; joined into mot-core.js in the
 * site (generator/runtime.py), after the core:
 * - telling the search worker when the learner opens search, so that it loads the index then,
 *   and saying in the search panel when a file search needs did not load;
 * - turning off Material's one-key shortcuts;
 * - searching text that reaches the search box with no key (pasted, spoken);
 * - no smooth scrolling for a learner who asks for less motion;
 * - Zensical's search dialog kept closed over the next page on a screen under 960 px;
 * - a colour switch that shows the other scheme at each press;
 * - a diagram that scrolls sideways on a phone taking the focus;
 * - the header's menu and search buttons (below 1220 px) pressed by keyboard, and the
 *   navigation drawer they open taking and giving back the focus;
 * - a name for each search result, read as the keyboard goes through them.
 */
(function () {
  "use strict";

  var SCRIPT = document.currentScript.src;   /* the core's: this file is joined to it */
  var LOST = "搜索要用的文件没能加载（可能是网络断了）。请检查网络，然后";
  var WORKER_WAIT = 6000;   /* ms the search worker has to answer once search is open */

  /* Search on demand: Material's search worker (assets/search/mot-search.js) loads the
     index when the page says that search is open, and asks when it starts. A file it needs
     that does not load is said in the search panel, where Material would say 正在初始化
     for ever: the index or Material's worker, which the worker tries again at the next
     opening; or the worker itself, or the search settings that Material sends it, without
     which it never answers (Material starts it and fetches them once a page load: the page
     has to be loaded again). Over file:// no worker listens: none is waited for. */
  function tellSearchWhenOpen() {
    var toggle = document.getElementById("__search");
    if (!toggle || typeof BroadcastChannel === "undefined") { return; }
    var channel = null, heard = location.protocol === "file:", waiting = false;
    function say(text) { if (toggle.checked) { document.querySelector(".md-search-result__meta").textContent = LOST + text; } }
    function tell() {
      if (!channel || !toggle.checked) { return; }
      channel.postMessage("open");
      if (heard || waiting) { return; }
      waiting = true;
      window.setTimeout(function () { waiting = false; if (!heard) { say("刷新这一页。"); } }, WORKER_WAIT);
    }
    /* The channel is open while the page is shown: a message reaching a page the browser
       keeps for the back button (another page's worker asking) would make it drop the page. */
    function open() {
      channel = new BroadcastChannel("mot-search:" + new URL("..", SCRIPT).pathname);
      channel.onmessage = function (event) {
        heard = heard || event.data !== "open";   /* a worker's word, not another page's */
        if (event.data === "ask") { tell(); }
        if (event.data === "failed") { say("关闭搜索，再重新打开。"); }
      };
      tell();
    }
    toggle.addEventListener("change", tell);
    window.addEventListener("pagehide", function () { channel.close(); channel = null; });
    window.addEventListener("pageshow", function (event) { if (event.persisted) { open(); } });
    open();
  }

  /* Material's one-key shortcuts (n and p turn the page, s, f and / open search) act wherever
     the focus is not in a text field: on a link or a button, or in a quiz, one key sent the
     learner off the page (WCAG 2.1.4). They are off: Material listens on window, after the
     document. Search, once open, still takes what is typed. */
  function keepKeysFromMaterial() {
    document.addEventListener("keydown", function (event) {
      var oneKey = event.key.length === 1 && !event.ctrlKey && !event.metaKey;
      if (oneKey && !event.target.closest(".md-search")) { event.stopPropagation(); }
    });
  }

  /* Material searches when a key is released in its box: text pasted from a menu, or given
     by voice or a phone keyboard's suggestion, came with no key and found nothing until the
     learner pressed one. Each change to the box is told to Material as a key released. */
  function searchTextWithoutKeys() {
    document.addEventListener("input", function (event) {
      if (event.target.matches(".md-search__input")) { event.target.dispatchEvent(new KeyboardEvent("keyup")); }
    });
  }

  /* Material scrolls the contents sidebar after the page (toc.follow), and a row of tabs,
     with behavior "smooth", whatever the learner asked: such a scroll is made at once when
     the system asks for reduced motion, as the project's own scrolling is. */
  function keepMotionReduced() {
    var reduced = window.matchMedia("(prefers-reduced-motion: reduce)");
    ["scrollTo", "scrollBy"].forEach(function (name) {
      var scroll = Element.prototype[name];
      Element.prototype[name] = function (options) {
        var smooth = reduced.matches && options && options.behavior === "smooth";
        return scroll.apply(this, smooth ? [Object.assign({}, options, { behavior: "auto" })] : arguments);
      };
    });
  }

  /* Zensical opens or closes its search dialog each time Material's search checkbox
     (#__search) changes; on a screen under 960 px the header's button is a label that ticks
     it. Closed by a result, its ✕ or Esc, the dialog left the box ticked, and Material
     unticks it when the address changes: the dialog opened again over the page. The box is
     unticked as soon as it changes. Only Zensical's header has .md-search__button. */
  function keepZensicalSearchBoxClear() {
    var toggle = document.getElementById("__search");
    if (!toggle || !document.querySelector(".md-search__button")) { return; }
    toggle.addEventListener("change", function () { toggle.checked = false; });
  }

  var PALETTES = "(prefers-color-scheme),(prefers-color-scheme: light),(prefers-color-scheme: dark)";

  /* Material's colour switch goes round mkdocs.yml's three palettes in order: the system's,
     light, dark. On a light system its first press showed light again, and the learner saw
     nothing happen. Each palette's button now goes to the scheme not shown: back to the
     system's palette when that is the system's scheme, else to that scheme, kept. Its name
     and icon are those of the switch to that scheme (palettes 1 and 0 of mkdocs.yml); Enter
     and Space follow it too (Material's Enter goes to the next palette, and Space, which
     ticks a radio button, did nothing on the ticked one). Other palettes are left as they are. */
  function switchToTheOtherScheme() {
    var form = document.querySelector("[data-md-component=palette]");
    var inputs = form ? window.mot.all(form, "input") : [];
    if (inputs.map(function (input) { return input.getAttribute("data-md-color-media"); }).join() !== PALETTES) { return; }
    var looks = [inputs[0], inputs[1]].map(function (input) { return input.nextElementSibling.cloneNode(true); });
    var dark = window.matchMedia("(prefers-color-scheme: dark)");
    function point() {
      inputs.forEach(function (input, index) {
        var toDark = index === 0 ? !dark.matches : index === 1;
        var label = input.nextElementSibling, look = looks[toDark ? 1 : 0];
        label.htmlFor = inputs[toDark === dark.matches ? 0 : (toDark ? 2 : 1)].id;
        label.title = look.title;
        label.innerHTML = look.innerHTML;
        input.setAttribute("aria-label", look.title);
      });
    }
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") { return; }
      event.stopPropagation();
      event.preventDefault();   /* Space would scroll the page */
      var next = document.getElementById(event.target.nextElementSibling.htmlFor);
      next.click();
      next.focus();
    }, true);
    dark.addEventListener("change", point);
    point();
  }

  /* A diagram wider than a phone's screen scrolls sideways in its figure (mot.css): the
     figure then takes the focus, named by its caption, so that the arrow keys scroll it,
     and only then, not a stop that does nothing on a wider screen. */
  function focusWideDiagrams() {
    var watch = new ResizeObserver(function (entries) {
      entries.forEach(function (entry) {
        var figure = entry.target;
        if (figure.scrollWidth > figure.clientWidth) { figure.tabIndex = 0; } else { figure.removeAttribute("tabindex"); }
      });
    });
    window.mot.onEveryPage(function () {
      watch.disconnect();
      window.mot.all(document, ".mot-figure").forEach(function (figure) { watch.observe(figure); });
    });
  }

  var DRAWER = ".md-sidebar--primary";

  /* Below 1220 px Material's header opens the navigation drawer, and on a phone search, by
     a label that ticks a checkbox: it took no focus and had no name (a picture, unnamed).
     Each label now holds a button (a label may not be one) named as what it opens, which
     the keyboard presses; a click on it ticks the box as the label did. */
  function headerButton(label, name) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "mot-header-button";
    button.setAttribute("aria-label", name);
    while (label.firstChild) { button.appendChild(label.firstChild); }
    label.appendChild(button);
    button.addEventListener("click", function () { document.getElementById(label.htmlFor).click(); });
    return button;
  }

  /* Escape closes search (Material): on a phone the focus goes back to the button, not
     to the page's top. */
  function pressSearchByKeyboard() {
    var toggle = document.getElementById("__search");
    var label = document.querySelector('.md-header label[for="__search"]');
    var search = document.querySelector(".md-search[aria-label]");
    if (!toggle || !label || !search) { return; }
    var button = headerButton(label, search.getAttribute("aria-label"));
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && toggle.checked && button.getClientRects().length) { button.focus(); }
    });
  }

  /* The drawer closed is hidden (mot.css), so the focus goes into it as it opens: to the
     page's own link, where shown (on a phone the page's entry opens its contents), else the
     first. The menu button says whether it is open; Escape closes it and gives the focus
     back to the button, and a Tab out of it closes it over the page. */
  function openTheDrawerByKeyboard() {
    var drawer = document.getElementById("__drawer");
    var label = document.querySelector('.md-header label[for="__drawer"]');
    var nav = document.querySelector(".md-nav--primary");
    if (!drawer || !label || !nav) { return; }
    var menu = headerButton(label, nav.getAttribute("aria-label"));
    function firstStop() {
      var pages = window.mot.all(document, DRAWER + " .md-nav__item--active > a.md-nav__link");
      var links = pages.concat(window.mot.all(document, DRAWER + " a.md-nav__link"));
      return links.find(function (link) {
        return link.getClientRects().length > 0 && getComputedStyle(link).visibility === "visible";
      });
    }
    function close() { if (drawer.checked) { drawer.click(); } }
    drawer.addEventListener("change", function () {
      menu.setAttribute("aria-expanded", String(drawer.checked));
      var stop = drawer.checked && !document.activeElement.closest(DRAWER) && firstStop();
      if (stop) { stop.focus(); }
    });
    menu.setAttribute("aria-expanded", String(drawer.checked));
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && drawer.checked) { close(); menu.focus(); }
    });
    document.addEventListener("focusout", function (event) {
      var into = event.relatedTarget;
      if (into && event.target.closest(DRAWER) && !into.closest(DRAWER)) { close(); }
    });
  }

  /* A search result is a link around an article, which Chromium named from nothing: a
     screen reader going through the results with the arrow keys heard "link" alone. Each
     is named by its title, a section's followed by its page's (the item's first), without
     the marks the index puts between words. */
  function nameSearchResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list) { return; }
    function title(heading) { return heading ? heading.textContent.replace(/\u200b/g, "").replace(/\s+/g, " ").trim() : ""; }
    new MutationObserver(function () {
      window.mot.all(list, ".md-search-result__item").forEach(function (item) {
        var page = title(item.querySelector("h1"));
        window.mot.all(item, "a.md-search-result__link").forEach(function (link) {
          var own = title(link.querySelector("h1, h2"));
          link.setAttribute("aria-label", page && own !== page ? own + "，" + page : own);
        });
      });
    }).observe(list, { childList: true, subtree: true });
  }

  tellSearchWhenOpen();
  keepKeysFromMaterial();
  searchTextWithoutKeys();
  keepMotionReduced();
  keepZensicalSearchBoxClear();
  switchToTheOtherScheme();
  focusWideDiagrams();
  pressSearchByKeyboard();
  openTheDrawerByKeyboard();
  nameSearchResults();
})();
