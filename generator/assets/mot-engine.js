/*
 * MOT course runtime, question engine: reads an answer from a question's form and grades
 * it. Plain JavaScript. It knows nothing of the page around the question: the caller (a
 * module quiz, the exam) is told when a question or a dialogue turn is graded and decides
 * what to show and when (engine.reveal, engine.revealTurn).
 *
 * Each question is a <form class="mot-question"> rendered by the generator. The page holds
 * no answer in plain text, only salted SHA-256 digests (data-salt, data-digest):
 *   single, multiple, true_false  "<salt>:<chosen values, sorted, joined by commas>"
 *   ordering                      "<salt>:<item keys in the learner's order, joined>"
 *   matching                      "<salt>:<chosen key of each item, in item order, joined>"
 *   fill_in (per blank)           "<salt>:<blank index>:<normalised answer>" (data-digests)
 *   scenario (per turn)           "<salt>:<turn id>:<chosen reply>"
 * Needs mot-core.js.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
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
    edge: "已经到头了。"
  };
  var ICON = { correct: "✓", incorrect: "✗" };

  function valuesOf(controls) { return controls.map(function (control) { return control.value; }); }

  /* Each type turns the form into a response (null: not complete) and judges it. */
  function judgeByDigest(form, response) {
    return mot.sha256(form.getAttribute("data-salt") + ":" + response.join(",")).then(function (digest) {
      return { result: digest === form.getAttribute("data-digest") ? "correct" : "incorrect", note: "" };
    });
  }

  function judgeBlanks(form, answers) {
    var blanks = all(form, ".mot-blank");
    var salt = form.getAttribute("data-salt");
    return Promise.all(answers.map(function (answer, index) {
      return mot.sha256(salt + ":" + index + ":" + answer);
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
        var answers = valuesOf(all(form, ".mot-blank")).map(mot.normalise);
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
      var icon = mot.element("span", ICON[result], "mot-icon");
      icon.setAttribute("aria-hidden", "true");
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
    var verdict = mot.element("strong", "", "mot-verdict");
    verdict.innerHTML = '<span class="mot-icon" aria-hidden="true"></span>';
    verdict.firstChild.textContent = ICON[result];
    verdict.appendChild(document.createTextNode(TEXT.verdict[result]));
    feedback.insertBefore(verdict, feedback.firstChild);
    feedback.hidden = false;
  }

  /* The verdict and feedback of the reply just chosen at a turn that leads on. */
  function revealTurn(form, turn) {
    showTurnFeedback(turn);
    var result = turn.getAttribute("data-result");
    setStatus(form, TEXT.turn[result], result);
  }

  /* Show the verdict, the feedback of the chosen options and the explanation. */
  function reveal(form, focus) {
    var result = form.getAttribute("data-result");
    var chosen = valuesOf(all(form, ".mot-options input:checked"));
    var restored = form.hasAttribute("data-restored");
    var text = restored ? TEXT.restored[result] : TEXT[result] + (form.getAttribute("data-note") || "");
    setStatus(form, text, result);
    all(form, ".mot-option-feedback").forEach(function (item) {
      var key = item.getAttribute("data-option");
      item.hidden = restored ||
        (key ? chosen.indexOf(key) < 0 : item.getAttribute("data-when") !== result);
    });
    all(form, ".mot-turn[data-result]").forEach(showTurnFeedback);
    var feedback = form.querySelector(".mot-feedback");
    feedback.hidden = false;
    feedback.setAttribute("tabindex", "-1");
    if (focus) { feedback.focus({ preventScroll: false }); }
  }

  /* Say that the answer is kept without saying whether it is right. */
  function markRecorded(form) { setStatus(form, TEXT.recorded, null); }

  /* What the learner answered, when, and how long it took: for mot:question-graded. */
  var started = new WeakMap();
  var answers = new WeakMap();

  function noteStart(form) {
    if (!started.has(form)) { started.set(form, Date.now()); }
  }

  function finish(form, hooks, outcome) {
    var now = Date.now();
    answers.set(form, { response: outcome.response, latency: now - (started.get(form) || now),
                        time: new Date(now) });
    form.setAttribute("data-result", outcome.result);
    if (outcome.note) { form.setAttribute("data-note", outcome.note); }
    all(form, ".mot-options input:checked").forEach(function (input) {
      input.closest(".mot-option").classList.add("mot-chosen");
    });
    lock(form, true);
    hooks.graded(form, outcome.result);
  }

  function replyToTurn(form, hooks) {
    var turn = form.querySelector(".mot-turn:not([hidden]):not([data-result])");
    var chosen = turn && turn.querySelector("input:checked");
    if (!chosen) { setStatus(form, TEXT.reply, null); return; }
    var response = form.getAttribute("data-salt") + ":" + turn.getAttribute("data-turn") + ":" + chosen.value;
    mot.sha256(response).then(function (digest) {
      var result = digest === turn.getAttribute("data-digest") ? "correct" : "incorrect";
      turn.setAttribute("data-result", result);
      chosen.closest(".mot-option").classList.add("mot-chosen");
      lock(turn, true);
      var next = form.querySelector('.mot-turn[data-turn="' + chosen.getAttribute("data-next") + '"]');
      if (next) {
        next.hidden = false;
        setStatus(form, "", null);
        hooks.turn(form, turn);
        next.querySelector("input").focus();
        return;
      }
      var turns = all(form, ".mot-turn[data-result]");
      var good = all(form, '.mot-turn[data-result="correct"]').length;
      var path = turns.map(function (played) {
        return played.getAttribute("data-turn") + ":" + played.querySelector("input:checked").value;
      });
      finish(form, hooks, { result: good === turns.length ? "correct" : "incorrect",
                            note: TEXT.dialogue(good, turns.length), response: path });
    });
  }

  function check(form, hooks) {
    var type = form.getAttribute("data-question-type");
    if (type === "scenario") { replyToTurn(form, hooks); return; }
    var response = TYPES[type].response(form);
    if (!response) { setStatus(form, TYPES[type].missing, null); return; }
    TYPES[type].judge(form, response).then(function (outcome) {
      outcome.response = response;
      finish(form, hooks, outcome);
    });
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

  /* hooks.graded(form, result) after a question is graded; hooks.turn(form, turn) after a
     dialogue turn that leads on to another. */
  function bind(form, hooks) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      check(form, hooks);
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest(".mot-move");
      if (button) { move(form, button); }
    });
    ["input", "change", "click", "keydown"].forEach(function (kind) {
      form.addEventListener(kind, function () { noteStart(form); });
    });
  }

  /* Tell other scripts (an LMS bridge) about a graded question: mot:question-graded, with
     the response as the list of values the engine graded (option keys, item keys in order,
     chosen match keys, normalised blanks, or "turn:reply" for each dialogue turn played). */
  function announce(quizId, form) {
    var answer = answers.get(form);
    if (!answer) { return; }
    document.dispatchEvent(new CustomEvent("mot:question-graded", {
      detail: {
        quizId: quizId,
        questionId: form.getAttribute("data-question-id"),
        type: form.getAttribute("data-question-type"),
        objective: form.getAttribute("data-objective"),
        response: answer.response,
        result: form.getAttribute("data-result"),
        latency: answer.latency,
        time: answer.time.toISOString()
      }
    }));
  }

  function reset(form) {
    started.delete(form);
    answers.delete(form);
    form.reset();
    ["data-result", "data-restored", "data-note"].forEach(function (name) { form.removeAttribute(name); });
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

  /* Show a question answered on an earlier visit, with its result. */
  function restore(form, result) {
    form.setAttribute("data-result", result);
    form.setAttribute("data-restored", "");
    lock(form, true);
    reveal(form, false);
  }

  function firstControl(form) {
    return form.querySelector(".mot-options input:not([disabled]), .mot-options select, .mot-options button");
  }

  mot.engine = {
    bind: bind,
    announce: announce,
    reveal: reveal,
    revealTurn: revealTurn,
    markRecorded: markRecorded,
    reset: reset,
    restore: restore,
    firstControl: firstControl
  };
})();
