/*
 * MOT course runtime, module quiz: the quiz at the end of a module page. Plain JavaScript.
 *
 * Every answer is graded and explained at once, kept in the learner's progress by question
 * id, and counted in the score; "重新作答" and "只重做答错的题" start again. The pass mark
 * comes from the quiz element (data-pass-mark). Also keeps the module's status lines
 * (未开始 / 进行中 / 已通过) up to date. Needs mot-core.js and mot-engine.js.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
  var STATUS = { "not-started": "未开始", "in-progress": "进行中", "passed": "已通过" };
  var TEXT = {
    progress: function (done, total, right) {
      return "已完成 " + done + "/" + total + " 题，答对 " + right + " 题";
    },
    score: function (right, total) {
      return "得分 " + right + "/" + total + "。点“重新作答”可以再试一次。";
    }
  };

  function bestText(entry) {
    return entry ? entry.best + "/" + entry.total + "（" + mot.progress.percent(entry.best, entry.total) + "%）" : "—";
  }

  function showModuleStatus(quizId) {
    var found = mot.progress.quizStatus(quizId);
    document.querySelectorAll('.mot-module-status[data-module="' + quizId + '"]').forEach(function (el) {
      el.setAttribute("data-status", found.status);
      el.textContent = "本章状态：" + STATUS[found.status] +
        (found.entry ? " · 最佳成绩 " + bestText(found.entry) : "");
    });
  }

  function updateScore(quiz, announce) {
    var questions = all(quiz, ".mot-question");
    var done = all(quiz, ".mot-question[data-result]").length;
    var right = all(quiz, '.mot-question[data-result="correct"]').length;
    var complete = done === questions.length;
    var score = quiz.querySelector(".mot-score");
    var quizId = quiz.getAttribute("data-quiz-id");
    var passMark = Number(quiz.getAttribute("data-pass-mark"));
    score.textContent = complete ? TEXT.score(right, questions.length) :
      TEXT.progress(done, questions.length, right);
    score.setAttribute("data-correct", String(right));
    score.setAttribute("data-answered", String(done));
    quiz.querySelector(".mot-retry-wrong").hidden = done === right;
    if (complete) { mot.progress.recordQuiz(quizId, right, questions.length, passMark); }
    showModuleStatus(quizId);
    if (announce) { mot.announce(quizId, right, done, questions.length, passMark); }
  }

  function retry(quiz, forms) {
    forms.forEach(mot.engine.reset);
    mot.progress.forget(forms.map(function (form) { return form.getAttribute("data-question-id"); }));
    updateScore(quiz, true);
    var first = forms.length && mot.engine.firstControl(forms[0]);
    if (first) { first.focus(); }
  }

  function setUpQuiz(quiz) {
    if (quiz.hasAttribute("data-ready")) { return; }
    quiz.setAttribute("data-ready", "");
    var quizId = quiz.getAttribute("data-quiz-id");
    var hooks = {
      graded: function (form, result) {
        mot.engine.reveal(form, true);
        mot.engine.announce(quizId, form);
        mot.progress.recordAnswer(quizId, form.getAttribute("data-question-id"), result);
        updateScore(quiz, true);
      },
      turn: mot.engine.revealTurn
    };
    all(quiz, ".mot-question").forEach(function (form) {
      mot.engine.bind(form, hooks);
      var saved = mot.progress.result(form.getAttribute("data-question-id"));
      if (saved) { mot.engine.restore(form, saved); }
    });
    updateScore(quiz, false);
    quiz.querySelector(".mot-retry").addEventListener("click", function () {
      retry(quiz, all(quiz, ".mot-question"));
    });
    quiz.querySelector(".mot-retry-wrong").addEventListener("click", function () {
      retry(quiz, all(quiz, '.mot-question[data-result="incorrect"]'));
    });
  }

  mot.register("quiz", ".mot-quiz", setUpQuiz);
})();
