"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./runtime.js");
const { encodeState, decodeState, emptyState, reflectionRoom } = load("state.js");
const { makePayload, RIGHT, WRONG } = require("./fixture.js");

function stateWith(answers) {
  const s = emptyState();
  s.page = 2;
  s.visited = { "T1.2": true };
  for (const [id, response] of Object.entries(answers)) s.answers[id] = { response };
  s.reflections.R1 = { text: "我的反思\n第二行", rating: 4, submitted: true };
  s.reflections.R2 = { text: "draft", rating: 0, submitted: false };
  return s;
}

for (const answers of [RIGHT, WRONG]) {
  test(`round trip keeps page, visits, every answer and reflection (${answers === RIGHT ? "right" : "wrong"})`, () => {
    const p = makePayload("scorm12");
    const s = stateWith(answers);
    const { data, cut } = encodeState(p, s, 4096);
    assert.deepEqual(cut, []);
    const back = decodeState(p, data);
    assert.deepEqual(back.notices, []);
    assert.deepEqual(back.state, s);
  });
}

test("the encoding is compact: a few characters per answer", () => {
  const p = makePayload("scorm12");
  const s = stateWith(RIGHT);
  s.reflections = {};
  assert.ok(encodeState(p, s, 4096).data.length < 16 * p.questions.length, encodeState(p, s, 4096).data);
});

test("1.2 never exceeds 4096 even with 5,000-character reflections; texts are cut, the rest survives", () => {
  const p = makePayload("scorm12");
  const s = stateWith(RIGHT);
  s.reflections.R1.text = "長".repeat(5000);
  s.reflections.R2 = { text: "x".repeat(5000), rating: 2, submitted: true };
  const { data, cut } = encodeState(p, s, 4096);
  assert.ok(data.length <= 4096, String(data.length));
  assert.ok(data.length >= 4090, "the leftover room is used");
  assert.deepEqual(cut.sort(), ["R1", "R2"]);
  const back = decodeState(p, data);
  assert.deepEqual(back.state.answers, s.answers);
  assert.equal(back.state.reflections.R1.rating, 4);
  assert.ok(back.state.reflections.R1.text.length > 1900);
  assert.deepEqual(back.notices, [{ kind: "cut", ids: ["R1", "R2"] }]);
});

test("2004 keeps full reflection texts (up to max_length)", () => {
  const p = makePayload("scorm2004");
  const s = stateWith(RIGHT);
  s.reflections.R1.text = "長".repeat(2000);
  const { data, cut } = encodeState(p, s, 64000);
  assert.deepEqual(cut, []);
  assert.equal(decodeState(p, data).state.reflections.R1.text.length, 2000);
});

test("republish: unchanged questions keep their answers, changed ones are dropped with a notice", () => {
  const old = makePayload("scorm12");
  const data = encodeState(old, stateWith(RIGHT), 4096).data;
  const fresh = makePayload("scorm12");
  fresh.contentHash = "999999999999";
  const edited = [fresh.questions[1], fresh.questions[3]];
  edited[0].hash = "changed1";
  edited[1].hash = "changed2";
  const kept = fresh.questions[0];
  fresh.questions.unshift(Object.assign({}, kept, { id: "new", hash: "brandnew" })); // inserted
  const back = decodeState(fresh, data);
  assert.deepEqual(back.notices, [{ kind: "dropped", count: 2 }]);
  const others = Object.keys(RIGHT).filter((id) => !edited.some((q) => q.id === id));
  assert.deepEqual(Object.keys(back.state.answers).sort(), others.sort());
  assert.deepEqual(back.state.answers[kept.id].response, RIGHT[kept.id]);
  assert.equal(back.state.reflections.R1.text, "我的反思\n第二行");
});

test("republish: a question whose shape changed under the same hash prefix is dropped, not misread", () => {
  const old = makePayload("scorm12");
  const data = encodeState(old, stateWith(RIGHT), 4096).data;
  const fresh = makePayload("scorm12");
  const ordering = fresh.questions.find((q) => q.type === "ordering");
  ordering.items.push({ id: "s4", text: "4" }); // it grew, hash kept on purpose
  const back = decodeState(fresh, data);
  assert.deepEqual(back.notices, [{ kind: "dropped", count: 1 }]);
  assert.equal(back.state.answers[ordering.id], undefined);
});

test("unreadable or foreign suspend_data starts afresh with a notice, never throws", () => {
  const p = makePayload("scorm12");
  for (const junk of ["hello", "Z1:abc", "Z1:abcdef123456:0:00:5:qsc000", "{\"json\":1}"]) {
    const back = decodeState(p, junk);
    assert.deepEqual(back.state, emptyState());
    assert.deepEqual(back.notices, [{ kind: "unreadable" }]);
  }
  assert.deepEqual(decodeState(p, "").notices, []);
});

// Shared with tests/test_suspend_vectors.py: the Python decoder reads the very strings this encoder writes.
const VECTORS = require("../fixtures/suspend_vectors.json");
// The fixture's payload with the questions the vectors were written with (a saved state names them by id and hash).
const { questions: VECTOR_QUESTIONS } = require("../fixtures/suspend_vectors_questions.json");
const vectorPayload = (version) => Object.assign(makePayload(version), { questions: JSON.parse(JSON.stringify(VECTOR_QUESTIONS)) });

for (const v of VECTORS.filter((x) => !x.legacy)) {
  test(`shared vector: ${v.name}`, () => {
    const p = vectorPayload(v.version);
    const enc = encodeState(p, v.state, v.limit);
    assert.equal(enc.data, v.data);
    assert.deepEqual(enc.cut, v.cut);
    assert.deepEqual(enc.cutTasks, v.cutTasks || []);
    const back = decodeState(p, v.data).state;
    assert.equal(back.ended, v.state.ended);
    assert.equal(back.nextInteraction, v.state.nextInteraction);
    if (!v.cut.length && !(v.cutTasks || []).length) assert.deepEqual(back, v.state);
  });
}

for (const v of VECTORS.filter((x) => x.legacy)) {
  test(`shared vector, an older version: ${v.name}`, () => {
    const back = decodeState(vectorPayload(v.version), v.data);
    assert.deepEqual(back.notices, []);
    assert.deepEqual(back.state, v.state);
  });
}

test("legacy Z1 state still resumes: an open attempt, interactions counted by the LMS", () => {
  const p = makePayload("scorm12");
  const z2 = encodeState(p, stateWith(RIGHT), 4096).data;
  const z1 = "Z1:" + z2.split(":").slice(1, 2).concat(z2.split(":").slice(3)).join(":");
  const back = decodeState(p, z1);
  assert.deepEqual(back.notices, []);
  assert.deepEqual(back.state, stateWith(RIGHT));
});

test("a submitted reflection gets at most the room left after the worst-case answers, the other submitted texts and the minimum of the unsubmitted ones", () => {
  const p = makePayload("scorm12");
  p.limits.textRoom = 1000;
  const s = stateWith(RIGHT); // R1 submitted (set below), R2 a draft: R2 still needs its min_length of 5
  s.reflections.R1 = { text: "長".repeat(600), rating: 4, submitted: true };
  assert.equal(reflectionRoom(p, s, "R2"), 398); // 1000 - R1's 601 = 399 = 398 + 2 length digits - the 1 paid
  assert.equal(reflectionRoom(p, s, "R1"), 994); // 1000 - R2's minimum 5 = 995 = 994 + 2 - 1
  p.limits.textRoom = 64000;
  assert.equal(reflectionRoom(p, s, "R2"), 2000);
});
