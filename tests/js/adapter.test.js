"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./runtime.js");
const { Adapter, findApi, interactionValues } = load("adapter.js");
const { timespan12, clock12, duration2004, timestamp2004, SCORM_VERSIONS } = load("scorm-table.js");
const { grade } = load("grader.js");
const { makePayload, RIGHT, fakeApi } = require("./fixture.js");

const Q = Object.fromEntries(makePayload("scorm12").questions.map((q) => [q.id, q]));

test("time formats: 1.2 HHHH:MM:SS.SS and clock time, 2004 ISO 8601 duration and timestamp", () => {
  assert.equal(timespan12(0), "0000:00:00.00");
  assert.equal(timespan12(3723456), "0001:02:03.46");
  assert.equal(timespan12(1e12), "9999:59:59.99");
  assert.equal(clock12(new Date(2026, 0, 2, 3, 4, 5)), "03:04:05");
  assert.equal(duration2004(0), "PT0S");
  assert.equal(duration2004(3723456), "PT1H2M3.46S");
  assert.equal(duration2004(90000), "PT1M30S");
  assert.equal(timestamp2004(new Date(Date.UTC(2026, 10, 24, 7, 8, 9, 123))), "2026-11-24T07:08:09.1Z");
});

test("scorm-again's own patterns accept our formats", () => {
  assert.match(timespan12(3723456), /^([0-9]+):([0-9]{2}):([0-9]{2})(\.\d{1,2})?$/);
  assert.match(duration2004(3723456), /^P(?:([.,\d]+)Y)?(?:([.,\d]+)M)?(?:([.,\d]+)W)?(?:([.,\d]+)D)?(?:T?(?:([.,\d]+)H)?(?:([.,\d]+)M)?(?:(\d+(?:\.\d{1,2})?)S)?)?$/);
});

// Each fixture question's right response as each version records it (RTE 3.4.2.7 and 4.2.9).
const EXPECTED = {
  scorm12: {
    sc: ["choice", "a", ["a"]],
    mr: ["choice", "a,b", ["a,b"]],
    tf: ["true-false", "f", ["f"]],
    num: ["numeric", "250", ["250"]],
    st: ["fill-in", "ROAS", ["ROAS"]], // 1.2 holds one pattern
    ord: ["sequencing", "s2,s1,s3", ["s2,s1,s3"]],
    mat: ["matching", "p1.o1,p2.o2,p3.o3", ["p1.o1,p2.o2,p3.o3"]],
    cz: ["fill-in", "營收,廣告費用,%", ["營收,廣告費用,%"]],
  },
  scorm2004: {
    sc: ["choice", "a", ["a"]],
    mr: ["choice", "a[,]b", ["a[,]b"]],
    tf: ["true-false", "false", ["false"]],
    num: ["numeric", "250", ["249.5[:]250.5"]],
    st: ["fill-in", "ROAS", ["ROAS", "廣告投資報酬率"]],
    ord: ["sequencing", "s2[,]s1[,]s3", ["s2[,]s1[,]s3"]],
    mat: ["matching", "p1[.]o1[,]p2[.]o2[,]p3[.]o3", ["p1[.]o1[,]p2[.]o2[,]p3[.]o3"]],
    cz: ["fill-in", "營收[,]廣告費用[,]%", ["營收[,]廣告費用[,]%", "廣告營收[,]廣告費用[,]倍"]], // each gap's k-th answer
  },
};

for (const version of ["scorm12", "scorm2004"]) {
  test(`${version}: every question type maps to the version's interaction type and response format`, () => {
    for (const [id, [type, learner, correct]] of Object.entries(EXPECTED[version])) {
      const q = Q[id];
      const v = interactionValues(version, { question: q, response: RIGHT[id] });
      assert.deepEqual([v.type, v.learner, v.correct], [type, learner, correct], id);
    }
  });
}

test("reflections: long-fill-in in 2004, fill-in cut to 255 in 1.2, single-line in both", () => {
  const text = "第一行\n" + "字".repeat(5000);
  const v12 = interactionValues("scorm12", { text });
  const v04 = interactionValues("scorm2004", { text });
  assert.equal(v12.type, "fill-in");
  assert.equal(v12.learner.length, 255);
  assert.equal(v04.type, "long-fill-in");
  assert.equal(v04.learner.length, 4000);
  assert.ok(!/\n/.test(v12.learner + v04.learner));
});

