/*
 * MOT course runtime, the progress record's shape: a record with nothing in it, what each
 * field may hold, and a stored record repaired field by field (what is valid is kept).
 * Joined into mot-core.js in the site (generator/runtime.py), before the core, which
 * reads, merges and saves the record.
 */
(function () {
  "use strict";

  var VERSION = 1;

  /* The course's name has its place in every record, so that a record named as it is saved
     reads back with its fields in the order it was saved in: the core compares the two. */
  function empty() {
    return { version: VERSION, questions: {}, quizzes: {}, exam: null, name: "",
             shuffles: {}, mistakes: {}, attempt: null, course: "" };
  }

  function isSet(value) { return value !== null && value !== undefined; }
  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }
  /* Safe: a count past 2^53 (1e300) is no count a learner made, and showed as 1e+300. */
  function isCount(value) { return Number.isSafeInteger(value) && value >= 0; }
  /* A day that is one (not 2024-13-45), of a year a device's clock gives: from 1970, where
     one whose battery ran down starts again (a pass on it is a real pass), to 2100. */
  function isDate(value) {
    return /^(19[7-9]\d|20\d\d|2100)-\d\d-\d\d$/.test(value) && !isNaN(Date.parse(value)) &&
      new Date(value).toISOString().startsWith(value);
  }
  function isTexts(value) {
    return Array.isArray(value) && value.every(function (item) { return typeof item === "string"; });
  }

  var VALID = {
    /* No result: a dialogue of a module quiz left half way, kept with its turns. */
    questions: function (entry) {
      return isObject(entry) && typeof entry.quiz === "string" &&
        (entry.result === "correct" || entry.result === "incorrect" || entry.result === undefined && entry.answer) &&
        (entry.answer === undefined || isTexts(entry.answer));
    },
    quizzes: function (entry) {
      return isObject(entry) && isCount(entry.best) && isCount(entry.total) && entry.total > 0 &&
        entry.best <= entry.total && typeof entry.passed === "boolean" && (!entry.passed || entry.best > 0);
    },
    shuffles: isCount,
    mistakes: function (entry) { return isObject(entry) && typeof entry.module === "string"; },
    /* Scores no higher than they can be, and no pass an exam never gives: on no day, at 0%
       (every pass mark is 1% at least), or above the best score. A record edited by hand,
       or by another program, showed them on the certificate. */
    exam: function (exam) {
      return isObject(exam) && isCount(exam.best) && exam.best <= 100 && typeof exam.passed === "boolean" &&
        (!exam.passed || (isCount(exam.passedScore) && exam.passedScore > 0 && exam.passedScore <= exam.best &&
        isDate(exam.passedOn)));
    },
    attempt: function (attempt) {
      return isObject(attempt) && isCount(attempt.seed) && isTexts(attempt.questions) &&
        isObject(attempt.answers) && typeof attempt.handedIn === "boolean" && (attempt.results === undefined ||
        isObject(attempt.results) && [attempt.right, attempt.total, attempt.passMark].every(isCount) &&
        attempt.right <= attempt.total && attempt.passMark > 0 && attempt.passMark <= 100);
    }
  };

  /* A record of this version, field by field: what is valid is kept. Returns the record
     and how many parts were dropped; null for anything of another version. */
  function repair(data) {
    if (!isObject(data) || data.version !== VERSION) { return null; }
    var clean = empty();
    var dropped = 0;
    ["questions", "quizzes", "shuffles", "mistakes"].forEach(function (field) {
      var map = isObject(data[field]) ? data[field] : {};
      dropped += data[field] === undefined || isObject(data[field]) ? 0 : 1;
      Object.keys(map).forEach(function (id) {
        if (VALID[field](map[id])) { clean[field][id] = map[id]; } else { dropped += 1; }
      });
    });
    ["exam", "attempt"].forEach(function (field) {
      if (VALID[field](data[field])) { clean[field] = data[field]; } else if (isSet(data[field])) { dropped += 1; }
    });
    var attempt = clean.attempt || {};
    var answers = attempt.answers || {};   /* an attempt keeps its answers one by one */
    Object.keys(answers).forEach(function (id) { if (!isTexts(answers[id])) { delete answers[id]; dropped += 1; } });
    /* and the verdicts of the paper handed in before it (mot-core.js, setAttempt) */
    if (isSet(attempt.lastResults) && !isObject(attempt.lastResults)) { delete attempt.lastResults; dropped += 1; }
    if (typeof data.name === "string") { clean.name = data.name; } else if (isSet(data.name)) { dropped += 1; }
    /* Which save made the record, and on which save's record (mot-core.js, withOurs), and
       the course it is of (mot-rehome.js, claim): not progress, so one of another shape is
       left out unsaid. */
    ["save", "madeOn", "course"].forEach(function (field) {
      if (typeof data[field] === "string") { clean[field] = data[field]; }
    });
    return { record: clean, dropped: dropped };
  }

  window.mot = { records: { empty: empty, repair: repair, isSet: isSet, isCount: isCount } };
})();
