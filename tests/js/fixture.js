// A small payload with a question of every registered type (quizzes/types/), shaped like scorm_export/payload.py's
// output: tests/vectors/question_types.json, written from the registry and the golden questions (make golden), so
// a new type is here without editing this file. RIGHT and WRONG are each question's right and wrong response
// (its unit's right_response and wrong_response), by question id.
"use strict";
const TYPES = require("../vectors/question_types.json");

function makePayload(version) {
  const questions = JSON.parse(JSON.stringify(TYPES.questions));
  const knowledge = [...new Set(questions.flatMap((q) => q.knowledge))].sort();
  return {
    version,
    contentHash: "abcdef123456",
    module: { id: "M1", language: "zh-TW", title: "t" },
    labels: {},
    mastery: { threshold: 0.8, knowledge: {} },
    objectives: { knowledge, activities: ["T1.1", "T1.2"], attitudes: ["A01"] },
    lessons: [],
    questions,
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

const RIGHT = TYPES.right;
const WRONG = TYPES.wrong;

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
