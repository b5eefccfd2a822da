/* The grader, ported line for line from quizzes/grader.py and quizzes/text.py.
 * Same response shapes, same refusals (messages too), same arithmetic order, so the golden cases in
 * tests/golden/grading/cases.yaml give identical results here and in Python. */
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

  // --- grader.py -----------------------------------------------------------------------------

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

  function result(question, fractionNum, fractionDen, feedback) {
    var points = question.points === undefined ? 1.0 : question.points;
    var score = points * fractionNum / fractionDen;
    return { score: score, max_score: points, correct: fractionNum === fractionDen, feedback: feedback };
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

  function singleChoice(q, response) {
    if (typeof response !== "string") throw new ResponseError("expected one choice id");
    var chosen = q.choices.find(function (c) { return c.id === response; });
    if (!chosen) throw new ResponseError("unknown choice id '" + cut40(response) + "'");
    return result(q, chosen.correct ? 1 : 0, 1, [chosen.feedback]);
  }

  function multipleResponse(q, response) {
    var picked = new Set(idsList(response, "choice"));
    if (!picked.size) throw new ResponseError("choose at least one choice");
    var known = new Set(q.choices.map(function (c) { return c.id; }));
    var unknown = Array.from(picked).filter(function (id) { return !known.has(id); });
    if (unknown.length) {
      throw new ResponseError("unknown choice id '" + cut40(unknown.sort(byCodePoint)[0]) + "'");
    }
    var correctIds = new Set(q.choices.filter(function (c) { return c.correct; }).map(function (c) { return c.id; }));
    var feedback = q.choices.filter(function (c) { return picked.has(c.id); }).map(function (c) { return c.feedback; });
    if (q.scoring === "partial") {
      var right = Array.from(picked).filter(function (id) { return correctIds.has(id); }).length;
      var wrong = picked.size - right;
      return result(q, Math.max(0, right - wrong), correctIds.size, feedback);
    }
    var same = picked.size === correctIds.size && Array.from(picked).every(function (id) { return correctIds.has(id); });
    return result(q, same ? 1 : 0, 1, feedback);
  }

  function trueFalse(q, response) {
    if (typeof response !== "boolean") throw new ResponseError("expected true or false");
    var right = response === q.answer;
    return result(q, right ? 1 : 0, 1, [right ? q.feedback.correct : q.feedback.incorrect]);
  }

  function numeric(q, response) {
    var value = null;
    if (typeof response === "number") {
      value = response;
    } else if (typeof response === "string" && pyLen(response) <= 64) {
      value = parseNumber(response, q.unit);
    }
    if (value === null || !isFinite(value)) throw new ResponseError("expected a number");
    var tolerance = q.tolerance || 0.0;
    if (toleranceHit(value, q.answer, tolerance)) return result(q, 1, 1, [q.feedback.correct]);
    var mistake = (q.mistakes || []).find(function (m) { return toleranceHit(value, m.value, tolerance); });
    return result(q, 0, 1, [mistake ? mistake.feedback : q.feedback.incorrect]);
  }

  function shortText(q, response) {
    if (typeof response !== "string") throw new ResponseError("expected a text answer");
    if (pyLen(response) > MAX_TEXT_RESPONSE) {
      throw new ResponseError("the answer is longer than " + MAX_TEXT_RESPONSE + " characters");
    }
    var given = normaliseText(response);
    if (!given) throw new ResponseError("the answer is empty");
    if (q.accepted.some(function (a) { return given === normaliseText(a); })) {
      return result(q, 1, 1, [q.feedback.correct]);
    }
    var mistake = (q.mistakes || []).find(function (m) { return given === normaliseText(m.text); });
    return result(q, 0, 1, [mistake ? mistake.feedback : q.feedback.incorrect]);
  }

  function ordering(q, response) {
    var order = idsList(response, "item");
    var ids = q.items.map(function (i) { return i.id; });
    if (!sameList(order.slice().sort(byCodePoint), ids.slice().sort(byCodePoint))) {
      throw new ResponseError("expected every item id exactly once");
    }
    var right = sameList(order, q.answer);
    return result(q, right ? 1 : 0, 1, [right ? q.feedback.correct : q.feedback.incorrect]);
  }

  function matching(q, response) {
    if (!isPlainObject(response) || !Object.keys(response).every(function (k) { return typeof response[k] === "string"; })) {
      throw new ResponseError("expected an object of premise id -> option id");
    }
    if (!Object.keys(response).length) throw new ResponseError("match at least one premise");
    var premiseIds = new Set(q.premises.map(function (p) { return p.id; }));
    var optionIds = new Set(q.options.map(function (o) { return o.id; }));
    Object.keys(response).forEach(function (premise) {
      if (!premiseIds.has(premise)) throw new ResponseError("unknown premise id '" + cut40(premise) + "'");
      if (!optionIds.has(response[premise])) {
        throw new ResponseError("unknown option id '" + cut40(response[premise]) + "'");
      }
    });
    var has = Object.prototype.hasOwnProperty;
    var right = q.premises.filter(function (p) {
      return has.call(response, p.id) && response[p.id] === q.answer[p.id];
    }).length;
    var total = q.premises.length;
    var allRight = right === total;
    var feedback = [allRight ? q.feedback.correct : q.feedback.incorrect];
    if (q.scoring === "partial") return result(q, right, total, feedback);
    return result(q, allRight ? 1 : 0, 1, feedback);
  }

  var GRADERS = {
    single_choice: singleChoice,
    multiple_response: multipleResponse,
    true_false: trueFalse,
    numeric: numeric,
    short_text: shortText,
    ordering: ordering,
    matching: matching,
  };

  /** Grade one response; throws ResponseError for a malformed response, never anything else. */
  function grade(question, response) {
    var unit = Z.QUESTION_TYPES[question.type];
    return (unit ? unit.grade : GRADERS[question.type])(question, response);
  }

  Object.assign(Z, {
    grade: grade,
    ResponseError: ResponseError,
    normaliseText: normaliseText,
    parseNumber: parseNumber,
    toleranceHit: toleranceHit,
    gradeResult: result,
    pyLen: pyLen,
    MAX_TEXT_RESPONSE: MAX_TEXT_RESPONSE,
  });
})(Zhineng);
