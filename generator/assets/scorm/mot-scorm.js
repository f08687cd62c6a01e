/*
 * MOT course SCORM 1.2 bridge: reports quiz results to an LMS. Plain JavaScript, no build step.
 *
 * Only the SCORM package loads this file. It looks for the LMS's SCORM 1.2 API object
 * (window.API in a parent frame or the opener); without one it does nothing at all, so the
 * pages behave exactly as on the website. It follows the learner through the
 * "mot:quiz-progress" event of the runtime and reports:
 *   cmi.core.lesson_status   incomplete, then passed or failed once the quiz is complete, by
 *                            the verdict and pass mark the event carries (the page's own, so
 *                            the LMS and the page agree; the manifest's masteryscore is the same)
 *   cmi.core.score.raw/min/max   the share of right answers, 0-100
 *   cmi.core.lesson_location the page and section the learner is on, to resume there
 * (the SCORM build turns on Material's navigation.tracking, so the address follows the
 * section being read). Each module is one SCO: only its own quiz is reported.
 * Every graded question of that quiz (the "mot:question-graded" event: each answer in a
 * module quiz, every drawn question when the exam is handed in) becomes the next
 * cmi.interactions.n, within SCORM 1.2's limits (identifiers of letters, digits, "-" and
 * "_", at most 255 characters; responses of at most 255 characters):
 *   id, objectives.0.id  the question's id and its learning objective
 *   type                 choice, true-false, sequencing, matching, fill-in, or performance
 *                        for a customer dialogue
 *   student_response     option letters "a,c"; "t" or "f"; ordering item keys in the
 *                        learner's order; "row.choice key" per matching row ("1.k1,2.k2");
 *                        the normalised answer of each blank; "turn:reply" per dialogue turn
 *   result               correct or wrong
 *   latency, time        from the first touch of the question to its grading; time of day
 * It commits after every completed quiz and finishes the session when the page unloads.
 */
(function () {
  "use strict";

  var MAX_PARENTS = 10;        /* the search depth of the SCORM 1.2 API discovery algorithm */
  var PLACE = /^[A-Za-z0-9_-]+\.html(#[A-Za-z0-9_-]+)?$/;
  var MAX_TEXT = 255;          /* CMIIdentifier and CMIFeedback (SCORM 1.2 RTE 3.4.2) */
  var INTERACTION_TYPES = {
    single: "choice", multiple: "choice", true_false: "true-false", ordering: "sequencing",
    matching: "matching", fill_in: "fill-in", scenario: "performance"
  };

  function findApiFrom(start) {
    var win = start;
    for (var depth = 0; win && depth <= MAX_PARENTS; depth++) {
      try {
        if (win.API) { return win.API; }
      } catch {  /* a frame of another origin */
        return null;
      }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  function findApi() {
    return findApiFrom(window) || (window.opener ? findApiFrom(window.opener) : null);
  }

  var api = findApi();
  if (!api || String(api.LMSInitialize("")) !== "true") { return; }

  var started = Date.now();
  var finished = false;
  var status = String(api.LMSGetValue("cmi.core.lesson_status"));
  var best = Number(api.LMSGetValue("cmi.core.score.raw")) || 0;

  function pageName() {
    return window.location.pathname.split("/").pop() || "index.html";
  }

  var launchPage = pageName();
  var launchQuiz = launchPage.replace(/\.html$/, "");

  function currentPlace() {
    return pageName() + window.location.hash;
  }

  /* Back to the section the learner was reading when the last session ended. */
  function resume() {
    var place = String(api.LMSGetValue("cmi.core.lesson_location"));
    if (PLACE.test(place) && place.indexOf(launchPage + "#") === 0 && !window.location.hash) {
      window.location.hash = place.slice(launchPage.length);
    }
  }

  function rememberPlace() {
    var place = currentPlace();
    if (PLACE.test(place)) { api.LMSSetValue("cmi.core.lesson_location", place); }
  }

  function report(progress) {
    if (progress.quizId !== launchQuiz || !progress.total) { return; }
    var percent = Math.round(100 * progress.correct / progress.total);
    if (!progress.complete) {
      if (status !== "passed" && status !== "failed") {
        status = "incomplete";
        api.LMSSetValue("cmi.core.lesson_status", status);
      }
      return;
    }
    if (percent >= best || status !== "passed") {
      best = Math.max(best, percent);
      api.LMSSetValue("cmi.core.score.min", "0");
      api.LMSSetValue("cmi.core.score.max", "100");
      api.LMSSetValue("cmi.core.score.raw", String(best));
      status = progress.passed || best >= progress.passMark ? "passed" : "failed";
      api.LMSSetValue("cmi.core.lesson_status", status);
    }
    rememberPlace();
    api.LMSCommit("");
  }

  function two(n) { return (n < 10 ? "0" : "") + n; }

  /* CMITimespan, HHHH:MM:SS.SS */
  function timespan(milliseconds) {
    var hundredths = Math.round(milliseconds / 10);
    var seconds = Math.floor(hundredths / 100);
    return ("000" + Math.floor(seconds / 3600)).slice(-4) + ":" + two(Math.floor(seconds / 60) % 60) +
      ":" + two(seconds % 60) + "." + two(hundredths % 100);
  }

  /* CMITime, the time of day: HH:MM:SS */
  function timeOfDay(iso) {
    var when = new Date(iso);
    return two(when.getHours()) + ":" + two(when.getMinutes()) + ":" + two(when.getSeconds());
  }

  function identifier(text) {
    return String(text).replace(/[^A-Za-z0-9_-]/g, "_").slice(0, MAX_TEXT);
  }

  /* At most 255 characters, never cutting a character in two. */
  function limited(text) {
    return Array.from(text).slice(0, MAX_TEXT).join("");
  }

  function studentResponse(type, response) {
    if (type === "true_false") { return response[0] === "true" ? "t" : "f"; }
    if (type === "matching") {
      return response.map(function (key, row) { return (row + 1) + "." + key; }).join(",");
    }
    return response.join(",");
  }

  function recordInteraction(graded) {
    if (graded.quizId !== launchQuiz || !INTERACTION_TYPES[graded.type]) { return; }
    var prefix = "cmi.interactions." + Number(api.LMSGetValue("cmi.interactions._count")) + ".";
    api.LMSSetValue(prefix + "id", identifier(graded.questionId));
    api.LMSSetValue(prefix + "objectives.0.id", identifier(graded.objective));
    api.LMSSetValue(prefix + "type", INTERACTION_TYPES[graded.type]);
    api.LMSSetValue(prefix + "student_response", limited(studentResponse(graded.type, graded.response)));
    api.LMSSetValue(prefix + "result", graded.result === "correct" ? "correct" : "wrong");
    api.LMSSetValue(prefix + "latency", timespan(graded.latency));
    api.LMSSetValue(prefix + "time", timeOfDay(graded.time));
  }

  function finish() {
    if (finished) { return; }
    finished = true;
    rememberPlace();
    api.LMSSetValue("cmi.core.session_time", timespan(Date.now() - started));
    api.LMSSetValue("cmi.core.exit", status === "passed" ? "" : "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }

  if (status === "not attempted" || status === "") {
    status = "incomplete";
    api.LMSSetValue("cmi.core.lesson_status", status);
  }
  resume();
  document.addEventListener("mot:question-graded", function (event) { recordInteraction(event.detail); });
  document.addEventListener("mot:quiz-progress", function (event) { report(event.detail); });
  window.addEventListener("hashchange", rememberPlace);
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
