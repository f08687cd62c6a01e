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

  /* The module each question of `course` (a page's data-course) is in: id -> module id. */
  function questionModules(course) {
    var moduleOf = {};
    course.modules.forEach(function (module) {
      Object.keys(module.questions).concat(module.examQuestions).forEach(function (id) { moduleOf[id] = module.id; });
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

  /* A module left with no answers hands its best score and passed status to the one they all
     went to, unless that has its own: a renamed module keeps its record, and a module that
     gave away one question keeps its own. */
  function moveBest(record, moved) {
    Object.keys(moved).forEach(function (old) {
      var left = Object.keys(record.questions).some(function (id) { return record.questions[id].quiz === old; });
      if (moved[old] && !left && record.quizzes[old] && !record.quizzes[moved[old]]) {
        record.quizzes[moved[old]] = record.quizzes[old];
        delete record.quizzes[old];
      }
    });
  }

  /* Move the records of the questions in `moduleOf` (id -> module id) to where they are now;
     given the `whole` course, those of questions it no longer has leave. One save, if any. */
  function rehome(moduleOf, whole) {
    progress.update(function (record) {
      moveBest(record, moveAnswers(record, moduleOf, whole));
      moveMistakes(record, moduleOf, whole);
    });
  }

  progress.rehome = rehome;
  progress.questionModules = questionModules;
  progress.followCourse = function (course) { rehome(questionModules(course), true); };
})();
