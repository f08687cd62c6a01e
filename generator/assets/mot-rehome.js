/*
 * MOT course runtime, the progress record following the course; joined into mot-core.js in
 * the site (generator/runtime.py). A learner's record outlives a republish: answers are kept
 * by question id with the module they were answered in, the 错题本's questions with their
 * module, best scores by module. When the trainer renames a module's file (as inserting a
 * module takes) or moves a question to another module, a page that knows where questions
 * are now moves their records there, so that every page agrees: the module page for its
 * own questions, the dashboard, the certificate page and the 错题本 for the whole course
 * (their data-course), where questions the course no longer has leave the record.
 * Those pages, which know the course's modules, also claim the record for their course:
 * another course's, published before at the same address, is put aside (claim).
 */
(function () {
  "use strict";

  var progress = window.mot.progress;
  var NONE = JSON.stringify(window.mot.records.empty());   /* no record stored */

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

  /* The modules the record keeps progress of: best scores, answers, the 错题本's questions. */
  function keptModules(record) {
    function moduleOf(map, field) { return Object.keys(map).map(function (id) { return map[id][field]; }); }
    return Object.keys(record.quizzes).concat(moduleOf(record.questions, "quiz"), moduleOf(record.mistakes, "module"));
  }

  /* Make the record the course's named `course` (its identity, from site_name), whose
     modules are `modules`. A record of no course's (kept before records named theirs) is
     taken for this one's. One of another name, with progress in none of its modules, is
     another course's, published before at this address (a classroom laptop's, a package
     unzipped over another's): put aside whole, it no longer shows its exam, name and
     certificate as this one's. With a module in common, or an exam paper of this course's
     questions (`moduleOf`), this course renamed (a typo in site_name mended): it is kept.
     Only a page that knows the `whole` course (its exam pools) puts aside a record that
     holds an exam alone. A page of a build before courses had names claims none. */
  function claim(record, course, modules, moduleOf, whole) {
    var kept = keptModules(record);
    var paper = record.attempt ? record.attempt.questions : [];
    var other = record.course && record.course !== course &&
      (kept.length || whole && (record.exam || record.name || paper.length)) &&
      !kept.some(function (module) { return modules.indexOf(module) >= 0; }) &&
      !paper.some(function (id) { return moduleOf[id]; });
    progress.claim(course, Boolean(other));
  }

  /* Move the records of the questions in `moduleOf` (id -> module id) to where they are now,
     the answers of those in `quizModuleOf` (a module quiz's: the exam and the 错题本 keep
     none), and best scores from modules not among the course's `modules` (ids); given the
     `whole` course, those of questions it no longer has leave, and the answers of a quiz
     question moved to an exam pool. One save, if any, which gives a record of no course's,
     or of this course's old name, the name `course`; where none is stored, none is made
     (the first save names it, mot-core.js): one made to name it was a record made anew,
     and a first save another tab made then was taken for site data cleared (madeAnew). */
  function rehome(quizModuleOf, moduleOf, whole, modules, course) {
    if (course) { claim(progress.record(), course, modules, moduleOf, whole); }
    progress.update(function (record) {
      if (course && JSON.stringify(record) !== NONE) { record.course = course; }
      moveBest(record, moveAnswers(record, quizModuleOf, whole), quizModuleOf, modules);
      moveMistakes(record, moduleOf, whole);
    });
  }

  /* A module page knows its own questions, the course's module ids (data-modules) and its
     name (data-course-id). */
  progress.rehome = function (moduleOf, modules, course) { rehome(moduleOf, moduleOf, false, modules, course); };
  progress.questionModules = questionModules;
  progress.followCourse = function (course) {
    var modules = course.modules.map(function (module) { return module.id; });
    rehome(questionModules(course, true), questionModules(course), true, modules, course.id);
  };
})();
