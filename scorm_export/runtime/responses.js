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
    // A question's record is its type's (qtype-*.js): {type, learner, correct patterns}.
    if (q) return Z.QUESTION_TYPES[q.type].interaction(v, q, item.response);
    var type = v.types.reflection;
    var max = shortReflections ? Math.min(SHORT_TEXT, v.textMax[type]) : v.textMax[type];
    return { type: type, learner: cleanText(item.text, max), correct: [] };
  }

  Object.assign(Z, { interactionValues: interactionValues, decimal: decimal, cleanText: cleanText });
})(Zhineng);
