/*
 * MOT course runtime, the final exam's results panel. Plain JavaScript, joined before
 * mot-exam.js (which shows it once a paper is graded) on the exam page only. Needs
 * mot-core.js.
 *
 * The verdict is the attempt's result as recorded at hand-in; under it, each part's score
 * (各部分得分: the course's areas, 意义 and 原则 besides the four EODC stages) and the
 * questions answered wrong, each with its review link, as the paper grades now;
 * the next step (the certificate, or the first module still to pass) follows the modules
 * passed since, in this tab or another.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var element = mot.element;
  var TEXT = {
    verdict: function (right, total, score, passMark, passed, title) {
      return "得分\u00a0" + right + "/" + total + "（" + score + "%），" +
        (passed ? "及格（及格线\u00a0" + passMark + "%），恭喜通过" + title + "！" : "未及格（及格线\u00a0" + passMark + "%）。");
    },
    passKept: function (best, title) { return title + "已经通过，最佳成绩\u00a0" + best + "%；这次的得分不会改变它。"; },
    certificate: "领取结业证书", onward: "继续学习：",
    modulesLeft: function (left) { return "领取结业证书还要通过每个模块的测验：还有\u00a0" + left + "\u00a0个模块没有通过。"; },
    stages: "各部分得分：",   /* not 各阶段: the home page's EODC 各阶段得分 are the four stages alone */
    /* worded as the home page's stage scores; advice under the pass mark, not 未达到及格线
       (a stage of 3 questions with one wrong, on a paper passed) */
    score: function (right, total, percent) { return "答对\u00a0" + right + "/" + total + "\u00a0题（" + percent + "%）"; },
    review: "建议复习",   /* on one line: a phone broke it 建 / 议复习 */
    misses: "答错的题和复习链接：",
    onPaper: function (place) { return "第\u00a0" + place + "\u00a0题"; },
    changed: "交卷后课程更新过：得分和及格线按交卷时的记录；下面各部分的得分和错题按现在的题目和答案列出。"
  };

  function stageLines(course, forms, passMark) {
    var stages = {};
    forms.forEach(function (form) {
      var id = form.getAttribute("data-stage");
      var stage = stages[id] || (stages[id] = { right: 0, total: 0 });
      stage.total += 1;
      stage.right += form.getAttribute("data-result") === "correct" ? 1 : 0;
    });
    var list = element("ul", "", "mot-exam-stages");
    course.areas.forEach(function (area) {
      var score = stages[area.id];
      if (!score) { return; }
      var percent = mot.progress.percent(score.right, score.total);
      var line = element("li", area.name + "：" + TEXT.score(score.right, score.total, percent));
      if (percent < passMark) { line.append("，", element("span", TEXT.review, "mot-review")); }
      line.setAttribute("data-stage", area.id);
      list.appendChild(line);
    });
    return list;
  }

  /* Each question answered wrong: its number, a link to it on the paper, where its right
     answer is marked (a screen reader went through the whole paper to find it), its stem
     (not printed: the paper above it is) and its review link. Followed, the link focuses
     the question, named by its number, and Back returns to the list (mot-instant.js). */
  function missLines(forms) {
    var list = element("ul", "", "mot-exam-misses");
    forms.forEach(function (form, index) {
      if (form.getAttribute("data-result") === "correct") { return; }
      var onPaper = element("a", TEXT.onPaper(index + 1));
      onPaper.href = "#" + form.id;
      var line = element("li");
      line.append(onPaper, element("span", "：" + form.querySelector("legend").lastChild.textContent, "mot-miss-stem"),
        " ", form.querySelector(".mot-review a").cloneNode(true));
      list.appendChild(line);
    });
    return list;
  }

  /* The verdict is the attempt's result as recorded at hand-in (the dashboard and the
     certificate say the same), whatever the trainer has changed since; an attempt stored
     before results were kept with it is scored as graded now. The rest follows the paper,
     and says so when the paper no longer grades as recorded. */
  function showResults(exam, forms, attempt, fresh) {
    var right = forms.filter(function (form) { return form.getAttribute("data-result") === "correct"; }).length;
    var recorded = attempt.results ? attempt : { right: right, total: forms.length,
      passMark: Number(exam.getAttribute("data-pass-mark")) };
    var score = mot.progress.percent(recorded.right, recorded.total);
    var passed = score >= recorded.passMark;
    var course = mot.courseData(exam);   /* read once: it is parsed from the page */
    var details = [element("p", TEXT.stages), stageLines(course, forms, recorded.passMark)];
    if (right < forms.length) { details.push(element("p", TEXT.misses), missLines(forms)); }
    /* A paper failed after one passed: the pass stands (the certificate keeps it), and said
       nothing, the panel read as if it were lost. */
    var before = mot.progress.exam();
    var kept = !passed && before && before.passed;
    var left = showNextStep(exam, course, passed || kept);
    if (left) { details.unshift(element("p", TEXT.modulesLeft(left), "mot-modules-left")); }
    if (kept) { details.unshift(element("p", TEXT.passKept(before.passedScore, course.exam.title), "mot-pass-kept")); }
    var rules = recorded.passMark !== Number(exam.getAttribute("data-pass-mark"));   /* the pass mark changed since */
    if (rules || right !== recorded.right || forms.length !== recorded.total) { details.unshift(element("p", TEXT.changed)); }
    if (fresh && !mot.progress.saved()) { details.unshift(mot.unsavedNote("这次交卷")); }
    var verdict = TEXT.verdict(recorded.right, recorded.total, score, recorded.passMark, passed, course.exam.title);
    mot.showResults(exam.querySelector(".mot-results"), passed, verdict, details, fresh);
  }

  /* Passed, the next step is the certificate once every module quiz is passed too, as the
     home page and the certificate page have it; until then, the first module not passed.
     Returns how many modules are left to pass. */
  function showNextStep(exam, course, passed) {
    var left = passed ? mot.progress.modulesToPass(course) : [];
    var next = exam.querySelector(".mot-results .mot-next");
    next.hidden = !passed;
    next.setAttribute("href", left.length ? left[0].url : course.exam.certificateUrl);
    next.textContent = left.length ? TEXT.onward + left[0].title : TEXT.certificate;
    return left.length;
  }

  /* Another tab passed a module: a paper handed in changes no more, but its next step and
     its line of modules left follow (the rest stays, and so does the focus in it). */
  function followModules(exam) {
    var left = showNextStep(exam, mot.courseData(exam), !exam.querySelector(".mot-results .mot-next").hidden);
    var line = exam.querySelector(".mot-modules-left");
    if (line) { line.textContent = TEXT.modulesLeft(left); line.hidden = !left; }
  }

  mot.examResults = { show: showResults, followModules: followModules };
})();
