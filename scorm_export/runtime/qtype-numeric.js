/* The numeric type's runtime half (quizzes/types/numeric.py). State body: what was typed, cut to NUMERIC_MAX. */
// needs: question-types.js grader.js widgets.js state.js responses.js dom.js
(function (Z) {
  "use strict";

  var NUMERIC_MAX = 32; // quizzes/types/numeric.py NUMERIC_MAX: the box's maxlength, and what the state keeps

  function grade(q, response) {
    var value = null;
    if (typeof response === "number") {
      value = response;
    } else if (typeof response === "string" && Z.pyLen(response) <= 64) {
      value = Z.parseNumber(response, q.unit);
    }
    if (value === null || !isFinite(value)) throw new Z.ResponseError("expected a number");
    var tolerance = q.tolerance || 0.0;
    if (Z.toleranceHit(value, q.answer, tolerance)) return Z.gradeResult(q, 1, 1, [q.feedback.correct]);
    var mistake = (q.mistakes || []).find(function (m) { return Z.toleranceHit(value, m.value, tolerance); });
    return Z.gradeResult(q, 0, 1, [mistake ? mistake.feedback : q.feedback.incorrect]);
  }

  function widget(q, t) {
    var w = Z.textWidget(q, t, t("numberLabel"), NUMERIC_MAX, q.unit ? t("unit", { unit: q.unit }) : null, "decimal");
    w.refused = function () { return t("notANumber"); };
    w.key = function () { return Z.h("p", { text: Z.decimal(q.answer) + (q.unit ? " " + q.unit : "") }); };
    return w;
  }

  // 2004 gives the tolerance as a range; 1.2 has no range syntax, so the answer itself is the pattern.
  function interaction(v, q, response) {
    var value = typeof response === "number" ? response : Z.parseNumber(response, q.unit);
    var tol = q.tolerance || 0;
    var correct = v.numericRange
      ? [Z.decimal(q.answer - tol) + "[:]" + Z.decimal(q.answer + tol)]
      : [Z.decimal(q.answer)];
    return { type: "numeric", learner: Z.decimal(value), correct: correct };
  }

  Z.QUESTION_TYPES.numeric = {
    // The words its widget shows, looked up before the player's own (i18n.js translator).
    strings: {
      "zh-TW": { numberLabel: "你的答案（數字）", unit: "單位：{unit}", notANumber: "請輸入數字，例如 250 或 12.5。" },
      en: { numberLabel: "Your answer (a number)", unit: "Unit: {unit}", notANumber: "Enter a number, such as 250 or 12.5." },
    },
    grade: grade,
    widget: widget,
    encode: function (q, response) { return Z.codec.cut(String(response), NUMERIC_MAX); },
    decode: function (q, body) { return body; },
    interaction: interaction,
    longest: function () { return "9".repeat(500); },
  };
})(Zhineng);
