/*
 * MOT course runtime, the progress record following the course; joined into mot-core.js in
 * the site (generator/runtime.py). A learner's record outlives a republish: answers are kept
 * by question id with the module they were answered in, the 错题本's questions with their
 * module, best scores by module. When the trainer renames a module's file (as inserting a
 * module takes) or moves a question to another module, a page that knows where questions
 * are now moves their records there, so that every page agrees: the module page for its
 * own questions, the dashboard, the certificate page and the 错题本 for the whole course
 * (their data-course), where questions the course no longer has leave the record.
 */
(function () {
  "use strict";

  var progress = window.mot.progress;

  /* The module each question of `course` (a page's data-course) is in: id -> module id; the
     exam pools' questions too unless `quizOnly`. */
  function questionModules(course, quizOnly) {
    var moduleOf = {};
    course.modules.forEach(function (module) {
      Object.keys(module.questions).concat(quizOnly ? [] : module.examQuestions).forEach(function (id) { moduleOf[id] = module.id; });
    });
    return moduleOf;
  }

  /* Answers go to the module their question is in; returns where each old module's went:
     old module -> new one, "" when they went to several. */
  function moveAnswers(record, moduleOf, whole) {
    var moved = {};
    Object.keys(record.questions).forEach(function (id) {
      var entry = record.questions[id], module = moduleOf[id], old = entry.quiz;
      if (!module && whole) { delete record.questions[id]; }
      if (!module || old === module) { return; }
      moved[old] = old in moved && moved[old] !== module ? "" : module;
      entry.quiz = module;
    });
    return moved;
  }

  function moveMistakes(record, moduleOf, whole) {
    Object.keys(record.mistakes).forEach(function (id) {
      if (moduleOf[id]) { record.mistakes[id].module = moduleOf[id]; } else if (whole) { delete record.mistakes[id]; }
    });
  }

  /* The module that holds most of `questionIds` now, or "". */
  function mostOf(questionIds, moduleOf) {
    var counts = {};
    questionIds.forEach(function (id) {
      if (moduleOf[id]) { counts[moduleOf[id]] = (counts[moduleOf[id]] || 0) + 1; }
    });
    return Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; })[0] || "";
  }

  /* Whether `module` holds most of the questions `reachedOn` and they are most of its quiz. */
  function sameQuiz(reachedOn, module, moduleOf) {
    function countIn(ids) { return ids.filter(function (id) { return moduleOf[id] === module; }).length; }
    return 2 * countIn(reachedOn) > Math.max(reachedOn.length, countIn(Object.keys(moduleOf)));
  }

  /* A best score and passed status say the learner passed that quiz, so they go only to
     the same quiz under another name: from a module not among the course's `modules` to
     the one that now holds most of the questions the best was reached on, when they are
     most of its quiz too, it has no best of its own and no answer is still kept under the
     old name (after 重新作答 none is). A renamed module keeps its pass; a module still in
     the course keeps its own, whatever questions it gave away; one merged into a module
     mostly of other questions hands it none. A best kept before it listed its questions
     follows its answers when they all went to one module. */
  function moveBest(record, moved, moduleOf, modules) {
    Object.keys(record.quizzes).forEach(function (old) {
      var left = Object.keys(record.questions).some(function (id) { return record.questions[id].quiz === old; });
      var reachedOn = record.quizzes[old].questions;
      var listed = Array.isArray(reachedOn);
      var to = listed ? mostOf(reachedOn, moduleOf) : moved[old];
      var same = !listed || sameQuiz(reachedOn, to, moduleOf);
      if (to && modules.indexOf(old) < 0 && same && !left && !record.quizzes[to]) {
        record.quizzes[to] = record.quizzes[old];
        delete record.quizzes[old];
      }
    });
  }

  /* Move the records of the questions in `moduleOf` (id -> module id) to where they are now,
     the answers of those in `quizModuleOf` (a module quiz's: the exam and the 错题本 keep
     none), and best scores from modules not among the course's `modules` (ids); given the
     `whole` course, those of questions it no longer has leave, and the answers of a quiz
     question moved to an exam pool. One save, if any. */
  function rehome(quizModuleOf, moduleOf, whole, modules) {
    progress.update(function (record) {
      moveBest(record, moveAnswers(record, quizModuleOf, whole), quizModuleOf, modules);
      moveMistakes(record, moduleOf, whole);
    });
  }

  /* A module page knows its own questions, and the course's module ids (data-modules). */
  progress.rehome = function (moduleOf, modules) { rehome(moduleOf, moduleOf, false, modules); };
  progress.questionModules = questionModules;
  progress.followCourse = function (course) {
    var modules = course.modules.map(function (module) { return module.id; });
    rehome(questionModules(course, true), questionModules(course), true, modules);
  };
})();
