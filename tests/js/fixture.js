// A small payload with every question type, shaped like scorm_export/payload.py's output.
"use strict";

function makePayload(version) {
  const fb = { correct: "ok", incorrect: "ko" };
  const base = (id, type, k, extra) => Object.assign(
    { id, type, activity: "T1.1", knowledge: k, points: 1, prompt_html: "<p>p</p>", explanation_html: "<p>e</p>", hash: id.padEnd(8, "0") },
    extra,
  );
  return {
    version,
    contentHash: "abcdef123456",
    module: { id: "M1", language: "zh-TW", title: "t" },
    labels: {},
    mastery: { threshold: 0.8, knowledge: {} },
    objectives: { knowledge: ["K1", "K2"], activities: ["T1.1", "T1.2"], attitudes: ["A01"] },
    lessons: [],
    questions: [
      base("qsc", "single_choice", ["K1"], { choices: [{ id: "a", correct: true, feedback: "fa", text: "A" }, { id: "b", correct: false, feedback: "fb", text: "B" }] }),
      base("qmr", "multiple_response", ["K1"], { scoring: "all_or_nothing", choices: ["a", "b", "c", "d", "e"].map((id, i) => ({ id, correct: i < 2, feedback: "f" + id, text: id })) }),
      base("qtf", "true_false", ["K1"], { answer: false, feedback: fb }),
      base("qnu", "numeric", ["K2"], { answer: 25, tolerance: 0.5, unit: "%", feedback: fb, mistakes: [] }),
      base("qst", "short_text", ["K2"], { accepted: ["ROAS", "廣告投資報酬率"], feedback: fb, mistakes: [] }),
      base("qor", "ordering", ["K2"], { items: [{ id: "s1", text: "1" }, { id: "s2", text: "2" }, { id: "s3", text: "3" }], answer: ["s2", "s1", "s3"], feedback: fb }),
      base("qma", "matching", ["K1", "K2"], {
        scoring: "all_or_nothing", feedback: fb,
        premises: [{ id: "p1", text: "1" }, { id: "p2", text: "2" }],
        options: [{ id: "o1", text: "1" }, { id: "o2", text: "2" }, { id: "o3", text: "3" }],
        answer: { p1: "o1", p2: "o2" },
      }),
    ],
    reflections: [
      { id: "R1", attitude: "A01", activity: "T1.2", min_length: 5, max_length: 2000, rating: { prompt: "r", anchors: ["1", "2", "3", "4", "5"] } },
      { id: "R2", attitude: "A01", activity: null, min_length: 5, max_length: 2000, rating: { prompt: "r", anchors: ["1", "2", "3", "4", "5"] } },
    ],
    limits: { suspendData: version === "scorm12" ? 4096 : 64000 },
  };
}

const RIGHT = {
  qsc: "a", qmr: ["a", "b"], qtf: false, qnu: "25 %", qst: "roas", qor: ["s2", "s1", "s3"], qma: { p1: "o1", p2: "o2" },
};
const WRONG = {
  qsc: "b", qmr: ["c"], qtf: true, qnu: "30", qst: "ROI", qor: ["s1", "s2", "s3"], qma: { p1: "o3" },
};

// A stand-in LMS API that records calls; `commitResults` scripts what Commit returns.
function fakeApi(version, commitResults) {
  const calls = [];
  const values = {};
  const results = (commitResults || []).slice();
  const names = version === "scorm12"
    ? ["LMSInitialize", "LMSGetValue", "LMSSetValue", "LMSCommit", "LMSFinish", "LMSGetLastError"]
    : ["Initialize", "GetValue", "SetValue", "Commit", "Terminate", "GetLastError"];
  const api = { calls, values };
  api[names[0]] = () => (calls.push([names[0]]), "true");
  api[names[1]] = (el) => (calls.push([names[1], el]), el.endsWith("_count") ? "0" : values[el] || "");
  api[names[2]] = (el, v) => (calls.push([names[2], el, v]), (values[el] = v), "true");
  api[names[3]] = () => (calls.push([names[3]]), results.length ? results.shift() : "true");
  api[names[4]] = () => (calls.push([names[4]]), "true");
  api[names[5]] = () => "0";
  return api;
}

module.exports = { makePayload, RIGHT, WRONG, fakeApi };
