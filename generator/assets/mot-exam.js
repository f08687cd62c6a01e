/*
 * MOT course runtime, final exam: draws questions from every module's pool (rendered,
 * hidden, in the page), shuffles them and, where the trainer allows, their options, for each
 * attempt. Answers are graded by the question engine but shown only when the last one is
 * in; then score, pass or fail, per-stage scores and a review link for every miss. Stage
 * names and the pass mark come from the page. Needs mot-core.js and mot-engine.js.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
  var element = mot.element;

  function shuffled(items) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1));
      var swap = copy[i]; copy[i] = copy[j]; copy[j] = swap;
    }
    return copy;
  }

  function draw(exam) {
    var drawn = [];
    all(exam, ".mot-exam-module").forEach(function (pool) {
      var count = Number(pool.getAttribute("data-draw"));
      drawn = drawn.concat(shuffled(all(pool, ".mot-question")).slice(0, count));
    });
    return shuffled(drawn);
  }

  function shuffleOptions(form) {
    var options = form.querySelector(".mot-options");
    shuffled(all(options, ":scope > .mot-option")).forEach(function (option) {
      options.appendChild(option);
    });
  }

  function stageLines(exam, forms) {
    var list = element("ul");
    var stages = {};
    forms.forEach(function (form) {
      var stage = form.getAttribute("data-stage");
      stages[stage] = stages[stage] || { right: 0, total: 0 };
      stages[stage].total += 1;
      stages[stage].right += form.getAttribute("data-result") === "correct" ? 1 : 0;
    });
    mot.courseData(exam).areas.forEach(function (area) {
      if (!stages[area.id]) { return; }
      var line = element("li", area.name + "：" + stages[area.id].right + "/" + stages[area.id].total);
      line.setAttribute("data-stage", area.id);
      list.appendChild(line);
    });
    return list;
  }

  function missLines(forms) {
    var list = element("ol");
    list.className = "mot-exam-misses";
    forms.forEach(function (form, index) {
      if (form.getAttribute("data-result") === "correct") { return; }
      var line = element("li", "第 " + (index + 1) + " 题 " + form.querySelector("legend").lastChild.textContent + " ");
      line.value = index + 1;
      line.appendChild(form.querySelector(".mot-review a").cloneNode(true));
      list.appendChild(line);
    });
    return list;
  }

  function showResult(exam, forms) {
    var right = forms.filter(function (form) { return form.getAttribute("data-result") === "correct"; }).length;
    var passMark = Number(exam.getAttribute("data-pass-mark"));
    var score = mot.progress.percent(right, forms.length);
    var passed = score >= passMark;
    mot.progress.recordExam(right, forms.length, passMark);
    /* The same events a module quiz sends (an LMS bridge reports them). */
    forms.forEach(function (form) { mot.engine.announce("exam", form); });
    mot.announce("exam", right, forms.length, forms.length, passMark);
    forms.forEach(function (form) { mot.engine.reveal(form, false); });
    var result = exam.querySelector(".mot-exam-result");
    result.textContent = "";
    result.setAttribute("data-passed", String(passed));
    var verdict = element("p");
    verdict.className = "mot-exam-verdict";
    verdict.innerHTML = '<span class="mot-icon" aria-hidden="true"></span>';
    verdict.firstChild.textContent = passed ? "✓" : "✗";
    verdict.appendChild(document.createTextNode("得分 " + right + "/" + forms.length + "（" + score + "%），" +
      (passed ? "及格，恭喜通过结业考试！" : "未及格（及格线 " + passMark + "%）。")));
    result.appendChild(verdict);
    result.appendChild(element("p", "各阶段得分："));
    result.appendChild(stageLines(exam, forms));
    if (right < forms.length) {
      result.appendChild(element("p", "答错的题和复习链接："));
      result.appendChild(missLines(forms));
    }
    var again = element("button", "再考一次（重新抽题）");
    again.type = "button";
    again.className = "md-button mot-exam-again";
    again.addEventListener("click", function () { start(exam); });
    result.appendChild(again);
    result.hidden = false;
    result.focus();
  }

  function answered(exam) {
    var forms = all(exam.querySelector(".mot-exam-paper"), ".mot-question");
    var done = forms.filter(function (form) { return form.hasAttribute("data-result"); });
    exam.querySelector(".mot-score").textContent = "已作答 " + done.length + "/" + forms.length + " 题";
    if (done.length === forms.length) {
      showResult(exam, forms);
      return;
    }
    var next = forms.filter(function (form) { return !form.hasAttribute("data-result"); })[0];
    var control = mot.engine.firstControl(next);
    if (control) { control.focus(); }
  }

  function start(exam) {
    var paper = exam.querySelector(".mot-exam-paper");
    all(paper, ".mot-question").forEach(function (form) {
      exam.querySelector('.mot-exam-module[data-module="' + form.getAttribute("data-module") + '"]')
        .appendChild(form);
    });
    var shuffleAllowed = exam.getAttribute("data-shuffle-options") === "true";
    draw(exam).forEach(function (form, index) {
      mot.engine.reset(form);
      form.querySelector(".mot-question-number").textContent = "第 " + (index + 1) + " 题";
      if (shuffleAllowed && form.hasAttribute("data-shuffle")) { shuffleOptions(form); }
      paper.appendChild(form);
    });
    exam.querySelector(".mot-exam-result").hidden = true;
    exam.querySelector(".mot-exam-start").hidden = true;
    answered(exam);
  }

  function setUpExam(exam) {
    if (exam.hasAttribute("data-ready")) { return; }
    exam.setAttribute("data-ready", "");
    var hooks = {
      graded: function (form) {
        mot.engine.markRecorded(form);
        answered(exam);
      },
      turn: function () {}
    };
    all(exam, ".mot-exam-module").forEach(function (pool) {
      all(pool, ".mot-question").forEach(function (form) {
        form.setAttribute("data-module", pool.getAttribute("data-module"));
        mot.engine.bind(form, hooks);
      });
    });
    exam.querySelector(".mot-exam-start").addEventListener("click", function () { start(exam); });
  }

  mot.register("exam", ".mot-exam", setUpExam);
})();
