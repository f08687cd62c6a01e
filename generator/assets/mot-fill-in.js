/*
 * MOT course runtime, fill-in questions for the question engine, with the one
 * normalisation of typed answers. Plain JavaScript. The site serves it joined to the engine
 * and the dialogue type, as mot-questions.js.
 *
 * Each blank holds the digests of its accepted answers, "<salt>:<blank index>:<normalised
 * answer>" (data-digests), and its first accepted answer sealed (data-sealed): its bytes
 * XOR SHA-256("<salt>:seal:<blank index>:<block>"), opened only after grading.
 *
 * Typed answers are normalised by the same function as generator/normalise.py: format
 * characters (zero-width spaces and joiners, direction marks: \p{Cf}) and variation
 * selectors (U+FE0F after an emoji) dropped, Unicode
 * NFKC, case folding with the table of generator/data/case-folds.json (Python's casefold()
 * where it differs from lower-casing, in mot-folds.js, loaded only for text that needs
 * it), runs of spaces as one, spaces next to a Chinese character (\p{Unified_Ideograph})
 * and punctuation and spaces at either end dropped. Needs
 * mot-core.js and mot-engine.js.
 */
(function () {
  "use strict";

  var mot = window.mot;
  var all = mot.all;
  var kit = mot.engine.kit;
  var TEXT = {
    fill: "请先填好每一个空，再提交。",
    wrongBlanks: "空不对。",
    blank: function (number, count) { return count > 1 ? "第\u00a0" + number + "\u00a0空答案：" : "答案："; }
  };
  /* Text of these characters alone (printable ASCII and Latin-1, punctuation, Chinese,
     Japanese, Korean, full-width forms) folds by lower-casing: the fold table (mot-folds.js,
     the characters whose case folding differs from their lower case) has none of them, so
     it loads only for anything else (a browser test checks every character). */
  var PLAIN = /^[\u0020-\u00bf\u2000-\u206f\u2e80-\ua4cf\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u{20000}-\u{3ffff}]*$/u;

  function needsFolds(text) { return !PLAIN.test(text.normalize("NFKC")); }

  /* Case folding, one character at a time: the shared table, else lower-casing. */
  function fold(character) {
    var folds = mot.caseFolds || { ranges: [], strings: {} };
    if (Object.prototype.hasOwnProperty.call(folds.strings, character)) {
      return folds.strings[character];
    }
    var code = character.codePointAt(0);
    for (var i = 0; i < folds.ranges.length; i++) {
      var range = folds.ranges[i];
      if (code >= range[0] && code <= range[1]) { return String.fromCodePoint(code + range[2]); }
    }
    return character.toLowerCase();
  }

  /* The normalisation of generator/normalise.py: exact for text that needs no fold table,
     and for any text once mot-folds.js is loaded (prepare, below, sees to that). */
  function normalise(text) {
    return Array.from(text.replace(/[\p{Cf}\ufe00-\ufe0f\u{e0100}-\u{e01ef}]/gu, "").normalize("NFKC"), fold).join("")
      .replace(/[\p{Z}\p{Cc}]+/gu, " ")
      .replace(/ ?(\p{Unified_Ideograph}) ?/gu, "$1")   /* no lookbehind: Safari before 16.4 */
      .replace(/^[\p{P}\p{Z}\p{Cc}]+|[\p{P}\p{Z}\p{Cc}]+$/gu, "");
  }

  /* The first accepted answer of a blank: its sealed bytes XOR SHA-256("<salt>:seal:<i>:<n>"). */
  function unseal(form, blank, index) {
    var bytes = (blank.getAttribute("data-sealed").match(/../g) || []).map(function (hex) {
      return parseInt(hex, 16);
    });
    var blocks = [];
    for (var block = 0; block * 32 < bytes.length; block++) {
      blocks.push(kit.hash(form, "seal:" + index + ":" + block));
    }
    return Promise.all(blocks).then(function (digests) {
      var stream = digests.join("").match(/../g);
      return new TextDecoder().decode(new Uint8Array(bytes.map(function (byte, i) {
        return byte ^ parseInt(stream[i], 16);
      })));
    });
  }

  function blanks(form) { return all(form, ".mot-blank"); }

  /* Each blank: typed right, and the first accepted answer. */
  function judgeBlanks(form) {
    return Promise.all(blanks(form).map(function (blank, index) {
      var typed = normalise(blank.value);
      return Promise.all([kit.hash(form, index + ":" + typed), unseal(form, blank, index)]).then(function (found) {
        var right = typed !== "" && blank.getAttribute("data-digests").split(" ").indexOf(found[0]) >= 0;
        return { right: right, text: found[1] };
      });
    }));
  }

  mot.engine.types.fill_in = {
    /* Before grading: the fold table, if what was typed needs it. */
    prepare: function (form) {
      var typed = kit.valuesOf(blanks(form)).join("");
      return needsFolds(typed) && !mot.caseFolds ? mot.load("folds") : null;
    },
    response: function (form) {
      var answers = kit.valuesOf(blanks(form)).map(normalise);
      return answers.indexOf("") >= 0 ? null : answers;
    },
    /* As typed; a blank of punctuation and spaces alone is empty, as it is to response: the
       home page counts an exam question answered by what is stored (mot-dashboard.js). */
    answer: function (form) {
      return kit.valuesOf(blanks(form)).map(function (value) { return normalise(value) ? value : ""; });
    },
    fill: function (form, stored) {
      var fits = stored.length === blanks(form).length;
      blanks(form).forEach(function (blank, index) { blank.value = fits ? stored[index] : ""; });
      return fits;
    },
    judge: function (form, given) {
      return judgeBlanks(form).then(function (solution) {
        var rights = solution.map(function (blank) { return blank.right; });
        return kit.byParts(rights, given, solution, TEXT.wrongBlanks);
      });
    },
    show: function (form, solution) {
      var list = mot.element("p", "", "mot-blank-solutions");
      blanks(form).forEach(function (blank, index) {
        var result = kit.verdictOf(solution[index].right);
        blank.setAttribute("aria-invalid", String(!solution[index].right));
        list.appendChild(kit.tag(TEXT.blank(index + 1, solution.length) + solution[index].text, result, true));
      });
      form.querySelector(".mot-fill-text").after(list);
    },
    missing: TEXT.fill
  };

  mot.normalise = normalise;
  mot.needsFolds = needsFolds;
})();
