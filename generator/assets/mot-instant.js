/*
 * MOT course runtime, after Material's instant navigation; joined into mot-core.js in the
 * site (generator/runtime.py), after the core. Instant navigation shows a page without
 * loading it:
 * - a screen reader said nothing: the focus goes to the new page's heading, or to the
 *   target of its #fragment, without scrolling (Material has scrolled there);
 * - Back or Forward puts the page where the learner left it, and the focus on the first
 *   heading or question in view there, so that Tab goes on from where the learner is.
 *   Material scrolls back as soon as it shows the page, before the parts have drawn what
 *   makes it long (a handed-in exam's paper, the 错题本's questions, a quiz's
 *   explanations): the page grows after, and the place is scrolled to again.
 * The first page start is the page's load, which the browser announces and scrolls itself.
 */
(function () {
  "use strict";

  var all = window.mot.all;
  var HOLD_LIMIT = 5000;   /* ms a return waits for the page to grow back to its place */
  var LEARNER_MOVES = ["wheel", "touchstart", "keydown", "mousedown"];
  var pageShown = false;
  var holding = null;     /* the return still waiting for its place: { stop } */

  function startShownPage() {
    if (holding) { holding.stop(false); }
    /* Material keeps the place of a page left in its history entry, and only there. */
    var place = pageShown && history.state ? history.state.y : null;
    if (!pageShown) {
      pageShown = true;
    } else if (place > window.scrollY + 1) {
      holdPlace(place);
    } else {
      focusNewPage(place !== null);
    }
  }

  function focusNewPage(returned) {
    var target = fragmentTarget() || (returned && placeInView()) || document.querySelector(".md-content h1");
    if (!target) { return; }
    if (target.tabIndex < 0) { target.tabIndex = -1; }   /* a heading takes no focus otherwise */
    target.focus({ preventScroll: true });
  }

  /* Scroll to `place` each time the page grows, until it is there, the learner scrolls or
     types (the page is theirs again), another page is shown, or HOLD_LIMIT ms have passed. */
  function holdPlace(place) {
    var grows = new ResizeObserver(function () {
      window.scrollTo(0, place);
      if (Math.abs(window.scrollY - place) < 1) { stop(true); }
    });
    var timer = window.setTimeout(function () { stop(true); }, HOLD_LIMIT);
    function moved() { stop(true); }
    function stop(focus) {
      holding = null;
      grows.disconnect();
      window.clearTimeout(timer);
      LEARNER_MOVES.forEach(function (type) { window.removeEventListener(type, moved, true); });
      if (focus) { focusNewPage(true); }
    }
    LEARNER_MOVES.forEach(function (type) { window.addEventListener(type, moved, { capture: true, passive: true }); });
    holding = { stop: stop };
    grows.observe(document.body);
  }

  /* The first heading or question the view shows. */
  function placeInView() {
    var top = document.querySelector(".md-header").getBoundingClientRect().bottom;
    return all(document, ".md-content :is(h1, h2, h3, .mot-question)").find(function (el) { return el.getBoundingClientRect().bottom > top; });
  }

  function fragmentTarget() {
    try { return document.getElementById(decodeURIComponent(location.hash.slice(1))); } catch { return null; }
  }

  window.mot.onEveryPage(startShownPage);
})();
