"use strict";
// The cmi5 launch parameters and the statements the AU builds (the browser tests send them to ralph).
const test = require("node:test");
const assert = require("node:assert/strict");
const { load } = require("./runtime.js");
const { cmi5Launch } = load("xapi-launch.js");
const { StatementMaker, CMI5_CATEGORY, XAPI_EXTENSIONS } = load("xapi-statements.js", "xapi-answers.js");
const { grade } = load("grader.js");
const { makePayload, RIGHT } = require("./fixture.js");

const ACTOR = { objectType: "Agent", account: { homePage: "https://lms.example", name: "l1" } };
const SEARCH = "?endpoint=" + encodeURIComponent("https://lms.example/xapi") + "&fetch=" +
  encodeURIComponent("https://lms.example/fetch/1") + "&actor=" + encodeURIComponent(JSON.stringify(ACTOR)) +
  "&registration=r-1&activityId=" + encodeURIComponent("urn:zhineng:s:cmi5:au:M1");

function maker() {
  const payload = makePayload("scorm2004");
  payload.xapi = { au: "urn:zhineng:s:cmi5:au:M1", activities: { question: "urn:zhineng:s:cmi5:au:M1:question:", reflection: "urn:zhineng:s:cmi5:au:M1:reflection:", task: "urn:zhineng:s:cmi5:au:M1:task:" }, items: { K1: "urn:uuid:k1", K12: "urn:uuid:k12", A01: "urn:uuid:a01", "T1.1": "urn:uuid:t11" } };
  const template = { contextActivities: { grouping: [{ id: "urn:zhineng:s:cmi5:au:M1" }] }, extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1" } };
  let n = 0;
  const random = (k) => Uint8Array.from({ length: k }, () => n++ % 256);
  return { payload, make: new StatementMaker(cmi5Launch(SEARCH), { contextTemplate: template }, payload, { random, now: () => Date.UTC(2026, 10, 24) }) };
}

test("a cmi5 launch needs all five parameters; the endpoint gets its trailing slash", () => {
  const launch = cmi5Launch(SEARCH);
  assert.equal(launch.endpoint, "https://lms.example/xapi/");
  assert.deepEqual(launch.actor, ACTOR);
  assert.equal(launch.registration, "r-1");
  assert.equal(cmi5Launch(SEARCH.replace(/&registration=r-1/, "")), null);
  assert.equal(cmi5Launch("?lang=en"), null); // a SCORM or standalone page stays one
  assert.equal(cmi5Launch(SEARCH.replace(/actor=[^&]*/, "actor=%7Bnot-json")), null);
});

test("cmi5-defined statements carry the category, the registration and the session id", () => {
  const { make } = maker();
  const init = make.defined("initialized");
  assert.equal(init.verb.id, "http://adlnet.gov/expapi/verbs/initialized");
  assert.equal(init.object.id, "urn:zhineng:s:cmi5:au:M1");
  assert.equal(init.context.registration, "r-1");
  assert.deepEqual(init.context.contextActivities.category, [{ id: CMI5_CATEGORY }]);
  assert.equal(init.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/sessionid"], "s-1");
  assert.match(init.id, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(init.timestamp, "2026-11-24T00:00:00.000Z");
  const passed = make.defined("passed", 61000, { scaled: 0.91234 });
  assert.deepEqual(passed.result, { duration: "PT1M1S", success: true, score: { scaled: 0.9123 } });
  assert.equal(passed.context.contextActivities.category.length, 2); // cmi5 and moveon
  assert.deepEqual(make.defined("completed", 0).result, { duration: "PT0S", completion: true });
});

test("an answer names its K items by CASE IRI; a reflection its A item, with text and rating", () => {
  const { payload, make } = maker();
  const q = payload.questions.find((x) => x.id === "sc");
  const answered = make.answered({ question: q, response: RIGHT.sc, result: grade(q, RIGHT.sc), at: 5000, startedAt: 2000 });
  assert.equal(answered.verb.id, "http://adlnet.gov/expapi/verbs/answered");
  assert.equal(answered.object.id, "urn:zhineng:s:cmi5:au:M1:question:sc");
  assert.equal(answered.object.definition.interactionType, "choice");
  assert.equal(answered.context.contextActivities.category, undefined); // cmi5-allowed: no cmi5 category
  assert.deepEqual(answered.context.contextActivities.other.map((a) => a.id), ["urn:uuid:k1"]);
  assert.deepEqual(answered.result.extensions[XAPI_EXTENSIONS.item], ["urn:uuid:k1"]);
  assert.equal(answered.result.extensions[XAPI_EXTENSIONS.question], "sc");
  assert.deepEqual([answered.result.success, answered.result.score.scaled, answered.result.duration], [true, 1, "PT3S"]);
  const r = { id: "r1", attitude: "A01" };
  const reflected = make.reflected({ reflection: r, text: "<script>x</script>", rating: 4, at: 1, startedAt: 0 });
  assert.deepEqual(reflected.result.extensions[XAPI_EXTENSIONS.item], ["urn:uuid:a01"]);
  assert.equal(reflected.result.extensions[XAPI_EXTENSIONS.rating], 4);
  assert.equal(reflected.result.response, "<script>x</script>"); // data, escaped by whoever shows it
  assert.equal(make.activityCompleted("T1.1").object.id, "urn:uuid:t11");
});

test("questions, reflections and tasks are named by the payload's prefixes (cmi5_export/ids.py), never built here", () => {
  const { payload, make } = maker();
  payload.xapi.activities = { question: "urn:q/", reflection: "urn:r/", task: "urn:t/" };
  const q = payload.questions.find((x) => x.id === "sc");
  assert.equal(make.answered({ question: q, response: RIGHT.sc, result: grade(q, RIGHT.sc), at: 1, startedAt: 0 }).object.id, "urn:q/sc");
  const r = payload.reflections[0];
  assert.equal(make.reflected({ reflection: r, text: "文字", rating: 3, at: 1, startedAt: 0 }).object.id, "urn:r/R1");
  assert.equal(make.taskActivity(payload.tasks[0]).id, "urn:t/T1.2-task");
});

test("every question type carries a full xAPI interaction definition; the AU is its parent", () => {
  const { payload, make } = maker();
  const au = "urn:zhineng:s:cmi5:au:M1";
  const defs = {};
  for (const q of payload.questions) {
    const s = make.answered({ question: q, response: RIGHT[q.id], result: grade(q, RIGHT[q.id]), at: 1, startedAt: 0 });
    assert.deepEqual(s.context.contextActivities.parent, [{ objectType: "Activity", id: au }]);
    assert.deepEqual(s.context.contextActivities.grouping, [{ id: au }]); // the LMS's template stays
    assert.equal(s.object.definition.type, "http://adlnet.gov/expapi/activities/cmi.interaction");
    assert.deepEqual(s.object.definition.description, { "zh-TW": "p" });
    defs[q.id] = s.object.definition;
    assert.deepEqual(s.object.definition.correctResponsesPattern.length > 0, true);
    // A right answer is the first pattern, but for a number: its pattern is a range.
    if (q.type !== "numeric") assert.equal(s.result.response, s.object.definition.correctResponsesPattern[0], q.id);
  }
  const strip = ({ type, name, description, ...rest }) => rest;
  const described = (ids, texts) => ids.map((id, i) => ({ id, description: { "zh-TW": texts[i] } }));
  assert.deepEqual(strip(defs.sc), { interactionType: "choice", correctResponsesPattern: ["a"],
    choices: described(["a", "b", "c"], ["A", "B", "C"]) });
  assert.deepEqual(strip(defs.mr).correctResponsesPattern, ["a[,]b"]);
  assert.equal(strip(defs.mr).choices.length, 4);
  assert.deepEqual(strip(defs.tf), { interactionType: "true-false", correctResponsesPattern: ["false"] });
  assert.deepEqual(strip(defs.num), { interactionType: "numeric", correctResponsesPattern: ["249.5[:]250.5"] });
  assert.deepEqual(strip(defs.st), { interactionType: "fill-in", correctResponsesPattern: ["ROAS", "廣告投資報酬率"] });
  assert.deepEqual(strip(defs.ord), { interactionType: "sequencing", correctResponsesPattern: ["s2[,]s1[,]s3"],
    choices: described(["s1", "s2", "s3"], ["1", "2", "3"]) });
  assert.deepEqual(strip(defs.mat), { interactionType: "matching", correctResponsesPattern: ["p1[.]o1[,]p2[.]o2[,]p3[.]o3"],
    source: described(["p1", "p2", "p3"], ["1", "2", "3"]), target: described(["o1", "o2", "o3", "o4"], ["1", "2", "3", "extra"]) });
  // A cloze's gaps are no components: each pattern is one accepted answer per gap.
  assert.deepEqual(strip(defs.cz), { interactionType: "fill-in", correctResponsesPattern: ["營收[,]廣告費用[,]%", "廣告營收[,]廣告費用[,]倍"] });
  const r = make.reflected({ reflection: { id: "R1", attitude: "A01", prompt_html: "<p>Why &amp; how?</p>" }, text: "t", at: 1, startedAt: 0 });
  assert.deepEqual(r.object.definition.interactionType, "long-fill-in");
  assert.deepEqual(r.object.definition.description, { "zh-TW": "Why & how?" });
  assert.deepEqual(r.context.contextActivities.parent, [{ objectType: "Activity", id: au }]);
});

test("statements say their launch mode; a restated statement takes this session's context and a new id", () => {
  const { payload, make } = maker();
  const q = payload.questions[0];
  const old = make.answered({ question: q, response: "a", result: grade(q, "a"), at: 1, startedAt: 0 });
  assert.equal(old.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/launchmode"], "Normal");
  const template = { contextActivities: { grouping: [{ id: "urn:zhineng:s:cmi5:au:M1" }] }, extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-2" } };
  const later = new StatementMaker(cmi5Launch(SEARCH), { contextTemplate: template, launchMode: "Normal" }, payload, { random: () => new Uint8Array(16).fill(7), now: () => Date.UTC(2026, 10, 25) });
  const again = later.restate(old);
  assert.notEqual(again.id, old.id);
  assert.equal(again.timestamp, "2026-11-25T00:00:00.000Z");
  assert.equal(again.context.extensions["https://w3id.org/xapi/cmi5/context/extensions/sessionid"], "s-2");
  assert.deepEqual(again.context.contextActivities.other, old.context.contextActivities.other);
  assert.deepEqual(again.context.contextActivities.grouping, old.context.contextActivities.grouping); // not doubled
  assert.deepEqual([again.object, again.result], [old.object, old.result]);
});

test("the learner's preferred languages pick the player's words where it has them; ?lang= still wins", () => {
  const { pickLocale } = load("i18n.js");
  assert.equal(pickLocale("", "zh-TW", "en-US,zh-TW"), "en");
  assert.equal(pickLocale("", "zh-TW", "fr-FR, en-GB"), "en"); // the first the player has
  assert.equal(pickLocale("", "en", "fr-FR,de"), "en"); // none it has: the module's language
  assert.equal(pickLocale("?lang=zh-TW", "zh-TW", "en-US"), "zh-TW");
  assert.equal(pickLocale("", "zh-TW", ""), "zh-TW");
});

test("nothing of the LMS's context template is overwritten, its 'other' list included", () => {
  const { payload } = maker();
  const template = { contextActivities: { grouping: [{ id: "urn:g" }], other: [{ id: "urn:lms-other" }] },
    extensions: { "https://w3id.org/xapi/cmi5/context/extensions/sessionid": "s-1", "https://lms.example/x": 1 } };
  const make = new StatementMaker(cmi5Launch(SEARCH), { contextTemplate: template }, payload, { random: () => new Uint8Array(16), now: () => 0 });
  const q = payload.questions[0];
  const s = make.answered({ question: q, response: "a", result: grade(q, "a"), at: 1, startedAt: 0 });
  assert.deepEqual(s.context.contextActivities.other.map((a) => a.id), ["urn:lms-other", "urn:uuid:k1"]);
  assert.deepEqual(s.context.contextActivities.grouping, [{ id: "urn:g" }]);
  assert.equal(s.context.extensions["https://lms.example/x"], 1);
});
