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

  // A long text as SCORM 2004 interactions hold it (performance/codec.py lms_parts): the whole text made one LMS
  // line first, then split into parts of at most `max` UTF-16 units, never inside a surrogate pair, a part that
  // would start with "{" led by a space within its `max`: escaping never pushes a character out of a part.
  function lmsParts(text, max) {
    var line = cleanText(text);
    var out = [];
    var at = 0;
    do {
      var lead = line.charAt(at) === "{" ? " " : "";
      var end = Math.min(line.length, at + max - lead.length);
      var code = line.charCodeAt(end - 1);
      if (end < line.length && code >= 0xd800 && code <= 0xdbff) end--;
      out.push(lead + line.slice(at, end));
      at = end;
    } while (at < line.length);
    return out;
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

  Object.assign(Z, { interactionValues: interactionValues, decimal: decimal, cleanText: cleanText, lmsParts: lmsParts });
})(Zhineng);
