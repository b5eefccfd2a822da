"use strict";
// The xAPI adapter's rules without a browser: the launch sequence, what is sent once, launch modes, order.
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./runtime.js");
// The answers' statements ship in the pages' script; an adapter records them once that script has run.
const { XapiAdapter } = load("xapi-adapter.js", "xapi-answers.js");
const { cmi5Launch } = load("xapi-launch.js");
const { makePayload } = require("./fixture.js");

const LAUNCH = cmi5Launch("?endpoint=https%3A%2F%2Flms%2Fxapi%2F&fetch=https%3A%2F%2Flms%2Ffetch&actor=" +
  encodeURIComponent(JSON.stringify({ account: { homePage: "https://lms", name: "l1" } })) +
  "&registration=r-1&activityId=urn%3Aau");

// A fake LMS: the sync XHRs of the launch, and fetch for everything after. `lrs.refuse` makes it answer 400 to
// statement posts; `lrs.stored` is every statement it accepted, by id (GET ?statementId= reads it).
function lms(launchData, progress, extra) {
  const opts = extra || {};
  const seen = { requests: [], statements: [], state: null, posts: 0 };
  const lrs = { refuse: false, stored: opts.stored || {} };
  const answers = {
    "POST https://lms/fetch": [200, { "auth-token": "dG9rZW4=" }],
    "GET LMS.LaunchData": launchData ? [200, launchData] : [404, {}],
    "GET zhineng.progress": progress ? [200, progress] : [404, {}],
    "GET cmi5LearnerPreferences": opts.preferences ? [200, opts.preferences] : [404, {}],
  };
  const xhr = () => ({
    headers: {},
    open(method, url) {
      const m = url.match(/(?:stateId|profileId)=([^&]*)/) || url.match(/statementId=([^&]*)/);
      this.key = method + " " + (m ? decodeURIComponent(m[1]) : url);
      this.byId = /statementId=/.test(url) ? decodeURIComponent(m[1]) : null;
    },
    setRequestHeader(k, v) { this.headers[k] = v; },
    send() {
      seen.requests.push([this.key, this.headers.Authorization || null]);
      const missing = opts.emptyResult ? [200, { statements: [] }] : [404, {}]; // ralph 5 answers the former
      const found = this.byId ? (lrs.stored[this.byId] ? [200, lrs.stored[this.byId]] : missing) : answers[this.key];
      [this.status, this.responseText] = [found[0], JSON.stringify(found[1])];
    },
  });
  const fetch = (url, init) => {
    if (url.endsWith("/statements")) {
      seen.posts++;
      if (lrs.refuse) return Promise.resolve({ ok: false, status: 400 });
      for (const st of JSON.parse(init.body)) {
        seen.statements.push(st);
        lrs.stored[st.id] = st;
      }
    } else seen.state = JSON.parse(init.body);
    return Promise.resolve({ ok: true });
  };
  let n = opts.seed || 0;
  const random = (k) => Uint8Array.from({ length: k }, () => n++ % 256);
  return { seen, lrs, options: { xhr, fetch, now: () => 0, random, storage: opts.storage || null } };
}

// A localStorage stand-in.
function memoryStorage() {
  const data = {};
  return {
    data,
    getItem: (k) => (k in data ? data[k] : null),
    setItem: (k, v) => { data[k] = String(v); },
    removeItem: (k) => { delete data[k]; },
  };
}

const payload = () => Object.assign(makePayload("scorm2004"), { xapi: { au: "urn:au", activities: { question: "urn:au:question:", reflection: "urn:au:reflection:", task: "urn:au:task:" }, items: { K1: "urn:uuid:k1" } } });
const verbs = (seen) => seen.statements.map((s) => s.verb.display["en-US"]);
const settle = () => new Promise((resolve) => setImmediate(resolve));

