/*
 * MOT course SCORM 1.2 bridge, in each course page of the package. Plain JavaScript, no build step.
 *
 * Only the SCORM package loads this file, after the runtime (mot-core.js). It never talks to
 * the LMS itself: the SCO's launch page (scorm/<name>.html, mot-scorm-launch.js) holds the
 * one SCORM session of a launch and shows the course pages in a frame, and this script tells
 * it, on the same origin, what happens in the page the learner is on:
 *   - that a page opened, where (page and section), and the launched SCO's quiz
 *     as the progress record holds it (done in this launch or before it), so that a quiz
 *     already complete is reported at launch;
 *   - every "mot:quiz-progress" and "mot:question-graded" event of the runtime, whatever the
 *     quiz: the launch page reports only its own SCO's;
 *   - the section the learner moves to (the SCORM build turns on Material's
 *     navigation.tracking, so the address follows the section being read).
 * Without a launch page above it (the package opened as a website, or any page of it outside
 * an LMS) it does nothing at all, so the pages behave exactly as on the website.
 */
(function () {
  "use strict";

  var MAX_PARENTS = 10;
  var mot = window.mot;

  /* The launch page's session (window.motScorm), in a parent frame or the opener's. */
  function launchFrom(start) {
    var win = start;
    for (var depth = 0; win && depth <= MAX_PARENTS; depth++) {
      try {
        if (win.motScorm) { return win.motScorm; }
      } catch {  /* a frame of another origin */
        return null;
      }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  var launch = launchFrom(window) || (window.opener ? launchFrom(window.opener) : null);
  if (!launch || !mot) { return; }

  function place() {
    return (window.location.pathname.split("/").pop() || "index.html") + window.location.hash;
  }

  /* The SCO's quiz in the learner's progress record: { percent, passed } once complete. */
  function stored() {
    var progress = mot.progress;
    if (launch.exam) {
      var exam = progress.exam();
      return exam ? { percent: exam.best, passed: exam.passed } : null;
    }
    var entry = progress.quizStatus(launch.quiz).entry;
    return entry && entry.total ? { percent: progress.percent(entry.best, entry.total), passed: entry.passed } : null;
  }

  function tellPlace() { launch.place(place()); }

  document.addEventListener("mot:question-graded", function (event) { launch.graded(event.detail); });
  document.addEventListener("mot:quiz-progress", function (event) { launch.progress(event.detail); });
  window.addEventListener("hashchange", tellPlace);
  window.addEventListener("pagehide", tellPlace);
  mot.onEveryPage(function () { launch.connect(place(), stored()); });
})();
