/*
 * MOT course runtime, final exam. Plain JavaScript. Needs mot-core.js, mot-questions.js
 * (the engine and the question types, mot-dialogue.js among them) and mot-exam-results.js
 * (the results panel, joined before this file). Stage names and the pass mark come from
 * the page.
 *
 * An attempt draws questions from every module's pool (rendered, hidden, in the page) and
 * shuffles them and, where the trainer allows, their options. The attempt is kept in the
 * learner's progress (the questions drawn, their order, the answers as they are given), so
 * leaving the page and coming back resumes it; starting over asks first. Nothing says right
 * or wrong until the learner hands in (交卷, after a confirmation that lists unanswered
 * questions); then every question is graded, the hand-in stored (not before: a grading
 * that cannot run leaves the attempt in progress) with its result (each question's verdict,
 * the score and the pass mark of the day) and announced (mot:question-graded, then
 * mot:quiz-progress), each question shows its verdict and right answer, and the results
 * panel comes into view. A later visit shows the result as recorded, whatever the trainer
 * has published since; a question whose verdict a new right answer changes says so, and the
 * 错题本 follows it, as in a module quiz. The exam element's data-exam-state is ready,
 * in-progress or finished.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
  var engine;   /* mot.engine, read as an exam sets up (mot-core.js) */
  var resultsPanel = mot.examResults;
  var TEXT = {
    /* a paper begun before the trainer drew fewer questions keeps them all, and its answers */
    length: function (count, total) {
      return count === total ? "共\u00a0" + total + "\u00a0题" : "这份试卷共\u00a0" + count + "\u00a0题（开考后课程更新过，重新开考为\u00a0" + total + "\u00a0题）";
    },
    answered: function (done, total) { return "已作答\u00a0" + done + "/" + total + "\u00a0题"; },
    /* a paper fitted to the course as published now (fitted): what went, what came */
    refitted: function (gone, answered, added) {
      var unanswered = "没答的\u00a0" + (gone - answered) + "\u00a0道题";
      var lost = answered ? "你答过的\u00a0" + answered + "\u00a0道题" + (gone > answered ? "和" + unanswered : "") : "你" + unanswered;
      var news = gone ? "换上了\u00a0" + added + "\u00a0道新题（在试卷最后）" : "试卷最后加了\u00a0" + added + "\u00a0道新题";
      return "开考后课程更新过：" + (gone ? lost + "已不在课程里" : "") + (gone && added ? "，" : "") + (added ? news : "") + "。";
    },
    resume: function (place) { return "继续作答：第\u00a0" + place + "\u00a0题"; },
    number: function (place, total) { return "第\u00a0" + place + "/" + total + "\u00a0题"; },
    outdated: "这道题更新过：之前的答案对不上现在的题目，已经清除，请重新作答。",
    outdatedHandedIn: "交卷后这道题更新过：你交卷时的答案对不上现在的题目，无法显示；正确答案按现在的题目标出。",
    notGraded: "这道题没能判分：判分要用的文件没有加载（可能是网络断了）。请检查网络，然后再交卷。",
    confirmHandIn: function (missing, total) {   /* every number of a blank paper said nothing more */
      var none = missing.length === total && "你还一道题都没有作答，现在交卷得\u00a00\u00a0分。\n";
      return (none || (missing.length ? "还有\u00a0" + missing.length + "\u00a0道题没有作答：第\u00a0" + missing.join("、") +
        "\u00a0题。没答的题按答错计分。\n" : "交卷后就不能再修改答案了。\n")) + "确定现在交卷吗？";
    },
    confirmRestart: "重新开始会放弃这次考试里已经作答的内容，并重新抽题。确定要重新开始吗？",
    confirmDialogue: "重来会清空这段对话里已经选的回复。确定要重来吗？",
    newPaper: "另一个窗口开始了新的考试：下面是新抽的试卷。"
  };
  var shownAttempt = new WeakMap();   /* exam -> the attempt on the page */
  var handingIn = new WeakSet();      /* exams whose 交卷 is grading (or could not) */
  var outdated = new WeakSet();       /* forms whose stored answer no longer fits them */

  function idOf(form) { return form.getAttribute("data-question-id"); }
  function paperForms(exam) { return all(exam.querySelector(".mot-exam-paper"), ".mot-question"); }

  function setState(exam, state) {
    exam.setAttribute("data-exam-state", state);
    exam.querySelector(".mot-exam-start").hidden = state !== "ready";
    if (state !== "in-progress") { all(exam, ".mot-exam-resume, .mot-exam-refitted").forEach(function (el) { el.hidden = true; }); }
    exam.querySelector(".mot-exam-bar").hidden = state !== "in-progress";
    if (state !== "finished") { exam.querySelector(".mot-results").hidden = true; }
  }

  /* Put the questions on the paper back into their modules' pools; the page tells how long
     a paper is, that one's once it is laid out (showPaper). */
  function clearPaper(exam) {
    paperForms(exam).forEach(function (form) {
      exam.querySelector('.mot-exam-module[data-module="' + form.getAttribute("data-module") + '"]').appendChild(form);
    });
    showLength(exam);
  }

  function showLength(exam, count) {
    var length = exam.querySelector(".mot-exam-length"), total = Number(length.getAttribute("data-total"));
    length.textContent = TEXT.length(count || total, total);
  }

  /* A new attempt draws from every question of each pool, the last attempt's among them. */
  function newAttempt(exam) {
    clearPaper(exam);
    var drawn = [];
    all(exam, ".mot-exam-module").forEach(function (pool) {
      var ids = all(pool, ".mot-question").map(idOf);
      drawn = drawn.concat(mot.shuffled(ids).slice(0, Number(pool.getAttribute("data-draw"))));
    });
    return { seed: mot.newSeed(), questions: mot.shuffled(drawn), answers: {}, handedIn: false };
  }

  /* Each question's own seed for its options, from the attempt's (FNV-1a of its id). */
  function seedFor(attempt, questionId) {
    var hash = 2166136261;
    for (var i = 0; i < questionId.length; i++) { hash = Math.imul(hash ^ questionId.charCodeAt(i), 16777619); }
    return (attempt.seed ^ hash) >>> 0;
  }

  /* A dialogue's replies may be changed before hand-in, as any answer may: 重来这段对话
     shows from its first reply on, not only at its end (as in a module quiz). */
  function offerRestart(form) {
    var restart = form.querySelector(".mot-restart");
    if (restart) { restart.hidden = !form.querySelector(".mot-turn[data-played]"); }
  }

  /* The questions of an attempt under way, fitted to the exam as published now. A trainer
     may have removed or renamed a drawn question, or drawn more from a module, since; the
     paper would then be shorter than the 共 N 题 the page promises. The questions the
     course still has stay, in their order; modules short of their draw give new ones,
     drawn from the attempt's seed (so every tab draws the same), until the paper is as
     long as the exam. None is taken away: a paper left longer keeps its answers. */
  function fittedQuestions(exam, attempt) {
    var inCourse = [], spare = [], total = 0;
    all(exam, ".mot-exam-module").forEach(function (pool) {
      var ids = all(pool, ".mot-question").map(idOf);
      var unused = ids.filter(function (id) { return attempt.questions.indexOf(id) < 0; });
      var short = Number(pool.getAttribute("data-draw")) - (ids.length - unused.length);
      inCourse = inCourse.concat(ids);
      total += Number(pool.getAttribute("data-draw"));
      spare = spare.concat(mot.shuffled(unused, attempt.seed).slice(0, Math.max(0, short)));
    });
    var kept = attempt.questions.filter(function (id) { return inCourse.indexOf(id) >= 0; });
    return kept.concat(spare.slice(0, Math.max(0, total - kept.length)));
  }

  /* The attempt under way with its questions fitted, stored when they changed (the answers
     to questions no longer on the paper go), and said above the paper. Run as the page
     arrives (show), when every question is still in its pool. */
  function fitted(exam, attempt) {
    var questions = fittedQuestions(exam, attempt);
    if (questions.join("\n") === attempt.questions.join("\n")) { return attempt; }
    showRefitted(exam, attempt, questions);
    mot.progress.changeAttempt(attempt.seed, function (stored) {
      stored.questions = questions;
      Object.keys(stored.answers).forEach(function (id) {
        if (questions.indexOf(id) < 0) { delete stored.answers[id]; }
      });
    });
    return mot.progress.attempt();
  }

  /* The line above the paper on how fitting changed it, on the visit it did, as each
     question forgotten says why on that visit: answered questions went without a word
     (已作答 10/20 became 9/20, new questions at the end). Answered counts as on the home
     page (mot-dashboard.js): every blank filled. Not read out: a return is not news. */
  function showRefitted(exam, attempt, questions) {
    var gone = attempt.questions.filter(function (id) { return questions.indexOf(id) < 0; });
    var answered = gone.filter(function (id) {
      var answer = attempt.answers[id];
      return answer && answer.length && answer.indexOf("") < 0;
    }).length;
    var note = exam.querySelector(".mot-exam-refitted");
    note.textContent = TEXT.refitted(gone.length, answered, questions.length - attempt.questions.length + gone.length);
    note.hidden = false;
  }

  /* Lay out the attempt's questions, in its order and with its answers. An answer that no
     longer fits its question (the trainer changed it) is forgotten, as a module quiz
     forgets it, before hand-in, when the page `arrives` (see show): the home page had
     still counted it. Its status line says why it is blank (see showGraded, once handed in),
     until the learner answers it again. */
  function showPaper(exam, attempt, arriving) {
    var paper = exam.querySelector(".mot-exam-paper");
    clearPaper(exam);
    var shuffle = exam.getAttribute("data-shuffle-options") === "true";
    var forms = attempt.questions.map(function (id) {
      return exam.querySelector('.mot-exam-pool [data-question-id="' + CSS.escape(id) + '"]');
    }).filter(Boolean);
    var stale = [];
    forms.forEach(function (form, index) {
      var id = idOf(form);
      function setUp() { engine.reset(form); engine.arrange(form, shuffle ? seedFor(attempt, id) : null); }
      setUp();
      outdated.delete(form);
      /* an option ticked, then unticked, is kept as [], which no question is answered by;
         a dialogue put back part way shows nothing of it (the turns that fitted) */
      if (attempt.answers[id] && attempt.answers[id].length && !engine.fill(form, attempt.answers[id])) {
        setUp();
        stale.push(id);
        outdated.add(form);
        if (!attempt.handedIn) { engine.kit.setStatus(form, TEXT.outdated, null, true); }
      }
      offerRestart(form);
      form.querySelector(".mot-question-number").textContent = TEXT.number(index + 1, forms.length);
      paper.appendChild(form);
    });
    if (arriving && stale.length && !attempt.handedIn) {
      mot.progress.changeAttempt(attempt.seed, function (stored) {
        stale.forEach(function (id) { delete stored.answers[id]; });
      });
    }
    /* a paper handed in is as long as its score says, whatever questions have gone since */
    showLength(exam, attempt.handedIn && attempt.results ? attempt.total : forms.length);
    shownAttempt.set(exam, attempt);
    return forms;
  }

  /* The count is read out only when the learner's `answering` changed it, not on a return,
     and not rewritten when it stays the same: a screen reader reads a line written again,
     and each key that tries another option or types into a blank saves the answer. */
  function updateProgress(exam, answering) {
    var forms = paperForms(exam);
    var done = forms.filter(function (form) { return engine.response(form); }).length;
    var score = exam.querySelector(".mot-exam-bar .mot-score");
    var text = TEXT.answered(done, forms.length);
    score.setAttribute("aria-live", answering ? "polite" : "off");
    if (score.textContent !== text) { score.textContent = text; score.removeAttribute("aria-label"); }   /* see tellFollowed */
    Object.assign(exam.querySelector(".mot-exam-progress"), { max: forms.length, value: done });
    showResume(exam, forms, done);
  }

  /* A paper taken up again, part answered: 继续作答, above the paper, goes to the first
     question still unanswered (by keyboard, the 11th of 20 was 32 Tab presses away). */
  function showResume(exam, forms, done) {
    var resume = exam.querySelector(".mot-exam-resume");
    var next = forms.findIndex(function (form) { return !engine.response(form); });
    resume.hidden = done === 0 || next < 0 || exam.getAttribute("data-exam-state") !== "in-progress";
    if (!resume.hidden) { resume.textContent = TEXT.resume(next + 1); }
  }

  function resumeAnswering(exam) {
    var next = paperForms(exam).find(function (form) { return !engine.response(form); });
    if (next) { focusQuestion(next); }
  }

  /* The question's first control takes the focus with the question in view from its number
     on: the browser scrolled the control alone into view, and on a phone the question's
     number and text stayed above the screen. The control stays in view above the exam's
     bar, first (a page zoomed in, where the question is taller than the screen). */
  function focusQuestion(form) {
    var control = engine.firstControl(form);
    if (!control) { return; }
    form.scrollIntoView({ block: "start" });
    control.focus({ preventScroll: true });
    var bottom = window.innerHeight - (parseFloat(getComputedStyle(document.documentElement).scrollPaddingBottom) || 0);
    if (control.getBoundingClientRect().bottom > bottom) { control.scrollIntoView({ block: "nearest" }); }
  }

  function save(exam, form) {
    var attempt = shownAttempt.get(exam);
    if (!attempt || attempt.handedIn) { return; }
    var answer = engine.answer(form);
    /* a line on why it is blank, or that it could not be graded, is past once it is answered */
    var status = form.querySelector(".mot-status").textContent;
    if (outdated.delete(form) || status === TEXT.notGraded || status.startsWith(mot.textChangedElsewhere)) {
      engine.kit.setStatus(form, "", null, true);
    }
    mot.progress.changeAttempt(attempt.seed, function (stored) { stored.answers[idOf(form)] = answer; });
    updateProgress(exam, true);
  }

  function start(exam) {
    handingIn.delete(exam);   /* 重新开始 pressed while 交卷 waited for its grading: no hand-in */
    var attempt = newAttempt(exam);
    mot.progress.setAttempt(attempt);
    exam.querySelector(".mot-exam-refitted").hidden = true;   /* a new paper */
    showPaper(exam, attempt);
    setState(exam, "in-progress");
    updateProgress(exam, true);
    var first = paperForms(exam)[0];
    if (first) { focusQuestion(first); }
  }

  function resultsOf(forms) {
    return forms.map(function (form) {
      return { id: idOf(form), module: form.getAttribute("data-module"), result: form.getAttribute("data-result") };
    });
  }

  /* Grade and show every question of an attempt handed in before this visit. An answer
     whose verdict is not the one recorded at hand-in (the trainer changed the right answer)
     says so, and the 错题本 and the attempt's marks follow it, as in a module quiz. */
  function finish(exam, forms, attempt) {
    return Promise.all(forms.map(engine.grade)).then(function (results) {
      var marks = attempt.results || {};
      var regraded = forms.filter(function (form, index) {
        var was = marks[idOf(form)];
        return was && was !== results[index] && engine.response(form);
      });
      showGraded(exam, forms, attempt, false, regraded);
      if (regraded.length) { mot.progress.noteResults(resultsOf(regraded), attempt.seed); }
    });
  }

  /* Show every question as graded, quietly (the results panel takes the focus and says the
     score); a fresh hand-in is announced and its results join the 错题本. */
  function showGraded(exam, forms, attempt, fresh, regraded) {
    forms.forEach(function (form) {
      engine.reveal(form, { quiet: true, regraded: regraded.indexOf(form) >= 0 });
      if (!fresh && outdated.has(form)) {
        engine.kit.setStatus(form, TEXT.outdatedHandedIn, form.getAttribute("data-result"), true);
      }
    });
    all(exam, ".mot-exam-paper .mot-restart").forEach(function (button) { button.hidden = true; });
    setState(exam, "finished");
    if (fresh) { mot.progress.noteResults(resultsOf(forms)); }   /* first: the panel offers the 错题本 they fill */
    resultsPanel.show(exam, forms, attempt, fresh);
    if (!fresh) { return; }
    forms.forEach(function (form) { engine.announce("exam", form); });
    mot.announce("exam", attempt.right, forms.length, forms.length, attempt.passMark);
  }

  function handIn(exam) {
    var forms = paperForms(exam);
    /* a paper waiting for the storage to settle, or being graded, is being handed in: 交卷
       pressed again (a double click, or a grading that waits for a script on a slow network)
       asked again, and handed in again */
    if (exam.hasAttribute("data-handing-in") || forms.some(function (form) { return form.hasAttribute("aria-busy"); })) { return; }
    var missing = forms.map(function (form, index) { return engine.response(form) ? 0 : index + 1; }).filter(Boolean);
    if (!window.confirm(TEXT.confirmHandIn(missing, forms.length))) { return; }
    handingIn.add(exam);   /* from the confirmation on: 重新开始 while the storage settles cancels it too */
    exam.setAttribute("data-handing-in", "");
    whenStorageSettles(function () { exam.removeAttribute("data-handing-in"); if (handingIn.has(exam)) { gradeAndHandIn(exam); } });
  }

  /* Grade the paper as it stands, then hand it in. Graded before the hand-in is stored: a
     grading that cannot run (its script did not load) leaves the attempt in progress, to
     hand in again once the network is back. An answer another tab changed while the
     grading ran is graded again, so that what is stored is what was graded: its save may be
     in this page's copy of the storage before its storage event, and is followed first. */
  function gradeAndHandIn(exam) {
    handingIn.add(exam);
    var forms = paperForms(exam);
    var answers = answersOf(forms);
    Promise.all(forms.map(engine.grade)).then(function (results) {
      mot.progress.catchUp();
      if (!handingIn.has(exam)) { return; }   /* started again meanwhile, here or in another tab */
      if (JSON.stringify(answersOf(forms)) !== JSON.stringify(answers)) {
        gradeAndHandIn(exam);
        return;
      }
      handInNow(exam, forms, answers, results);
    });
  }

  /* A question that cannot be graded at 交卷 holds the hand-in: its line says so, and the
     first such line on the paper takes the focus (the learner pressed 交卷 far above it,
     and saw nothing). The questions fail in no set order: each failure looks again. */
  function notGraded(exam, form) {
    var forms = paperForms(exam);
    if (!handingIn.has(exam) || !forms.includes(form)) { return; }
    engine.kit.setStatus(form, TEXT.notGraded, null, true);
    var first = forms.map(function (paperForm) { return paperForm.querySelector(".mot-status"); })
      .find(function (status) { return status.textContent === TEXT.notGraded; });
    if (first !== document.activeElement) { mot.focusStatus(first); }
  }

  function answersOf(forms) {
    return Object.fromEntries(forms.map(function (form) { return [idOf(form), engine.answer(form)]; }));
  }

  /* While the confirmation was open this page stood still, and another tab may have handed
     in or started again meanwhile. Once the page runs again the browser brings its copy of
     the storage up to date one change at a time (a storage event each), so the hand-in
     waits until SETTLE ms pass with no change arriving, and then reads the record; at most
     SETTLE_LIMIT ms: a tab writing on and on (a key of another page of the site, typed
     into) held 交卷 for good. */
  var SETTLE = 50, SETTLE_LIMIT = 1000;
  var storageChanges = 0;
  window.addEventListener("storage", function () { storageChanges += 1; });

  function whenStorageSettles(run, since) {
    var seen = storageChanges, started = since || Date.now();
    window.setTimeout(function () {
      if (storageChanges === seen || Date.now() - started >= SETTLE_LIMIT) { run(); } else { whenStorageSettles(run, started); }
    }, SETTLE);
  }

  /* The attempt is stored with its result: each question's verdict, the score and the pass
     mark of the day, so that a later visit shows it as recorded. */
  function handInNow(exam, forms, answers, results) {
    var shown = shownAttempt.get(exam);
    var marks = Object.fromEntries(forms.map(function (form, index) { return [idOf(form), results[index]]; }));
    var right = results.filter(function (result) { return result === "correct"; }).length;
    var passMark = Number(exam.getAttribute("data-pass-mark"));
    var attempt = { seed: shown.seed, questions: shown.questions, answers: answers, handedIn: true,
                    results: marks, right: right, total: forms.length, passMark: passMark };
    if (!mot.progress.handIn(attempt, right, forms.length, passMark)) {
      refresh(exam);   /* as another tab left it */
      return;
    }
    handingIn.delete(exam);
    shownAttempt.set(exam, attempt);
    showGraded(exam, forms, attempt, true, []);   /* graded at 交卷 */
    mot.savedFrom(exam);
  }

  /* Show the exam as the progress record has it: no attempt, one in progress, or finished
     (returns the grading of a paper handed in).
     Only a page `arriving` fits the attempt to the exam it shows and stores it: a tab
     following another may be a tab opened before the trainer published again, whose
     pools would undo the other's, each tab writing in turn. */
  function show(exam, arriving) {
    handingIn.delete(exam);
    exam.querySelector(".mot-exam-refitted").hidden = true;   /* until fitted says otherwise */
    var attempt = mot.progress.attempt();
    /* none yet, site data cleared, or a hand-in storage could not hold (mot-core.js, handIn,
       which keeps no question of it): no paper left on show */
    if (!attempt || !attempt.questions.length) {
      clearPaper(exam);
      setState(exam, "ready");
      return;
    }
    if (!attempt.handedIn && arriving) { attempt = fitted(exam, attempt); }
    var forms = showPaper(exam, attempt, arriving);
    if (attempt.handedIn) { return finish(exam, forms, attempt); }
    setState(exam, "in-progress");
    updateProgress(exam);
  }

  /* Another tab saved: follow a new or handed-in attempt, or answers given or forgotten
     there (a tab of a newer build forgets an answer that no longer fits its question). */
  function refresh(exam) {
    var focused = exam.contains(document.activeElement) && document.activeElement;
    var stored = mot.progress.attempt(), current = shownAttempt.get(exam);
    if (!stored || !current || stored.seed !== current.seed || stored.handedIn !== current.handedIn ||
        stored.questions.join("\n") !== current.questions.join("\n")) {
      followAttempt(exam, focused, handingIn.has(exam));
      return;
    }
    if (current.handedIn) {   /* a paper handed in changes no more; its next step follows modules passed since */
      resultsPanel.followModules(exam);
      return;
    }
    var changed = followAnswers(exam, stored);
    if (mot.refocus(focused)) { return; }
    var form = focused.closest(".mot-question");
    if (changed.includes(form)) { mot.sayChangedElsewhere(form); } else { tellFollowed(exam, false); }
  }

  /* The answers another tab gave or forgot on the paper shown, each question changed laid
     out again with its answer (the focus in it fell: see refresh); returns those questions. */
  function followAnswers(exam, stored) {
    var changed = paperForms(exam).filter(function (form) {
      var answer = stored.answers[idOf(form)];
      return answer ? JSON.stringify(answer) !== JSON.stringify(engine.answer(form)) : engine.response(form);
    });
    changed.forEach(function (form) {
      var answer = stored.answers[idOf(form)];
      engine.reset(form);
      engine.arrange(form, exam.getAttribute("data-shuffle-options") === "true" ? seedFor(stored, idOf(form)) : null);
      if (answer) { engine.fill(form, answer); }
      offerRestart(form);
    });
    shownAttempt.set(exam, stored);
    updateProgress(exam);
    return changed;
  }

  /* Show the attempt as another tab left it: begun anew (said above the new paper), handed
     in, or gone. The focus that was in the exam (`focused`) and fell as the paper was laid
     out again goes where the exam says what happened; so does the focus left on 交卷 when
     the learner's hand-in was under way (`handInEnded`): nothing came of the press. The
     control it was on is not focused again: the paper is another. */
  function followAttempt(exam, focused, handInEnded) {
    var before = shownAttempt.get(exam), grading = show(exam), attempt = shownAttempt.get(exam);
    var newPaper = exam.getAttribute("data-exam-state") === "in-progress" && (!before || before.seed !== attempt.seed);
    var note = exam.querySelector(".mot-exam-refitted");
    if (newPaper) { note.textContent = TEXT.newPaper; note.removeAttribute("aria-label"); note.hidden = false; }
    Promise.resolve(grading).then(function () {
      if (focused && (handInEnded || mot.focusFell(focused))) { tellFollowed(exam, newPaper); }
    });
  }

  /* Where the exam says what another tab did, with the focus: the results panel of a paper
     handed in, the line above a new paper, the count of answers of the paper under way, or
     开始考试 when the record is gone (a notice says why). Each is read as it takes it. */
  function tellFollowed(exam, newPaper) {
    var state = exam.getAttribute("data-exam-state");
    if (state === "finished") { mot.bringIntoView(exam.querySelector(".mot-results")); }
    else if (state === "ready") { exam.querySelector(".mot-exam-start").focus(); }
    else { mot.focusStatus(exam.querySelector(newPaper ? ".mot-exam-refitted" : ".mot-exam-bar .mot-score")); }
  }

  function bindControls(exam) {
    var begin = exam.querySelector(".mot-exam-start");
    begin.addEventListener("click", function () { start(exam); });
    begin.disabled = false;   /* disabled in the page until the exam can start */
    exam.querySelector(".mot-exam-again").addEventListener("click", function () { start(exam); });
    exam.querySelector(".mot-exam-resume").addEventListener("click", function () { resumeAnswering(exam); });
    exam.querySelector(".mot-exam-hand-in").addEventListener("click", function () { handIn(exam); });
    /* Asked only of a paper that holds an answer, whole or in part (a dialogue's first
       replies, one blank of two; not a matching row put back to 请选择, 'row:'): at 已作答 0
       with nothing begun, as a module quiz's 重新作答, it draws the new paper at once. */
    exam.querySelector(".mot-exam-restart").addEventListener("click", function () {
      var begun = Object.values((mot.progress.underway() || {}).answers || {}).some(function (answer) { return answer.some(function (part) { return /[^:]$/.test(part); }); });
      if (!begun || window.confirm(TEXT.confirmRestart)) { start(exam); }
    });
  }

  /* A bar taller than a quarter of the window (a phone set to large text, which the
     stylesheet's short-screen rule does not see) stays below the paper, as on a short
     screen: kept in view, it covered two fifths of what was left to read. */
  function placeBars() {
    all(document, ".mot-exam").forEach(function (exam) {
      exam.toggleAttribute("data-bar-below", exam.querySelector(".mot-exam-bar").offsetHeight > window.innerHeight / 4);
    });
  }
  window.addEventListener("resize", placeBars);
  var barWatch = new ResizeObserver(placeBars);   /* the bar shown, or its text grown */

  var bound = new WeakSet();

  function setUpExam(exam) {
    engine = mot.engine;
    if (bound.has(exam)) { return; }
    bound.add(exam);
    var course = mot.courseData(exam);
    mot.progress.followCourse(course);   /* a module renamed: its quiz's results follow it */
    mot.progress.passAtTodaysMark(course);   /* its pass mark lowered: a best that meets it passes */
    var shuffle = exam.getAttribute("data-shuffle-options") === "true";
    var hooks = {
      submit: function (form) { save(exam, form); },
      turn: function (form) {
        offerRestart(form);
        save(exam, form);
      },
      changed: function (form) { save(exam, form); },
      /* Asked first, as 重新开始 is: the replies it erases are answers on the paper. */
      restart: function (form) {
        if (!window.confirm(TEXT.confirmDialogue)) { return; }
        engine.reset(form);
        var id = idOf(form);
        engine.arrange(form, shuffle ? seedFor(shownAttempt.get(exam), id) : null);
        save(exam, form);
        engine.firstControl(form).focus();
      }
    };
    all(exam, ".mot-exam-module").forEach(function (pool) {
      all(pool, ".mot-question").forEach(function (form) {
        form.setAttribute("data-module", pool.getAttribute("data-module"));
        engine.bind(form, hooks);
      });
    });
    bindControls(exam);
    barWatch.disconnect();   /* the bar of a page instant navigation has replaced */
    barWatch.observe(exam.querySelector(".mot-exam-bar"));
    exam.addEventListener("mot:not-graded", function (event) { notGraded(exam, event.target); });
    show(exam, true);
    exam.setAttribute("data-ready", "");
  }

  mot.register("exam", ".mot-exam", setUpExam, refresh);
})();
