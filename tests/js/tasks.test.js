"use strict";
// Performance tasks in the runtime: the saved state's task records, the room a deliverable may take, and what
// SCORM (interactions) and cmi5 (statements) get on submit and self-rating.
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./runtime.js");
const { encodeState, decodeState, emptyState, taskRoom, reflectionRoom, taskBody, fitTaskValues, Adapter, cmi5Launch,
  StatementMaker, XAPI_EXTENSIONS } = load("state.js", "adapter.js", "xapi-launch.js", "xapi-statements.js", "xapi-answers.js");
const { makePayload, fakeApi } = require("./fixture.js");

const TASK = "T1.2-task";
const VALUES = {
  copy: "這款保溫瓶採用 316 不鏽鋼，\n容量 500 毫升。",
  budget: [["保溫瓶", "20", "350"], ["", "", ""], ["提袋", "20", "15"]],
  checks: ["label"],
  url: "https://shop.example/p/1",
};

function withTask(saved) {
  const s = emptyState();
  s.tasks[TASK] = saved;
  return s;
}

for (const version of ["scorm12", "scorm2004"]) {
  test(`${version}: a draft, a submitted and a self-rated deliverable each come back as they were`, () => {
    const p = makePayload(version);
    for (const saved of [
      { status: "draft", values: VALUES, ratings: {} },
      { status: "submitted", values: VALUES, ratings: { accuracy: 3 } },
      { status: "rated", values: VALUES, ratings: { accuracy: 3, clarity: 2 } },
    ]) {
      const { data, cut, cutTasks } = encodeState(p, withTask(saved), p.limits.suspendData);
      assert.deepEqual([cut, cutTasks], [[], []]);
      const back = decodeState(p, data);
      assert.deepEqual(back.notices, []);
      assert.equal(back.state.tasks[TASK].status, saved.status);
      assert.deepEqual(back.state.tasks[TASK].ratings, saved.ratings);
      assert.deepEqual(back.state.tasks[TASK].values, VALUES);
    }
  });
}

test("a half-written draft keeps its table layout up to the last row with something in it", () => {
  const p = makePayload("scorm2004");
  const values = { copy: "", budget: [["", "", ""], ["傳單", "", ""], ["", "", ""]], checks: [] };
  const back = decodeState(p, encodeState(p, withTask({ status: "draft", values, ratings: {} }), 64000).data);
  assert.deepEqual(back.state.tasks[TASK].values, { budget: [["", "", ""], ["傳單", "", ""]] });
});

test("1.2: a draft bigger than the room is cut to fit (flagged, with a notice); submitted work never is", () => {
  const p = makePayload("scorm12");
  p.limits.textRoom = 3900;
  const s = withTask({ status: "draft", values: Object.assign({}, VALUES, { copy: "長".repeat(3990) }), ratings: {} });
  s.reflections.R1 = { text: "我的反思，已送出。", rating: 4, submitted: true };
  const { data, cutTasks } = encodeState(p, s, 4096);
  assert.ok(data.length <= 4096, String(data.length));
  assert.ok(data.length >= 4090, "the leftover room is used");
  assert.deepEqual(cutTasks, [TASK]);
  const back = decodeState(p, data);
  assert.deepEqual(back.notices, [{ kind: "cutTasks", ids: [TASK] }]);
  assert.equal(back.state.reflections.R1.text, "我的反思，已送出。");
  assert.ok(back.state.tasks[TASK].values.copy.length > 3000);
});

