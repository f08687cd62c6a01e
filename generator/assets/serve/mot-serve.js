/*
 * MOT course live preview: shows the trainer what is wrong with the last save, in the page.
 * Plain JavaScript, no build step.
 *
 * Only `python -m generator serve` loads this file, never a build. After every save the
 * preview writes problems.json beside it: the `file:line:col: problem; fix [code]` lines
 * of the save's problems, empty when the course is fine, and of its warnings (giveaways,
 * standards a module misses), which do not stop the preview but do stop `make test`, and
 * so publishing. The save rebuilds the preview, which reloads the page; this script then
 * reads the lists. Problems show at the top of the page over the last good version, until
 * the next good save empties the list and the reload takes the panel away. "暂时隐藏" hides
 * the panel on every page of the tab until the list changes (this tab's sessionStorage
 * holds the list hidden). Warnings show folded, in a line that opens to list them.
 */
(function () {
  "use strict";

  var PROBLEMS = new URL("problems.json", document.currentScript.src).href;
  var HIDDEN = "mot-serve-hidden";
  var TEXT = {
    title: "保存的文件有问题，页面显示的仍是上一次正确的版本",
    hint: "改好后保存，页面会自动刷新，这条提示随之消失。",
    hide: "暂时隐藏",
    warnings: function (count) { return "页面已更新。另有\u00a0" + count + "\u00a0条提醒，发布前要处理好（点开查看）"; }
  };

  function listed(lines) {
    var list = document.createElement("ol");
    lines.forEach(function (line) {
      var item = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = line;
      item.appendChild(code);
      list.appendChild(item);
    });
    return list;
  }

  function panel(problems) {
    var box = document.createElement("section");
    box.className = "mot-serve-problems";
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", "mot-serve-problems-title");
    var title = document.createElement("h2");
    title.id = "mot-serve-problems-title";
    title.textContent = TEXT.title + "（" + problems.length + "）";
    var list = listed(problems);
    var hint = document.createElement("p");
    hint.textContent = TEXT.hint;
    var hide = document.createElement("button");
    hide.type = "button";
    hide.textContent = TEXT.hide;
    hide.addEventListener("click", function () {
      box.remove();
      remember(JSON.stringify(problems));
    });
    /* The button first: below a long list it was out of sight, within the panel's scroll. */
    [title, hide, list, hint].forEach(function (part) { box.appendChild(part); });
    return box;
  }

  function reminders(warnings) {
    var box = document.createElement("details");
    box.className = "mot-serve-problems mot-serve-warnings";
    var summary = document.createElement("summary");
    summary.textContent = TEXT.warnings(warnings.length);
    box.appendChild(summary);
    box.appendChild(listed(warnings));
    return box;
  }

  /* The problems the trainer hid, as JSON; storage the browser refuses hides nothing. */
  function hidden() {
    try { return window.sessionStorage.getItem(HIDDEN); } catch { return null; }
  }

  function remember(problems) {
    try {
      if (problems === null) { window.sessionStorage.removeItem(HIDDEN); } else { window.sessionStorage.setItem(HIDDEN, problems); }
    } catch { /* this page's panel is gone all the same */ }
  }

  function show() {
    fetch(PROBLEMS, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : { problems: [], warnings: [] }; })
      .then(function (found) {
        document.querySelectorAll(".mot-serve-problems").forEach(function (old) { old.remove(); });
        var hide = found.problems.length && hidden() === JSON.stringify(found.problems);
        if (!found.problems.length) { remember(null); }
        var box = found.problems.length ? (hide ? null : panel(found.problems)) : found.warnings.length ? reminders(found.warnings) : null;
        if (box) { document.body.insertBefore(box, document.body.firstChild); }
      })
      .catch(function () { /* the preview is rebuilding; the reload that follows tries again */ });
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(show);
  } else {
    show();
  }
})();
