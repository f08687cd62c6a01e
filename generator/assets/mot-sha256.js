/*
 * MOT course runtime, SHA-256 in JavaScript for pages without Web Crypto (plain http on a
 * classroom network, where browsers offer no crypto.subtle). Plain JavaScript. mot-core.js
 * loads it the first time such a page hashes; it gives the same digests as Web Crypto
 * (a browser test compares the two, and both with Python).
 */
(function () {
  "use strict";

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

  window.mot.sha256Fallback = sha256Fallback;
})();
