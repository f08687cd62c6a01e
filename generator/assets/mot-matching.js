/*
 * MOT course runtime, matching questions for the question engine. Plain JavaScript.
 * Each row's item has a select of the matches (and any distractors); the row's right
 * match is found by hashing each choice against the row's digest,
 * "<salt>:row:<row>:<key>". Needs mot-core.js and mot-engine.js; the site serves it
 * joined to the engine and the other question types, as mot-questions.js.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
  var kit = mot.engine.kit;
  var TEXT = {
    match: "请先为每一项选好配对，再提交。",
    wrongRows: "项配错了。",   /* 项, as the hint names them: the rows show no number, and stack on a phone */
    pair: { correct: "配对正确：", incorrect: "配错了，应配：", unanswered: "没有配，应配：" }
  };

  /* Graded: the chosen key of each row, in row order. Stored: "<row key>:<chosen key>"
     for each row, so that an answer stays with its row when the trainer reorders pairs. */
  var MATCHING = {
    response: function (form) {
      var chosen = kit.valuesOf(all(form, ".mot-match-select"));
      return chosen.indexOf("") >= 0 ? null : chosen;
    },
    answer: function (form) {
      var pairs = all(form, ".mot-match").map(function (row) {
        return row.getAttribute("data-key") + ":" + row.querySelector("select").value;
      });
      /* A row left to choose adds an empty step, as a fill-in's empty blank does: read from
         the record alone (the home page's count of questions answered), it is not answered. */
      return MATCHING.response(form) ? pairs : pairs.concat("");
    },
    fill: function (form, stored) {
      var rows = all(form, ".mot-match");
      var chosen = rows.map(function (row) {
        var prefix = row.getAttribute("data-key") + ":";
        var found = stored.filter(function (pair) { return pair.indexOf(prefix) === 0; })[0];
        return found === undefined ? null : found.slice(prefix.length);
      });
      var fits = stored.filter(Boolean).length === rows.length && kit.within(chosen, kit.valuesOf(all(form, ".mot-match-select option")));
      rows.forEach(function (row, index) { row.querySelector("select").value = fits ? chosen[index] : ""; });
      kit.showChoices(form);
      return fits;
    },
    judge: function (form, given) {
      var keys = kit.valuesOf(all(form, ".mot-match-select option")).filter(Boolean);
      return Promise.all(all(form, ".mot-match").map(function (row, index) {
        return kit.whichOf(form, keys, function (key) { return "row:" + (index + 1) + ":" + key; },
          row.getAttribute("data-digest"));
      })).then(function (solution) {
        var rights = solution.map(function (key, index) { return Boolean(given) && given[index] === key; });
        return kit.byParts(rights, given, solution, TEXT.wrongRows);
      });
    },
    show: function (form, solution) {
      all(form, ".mot-match").forEach(function (row, index) {
        var select = row.querySelector("select");
        var result = kit.verdictOf(select.value === solution[index]);
        var right = select.querySelector('option[value="' + solution[index] + '"]');
        var says = TEXT.pair[select.value ? result : "unanswered"];   /* a row left on 请选择 in the exam */
        /* Before the line that names the choice, which a row graded right hides (CSS) */
        row.insertBefore(kit.tag(says + (right ? right.textContent : ""), result, true), row.querySelector(".mot-match-chosen"));
      });
    },
    missing: TEXT.match
  };

  mot.engine.types.matching = MATCHING;
})();
