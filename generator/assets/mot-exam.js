/*
 * MOT course final exam: draws questions from every module's pool (rendered, hidden, in
 * the page), shuffles them and, where the trainer allows, their options, for each attempt.
 * Answers are checked like quiz answers (window.motQuiz) but shown only when the last one
 * is in; then score, pass or fail, per-stage scores and a review link for every miss.
 * Needs mot-progress.js and mot-quiz.js, loaded before it. Plain JavaScript.
 */
(function () {
  "use strict";

  var STAGE_NAMES = {
    meaning: "意义 Meaning", principles: "原则 Principles", explore: "探索 Explore",
    offer: "提议 Offer", do: "执行 Do", confirm: "确认 Confirm"
  };

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

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

  function element(tag, text) {
    var made = document.createElement(tag);
    if (text) { made.textContent = text; }
    return made;
  }

  function stageLines(forms) {
    var list = element("ul");
    var stages = {};
    forms.forEach(function (form) {
      var stage = form.getAttribute("data-stage");
      stages[stage] = stages[stage] || { right: 0, total: 0 };
      stages[stage].total += 1;
      stages[stage].right += form.getAttribute("data-result") === "correct" ? 1 : 0;
    });
    Object.keys(STAGE_NAMES).forEach(function (stage) {
      if (!stages[stage]) { return; }
      var line = element("li", STAGE_NAMES[stage] + "：" + stages[stage].right + "/" + stages[stage].total);
      line.setAttribute("data-stage", stage);
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
    var score = window.motProgress.percent(right, forms.length);
    var passed = score >= passMark;
    window.motProgress.recordExam(right, forms.length, passMark);
    /* The same event a module quiz sends when it is complete (an LMS bridge reports it). */
    document.dispatchEvent(new CustomEvent("mot:quiz-progress", {
      detail: { quizId: "exam", answered: forms.length, correct: right, total: forms.length,
                complete: true, passed: passed }
    }));
    forms.forEach(function (form) { window.motQuiz.reveal(form, "", false); });
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
    result.appendChild(stageLines(forms));
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
    var control = window.motQuiz.firstControl(next);
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
      window.motQuiz.resetQuestion(form);
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
    var ctx = { exam: true, answered: function () { answered(exam); } };
    all(exam, ".mot-exam-module").forEach(function (pool) {
      all(pool, ".mot-question").forEach(function (form) {
        form.setAttribute("data-module", pool.getAttribute("data-module"));
        window.motQuiz.bindQuestion(form, ctx);
      });
    });
    exam.querySelector(".mot-exam-start").addEventListener("click", function () { start(exam); });
  }

  function setUpPage() {
    document.querySelectorAll(".mot-exam").forEach(setUpExam);
  }

  window.motProgress.onEveryPage(setUpPage);
})();
