"use strict";
// The deliverable codec's JS port (runtime/deliverable.js) on the vectors performance/codec.py is tested with:
// the same value gives the same text and the same parts in both languages.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { load } = require("./runtime.js");
const { valueText, valueParts } = load("deliverable.js");

const VECTORS = require(path.join(__dirname, "../vectors/deliverable.json"));

test("every field's value is encoded and split as in Python", () => {
  for (const v of VECTORS) {
    const encoded = valueText(v.field, v.value);
    assert.equal(encoded, v.encoded, JSON.stringify(v.value).slice(0, 80));
    assert.deepEqual(valueParts(encoded), v.parts);
  }
});
