// ESLint for the quiz runtime (generator/assets) and the test helpers run by Node.
// `make lint` runs it; the runtime is plain browser JavaScript with no build step.
import js from "@eslint/js";
import globals from "globals";

export default [
  js.configs.recommended,
  {
    files: ["generator/assets/**/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      globals: { ...globals.browser },
    },
    rules: {
      "no-var": "off",
      "strict": ["error", "function"],
      "eqeqeq": "error",
      "no-implicit-globals": "error",
      "no-shadow": "error",
      "no-unused-vars": ["error", { args: "after-used" }],
      "max-lines-per-function": ["error", { max: 40, skipBlankLines: true, skipComments: true, IIFEs: false }],
      "max-lines": ["error", { max: 400, skipBlankLines: true, skipComments: true }],
      "complexity": ["error", 15],
      // Safari before 16.4 (WeChat on iOS 15) cannot parse a lookbehind: the whole script stops
      "no-restricted-syntax": ["error", {
        selector: "Literal[regex.pattern=/\\(\\?<[=!]/]",
        message: "No lookbehind in a regular expression: Safari before 16.4 cannot parse it.",
      }],
    },
  },
  {
    // The search worker: a web worker, or a page in an iframe under the offline shim.
    files: ["generator/assets/search/*.js"],
    languageOptions: { globals: { ...globals.worker, document: "readonly" } },
  },
  {
    files: ["tests/node/**/*.js"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
  },
];
