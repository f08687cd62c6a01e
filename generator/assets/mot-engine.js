/*
 * MOT course runtime, question engine: reads an answer from a question's form, grades it,
 * and shows the verdict and the right answer when the caller says so. Plain JavaScript.
 * It knows nothing of the page around the question: a module quiz reveals at once, the
 * exam only when the learner hands in (engine.grade, then engine.reveal).
 *
 * Each question is a <form class="mot-question"> rendered by the generator. The page holds
 * no answer in plain text, only salted SHA-256 digests (data-salt, data-digest):
 *   single, multiple, true_false  "<salt>:<chosen values, sorted, joined by commas>"
 *   ordering                      "<salt>:<item keys in the learner's order, joined>"
 *                                 and per item "<salt>:place:<key>:<place>" (data-place)
 *   matching                      "<salt>:<chosen key of each item, in item order, joined>"
 *                                 and per row "<salt>:row:<row>:<key>" (the row's data-digest)
 *   fill_in (per blank)           "<salt>:<blank index>:<normalised answer>" (data-digests),
 *                                 and the first accepted answer sealed (data-sealed): mot-fill-in.js
 *   scenario (per turn)           "<salt>:<turn id>:<chosen reply>" (mot-dialogue.js)
 * The right answer is found by hashing each candidate against these digests.
 * Options, replies, items, rows and matches are keyed by a hash of their text (never by
 * place), so a stored answer still means what the learner chose after a trainer reorders
 * them, and one naming a key the page no longer has is not put back (fill).
 * Needs mot-core.js and mot-shuffle.js.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
  var element = mot.element;
  var TEXT = {
    choose: "请先选择答案，再提交。",
    order: "请先用“上移”“下移”把各项排好，再提交。",
    correct: "回答正确。",
    incorrect: "回答错误。正确答案已经标出，请看下面的讲解。",
    restored: { correct: "上次已答对。", incorrect: "上次答错了。正确答案已经标出。" },
    regraded: "（这道题更新过，已按现在的答案重新判分。）",
    unanswered: "这道题没有作答。",
    notGraded: "这道题没能判分：判分要用的文件没有加载（可能是网络断了）。请检查网络，然后再提交一次。",
    moved: function (text, place) { return "“" + text + "”现在是第\u00a0" + place + "\u00a0项。"; },
    edge: "已经到头了。",
    chosen: "你的选择",
    right: "正确答案",
    optionIs: function (right, chosen) { return (right ? "正确选项" : "错误选项") + (chosen ? "，你选了：" : "，你没有选："); },
    place: { correct: function (n) { return "第\u00a0" + n + "\u00a0项，位置正确"; },
             incorrect: function (n) { return "应排第\u00a0" + n + "\u00a0项"; } },
    wrongItems: "项位置不对。"
  };
  var ICON = { correct: "✓", incorrect: "✗" };

  function valuesOf(controls) { return controls.map(function (control) { return control.value; }); }
  /* Whether every one of `stored` is among `keys`. */
  function within(stored, keys) { return stored.every(function (key) { return keys.indexOf(key) >= 0; }); }
  function typeOf(form) { return TYPES[form.getAttribute("data-question-type")]; }
  function verdictOf(right) { return right ? "correct" : "incorrect"; }

  function hash(form, text) { return mot.sha256(form.getAttribute("data-salt") + ":" + text); }

  /* The candidate whose digest is `digest`, or undefined. */
  function whichOf(form, candidates, textOf, digest) {
    return Promise.all(candidates.map(function (candidate) { return hash(form, textOf(candidate)); }))
      .then(function (digests) { return candidates[digests.indexOf(digest)]; });
  }

  /* The outcome of a question in parts (an ordering's places, a matching's rows, a fill-in's
     blanks), `rights` saying which are right: right when all are; when some are wrong, the
     verdict names them (see verdictText), numbered as the learner sees them: "第 2、3 项位置不对。"
     (a screen reader hears none of the marks beside them). */
  function byParts(rights, given, solution, text) {
    var wrong = rights.map(function (right, index) { return right ? 0 : index + 1; }).filter(Boolean);
    return { result: verdictOf(given && !wrong.length), solution: solution,
             wrongParts: given && wrong.length && rights.length > 1 ? "第\u00a0" + wrong.join("、") + "\u00a0" + text : "" };
  }

  /* A small tag after an option, item, row or blank: a verdict, a solution, "你的选择". */
  function tag(text, result, solution) {
    var made = element("span", "", "mot-mark" + (result ? " mot-mark-" + result : ""));
    if (result) {
      var icon = made.appendChild(element("span", ICON[result], "mot-icon"));
      icon.setAttribute("aria-hidden", "true");
    }
    made.appendChild(document.createTextNode(text));
    if (solution) { made.setAttribute("data-solution", "true"); }
    return made;
  }

  /* Each type: response (what is graded; null until complete), answer (what is stored),
     fill (put a stored answer back, if it still fits the question, and say whether it did:
     a trainer may have edited the question since), judge (result and solution), show (mark
     the solution), and optionally prepare (a promise to wait for before grading). */
  var CHOICE = {
    response: function (form) { return CHOICE.answer(form).length ? CHOICE.answer(form) : null; },
    answer: function (form) { return valuesOf(all(form, ".mot-options input:checked")).sort(); },
    fill: function (form, stored) {
      var inputs = all(form, ".mot-options input");
      var fits = stored.length > 0 && within(stored, valuesOf(inputs)) && (stored.length === 1 || inputs[0].type === "checkbox");
      inputs.forEach(function (input) { input.checked = fits && stored.indexOf(input.value) >= 0; });
      return fits;
    },
    judge: function (form, given) {
      var keys = valuesOf(all(form, ".mot-options input")).sort();
      var candidates = form.getAttribute("data-question-type") === "multiple" ? subsets(keys) :
        keys.map(function (key) { return [key]; });
      return whichOf(form, candidates, function (set) { return set.join(","); }, form.getAttribute("data-digest"))
        .then(function (found) {
          return { result: verdictOf(given && given.join(",") === (found || []).join(",")), solution: found || [] };
        });
    },
    show: showChoice,
    missing: TEXT.choose
  };

  function subsets(keys) {
    var found = [];
    for (var mask = 1; mask < 1 << keys.length; mask++) {
      found.push(keys.filter(function (key, index) { return mask & (1 << index); }));
    }
    return found;
  }

  function showChoice(form, solution) {
    all(form, ".mot-option").forEach(function (option) {
      var input = option.querySelector("input");
      var right = solution.indexOf(input.value) >= 0;
      if (input.checked) { option.classList.add("mot-chosen"); option.appendChild(tag(TEXT.chosen)); }
      if (right) { option.setAttribute("data-solution", "true"); option.appendChild(tag(TEXT.right, "correct")); }
      var feedback = form.querySelector('.mot-option-feedback[data-option="' + input.value + '"]');
      if (feedback && (input.checked || right)) {
        var mark = tag("", verdictOf(right));
        mark.appendChild(element("span", TEXT.optionIs(right, input.checked), "mot-sr"));   /* heard without the marks above */
        feedback.insertBefore(mark, feedback.firstChild);
        feedback.hidden = false;
        form.querySelector(".mot-explanation").before(feedback);   /* in the order the options are shown */
      }
    });
  }

  /* An ordering question counts as answered once the learner has moved an item. */
  var moved = new WeakSet();

  var ORDERING = {
    response: function (form) { return moved.has(form) ? ORDERING.answer(form) : null; },
    answer: function (form) {
      return all(form, ".mot-order-item").map(function (item) { return item.getAttribute("data-key"); });
    },
    fill: function (form, stored) {
      var items = all(form, ".mot-order-item");
      var keys = ORDERING.answer(form);
      var fits = stored.length === keys.length && within(keys, stored);
      if (fits) {
        moved.add(form);
        stored.forEach(function (key) { items[0].parentNode.appendChild(items[keys.indexOf(key)]); });
      }
      showChoices(form);
      return fits;
    },
    judge: function (form, given) {
      var items = all(form, ".mot-order-item");
      var places = items.map(function (item, index) { return index + 1; });
      return Promise.all(items.map(function (item) {
        var key = item.getAttribute("data-key");
        return whichOf(form, places, function (place) { return "place:" + key + ":" + place; },
          item.getAttribute("data-place"));
      })).then(function (solution) {
        var rights = solution.map(function (place, index) { return place === index + 1; });
        return byParts(rights, given, solution, TEXT.wrongItems);
      });
    },
    show: function (form, solution) {
      all(form, ".mot-order-item").forEach(function (item, index) {
        var result = verdictOf(solution[index] === index + 1);
        item.appendChild(tag(TEXT.place[result](solution[index]), result, true));
      });
    },
    missing: TEXT.order
  };

  /* mot-matching.js, mot-fill-in.js and mot-dialogue.js add the matching, fill_in and
     scenario types. The site serves them joined after mot-shuffle.js and the engine, as
     mot-questions.js (generator/runtime.py). */
  var TYPES = { single: CHOICE, multiple: CHOICE, true_false: CHOICE, ordering: ORDERING };

  /* Grading -------------------------------------------------------------------------- */

  var graded = new WeakMap();    /* form -> { result, wrongParts, note, solution, response, latency, time } */
  var started = new WeakMap();   /* form -> time of the first interaction */

  function response(form) { return typeOf(form).response(form); }
  function answer(form) { return (typeOf(form).answer || typeOf(form).response)(form) || []; }

  /* Grade what the form holds (an unanswered form is wrong); nothing shows until reveal.
     A type may prepare first (the fill-in type loads its fold table when needed). */
  function grade(form) {
    busy(form, true);
    return Promise.resolve(typeOf(form).prepare && typeOf(form).prepare(form)).then(function () {
      return judge(form);
    }).finally(function () { busy(form, false); }).catch(function (error) {
      return notGraded(form, error);
    });
  }

  /* A form being graded takes no change and says it is busy: grading may wait for a script
     on a slow network, and an answer changed meanwhile had been shown and saved with the
     verdict of the answer submitted. The control that had the focus (Enter in a blank)
     loses it while disabled, and gets it back. */
  var focusedBefore = new WeakMap();

  function busy(form, on) {
    if (on) { focusedBefore.set(form, document.activeElement); }
    form.querySelector("fieldset").disabled = on;
    if (on) { form.setAttribute("aria-busy", "true"); } else { form.removeAttribute("aria-busy"); }
    var focused = focusedBefore.get(form);
    if (!on && document.activeElement === document.body && form.contains(focused)) { focused.focus(); }
  }

  /* A script grading needs did not load (the fold table, or the JavaScript SHA-256 on
     plain http): say so where the verdict would be, and tell the page (mot:not-graded).
     Nothing waiting on the grade goes on (the promise returned never settles); the learner
     can submit again once the network is back. */
  function notGraded(form, error) {
    console.warn(error.message);
    setStatus(form, TEXT.notGraded, null);
    form.dispatchEvent(new CustomEvent("mot:not-graded", { bubbles: true }));   /* for the exam */
    return new Promise(function () {});
  }

  function judge(form) {
    var given = response(form);
    return typeOf(form).judge(form, given).then(function (outcome) {
      var now = Date.now();
      outcome.response = given || [];
      outcome.latency = started.has(form) ? now - started.get(form) : null;   /* touched before a reload: unknown */
      outcome.time = new Date(now);
      outcome.answered = Boolean(given);
      graded.set(form, outcome);
      return outcome.result;
    });
  }

  /* A quiet status line is not read out: its aria-live is off before the text changes. */
  function setStatus(form, text, result, quiet) {
    var status = form.querySelector(".mot-status");
    status.setAttribute("aria-live", quiet ? "off" : "polite");
    status.removeAttribute("aria-hidden");   /* see focusFeedback */
    status.removeAttribute("aria-label");   /* see mot.focusStatus */
    status.textContent = text;
    status.classList.remove("mot-sr");
    if (result) { status.prepend(tag("", result)); }
    return status;
  }

  function lock(form) {
    all(form, "input, select, button:not(.mot-restart)").forEach(function (control) { control.disabled = true; });
    all(form, ".mot-move").forEach(function (button) { button.hidden = true; });
  }

  /* The status line's words. The parts a question got wrong come in its verdict's first
     sentence, before the pointer to the explanation (回答错误：第 1、3 项配错了。正确答案已经标出，
     请看下面的讲解。); a dialogue's summary (its note) after the whole verdict. */
  function verdictText(outcome, type, options) {
    if (!outcome.answered) { return TEXT.unanswered; }
    var verdict = (options.restored ? TEXT.restored : TEXT)[outcome.result].replace(TEXT.right, type.marked || TEXT.right);
    return verdict.replace("。", outcome.wrongParts ? "：" + outcome.wrongParts : "。") + (outcome.note || "") +
      (options.regraded ? TEXT.regraded : "");
  }

  /* Show the verdict, the right answer, the feedback and the explanation of a graded form.
     Only the learner's own answer is read out: a verdict restored on arrival, or a whole
     paper's (its results panel says the score), goes into a status line made quiet. */
  function reveal(form, options) {
    var outcome = graded.get(form), result = outcome.result, type = typeOf(form);
    options = options || {};
    lock(form);
    form.setAttribute("data-result", result);
    type.show(form, outcome.solution, outcome);
    var text = verdictText(outcome, type, options);
    setStatus(form, text, result, options.restored || options.quiet || options.focus);
    all(form, ".mot-option-feedback[data-when]").forEach(function (item) {
      item.hidden = item.getAttribute("data-when") !== result;
    });
    var feedback = form.querySelector(".mot-feedback");
    feedback.hidden = false;
    feedback.setAttribute("tabindex", "-1");
    if (options.focus) { focusFeedback(form, feedback, (type.spoken ? type.spoken(form) : "") + text); }
    return result;
  }

  /* The focus goes to the feedback, which a screen reader reads from the verdict on: the
     status line, read out as the focus moved, was cut short by what the focus reads. The
     verdict (after what the type puts first: a dialogue's last turn) is copied to the top
     of the feedback for screen readers, and the status line (made quiet) is hidden from
     them until it changes, so that it is not read twice. */
  function focusFeedback(form, feedback, spoken) {
    var status = form.querySelector(".mot-status");
    feedback.prepend(element("p", spoken, "mot-spoken mot-sr"));
    status.setAttribute("aria-hidden", "true");
    mot.focusInView(feedback, status);
  }

  /* Interaction ------------------------------------------------------------------------- */

  function missing(form) {
    setStatus(form, typeOf(form).missing, null);
    form.setAttribute("data-missing", "");
  }

  /* Show what the controls hold: an ordering's move buttons disabled at the ends, and a
     matching select's chosen text in full on the line under it, since a closed select
     shows one line (that line is hidden from screen readers, which read the select). */
  function showChoices(form) {
    var items = all(form, ".mot-order-item");
    items.forEach(function (item, index) {
      item.querySelector('[data-move="-1"]').setAttribute("aria-disabled", String(index === 0));
      item.querySelector('[data-move="1"]').setAttribute("aria-disabled", String(index === items.length - 1));
    });
    all(form, ".mot-match").forEach(function (row) {
      var select = row.querySelector(".mot-match-select");
      var chosen = select.value ? select.selectedOptions[0].textContent : "";
      row.querySelector(".mot-match-chosen").textContent = chosen;
    });
  }

  function move(form, button, hooks) {
    var item = button.closest(".mot-order-item");
    var items = all(form, ".mot-order-item");
    var place = items.indexOf(item) + Number(button.getAttribute("data-move"));
    if (place < 0 || place >= items.length) {
      setStatus(form, TEXT.edge, null);
      return;
    }
    /* The neighbour moves, not the item: moving the node that holds the focus takes it away
       and gives it back, and a screen reader reads the button again before the new place. */
    item.parentNode.insertBefore(items[place], place > items.indexOf(item) ? item : item.nextSibling);
    button.scrollIntoView({ block: "nearest" });   /* the page follows the item moved */
    moved.add(form);
    changed(form, hooks);   /* a move is a touch: the answer's time starts (SCORM latency) */
    setStatus(form, TEXT.moved(item.querySelector(".mot-order-text").textContent, place + 1), null);
  }

  function changed(form, hooks) {
    if (!started.has(form)) { started.set(form, Date.now()); }
    showChoices(form);
    if (form.hasAttribute("data-missing")) {
      form.removeAttribute("data-missing");
      setStatus(form, "", null);
    }
    hooks.changed(form);
  }

  var originals = new WeakMap();   /* form -> its turns and items in the page's order */
  var written = new WeakMap();     /* form -> its options, replies and choices in the page's order */

  /* hooks: submit(form) when the learner submits (or a dialogue ends); turn(form, turn) after
     a dialogue turn that leads on; changed(form) after any change; restart(form) for
     "重来这段对话". */
  function bind(form, hooks) {
    originals.set(form, all(form, ".mot-turn, .mot-order-item"));
    written.set(form, all(form, "input, option"));
    showChoices(form);
    /* The question and its button are disabled in the page until now */
    form.querySelector("fieldset").disabled = form.querySelector(".mot-submit").disabled = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (form.hasAttribute("aria-busy")) { return; }   /* a double click grades once */
      if (typeOf(form).submit) { typeOf(form).submit(form, hooks); } else { hooks.submit(form); }
    });
    form.addEventListener("click", function (event) {
      var button = event.target.closest(".mot-move, .mot-restart");
      if (button && button.classList.contains("mot-move")) { move(form, button, hooks); }
      if (button && button.classList.contains("mot-restart") && !form.hasAttribute("aria-busy")) { hooks.restart(form); }
    });
    ["input", "change"].forEach(function (kind) {
      form.addEventListener(kind, function () { changed(form, hooks); });
    });
  }

  /* Check that the form is complete; say what is missing if not. */
  function complete(form) {
    if (response(form)) { return true; }
    missing(form);
    return false;
  }

  /* Tell other scripts (an LMS bridge) about a graded question: mot:question-graded, with
     the response as the list of values the engine graded (option keys, item keys in order,
     chosen match keys, normalised blanks, or "turn:reply" for each dialogue turn played). */
  function announce(quizId, form) {
    var outcome = graded.get(form);
    if (!outcome) { return; }
    document.dispatchEvent(new CustomEvent("mot:question-graded", {
      detail: {
        quizId: quizId,
        questionId: form.getAttribute("data-question-id"),
        type: form.getAttribute("data-question-type"),
        objective: form.getAttribute("data-objective"),
        response: outcome.response,
        result: outcome.result,
        latency: outcome.latency,
        time: outcome.time.toISOString()
      }
    }));
  }

  function reset(form) {
    started.delete(form);
    graded.delete(form);
    moved.delete(form);
    form.reset();
    ["data-result", "data-missing"].forEach(function (name) { form.removeAttribute(name); });
    all(form, "input, select, button").forEach(function (control) { control.disabled = false; });
    all(form, ".mot-mark, .mot-blank-solutions, .mot-spoken").forEach(function (mark) { mark.remove(); });
    all(form, "[data-solution], .mot-chosen, [aria-invalid], .mot-reply-feedback").forEach(function (item) {
      ["data-solution", "aria-invalid", "aria-hidden"].forEach(function (name) { item.removeAttribute(name); });
      item.classList.remove("mot-chosen");
    });
    all(form, ".mot-option, .mot-move").forEach(function (item) { item.hidden = false; });
    all(form, ".mot-option-feedback, .mot-reply-feedback").forEach(function (item) { item.hidden = true; });
    (originals.get(form) || []).forEach(function (item, index) {
      item.parentNode.appendChild(item);
      ["data-result", "data-played"].forEach(function (name) { item.removeAttribute(name); });
      if (item.classList.contains("mot-turn")) { item.hidden = index > 0; }
    });
    arrange(form, null);
    showChoices(form);
    form.querySelector(".mot-submit").hidden = false;
    if (form.querySelector(".mot-restart")) { form.querySelector(".mot-restart").hidden = true; }
    setStatus(form, "", null);
    form.querySelector(".mot-feedback").hidden = true;
  }

  /* Options, matches and replies in the order drawn from `seed` (questions with
     data-shuffle), or in the page's order (the order written) when `seed` is null. */
  function arrange(form, seed) {
    var shuffle = form.hasAttribute("data-shuffle") && seed !== null;
    var list = written.get(form) || [];
    function order(controls, offset) {
      controls.sort(function (a, b) { return list.indexOf(a) - list.indexOf(b); });
      return shuffle ? mot.shuffled(controls, seed + offset) : controls;
    }
    if (form.hasAttribute("data-shuffle")) {
      placeInOrder(order(all(form, ".mot-options > .mot-option > input"), 0));
    }
    all(form, ".mot-turn").forEach(function (turn, index) {
      placeInOrder(order(all(turn, ".mot-option > input"), index + 1));
    });
    var selects = all(form, ".mot-match-select");
    if (!selects.length) { return; }
    var keys = valuesOf(order(all(selects[0], "option").filter(function (option) { return option.value; }), 0));
    selects.forEach(function (select) {
      keys.forEach(function (key) { select.appendChild(select.querySelector('option[value="' + key + '"]')); });
    });
  }

  /* Move each control's option, in the given order, before the first feedback of its group. */
  function placeInOrder(controls) {
    controls.forEach(function (control) {
      var option = control.parentNode;
      option.parentNode.insertBefore(option, option.parentNode.querySelector(":scope > .mot-reply-feedback"));
    });
  }

  /* Put a stored answer back into the form if it still fits the question: every option,
     item, choice, blank or turn it names is still there (keys follow the text, so a
     reordered question keeps its answers and an edited or removed option drops them).
     Says whether it did; an answer that does not fit is not shown at all. */
  function fill(form, stored) { return typeOf(form).fill(form, stored); }

  /* One that does something: not in a dialogue's turns still hidden, which stand before the
     turn being played, nor the top item's 上移 (aria-disabled, so a screen reader still
     finds it). (Found in script: Chrome 80 to 87 throw at :is() and at a list in :not().) */
  function firstControl(form) {
    return all(form, ".mot-options input, .mot-options select, .mot-options button").find(function (control) {
      return !control.disabled && control.getAttribute("aria-disabled") !== "true" && !control.parentNode.closest("[hidden]");
    });
  }

  mot.engine = {
    bind: bind,
    complete: complete,
    response: response,
    answer: answer,
    grade: grade,
    reveal: reveal,
    announce: announce,
    reset: reset,
    arrange: arrange,
    fill: fill,
    firstControl: firstControl,
    /* For mot-matching.js, mot-fill-in.js and mot-dialogue.js, which add their question types. */
    types: TYPES,
    kit: { tag: tag, whichOf: whichOf, setStatus: setStatus, verdictOf: verdictOf, missing: missing,
           hash: hash, valuesOf: valuesOf, within: within, notGraded: notGraded, showChoices: showChoices,
           byParts: byParts }
  };
})();
