// Parse scripts with espree (ESLint's parser) as classic scripts of one ECMAScript version,
// printing a line for each that does not parse.
// Usage: node tests/node/parse-scripts.js VERSION FILE.js...
"use strict";
const fs = require("fs");
const path = require("path");
const espree = require(path.join(__dirname, "..", "..", "node_modules", "espree"));

const [version, ...files] = process.argv.slice(2);
let failed = 0;
for (const file of files) {
  try {
    espree.parse(fs.readFileSync(file, "utf8"), { ecmaVersion: Number(version), sourceType: "script" });
  } catch (error) {
    failed += 1;
    process.stdout.write(`${file}: ${error.message}\n`);
  }
}
process.exitCode = failed ? 1 : 0;