test("a text with line and paragraph separators is one line, as scorm-again's patterns read a line", () => {
  const { cleanText } = load("responses.js");
  const text = cleanText("第一段\u2028第二段\u2029第三段\r\n完");
  assert.equal(text, "第一段 第二段 第三段 完");
  assert.match(text, /^.*$/); // a JavaScript "." matches none of \n \r \u2028 \u2029
});

function adapterFor(version, commits, options) {
  const api = fakeApi(version, commits);
  const timers = [];
  const states = [];
  const a = new Adapter(api, version, Object.assign({
    setTimeout: (fn) => timers.push(fn),
    onCommitState: (ok) => states.push(ok),
    now: () => 1000,
  }, options || {}));
  a.start();
  return { a, api, timers, states };
}

for (const version of ["scorm12", "scorm2004"]) {
  const v = SCORM_VERSIONS[version];

  test(`${version}: an answered question writes one interaction tied to its K items`, () => {
    const { a, api } = adapterFor(version);
    const q = Object.assign({}, Q.mat, { knowledge: ["K1", "K15"] });
    a.recordInteraction({ question: q, response: RIGHT.mat, result: grade(q, RIGHT.mat), at: Date.now(), startedAt: Date.now() - 1500 });
    const set = Object.fromEntries(api.calls.filter((c) => c[0] === v.calls.set).map((c) => [c[1], c[2]]));
    assert.equal(set["cmi.interactions.0.id"], "mat");
    assert.equal(set["cmi.interactions.0.objectives.0.id"], "K1");
    assert.equal(set["cmi.interactions.0.objectives.1.id"], "K15");
    assert.equal(set["cmi.interactions.0.result"], "correct");
    assert.equal(set["cmi.interactions.0.weighting"], "1");
    assert.equal(set["cmi.interactions.0.latency"], version === "scorm12" ? "0000:00:01.50" : "PT1.5S");
    assert.ok(set["cmi.interactions.0." + (version === "scorm12" ? "time" : "timestamp")]);
    assert.equal(set["cmi.interactions.0." + (version === "scorm12" ? "student_response" : "learner_response")],
      version === "scorm12" ? "p1.o1,p2.o2,p3.o3" : "p1[.]o1[,]p2[.]o2[,]p3[.]o3");
  });

  test(`${version}: statuses come from the one table`, () => {
    const { a, api } = adapterFor(version);
    a.reportObjective("knowledge", "K1", "failed", { raw: 50, min: 0, max: 100, scaled: 0.5 }, "K1 text");
    a.reportCourse("passed", { raw: 90, min: 0, max: 100, scaled: 0.9 });
    const set = Object.fromEntries(api.calls.filter((c) => c[0] === v.calls.set).map((c) => [c[1], c[2]]));
    if (version === "scorm12") {
      assert.equal(set["cmi.objectives.0.status"], "failed");
      assert.equal(set["cmi.core.lesson_status"], "passed");
      assert.equal(set["cmi.core.score.raw"], "90");
      assert.equal(set["cmi.core.exit"], "");
      assert.equal(set["cmi.objectives.0.description"], undefined);
    } else {
      assert.equal(set["cmi.objectives.0.success_status"], "failed");
      assert.equal(set["cmi.objectives.0.completion_status"], "completed");
      assert.equal(set["cmi.success_status"], "passed");
      assert.equal(set["cmi.completion_status"], "completed");
      assert.equal(set["cmi.score.scaled"], "0.9");
      assert.equal(set["cmi.exit"], "normal");
      assert.equal(set["cmi.objectives.0.description"], "K1 text");
    }
  });

  test(`${version}: unchanged values are not sent twice; exit is suspend while incomplete`, () => {
    const { a, api } = adapterFor(version);
    a.reportCourse("incomplete", { raw: 0, min: 0, max: 100, scaled: 0 });
    const before = api.calls.length;
    a.reportCourse("incomplete", { raw: 0, min: 0, max: 100, scaled: 0 });
    assert.equal(api.calls.length, before);
    assert.equal(api.values[v.el.exit], "suspend");
  });

  test(`${version}: a failed Commit is retried, then the learner is warned, and a later success clears it`, () => {
    const { a, api, timers, states } = adapterFor(version, ["false", "false", "false", "true"]);
    assert.equal(a.commit(), false);
    assert.equal(timers.length, 1);
    timers.shift()();
    timers.shift()();
    assert.deepEqual(states, [false]);
    assert.equal(api.calls.filter((c) => c[0] === v.calls.commit).length, 3);
    assert.equal(a.commit(), true);
    assert.deepEqual(states, [false, true]);
  });

  test(`${version}: Terminate is called exactly once`, () => {
    const { a, api } = adapterFor(version);
    a.terminate();
    a.terminate();
    assert.equal(a.commit(), false);
    assert.equal(api.calls.filter((c) => c[0] === v.calls.finish).length, 1);
  });
}

