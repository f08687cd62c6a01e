/*
 * MOT course runtime, 错题本: every question the learner got wrong in a module quiz or the
 * exam and has not answered right since, grouped by module and stage. The page holds the
 * groups; the questions come from each module's bank (assets/banks/<module>.js, a script
 * that calls mot.bank), loaded only for the modules with mistakes, so the page stays small
 * whatever the size of the course. Each can be tried again in place; one answered right
 * leaves the 错题本 (it stays on the page until the next visit, with its verdict). A question
 * on the exam paper under way is held back, and said to be, until the paper is handed in:
 * tried here, it showed its right answer to a question still to answer. A question
 * the course no longer has leaves the 错题本 too; one whose module was renamed, or that moved
 * to another module, goes with it (the page's data-course says where each question is).
 * Needs mot-core.js and mot-questions.js (the engine and the question types).
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
  var engine;   /* mot.engine, read as the page sets up (mot-core.js) */
  var TEXT = {
    count: function (count, exam, shown) {
      if (count) { return "错题本里有\u00a0" + count + "\u00a0道题。"; }
      return shown ? "这些题你都答对了，错题本清空了。它们留在这一页供你回看，下次打开就不在了。" :
        "错题本是空的。测验" + (exam ? "和" + exam.title : "") + "里答错的题会自动收进来，答对了就会离开。";
    },
    /* the questions of the 错题本 on the exam paper under way: answered here, they showed
       their right answers while the paper was open */
    held: function (held, count, exam) {
      return (held < count ? "其中\u00a0" + held + "\u00a0道题" : count > 1 ? "这些题都" : "这道题") + "在你还没交卷的" +
        exam.title + "里，交卷后再来这里重做。";
    },
    again: "重做这道题",
    unavailable: "有些错题没能加载出来。请检查网络，然后刷新这一页。"
  };
  var banks = {};   /* module -> [[question id, HTML], …] in the module's order */

  /* Called by each bank script with its module's questions. */
  mot.bank = function (module, questions) { banks[module] = questions; };

  function groupOf(page, module) {
    return page.querySelector('.mot-mistakes-module[data-module="' + CSS.escape(module) + '"]');
  }

  /* The banks of the course's modules among `modules`; says whether one did not load. */
  function loadBanks(page, modules) {
    var failed = false;
    return Promise.all(modules.map(function (module) {
      return banks[module] ||
        mot.loadScript("banks/" + encodeURIComponent(module) + ".js").catch(function () { failed = true; });
    })).then(function () { return failed; });
  }

  function moduleOf(form) { return form.closest(".mot-mistakes-module").getAttribute("data-module"); }

  /* Show the questions in the 错题本, and those answered on this page, but for those on the
     exam paper under way, here or in another tab, until it is handed in; number them. The
     count (or, once the last shown is answered right, that the book is cleared: not that it
     is empty, above those questions), and how many wait for the hand-in, is read out only
     when the learner's `answering` changed it, not on arrival, and is not written again
     unchanged (a screen reader would read it again after a verdict). A question in focus
     that goes (on a paper begun in another tab, or answered right there) leaves the focus
     on that line, read out as it takes it: it fell to the page, and the learner was lost.
     While it keeps the focus, its name follows its text (a line with the focus had none). */
  function show(page, answering) {
    var focused = page.querySelector(".mot-question:focus-within");
    var mistakes = mot.progress.mistakes();
    var exam = mot.courseData(page).exam;
    var paper = (exam && mot.progress.underway() || { questions: [] }).questions;
    var number = 0;
    all(page, ".mot-question").forEach(function (form) {
      var id = form.getAttribute("data-question-id");
      form.hidden = paper.indexOf(id) >= 0 || !mistakes[id] && !form.hasAttribute("data-result");
      if (!form.hidden) { form.querySelector(".mot-question-number").textContent = "第\u00a0" + (number += 1) + "\u00a0题"; }
    });
    all(page, ".mot-mistakes-stage, .mot-mistakes-module").forEach(function (group) {
      group.hidden = !group.querySelector(".mot-question:not([hidden])");
    });
    var count = page.querySelector(".mot-mistakes-count");
    var ids = Object.keys(mistakes);
    var held = ids.filter(function (id) { return paper.indexOf(id) >= 0; }).length;
    var text = TEXT.count(ids.length, exam, number) + (held ? TEXT.held(held, ids.length, exam) : "");
    count.setAttribute("aria-live", answering ? "polite" : "off");
    var keeps = count === document.activeElement;   /* its name, then, is its text: a status has none */
    if (count.textContent !== text) { count.textContent = text; count.removeAttribute("aria-label"); }
    if (focused && focused.hidden || keeps && !count.hasAttribute("aria-label")) { mot.focusStatus(count); }
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
        button.id = id + "-again";   /* named with the question's number, as its other buttons */
        button.setAttribute("aria-labelledby", button.id + " " + id + "-number");
        button.addEventListener("click", function () { again(form); });
        form.querySelector(".mot-actions").appendChild(button);
      }
      show(page, true);
      mot.savedFrom(form);
    });
  }

  function hooksFor(page) {
    return {
      showsFeedback: true,   /* a dialogue's last reply: the focus goes to its feedback alone */
      submit: function (form) { submit(page, form); },
      turn: engine.revealTurn,
      changed: function () {},
      restart: again
    };
  }

  /* Put the 错题本's questions that are not on the page yet into their stage, in the
     module's order; a question the course no longer has is left out. */
  function place(page, mistakes) {
    var hooks = hooksFor(page);
    Object.keys(banks).forEach(function (module) {
      var group = groupOf(page, module);
      banks[module].forEach(function (question) {
        var id = question[0];
        if (!mistakes[id] || page.querySelector('[data-question-id="' + CSS.escape(id) + '"]')) { return; }
        var holder = document.createElement("template");
        holder.innerHTML = question[1];
        var form = holder.content.firstElementChild;
        var stage = group.querySelector('.mot-mistakes-stage[data-stage="' + form.getAttribute("data-stage") + '"]');
        (stage || group).appendChild(form);
        engine.bind(form, hooks);
        engine.arrange(form, mot.newSeed());
      });
    });
  }

  /* Load the banks the 错题本 needs, place its questions and show them; the record follows
     the course as the page arrives, not `following` another tab's save (mot.register). */
  function fill(page, following) {
    if (!following) { mot.progress.followCourse(mot.courseData(page)); }
    var mistakes = mot.progress.mistakes();
    var modules = [];
    Object.keys(mistakes).forEach(function (id) {
      if (modules.indexOf(mistakes[id].module) < 0) { modules.push(mistakes[id].module); }
    });
    return loadBanks(page, modules).then(function (failed) {
      place(page, mot.progress.mistakes());
      show(page);
      if (failed) { page.querySelector(".mot-mistakes-count").textContent += " " + TEXT.unavailable; }
    });
  }

  function setUp(page) {
    engine = mot.engine;
    if (page.hasAttribute("data-ready") || page.hasAttribute("data-filling")) { return; }
    page.setAttribute("data-filling", "");
    fill(page).then(function () { page.setAttribute("data-ready", ""); });
  }

  mot.register("mistakes", ".mot-mistakes", setUp, fill);
})();
