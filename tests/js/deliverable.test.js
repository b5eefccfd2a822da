"use strict";
// The deliverable codec's JS port (runtime/deliverable.js) on the vectors performance/codec.py is tested with:
// the same value gives the same text and the same parts in both languages.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { load } = require("./runtime.js");
const { valueText, PART_MAX, lmsParts } = load("deliverable.js", "responses.js");

const VECTORS = require(path.join(__dirname, "../vectors/deliverable.json"));

test("every field's value is encoded, and split into the parts SCORM 2004 interactions hold, as in Python", () => {
  for (const v of VECTORS) {
    const encoded = valueText(v.field, v.value);
    assert.equal(encoded, v.encoded, JSON.stringify(v.value).slice(0, 80));
    const parts = lmsParts(encoded, PART_MAX);
    assert.deepEqual(parts, v.parts);
    assert.ok(parts.every((p) => p.length <= PART_MAX));
    assert.equal(parts.join(""), v.interactions); // what Python reads back: nothing pushed out of a part
  }
});
