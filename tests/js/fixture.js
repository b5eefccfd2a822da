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
    tasks: [makeTask()],
    limits: { suspendData: version === "scorm12" ? 4096 : 64000 },
  };
}

// A task with one field of each type, shaped like scorm_export/payload.py's output.
function makeTask() {
  const level = (label, points) => ({ label, points, descriptor_html: "<p>" + label + "</p>" });
  return {
    id: "T1.2-task", activity: "T1.2", title: "新品上架", outputs: ["O1.2.1"], minutes: 30,
    brief_html: "<p>brief</p>", exemplar_html: "<p>exemplar</p>", resources: [],
    deliverable: [
      { id: "copy", type: "long_text", label: "商品頁文案", help_html: "", required: true, min_length: 10, max_length: 4000 },
      { id: "budget", type: "table", label: "預算表", help_html: "", required: true, rows: { min: 1, max: 5, start: 2 }, totals: ["amount"],
        columns: [
          { id: "item", label: "項目", type: "text", formula: null },
          { id: "qty", label: "數量", type: "number", formula: null },
          { id: "price", label: "單價", type: "number", formula: null },
          { id: "amount", label: "小計", type: "number", formula: "qty * price" },
        ] },
      { id: "checks", type: "checklist", label: "上架前核對", help_html: "", required: true, require_all: false,
        items: [{ id: "name", text: "品名一致" }, { id: "label", text: "標示完整" }] },
      { id: "url", type: "link", label: "測試頁網址", help_html: "", required: false },
    ],
    rubric: [
      { id: "accuracy", title: "資訊正確", indicators: ["P1.2.1"], skills: [], knowledge: [], attitudes: [],
        levels: [level("待加強", 0), level("基本達成", 2), level("良好", 3), level("優秀", 4)] },
      { id: "clarity", title: "清楚易讀", indicators: ["P1.2.2", "P1.2.1"], skills: [], knowledge: [], attitudes: [],
        levels: [level("待加強", 0), level("達成", 1), level("優秀", 2)] },
    ],
    pass: { min_level: 2, min_percent: 70 },
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

module.exports = { makePayload, makeTask, RIGHT, WRONG, fakeApi };
