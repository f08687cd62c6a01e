/*
 * MOT course runtime, core: what every page shares. Plain JavaScript, no build step.
 *
 * - Page start: each page part (quiz, exam, dashboard, certificate) registers a set-up
 *   that runs on every page, also after Material's instant navigation (document$). A page
 *   names the parts it needs in data-mot-parts; they are loaded from the assets folder
 *   the first time a page needs them, so a page loads only the code it uses.
 * - Storage: one progress record per site, under a key namespaced by the site's path, with
 *   a schema version. When storage throws (blocked, private mode, quota) or holds corrupt
 *   or old data, progress lives in memory for this visit and the learner is told once.
 * - Hashing (Web Crypto, or a JavaScript SHA-256 on plain-http pages) and the one
 *   normalisation of typed answers, the same function as generator/normalise.py.
 * - The mot:quiz-progress event, which carries the pass mark and the verdict.
 * Facts about the course (pass marks, stage names, URLs) come from the page, never from here.
 */
(function () {
  "use strict";

  var VERSION = 1;
  var SCRIPT = document.currentScript.src;
  var KEY = "mot-course:" + new URL("..", SCRIPT).pathname + ":progress";
  var WARNING = "这台设备的浏览器不能保存学习进度（可能禁用了本地存储或处于隐私模式）。" +
    "你仍然可以学习和答题，但关闭或刷新页面后，进度不会保留。";
  /* The build writes the fold table of generator/data/case-folds.json here. */
  var CASE_FOLDS = /* mot:case-folds */ { ranges: [], strings: {} };

  /* Page start and page parts ------------------------------------------------------- */

  var parts = {};      /* name -> { selector, setUp } */
  var loading = {};    /* script name -> Promise */

  function register(name, selector, setUp) {
    parts[name] = { selector: selector, setUp: setUp };
  }

  function loadPart(name) {
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = new URL("mot-" + name + ".js", SCRIPT).href;
        script.async = false;   /* run in the order asked for: the engine before a quiz */
        script.onload = resolve;
        script.onerror = function () {
          delete loading[name];   /* the next page start tries again */
          script.remove();
          reject(new Error("mot-" + name + ".js did not load"));
        };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function neededParts() {
    var names = [];
    document.querySelectorAll("[data-mot-parts]").forEach(function (el) {
      el.getAttribute("data-mot-parts").split(" ").forEach(function (name) {
        if (name && names.indexOf(name) < 0) { names.push(name); }
      });
    });
    return names;
  }

  function startPage() {
    /* Material's loading bar has no accessible name; give it one. */
    document.querySelectorAll('.md-progress[role="progressbar"]').forEach(function (bar) {
      bar.setAttribute("aria-label", "页面加载进度");
    });
    warnOnce();
    Promise.all(neededParts().map(loadPart)).then(function () {
      Object.keys(parts).forEach(function (name) {
        document.querySelectorAll(parts[name].selector).forEach(parts[name].setUp);
      });
    }, function (error) {
      /* A part that cannot load (no network, a preview rebuilding) leaves the page readable. */
      console.warn(error.message);
    });
  }

  function onEveryPage(setUp) {
    if (typeof window.document$ !== "undefined") {
      window.document$.subscribe(setUp);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", setUp);
    } else {
      setUp();
    }
  }

  /* Storage ------------------------------------------------------------------------- */

  var persistent = true;
  var warned = false;
  var state = load();

  function empty() {
    return { version: VERSION, questions: {}, quizzes: {}, exam: null, name: "" };
  }

  function isValid(data) {
    return data !== null && typeof data === "object" && data.version === VERSION &&
      typeof data.questions === "object" && typeof data.quizzes === "object";
  }

  function load() {
    try {
      var raw = window.localStorage.getItem(KEY);
      if (raw === null) { return empty(); }
      var data = JSON.parse(raw);
      if (isValid(data)) { return data; }
    } catch { /* blocked storage or corrupt JSON: fall through */ }
    persistent = false;  /* never overwrite data this version cannot read */
    return empty();
  }

  function save() {
    if (!persistent) { return; }
    try {
      window.localStorage.setItem(KEY, JSON.stringify(state));
    } catch {
      persistent = false;   /* full or blocked since the page loaded */
    }
    warnOnce();
  }

  function warnOnce() {
    var content = document.querySelector(".md-content__inner") || document.body;
    if (persistent || warned || !content) { return; }
    warned = true;
    var note = document.createElement("div");
    note.className = "admonition warning mot-storage-warning";
    note.setAttribute("role", "status");
    note.innerHTML = '<p class="admonition-title">进度不会保存</p><p></p>';
    note.lastChild.textContent = WARNING;
    content.insertBefore(note, content.firstChild);
  }

  function percent(right, total) { return total ? Math.round((100 * right) / total) : 0; }

  var progress = {
    key: KEY,
    percent: percent,
    result: function (questionId) {
      return state.questions[questionId] ? state.questions[questionId].result : null;
    },
    recordAnswer: function (quizId, questionId, result) {
      state.questions[questionId] = { quiz: quizId, result: result };
      save();
    },
    forget: function (questionIds) {
      questionIds.forEach(function (id) { delete state.questions[id]; });
      save();
    },
    recordQuiz: function (quizId, right, total, passMark) {
      var entry = state.quizzes[quizId] || { best: 0, total: total, passed: false };
      entry.best = Math.max(entry.best, right);
      entry.total = total;
      entry.passed = entry.passed || percent(right, total) >= passMark;
      state.quizzes[quizId] = entry;
      save();
    },
    recordExam: function (right, total, passMark) {
      var score = percent(right, total);
      var exam = state.exam || { best: 0, passed: false, passedScore: 0, passedOn: "" };
      exam.best = Math.max(exam.best, score);
      if (score >= passMark && score >= exam.passedScore) {
        exam.passed = true;
        exam.passedScore = score;
        exam.passedOn = new Date().toISOString().slice(0, 10);
      }
      state.exam = exam;
      save();
    },
    /* "not-started", "in-progress" or "passed", and the quiz's best result. */
    quizStatus: function (quizId) {
      var entry = state.quizzes[quizId];
      var started = Object.keys(state.questions).some(function (id) {
        return state.questions[id].quiz === quizId;
      });
      var status = entry && entry.passed ? "passed" : (entry || started ? "in-progress" : "not-started");
      return { status: status, entry: entry };
    },
    exam: function () { return state.exam; },
    name: function () { return state.name || ""; },
    setName: function (name) { state.name = name; save(); }
  };

  /* Hashing and normalisation ------------------------------------------------------ */

  /* SHA-256 for pages without Web Crypto (plain http on a classroom network). */
  function sha256Fallback(message) {
    var k = [], h = [], i, j;
    function frac(x) { return ((x - Math.floor(x)) * 4294967296) | 0; }
    for (var n = 2, found = 0; found < 64; n++) {
      var prime = true;
      for (j = 2; j * j <= n; j++) { if (n % j === 0) { prime = false; break; } }
      if (prime) {
        if (found < 8) { h[found] = frac(Math.pow(n, 1 / 2)); }
        k[found++] = frac(Math.pow(n, 1 / 3));
      }
    }
    var bytes = Array.prototype.slice.call(new TextEncoder().encode(message));
    var bitLength = bytes.length * 8;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) { bytes.push(0); }
    for (i = 7; i >= 0; i--) { bytes.push(i > 3 ? 0 : (bitLength >>> (i * 8)) & 0xff); }
    function rotr(x, r) { return (x >>> r) | (x << (32 - r)); }
    for (i = 0; i < bytes.length; i += 64) {
      var w = [], a = h.slice();
      for (j = 0; j < 64; j++) {
        if (j < 16) {
          w[j] = (bytes[i + 4 * j] << 24) | (bytes[i + 4 * j + 1] << 16) |
                 (bytes[i + 4 * j + 2] << 8) | bytes[i + 4 * j + 3];
        } else {
          var s0 = rotr(w[j - 15], 7) ^ rotr(w[j - 15], 18) ^ (w[j - 15] >>> 3);
          var s1 = rotr(w[j - 2], 17) ^ rotr(w[j - 2], 19) ^ (w[j - 2] >>> 10);
          w[j] = (w[j - 16] + s0 + w[j - 7] + s1) | 0;
        }
        var t1 = a[7] + (rotr(a[4], 6) ^ rotr(a[4], 11) ^ rotr(a[4], 25)) +
                 ((a[4] & a[5]) ^ (~a[4] & a[6])) + k[j] + w[j];
        var t2 = (rotr(a[0], 2) ^ rotr(a[0], 13) ^ rotr(a[0], 22)) +
                 ((a[0] & a[1]) ^ (a[0] & a[2]) ^ (a[1] & a[2]));
        a.pop();
        a.unshift((t1 + t2) | 0);
        a[4] = (a[4] + t1) | 0;
      }
      for (j = 0; j < 8; j++) { h[j] = (h[j] + a[j]) | 0; }
    }
    return h.map(function (x) { return ("00000000" + (x >>> 0).toString(16)).slice(-8); }).join("");
  }

  function sha256(message) {
    if (window.crypto && window.crypto.subtle && window.TextEncoder) {
      return window.crypto.subtle.digest("SHA-256", new TextEncoder().encode(message))
        .then(function (buffer) {
          return Array.prototype.map.call(new Uint8Array(buffer), function (b) {
            return ("0" + b.toString(16)).slice(-2);
          }).join("");
        });
    }
    return Promise.resolve(sha256Fallback(message));
  }

  /* Case folding, one character at a time: the shared table, else lower-casing. */
  function fold(character) {
    if (Object.prototype.hasOwnProperty.call(CASE_FOLDS.strings, character)) {
      return CASE_FOLDS.strings[character];
    }
    var code = character.codePointAt(0);
    for (var i = 0; i < CASE_FOLDS.ranges.length; i++) {
      var range = CASE_FOLDS.ranges[i];
      if (code >= range[0] && code <= range[1]) { return String.fromCodePoint(code + range[2]); }
    }
    return character.toLowerCase();
  }

  function normalise(text) {
    return Array.from(text.normalize("NFKC"), fold).join("")
      .replace(/[\p{Z}\p{Cc}]+/gu, " ")
      .replace(/^[\p{P}\p{Z}\p{Cc}]+|[\p{P}\p{Z}\p{Cc}]+$/gu, "");
  }

  /* Events and helpers -------------------------------------------------------------- */

  /* Other scripts (an LMS bridge, for instance) follow the learner through this event. */
  function announce(quizId, right, answered, total, passMark) {
    var complete = answered === total;
    document.dispatchEvent(new CustomEvent("mot:quiz-progress", {
      detail: {
        quizId: quizId,
        answered: answered,
        correct: right,
        total: total,
        complete: complete,
        passMark: passMark,
        passed: complete && percent(right, total) >= passMark
      }
    }));
  }

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function element(tag, text, className) {
    var made = document.createElement(tag);
    if (text) { made.textContent = text; }
    if (className) { made.className = className; }
    return made;
  }

  function courseData(el) { return JSON.parse(el.getAttribute("data-course")); }

  window.mot = {
    register: register,
    onEveryPage: onEveryPage,
    progress: progress,
    sha256: sha256,
    sha256Fallback: sha256Fallback,
    normalise: normalise,
    announce: announce,
    all: all,
    element: element,
    courseData: courseData
  };

  onEveryPage(startPage);
})();
