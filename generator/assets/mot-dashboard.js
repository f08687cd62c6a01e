/*
 * MOT course runtime, progress dashboard on the home page: each module's status and best
 * score, overall completion, a score per EODC stage and the module to review for the
 * weakest one. Module names, links and stages come from the page (data-course).
 * Needs mot-core.js. Plain JavaScript.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var STATUS = { "not-started": "未开始", "in-progress": "进行中", "passed": "已通过" };

  function bestText(entry) {
    return entry ? entry.best + "/" + entry.total + "（" + mot.progress.percent(entry.best, entry.total) + "%）" : "—";
  }

  function stageScores(course) {
    return course.stages.map(function (stage) {
      var total = 0, right = 0, answered = 0;
      course.modules.forEach(function (module) {
        Object.keys(module.questions).forEach(function (id) {
          if (module.questions[id] !== stage.id) { return; }
          total += 1;
          var result = mot.progress.result(id);
          if (result) { answered += 1; right += result === "correct" ? 1 : 0; }
        });
      });
      return { stage: stage, total: total, right: right, answered: answered };
    });
  }

  function showModules(board, course) {
    var passed = 0;
    course.modules.forEach(function (module) {
      var found = mot.progress.quizStatus(module.id);
      var row = board.querySelector('tr[data-module="' + module.id + '"]');
      passed += found.status === "passed" ? 1 : 0;
      row.querySelector("[data-status]").textContent = STATUS[found.status];
      row.querySelector("[data-best]").textContent = bestText(found.entry);
    });
    board.querySelector("[data-passed]").textContent = String(passed);
    board.querySelector("[data-overall]").textContent = mot.progress.percent(passed, course.modules.length) + "%";
  }

  function showStages(board, course) {
    var weakest = null;
    var percent = mot.progress.percent;
    stageScores(course).forEach(function (score) {
      var text = score.answered ? score.right + "/" + score.total + " 题答对（" +
        percent(score.right, score.total) + "%）" : "还没有成绩";
      board.querySelector('[data-stage="' + score.stage.id + '"] [data-score]').textContent = text;
      if (score.answered && score.stage.review &&
          (!weakest || percent(score.right, score.total) < percent(weakest.right, weakest.total))) {
        weakest = score;
      }
    });
    showWeakest(board.querySelector("[data-weakest]"), weakest);
  }

  function showWeakest(line, weakest) {
    line.hidden = !weakest;
    if (!weakest) { return; }
    line.textContent = "最需要加强的阶段：" + weakest.stage.name + "。建议复习：";
    var link = mot.element("a", weakest.stage.review.title);
    link.href = weakest.stage.review.url;
    line.appendChild(link);
  }

  function showDashboard(board) {
    var course = mot.courseData(board);
    showModules(board, course);
    showStages(board, course);
    var exam = board.querySelector("[data-exam]");
    var record = mot.progress.exam();
    if (exam && record) {
      exam.textContent = "最佳成绩 " + record.best + "%" + (record.passed ? "，已通过" : "，未通过");
    }
  }

  mot.register("dashboard", ".mot-dashboard", showDashboard);
})();
