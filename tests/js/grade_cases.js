// Reads [{question, response}, ...] as JSON on stdin and prints [{result} | {error}, ...] as JSON.
// tests/test_js_grader_parity.py feeds it every golden case and compares with the Python grader.
"use strict";
const { load } = require("./runtime.js");
const { grade, ResponseError } = load("grader.js");

let input = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", () => {
  const out = JSON.parse(input).map(({ question, response }) => {
    try {
      return { result: grade(question, response) };
    } catch (err) {
      if (err instanceof ResponseError) return { error: err.message };
      return { crash: String(err && err.stack) };
    }
  });
  process.stdout.write(JSON.stringify(out));
});
