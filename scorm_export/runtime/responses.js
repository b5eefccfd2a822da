/* What an answer looks like to the LMS: each version's response and correct-response formats, and the
 * cleaning both versions' string patterns need. Reads the per-version words from scorm-table.js. */
// needs: question-types.js scorm-table.js
(function (Z) {
  "use strict";

  var VERSIONS = Z.SCORM_VERSIONS;
  var SHORT_TEXT = 255; // reflection texts without longReflectionText: 1.2's fill-in limit, in both versions

  // 2004's CMIDecimal allows at most ten integer digits; null means "leave the element out".
  function decimal(n) {
    if (typeof n !== "number" || !isFinite(n) || Math.abs(n) >= 1e10) return null;
    var s = n.toFixed(10).replace(/\.?0+$/, "");
    return s === "-0" ? "0" : s;
  }

  // LMS strings are single-line in both versions' patterns (a JavaScript "." matches no line or paragraph
  // separator either), and 2004 reads "[,]" and a leading "{" as syntax.
  function cleanText(text, max) {
    var s = String(text).replace(/[\r\n\t\u2028\u2029]+/g, " ").split("[,]").join("[ ,]").split("[.]").join("[ .]");
    if (s.charAt(0) === "{") s = " " + s;
    return max && s.length > max ? s.slice(0, max) : s;
  }

  /** The interaction record of one answered question or reflection, in the version's formats. */
  function interactionValues(version, item, shortReflections) {
    var v = VERSIONS[version];
    var q = item.question;
    var type = v.types[q ? q.type : "reflection"];
    var out = { type: type, learner: null, correct: [] };
    if (!q) {
      out.learner = cleanText(item.text, shortReflections ? Math.min(SHORT_TEXT, v.textMax[type]) : v.textMax[type]);
      return out;
    }
    var r = item.response;
    if (Z.QUESTION_TYPES[q.type]) return Z.QUESTION_TYPES[q.type].interaction(v, q, r);
    switch (q.type) {
      case "single_choice":
        out.learner = r;
        out.correct = [q.choices.filter(function (c) { return c.correct; }).map(function (c) { return c.id; }).join(v.list)];
        break;
      case "multiple_response":
        out.learner = r.join(v.list);
        out.correct = [q.choices.filter(function (c) { return c.correct; }).map(function (c) { return c.id; }).join(v.list)];
        break;
      case "true_false":
        out.learner = v.bool[String(r)];
        out.correct = [v.bool[String(q.answer)]];
        break;
      case "numeric": {
        out.learner = decimal(item.value);
        var tol = q.tolerance || 0;
        var lo = decimal(q.answer - tol);
        var hi = decimal(q.answer + tol);
        out.correct = v.numericRange ? [lo + "[:]" + hi] : [decimal(q.answer)];
        break;
      }
      case "short_text":
        out.learner = cleanText(r, v.textMax[type]);
        out.correct = q.accepted.slice(0, v.patternsMax).map(function (a) { return cleanText(a, v.textMax[type]); });
        break;
      case "ordering":
        out.learner = r.join(v.list);
        out.correct = [q.answer.join(v.list)];
        break;
      case "matching":
        out.learner = q.premises.filter(function (p) { return r[p.id]; })
          .map(function (p) { return p.id + v.pair + r[p.id]; }).join(v.list);
        out.correct = [q.premises.map(function (p) { return p.id + v.pair + q.answer[p.id]; }).join(v.list)];
        break;
    }
    return out;
  }

  Object.assign(Z, { interactionValues: interactionValues, decimal: decimal, cleanText: cleanText });
})(Zhineng);
