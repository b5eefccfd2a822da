// Reads a SCO payload (JSON) on stdin, builds the longest state a learner could reach, and prints the sizes
// the real encoder gives: without reflection texts, with texts at max_length, and capped at the payload limit
// (capped: also with every deliverable far bigger than any room, as drafts). Deliverables share the text room,
// so "without" and "with" hold each task's record, self-rated, with an empty deliverable.
"use strict";
const { load } = require("./runtime.js");
const { encodeState, MAX_INTERACTIONS, QUESTION_TYPES } = load("state.js");

// The longest response a learner could give to a question: its type module's (qtype-*.js).
function longestResponse(q) {
  return QUESTION_TYPES[q.type].longest(q);
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
  // A question with more than one attempt, retried as often as the state can say (its "*" and digit, state.js).
  payload.questions.forEach((q) => (state.answers[q.id] = { response: longestResponse(q), used: q.attempts === 1 ? 1 : 35 }));
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