test("the room: what a submit may keep shrinks with other submitted work; kept that way nothing is cut later", () => {
  const p = makePayload("scorm12");
  p.limits.textRoom = 1000;
  const s = emptyState();
  const alone = taskRoom(p, s, TASK);
  // Reflections not yet submitted keep their min_length in reserve.
  assert.equal(alone, 1000 - 2 * 5 - 1);
  s.reflections.R1 = { text: "x".repeat(300), rating: 3, submitted: true };
  assert.equal(taskRoom(p, s, TASK), 1000 - 300 - 1 - 5 - 1);
  const big = Object.assign({}, VALUES, { copy: "字".repeat(2000) });
  const fitted = fitTaskValues(p.tasks[0], big, taskRoom(p, s, TASK));
  assert.ok(fitted.cut);
  assert.ok(taskBody(p.tasks[0], fitted.values).length <= taskRoom(p, s, TASK));
  s.tasks[TASK] = { status: "submitted", values: fitted.values, ratings: {}, cut: true };
  // The other reflection can still be submitted at its min_length, and the submitted deliverable stays whole.
  assert.ok(reflectionRoom(p, s, "R2") >= 5);
  s.reflections.R2 = { text: "y".repeat(reflectionRoom(p, s, "R2")), rating: 2, submitted: true };
  // The limit as tight as textRoom promises: the same records with empty texts, plus the room.
  const empty = JSON.parse(JSON.stringify(s));
  empty.reflections.R1.text = empty.reflections.R2.text = "";
  empty.tasks[TASK].values = {};
  const enc = encodeState(p, s, encodeState(p, empty, 0).data.length + 1000);
  assert.deepEqual([enc.cut, enc.cutTasks], [[], []]);
  const back = decodeState(p, enc.data);
  assert.deepEqual(back.state.tasks[TASK].values, fitted.values);
  assert.deepEqual(back.notices, [{ kind: "cutTasks", ids: [TASK] }]); // submitted cut at submit: still said
});

test("a task record of a republished module: a field whose type changed is left out, the rest kept", () => {
  const p = makePayload("scorm2004");
  const data = encodeState(p, withTask({ status: "submitted", values: VALUES, ratings: {} }), 64000).data;
  const fresh = makePayload("scorm2004");
  fresh.tasks[0].deliverable[1].columns.splice(1, 1); // the table lost a column
  const back = decodeState(fresh, data).state.tasks[TASK];
  assert.equal(back.values.budget, undefined);
  assert.equal(back.values.copy, VALUES.copy);
});

test("older saved states (Z2) still resume, with no tasks", () => {
  const p = makePayload("scorm12");
  const z3 = encodeState(p, emptyState(), 4096).data;
  const z2 = "Z2" + z3.slice(2, -2);
  const back = decodeState(p, z2);
  assert.deepEqual(back.notices, []);
  assert.deepEqual(back.state.tasks, {});
});

function adapter(version) {
  const api = fakeApi(version);
  const a = new Adapter(api, version, { now: () => 0 });
  a.start();
  return { api, a };
}

function interactions(api) {
  const out = {};
  for (const [fn, el, v] of api.calls) {
    const m = fn.endsWith("SetValue") && /^cmi\.interactions\.(\d+)\.(.+)$/.exec(el);
    if (m) (out[m[1]] = out[m[1]] || {})[m[2]] = v;
  }
  return Object.values(out);
}

test("2004: a submit writes one long-fill-in per part of each field, tied to the task's O items", () => {
  const { api, a } = adapter("scorm2004");
  const p = makePayload("scorm2004");
  const values = Object.assign({}, VALUES, { copy: "文".repeat(9000) });
  assert.equal(a.recordTask({ task: p.tasks[0], values, at: 60000, startedAt: 0 }), 6);
  const got = interactions(api);
  assert.deepEqual(got.map((i) => i.id), [
    "T1.2-task/copy", "T1.2-task/copy/2", "T1.2-task/copy/3", "T1.2-task/budget", "T1.2-task/checks", "T1.2-task/url",
  ]);
  for (const i of got) {
    assert.equal(i.type, "long-fill-in");
    assert.equal(i["objectives.0.id"], "O1.2.1");
    assert.equal(i.result, "neutral");
  }
  assert.deepEqual(got.map((i) => i.learner_response.length).slice(0, 3), [4000, 4000, 1000]);
  assert.equal(got[3].learner_response, '[["保溫瓶","20","350"],["提袋","20","15"]]');
  assert.equal(got[3].description, "預算表");
  assert.equal(got[4].learner_response, '["label"]');
  assert.equal(got[5].learner_response, "https://shop.example/p/1");
});

