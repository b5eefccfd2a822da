"use strict";
// The display shuffle's JS port (runtime/widgets.js `shuffled`) on the vectors quizzes/types/unit.py
// display_order is tested with (tests/test_shuffle_vectors.py): the SCO shows the blocks' order.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { load } = require("./runtime.js");
const { shuffled } = load("widgets.js");

const VECTORS = require(path.join(__dirname, "../vectors/shuffle.json"));

test("every vector's order is the runtime's order", () => {
  for (const v of VECTORS) {
    const shown = shuffled(v.ids.map((id) => ({ id })), v.seed, v.avoid || undefined).map((x) => x.id);
    assert.deepEqual(shown, v.order, v.seed + " " + v.ids.join(","));
  }
});
