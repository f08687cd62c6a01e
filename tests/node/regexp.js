// Whether each pattern is a regular expression JavaScript reads, as Material's search worker
// makes one of the search's separator (new RegExp(separator), no flags).
// Usage: node tests/node/regexp.js < PATTERNS.json (a JSON list of texts); prints a JSON list
// of true and false.
"use strict";
const fs = require("fs");

const patterns = JSON.parse(fs.readFileSync(0, "utf8"));
const read = patterns.map((pattern) => {
  try {
    new RegExp(pattern);
    return true;
  } catch (error) {
    if (error instanceof SyntaxError) return false;
    throw error;
  }
});
process.stdout.write(JSON.stringify(read));