test("launch: the token is fetched once and used for the state; initialized goes first", async () => {
  const { seen, options } = lms({ launchMode: "Normal", masteryScore: 0.8, contextTemplate: {} });
  const a = new XapiAdapter(LAUNCH, payload(), options);
  assert.deepEqual(a.start(), { ok: true, entry: "ab-initio", suspendData: "", location: "", languagePreference: "" });
  assert.deepEqual(seen.requests, [
    ["POST https://lms/fetch", null],
    ["GET LMS.LaunchData", "Basic dG9rZW4="],
    ["GET cmi5LearnerPreferences", "Basic dG9rZW4="], // cmi5 11.0: on start, before any statement
    ["GET zhineng.progress", "Basic dG9rZW4="],
  ]);
  a.commit();
  await settle();
  assert.deepEqual(verbs(seen), ["initialized"]);
});

test("without LaunchData the launch fails and the player goes standalone", () => {
  const { options } = lms(null);
  assert.equal(new XapiAdapter(LAUNCH, payload(), options).start().ok, false);
});

test("LaunchData's masteryScore decides passed or failed; completed and passed are said once", async () => {
  const { seen, options } = lms({ launchMode: "Normal", masteryScore: 0.9, contextTemplate: {} });
  const a = new XapiAdapter(LAUNCH, payload(), options);
  a.start();
  a.reportCourse("passed", { scaled: 0.85 }); // our K rule says passed; the LMS's 0.9 says failed
  a.reportCourse("passed", { scaled: 0.85 });
  a.saveProgress("p1", "data");
  a.terminate();
  await settle();
  assert.deepEqual(verbs(seen), ["initialized", "completed", "failed", "terminated"]);
  assert.deepEqual(seen.state.sent, { completed: true, failed: true });
  assert.deepEqual(seen.state.pending, {});
});

test("a resumed registration keeps what was said: no second completed or passed", async () => {
  const { seen, options } = lms({ launchMode: "Normal", contextTemplate: {} },
    { location: "p1", suspendData: "data", sent: { completed: true, passed: true } });
  const a = new XapiAdapter(LAUNCH, payload(), options);
  assert.equal(a.start().entry, "resume");
  assert.equal(a.start.length, 0);
  a.reportCourse("passed", { scaled: 1 });
  a.terminate();
  await settle();
  assert.deepEqual(verbs(seen), ["initialized", "terminated"]);
});

test("Browse never completes or passes; Review keeps no answers and no progress", async () => {
  for (const mode of ["Browse", "Review"]) {
    const { seen, options } = lms({ launchMode: mode, contextTemplate: {} });
    const a = new XapiAdapter(LAUNCH, payload(), options);
    a.start();
    a.recordInteraction({ reflection: { id: "r1", attitude: "A01" }, text: "t", rating: 3, at: 0, startedAt: 0 });
    a.reportCourse("passed", { scaled: 1 });
    a.saveProgress("p1", "data");
    a.terminate();
    await settle();
    assert.deepEqual(verbs(seen), mode === "Browse" ? ["initialized", "answered", "terminated"] : ["initialized", "terminated"]);
    assert.equal(seen.state === null, mode === "Review");
  }
});

const sc = (q) => ({ question: q, response: "a", result: { correct: true, score: 1, max_score: 1 }, at: 0, startedAt: 0 });
const SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
const launchData = (session) => ({ launchMode: "Normal", masteryScore: 0.8,
  contextTemplate: { extensions: { [SESSION]: session } } });

test("the learner's language preference is read on start and handed to the player", () => {
  const { options } = lms({ launchMode: "Normal", contextTemplate: {} }, null, { preferences: { languagePreference: "fr-FR,en-US", audioPreference: "on" } });
  assert.equal(new XapiAdapter(LAUNCH, payload(), options).start().languagePreference, "fr-FR,en-US");
  const none = lms({ launchMode: "Normal", contextTemplate: {} });
  assert.equal(new XapiAdapter(LAUNCH, payload(), none.options).start().languagePreference, "");
});

