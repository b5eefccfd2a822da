"use strict";
// The attempts rule's JS port (runtime/attempts.js) on the vectors quizzes/attempts.py is tested with.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { load } = require("./runtime.js");
const { mayShowAnswer, canRetry, attemptsLeft } = load("attempts.js");

const VECTORS = require(path.join(__dirname, "../vectors/attempts.json"));

test("every case gives what Python gives", () => {
  for (const v of VECTORS.cases) {
    const q = { attempts: v.attempts, show_answer: v.show_answer };
    const name = JSON.stringify(v);
    assert.equal(mayShowAnswer(q, v.used, v.correct), v.may_show_answer, name);
    assert.equal(canRetry(q, v.used, v.correct), v.can_retry, name);
    assert.equal(attemptsLeft(q, v.used), v.left, name);
  }
});
