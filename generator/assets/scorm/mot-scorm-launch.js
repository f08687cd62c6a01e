/*
 * MOT course SCORM 1.2 launch page: one LMS session per launch. Plain JavaScript, no build step.
 *
 * Each SCO of the package (a module, or the final exam) starts at its own launch page,
 * scorm/<name>.html, which the manifest names. That page holds the SCORM session and shows
 * the course in a frame that fills it: the learner may follow any link inside (the footer's
 * 下一页, the sidebar, links in the text, each a full page load), and the session goes on.
 * So the LMS sees what SCORM 1.2 asks: one LMSInitialize when the launch page opens, one
 * LMSFinish when it closes, however many pages were read in between.
 *
 * The course pages (mot-scorm.js) tell this page what happens in them; only the SCO's own
 * quiz (the frame's data-quiz: the module's, or the exam) is reported:
 *   cmi.core.lesson_status   incomplete, then passed or failed once the quiz is complete, by
 *                            the verdict the page gives (the manifest names no masteryscore,
 *                            so the LMS takes it as given); a result the learner's browser
 *                            already holds (the quiz done outside this launch) is reported
 *                            when the SCO's page first opens
 *   cmi.core.score.raw/min/max   the share of right answers, 0-100 (the best one)
 *   cmi.core.lesson_location the section of the SCO's own page the learner was reading, to
 *                            resume there at the next launch
 *   cmi.interactions.n       each graded question of that quiz (the "mot:question-graded"
 *                            event: each answer in a module quiz, every drawn question when the
 *                            exam is handed in), within SCORM 1.2's limits (identifiers of
 *                            letters, digits, "-" and "_", at most 255 characters; responses
 *                            of at most 255 characters):
 *     id, objectives.0.id  the question's id and its learning objective
 *     type                 choice, true-false, sequencing, matching, fill-in, or performance
 *                          for a customer dialogue
 *     student_response     the chosen options' keys; "t" or "f"; ordering item keys in the
 *                          learner's order; "row.choice key" per matching row ("1.k1,2.k2");
 *                          the normalised answer of each blank; "turn:reply key" per dialogue
 *                          turn
 *     result               correct or wrong
 *     latency, time        from the first touch of the question to its grading (none for a
 *                          question not touched since the page loaded, or since another
 *                          tab changed its answer); time of day
 * The learner's progress stays in the browser, one LMS learner's at a time (claimProgress).
 * It commits after every completed quiz (and after a stored result that changed the record)
 * and finishes the session when this page unloads. The page takes the title of the course
 * page being read and paints its background in the learner's colour scheme (Material's
 * stored choice, else the system's). Without an LMS it just shows the course page.
 */