test("profile switches (scorm_export/profiles.py) turn parts off; a missing switch means on", () => {
  const off = adapterFor("scorm2004", [], { switches: { interactions: false, activityObjectives: false } });
  off.a.recordInteraction({ question: Q.sc, response: "a", result: grade(Q.sc, "a"), at: 1, startedAt: 0 });
  off.a.reportObjective("activity", "T1.1", "completed", null);
  off.a.reportObjective("knowledge", "K1", "passed", null);
  assert.ok(!off.api.calls.some((c) => c[0] === "SetValue" && c[1].startsWith("cmi.interactions.")));
  assert.deepEqual(Object.keys(off.api.values).filter((k) => k.endsWith(".id")), ["cmi.objectives.0.id"]);
  assert.equal(off.api.values["cmi.objectives.0.id"], "K1");

  const short = adapterFor("scorm2004", [], { switches: { longReflectionText: false, interactionCorrectResponses: false } });
  short.a.recordInteraction({ reflection: { id: "R1", attitude: "A01" }, text: "字".repeat(3000), at: 1, startedAt: 0 });
  short.a.recordInteraction({ question: Q.sc, response: "a", result: grade(Q.sc, "a"), at: 1, startedAt: 0 });
  assert.equal(short.api.values["cmi.interactions.0.learner_response"].length, 255);
  assert.equal(short.api.values["cmi.interactions.0.objectives.0.id"], "A01");
  assert.ok(!Object.keys(short.api.values).some((k) => k.includes("correct_responses")));
});

test("API discovery walks parents up to the version's limit, then the opener", () => {
  const chain = (depth, api, name) => {
    let top = { [name]: api };
    top.parent = top;
    let win = top;
    for (let i = 0; i < depth; i++) win = { parent: win };
    return win;
  };
  const api = {};
  assert.equal(findApi(chain(7, api, "API"), "scorm12"), api);
  assert.equal(findApi(chain(8, api, "API"), "scorm12"), null);
  assert.equal(findApi(chain(300, api, "API_1484_11"), "scorm2004"), api);
  const lonely = { opener: chain(2, api, "API") };
  lonely.parent = lonely;
  assert.equal(findApi(lonely, "scorm12"), api);
  const crossOrigin = { get parent() { throw new Error("SecurityError"); } };
  assert.equal(findApi(crossOrigin, "scorm12"), null);
});

test("an LMS answering \"\" for the counts: objectives found by their ids, interactions from the saved index", () => {
  const api = fakeApi("scorm2004");
  api.GetValue = (el) => (api.calls.push(["GetValue", el]), el.endsWith("_count") ? "" : api.values[el] || "");
  Object.assign(api.values, { "cmi.objectives.0.id": "T1.1", "cmi.objectives.1.id": "K1" });
  const a = new Adapter(api, "scorm2004", { now: () => 1000, setTimeout: () => 0 });
  a.start();
  a.resumeInteractions(7);
  a.reportObjective("knowledge", "K1", "passed", null);
  a.reportObjective("knowledge", "K2", "passed", null);
  assert.equal(api.values["cmi.objectives.1.success_status"], "passed");
  assert.equal(api.values["cmi.objectives.2.id"], "K2");
  a.recordInteraction({ question: Q.tf, response: false, result: { correct: true }, at: 2000, startedAt: 1000 });
  assert.equal(api.values["cmi.interactions.7.id"], "tf");
});

test("an API that throws: every call answers false, onFault is told once, terminate still finishes", () => {
  const api = fakeApi("scorm12");
  let faults = 0;
  api.LMSCommit = () => { throw new Error("broken"); };
  const a = new Adapter(api, "scorm12", { now: () => 1000, setTimeout: () => 0, onFault: () => faults++ });
  assert.equal(a.start().ok, true);
  assert.equal(a.commit(), false);
  a.terminate();
  assert.equal(faults, 1);
  assert.deepEqual(api.calls.at(-1), ["LMSFinish"]);
});
