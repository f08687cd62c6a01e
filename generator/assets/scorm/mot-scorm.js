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
 * It commits after every completed quiz and finishes the session when the page unloads.
 */
(function () {
  "use strict";

  var MAX_PARENTS = 10;        /* the search depth of the SCORM 1.2 API discovery algorithm */
  var PLACE = /^[A-Za-z0-9_-]+\.html(#[A-Za-z0-9_-]+)?$/;

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

  function sessionTime() {
    var seconds = Math.floor((Date.now() - started) / 1000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    var hours = Math.floor(seconds / 3600);
    return ("000" + hours).slice(-4) + ":" + two(Math.floor(seconds / 60) % 60) + ":" +
      two(seconds % 60);
  }

  function finish() {
    if (finished) { return; }
    finished = true;
    rememberPlace();
    api.LMSSetValue("cmi.core.session_time", sessionTime());
    api.LMSSetValue("cmi.core.exit", status === "passed" ? "" : "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }

  if (status === "not attempted" || status === "") {
    status = "incomplete";
    api.LMSSetValue("cmi.core.lesson_status", status);
  }
  resume();
  document.addEventListener("mot:quiz-progress", function (event) { report(event.detail); });
  window.addEventListener("hashchange", rememberPlace);
  window.addEventListener("pagehide", finish);
  window.addEventListener("beforeunload", finish);
})();
