"use strict";
// The cloze type's runtime half beyond grading (grading: tests/test_js_grader_parity.py): its saved-state body
// and its SCORM fill-in records in both versions.
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./runtime.js");
const Z = load("qtype-cloze.js", "state.js");
const cloze = Z.QUESTION_TYPES.cloze;

const Q = {
  id: "c", type: "cloze", points: 1, feedback: { correct: "ok", incorrect: "ko" },
  gaps: [{ id: "a", accepted: ["營收", "廣告營收"] }, { id: "b", accepted: ["花費[,]x"] }, { id: "c", accepted: ["1"] }],
};

test("a body gives back the gaps, cut to the box's 40 units without splitting a pair", () => {
  const long = "😀".repeat(30); // 60 UTF-16 units
  const body = cloze.encode(Q, ["營收", "a:b:", long]);
  const back = cloze.decode(Q, body);
  assert.deepEqual(back.slice(0, 2), ["營收", "a:b:"]);
  assert.equal(back[2], "😀".repeat(20));
  assert.equal(cloze.decode(Q, cloze.encode(Q, ["", "", ""])).length, 3);
});

test("a body that does not fit the question is dropped, not misread", () => {
  assert.equal(cloze.decode(Q, cloze.encode(Q, ["x", "y"])), undefined); // one gap fewer
  assert.equal(cloze.decode(Q, "2:營收9:x"), undefined); // a length past the end
  assert.equal(cloze.decode(Q, "zz"), undefined);
});

test("a cloze answer survives the whole suspend_data codec", () => {
  const payload = { contentHash: "h", questions: [{ ...Q, hash: "abcdef12" }], reflections: [], tasks: [],
    objectives: { activities: [] }, limits: { suspendData: 4096 } };
  const state = Z.emptyState();
  state.answers.c = { response: ["廣告營收", "花費", "1"], result: { score: 1 } };
  const decoded = Z.decodeState(payload, Z.encodeState(payload, state, 4096).data);
  assert.deepEqual(decoded.state.answers.c.response, ["廣告營收", "花費", "1"]);
});

test("SCORM 2004: one response per gap, [,] kept out of the texts, one pattern per k-th accepted answer", () => {
  const v = Z.SCORM_VERSIONS.scorm2004;
  const out = Z.interactionValues("scorm2004", { question: Q, response: ["營收", "x[,]y", " 1 "] });
  assert.equal(out.type, "fill-in");
  assert.equal(out.learner, "營收[,]x[ ,]y[,] 1 ");
  assert.deepEqual(out.correct, ["營收[,]花費[ ,]x[,]1", "廣告營收[,]花費[ ,]x[,]1"]);
  const many = { ...Q, gaps: [{ id: "a", accepted: ["1", "2", "3", "4", "5", "6", "7"] }] };
  assert.equal(Z.interactionValues("scorm2004", { question: many, response: ["1"] }).correct.length, v.patternsMax);
  const wide = Z.interactionValues("scorm2004", { question: Q, response: ["長".repeat(300), "b", "c"] });
  assert.equal(wide.learner.split("[,]")[0].length, 250);
});

test("SCORM 1.2: one string of at most 255 characters, gaps split by commas", () => {
  const out = Z.interactionValues("scorm12", { question: Q, response: ["營收", "a,b", "1"] });
  assert.equal(out.type, "fill-in");
  assert.equal(out.learner, "營收,a b,1");
  assert.deepEqual(out.correct, ["營收,花費[  ]x,1"]); // a comma inside a gap would read as a separator
  const wide = Z.interactionValues("scorm12", { question: Q, response: ["長".repeat(200), "長".repeat(200), "1"] });
  assert.equal(wide.learner.length, 255);
});
