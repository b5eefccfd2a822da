"use strict";
// The deliverable codec's JS port (runtime/deliverable.js) on the vectors performance/codec.py is tested with:
// the same value gives the same text and the same parts in both languages.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { load } = require("./runtime.js");
const { valueText, valueParts, PART_MAX, cleanText } = load("deliverable.js", "responses.js");

const VECTORS = require(path.join(__dirname, "../vectors/deliverable.json"));

test("every field's value is encoded and split as in Python", () => {
  for (const v of VECTORS) {
    const encoded = valueText(v.field, v.value);
    assert.equal(encoded, v.encoded, JSON.stringify(v.value).slice(0, 80));
    assert.deepEqual(valueParts(encoded), v.parts);
  }
});

test("what SCORM 2004 interactions hold of a value is what Python reads back (cleanText per part)", () => {
  for (const v of VECTORS) {
    const held = valueParts(v.encoded).map((part) => cleanText(part, PART_MAX)).join("");
    assert.equal(held, v.interactions, JSON.stringify(v.value).slice(0, 80));
  }
});
