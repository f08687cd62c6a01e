/*
 * MOT course runtime, module quiz: the quiz at the end of a module page. Plain JavaScript.
 *
 * Every answer is graded and explained at once, with the right answer marked, and kept in
 * the learner's progress by question id with the answer itself, so a return shows it as it
 * was; a dialogue's turns are kept as each is played, and count once it ends. Options
 * are shown in an order drawn once per attempt (kept across reloads; a retry draws a new
 * one). The last answer shows its explanation like every other, then the results panel
 * below the quiz, with a link to it under that explanation: score, pass or not against
 * the pass mark (data-pass-mark), the objectives missed with review links and the next
 * step. "重新作答" (after a confirmation) and "只重做答错的题" start again. Also
 * keeps the module's status lines (未开始 / 进行中 / 未通过 / 已通过) up to date, and follows
 * answers given in another tab. Needs mot-core.js and mot-questions.js (the engine and
 * the question types, mot-dialogue.js among them).
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
  var engine;   /* mot.engine, read as a quiz sets up (mot-core.js) */
  /* \u00a0, a no-break space, keeps a number on the line of the words beside it, as the
     generator does in the page (generator/kept_numbers.py); every runtime text does the
     same (tests/test_kept_numbers.py). */
  var TEXT = {
    progress: function (done, total, right) {
      return "已作答\u00a0" + done + "/" + total + "\u00a0题，答对\u00a0" + right + "\u00a0题";
    },
    verdict: function (right, total, passMark, passed) {
      return "得分\u00a0" + right + "/" + total + "（" + mot.progress.percent(right, total) + "%）。" +
        (passed ? "达到了及格线\u00a0" + passMark + "%，本模块测验通过！" : "还没有达到及格线\u00a0" + passMark + "%。");
    },
    /* On a return no attempt is new: the score shown may be the answers kept graded again
       after the trainer changed a question, or a later attempt of the learner's own. */
    passKept: function (best, fresh) {
      return fresh ? "本模块已经通过，最佳成绩\u00a0" + best + "；这次的得分不会改变它。" :
        "这是按现在的题目判的分；已取得的通过和最佳成绩\u00a0" + best + "不变。";
    },
    missed: "答错的题涉及的学习目标：",   /* on a return too, where no attempt is new */
    toResults: "查看本模块成绩",
    outdated: "这道题更新过：上次的答案对不上现在的题目，已经清除，请重新作答。",
    confirmRetry: function (count, begun) {
      var lost = [count ? "已经答过的\u00a0" + count + "\u00a0道题" : "", begun ? "进行到一半的对话" : ""];
      return "重新作答会清除你" + lost.filter(Boolean).join("和") + "。确定要重新作答吗？";
    }
  };
  var shown = new WeakMap();   /* form -> the stored answer it shows (null: none) */
  var drawnWith = new WeakMap();   /* form -> the seed of the order it shows (another tab may draw one) */
  var bound = new WeakSet();

  /* Whether two stored answers (lists of option keys, items, blanks or turns, or null) are
     one answer: compared as values, item by item, as the learner sees them. */
  function sameAnswer(one, other) {
    if (!one || !other) { return !one && !other; }
    return one.length === other.length && one.every(function (item, index) { return item === other[index]; });
  }

  function bestText(entry) {
    return entry ? entry.best + "/" + entry.total + "（" + mot.progress.percent(entry.best, entry.total) + "%）" : "—";
  }

  function questionIds(quiz) {
    return all(quiz, ".mot-question").map(function (form) { return form.getAttribute("data-question-id"); });
  }

  /* Begun counts by the questions the quiz has now: an answer to one the trainer has moved to
     the exam's pool is no start (a page with the whole course drops it, mot-rehome.js). */
  function showModuleStatus(quiz) {
    var quizId = quiz.getAttribute("data-quiz-id");
    var found = mot.progress.quizStatus(quizId, questionIds(quiz));
    document.querySelectorAll('.mot-module-status[data-module="' + quizId + '"]').forEach(function (el) {
      el.setAttribute("data-status", found.status);
      el.textContent = "本模块状态：" + mot.progress.statusNames[found.status] +
        (found.entry ? " · 最佳成绩\u00a0" + bestText(found.entry) : "");
    });
  }

  /* Each objective of a question answered wrong, with the sections to review for it, each
     named once (复习：A、B, not 复习：A、复习：B). */
  function missedObjectives(quiz) {
    var texts = JSON.parse(quiz.getAttribute("data-objectives"));
    var lines = {};
    all(quiz, '.mot-question[data-result="incorrect"]').forEach(function (form) {
      var objective = form.getAttribute("data-objective");
      var link = form.querySelector(".mot-review a").cloneNode(true);
      var line = lines[objective] || (lines[objective] = mot.element("li", (texts[objective] || objective) + "（复习："));
      if (!line.querySelector('a[href="' + link.getAttribute("href") + '"]')) {
        if (line.querySelector("a")) { line.appendChild(document.createTextNode("、")); }
        link.querySelector(".mot-review-verb").remove();
        line.appendChild(link);
      }
    });
    var names = Object.keys(lines);
    if (!names.length) { return []; }
    var list = mot.element("ul");
    names.forEach(function (name) { lines[name].append("）"); list.appendChild(lines[name]); });
    return [mot.element("p", TEXT.missed), list];
  }

  /* fresh: the result was just reached, and is said not to be saved if it was not. */
  /* A score under the pass mark, of a module passed before (a retry, or questions the
     trainer changed since), says that the pass stands, and leads on as a pass does: the
     status line above says 已通过. Only a fresh one is called this attempt's (这次的得分):
     on a return it had said so of answers graded again after the trainer changed a key. */
  function showResults(quiz, right, total, fresh) {
    var passMark = Number(quiz.getAttribute("data-pass-mark"));
    var passed = mot.progress.percent(right, total) >= passMark;
    var before = mot.progress.quizStatus(quiz.getAttribute("data-quiz-id"));
    var kept = !passed && before.status === "passed";
    var panel = quiz.querySelector(".mot-results");
    var next = panel.querySelector(".mot-next");
    next.hidden = !passed && !kept;
    if (next.dataset.steps) { pointToFirstUnpassed(next); }
    panel.querySelector(".mot-retry-wrong").hidden = right === total;
    var details = missedObjectives(quiz);
    if (kept) { details.unshift(mot.element("p", TEXT.passKept(bestText(before.entry), fresh))); }
    if (fresh && !mot.progress.saved()) { details.unshift(mot.unsavedNote("这次测验")); }
    mot.showResults(panel, passed, TEXT.verdict(right, total, passMark, passed), details, false);
  }

  /* The last answer's explanation keeps the focus and the view, as every answer's does (the
     results panel taking them passed it by); a link at its end leads on to the panel. */
  function leadToResults(quiz, form) {
    var panel = quiz.querySelector(".mot-results");
    var link = quiz.querySelector(".mot-to-results") || mot.element("a", TEXT.toResults, "md-button mot-to-results");
    link.href = "#" + panel.getAttribute("aria-labelledby");
    link.onclick = function (event) {
      event.preventDefault();
      event.stopPropagation();   /* Material's instant navigation would scroll to the title */
      mot.bringIntoView(panel);
    };
    /* The verdict of the quiz, read before the link: the panel shows it without a word. */
    var verdict = quiz.querySelector(".mot-to-results-verdict") || mot.element("p", "", "mot-sr mot-to-results-verdict");
    verdict.textContent = panel.querySelector("[data-passed]").lastChild.textContent;
    var feedback = form.querySelector(".mot-feedback");
    feedback.appendChild(verdict);
    feedback.appendChild(link);
    mot.focusInView(feedback, form.querySelector(".mot-status"));   /* with its verdict, as every answer's */
  }

  /* The last module's next step, as the home page has it: the first other module not passed
     yet, else the exam until it is passed, else the certificate (the step with no id). */
  function pointToFirstUnpassed(next) {
    var exam = mot.progress.exam();
    var step = JSON.parse(next.dataset.steps).filter(function (found) {
      if (found[0] === "exam") { return !(exam && exam.passed); }
      return !found[0] || mot.progress.quizStatus(found[0]).status !== "passed";
    })[0];
    next.href = step[1];
    next.textContent = step[3] && mot.progress.underway() ? step[3] : step[2];   /* 继续: a paper begun */
  }

  /* 重新作答 once there is something to clear, a dialogue's turns too: at 0 it did nothing seen. */
  function showRetry(quiz) {
    quiz.querySelector(".mot-retry").hidden = !quiz.querySelector(".mot-question[data-result], .mot-turn[data-played]");
  }

  /* The score as the page shows it, kept as the module's unless `following` (see sync). */
  function updateScore(quiz, answering, following) {
    var questions = all(quiz, ".mot-question");
    var done = all(quiz, ".mot-question[data-result]").length;
    var right = all(quiz, '.mot-question[data-result="correct"]').length;
    var quizId = quiz.getAttribute("data-quiz-id");
    var passMark = Number(quiz.getAttribute("data-pass-mark"));
    var score = quiz.querySelector(".mot-score"), text = TEXT.progress(done, questions.length, right);
    score.setAttribute("aria-live", answering ? "polite" : "off");   /* a return is not news */
    if (answering || score.textContent !== text) { score.textContent = text; score.removeAttribute("aria-label"); }   /* see follow */
    score.setAttribute("data-correct", String(right));
    score.setAttribute("data-answered", String(done));
    quiz.toggleAttribute("data-unsaved", !mot.progress.saved());   /* the intro says it saves */
    showRetry(quiz);
    if (done === questions.length) {
      if (!following) { mot.progress.recordQuiz(quizId, right, questionIds(quiz), passMark); }
      showResults(quiz, right, questions.length, answering);
    } else {
      quiz.querySelector(".mot-results").hidden = true;
      all(quiz, ".mot-to-results, .mot-to-results-verdict").forEach(function (lead) { lead.remove(); });
    }
    showModuleStatus(quiz);
    if (answering) { mot.announce(quizId, right, done, questions.length, passMark); }
  }

  /* Show each question as the progress record has it: answered (with the answer), or new
     in the order drawn for this attempt. Runs at set-up and when another tab saved.
     Answers stored under another module (this one's file was renamed, or the question
     moved here) come here first, with the 错题本's entries and, on a rename, the best score.
     The trainer may have edited a question since it was answered. A stored answer that no
     longer fits it (an option it names was edited or removed, or one from before options
     were keyed by their text) is forgotten: the question is new again and its old result
     no longer counts. One that fits is graded against the page's answer; when the verdict
     is not the one recorded (the trainer changed the right answer), the record takes the
     page's, so the dashboard and the 错题本 say what the page says. A page `following`
     another tab's save only shows it (mot.register): the record is moved, forgotten and
     graded again as the page arrives. */
  function sync(quiz, following) {
    var quizId = quiz.getAttribute("data-quiz-id");
    var stale = [];
    var forms = all(quiz, ".mot-question");
    var here = {};
    forms.forEach(function (form) { here[form.getAttribute("data-question-id")] = quizId; });
    if (!following) { mot.progress.rehome(here, quiz.getAttribute("data-modules").split(" "), quiz.getAttribute("data-course-id")); }
    mot.progress.drawSeeds(Object.keys(here));
    return Promise.all(forms.map(function (form) {
      var id = form.getAttribute("data-question-id");
      var entry = mot.progress.entry(id);
      var saved = entry && entry.answer || null, seed = mot.progress.seed(id);
      if (shown.has(form) && sameAnswer(shown.get(form), saved) && drawnWith.get(form) === seed) { return null; }   /* nothing to draw again */
      shown.set(form, saved);
      drawnWith.set(form, seed);
      engine.reset(form);
      engine.arrange(form, seed);
      if (!entry) { return null; }
      /* An answer fits when it is put back as far as the record says: whole, with its
         result, or (no result yet) a dialogue up to the turn it was left at. */
      if (!saved || !engine.fill(form, entry.answer) || !engine.response(form) !== !entry.result) {
        engine.reset(form);
        engine.arrange(form, seed);
        shown.set(form, null);
        if (following) { return null; }
        stale.push(id);
        if (saved) { engine.kit.setStatus(form, TEXT.outdated, null, true); }   /* not a record too old to hold answers */
        return null;
      }
      if (!entry.result) { return showPlayed(form); }
      return engine.grade(form).then(function (result) {
        engine.reveal(form, { restored: true, regraded: result !== entry.result });
        if (result !== entry.result && !following) { mot.progress.recordAnswer(quizId, id, result, entry.answer); }
      });
    })).then(function () {
      if (stale.length) { mot.progress.forget(stale); }
      updateScore(quiz, false, following);
      mot.savedFrom(quiz);
    });
  }

  /* Another tab saved: show it (sync), drawing again only the questions whose answer it
     changed. The focus that fell as one was drawn again (an option moved, the feedback
     hidden, a control disabled: a screen reader said nothing) goes back to its control if
     that is still shown; else to that question's status line, which says another window
     changed the answer, as it does again when the focus is on that line already; else, in
     the results panel drawn again or gone, to the panel or the score line. A save that
     changed no answer shown here (another page opened, its seeds drawn) moves nothing. */
  function follow(quiz) {
    var focused = quiz.contains(document.activeElement) && document.activeElement;
    var form = focused && focused.closest(".mot-question"), before = form && shown.get(form);
    return sync(quiz, true).then(function () {
      var panel = quiz.querySelector(".mot-results");
      var changed = form && !sameAnswer(shown.get(form), before);
      if (changed && document.activeElement === form.querySelector(".mot-status")) { mot.sayChangedElsewhere(form); }
      else if (mot.refocus(focused)) { return; }
      else if (changed) { mot.sayChangedElsewhere(form); }
      else if (panel.hidden) { mot.focusStatus(quiz.querySelector(".mot-score")); }
      else { mot.bringIntoView(panel); }
    });
  }

  /* A dialogue left half way: the turns played, each with its verdict and feedback. */
  function showPlayed(form) {
    return Promise.all(all(form, ".mot-turn[data-played]").map(function (turn) {
      return engine.revealTurn(form, turn);
    }));
  }

  function retry(quiz, forms, ask) {
    if (forms.some(function (form) { return form.hasAttribute("aria-busy"); })) { return; }   /* being graded */
    var answered = forms.filter(function (form) { return form.hasAttribute("data-result"); }).length;
    /* A dialogue under way is asked for too: its replies so far go (it has no result yet) */
    var begun = forms.some(function (form) { return !form.hasAttribute("data-result") && form.querySelector(".mot-turn[data-played]"); });
    if (ask && (answered || begun) && !window.confirm(TEXT.confirmRetry(answered, begun))) { return; }
    mot.progress.drawSeeds(forms.map(function (form) { return form.getAttribute("data-question-id"); }), true);
    forms.forEach(function (form) { shown.delete(form); });
    sync(quiz).then(function () {
      updateScore(quiz, true);
      var first = forms.length && engine.firstControl(forms[0]);
      if (first) { first.focus(); }
    });
  }

  function hooksFor(quiz) {
    var quizId = quiz.getAttribute("data-quiz-id");
    /* Keep the form's answer with its result; a dialogue still under way has none yet. */
    function save(form, result) {
      var answer = engine.answer(form);
      shown.set(form, answer);
      mot.progress.recordAnswer(quizId, form.getAttribute("data-question-id"), result, answer);
    }
    return {
      showsFeedback: true,
      submit: function (form) {
        if (!engine.complete(form)) { return; }
        engine.grade(form).then(function (result) {
          engine.reveal(form, { focus: true });
          save(form, result);
          engine.announce(quizId, form);
          updateScore(quiz, true);
          if (!quiz.querySelector(".mot-results").hidden) { leadToResults(quiz, form); }
          mot.savedFrom(form);
        });
      },
      turn: function (form, turn) {
        save(form);
        showModuleStatus(quiz);
        showRetry(quiz);   /* the turn is played: 重新作答 clears it */
        return engine.revealTurn(form, turn);
      },
      changed: function () {},
      /* Asks first when the dialogue was right, as 重新作答 does: its mark is lost. */
      restart: function (form) { retry(quiz, [form], form.getAttribute("data-result") === "correct"); }
    };
  }

  function setUpQuiz(quiz) {
    engine = mot.engine;
    if (bound.has(quiz)) { return; }
    bound.add(quiz);
    var hooks = hooksFor(quiz);
    all(quiz, ".mot-question").forEach(function (form) { engine.bind(form, hooks); });
    quiz.querySelector(".mot-retry").addEventListener("click", function () {
      retry(quiz, all(quiz, ".mot-question"), true);
    });
    quiz.querySelector(".mot-retry-wrong").addEventListener("click", function () {
      retry(quiz, all(quiz, '.mot-question[data-result="incorrect"]'), false);
    });
    sync(quiz).then(function () { quiz.setAttribute("data-ready", ""); });
  }

  mot.register("quiz", ".mot-quiz", setUpQuiz, follow);
})();
