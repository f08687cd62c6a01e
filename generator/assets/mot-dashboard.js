/*
 * MOT course runtime, progress dashboard on the home page: a button to the next step
 * (开始学习 / 继续学习), each module's status and best score, the share of modules passed
 * (模块完成度: the exam and the certificate are not in it), a score
 * per EODC stage over the questions answered so far (the exam's on the last paper handed
 * in), the stage to work on (the weakest of the started stages below the pass mark, if
 * any), the exam (best score, or an attempt under way) and the size of the 错题本 (what
 * it lets the learner redo now, and what waits for the paper under way). The record
 * first follows the course: answers and mistakes of a renamed module or a moved question
 * go with it, and questions the course no longer has leave. Module names, links,
 * questions, stages and the pass mark come from the page (data-course). On a computer
 * learners share, a button clears the progress this browser keeps. Needs mot-core.js.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var TEXT = {
    start: "开始学习：",
    resume: "继续学习：",
    exam: "参加",   /* and the exam's title */
    examUnderway: "继续",   /* and the exam's title: a paper answered part way */
    certificate: "领取结业证书",
    notStarted: "尚未作答",
    score: function (right, answered, percent) { return "答对\u00a0" + right + "/" + answered + "\u00a0题（" + percent + "%）"; },
    none: "这几个阶段还没有作答。做完相关模块的测验后，这里会指出最需要加强的阶段。",
    weakest: function (name, percent) { return "最需要加强的阶段：" + name + "（" + percent + "%）。建议复习："; },
    fine: function (passMark, next) { return "已作答的阶段都达到了\u00a0" + passMark + "%。" + (next ? "下一步：" : ""); },
    /* `held`: on the exam paper under way, which the 错题本 holds back until it is handed in */
    mistakes: function (count, held, exam) {
      var waiting = held ? held + "\u00a0道题在你还没交卷的" + exam.title + "里，交卷后再重做" : "";
      return count ? count + "\u00a0道题待重做" + (held ? "；另有\u00a0" + waiting : "") : waiting || "没有错题";
    },
    best: function (exam) { return "最佳成绩\u00a0" + exam.best + "%" + (exam.passed ? "，已通过" : "，未通过"); },
    underway: function (done, total) { return "进行中（已作答\u00a0" + done + "/" + total + "\u00a0题）"; },
    noExam: "未参加",
    confirmClear: "清除以后，这台设备上的学习进度不能恢复。确定要清除吗？",
    cleared: "这台设备上的学习进度已经清除。"
  };

  function bestText(entry) {
    return entry ? entry.best + "/" + entry.total + "（" + mot.progress.percent(entry.best, entry.total) + "%）" : "—";
  }

  /* Where the learner goes next: the first module not passed, then the exam, then the certificate. */
  function nextStep(course) {
    var module = mot.progress.modulesToPass(course)[0];
    if (module) { return { title: module.title, url: module.url }; }
    var exam = mot.progress.exam();
    if (!course.exam) { return null; }
    if (exam && exam.passed) { return { title: TEXT.certificate, url: course.exam.certificateUrl }; }
    return { title: (mot.progress.underway() ? TEXT.examUnderway : TEXT.exam) + course.exam.title, url: course.exam.url };
  }

  function showContinue(board, course, next) {
    var button = board.querySelector("[data-continue]");
    var started = course.modules.some(function (module) {
      return mot.progress.quizStatus(module.id).status !== "not-started";
    });
    button.hidden = !next;
    if (!next) { return; }
    button.href = next.url;
    var onModule = course.modules.some(function (module) { return module.url === next.url; });
    button.textContent = onModule ? (started ? TEXT.resume : TEXT.start) + next.title : next.title;
  }

  function showModules(board, course) {
    var passed = 0;
    course.modules.forEach(function (module) {
      var found = mot.progress.quizStatus(module.id);
      var row = board.querySelector('tr[data-module="' + module.id + '"]');
      passed += found.status === "passed" ? 1 : 0;
      row.querySelector("[data-status]").textContent = mot.progress.statusNames[found.status];
      row.querySelector("[data-best]").textContent = bestText(found.entry);
    });
    board.querySelector("[data-passed]").textContent = String(passed);
    board.querySelector("[data-overall]").textContent = mot.progress.percent(passed, course.modules.length) + "%";
  }

  /* Right and answered questions of each stage: each module quiz question as last answered,
     and each exam-only question on the last paper handed in (after an exam failed, the
     quizzes alone said every stage was at the pass mark), also while the next paper is
     answered: it keeps the last one's verdicts until it is handed in itself, or after a
     hand-in storage could not hold (mot-core.js, handIn). Each module's share of them
     too, for the module to review. */
  function stageScores(course) {
    var attempt = mot.progress.attempt();
    var onPaper = attempt && (attempt.results || attempt.lastResults) || {};
    return course.stages.map(function (stage) {
      var byModule = course.modules.map(function (module) { return tally(module, stage, onPaper); });
      var right = sumOf(byModule, "right"), answered = sumOf(byModule, "answered");
      return { stage: stage, right: right, answered: answered, percent: mot.progress.percent(right, answered),
        review: reviewOf(course, stage, byModule) };
    });
  }

  /* Right and answered questions of `stage` in one module: its quiz's as last answered, and
     its exam-only ones on the paper (`onPaper`: id -> result). */
  function tally(module, stage, onPaper) {
    var counted = { right: 0, answered: 0 };
    function count(questions, resultOf) {
      Object.keys(questions).forEach(function (id) {
        var result = questions[id] === stage.id && resultOf(id);
        if (result) { counted.answered += 1; counted.right += result === "correct" ? 1 : 0; }
      });
    }
    count(module.questions, mot.progress.result);
    count(module.examStages || {}, function (id) { return onPaper[id]; });   /* none in an earlier build's page */
    return counted;
  }

  function sumOf(tallies, key) { return tallies.reduce(function (total, counted) { return total + counted[key]; }, 0); }

  /* The module to review for a stage: of the modules teaching it, the one the learner did
     worst in on that stage; until one of them is answered, the one the build names (most
     questions on it). The build's choice alone sent a learner who failed one of two
     modules on a stage to the other, passed with full marks. */
  function reviewOf(course, stage, byModule) {
    var worst = null;
    course.modules.forEach(function (module, index) {
      var counted = byModule[index], share = counted.right / counted.answered;
      if (module.stage === stage.id && counted.answered && (!worst || share < worst.share)) {
        worst = { module: module, share: share };
      }
    });
    return worst ? worst.module : stage.review;
  }

  function showStages(board, course, next) {
    var passMark = course.passMarks.module;
    var weakest = null;
    var scores = stageScores(course);
    scores.forEach(function (score) {
      board.querySelector('[data-stage="' + score.stage.id + '"] [data-score]').textContent = score.answered ?
        TEXT.score(score.right, score.answered, score.percent) : TEXT.notStarted;
      if (score.answered && score.percent < passMark && (!weakest || score.percent < weakest.percent)) {
        weakest = score;
      }
    });
    var started = scores.some(function (score) { return score.answered; });
    var advice = board.querySelector("[data-advice]");
    advice.textContent = !started ? TEXT.none : weakest ? TEXT.weakest(weakest.stage.name, weakest.percent) :
      TEXT.fine(passMark, next);
    var target = weakest ? weakest.review : started && next;
    if (target && target.url) {
      var link = mot.element("a", target.title);
      link.href = target.url;
      advice.appendChild(link);
    }
  }

  /* The exam's best result and the attempt under way, if any, counted as the exam page
     shows it as far as the record tells: the questions the course still has, and as many
     as the exam draws (the page draws more for a question the trainer removed since,
     mot-exam.js). An answer that no longer fits its question counts until the exam page
     is opened and forgets it, as a module quiz's does until its page is. */
  function examText(course) {
    var exam = mot.progress.exam();
    var attempt = mot.progress.underway();
    var texts = exam ? [TEXT.best(exam)] : [];
    if (attempt) {
      var moduleOf = mot.progress.questionModules(course);
      var drawn = attempt.questions.filter(function (id) { return moduleOf[id]; });
      var draws = Object.keys(course.exam.draw).map(function (module) { return course.exam.draw[module]; });
      var total = Math.max(drawn.length, draws.reduce(function (sum, draw) { return sum + draw; }, 0));
      var done = drawn.filter(function (id) {
        var answer = attempt.answers[id];
        return answer && answer.length && answer.indexOf("") < 0;
      });
      texts.push(TEXT.underway(done.length, total));
    }
    return texts.join("；") || TEXT.noExam;
  }

  /* The 错题本's questions to redo now, and those it holds back as mot-mistakes.js does: on
     the exam paper under way, until it is handed in. All were counted as to redo, and the
     错题本 showed fewer. */
  function mistakesText(course) {
    var ids = Object.keys(mot.progress.mistakes());
    var paper = (course.exam && mot.progress.underway() || { questions: [] }).questions;
    var held = ids.filter(function (id) { return paper.indexOf(id) >= 0; }).length;
    return TEXT.mistakes(ids.length - held, held, course.exam);
  }

  /* The record follows the course as the page arrives, not `following` another tab's save
     (mot.register). */
  function showDashboard(board, following) {
    var course = mot.courseData(board);
    if (!following) { mot.progress.followCourse(course); mot.progress.passAtTodaysMark(course); }
    var next = nextStep(course);
    showContinue(board, course, next);
    showModules(board, course);
    showStages(board, course, next);
    var exam = board.querySelector("[data-exam]");
    if (exam) { exam.textContent = examText(course); }
    board.querySelector("[data-mistakes]").textContent = mistakesText(course);
    board.setAttribute("data-ready", "");
  }

  /* The record goes (every open tab follows: an exam paper open there is taken away), and
     so do the copies kept under its key (mot-core.js): of records this version could not
     read, and of another course's, which may hold another learner's name. */
  function clearProgress() {
    mot.progress.clear();
    try {
      var storage = window.localStorage;
      var copies = mot.progress.key + ":";
      for (var index = storage.length - 1; index >= 0; index -= 1) {
        if (storage.key(index).indexOf(copies) === 0) { storage.removeItem(storage.key(index)); }
      }
    } catch { /* storage blocked: the progress lived in this page only */ }
  }

  /* Not in a SCORM package (it names its course in a meta tag): there the launch page keeps
     each learner's progress apart, by the learner the LMS names (mot-scorm-launch.js). */
  function offerClear(board) {
    var box = board.querySelector("[data-clear]");
    if (!box || document.querySelector("meta[name=mot-course]")) { return; }
    box.hidden = false;
    box.querySelector("button").addEventListener("click", function () {
      if (!window.confirm(TEXT.confirmClear)) { return; }
      clearProgress();   /* and the dashboard shows the record cleared */
      box.querySelector("[data-cleared]").textContent = TEXT.cleared;
    });
  }

  mot.register("dashboard", ".mot-dashboard", function (board) {
    offerClear(board);
    showDashboard(board, false);
  }, showDashboard);
})();
