"use strict";
// The formula evaluator's JS port (runtime/formula.js) on the vectors performance/formula.py is tested with:
// the same cells, formulas, refusals and filled tables give the same numbers in both languages.
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("path");
const { load } = require("./runtime.js");
const { parseFormula, evaluateFormula, parseCellNumber: parseNumber, fillTable, formatNumber } = load("formula.js");

const VECTORS = require(path.join(__dirname, "../vectors/formula.json"));

test("a cell reads as the same number (or none) as in Python", () => {
  for (const v of VECTORS.cells) assert.equal(parseNumber(v.text), v.number, JSON.stringify(v.text));
});

test("every formula gives the same result on the same row", () => {
  for (const v of VECTORS.formulas) {
    const numbers = Object.fromEntries(Object.entries(v.row).map(([k, text]) => [k, parseNumber(text)]));
    assert.equal(evaluateFormula(v.formula, numbers), v.result, `${v.formula} on ${JSON.stringify(v.row)}`);
  }
});

test("what Python refuses, the port refuses", () => {
  for (const text of VECTORS.refused) assert.throws(() => parseFormula(text), { name: "FormulaError" }, JSON.stringify(text));
});

test("a table's computed columns and totals are filled in alike", () => {
  for (const v of VECTORS.tables) {
    const got = fillTable(v.field, v.rows);
    assert.deepEqual(got.rows, v.filled);
    assert.deepEqual(got.totals, v.totals);
  }
});

test("a number shows as the same text as in Python (thousands commas, at most six decimals)", () => {
  for (const v of VECTORS.display) assert.equal(formatNumber(v.number), v.text, String(v.number));
});
