/*
 * MOT course progress: what the learner has done, kept in localStorage. Plain JavaScript.
 *
 * One record per site, under a key namespaced by the site's path, with a schema version.
 * Question results are keyed by the stable question id. When storage throws (blocked,
 * private mode, quota) or holds corrupt or old data, progress lives in memory for this
 * visit and the learner is told once that it will not be kept.
 * Also draws the home page dashboard, the module status lines and the certificate.
 */
(function () {
  "use strict";

  var VERSION = 1;
  var SITE = new URL("..", document.currentScript.src).pathname;
  var KEY = "mot-course:" + SITE + ":progress";
  var STATUS = { "not-started": "未开始", "in-progress": "进行中", "passed": "已通过" };
  var WARNING = "这台设备的浏览器不能保存学习进度（可能禁用了本地存储或处于隐私模式）。" +
    "你仍然可以学习和答题，但关闭或刷新页面后，进度不会保留。";

  var persistent = true;
  var warned = false;
  var state = load();

  function empty() {
    return { version: VERSION, questions: {}, quizzes: {}, exam: null, name: "" };
  }

  function isValid(data) {
    return data !== null && typeof data === "object" && data.version === VERSION &&
      typeof data.questions === "object" && typeof data.quizzes === "object";
  }

  function load() {
    try {
      var raw = window.localStorage.getItem(KEY);
      if (raw === null) { return empty(); }
      var data = JSON.parse(raw);
      if (isValid(data)) { return data; }
    } catch (error) { /* blocked storage or corrupt JSON: fall through */ }
    persistent = false;  /* never overwrite data this version cannot read */
    return empty();
  }

  function save() {
    if (!persistent) { return; }
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch (error) {
      persistent = false;
      warnOnce();
    }
  }

  function warnOnce() {
    var content = document.querySelector(".md-content__inner") || document.body;
    if (persistent || warned || !content) { return; }
    warned = true;
    var note = document.createElement("div");
    note.className = "admonition warning mot-storage-warning";
    note.setAttribute("role", "status");
    note.innerHTML = '<p class="admonition-title">进度不会保存</p><p></p>';
    note.lastChild.textContent = WARNING;
    content.insertBefore(note, content.firstChild);
  }

  function percent(right, total) { return total ? Math.round((100 * right) / total) : 0; }

  function recordAnswer(quizId, questionId, result) {
    state.questions[questionId] = { quiz: quizId, result: result };
    save();
  }

  function forget(questionIds) {
    questionIds.forEach(function (id) { delete state.questions[id]; });
    save();
  }

  function recordQuiz(quizId, right, total, passMark) {
    var entry = state.quizzes[quizId] || { best: 0, total: total, passed: false };
    entry.best = Math.max(entry.best, right);
    entry.total = total;
    entry.passed = entry.passed || percent(right, total) >= passMark;
    state.quizzes[quizId] = entry;
    save();
  }

  function recordExam(right, total, passMark) {
    var score = percent(right, total);
    var exam = state.exam || { best: 0, passed: false, passedScore: 0, passedOn: "" };
    exam.best = Math.max(exam.best, score);
    if (score >= passMark && score >= exam.passedScore) {
      exam.passed = true;
      exam.passedScore = score;
      exam.passedOn = new Date().toISOString().slice(0, 10);
    }
    state.exam = exam;
    save();
  }

  function quizStatus(quizId) {
    var entry = state.quizzes[quizId];
    var started = Object.keys(state.questions).some(function (id) {
      return state.questions[id].quiz === quizId;
    });
    var status = entry && entry.passed ? "passed" : (entry || started ? "in-progress" : "not-started");
    return { status: status, entry: entry };
  }

  function bestText(entry) {
    return entry ? entry.best + "/" + entry.total + "（" + percent(entry.best, entry.total) + "%）" : "—";
  }

  function showModuleStatus(quizId) {
    var found = quizStatus(quizId);
    document.querySelectorAll('.mot-module-status[data-module="' + quizId + '"]').forEach(function (el) {
      el.setAttribute("data-status", found.status);
      el.textContent = "本章状态：" + STATUS[found.status] +
        (found.entry ? " · 最佳成绩 " + bestText(found.entry) : "");
    });
  }

  function stageScores(course) {
    return course.stages.map(function (stage) {
      var total = 0, right = 0, answered = 0;
      course.modules.forEach(function (module) {
        Object.keys(module.questions).forEach(function (id) {
          if (module.questions[id] !== stage.id) { return; }
          total += 1;
          var saved = state.questions[id];
          if (saved) { answered += 1; right += saved.result === "correct" ? 1 : 0; }
        });
      });
      return { stage: stage, total: total, right: right, answered: answered };
    });
  }

  function showDashboard(board) {
    var course = JSON.parse(board.getAttribute("data-course"));
    var passed = 0;
    course.modules.forEach(function (module) {
      var found = quizStatus(module.id);
      var row = board.querySelector('tr[data-module="' + module.id + '"]');
      passed += found.status === "passed" ? 1 : 0;
      row.querySelector("[data-status]").textContent = STATUS[found.status];
      row.querySelector("[data-best]").textContent = bestText(found.entry);
    });
    board.querySelector("[data-passed]").textContent = String(passed);
    board.querySelector("[data-overall]").textContent = percent(passed, course.modules.length) + "%";
    var weakest = null;
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
    var exam = board.querySelector("[data-exam]");
    if (exam && state.exam) {
      exam.textContent = "最佳成绩 " + state.exam.best + "%" + (state.exam.passed ? "，已通过" : "，未通过");
    }
  }

  function showWeakest(line, weakest) {
    line.hidden = !weakest;
    if (!weakest) { return; }
    line.textContent = "最需要加强的阶段：" + weakest.stage.name + "。建议复习：";
    var link = document.createElement("a");
    link.href = weakest.stage.review.url;
    link.textContent = weakest.stage.review.title;
    line.appendChild(link);
  }

  function eligibility(course) {
    var items = course.modules.map(function (module) {
      return { label: module.title, done: quizStatus(module.id).status === "passed" };
    });
    items.push({ label: course.exam.title, done: Boolean(state.exam && state.exam.passed) });
    return items;
  }

  function showCertificate(page) {
    var course = JSON.parse(page.getAttribute("data-course"));
    var items = eligibility(course);
    var list = page.querySelector(".mot-cert-checklist");
    list.textContent = "";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.setAttribute("data-done", String(item.done));
      li.textContent = (item.done ? "✓ 已通过：" : "✗ 未通过：") + item.label;
      list.appendChild(li);
    });
    var ready = items.every(function (item) { return item.done; });
    var form = page.querySelector(".mot-cert-form");
    form.hidden = !ready;
    if (!ready || form.hasAttribute("data-ready")) { return; }
    form.setAttribute("data-ready", "");
    var input = form.querySelector("input");
    input.value = state.name || "";
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var name = input.value.trim();
      if (!name) {
        form.querySelector(".mot-status").textContent = "请先输入姓名。";
        input.focus();
        return;
      }
      state.name = name;
      save();
      form.querySelector(".mot-status").textContent = "证书已生成，可以打印了。";
      fillCertificate(page, course, name);
    });
    page.querySelector(".mot-cert-print").addEventListener("click", function () { window.print(); });
  }

  function fillCertificate(page, course, name) {
    var certificate = page.querySelector(".mot-certificate");
    var day = state.exam.passedOn.split("-");
    certificate.querySelector(".mot-cert-course").textContent = course.title;
    certificate.querySelector(".mot-cert-name").textContent = name;
    certificate.querySelector(".mot-cert-score").textContent = state.exam.passedScore + "%";
    certificate.querySelector(".mot-cert-date").textContent =
      "日期：" + Number(day[0]) + " 年 " + Number(day[1]) + " 月 " + Number(day[2]) + " 日";
    certificate.hidden = false;
    page.querySelector(".mot-cert-actions").hidden = false;
  }

  function setUpPage() {
    /* Material's loading bar has no accessible name; give it one. */
    document.querySelectorAll('.md-progress[role="progressbar"]').forEach(function (bar) {
      bar.setAttribute("aria-label", "页面加载进度");
    });
    warnOnce();
    document.querySelectorAll(".mot-module-status").forEach(function (el) {
      showModuleStatus(el.getAttribute("data-module"));
    });
    document.querySelectorAll(".mot-dashboard").forEach(showDashboard);
    document.querySelectorAll(".mot-certificate-page").forEach(showCertificate);
  }

  /* Run setUp on every page: Material's document$ fires again after instant navigation. */
  function onEveryPage(setUp) {
    if (typeof window.document$ !== "undefined") {
      window.document$.subscribe(setUp);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setUp);
    } else {
      setUp();
    }
  }

  window.motProgress = {
    key: KEY,
    onEveryPage: onEveryPage,
    percent: percent,
    result: function (questionId) {
      return state.questions[questionId] ? state.questions[questionId].result : null;
    },
    recordAnswer: function (quizId, questionId, result) {
      recordAnswer(quizId, questionId, result);
      warnOnce();
    },
    forget: forget,
    recordQuiz: function (quizId, right, total, passMark) {
      recordQuiz(quizId, right, total, passMark);
      showModuleStatus(quizId);
    },
    recordExam: recordExam,
    examPassed: function () { return Boolean(state.exam && state.exam.passed); }
  };

  onEveryPage(setUpPage);
})();
