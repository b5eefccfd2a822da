// Reads {payload, responses: {question id: response}} on stdin, grades the responses with grader.js and prints
// what rollup.js makes of them: the per-K standings and whether the module is passed.
"use strict";
const { load } = require("./runtime.js");
const { grade } = load("grader.js");
const { knowledgeStandings, modulePassed } = load("rollup.js");

let input = "";
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", () => {
  const { payload, responses } = JSON.parse(input);
  const results = {};
  for (const q of payload.questions) if (q.id in responses) results[q.id] = grade(q, responses[q.id]);
  const knowledge = knowledgeStandings(payload.questions, results, payload.mastery);
  process.stdout.write(JSON.stringify({ knowledge, passed: modulePassed(knowledge) }));
});