(function () {
  "use strict";

  var MAX_PARENTS = 10;        /* the search depth of the SCORM 1.2 API discovery algorithm */
  var PLACE = /^[A-Za-z0-9_-]+\.html(#[A-Za-z0-9_%-]+)?$/;   /* a Chinese id: percent-encoded */
  var MAX_TEXT = 255;          /* CMIIdentifier and CMIFeedback (SCORM 1.2 RTE 3.4.2) */
  var INTERACTION_TYPES = {
    single: "choice", multiple: "choice", true_false: "true-false", ordering: "sequencing",
    matching: "matching", fill_in: "fill-in", scenario: "performance"
  };

  var frame = document.getElementById("mot-course");
  var ownPage = frame.getAttribute("data-page");          /* "01-significance.html" */
  var sco = { quiz: frame.getAttribute("data-quiz"), exam: frame.hasAttribute("data-exam") };
  var passMark = Number(frame.getAttribute("data-pass-mark"));
  var progressKey = frame.getAttribute("data-progress");   /* where the runtime keeps progress */
  var courseRoot = new URL("..", window.location.href);

  /* The learner's colour scheme as Material keeps it (or the system's, when the learner
     chose none or chose to follow it), for this page's own background: what shows while a
     course page loads in the frame. */
  function paintScheme() {
    var scheme = window.matchMedia("(prefers-color-scheme: dark)").matches ? "slate" : "default";
    try {
      var palette = JSON.parse(window.localStorage.getItem(courseRoot.pathname + ".__palette"));
      var chosen = palette && palette.color && palette.color.media !== "(prefers-color-scheme)";   /* not "follow the system" */
      if (chosen && palette.color.scheme) { scheme = palette.color.scheme; }
    } catch { /* storage blocked or unreadable: the system's scheme */ }
    document.documentElement.setAttribute("data-scheme", scheme);
  }

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
    var found = findApiFrom(window) || (window.opener ? findApiFrom(window.opener) : null);
    return found && guarded(found);
  }

  /* The LMS's API with each call that throws (a broken wrapper, a proxy across frames) taken
     as one that failed: the learner got a blank frame where the course should have been. */
  function guarded(lms) {
    var safe = {};
    ["LMSInitialize", "LMSFinish", "LMSGetValue", "LMSSetValue", "LMSCommit"].forEach(function (name) {
      safe[name] = function () {
        try { return lms[name].apply(lms, arguments); } catch { return name === "LMSGetValue" ? "" : "false"; }
      };
    });
    return safe;
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

  /* At most 255 characters as JavaScript counts them (an emoji is two), as an LMS checks
     (Moodle refused a longer response), never cutting a character in two. */
  function limited(text) {
    var cut = text.slice(0, MAX_TEXT);
    return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
  }

  function studentResponse(type, response) {
    if (type === "true_false" && response.length) { return response[0] === "true" ? "t" : "f"; }
    if (type === "matching") {
      return response.map(function (key, row) { return (row + 1) + "." + key; }).join(",");
    }
    return response.join(",");
  }

  /* A place on the SCO's own page ("01-significance.html#quiz"), else "". */
  function ownPlace(place) {
    var text = String(place);
    var own = text === ownPage || text.indexOf(ownPage + "#") === 0;
    return PLACE.test(text) && own && text.length <= MAX_TEXT ? text : "";   /* CMIString255 */
  }

  /* The session: set up by begin() once the LMS has said yes to LMSInitialize. */
  var api = null;
  var started = Date.now();
  var finished = false;
  var status = "";
  var best = 0;
  var place = "";

  function notePlace(where) {
    var found = ownPlace(where);
    if (found && found !== place && !finished) {
      place = found;
      api.LMSSetValue("cmi.core.lesson_location", place);
    }
  }

  /* Where the frame is now (a section the address followed without a hashchange). */
  function frameLocation() {
    try {
      var location = frame.contentWindow.location;
      return location.pathname.split("/").pop() + location.hash;
    } catch {
      return "";   /* gone, or a page of another origin */
    }
  }

  /* A complete quiz: the best score, and passed or failed; says whether anything changed. */
  function complete(percent, passed) {
    if (percent < best && status === "passed") { return false; }
    var before = status + "/" + best;
    best = Math.max(best, percent);
    api.LMSSetValue("cmi.core.score.min", "0");
    api.LMSSetValue("cmi.core.score.max", "100");
    api.LMSSetValue("cmi.core.score.raw", String(best));
    status = passed || best >= passMark ? "passed" : "failed";
    api.LMSSetValue("cmi.core.lesson_status", status);
    return before !== status + "/" + best;
  }

  /* mot:quiz-progress in the frame's page. */
  function progress(detail) {
    if (finished || detail.quizId !== sco.quiz || !detail.total) { return; }
    if (!detail.complete) {
      /* Set only when it changes, not again at every answer: an LMS logs every call. */
      if (status !== "passed" && status !== "failed" && status !== "incomplete") {
        status = "incomplete";
        api.LMSSetValue("cmi.core.lesson_status", status);
      }
      return;
    }
    complete(Math.floor(100 * detail.correct / detail.total), detail.passed);
    notePlace(frameLocation());
    api.LMSCommit("");
  }

  /* mot:question-graded in the frame's page: the next cmi.interactions.n. */
  function graded(detail) {
    if (finished || detail.quizId !== sco.quiz || !INTERACTION_TYPES[detail.type]) { return; }
    var prefix = "cmi.interactions." + Number(api.LMSGetValue("cmi.interactions._count")) + ".";
    api.LMSSetValue(prefix + "id", identifier(detail.questionId));
    api.LMSSetValue(prefix + "objectives.0.id", identifier(detail.objective));
    api.LMSSetValue(prefix + "type", INTERACTION_TYPES[detail.type]);
    api.LMSSetValue(prefix + "student_response", limited(studentResponse(detail.type, detail.response)));
    api.LMSSetValue(prefix + "result", detail.result === "correct" ? "correct" : "wrong");
    if (typeof detail.latency === "number") { api.LMSSetValue(prefix + "latency", timespan(detail.latency)); }
    api.LMSSetValue(prefix + "time", timeOfDay(detail.time));
  }

  /* A course page opened in the frame; `stored` is the SCO's quiz as the learner's browser
     holds it ({ percent, passed } once complete, else null), done in this launch or before. */
  function connect(where, stored) {
    if (finished) { return; }
    notePlace(where);
    paintScheme();
    if (stored && complete(Number(stored.percent) || 0, stored.passed === true)) { api.LMSCommit(""); }
  }

  function finish() {
    if (finished) { return; }
    notePlace(frameLocation());
    finished = true;
    api.LMSSetValue("cmi.core.session_time", timespan(Date.now() - started));
    api.LMSSetValue("cmi.core.exit", status === "passed" ? "" : "suspend");
    api.LMSCommit("");
    api.LMSFinish("");
  }

  /* The browser holds one learner's progress at a time, and the course pages know of no LMS:
     on a computer learners share, a launch by another learner puts the record away under
     its learner's id and brings back this learner's own, so that no one sees, or is
     reported, another's results. Done before the course page opens. An LMS that names no
     learner leaves the record as it is. */
  function claimProgress(learner) {
    if (!learner) { return; }
    try {
      var storage = window.localStorage;
      var owner = storage.getItem(progressKey + ":learner");
      if (owner === learner) { return; }
      var record = storage.getItem(progressKey);
      if (record !== null) {
        /* A record of no known learner (from before any launch) is put away under "". When
           storage is too full to keep it, it goes: the LMS keeps that learner's results. */
        try { storage.setItem(progressKey + ":of:" + (owner || ""), record); } catch { /* full */ }
        storage.removeItem(progressKey);
      }
      storage.setItem(progressKey + ":learner", learner);
      var own = storage.getItem(progressKey + ":of:" + learner);
      if (own !== null) {
        storage.setItem(progressKey, own);
        storage.removeItem(progressKey + ":of:" + learner);
      }
    } catch { /* storage blocked: the course pages keep progress in memory for this visit */ }
  }

  /* The session has begun: read the SCO's record, offer the course pages the session
     (window.motScorm), and say which page to open (the SCO's own, at the stored section). */
  function begin(lms) {
    api = lms;
    status = String(api.LMSGetValue("cmi.core.lesson_status"));
    best = Number(api.LMSGetValue("cmi.core.score.raw")) || 0;
    place = ownPlace(api.LMSGetValue("cmi.core.lesson_location"));
    if (status === "not attempted" || status === "") {
      status = "incomplete";
      api.LMSSetValue("cmi.core.lesson_status", status);
    }
    claimProgress(String(api.LMSGetValue("cmi.core.student_id") || ""));
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
    window.motScorm = {
      quiz: sco.quiz, exam: sco.exam, connect: connect, progress: progress, graded: graded, place: notePlace
    };
    return place || ownPage;
  }

  paintScheme();
  var lms = findApi();
  var first = lms && String(lms.LMSInitialize("")) === "true" ? begin(lms) : ownPage;
  frame.src = new URL(first, courseRoot).href;
  frame.addEventListener("load", function () {
    try {
      /* The page being read names this page and the frame a screen reader announces. */
      document.title = frame.title = frame.contentDocument.title || document.title;
    } catch { /* a page of another origin */ }
    /* A launch page opened on its own (a new window): keys go to the course, not to this page. */
    if (document.hasFocus() && document.activeElement === document.body) { frame.focus(); }
  });
})();
