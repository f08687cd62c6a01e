/*
 * MOT course runtime, what the quiz, the exam and the 错题本 show of a result: a results
 * panel filled in, and a question, its feedback or a panel brought into view below
 * Material's sticky header (the page's scroll-padding) with the focus on it; and the focus
 * that a part drawn again for another tab's save took from the learner. Joined into
 * mot-core.js in the site (generator/runtime.py).
 */
(function () {
  "use strict";

  var element = window.mot.element;
  var CHANGED_ELSEWHERE = "另一个窗口改了这道题的答案。";

  /* Fill a results panel ([data-results-for]): the verdict (✓ or ✗ and `text`), the details,
     and bring it into view when `scroll`. Details that say what they said are left as they
     are: a panel filled again for another tab's save took the focus from a review link. */
  function showResults(panel, passed, text, details, scroll) {
    var verdict = panel.querySelector("[data-passed]");
    verdict.setAttribute("data-passed", String(passed));
    panel.classList.toggle("mot-passed", passed);   /* its frame: no :has() before Safari 15.4, Chrome 105 */
    verdict.textContent = "";
    var icon = element("span", passed ? "✓" : "✗", "mot-icon");
    icon.setAttribute("aria-hidden", "true");
    verdict.appendChild(icon);
    verdict.appendChild(document.createTextNode(text));
    var holder = panel.querySelector(".mot-results-details");
    if (holder.innerHTML !== details.map(function (node) { return node.outerHTML; }).join("")) {
      holder.textContent = "";
      details.forEach(function (node) { holder.appendChild(node); });
    }
    /* 打开错题本 led to a page that said 错题本是空的 */
    var mistakes = panel.querySelector(".mot-mistakes-link");
    if (mistakes) { mistakes.hidden = !Object.keys(window.mot.progress.mistakes()).length; }
    panel.hidden = false;
    if (scroll) { bringIntoView(panel); }
  }

  /* Said in a results panel of a result just reached that could not be saved. */
  function unsavedNote(what) {
    return element("p", what + "的成绩没有保存在这台设备上（浏览器不能保存学习进度，或存储空间已满）：" +
      "关闭、刷新或离开这一页后，成绩可能就没有了。", "mot-unsaved");
  }

  /* Scrolled to below the header, and focused: a screen reader says it. */
  function bringIntoView(panel) {
    panel.scrollIntoView({ block: "start" });
    panel.focus({ preventScroll: true });
  }

  /* Focused, and scrolled only as far as it takes to show it from `above` on (a question's
     status line, which says the verdict over its feedback), from there when it is taller
     than the window below the header: the browser centred such a box (a phone, a page
     zoomed to 400%), and the learner landed mid-explanation, its verdict above the screen. */
  function focusInView(box, above) {
    var start = above || box, top = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
    var from = start.getBoundingClientRect().top, bottom = box.getBoundingClientRect().bottom;
    box.focus({ preventScroll: true });
    if (from < top || bottom - from > window.innerHeight - top) { start.scrollIntoView({ block: "start" }); }
    else if (bottom > window.innerHeight) { box.scrollIntoView({ block: "nearest" }); }
  }

  /* A question's status line focused where there is no verdict to read (an exam dialogue
     played to its end): a status is named by its author only, and a screen reader found one
     of no name. Named by its text until setStatus changes it (mot-engine.js). */
  function focusStatus(status) {
    status.setAttribute("aria-label", status.textContent);
    status.tabIndex = -1;
    status.focus();
  }

  /* Another tab's save draws a part again (mot.register's refresh): a control it moves,
     hides or disables loses the focus `focused` had in it to the page, and a screen reader
     says nothing. Whether it fell so (not when the learner has moved it on since). */
  function focusFell(focused) {
    var now = document.activeElement;
    return Boolean(focused) && (now === document.body || now === focused && !focused.getClientRects().length);
  }

  /* The focus back on `focused` if it fell and the control is still shown and enabled;
     whether the focus is where it should be now (no fall, or back). */
  function refocus(focused) {
    if (focusFell(focused)) { focused.focus({ preventScroll: true }); }
    return !focusFell(focused);
  }

  /* A question's status line, for focus that fell from the question as another tab's
     change drew it again: it says so before what it said (a verdict, the text after its
     mark), and is read out as it takes the focus. */
  function sayChangedElsewhere(form) {
    var status = form.querySelector(".mot-status"), said = status.lastChild;
    var text = CHANGED_ELSEWHERE + (said && said.nodeType === 3 ? said.textContent : "");
    focusStatus(window.mot.engine.kit.setStatus(form, text, form.getAttribute("data-result"), true));
  }

  Object.assign(window.mot, {
    showResults: showResults, unsavedNote: unsavedNote, bringIntoView: bringIntoView, focusInView: focusInView,
    focusStatus: focusStatus, focusFell: focusFell, refocus: refocus, sayChangedElsewhere: sayChangedElsewhere,
    textChangedElsewhere: CHANGED_ELSEWHERE
  });
})();
