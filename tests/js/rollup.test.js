"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./runtime.js");
const { rollup, knowledgeStandings } = load("rollup.js");
const { grade } = load("grader.js");
const { emptyState } = load("state.js");
const { pickLocale, translator } = load("i18n.js", "i18n-en.js");
const { makePayload, RIGHT, WRONG } = require("./fixture.js");

function resultsFor(p, answers) {
  return Object.fromEntries(p.questions.filter((q) => q.id in answers).map((q) => [q.id, grade(q, answers[q.id])]));
}

test("K standings mirror quizzes/mastery.py: incomplete until every question is answered", () => {
  const p = makePayload("scorm12");
  // K1: the single-choice, multiple-response (2 points) and true/false questions; K12: numeric, short text, cloze.
  const partial = knowledgeStandings(p.questions, resultsFor(p, { sc: RIGHT.sc }), p.mastery);
  assert.equal(partial.K1.status, "incomplete");
  assert.deepEqual([partial.K1.earned, partial.K1.available, partial.K1.answered, partial.K1.questions], [1, 4, 1, 3]);
  const all = knowledgeStandings(p.questions, resultsFor(p, RIGHT), p.mastery);
  assert.equal(all.K1.status, "mastered");
  const wrong = knowledgeStandings(p.questions, resultsFor(p, Object.assign({}, RIGHT, { tf: WRONG.tf })), p.mastery);
  assert.equal(wrong.K1.status, "not_mastered"); // 3 of 4 = 0.75 < 0.8
  assert.equal(wrong.K12.status, "mastered");
  const override = knowledgeStandings(p.questions, resultsFor(p, RIGHT), { threshold: 0.8, knowledge: { K1: 1.0 } });
  assert.equal(override.K1.threshold, 1.0);
});

test("module status: incomplete until every activity is done, then passed or failed", () => {
  const p = makePayload("scorm12");
  const s = emptyState();
  assert.equal(rollup(p, s, {}).status, "incomplete");
  s.visited = { "T1.1": true, "T1.2": true };
  assert.equal(rollup(p, s, resultsFor(p, RIGHT)).status, "incomplete_passed");
  s.reflections = { R1: { text: "abcdef", rating: 3, submitted: true }, R2: { text: "abcdef", rating: 5, submitted: true } };
  // A task's page counts once its deliverable is submitted: a draft does not.
  s.tasks = { "T1.2-task": { status: "draft", values: { copy: "寫了一半" }, ratings: {} } };
  assert.equal(rollup(p, s, resultsFor(p, RIGHT)).status, "incomplete_passed");
  assert.ok(!rollup(p, s, resultsFor(p, RIGHT)).activities["T1.2"].done);
  s.tasks["T1.2-task"].status = "submitted";
  const done = rollup(p, s, resultsFor(p, RIGHT));
  assert.equal(done.status, "passed");
  assert.equal(done.attitudes.A01.rating, 4);
  assert.ok(done.activities["T1.2"].done);
  assert.equal(rollup(p, s, resultsFor(p, WRONG)).status, "failed");
  // A self-rating never decides passing: only K mastery does, whatever levels the learner gave.
  s.tasks["T1.2-task"] = { status: "rated", values: {}, ratings: { accuracy: 1, clarity: 1 } };
  assert.equal(rollup(p, s, resultsFor(p, RIGHT)).status, "passed");
  s.tasks["T1.2-task"].ratings = { accuracy: 4, clarity: 3 };
  assert.equal(rollup(p, s, resultsFor(p, WRONG)).status, "failed");
});

test("activity and attitude status: status.js's rules over the page seen, answers, reflections and tasks", () => {
  const p = makePayload("scorm12");
  const s = emptyState();
  const before = rollup(p, s, {});
  assert.deepEqual(p.objectives.activities.map((a) => before.activities[a].status), ["not_attempted", "not_attempted"]);
  assert.equal(before.attitudes.A01.status, "not_attempted");
  s.visited = { "T1.1": true };
  const seen = rollup(p, s, {});
  assert.equal(seen.activities["T1.1"].status, "incomplete"); // seen, its questions not answered yet
  assert.ok(!seen.activities["T1.1"].done);
  s.visited = { "T1.1": true, "T1.2": true };
  s.reflections = { R1: { text: "abcdef", rating: 3, submitted: true }, R2: { text: "abcdef", rating: 5, submitted: true } };
  s.tasks = { "T1.2-task": { status: "submitted", values: {}, ratings: {} } };
  const all = rollup(p, s, resultsFor(p, RIGHT));
  assert.deepEqual(p.objectives.activities.map((a) => all.activities[a].status), ["completed", "completed"]);
  assert.ok(all.activities["T1.1"].done);
  assert.equal(all.attitudes.A01.status, "reflected");
});

test("locale: ?lang= wins, else the module language; strings exist in both", () => {
  assert.equal(pickLocale("?lang=en", "zh-TW"), "en");
  assert.equal(pickLocale("", "zh-TW"), "zh-TW");
  assert.equal(pickLocale("?x=1&lang=zh-TW", "en"), "zh-TW");
  assert.equal(pickLocale("", "en"), "en");
  assert.equal(translator("en")("score", { score: 1, max: 2 }), "Score 1 / 2");
  const { STRINGS } = load("i18n.js", "i18n-en.js");
  assert.deepEqual(Object.keys(STRINGS.en).sort(), Object.keys(STRINGS["zh-TW"]).sort());
});
