/*
 * MOT course runtime, after Material's instant navigation; joined into mot-core.js in the
 * site (generator/runtime.py), after the core. Instant navigation shows a page without
 * loading it:
 * - a screen reader said nothing: the focus goes to the new page's heading, or to the
 *   target of its #fragment, without scrolling (Material has scrolled there);
 * - Back or Forward puts the page where the learner left it, and the focus on what the
 *   view shows there, so that Tab goes on from where the learner is. Material scrolls
 *   back as soon as it shows the page, before the parts have drawn it (a handed-in
 *   exam's paper, the 错题本's questions, a quiz's status and explanations): the page
 *   grows or shifts after, and is scrolled back to the place each time it does.
 * The first page start is the page's load, which the browser announces and scrolls itself.
 */
(function () {
  "use strict";

  var all = window.mot.all;
  var SETTLED = 300;      /* ms the page stays as it is, in its place, before a return is done */
  var UNREACHED = 1000;   /* ms it stays as it is, too short for its place, before the return gives up */
  var HOLD_LIMIT = 5000;  /* ms at most a return waits */
  var PEEK = 48;          /* px of an element at the view's edge that the learner can read */
  var LEARNER_MOVES = ["wheel", "touchstart", "keydown", "mousedown"];
  var IN_VIEW = ".md-content h1, .md-content h2, .md-content h3, .md-content .mot-question, .md-content .mot-results:not([hidden])";
  var pageShown = false;
  var shownPath = location.pathname;
  var holding = null;     /* the return still being scrolled to its place: { stop } */
  var returnedTo = null;  /* the page Back or Forward is showing, and its place: { path, y } */
  var instant = instantNavigation();
  var nextPlaceRedraws = instant;            /* ... told of no place since the page loaded */
  var followedTo = null;  /* the #fragment of the link within the page just followed */

  /* Back or Forward again, before a return is done: the page it scrolls is leaving, and
     Material would note that scroll as the place of the entry returned to. Within the page
     (a 复习 link to a section above, and Back), no page is shown: the focus stayed where
     it was, or went to <body>, far from the view. A link just followed, or Forward to its
     entry (Material notes no place for it), focuses its section; Back or Forward to an entry
     with a place, what the view shows there, scrolled to first. Called by the page's first
     popstate listener (partials/mot-history.html), which runs before Material's. */
  window.mot.popstate = function (event) {
    if (holding) { holding.stop(false); }
    if (location.pathname !== shownPath) {   /* another page: startShownPage sees to it */
      returnedTo = { path: location.pathname, y: history.state && history.state.y };
      return;
    }
    if (nextPlaceRedraws) { event.stopImmediatePropagation(); }
    var followed = location.hash === followedTo || (instant && history.state === null);
    followedTo = null;
    window.setTimeout(function () { focusOn(followed ? fragmentTarget() : placeInView()); });
  };

  /* Material fetches and draws again the first place it is told of after a page load, even
     on this page: a 复习 link, the table of contents or 跳转至 followed first cleared every
     answer not yet submitted, and so did Back to it. So links within the page are the
     browser's (Material skips a link with a target), and Back or Forward within the page is
     kept from Material until it has been told of a place. A search result for this page is
     followed to its section alone: its ?h= (the words to highlight) loaded the page again. */
  window.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href]:not([target]):not([download])");
    var plain = event.button === 0 && !(event.ctrlKey || event.metaKey || event.shiftKey || event.altKey);
    if (!plain || !link || !link.hash || link.pathname !== location.pathname) { return; }
    followedTo = link.hash;
    link.target = "_self";
    window.setTimeout(function () { link.removeAttribute("target"); });
    if (link.search !== location.search) {
      event.preventDefault();
      location.hash = link.hash;
    }
  }, true);
  if (instant) { window.location$.subscribe(function () { nextPlaceRedraws = false; }); }

  /* Material's instant navigation: a feature of its settings, off over file:// (the offline
     zip); location$ is there either way. */
  function instantNavigation() {
    var settings = document.getElementById("__config");
    try {
      var features = JSON.parse(settings.textContent).features;
      return Boolean(window.location$) && location.protocol !== "file:" && features.indexOf("navigation.instant") >= 0;
    } catch { return false; }
  }

  function startShownPage() {
    shownPath = location.pathname;
    if (holding) { holding.stop(false); }
    /* Material keeps the place of a page left in its history entry, and only there: read
       as Back or Forward arrives, before Material scrolls there, as the page is still
       short, and notes that scroll (on a busy phone, before this page start) as the place. */
    var place = returnedTo && returnedTo.path === location.pathname ? returnedTo.y : null;
    returnedTo = null;   /* a Back left for a link followed before its page showed has no say */
    if (!pageShown) {
      pageShown = true;
    } else if (typeof place === "number") {
      holdPlace(place);
    } else {
      focusOn(fragmentTarget() || document.querySelector(".md-content h1"));
    }
  }

  function focusOn(target) {
    if (!target) { return; }
    if (target.tabIndex < 0) { target.tabIndex = -1; }   /* a heading takes no focus otherwise */
    target.focus({ preventScroll: true });
  }

  /* Scroll back to `place` each time the page grows or shifts, until it has stayed as it
     is for a while, the learner scrolls or types (the page is theirs again), another page
     is shown, or HOLD_LIMIT ms have passed; then focus what the view shows. */
  function holdPlace(place) {
    var settle = null;
    var grows = new ResizeObserver(function () {
      window.scrollTo(0, place);
      window.clearTimeout(settle);
      settle = window.setTimeout(moved, Math.abs(window.scrollY - place) < 1 ? SETTLED : UNREACHED);
    });
    var limit = window.setTimeout(moved, HOLD_LIMIT);
    function moved() { stop(true); }
    function stop(focus) {
      holding = null;
      grows.disconnect();
      window.clearTimeout(settle);
      window.clearTimeout(limit);
      LEARNER_MOVES.forEach(function (type) { window.removeEventListener(type, moved, true); });
      if (focus) { focusOn(placeInView()); }
    }
    LEARNER_MOVES.forEach(function (type) { window.addEventListener(type, moved, { capture: true, passive: true }); });
    holding = { stop: stop };
    grows.observe(document.body);
  }

  /* The section the address names, if the view shows it (Forward to a 复习 link's entry);
     else the first heading, question or results panel the view shows, else the last above it.
     Shown is from its top, or a line or two of it (PEEK), below the header: Back from a
     question's 复习 link focused the question above it, the foot of which peeked out. */
  function placeInView() {
    var top = document.querySelector(".md-header").getBoundingClientRect().bottom;
    function shown(el) {
      var box = el.getBoundingClientRect();
      return box.bottom > top + Math.min(box.height, PEEK) && box.top < window.innerHeight;
    }
    var named = fragmentTarget();
    if (named && shown(named)) { return named; }
    var reached = all(document, IN_VIEW).filter(function (el) { return el.getBoundingClientRect().top < window.innerHeight; });
    return reached.find(shown) || reached.pop();
  }

  function fragmentTarget() {
    try { return document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch { return null; }
  }

  window.mot.onEveryPage(startShownPage);
})();
