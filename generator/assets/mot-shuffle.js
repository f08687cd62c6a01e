/*
 * MOT course runtime, shuffling: a random order, from a seed when it must be the same
 * again (a question's options, from the seed the progress record keeps for it) or from
 * Math.random (the exam's draw). Plain JavaScript. The site serves it joined before the
 * engine, which shuffles options and items with it, as mot-questions.js. Needs mot-core.js.
 */
(function () {
  "use strict";

  /* mulberry32: a small, good pseudo-random generator from a 32-bit seed. */
  function randomFrom(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6d2b79f5) >>> 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* A copy of items in a random order: Fisher-Yates, drawn from `seed` when given (the same
     seed, the same order), from Math.random otherwise. */
  function shuffled(items, seed) {
    var copy = items.slice(), next = seed === undefined ? Math.random : randomFrom(seed);
    for (var i = copy.length - 1; i > 0; i--) {
      var j = Math.floor(next() * (i + 1));
      var swap = copy[i]; copy[i] = copy[j]; copy[j] = swap;
    }
    return copy;
  }

  window.mot.shuffled = shuffled;
})();
