/*
 * MOT course runtime, the case-folding table of the answer normalisation: the characters
 * whose full case folding (Python's casefold()) differs from their lower case, from
 * generator/data/case-folds.json, which the build writes in below. mot-fill-in.js loads it
 * before grading a typed answer that has such a character in it.
 */
(function () {
  "use strict";

  window.mot.caseFolds = /* mot:case-folds */ { ranges: [], strings: {} };
})();
