"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./runtime.js");
const { moduleProgress } = load("module-progress.js");
const { emptyState, encodeState, decodeState } = load("state.js");
const { makePayload } = require("./fixture.js");

// Progress is read from the saved state alone: what survives encodeState/decodeState is what a resumed
// learner sees.
function saved(p, state) {
  return decodeState(p, encodeState(p, state, p.limits.suspendData).data).state;
}

test("module progress counts visited activities, answers, submitted reflections and tasks", () => {
  const p = makePayload("scorm2004");
  const none = moduleProgress(p, saved(p, emptyState()));
  assert.deepEqual(none, {
    visited: 0, activities: 2, answered: 0, questions: 7, reflected: 0, reflections: 2, submitted: 0, tasks: 1, pct: 0,
  });
  const s = emptyState();
  s.visited["T1.1"] = true;
  s.answers.qsc = { response: "a" };
  s.answers.qtf = { response: true };
  s.reflections.R1 = { text: "寫好了", rating: 4, submitted: true };
  s.reflections.R2 = { text: "草稿", rating: 0, submitted: false }; // a draft is not progress
  s.tasks["T1.2-task"] = { status: "draft", values: { copy: "寫到一半" }, ratings: {} };
  const some = moduleProgress(p, saved(p, s));
  assert.deepEqual([some.visited, some.answered, some.reflected, some.submitted], [1, 2, 1, 0]);
  assert.equal(some.pct, Math.floor((100 * 4) / 12));
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