test("passed and failed carry the launch data's masteryScore as the cmi5 context extension", async () => {
  for (const [scaled, verb] of [[0.8, "passed"], [0.79994, "failed"]]) {
    const { seen, options } = lms(launchData("s-1"));
    const a = new XapiAdapter(LAUNCH, payload(), options);
    a.start();
    a.reportCourse("passed", { scaled });
    a.terminate();
    await settle();
    const judged = seen.statements.find((s) => s.verb.display["en-US"] === verb);
    assert.equal(judged.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/masteryscore"], 0.8);
    assert.equal(judged.result.score.scaled, scaled === 0.8 ? 0.8 : 0.7999); // judged on the value it carries
    assert.equal(judged.context.extensions[SESSION], "s-1"); // the template's values stay
  }
});

test("a refused batch is not 'sent once': the next launch says completed and passed, and restates the answers", async () => {
  const storage = memoryStorage();
  const first = lms(launchData("s-1"), null, { storage });
  first.lrs.refuse = true;
  const p = payload();
  const a = new XapiAdapter(LAUNCH, p, first.options);
  a.start();
  a.recordInteraction(sc(p.questions[0]));
  a.reportCourse("passed", { scaled: 1 });
  a.saveProgress("p1", "data");
  a.terminate();
  await new Promise((resolve) => setTimeout(resolve, 1700)); // both retries refused too
  assert.equal(first.seen.posts, 3);
  assert.deepEqual(first.seen.state.sent, {}); // nothing was accepted
  assert.deepEqual(Object.keys(first.seen.state.pending).sort(), ["completed", "passed"]);
  const waiting = JSON.parse(Object.values(storage.data)[0]);
  assert.deepEqual(waiting.map((st) => st.verb.display["en-US"]), ["answered"]); // the answer waits in the outbox

  const second = lms(launchData("s-2"), first.seen.state, { storage, seed: 99, emptyResult: true });
  const b = new XapiAdapter(LAUNCH, p, second.options);
  b.start();
  assert.equal(second.seen.requests.length, 6); // the launch's four, then the LRS asked about the two pending
  b.reportCourse("passed", { scaled: 1 });
  b.saveProgress("p1", "data");
  b.commit();
  await settle();
  await settle();
  assert.deepEqual(verbs(second.seen), ["initialized", "answered", "completed", "passed"]);
  const restated = second.seen.statements[1];
  assert.equal(restated.context.extensions[SESSION], "s-2"); // said in this session, with a new id
  assert.notEqual(restated.id, waiting[0].id);
  assert.deepEqual(restated.result, waiting[0].result);
  assert.deepEqual(storage.data, {}); // accepted: the outbox is empty
  assert.deepEqual(second.seen.state.sent, { completed: true, passed: true });
});

test("a statement the LRS did store although the page closed before its answer is not said again", async () => {
  const stored = {};
  const first = lms(launchData("s-1"), null, { stored });
  const a = new XapiAdapter(LAUNCH, payload(), first.options);
  a.start();
  a.reportCourse("passed", { scaled: 1 });
  a.saveProgress("p1", "data");
  a.terminate(); // the state document is written with completed and passed pending
  const pending = JSON.parse(JSON.stringify(first.seen.state.pending));
  await settle();
  assert.deepEqual(Object.keys(pending).sort(), ["completed", "passed"]);
  const second = lms(launchData("s-2"), { location: "p1", suspendData: "data", sent: {}, pending }, { stored, seed: 50 });
  const b = new XapiAdapter(LAUNCH, payload(), second.options);
  b.start();
  b.reportCourse("passed", { scaled: 1 });
  b.terminate();
  await settle();
  assert.deepEqual(verbs(second.seen), ["initialized", "terminated"]);
});

test("returnURL: only a web page; the exit waits for the last batch", async () => {
  for (const [given, kept] of [["https://lms.example/back?x=1", "https://lms.example/back?x=1"], ["javascript:alert(1)", null], [undefined, null]]) {
    const { seen, options } = lms(Object.assign(launchData("s"), { returnURL: given }));
    const a = new XapiAdapter(LAUNCH, payload(), options);
    a.start();
    assert.equal(a.returnURL, kept);
    assert.equal(a.exitable, true);
    a.terminate();
    await a.settled();
    assert.deepEqual(verbs(seen), ["initialized", "terminated"]);
  }
});
