/*
 * MOT course quiz runtime: checks answers in the browser. Plain JavaScript, no build step.
 *
 * Each question is a <form class="mot-question"> rendered by the generator. The page holds
 * no answer in plain text, only salted SHA-256 digests (data-salt, data-digest):
 *   single, multiple, true_false  "<salt>:<chosen values, sorted, joined by commas>"
 *   ordering                      "<salt>:<item keys in the learner's order, joined>"
 *   matching                      "<salt>:<chosen key of each item, in item order, joined>"
 *   fill_in (per blank)           "<salt>:<blank index>:<normalised answer>" (data-digests)
 *   scenario (per turn)           "<salt>:<turn id>:<chosen reply>"
 * Typed answers are normalised exactly as generator/normalise.py does.
 * Needs mot-progress.js (loaded before it); mot-exam.js builds on window.motQuiz.
 */
(function () {
  "use strict";

  var TEXT = {
    choose: "请先选择答案，再提交。",
    match: "请先为每一项选好配对，再提交。",
    fill: "请先填好每一个空，再提交。",
    reply: "请先选一句回复。",
    correct: "回答正确。",
    incorrect: "回答错误，请看下面的讲解。",
    recorded: "答案已记录，交卷后显示对错。",
    restored: { correct: "上次已答对。", incorrect: "上次答错了，可以按“只重做答错的题”再试。" },
    wrongBlanks: function (numbers) { return "第 " + numbers.join("、") + " 空不对。"; },
    turn: { correct: "这句回复很得当。客户接着说：", incorrect: "这句回复欠妥。客户接着说：" },
    verdict: { correct: "回复得当：", incorrect: "回复欠妥：" },
    dialogue: function (good, turns) { return "对话结束：" + turns + " 轮中有 " + good + " 轮回复得当。"; },
    moved: function (text, place) { return "“" + text + "”现在是第 " + place + " 项。"; },
    edge: "已经到头了。",
    progress: function (done, total, right) {
      return "已完成 " + done + "/" + total + " 题，答对 " + right + " 题";
    },
    score: function (right, total) {
      return "得分 " + right + "/" + total + "。点“重新作答”可以再试一次。";
    }
  };
  var ICON = { correct: "✓", incorrect: "✗" };

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

  /* The one normalisation of typed answers; mirrors generator/normalise.py. JavaScript's
     toLowerCase() is not Python's casefold(): the two folds that differ here are added. */
  function normalise(text) {
    return text.normalize("NFKC").toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ")
      .replace(/[\p{Z}\p{Cc}]+/gu, " ")
      .replace(/^[\p{P}\p{Z}\p{Cc}]+|[\p{P}\p{Z}\p{Cc}]+$/gu, "");
  }

  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  function valuesOf(controls) { return controls.map(function (control) { return control.value; }); }

  /* Each type turns the form into a response (null: not complete) and judges it. */
  function digestOf(form, response) {
    return sha256(form.getAttribute("data-salt") + ":" + response.join(","));
  }

  function judgeByDigest(form, response) {
    return digestOf(form, response).then(function (digest) {
      return { result: digest === form.getAttribute("data-digest") ? "correct" : "incorrect", note: "" };
    });
  }

  function judgeBlanks(form, answers) {
    var blanks = all(form, ".mot-blank");
    var salt = form.getAttribute("data-salt");
    return Promise.all(answers.map(function (answer, index) {
      return sha256(salt + ":" + index + ":" + answer);
    })).then(function (digests) {
      var wrong = [];
      digests.forEach(function (digest, index) {
        var ok = blanks[index].getAttribute("data-digests").split(" ").indexOf(digest) >= 0;
        blanks[index].setAttribute("aria-invalid", String(!ok));
        if (!ok) { wrong.push(index + 1); }
      });
      return { result: wrong.length ? "incorrect" : "correct",
               note: wrong.length && blanks.length > 1 ? TEXT.wrongBlanks(wrong) : "" };
    });
  }

  var CHOICE = {
    response: function (form) {
      var chosen = valuesOf(all(form, ".mot-options input:checked")).sort();
      return chosen.length ? chosen : null;
    },
    judge: judgeByDigest,
    missing: TEXT.choose
  };
  var TYPES = {
    single: CHOICE,
    multiple: CHOICE,
    true_false: CHOICE,
    ordering: {
      response: function (form) {
        return all(form, ".mot-order-item").map(function (item) { return item.getAttribute("data-key"); });
      },
      judge: judgeByDigest
    },
    matching: {
      response: function (form) {
        var chosen = valuesOf(all(form, ".mot-match-select"));
        return chosen.indexOf("") >= 0 ? null : chosen;
      },
      judge: judgeByDigest,
      missing: TEXT.match
    },
    fill_in: {
      response: function (form) {
        var answers = valuesOf(all(form, ".mot-blank")).map(normalise);
        return answers.indexOf("") >= 0 ? null : answers;
      },
      judge: judgeBlanks,
      missing: TEXT.fill
    }
  };

  function setStatus(form, text, result) {
    var status = form.querySelector(".mot-status");
    status.textContent = "";
    if (result) {
      var icon = document.createElement("span");
      icon.className = "mot-icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = ICON[result];
      status.appendChild(icon);
    }
    status.appendChild(document.createTextNode(text));
  }

  function lock(root, locked) {
    all(root, "input, select, button").forEach(function (control) { control.disabled = locked; });
  }

  function showTurnFeedback(turn) {
    var chosen = turn.querySelector("input:checked");
    var feedback = chosen && turn.querySelector('.mot-reply-feedback[data-option="' + chosen.value + '"]');
    if (!feedback || feedback.querySelector(".mot-verdict")) { return; }
    var result = turn.getAttribute("data-result");
    var verdict = document.createElement("strong");
    verdict.className = "mot-verdict";
    verdict.innerHTML = '<span class="mot-icon" aria-hidden="true"></span>';
    verdict.firstChild.textContent = ICON[result];
    verdict.appendChild(document.createTextNode(TEXT.verdict[result]));
    feedback.insertBefore(verdict, feedback.firstChild);
    feedback.hidden = false;
  }

  /* Show the verdict, the feedback of the chosen options and the explanation. */
  function reveal(form, note, focus) {
    var result = form.getAttribute("data-result");
    var chosen = valuesOf(all(form, ".mot-options input:checked"));
    var text = form.hasAttribute("data-restored") ? TEXT.restored[result] : TEXT[result] + note;
    setStatus(form, text, result);
    all(form, ".mot-option-feedback").forEach(function (item) {
      var key = item.getAttribute("data-option");
      item.hidden = form.hasAttribute("data-restored") ||
        (key ? chosen.indexOf(key) < 0 : item.getAttribute("data-when") !== result);
    });
    all(form, ".mot-turn[data-result]").forEach(showTurnFeedback);
    var feedback = form.querySelector(".mot-feedback");
    feedback.hidden = false;
    feedback.setAttribute("tabindex", "-1");
    if (focus) { feedback.focus({ preventScroll: false }); }
  }

  function finish(form, ctx, outcome) {
    form.setAttribute("data-result", outcome.result);
    all(form, ".mot-options input:checked").forEach(function (input) {
      input.closest(".mot-option").classList.add("mot-chosen");
    });
    lock(form, true);
    if (ctx.exam) {
      setStatus(form, TEXT.recorded, null);
    } else {
      reveal(form, outcome.note, true);
    }
    ctx.answered(form, outcome.result);
  }

  function replyToTurn(form, ctx) {
    var turn = form.querySelector(".mot-turn:not([hidden]):not([data-result])");
    var chosen = turn && turn.querySelector("input:checked");
    if (!chosen) { setStatus(form, TEXT.reply, null); return; }
    var response = form.getAttribute("data-salt") + ":" + turn.getAttribute("data-turn") + ":" + chosen.value;
    sha256(response).then(function (digest) {
      var result = digest === turn.getAttribute("data-digest") ? "correct" : "incorrect";
      turn.setAttribute("data-result", result);
      chosen.closest(".mot-option").classList.add("mot-chosen");
      lock(turn, true);
      var next = form.querySelector('.mot-turn[data-turn="' + chosen.getAttribute("data-next") + '"]');
      if (next) {
        if (!ctx.exam) { showTurnFeedback(turn); }
        next.hidden = false;
        setStatus(form, ctx.exam ? "" : TEXT.turn[result], ctx.exam ? null : result);
        next.querySelector("input").focus();
        return;
      }
      var turns = all(form, ".mot-turn[data-result]");
      var good = all(form, '.mot-turn[data-result="correct"]').length;
      finish(form, ctx, { result: good === turns.length ? "correct" : "incorrect",
                          note: TEXT.dialogue(good, turns.length) });
    });
  }

  function check(form, ctx) {
    var type = form.getAttribute("data-question-type");
    if (type === "scenario") { replyToTurn(form, ctx); return; }
    var response = TYPES[type].response(form);
    if (!response) { setStatus(form, TYPES[type].missing, null); return; }
    TYPES[type].judge(form, response).then(function (outcome) { finish(form, ctx, outcome); });
  }

  function move(form, button) {
    var item = button.closest(".mot-order-item");
    var items = all(form, ".mot-order-item");
    var place = items.indexOf(item) + Number(button.getAttribute("data-move"));
    if (place < 0 || place >= items.length) {
      setStatus(form, TEXT.edge, null);
      return;
    }
    var list = item.parentNode;
    list.insertBefore(item, place > items.indexOf(item) ? items[place].nextSibling : items[place]);
    button.focus();
    setStatus(form, TEXT.moved(item.querySelector(".mot-order-text").textContent, place + 1), null);
  }

  function bindQuestion(form, ctx) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check(form, ctx);
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest(".mot-move");
      if (button) { move(form, button); }
    });
  }

  function resetQuestion(form) {
    form.reset();
    form.removeAttribute("data-result");
    form.removeAttribute("data-restored");
    lock(form, false);
    all(form, ".mot-chosen").forEach(function (option) { option.classList.remove("mot-chosen"); });
    all(form, "[aria-invalid]").forEach(function (blank) { blank.removeAttribute("aria-invalid"); });
    all(form, ".mot-turn").forEach(function (turn, index) {
      turn.removeAttribute("data-result");
      turn.hidden = index > 0;
    });
    all(form, ".mot-verdict").forEach(function (verdict) { verdict.remove(); });
    all(form, ".mot-reply-feedback").forEach(function (item) { item.hidden = true; });
    form.querySelector(".mot-status").textContent = "";
    form.querySelector(".mot-feedback").hidden = true;
  }

  function restore(form, result) {
    form.setAttribute("data-result", result);
    form.setAttribute("data-restored", "");
    lock(form, true);
    reveal(form, "", false);
  }

  function firstControl(form) {
    return form.querySelector(".mot-options input:not([disabled]), .mot-options select, .mot-options button");
  }

  /* A module quiz: progress kept per question id, score, retry all or only the wrong ones. */
  function updateScore(quiz, announce) {
    var questions = all(quiz, ".mot-question");
    var done = all(quiz, ".mot-question[data-result]").length;
    var right = all(quiz, '.mot-question[data-result="correct"]').length;
    var complete = done === questions.length;
    var score = quiz.querySelector(".mot-score");
    var quizId = quiz.getAttribute("data-quiz-id");
    var passMark = Number(quiz.getAttribute("data-pass-mark"));
    score.textContent = complete ? TEXT.score(right, questions.length) :
      TEXT.progress(done, questions.length, right);
    score.setAttribute("data-correct", String(right));
    score.setAttribute("data-answered", String(done));
    quiz.querySelector(".mot-retry-wrong").hidden = done === right;
    if (complete) { window.motProgress.recordQuiz(quizId, right, questions.length, passMark); }
    if (!announce) { return; }
    /* Other scripts (an LMS bridge, for instance) follow the learner through this event. */
    document.dispatchEvent(new CustomEvent("mot:quiz-progress", {
      detail: {
        quizId: quizId,
        answered: done,
        correct: right,
        total: questions.length,
        complete: complete,
        passed: complete && window.motProgress.percent(right, questions.length) >= passMark
      }
    }));
  }

  function retry(quiz, forms) {
    forms.forEach(resetQuestion);
    window.motProgress.forget(forms.map(function (form) { return form.getAttribute("data-question-id"); }));
    updateScore(quiz, true);
    var first = forms.length && firstControl(forms[0]);
    if (first) { first.focus(); }
  }

  function setUpQuiz(quiz) {
    if (quiz.hasAttribute("data-ready")) { return; }
    quiz.setAttribute("data-ready", "");
    var quizId = quiz.getAttribute("data-quiz-id");
    var ctx = {
      exam: false,
      answered: function (form, result) {
        window.motProgress.recordAnswer(quizId, form.getAttribute("data-question-id"), result);
        updateScore(quiz, true);
      }
    };
    all(quiz, ".mot-question").forEach(function (form) {
      bindQuestion(form, ctx);
      var saved = window.motProgress.result(form.getAttribute("data-question-id"));
      if (saved) { restore(form, saved); }
    });
    updateScore(quiz, false);
    quiz.querySelector(".mot-retry").addEventListener("click", function () {
      retry(quiz, all(quiz, ".mot-question"));
    });
    quiz.querySelector(".mot-retry-wrong").addEventListener("click", function () {
      retry(quiz, all(quiz, '.mot-question[data-result="incorrect"]'));
    });
  }

  function setUpPage() {
    document.querySelectorAll(".mot-quiz").forEach(setUpQuiz);
  }

  window.motProgress.onEveryPage(setUpPage);

  window.motQuiz = {
    sha256: sha256,
    sha256Fallback: sha256Fallback,
    normalise: normalise,
    bindQuestion: bindQuestion,
    resetQuestion: resetQuestion,
    reveal: reveal,
    firstControl: firstControl
  };
})();
