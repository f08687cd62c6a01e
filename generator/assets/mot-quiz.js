/*
 * MOT course quiz runtime: checks answers in the browser. Plain JavaScript, no build step.
 *
 * Each question is a <form class="mot-question"> rendered by the generator. The page holds
 * no answer in plain text: data-digest is SHA-256 of "<data-salt>:<response>", where the
 * response is the sorted values of the chosen inputs joined by commas.
 */
(function () {
  "use strict";

  var TEXT = {
    choose: "请先选择答案，再提交。",
    correct: "回答正确。",
    incorrect: "回答错误，请看下面的讲解。",
    progress: function (done, total, right) {
      return "已完成 " + done + "/" + total + " 题，答对 " + right + " 题";
    },
    score: function (right, total) {
      return "得分 " + right + "/" + total + "。点“重新作答”可以再试一次。";
    }
  };

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

  function responseOf(form) {
    var chosen = form.querySelectorAll(".mot-options input:checked");
    return Array.prototype.map.call(chosen, function (input) { return input.value; }).sort();
  }

  function setStatus(form, text, result) {
    var status = form.querySelector(".mot-status");
    status.textContent = "";
    if (result) {
      var icon = document.createElement("span");
      icon.className = "mot-icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = result === "correct" ? "✓" : "✗";
      status.appendChild(icon);
    }
    status.appendChild(document.createTextNode(text));
  }

  function showFeedback(form, chosen, result) {
    var feedback = form.querySelector(".mot-feedback");
    form.querySelectorAll(".mot-option-feedback").forEach(function (item) {
      var key = item.getAttribute("data-option");
      var when = item.getAttribute("data-when");
      item.hidden = key ? chosen.indexOf(key) < 0 : when !== result;
    });
    feedback.hidden = false;
    feedback.setAttribute("tabindex", "-1");
    feedback.focus({ preventScroll: false });
  }

  function lock(form, locked) {
    form.querySelectorAll("input, .mot-submit").forEach(function (control) {
      control.disabled = locked;
    });
  }

  function check(form, quiz) {
    var chosen = responseOf(form);
    if (chosen.length === 0) {
      setStatus(form, TEXT.choose, null);
      return;
    }
    var salt = form.getAttribute("data-salt");
    sha256(salt + ":" + chosen.join(",")).then(function (digest) {
      var result = digest === form.getAttribute("data-digest") ? "correct" : "incorrect";
      form.setAttribute("data-result", result);
      chosen.forEach(function (key) {
        var input = form.querySelector('.mot-options input[value="' + key + '"]');
        if (input) { input.closest(".mot-option").classList.add("mot-chosen"); }
      });
      lock(form, true);
      setStatus(form, TEXT[result], result);
      showFeedback(form, chosen, result);
      updateScore(quiz);
    });
  }

  function updateScore(quiz) {
    var questions = quiz.querySelectorAll(".mot-question");
    var done = quiz.querySelectorAll(".mot-question[data-result]").length;
    var right = quiz.querySelectorAll('.mot-question[data-result="correct"]').length;
    var score = quiz.querySelector(".mot-score");
    score.textContent = done === questions.length ?
      TEXT.score(right, questions.length) : TEXT.progress(done, questions.length, right);
    score.setAttribute("data-correct", String(right));
    score.setAttribute("data-answered", String(done));
    /* Other scripts (an LMS bridge, for instance) follow the learner through this event. */
    document.dispatchEvent(new CustomEvent("mot:quiz-progress", {
      detail: {
        quizId: quiz.getAttribute("data-quiz-id"),
        answered: done,
        correct: right,
        total: questions.length,
        complete: done === questions.length
      }
    }));
  }

  function reset(quiz) {
    quiz.querySelectorAll(".mot-question").forEach(function (form) {
      form.reset();
      form.removeAttribute("data-result");
      lock(form, false);
      form.querySelectorAll(".mot-chosen").forEach(function (option) {
        option.classList.remove("mot-chosen");
      });
      form.querySelector(".mot-status").textContent = "";
      form.querySelector(".mot-feedback").hidden = true;
    });
    updateScore(quiz);
    var first = quiz.querySelector(".mot-options input");
    if (first) { first.focus(); }
  }

  function setUp(quiz) {
    if (quiz.hasAttribute("data-ready")) { return; }
    quiz.setAttribute("data-ready", "");
    quiz.querySelectorAll(".mot-question").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        check(form, quiz);
      });
    });
    quiz.querySelector(".mot-retry").addEventListener("click", function () { reset(quiz); });
  }

  function setUpPage() {
    document.querySelectorAll(".mot-quiz").forEach(setUp);
  }

  if (typeof window.document$ !== "undefined") {
    window.document$.subscribe(setUpPage);   /* Material: runs again after instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpPage);
  } else {
    setUpPage();
  }

  window.motQuiz = { sha256: sha256, sha256Fallback: sha256Fallback };
})();
