// Reads a SCO payload (JSON) on stdin and prints, per ordering or matching question, the ids in the order the
// SCO shows them (its type module's `shown`): tests/test_shuffle_vectors.py compares them with the blocks'.
"use strict";
const { load } = require("./runtime.js");
const { QUESTION_TYPES } = load("qtype-ordering.js", "qtype-matching.js");

const payload = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {};
for (const q of payload.questions) {
  const unit = QUESTION_TYPES[q.type];
  if (unit && unit.shown) out[q.id] = unit.shown(q).map((x) => x.id);
}
process.stdout.write(JSON.stringify(out));
