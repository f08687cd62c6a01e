/*
 * MOT course live preview: shows the trainer what is wrong with the last save, in the page.
 * Plain JavaScript, no build step.
 *
 * Only `python -m generator serve` loads this file, never a build. After every save the
 * preview writes problems.json beside it: the list of `file:line:col: problem; fix [code]`
 * lines, empty when the course is fine. The save rebuilds the preview, which reloads the
 * page; this script then reads the list and, when it is not empty, shows it at the top of
 * the page over the last good version. The next good save empties the list and the
 * reload takes the panel away.
 */
(function () {
  "use strict";

  var PROBLEMS = new URL("problems.json", document.currentScript.src).href;
  var TEXT = {
    title: "保存的文件有问题，页面显示的仍是上一次正确的版本",
    hint: "改好后保存，页面会自动刷新，这条提示随之消失。",
    hide: "暂时隐藏"
  };

  function panel(problems) {
    var box = document.createElement("section");
    box.className = "mot-serve-problems";
    box.setAttribute("role", "alert");
    box.setAttribute("aria-labelledby", "mot-serve-problems-title");
    var title = document.createElement("h2");
    title.id = "mot-serve-problems-title";
    title.textContent = TEXT.title + "（" + problems.length + "）";
    var list = document.createElement("ol");
    problems.forEach(function (line) {
      var item = document.createElement("li");
      var code = document.createElement("code");
      code.textContent = line;
      item.appendChild(code);
      list.appendChild(item);
    });
    var hint = document.createElement("p");
    hint.textContent = TEXT.hint;
    var hide = document.createElement("button");
    hide.type = "button";
    hide.textContent = TEXT.hide;
    hide.addEventListener("click", function () { box.remove(); });
    [title, list, hint, hide].forEach(function (part) { box.appendChild(part); });
    return box;
  }

  function show() {
    fetch(PROBLEMS, { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (problems) {
        document.querySelectorAll(".mot-serve-problems").forEach(function (old) { old.remove(); });
        if (problems.length) { document.body.insertBefore(panel(problems), document.body.firstChild); }
      })
      .catch(function () { /* the preview is rebuilding; the reload that follows tries again */ });
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(show);
  } else {
    show();
  }
})();
