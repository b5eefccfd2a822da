"use strict";
// The xAPI adapter's rules without a browser: the launch sequence, what is sent once, launch modes, order.
const test = require("node:test");
const assert = require("node:assert/strict");
const { XapiAdapter } = require("../../scorm_export/runtime/xapi-adapter.js");
const { cmi5Launch } = require("../../scorm_export/runtime/xapi-launch.js");
const { makePayload } = require("./fixture.js");

const LAUNCH = cmi5Launch("?endpoint=https%3A%2F%2Flms%2Fxapi%2F&fetch=https%3A%2F%2Flms%2Ffetch&actor=" +
  encodeURIComponent(JSON.stringify({ account: { homePage: "https://lms", name: "l1" } })) +
  "&registration=r-1&activityId=urn%3Aau");

// A fake LMS: the sync XHRs of the launch, and fetch for everything after.
function lms(launchData, progress) {
  const seen = { requests: [], statements: [], state: null };
  const answers = {
    "POST https://lms/fetch": [200, { "auth-token": "dG9rZW4=" }],
    "GET LMS.LaunchData": launchData ? [200, launchData] : [404, {}],
    "GET zhineng.progress": progress ? [200, progress] : [404, {}],
  };
  const xhr = () => ({
    headers: {},
    open(method, url) { this.key = method + " " + (url.match(/stateId=([^&]*)/) || [null, url])[1]; },
    setRequestHeader(k, v) { this.headers[k] = v; },
    send() {
      seen.requests.push([this.key, this.headers.Authorization || null]);
      [this.status, this.responseText] = [answers[this.key][0], JSON.stringify(answers[this.key][1])];
    },
  });
  const fetch = (url, init) => {
    if (url.endsWith("/statements")) seen.statements.push(...JSON.parse(init.body));
    else seen.state = JSON.parse(init.body);
    return Promise.resolve({ ok: true });
  };
  return { seen, options: { xhr, fetch, now: () => 0, random: (n) => new Uint8Array(n) } };
}

const payload = () => Object.assign(makePayload("scorm2004"), { xapi: { au: "urn:au", items: { K1: "urn:uuid:k1" } } });
const verbs = (seen) => seen.statements.map((s) => s.verb.display["en-US"]);
const settle = () => new Promise((resolve) => setImmediate(resolve));

test("launch: the token is fetched once and used for the state; initialized goes first", async () => {
  const { seen, options } = lms({ launchMode: "Normal", masteryScore: 0.8, contextTemplate: {} });
  const a = new XapiAdapter(LAUNCH, payload(), options);
  assert.deepEqual(a.start(), { ok: true, entry: "ab-initio", suspendData: "", location: "" });
  assert.deepEqual(seen.requests, [
    ["POST https://lms/fetch", null],
    ["GET LMS.LaunchData", "Basic dG9rZW4="],
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
});

test("a resumed registration keeps what was said: no second completed or passed", async () => {
  const { seen, options } = lms({ launchMode: "Normal", contextTemplate: {} },
    { location: "p1", suspendData: "data", sent: { completed: true, passed: true } });
  const a = new XapiAdapter(LAUNCH, payload(), options);
  assert.equal(a.start().entry, "resume");
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
