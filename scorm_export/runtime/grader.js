/* The grader's shared half, ported line for line from quizzes/text.py and quizzes/result.py; each type's grading
 * is in its own module (qtype-*.js, the port of quizzes/types/). Same response shapes, same refusals (messages
 * too), same arithmetic order, so the golden cases in tests/golden/grading/cases.yaml give identical results
 * here and in Python. */
// needs: question-types.js
(function (Z) {
  "use strict";

  var MAX_TEXT_RESPONSE = 500;

  function ResponseError(message) {
    this.name = "ResponseError";
    this.message = message;
  }
  ResponseError.prototype = Object.create(Error.prototype);
  ResponseError.prototype.constructor = ResponseError;

  // --- text.py -------------------------------------------------------------------------------

  // Python's str.strip() whitespace (str.isspace), which differs from JS trim() (e.g. \x1c-\x1f, \x85, BOM).
  var PY_SPACE = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005" +
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000";

  function pyStrip(s) {
    var start = 0;
    var end = s.length;
    while (start < end && PY_SPACE.indexOf(s.charAt(start)) >= 0) start++;
    while (end > start && PY_SPACE.indexOf(s.charAt(end - 1)) >= 0) end--;
    return s.slice(start, end);
  }

  // Python's re `\d` is any Unicode decimal digit (Nd); JS's is ASCII only, hence \p{Nd}.
  var SPACES = /[ \t\n\r\f\v]+/g;
  var GROUPED = /^[+-]?\p{Nd}{1,3}(,\p{Nd}{3})+(\.\p{Nd}+)?$/u;
  var NUMBER = /^[+-]?(\p{Nd}+(\.\p{Nd}*)?|\.\p{Nd}+)([eE][+-]?\p{Nd}+)?$/u;
  var ND = /^\p{Nd}$/u;

  function normaliseText(value) {
    return pyStrip(value.normalize("NFKC").replace(SPACES, " ")).toLowerCase();
  }

  // Python's float() reads any Unicode digit; map each to ASCII by its place in its run of ten.
  function asciiDigits(text) {
    var out = "";
    Array.from(text).forEach(function (ch) {
      if (ch >= "0" && ch <= "9") {
        out += ch;
      } else if (ND.test(ch)) {
        var cp = ch.codePointAt(0);
        var start = cp;
        while (ND.test(String.fromCodePoint(start - 1))) start--;
        out += String((cp - start) % 10);
      } else {
        out += ch;
      }
    });
    return out;
  }

  function parseNumber(value, unit) {
    var text = pyStrip(value.normalize("NFKC"));
    if (unit) {
      var foldedUnit = pyStrip(unit.normalize("NFKC"));
      if (foldedUnit && text.endsWith(foldedUnit)) {
        text = pyStrip(text.slice(0, text.length - foldedUnit.length));
      }
    }
    if (GROUPED.test(text)) text = text.split(",").join("");
    if (!NUMBER.test(text)) return null;
    return Number(asciiDigits(text));
  }

  // --- result.py -----------------------------------------------------------------------------

  function pyLen(s) {
    return Array.from(s).length; // code points, as Python counts
  }

  function cut40(s) {
    return Array.from(s).slice(0, 40).join("");
  }

  function byCodePoint(a, b) {
    var x = Array.from(a).map(function (c) { return c.codePointAt(0); });
    var y = Array.from(b).map(function (c) { return c.codePointAt(0); });
    for (var i = 0; i < Math.min(x.length, y.length); i++) {
      if (x[i] !== y[i]) return x[i] - y[i];
    }
    return x.length - y.length;
  }

  function sameList(a, b) {
    return a.length === b.length && a.every(function (x, i) { return x === b[i]; });
  }

  function isPlainObject(v) {
    return v !== null && typeof v === "object" && !Array.isArray(v);
  }

  function toleranceHit(value, target, tolerance) {
    return Math.abs(value - target) <= tolerance + 1e-9 * Math.max(1.0, Math.abs(target));
  }

  // marks: [[part id, right], ...] for the types that mark each part (ordering, matching); as Result.marks.
  function result(question, fractionNum, fractionDen, feedback, marks) {
    var points = question.points === undefined ? 1.0 : question.points;
    var score = points * fractionNum / fractionDen;
    var out = { score: score, max_score: points, correct: fractionNum === fractionDen, feedback: feedback };
    if (marks && marks.length) out.marks = Object.fromEntries(marks);
    return out;
  }

  function idsList(response, what) {
    if (!Array.isArray(response) || !response.every(function (x) { return typeof x === "string"; })) {
      throw new ResponseError("expected a list of " + what + " ids");
    }
    if (new Set(response).size !== response.length) {
      throw new ResponseError("the same " + what + " id is given twice");
    }
    return response;
  }

  /** Grade one response; throws ResponseError for a malformed response, never anything else. */
  function grade(question, response) {
    return Z.QUESTION_TYPES[question.type].grade(question, response);
  }

  Object.assign(Z, {
    grade: grade,
    ResponseError: ResponseError,
    normaliseText: normaliseText,
    parseNumber: parseNumber,
    toleranceHit: toleranceHit,
    gradeResult: result,
    pyLen: pyLen,
    idsList: idsList,
    cut40: cut40,
    byCodePoint: byCodePoint,
    sameList: sameList,
    isPlainObject: isPlainObject,
    MAX_TEXT_RESPONSE: MAX_TEXT_RESPONSE,
  });
})(Zhineng);
