"use strict";
// The statuses' rules in the runtime (status.js, and rollup.js's standings) on the vectors quizzes/mastery.py and
// quizzes/status.py are tested with (tests/test_status.py): the same cases give the same words in both languages.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { load } = require("./runtime.js");
const Z = load("status.js", "rollup.js");

const MASTERY = require(path.join(__dirname, "../vectors/mastery.json"));
const STATUS = require(path.join(__dirname, "../vectors/status.json"));

test("reaches: the one mastery comparison", () => {
  for (const c of MASTERY.reaches) assert.equal(Z.reaches(c.earned, c.available, c.threshold), c.reaches, c.name);
});

test("a K item's status", () => {
  for (const c of MASTERY.knowledge_status) {
    assert.equal(Z.knowledgeStatus(c.earned, c.available, c.answered, c.questions, c.threshold), c.status, c.name);
  }
});

test("standings and passing, a retried question counting its latest attempt", () => {
  for (const c of MASTERY.standings) {
    const results = {};
    for (const [id, score] of c.attempts) results[id] = { score };
    const got = Z.knowledgeStandings(c.questions, results, c.mastery);
    const picked = Object.fromEntries(Object.entries(got).map(([k, s]) =>
      [k, { earned: s.earned, available: s.available, answered: s.answered, questions: s.questions, status: s.status }]));
    assert.deepEqual(picked, c.standings, c.name);
    assert.equal(Z.modulePassed(got), c.passed, c.name);
  }
});

test("cmi5's masteryScore is judged with the same comparison", () => {
  for (const c of MASTERY.mastery_score) assert.equal(Z.reaches(c.scaled, 1, c.mastery_score), c.passed, c.name);
});

test("an activity's and an attitude's status", () => {
  for (const c of STATUS.progress) assert.equal(Z.progressStatus(c.parts), c.status, c.name);
  for (const c of STATUS.attitude) assert.equal(Z.attitudeStatus(c.reflections), c.status, c.name);
});