for (const version of ["scorm12", "scorm2004"]) {
  test(`${version}: a self-rating writes one likert per criterion, the level as the response, its P items as objectives`, () => {
    const { api, a } = adapter(version);
    const p = makePayload(version);
    a.recordRating({ task: p.tasks[0], levels: { accuracy: 3, clarity: 1 }, at: 1000, startedAt: 0 });
    const got = interactions(api);
    assert.deepEqual(got.map((i) => [i.id, i.type, i[version === "scorm12" ? "student_response" : "learner_response"], i.result]), [
      ["T1.2-task/self/accuracy", "likert", "3", "neutral"],
      ["T1.2-task/self/clarity", "likert", "1", "neutral"],
    ]);
    assert.deepEqual([got[1]["objectives.0.id"], got[1]["objectives.1.id"]], ["P1.2.2", "P1.2.1"]);
  });
}

test("1.2: a submit writes no interaction (the deliverable is in the saved state)", () => {
  const { api, a } = adapter("scorm12");
  assert.equal(a.recordTask({ task: makePayload("scorm12").tasks[0], values: VALUES, at: 1, startedAt: 0 }), 0);
  assert.deepEqual(interactions(api), []);
});

const ACTOR = { objectType: "Agent", account: { homePage: "https://lms.example", name: "l1" } };
const SEARCH = "?endpoint=" + encodeURIComponent("https://lms.example/xapi") + "&fetch=" +
  encodeURIComponent("https://lms.example/fetch/1") + "&actor=" + encodeURIComponent(JSON.stringify(ACTOR)) +
  "&registration=r-1&activityId=" + encodeURIComponent("urn:zhineng:s:cmi5:au:M1");

test("cmi5: submitted carries the deliverable and the O items; rated the levels, rater self and the P items", () => {
  const payload = makePayload("scorm2004");
  payload.xapi = { au: "urn:zhineng:s:cmi5:au:M1", activities: { question: "urn:zhineng:s:cmi5:au:M1:question:", reflection: "urn:zhineng:s:cmi5:au:M1:reflection:", task: "urn:zhineng:s:cmi5:au:M1:task:" }, items: { "O1.2.1": "urn:uuid:o121", "P1.2.1": "urn:uuid:p121", "P1.2.2": "urn:uuid:p122" } };
  let n = 0;
  const random = (k) => Uint8Array.from({ length: k }, () => n++ % 256);
  const make = new StatementMaker(cmi5Launch(SEARCH), { contextTemplate: {} }, payload, { random, now: () => Date.UTC(2026, 10, 24) });
  const task = payload.tasks[0];
  const s = make.submitted({ task, values: VALUES, at: 90000, startedAt: 0 });
  assert.equal(s.verb.id, "http://activitystrea.ms/schema/1.0/submit");
  assert.deepEqual(s.verb.display, { "en-US": "submitted" });
  assert.equal(s.object.id, "urn:zhineng:s:cmi5:au:M1:task:T1.2-task");
  assert.equal(s.object.definition.type, "http://adlnet.gov/expapi/activities/performance");
  assert.deepEqual(s.object.definition.name, { "zh-TW": "新品上架" });
  assert.deepEqual(JSON.parse(s.result.response), {
    copy: VALUES.copy, budget: '[["保溫瓶","20","350"],["提袋","20","15"]]', checks: '["label"]', url: VALUES.url,
  });
  assert.equal(s.result.extensions["https://zhineng.example/xapi/ext/task"], TASK);
  assert.deepEqual(s.result.extensions[XAPI_EXTENSIONS.item], ["urn:uuid:o121"]);
  assert.deepEqual(s.context.contextActivities.other.map((x) => x.id), ["urn:uuid:o121"]);
  assert.equal(s.context.contextActivities.category, undefined); // cmi5-allowed
  assert.equal(s.result.success, undefined);
  const r = make.rated({ task, levels: { accuracy: 3, clarity: 2 }, at: 95000, startedAt: 0 });
  assert.equal(r.verb.id, "http://id.tincanapi.com/verb/rated");
  assert.equal(r.object.id, s.object.id);
  assert.deepEqual(r.result.extensions["https://zhineng.example/xapi/ext/task-rating"], { accuracy: 3, clarity: 2 });
  assert.equal(r.result.extensions["https://zhineng.example/xapi/ext/rater"], "self");
  assert.deepEqual(r.result.extensions[XAPI_EXTENSIONS.item], ["urn:uuid:p121", "urn:uuid:p122"]);
  assert.equal(r.result.success, undefined);
  assert.equal(r.result.score, undefined); // a self-rating is never a score
});
