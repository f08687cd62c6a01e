// Parse a GIFT file with the independent gift-pegjs parser and print the questions as JSON.
// Usage: node tests/node/parse-gift.js FILE.gift.txt
"use strict";
const fs = require("fs");
const path = require("path");
const { parse } = require(path.join(__dirname, "..", "..", "node_modules", "gift-pegjs"));

process.stdout.write(JSON.stringify(parse(fs.readFileSync(process.argv[2], "utf8"))));
