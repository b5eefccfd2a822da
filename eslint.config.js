// ESLint over the JavaScript that ships: the SCO/AU runtime and the XBlocks' static files.
// Both are plain ES2018 scripts (no ES modules) that LMS browsers load as they are; the runtime's files are
// assembled into one script per channel (scorm_export/assemble.py), which only strips comments and indentation.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    files: ["scorm_export/runtime/*.js", "xblocks/static/*.js", "xblocks/qtypes/*.js"],
    ...js.configs.recommended,
    languageOptions: {
      // 2018 for the grader's Unicode property escapes (\p{Nd}); nothing newer.
      ecmaVersion: 2018,
      sourceType: "script",
      globals: {
        ...globals.browser,
        // The runtime's namespace: the assembled script defines it (tests/js/runtime.js does under Node).
        Zhineng: "readonly",
      },
    },
    rules: {
      ...js.configs.recommended.rules,
      // ES2018 has no `catch {}` without a binding: an unused `err` is the only way to ignore an error.
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
];
