/*
 * MOT course runtime, customer dialogues (scenario questions) for the question engine.
 * Plain JavaScript. The transcript grows downwards in the order it is played, like a
 * chat: each customer line, then the learner's reply; a branch moves the turn it leads to
 * below the turn just answered. A module quiz judges each turn as it is played
 * (engine.revealTurn); the exam judges the whole dialogue when the learner hands in.
 * Each turn's best reply is found by hashing every reply against the turn's digest,
 * "<salt>:<turn id>:<reply>". Needs mot-core.js and mot-engine.js; the site serves it
 * joined to the engine and the other question types, as mot-questions.js.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
  var kit = mot.engine.kit;
  var TEXT = {
    reply: "请先选一句回复。",
    verdict: { correct: "回复得当：", incorrect: "回复欠妥：" },
    better: "更好的回复",
    over: "这段对话结束了，交卷后判分。",
    ended: function (good, turns, last) {
      return "对话结束：最后一轮" + TEXT.verdict[last].slice(0, -1) + "，" + turns + "\u00a0轮中有\u00a0" + good + "\u00a0轮回复得当。";
    }
  };

  function currentTurn(form) { return form.querySelector(".mot-turn:not([hidden]):not([data-played])"); }
  function playedTurns(form) { return all(form, ".mot-turn[data-played]"); }
  function chosenIn(turn) { return turn.querySelector("input:checked"); }

  /* "turn:reply" for each turn played, in order. */
  function path(form) {
    return playedTurns(form).map(function (turn) {
      return turn.getAttribute("data-turn") + ":" + chosenIn(turn).value;
    });
  }

  /* What a screen reader reads of `node`: its text without the icons hidden from it. */
  function spokenText(node) {
    var copy = node.cloneNode(true);
    all(copy, '[aria-hidden="true"]').forEach(function (hidden) { hidden.remove(); });
    return copy.textContent.trim() + " ";
  }

  function ended(form) { return !currentTurn(form) && playedTurns(form).length > 0; }

  function bestReply(form, turn) {
    var keys = all(turn, "input").map(function (input) { return input.value; });
    return kit.whichOf(form, keys, function (key) { return turn.getAttribute("data-turn") + ":" + key; },
      turn.getAttribute("data-digest"));
  }

  /* Keep the chosen reply as the learner's line; the customer's next line follows below. */
  function playTurn(form, turn, chosen) {
    turn.setAttribute("data-played", "");
    all(turn, ".mot-option").forEach(function (option) {
      option.classList.toggle("mot-chosen", option.contains(chosen));
      option.hidden = !option.contains(chosen);
    });
    all(turn, "input").forEach(function (input) { input.disabled = true; });
    var next = form.querySelector('.mot-turn[data-turn="' + chosen.getAttribute("data-next") + '"]');
    if (next) {
      next.hidden = false;
      turn.parentNode.appendChild(next);
    } else {
      form.querySelector(".mot-submit").hidden = true;
      form.querySelector(".mot-restart").hidden = false;
    }
    return next;
  }

  /* The verdict and feedback of the reply chosen at a played turn, and the better reply. */
  function showTurn(form, turn, best) {
    var chosen = chosenIn(turn);
    var result = kit.verdictOf(chosen.value === best);
    if (turn.getAttribute("data-result")) { return result; }
    turn.setAttribute("data-result", result);
    var feedback = turn.querySelector('.mot-reply-feedback[data-option="' + chosen.value + '"]');
    feedback.insertBefore(kit.tag(TEXT.verdict[result], result), feedback.firstChild);
    feedback.hidden = false;
    var better = result === "incorrect" && markBetter(turn, best);
    if (better) { turn.insertBefore(better, feedback.nextSibling); }
    return result;
  }

  /* Mark the reply `best` of `turn` as the better one, once; returns its option. */
  function markBetter(turn, best) {
    var input = turn.querySelector('input[value="' + best + '"]');
    var option = input && input.closest(".mot-option");
    if (option && !option.hasAttribute("data-solution")) {
      option.hidden = false;
      option.setAttribute("data-solution", "true");
      option.insertBefore(kit.tag(TEXT.better + "：", "correct"), option.firstChild);
    }
    return option;
  }

  /* The learner presses 回复: play the turn; at the end the dialogue is submitted. */
  function reply(form, hooks) {
    var turn = currentTurn(form);
    var chosen = turn && chosenIn(turn);
    if (!chosen) { kit.missing(form); return; }
    var next = playTurn(form, turn, chosen);
    kit.setStatus(form, "", null);
    if (!next) {
      /* 回复 is gone. A module quiz moves the focus to the feedback, which says the dialogue
         is over (one move: a second at once cuts the first short). The exam shows none until
         hand-in: the focus goes to the status line, which says it, not to 重来这段对话, where
         one key press more would erase the dialogue. */
      if (!hooks.showsFeedback) {
        mot.focusStatus(kit.setStatus(form, TEXT.over, null, true));   /* read as it takes the focus */
      }
      hooks.submit(form);
      return;
    }
    /* A module quiz shows the turn's verdict (hooks.turn gives a promise of its feedback),
       which takes the focus, so that it is read before the customer's next line; the exam
       shows none and goes on to the next turn. */
    Promise.resolve(hooks.turn(form, turn)).then(function (feedback) {
      (feedback || next.querySelector("input")).focus();
    });
  }

  mot.engine.types.scenario = {
    response: function (form) { return ended(form) ? path(form) : null; },
    /* A dialogue not played to its end (the exam keeps one for later) ends with an empty
       step, as a fill-in's answer holds an empty blank: read from the record alone (the
       home page's count of questions answered), it is plainly not answered yet. */
    answer: function (form) { return ended(form) ? path(form) : path(form).concat(""); },
    /* Plays the stored turns while each is the turn the dialogue reaches and its reply is
       still there; a turn played further than that is a dialogue the trainer has changed,
       as is one left half way (the empty step) that now ends where it was left. */
    fill: function (form, answer) {
      var fits = answer.every(function (step) {
        var turn = currentTurn(form);
        if (!step) { return Boolean(turn); }
        var chosen = turn && all(turn, "input").filter(function (input) {
          return turn.getAttribute("data-turn") + ":" + input.value === step;
        })[0];
        if (chosen) { chosen.checked = true; playTurn(form, turn, chosen); }
        return Boolean(chosen);
      });
      /* Back on the exam, a dialogue played to its end says so, as when its last reply was
         given (quietly: the learner has not just replied); a verdict shown later replaces it. */
      if (ended(form)) { kit.setStatus(form, TEXT.over, null, true); }
      return fits;
    },
    judge: function (form, response) {
      var turns = playedTurns(form);
      /* An exam dialogue handed in before its end: the turn it stopped at shows its better reply too. */
      var open = currentTurn(form);
      return Promise.all(turns.concat(open || []).map(function (turn) { return bestReply(form, turn); })).then(function (best) {
        var right = turns.map(function (turn, index) { return chosenIn(turn).value === best[index]; });
        var good = right.filter(Boolean).length;
        return { result: kit.verdictOf(response && good === turns.length), solution: best,
                 note: response ? TEXT.ended(good, turns.length, kit.verdictOf(right[right.length - 1])) : "" };
      });
    },
    show: function (form, solution) {
      var turns = playedTurns(form);
      turns.forEach(function (turn, index) { showTurn(form, turn, solution[index]); });
      var open = currentTurn(form);
      if (open && solution.length > turns.length) { markBetter(open, solution[turns.length]); }
      form.querySelector(".mot-submit").hidden = true;
    },
    /* Read first where the focus lands after the last reply, below the transcript: the
       last turn's verdict and feedback and the better reply, hidden from screen readers
       where they are so that they are read once. (Earlier turns have theirs, revealTurn.) */
    spoken: function (form) {
      var turn = playedTurns(form).pop();
      var feedback = turn.querySelector(".mot-reply-feedback:not([hidden])");
      var better = turn.querySelector('.mot-option[data-solution="true"]');
      feedback.setAttribute("aria-hidden", "true");
      if (better) { better.setAttribute("aria-hidden", "true"); }
      return spokenText(feedback) + (better ? TEXT.better + "：" + better.querySelector("label").textContent + " " : "");
    },
    submit: reply,
    missing: TEXT.reply,
    marked: TEXT.better /* what a wrong answer's verdict says is marked: no one right answer */
  };

  /* In a module quiz, each turn is judged as soon as it is played; the verdict and
     feedback show in the turn. Returns a promise of the feedback, for the focus: a screen
     reader reads the verdict, the feedback and (when the reply was not the best) the better
     reply, in the order the page shows them. */
  mot.engine.revealTurn = function (form, turn) {
    return bestReply(form, turn).then(function (best) {
      showTurn(form, turn, best);
      var feedback = turn.querySelector(".mot-reply-feedback:not([hidden])");
      var better = turn.querySelector('.mot-option[data-solution="true"] label');
      if (better && !feedback.querySelector(".mot-sr")) {
        feedback.appendChild(mot.element("span", TEXT.better + "：" + better.textContent, "mot-mark mot-sr"));
        better.closest(".mot-option").setAttribute("aria-hidden", "true"); /* read once, above */
      }
      feedback.tabIndex = -1;
      return feedback;
    }, function (error) { return kit.notGraded(form, error); });
  };
})();
