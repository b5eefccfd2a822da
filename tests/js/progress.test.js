"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./runtime.js");
const { moduleProgress } = load("module-progress.js");
const { emptyState, encodeState, decodeState } = load("state.js");
const { makePayload, RIGHT, WRONG } = require("./fixture.js");

// Progress is read from the saved state alone: what survives encodeState/decodeState is what a resumed
// learner sees.
function saved(p, state) {
  return decodeState(p, encodeState(p, state, p.limits.suspendData).data).state;
}

test("module progress counts visited activities, answers, submitted reflections and tasks", () => {
  const p = makePayload("scorm2004");
  const none = moduleProgress(p, saved(p, emptyState()));
  assert.deepEqual(none, {
    visited: 0, activities: 2, answered: 0, questions: p.questions.length, reflected: 0, reflections: 2, submitted: 0, tasks: 1, pct: 0,
  });
  const s = emptyState();
  s.visited["T1.1"] = true;
  const [first, second] = p.questions;
  s.answers[first.id] = { response: RIGHT[first.id] };
  s.answers[second.id] = { response: WRONG[second.id] };
  s.reflections.R1 = { text: "寫好了", rating: 4, submitted: true };
  s.reflections.R2 = { text: "草稿", rating: 0, submitted: false }; // a draft is not progress
  s.tasks["T1.2-task"] = { status: "draft", values: { copy: "寫到一半" }, ratings: {} };
  const some = moduleProgress(p, saved(p, s));
  assert.deepEqual([some.visited, some.answered, some.reflected, some.submitted], [1, 2, 1, 0]);
  // 4 done, of the 2 activities, the questions, the 2 reflections and the task
  assert.equal(some.pct, Math.floor((100 * 4) / (2 + p.questions.length + 2 + 1)));
  s.tasks["T1.2-task"] = { status: "submitted", values: { copy: "寫完了，送出。" }, ratings: {} };
  assert.equal(moduleProgress(p, saved(p, s)).submitted, 1);
});

test("a module with nothing to do is at 0 %, not NaN", () => {
  const p = makePayload("scorm12");
  p.objectives.activities = [];
  p.questions = [];
  p.reflections = [];
  p.tasks = [];
  assert.equal(moduleProgress(p, emptyState()).pct, 0);
});
