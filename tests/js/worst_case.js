// Reads a SCO payload (JSON) on stdin, builds the longest state a learner could reach, and prints the sizes
// the real encoder gives: without reflection texts, with texts at max_length, and capped at the payload limit
// (capped: also with every deliverable far bigger than any room, as drafts). Deliverables share the text room,
// so "without" and "with" hold each task's record, self-rated, with an empty deliverable.
"use strict";
const { load, modules } = require("./runtime.js");
const { encodeState, MAX_INTERACTIONS, QUESTION_TYPES } = load(
  "state.js", ...Object.keys(modules()).filter((n) => n.startsWith("qtype-")));

function longestResponse(q) {
  if (QUESTION_TYPES[q.type]) return QUESTION_TYPES[q.type].longest(q);
  switch (q.type) {
    case "single_choice": return q.choices[q.choices.length - 1].id;
    case "multiple_response": return q.choices.map((c) => c.id);
    case "true_false": return true;
    case "numeric": return "9".repeat(500);
    case "short_text": return "長".repeat(500);
    case "ordering": return q.items.map((i) => i.id).reverse();
    case "matching": return Object.fromEntries(q.premises.map((p) => [p.id, q.options[q.options.length - 1].id]));
  }
  throw new Error(q.type);
}

function worstState(payload, text, deliverable) {
  const tasks = payload.tasks || [];
  const state = {
    page: payload.objectives.activities.length + tasks.length + 2, visited: {}, answers: {}, reflections: {}, tasks: {},
    ended: true, nextInteraction: MAX_INTERACTIONS,
  };
  tasks.forEach((t) => {
    const ratings = Object.fromEntries(t.rubric.map((c) => [c.id, c.levels.length]));
    state.tasks[t.id] = deliverable
      ? { status: "draft", values: deliverable(t), ratings: {} }
      : { status: "rated", values: {}, ratings };
  });
  payload.objectives.activities.forEach((a) => (state.visited[a] = true));
  payload.questions.forEach((q) => (state.answers[q.id] = { response: longestResponse(q) }));
  payload.reflections.forEach((r) => (state.reflections[r.id] = { text: text(r), rating: 5, submitted: true }));
  return state;
}

let input = "";
process.stdin.on("data", (c) => (input += c));
process.stdin.on("end", () => {
  const payload = JSON.parse(input);
  const full = worstState(payload, (r) => "寫".repeat(r.max_length + 3000));
  const drafts = worstState(payload, (r) => "寫".repeat(r.max_length + 3000), (t) => Object.fromEntries(
    t.deliverable.filter((f) => f.type === "long_text").map((f) => [f.id, "寫".repeat(f.max_length)])));
  process.stdout.write(JSON.stringify({
    without: encodeState(payload, worstState(payload, () => ""), 0).data.length,
    with: encodeState(payload, full, 0).data.length,
    capped: Math.max(encodeState(payload, full, payload.limits.suspendData).data.length,
      encodeState(payload, drafts, payload.limits.suspendData).data.length),
  }));
});
