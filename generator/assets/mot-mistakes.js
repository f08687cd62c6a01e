/*
 * MOT course runtime, 错题本: every question the learner got wrong in a module quiz or the
 * exam and has not answered right since, grouped by module and stage (the page holds every
 * question of the course, hidden). Each can be tried again in place; one answered right
 * leaves the 错题本 (it stays on the page until the next visit, with its verdict).
 * Needs mot-core.js, mot-engine.js and mot-dialogue.js.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
  var engine = mot.engine;
  var TEXT = {
    count: function (count) {
      return count ? "错题本里有 " + count + " 道题。答对一道，它就离开错题本。" :
        "错题本是空的。测验和考试里答错的题会自动收进来，答对了就会离开。";
    },
    again: "再做一次"
  };

  function moduleOf(form) { return form.closest(".mot-mistakes-module").getAttribute("data-module"); }

  /* Show the questions in the 错题本, and those answered on this page; number them. */
  function show(page) {
    var mistakes = mot.progress.mistakes();
    var number = 0;
    all(page, ".mot-question").forEach(function (form) {
      form.hidden = !mistakes[form.getAttribute("data-question-id")] && !form.hasAttribute("data-result");
      if (!form.hidden) { form.querySelector(".mot-question-number").textContent = "第 " + (number += 1) + " 题"; }
    });
    all(page, ".mot-mistakes-stage, .mot-mistakes-module").forEach(function (group) {
      group.hidden = !group.querySelector(".mot-question:not([hidden])");
    });
    page.querySelector(".mot-mistakes-count").textContent = TEXT.count(Object.keys(mistakes).length);
  }

  /* Try a question again, in a new order. */
  function again(form) {
    var button = form.querySelector(".mot-again");
    if (button) { button.remove(); }
    engine.reset(form);
    engine.arrange(form, mot.newSeed());
    engine.firstControl(form).focus();
  }

  function submit(page, form) {
    if (!engine.complete(form)) { return; }
    engine.grade(form).then(function (result) {
      engine.reveal(form, { focus: true });
      var id = form.getAttribute("data-question-id");
      mot.progress.noteResults([{ id: id, module: moduleOf(form), result: result }]);
      if (result === "incorrect" && form.getAttribute("data-question-type") !== "scenario") {
        var button = mot.element("button", TEXT.again, "md-button mot-again");
        button.type = "button";
        button.addEventListener("click", function () { again(form); });
        form.querySelector(".mot-actions").appendChild(button);
      }
      show(page);
    });
  }

  function setUp(page) {
    if (page.hasAttribute("data-ready")) { return; }
    var hooks = {
      submit: function (form) { submit(page, form); },
      turn: engine.revealTurn,
      changed: function () {},
      restart: again
    };
    all(page, ".mot-question").forEach(function (form) {
      engine.bind(form, hooks);
      engine.arrange(form, mot.newSeed());
    });
    show(page);
    page.setAttribute("data-ready", "");
  }

  mot.register("mistakes", ".mot-mistakes", setUp, show);
})();
