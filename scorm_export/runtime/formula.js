/* A computed table column's formula, and a table with its computed columns and totals filled in: the port of
 * performance/formula.py and performance/table.py (tests/vectors/formula.json proves them equal, run by
 * tests/js/formula.test.js and by pytest). Grammar, and nothing else (never eval):
 *   expr  := term (("+" | "-") term)*        term := unary (("*" | "/") unary)*
 *   unary := "-" unary | atom                atom := NUMBER | COLUMN_ID | "(" expr ")" | "round" "(" expr "," INTEGER ")"
 * Rounding works on the number's shortest decimal text, as the Python side does (1.005 rounds to 1.01). */
// needs:
(function (Z) {
  "use strict";

  var MAX_FORMULA_CHARS = 200;
  var MAX_DEPTH = 20;
  var DISPLAY_DIGITS = 6; // a computed value is tidied to this many decimals (0.1 + 0.2 shows 0.3)
  var MAX_ROUND_DIGITS = 10;
  var ROUNDING_LIMIT = 1e15; // at and above it a double has no decimals worth rounding
  // ASCII classes only, as on the Python side.
  var TOKEN = /[ \t\r\n]*(?:([0-9]+(?:\.[0-9]+)?|\.[0-9]+)|([A-Za-z][A-Za-z0-9_]*)|([\s\S]))/g;
  var NUMBER_TEXT = /^[ \t\r\n]*([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))[ \t\r\n]*%?[ \t\r\n]*$/;

  function FormulaError(message) {
    this.name = "FormulaError";
    this.message = message;
  }
  FormulaError.prototype = Object.create(Error.prototype);

  function tokens(text) {
    var out = [];
    var m;
    TOKEN.lastIndex = 0;
    while (TOKEN.lastIndex < text.length && (m = TOKEN.exec(text)) !== null) {
      if (m[1] !== undefined) out.push(m[1]);
      else if (m[2] !== undefined) out.push(m[2]);
      else if (m[3] !== undefined) {
        if ("+-*/(),".indexOf(m[3]) < 0) throw new FormulaError("'" + m[3] + "' is not allowed");
        out.push(m[3]);
      }
    }
    return out;
  }

  /** Parse into a tree: ["num", v] | ["col", id] | ["neg", n] | [op, a, b] | ["round", n, digits]. */
  function parse(text) {
    text = String(text);
    if (text.length > MAX_FORMULA_CHARS) throw new FormulaError("the formula is too long");
    var toks = tokens(text);
    var at = 0;
    function peek() { return at < toks.length ? toks[at] : null; }
    function take(expected) {
      var tok = peek();
      if (tok === null) throw new FormulaError("the formula ends too early");
      if (expected !== undefined && tok !== expected) throw new FormulaError("expected '" + expected + "', found '" + tok + "'");
      at++;
      return tok;
    }
    function deep(depth) {
      if (depth > MAX_DEPTH) throw new FormulaError("the formula nests deeper than " + MAX_DEPTH + " levels");
    }
    function expr(depth) {
      deep(depth);
      var node = term(depth);
      while (peek() === "+" || peek() === "-") {
        var op = take();
        node = [op, node, term(depth)];
      }
      return node;
    }
    function term(depth) {
      var node = unary(depth);
      while (peek() === "*" || peek() === "/") {
        var op = take();
        node = [op, node, unary(depth)];
      }
      return node;
    }
    function unary(depth) {
      if (peek() === "-") {
        take();
        deep(depth);
        return ["neg", unary(depth + 1)];
      }
      return atom(depth);
    }
    function atom(depth) {
      var tok = take();
      if (tok === "(") {
        var inner = expr(depth + 1);
        take(")");
        return inner;
      }
      if (/^[0-9.]/.test(tok)) return ["num", Number(tok)];
      if (tok === "round") {
        take("(");
        var x = expr(depth + 1);
        take(",");
        var digits = take();
        if (!/^[0-9]+$/.test(digits) || Number(digits) > MAX_ROUND_DIGITS) {
          throw new FormulaError("round(x, n) needs a whole number n from 0 to " + MAX_ROUND_DIGITS);
        }
        take(")");
        return ["round", x, Number(digits)];
      }
      if (/^[A-Za-z]/.test(tok)) {
        if (peek() === "(") throw new FormulaError("'" + tok + "(' is not a function this language has");
        return ["col", tok];
      }
      throw new FormulaError("unexpected '" + tok + "'");
    }
    var tree = expr(0);
    if (peek() !== null) throw new FormulaError("unexpected '" + peek() + "' after the end of the expression");
    return tree;
  }

  /** A learner's cell as a number: full-width digits and thousands commas allowed, a trailing % dropped. */
  function parseNumber(cell) {
    if (typeof cell === "number") return cell;
    if (typeof cell !== "string") return null;
    var m = NUMBER_TEXT.exec(cell.normalize("NFKC").replace(/,/g, ""));
    return m ? Number(m[1]) : null;
  }

  // Add one to a string of decimal digits.
  function increment(digits) {
    var out = digits.split("");
    for (var i = out.length - 1; i >= 0; i--) {
      if (out[i] !== "9") {
        out[i] = String(Number(out[i]) + 1);
        return out.join("");
      }
      out[i] = "0";
    }
    return "1" + out.join("");
  }

  /** Round half away from zero at `digits` decimals, on the number's shortest decimal text. */
  function roundHalfUp(value, digits) {
    if (!isFinite(value) || Math.abs(value) >= ROUNDING_LIMIT) return value;
    var m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(value)));
    var all = m[1] + (m[2] || "");
    var point = m[1].length + (m[3] ? Number(m[3]) : 0); // where the decimal point falls in `all`
    if (point < 0) {
      all = new Array(-point + 1).join("0") + all;
      point = 0;
    }
    var keep = point + digits;
    if (keep >= all.length) return value;
    var kept = all.slice(0, keep);
    if (all.charAt(keep) >= "5") kept = increment(kept || "0");
    else if (!kept) kept = "0";
    var intDigits = kept.length - digits;
    var text = (intDigits > 0 ? kept.slice(0, intDigits) : "0") + "." + (digits ? kept.slice(Math.max(intDigits, 0)) : "0");
    var out = Number(text);
    return value < 0 ? -out : out;
  }

  function evalNode(node, row) {
    switch (node[0]) {
      case "num": return node[1];
      case "col": return row[node[1]] === undefined ? null : row[node[1]];
      case "neg": {
        var inner = evalNode(node[1], row);
        return inner === null ? null : -inner;
      }
      case "round": {
        var x = evalNode(node[1], row);
        return x === null ? null : roundHalfUp(x, node[2]);
      }
    }
    var a = evalNode(node[1], row);
    var b = evalNode(node[2], row);
    if (a === null || b === null) return null;
    if (node[0] === "+") return a + b;
    if (node[0] === "-") return a - b;
    if (node[0] === "*") return a * b;
    return b === 0 ? null : a / b;
  }

  /** The value for one row of numbers ({column id: number | null}); null when an input is blank or a division
   *  is by zero. formula: its text or parse()'s tree. */
  function evaluate(formula, numbers) {
    var value = evalNode(typeof formula === "string" ? parse(formula) : formula, numbers || {});
    if (value === null || !isFinite(value)) return null;
    return roundHalfUp(value, DISPLAY_DIGITS) + 0; // -0 becomes 0
  }

  function numeric(column) {
    return column.type === "number" || column.type === "percent";
  }

  /** A table field's rows (input cells only, in order) as a person reads them: {rows: [{column id: text |
   *  number | null}], totals: {column id: number}} with the computed columns filled in. */
  function fillTable(field, rows) {
    var trees = {};
    field.columns.forEach(function (c) { if (c.formula !== null && c.formula !== undefined) trees[c.id] = parse(c.formula); });
    var filled = rows.map(function (raw) {
      var k = 0;
      var row = {};
      var numbers = {};
      field.columns.forEach(function (c) {
        var value;
        if (trees[c.id]) {
          value = evaluate(trees[c.id], numbers);
        } else {
          var text = k < raw.length ? raw[k] : "";
          k++;
          value = numeric(c) ? parseNumber(text) : text;
        }
        row[c.id] = value;
        if (numeric(c)) numbers[c.id] = typeof value === "number" ? value : null;
      });
      return row;
    });
    var totals = {};
    (field.totals || []).forEach(function (id) {
      var total = 0;
      filled.forEach(function (r) { if (typeof r[id] === "number") total += r[id]; });
      totals[id] = roundHalfUp(total, DISPLAY_DIGITS);
    });
    return { rows: filled, totals: totals };
  }

  /** A number as every output shows it: thousands commas, at most DISPLAY_DIGITS decimals, no trailing zeros. */
  function formatNumber(value) {
    var tidy = roundHalfUp(value, DISPLAY_DIGITS) + 0; // -0 shows as 0
    return tidy.toLocaleString("en-US", { maximumFractionDigits: DISPLAY_DIGITS });
  }

  Object.assign(Z, {
    formatNumber: formatNumber, parseFormula: parse, evaluateFormula: evaluate, parseCellNumber: parseNumber, roundHalfUp: roundHalfUp,
    fillTable: fillTable, FormulaError: FormulaError,
  });
})(Zhineng);
